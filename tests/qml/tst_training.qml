// R-FND-1, R-FND-2, R-TRN-1: 培养与经费. The centre sees its trainees with the plan against what was
// disbursed, records a payment (a local change of the disbursement kind, amount in fen), is
// refused with the numbers when it would exceed the plan or when the amount is not one (nothing
// queued), disqualifies a trainee on one of the notice's grounds and then sees the refund claim;
// the trainee sees their own funding and no centre buttons; the work unit records the return once
// the training has ended and the support after it (R-TRN-3); the training unit the completion
// assessment (R-TRN-2). Screenshots in Chinese and English.
import QtQuick
import QtTest
import Tepei
import Tepei.Client

TestCase {
    id: testCase
    name: "RFnd2_RTrn1_RTrn2_RTrn3_TrainingAndFunding"
    width: 1280
    height: 820
    when: windowShown
    visible: true

    Component { id: paneComponent; TrainingPane { } }
    Component { id: pageComponent; TrainingPage { } }
    Component { id: centreComponent; CentreHome { } }

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

    function test_1_centre_pays_is_refused_beyond_the_plan_and_disqualifies() {
        const c = signedIn("centre_officer")
        testEnv.seed(c, 2, "admitted")
        const home = createTemporaryObject(centreComponent, testCase, { controller: c, width: 1280, height: 820 })
        home.tabs.currentIndex = 4
        const list = findNamed(home, "traineeList")
        tryCompare(list, "count", 2)
        verify(findNamed(home, "fundingTotals").visible, "the centre sees the totals per training unit")
        compare(findNamed(home, "paidTotal").text, "0.00")
        shoot(home, "training-centre-zh")

        // A month's living allowance, suggested from the campaign.
        const before = testEnv.outboxSize(c)
        mouseClick(findNamed(home, "payButton"))
        const dialog = findChild(home, "paymentDialog")
        tryCompare(dialog, "opened", true)
        compare(findChild(dialog, "paymentAmount").text, "600.00")
        findChild(dialog, "paymentNote").text = "2024 年 9 月生活补贴"
        shoot(home, "training-payment-dialog-zh")
        mouseClick(findChild(dialog, "paymentConfirm"))
        tryCompare(dialog, "opened", false)
        compare(testEnv.outboxSize(c), before + 1)
        const paid = testEnv.lastOutboxChange(c)
        compare(paid.op, "set")
        compare(paid.payload.item, "living_allowance")
        compare(paid.payload.amount_fen, 60000)
        compare(paid.payload.note, "2024 年 9 月生活补贴")
        tryCompare(findNamed(home, "paidTotal"), "text", "600.00")
        verify(findNamed(home, "trainingNotice").text.indexOf("已登记") === 0, findNamed(home, "trainingNotice").text)

        // Beyond the plan, and an amount that is none: refused in the dialog, nothing queued.
        mouseClick(findNamed(home, "payButton"))
        tryCompare(dialog, "opened", true)
        findChild(dialog, "paymentAmount").text = "7,000"
        mouseClick(findChild(dialog, "paymentConfirm"))
        verify(dialog.opened, "a refused payment keeps the dialog open")
        verify(findChild(dialog, "paymentError").text.indexOf("超出经费计划") === 0, findChild(dialog, "paymentError").text)
        verify(findChild(dialog, "paymentError").text.indexOf("最多还可拨付 6,600.00 元") > 0)
        findChild(dialog, "paymentAmount").text = "六百"
        mouseClick(findChild(dialog, "paymentConfirm"))
        verify(findChild(dialog, "paymentError").text.indexOf("无法识别") > 0, findChild(dialog, "paymentError").text)
        compare(testEnv.outboxSize(c), before + 1)
        shoot(home, "training-payment-refused-zh")
        dialog.close()

        // Disqualification: every part required; then the claim is what was paid.
        mouseClick(findNamed(home, "disqualifyButton"))
        const dq = findChild(home, "disqualifyDialog")
        tryCompare(dq, "opened", true)
        verify(!findChild(dq, "disqualifyConfirm").enabled, "nothing chosen or written yet")
        waitForRendering(dq.contentItem) // the rows settle once the wrapped warning is laid out
        mouseClick(findNamed(dq.contentItem, "ground_quit")) // made by a Repeater: findChild misses it
        findChild(dq, "disqualifyFacts").text = "2024 年 11 月起未到校，亦未办理请假手续。"
        verify(!findChild(dq, "disqualifyConfirm").enabled, "the criticism is still missing")
        findChild(dq, "disqualifyCriticism").text = "现予通报批评，取消其培养资格。"
        shoot(home, "training-disqualify-dialog-zh")
        mouseClick(findChild(dq, "disqualifyConfirm"))
        tryCompare(dq, "opened", false)
        const command = testEnv.lastOutboxChange(c)
        compare(command.payload.name, "disqualify")
        compare(command.payload.ground, "quit")
        tryVerify(() => findNamed(home, "disqualificationBox").visible)
        verify(findNamed(home, "refundClaim").text.indexOf("应退还特培经费 600.00 元") === 0, findNamed(home, "refundClaim").text)
        verify(findNamed(home, "refundButton").enabled)
        verify(!findNamed(home, "payButton").enabled, "the remaining plan has stopped")
        shoot(home, "training-disqualified-zh")
        c.language = "en"
        tryVerify(() => findNamed(home, "refundClaim").text.indexOf("Refund due") === 0)
        shoot(home, "training-disqualified-en")
        c.language = "zh"
    }

    function test_2_the_trainee_sees_their_own_funding_only() {
        const c = signedIn("applicant")
        testEnv.seed(c, 1, "admitted", "u-applicant")
        testEnv.seed(c, 1, "admitted")
        const page = createTemporaryObject(pageComponent, testCase, { controller: c, width: 1280, height: 820 })
        tryCompare(findNamed(page, "traineeList"), "count", 1)
        verify(!findNamed(page, "payButton").visible, "a trainee records nothing")
        verify(!findNamed(page, "fundingTotals").visible)
        shoot(page, "training-trainee-zh")
        c.language = "en"
        shoot(page, "training-trainee-en")
        c.language = "zh"
    }

    function test_3_the_work_unit_records_the_return_and_the_support_after_it() {
        const c = signedIn("unit_reviewer")
        testEnv.seed(c, 1, "admitted")
        const page = createTemporaryObject(pageComponent, testCase, { controller: c, width: 1280, height: 820 })
        tryCompare(findNamed(page, "traineeList"), "count", 1)
        verify(!findNamed(page, "payButton").visible, "the work unit pays nothing")
        verify(!findNamed(page, "supportButton").visible, "support follows the return")
        compare(findNamed(page, "returnedText").text, "尚未登记返岗")
        const before = testEnv.outboxSize(c)
        mouseClick(findNamed(page, "returnButton"))
        const dialog = findChild(page, "followUpDialog")
        tryCompare(dialog, "opened", true)
        findChild(dialog, "followUpDate").text = "2025-03-01" // still in training
        mouseClick(findChild(dialog, "followUpConfirm"))
        verify(findChild(dialog, "followUpError").text.indexOf("仍在培养期内") > 0, findChild(dialog, "followUpError").text)
        compare(testEnv.outboxSize(c), before)
        findChild(dialog, "followUpDate").text = "2025-09-08"
        findChild(dialog, "followUpText").text = "回原单位任主治医师"
        mouseClick(findChild(dialog, "followUpConfirm"))
        tryCompare(dialog, "opened", false)
        const back = testEnv.lastOutboxChange(c)
        compare(back.payload.entry, "return")
        compare(back.payload.date, "2025-09-08")
        tryCompare(findNamed(page, "returnedText"), "text", "已于 2025-09-08 返岗")

        mouseClick(findNamed(page, "supportButton"))
        tryCompare(dialog, "opened", true)
        findChild(dialog, "followUpDate").text = "2025-09-01"
        findChild(dialog, "followUpText").text = "评审通过主任医师"
        mouseClick(findChild(dialog, "followUpConfirm"))
        verify(findChild(dialog, "followUpError").text.indexOf("不能早于返岗日期") > 0, findChild(dialog, "followUpError").text)
        findChild(dialog, "followUpDate").text = "2025-11-20"
        shoot(page, "training-follow-up-dialog-zh")
        mouseClick(findChild(dialog, "followUpConfirm"))
        tryCompare(dialog, "opened", false)
        compare(testEnv.lastOutboxChange(c).payload.entry, "title")
        compare(testEnv.outboxSize(c), before + 2)
        tryCompare(findNamed(page, "followUpList"), "count", 2)
        shoot(page, "training-work-unit-zh")
        c.language = "en"
        tryCompare(findNamed(page, "returnedText"), "text", "Back at the post since 2025-09-08")
        shoot(page, "training-work-unit-en")
        c.language = "zh"
    }

    function test_4_the_training_unit_records_the_completion_assessment() {
        const c = signedIn("training_unit_officer")
        testEnv.seed(c, 1, "admitted")
        const page = createTemporaryObject(pageComponent, testCase, { controller: c, width: 1280, height: 820 })
        tryCompare(findNamed(page, "traineeList"), "count", 1)
        compare(findNamed(page, "assessmentText").text, "培养单位尚未登记结业考核")
        const before = testEnv.outboxSize(c)
        mouseClick(findNamed(page, "assessButton"))
        const dialog = findChild(page, "assessmentDialog")
        tryCompare(dialog, "opened", true)
        verify(!findChild(dialog, "assessConfirm").enabled, "a result must be chosen")
        mouseClick(findChild(dialog, "assessFailed"))
        findChild(dialog, "assessDate").text = "2025-08-25"
        mouseClick(findChild(dialog, "assessConfirm"))
        verify(findChild(dialog, "assessError").text.indexOf("须填写考核意见") > 0, findChild(dialog, "assessError").text)
        compare(testEnv.outboxSize(c), before)
        mouseClick(findChild(dialog, "assessPassed"))
        findChild(dialog, "assessComments").text = "完成进修计划，考核合格。"
        shoot(page, "training-assessment-dialog-zh")
        mouseClick(findChild(dialog, "assessConfirm"))
        tryCompare(dialog, "opened", false)
        const change = testEnv.lastOutboxChange(c)
        compare(change.payload.result, "passed")
        compare(change.payload.date, "2025-08-25")
        tryVerify(() => findNamed(page, "assessmentText").text.indexOf("合格（2025-08-25）") === 0)
        verify(!findNamed(page, "assessButton").visible, "one assessment per trainee")
        shoot(page, "training-training-unit-zh")
        c.language = "en"
        tryVerify(() => findNamed(page, "assessmentText").text.indexOf("Passed (2025-08-25)") === 0)
        shoot(page, "training-training-unit-en")
        c.language = "zh"
    }
}
