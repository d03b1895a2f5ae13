// Issue #17: every file dialog of the client opens (choosing an attachment, saving the printed
// application form, the summary table and the leave form), in Chinese and in English, with Qt's
// own buttons in the interface language; and every QML module the client loaded doing so is
// installed by a package that the tepei-client .deb depends on (installer/client-runtime-packages).
import QtQuick
import QtTest
import Tepei
import Tepei.Client

TestCase {
    id: testCase
    name: "Pkg1_FileDialogs"
    width: 1280
    height: 820
    when: windowShown
    visible: true

    Component { id: attachmentsComponent; AttachmentsPanel { } }
    Component { id: formComponent; FormPage { } }
    Component { id: queueComponent; ReviewQueue { } }
    Component { id: leaveComponent; LeavePage { } }

    function signedIn(role) {
        const c = testEnv.newController(role)
        c.signIn(role, "secret-1", true)
        tryCompare(c, "signedIn", true, 20000)
        return c
    }

    // Opens the page's dialog, waits until it shows, photographs the window and cancels it.
    function openAndCancel(page, dialogName, shot) {
        const dialog = findChild(page, dialogName)
        verify(dialog, dialogName)
        dialog.open()
        tryCompare(dialog, "visible", true, 10000)
        wait(100)
        grabImage(testCase).save(testEnv.screenshotPath(shot))
        dialog.reject()
        tryCompare(dialog, "visible", false, 10000)
    }

    function test_1_every_file_dialog_opens_in_both_languages() {
        for (const lang of ["zh", "en"]) {
            const c = signedIn(lang === "zh" ? "applicant" : "applicant")
            c.language = lang
            const id = c.createApplication("150100", "visiting_scholar")
            const panel = createTemporaryObject(attachmentsComponent, testCase, { controller: c, recordId: id })
            openAndCancel(panel, "attachmentFileDialog", "dialog-attachment-" + lang)
            const form = createTemporaryObject(formComponent, testCase, { controller: c, recordId: id, width: 1280, height: 820 })
            openAndCancel(form, "printFileDialog", "dialog-print-" + lang)
            const reviewer = signedIn("authority_reviewer")
            reviewer.language = lang
            const queue = createTemporaryObject(queueComponent, testCase, { controller: reviewer, width: 1280, height: 820 })
            openAndCancel(queue, "exportFileDialog", "dialog-export-" + lang)
            const unit = signedIn("training_unit_officer")
            unit.language = lang
            const leave = createTemporaryObject(leaveComponent, testCase, { controller: unit, width: 1280, height: 820 })
            openAndCancel(leave, "leavePrintFileDialog", "dialog-leave-print-" + lang)
        }
    }

    function test_2_the_package_depends_on_every_qml_module_loaded() {
        const missing = testEnv.runtimePackagesNotDeclared()
        compare(missing, [], "packages the client loaded QML modules from but tepei-client does not depend on: " + missing.join(", "))
    }
}
