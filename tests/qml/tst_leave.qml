// R-LV-1..3: the leave page. The training unit lands on it, sees the request awaiting it and
// approves with an opinion (a local change carrying the digest it saw); the trainee files a request
// from it; dates the wrong way round are refused with the reason and queue nothing; screenshots in
// Chinese and English.
import QtQuick
import QtTest
import Tepei
import Tepei.Client

TestCase {
    id: testCase
    name: "RLv1_RLv2_LeavePage"
    width: 1280
    height: 820
    when: windowShown
    visible: true

    Component { id: leaveComponent; LeavePage { } }

    function signedIn(role) {
        const c = testEnv.newController(role)
        c.signIn(role, "secret-1", true)
        tryCompare(c, "signedIn", true, 20000)
        return c
    }

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

    function shoot(page, name) {
        wait(50)
        grabImage(page).save(testEnv.screenshotPath(name))
    }

    function test_1_training_unit_approves_a_request_awaiting_it() {
        testEnv.setToday("2024-10-06")
        const c = signedIn("training_unit_officer")
        const apps = testEnv.seed(c, 1, "admitted", "u-trainee")
        testEnv.seedLeave(c, apps[0], "2024-10-08", "2024-10-09", "u-trainee")
        const page = createTemporaryObject(leaveComponent, testCase, { controller: c, width: 1280, height: 820 })
        const list = findNamed(page, "leaveList")
        tryCompare(list, "count", 1)
        compare(findNamed(page, "awaitingSummary").text, "1 项待您处理")
        verify(findNamed(page, "trainingList").visible, "the training unit sees its trainees in training")
        shoot(page, "leave-training-unit-zh")
        const decide = findNamed(page, "decideButton")
        verify(decide && decide.visible)
        mouseClick(decide)
        const dialog = findChild(page, "decideDialog")
        tryCompare(dialog, "opened", true)
        findChild(dialog, "opinionField").text = "同意，注意休息"
        mouseClick(findChild(dialog, "approveButton"))
        const change = testEnv.lastOutboxChange(c)
        compare(change.op, "command")
        compare(change.payload.name, "leave_approve")
        compare(change.payload.comment, "同意，注意休息")
        verify(change.payload.digest.length === 64, "the decision names the version it was made on")
        compare(findNamed(page, "leaveMessage").text, "")
        tryCompare(findNamed(page, "awaitingSummary"), "text", "没有待您处理的请假申请")
        c.language = "en"
        shoot(page, "leave-training-unit-en")
        c.language = "zh"
    }

    function test_2_trainee_files_a_request_and_a_vacation_is_refused() {
        const c = signedIn("applicant")
        testEnv.seed(c, 1, "admitted", "u-applicant")
        const page = createTemporaryObject(leaveComponent, testCase, { controller: c, width: 1280, height: 820 })
        const button = findNamed(page, "newLeaveButton")
        tryCompare(button, "visible", true)
        mouseClick(button)
        const dialog = findChild(page, "fileDialog")
        tryCompare(dialog, "opened", true)
        findChild(dialog, "startField").text = "2024-10-08"
        findChild(dialog, "endField").text = "2024-10-25"
        findChild(dialog, "reasonField").text = "急性阑尾炎住院"
        dialog.accept()
        compare(findNamed(page, "leaveMessage").text, "")
        const list = findNamed(page, "leaveList")
        tryCompare(list, "count", 1)
        const row = list.itemAtIndex(0)
        verify(row, "the new request is listed")
        compare(testEnv.lastOutboxChange(c).payload.leave_type, "sick")
        // Until the first decision the trainee may change it: two more days.
        const edit = findNamed(list.itemAtIndex(0), "editButton")
        verify(edit && edit.visible)
        mouseClick(edit)
        tryCompare(dialog, "opened", true)
        compare(findChild(dialog, "startField").text, "2024-10-08")
        findChild(dialog, "endField").text = "2024-10-27"
        dialog.accept()
        compare(findNamed(page, "leaveMessage").text, "")
        compare(testEnv.lastOutboxChange(c).payload.end, "2024-10-27")
        tryCompare(list, "count", 1)
        compare(list.model[0].days, 20)
        shoot(page, "leave-trainee-zh")
        c.language = "en"
        shoot(page, "leave-trainee-en")
        c.language = "zh"
        // Dates the wrong way round: refused with the reason, nothing queued.
        const before = testEnv.outboxSize(c)
        mouseClick(findNamed(page, "newLeaveButton"))
        tryCompare(dialog, "opened", true)
        findChild(dialog, "startField").text = "2024-11-09"
        findChild(dialog, "endField").text = "2024-11-08"
        dialog.accept()
        verify(findNamed(page, "leaveMessage").text.indexOf("早于开始日期") >= 0, findNamed(page, "leaveMessage").text)
        compare(testEnv.outboxSize(c), before)
        compare(list.count, 1)
        shoot(page, "leave-trainee-refused-zh")
        c.language = "en"
        shoot(page, "leave-trainee-refused-en")
        c.language = "zh"
    }

    function test_3_centre_approving_a_leave_beyond_the_last_tier_interrupts_the_training() {
        const c = signedIn("centre_officer")
        const apps = testEnv.seed(c, 1, "admitted", "u-trainee")
        testEnv.seedLeave(c, apps[0], "2024-10-08", "2024-11-30", "u-trainee")
        const page = createTemporaryObject(leaveComponent, testCase, { controller: c, width: 1280, height: 820 })
        tryCompare(findNamed(page, "leaveList"), "count", 1)
        mouseClick(findNamed(page, "decideButton"))
        const dialog = findChild(page, "decideDialog")
        tryCompare(dialog, "opened", true)
        findChild(dialog, "opinionField").text = "同意，中断培养"
        const before = testEnv.outboxSize(c)
        mouseClick(findChild(dialog, "approveButton"))
        compare(findNamed(page, "leaveMessage").text, "")
        compare(testEnv.outboxSize(c), before + 2)
        const last = testEnv.lastOutboxChange(c)
        compare(last.recordId, apps[0])
        compare(last.payload.name, "interrupt")
        shoot(page, "leave-centre-zh")
        c.language = "en"
        shoot(page, "leave-centre-en")
        c.language = "zh"
    }
}
