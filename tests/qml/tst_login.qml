// R-SEC-1, R-SYNC-1: online sign-in (fake server), offline sign-in with the verifier kept from it,
// and the messages when offline sign-in cannot work or the password is wrong.
import QtQuick
import QtTest
import Tepei
import Tepei.Client

TestCase {
    id: testCase
    name: "RSec1_Login"
    width: 1280
    height: 820
    when: windowShown
    visible: true

    Component { id: loginComponent; LoginPage { } }

    function findChild(item, objectName) {
        if (!item) return null
        if (item.objectName === objectName) return item
        const kids = item.children || []
        for (let i = 0; i < kids.length; ++i) {
            const found = findChild(kids[i], objectName)
            if (found) return found
        }
        if (item.contentItem && item.contentItem !== item) return findChild(item.contentItem, objectName)
        return null
    }

    function test_offline_sign_in_needs_an_earlier_online_one() {
        const c = testEnv.newController("applicant")
        const page = createTemporaryObject(loginComponent, testCase, { controller: c, width: 1280, height: 820 })
        waitForRendering(page)
        findChild(page, "loginField").text = "bateer"
        findChild(page, "passwordField").text = "secret-1"
        mouseClick(findChild(page, "offlineButton"))
        const message = findChild(page, "loginMessage")
        tryVerify(() => message.text.indexOf("尚未在本机联网登录过") >= 0, 20000, message.text)
        verify(!c.signedIn)
        grabImage(page).save(testEnv.screenshotPath("login"))
    }

    function test_online_then_offline_sign_in() {
        const c = testEnv.newController("applicant")
        const page = createTemporaryObject(loginComponent, testCase, { controller: c, width: 1280, height: 820 })
        waitForRendering(page)
        findChild(page, "loginField").text = "bateer"
        findChild(page, "passwordField").text = "secret-1"
        mouseClick(findChild(page, "onlineButton"))
        tryCompare(c, "signedIn", true, 20000)
        compare(c.role, "applicant")
        compare(c.displayName, "巴特尔")
        c.signOut()
        verify(!c.signedIn)

        findChild(page, "passwordField").text = "wrong"
        mouseClick(findChild(page, "offlineButton"))
        const message = findChild(page, "loginMessage")
        tryVerify(() => message.text.indexOf("用户名或密码错误") >= 0, 20000, message.text)
        verify(!c.signedIn)

        findChild(page, "passwordField").text = "secret-1"
        mouseClick(findChild(page, "offlineButton"))
        tryCompare(c, "signedIn", true, 20000)
        verify(c.offlineSession)
    }
}
