// R-L10N-1: the interface switches to English (Qt Linguist translation and the model's English
// labels) and back to Simplified Chinese.
import QtQuick
import QtTest
import Tepei
import Tepei.Client

TestCase {
    id: testCase
    name: "RL10n1_English"
    width: 1280
    height: 820
    when: windowShown
    visible: true

    Component { id: loginComponent; LoginPage { } }
    Component { id: formComponent; FormPage { } }

    function findNamed(item, objectName) {
        if (!item) return null
        if (item.objectName === objectName) return item
        const kids = item.children || []
        for (let i = 0; i < kids.length; ++i) {
            const found = findNamed(kids[i], objectName)
            if (found) return found
        }
        if (item.contentItem && item.contentItem !== item && item.contentItem.parent !== item)
            return findNamed(item.contentItem, objectName)
        return null
    }

    function test_switch_language() {
        const c = testEnv.newController("applicant")
        const login = createTemporaryObject(loginComponent, testCase, { controller: c, width: 1280, height: 820 })
        waitForRendering(login)
        compare(findNamed(login, "onlineButton").text, "联网登录")
        c.language = "en"
        tryVerify(() => findNamed(login, "onlineButton").text === "Sign in online", 5000,
                  findNamed(login, "onlineButton").text)
        grabImage(login).save(testEnv.screenshotPath("login-en"))

        c.signIn("bateer", "secret-1", true)
        tryCompare(c, "signedIn", true, 20000)
        compare(c.roleLabel, "Applicant")
        const id = c.createApplication("150100", "visiting_scholar")
        const form = createTemporaryObject(formComponent, testCase, { controller: c, recordId: id, width: 1280, height: 820 })
        waitForRendering(form)
        tryCompare(form.doc, "exists", true)
        const fields = form.doc.fields
        compare(fields.data(fields.index(fields.indexOf("name"), 0), 258), "Name")
        verify(form.doc.eligibility.some(r => r.indexOf("ethnic group") >= 0), form.doc.eligibility.join("\n"))
        grabImage(form).save(testEnv.screenshotPath("form-en"))

        c.language = "zh"
        tryVerify(() => findNamed(login, "onlineButton").text === "联网登录")
        compare(fields.data(fields.index(fields.indexOf("name"), 0), 258), "姓名")
    }
}
