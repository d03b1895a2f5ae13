// R-APP-2, R-SYNC-4: supporting documents are checked against the campaign's types, recorded
// with their upload state, kept after the page is closed, and wait (paused, with the reason)
// while there is no connection; the summary export and registration reach the (fake) server.
import QtQuick
import QtTest
import Tepei
import Tepei.Client

TestCase {
    id: testCase
    name: "RApp2_Attachments"
    width: 1280
    height: 820
    when: windowShown
    visible: true

    Component { id: attachmentsComponent; AttachmentModel { } }
    Component { id: registerComponent; RegisterPage { } }
    SignalSpy { id: exportSpy; signalName: "exportFinished" }
    SignalSpy { id: registerSpy; signalName: "registerFinished" }

    function signedIn(role) {
        const c = testEnv.newController(role)
        c.signIn(role, "secret-1", true)
        tryCompare(c, "signedIn", true, 20000)
        return c
    }

    function test_attach_check_keep_and_wait_offline() {
        const c = signedIn("applicant")
        const id = c.createApplication("150100", "visiting_scholar")
        const model = createTemporaryObject(attachmentsComponent, testCase, { controller: c, recordId: id })
        verify(model.limitText.indexOf("20 MB") >= 0, model.limitText)
        compare(model.categories.length, 4)

        const refused = model.add("other", testEnv.writeFile("notes.txt", 100))
        verify(refused.indexOf("不能上传此类型的文件") >= 0, refused)
        compare(model.count, 0)

        compare(model.add("id_card", testEnv.writeFile("id-card.png", 300000)), "")
        compare(model.count, 1)
        const status = () => model.data(model.index(0, 0), 256 + 7)
        tryVerify(() => status().indexOf("上传暂停") >= 0, 10000, status())
        verify(status().indexOf("无法连接服务器") >= 0, status())
        compare(model.data(model.index(0, 0), 256 + 2), "身份证")
        compare(String(model.data(model.index(0, 0), 256 + 5)).length, 64)

        const reopened = createTemporaryObject(attachmentsComponent, testCase, { controller: c, recordId: id })
        compare(reopened.count, 1)
        compare(reopened.data(reopened.index(0, 0), 256 + 3), "id-card.png")
        reopened.remove(0)
        compare(reopened.count, 0)
    }

    function test_export_summary_to_a_file() {
        const c = signedIn("authority_reviewer")
        exportSpy.target = c
        const path = testEnv.tempPath("summary.xlsx")
        c.exportSummary(path)
        exportSpy.wait(10000)
        compare(exportSpy.signalArguments[0][0], true, exportSpy.signalArguments[0][1])
        verify(exportSpy.signalArguments[0][1].indexOf(path) >= 0)
        compare(testEnv.fileSize(path), 16)
    }

    function test_register_an_applicant() {
        const c = testEnv.newController("applicant")
        registerSpy.target = c
        const page = createTemporaryObject(registerComponent, testCase, { controller: c, width: 1280, height: 820 })
        waitForRendering(page)
        c.registerApplicant("bateer", "Steppe-Horse-88", "巴特尔", "13800000000", "W001")
        registerSpy.wait(10000)
        compare(registerSpy.signalArguments[0][0], true)
        compare(page.message.indexOf("注册成功"), 0)
        grabImage(page).save(testEnv.screenshotPath("register"))
    }
}
