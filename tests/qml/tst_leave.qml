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
    Component { id: proofComponent; AttachmentModel { } }

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
        // The proof: a medical certificate, attached to the request through the resumable blobs.
        const proof = createTemporaryObject(proofComponent, testCase, { controller: c, recordId: list.model[0].id, recordKind: "leave" })
        compare(proof.categories[0].label, "医院诊断证明")
        compare(proof.add("medical_certificate", testEnv.writeFile("诊断证明.png", 3000)), "")
        tryVerify(() => testEnv.lastOutboxChange(c).payload.attachments !== undefined, 10000)
        compare(testEnv.lastOutboxChange(c).recordId, list.model[0].id)
        compare(testEnv.lastOutboxChange(c).payload.attachments[0].kind, "medical_certificate")
        tryVerify(() => list.model[0].proofCount === 1, 5000)
        tryVerify(() => findNamed(list.itemAtIndex(0), "leaveProof").visible, 5000)
        shoot(page, "leave-trainee-proof-zh")
        c.language = "en"
        shoot(page, "leave-trainee-proof-en")
        c.language = "zh"
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

    // R-LV-2, issue #13 item 6: the work unit's filings list (a 4-10 day leave the training unit
    // approved waits for its 备案 until acknowledged) and each trainee's leave history.
    function test_4_work_unit_files_for_the_record_and_reads_a_trainees_history() {
        testEnv.setToday("2024-10-06")
        const c = signedIn("unit_reviewer")
        const apps = testEnv.seed(c, 2, "admitted", "u-trainee")
        const week = testEnv.seedLeave(c, apps[0], "2024-10-08", "2024-10-14", "u-trainee")
        testEnv.seedTrainingUnitApproval(c, week)
        testEnv.seedLeave(c, apps[0], "2024-11-04", "2024-11-05", "u-trainee")
        testEnv.seedLeave(c, apps[1], "2024-10-21", "2024-10-22", "u-trainee")
        const page = createTemporaryObject(leaveComponent, testCase, { controller: c, width: 1280, height: 820 })
        const list = findNamed(page, "leaveList")
        tryCompare(list, "count", 3)
        verify(findNamed(page, "leaveFilters").visible)
        compare(findNamed(page, "tabFilings").text, "待我备案（1）")
        compare(findNamed(page, "tabAwaiting").text, "待我审批（0）")
        mouseClick(findNamed(page, "tabFilings"))
        tryCompare(list, "count", 1)
        compare(list.model[0].id, week)
        verify(list.model[0].decisions[0].by.indexOf("用户 u-traini") === 0, list.model[0].decisions[0].by)
        shoot(page, "leave-work-unit-filings-zh")
        c.language = "en"
        shoot(page, "leave-work-unit-filings-en")
        c.language = "zh"
        mouseClick(findNamed(list.itemAtIndex(0), "fileButton"))
        compare(testEnv.lastOutboxChange(c).payload.name, "leave_acknowledge")
        tryCompare(list, "count", 0)
        verify(findNamed(page, "filterEmpty").visible)
        compare(findNamed(page, "tabFilings").text, "待我备案（0）")

        mouseClick(findNamed(page, "tabAll"))
        tryCompare(list, "count", 3)
        const box = findNamed(page, "traineeFilter")
        box.activated(box.indexOfValue(apps[0])) // as a person's choice in the box
        tryCompare(list, "count", 2)
        const history = findNamed(page, "traineeHistory")
        verify(history.visible)
        verify(history.text.indexOf("请假 2 次，批准 1 次共 7 天，逾期返回 0 次") > 0, history.text)
        shoot(page, "leave-work-unit-history-zh")
        c.language = "en"
        tryVerify(() => findNamed(page, "traineeHistory").text.indexOf("2 requests") > 0, 5000, findNamed(page, "traineeHistory").text)
        shoot(page, "leave-work-unit-history-en")
        compare(list.count, 2) // the choice holds while the lists reload
        compare(box.displayText, list.model[0].trainee)
        c.language = "zh"
    }
}
