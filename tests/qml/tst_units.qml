// R-ORG-3, issue #12 item 8: a work unit registers from the client's registration page (its name,
// its recommending authority from the list, its first reviewer account), and the authority
// decides on the registrations waiting for it: approves one, or refuses with a reason it must
// write. Against the test's server (test_env.cpp), offline otherwise. Screenshots zh and en.
import QtQuick
import QtTest
import Tepei
import Tepei.Client

TestCase {
    id: testCase
    name: "ROrg3_UnitRegistration"
    width: 1280
    height: 820
    when: windowShown
    visible: true

    Component { id: registerComponent; RegisterPage { } }
    Component { id: unitsComponent; UnitRegistrationsPage { } }
    SignalSpy { id: registered; signalName: "registerFinished" }
    SignalSpy { id: decided; signalName: "unitDecided" }

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
    function shoot(item, name) {
        wait(50)
        grabImage(item).save(testEnv.screenshotPath(name))
    }

    function test_1_a_work_unit_registers_under_its_recommending_authority() {
        const c = testEnv.newController("unit_reviewer")
        const page = createTemporaryObject(registerComponent, testCase, { controller: c, width: 1280, height: 820 })
        mouseClick(findNamed(page, "registerAsUnit"))
        verify(page.asUnit)
        const button = findNamed(page, "registerButton")
        findNamed(page, "registerLogin").text = "hlge"
        findNamed(page, "registerName").text = "乌云"
        findNamed(page, "registerMobile").text = "13800000011"
        findNamed(page, "registerPassword").text = "Grass-Sea-2024"
        findNamed(page, "registerPassword2").text = "Grass-Sea-2024"
        verify(!button.enabled, "the unit's name and authority are still missing")
        findNamed(page, "unitName").text = "和林格尔县人民医院"
        verify(!button.enabled, "no authority chosen")
        const authorities = findNamed(page, "unitAuthority")
        verify(authorities.model.length >= 26, "every recommending authority of the reference list")
        compare(authorities.model[0].name, "呼和浩特市")
        page.authority = authorities.model[0].code
        compare(authorities.displayText, "呼和浩特市")
        verify(button.enabled)
        shoot(page, "register-unit-zh")
        registered.target = c
        registered.clear()
        mouseClick(button)
        tryCompare(registered, "count", 1)
        compare(registered.signalArguments[0][0], true)
        verify(findNamed(page, "registerMessage").text.indexOf("呼和浩特市审核通过后") >= 0,
               findNamed(page, "registerMessage").text)
        c.language = "en"
        shoot(page, "register-unit-en")
        c.language = "zh"
    }

    function test_2_the_authority_approves_a_registration_and_a_refusal_needs_a_reason() {
        const c = testEnv.newController("authority_reviewer")
        c.signIn("authority_reviewer", "secret-1", true)
        tryCompare(c, "signedIn", true, 20000)
        const page = createTemporaryObject(unitsComponent, testCase, { controller: c, width: 1280, height: 820 })
        tryCompare(page, "loaded", true)
        compare(page.units.length, 1)
        compare(page.units[0].name, "和林格尔县人民医院")
        shoot(page, "unit-registrations-zh")
        // A refusal without a reason cannot be sent.
        mouseClick(findNamed(page, "rejectUnit_0"))
        const dialog = findChild(page, "rejectDialog")
        tryCompare(dialog, "opened", true)
        const confirm = findChild(dialog.contentItem, "rejectConfirm")
        verify(!confirm.enabled)
        findChild(dialog.contentItem, "rejectReason").text = "   "
        verify(!confirm.enabled, "blanks are no reason")
        shoot(testCase, "unit-registrations-reject-zh")
        dialog.close()
        decided.target = c
        decided.clear()
        mouseClick(findNamed(page, "approveUnit_0"))
        tryCompare(decided, "count", 1)
        compare(decided.signalArguments[0][0], true)
        tryVerify(() => page.units.length === 0) // the page takes a new list at each reload
        verify(findNamed(page, "unitsMessage").text.indexOf("已通过") >= 0)
        verify(findNamed(page, "unitsEmpty").visible)
        c.language = "en"
        shoot(page, "unit-registrations-en")
        c.language = "zh"
    }

    function test_3_offline_the_page_says_it_needs_the_server() {
        const c = testEnv.newController("authority_reviewer")
        c.signIn("authority_reviewer", "secret-1", false) // offline sign-in: no session on the server
        const page = createTemporaryObject(unitsComponent, testCase, { controller: c, width: 1280, height: 820 })
        tryCompare(page, "loaded", true)
        verify(findNamed(page, "unitsError").text.length > 0)
    }
}
