// R-APP-1, R-APP-2, R-ELG-6, R-ELG-7, R-SYNC-1: the applicant creates an application, the form is
// generated from the whole field list, validation and eligibility update live, and submitting
// offline leaves one change waiting in the outbox, shown by the sync bar.
import QtQuick
import QtTest
import Tepei
import Tepei.Client

TestCase {
    id: testCase
    name: "RApp2_ApplicantForm"
    width: 1280
    height: 820
    when: windowShown
    visible: true

    Component { id: formComponent; FormPage { } }
    Component { id: homeComponent; ApplicantHome { } }
    Component { id: syncBarComponent; SyncBar { } }

    property var controller: null

    function initTestCase() {
        controller = testEnv.newController("applicant")
        controller.signIn("bateer", "secret-1", true)
        tryCompare(controller, "signedIn", true, 20000)
    }

    function editorFor(page, fieldId) {
        const editors = page.form.editors
        for (let i = 0; i < editors.count; ++i) {
            if (editors.itemAt(i).fieldId === fieldId)
                return editors.itemAt(i)
        }
        return null
    }

    function test_1_new_application_shows_every_field() {
        verify(controller.authorities.length > 10)
        compare(controller.trainingModes.length, 3)
        const id = controller.createApplication("150100", "visiting_scholar")
        verify(id.length > 0)
        const page = createTemporaryObject(formComponent, testCase, { controller: controller, recordId: id, width: 1280, height: 820 })
        waitForRendering(page)
        tryCompare(page.doc, "exists", true)
        compare(page.doc.fields.count, testEnv.fieldCount())
        compare(page.form.editors.count, testEnv.fieldCount())
        for (let i = 0; i < page.form.editors.count; ++i)
            verify(page.form.editors.itemAt(i).label.length > 0)
        verify(editorFor(page, "id_number") !== null)
        verify(editorFor(page, "work_history") !== null)
        compare(page.doc.valueOf("authority"), "150100")
        compare(page.doc.valueOf("training_mode"), "visiting_scholar")
    }

    function test_2_invalid_id_shows_the_reason() {
        const id = controller.createApplication("150100", "visiting_scholar")
        const page = createTemporaryObject(formComponent, testCase, { controller: controller, recordId: id, width: 1280, height: 820 })
        waitForRendering(page)
        const editor = editorFor(page, "id_number")
        editor.enter("15010219850601123X")
        tryVerify(() => editor.error.length > 0)
        const label = findErrorLabel(editor)
        verify(label.visible)
        verify(label.text.indexOf("身份证") >= 0, label.text)
        editor.enter("")
        tryCompare(editor, "error", "")
    }

    function findErrorLabel(editor) {
        for (let i = 0; i < editor.children.length; ++i) {
            if (editor.children[i].objectName === "error_" + editor.fieldId)
                return editor.children[i]
        }
        return null
    }

    function test_3_eligibility_reasons_update_live() {
        const id = controller.createApplication("150100", "visiting_scholar")
        const page = createTemporaryObject(formComponent, testCase, { controller: controller, recordId: id, width: 1280, height: 820 })
        waitForRendering(page)
        const has = text => page.doc.eligibility.some(r => r.indexOf(text) >= 0)
        verify(has("未填写民族"), page.doc.eligibility.join("\n"))
        page.doc.setValue("ethnicity", "01")
        verify(has("只选拔少数民族"), page.doc.eligibility.join("\n"))
        page.doc.setValue("ethnicity", "02")
        verify(!has("民族"), page.doc.eligibility.join("\n"))
        const sample = testEnv.sampleFields()
        for (const key in sample)
            page.doc.setValue(key, sample[key])
        compare(page.doc.eligibility.length, 0, page.doc.eligibility.join("\n"))
        compare(page.doc.problems.length, 0, page.doc.problems.join("\n"))
        page.doc.setValue("birth_date", "1960-01-01")
        verify(page.doc.eligibility.length > 0)
        grabImage(page).save(testEnv.screenshotPath("form"))
    }

    function test_4_submit_offline_waits_in_the_outbox() {
        const fresh = testEnv.newController("applicant")
        fresh.signIn("bateer", "secret-1", true)
        tryCompare(fresh, "signedIn", true, 20000)
        const ids = testEnv.seed(fresh, 1, "draft", fresh.userId)
        compare(testEnv.outboxSize(fresh), 0)
        const page = createTemporaryObject(formComponent, testCase, { controller: fresh, recordId: ids[0], width: 1280, height: 820 })
        waitForRendering(page)
        const bar = createTemporaryObject(syncBarComponent, testCase, { controller: fresh })
        tryCompare(page.doc, "editable", true)
        compare(page.doc.problems.length, 0, page.doc.problems.join("\n"))
        const submit = findNamed(page.header, "action_submit")
        verify(submit, "a submit button")
        mouseClick(submit)
        const confirm = findChild(page, "confirmDialog")
        tryCompare(confirm, "opened", true)
        verify(findChild(page, "confirmText").text.indexOf("审核期间不能修改") >= 0)
        compare(testEnv.outboxSize(fresh), 0) // nothing until it is confirmed
        mouseClick(findChild(page, "confirmButton"))
        tryCompare(confirm, "visible", false)
        compare(testEnv.outboxSize(fresh), 1)
        const change = testEnv.lastOutboxChange(fresh)
        compare(change.op, "command")
        compare(change.payload.name, "submit")
        compare(change.payload.role, "applicant")
        compare(page.doc.state, "submitted")
        verify(!page.doc.editable)
        const label = findNamed(bar, "syncText")
        tryVerify(() => label.text.indexOf("1 项更改待上传") >= 0, 5000, label.text)
        verify(label.text.indexOf("离线") >= 0, label.text)
    }

    // Issue #17: 撤回申报 stands apart from 提交 and asks first (saying that it cannot be undone
    // and, once approved, that the place goes back); cancelling changes nothing.
    function test_4b_withdraw_asks_first_and_cancel_changes_nothing() {
        const fresh = testEnv.newController("applicant")
        fresh.signIn("bateer", "secret-1", true)
        tryCompare(fresh, "signedIn", true, 20000)
        const ids = testEnv.seed(fresh, 1, "authority_approved", fresh.userId)
        const page = createTemporaryObject(formComponent, testCase, { controller: fresh, recordId: ids[0], width: 1280, height: 820 })
        tryCompare(page.doc, "state", "authority_approved")
        const withdraw = findNamed(page.header, "action_withdraw")
        verify(withdraw && withdraw.visible, "withdrawing an approved application is offered")
        // The attachments are shown by the panel beside the form, never as a table of digests.
        verify(!findNamed(page, "field_attachments").visible, "no raw attachments table in the form")
        mouseClick(withdraw)
        const confirm = findChild(page, "confirmDialog")
        tryCompare(confirm, "opened", true)
        verify(findChild(page, "confirmText").text.indexOf("名额退回推荐单位") >= 0, findChild(page, "confirmText").text)
        wait(50)
        grabImage(page).save(testEnv.screenshotPath("form-withdraw-confirm-zh"))
        const choices = ["sex", "ethnicity", "political_status", "education", "degree", "title_level"]
        const shown = () => choices.map(id => findNamed(page, "choice_" + id).displayText)
        const inChinese = shown()
        verify(inChinese.every(text => text !== "请选择"), inChinese.join(" "))
        fresh.language = "en"
        tryVerify(() => findChild(page, "confirmText").text.indexOf("the place goes back") >= 0)
        // Issue #17: every box still shows the record's value, in English now (not its first option).
        const fields = page.doc.fields
        const labelOf = id => {
            const options = fields.data(fields.index(fields.indexOf(id), 0), 256 + 5)
            const value = page.doc.valueOf(id)
            return options.find(o => o.code === value).label
        }
        tryVerify(() => shown().join("|") === choices.map(labelOf).join("|"), 5000, shown().join("|") + " ≠ " + choices.map(labelOf).join("|"))
        verify(shown().join("|") !== inChinese.join("|"))
        wait(50)
        grabImage(page).save(testEnv.screenshotPath("form-withdraw-confirm-en"))
        fresh.language = "zh"
        mouseClick(findChild(page, "confirmCancel"))
        tryCompare(confirm, "visible", false)
        compare(testEnv.outboxSize(fresh), 0)
        compare(page.doc.state, "authority_approved")
        mouseClick(withdraw)
        tryCompare(confirm, "opened", true)
        mouseClick(findChild(page, "confirmButton"))
        tryCompare(page.doc, "state", "withdrawn")
        compare(testEnv.lastOutboxChange(fresh).payload.name, "withdraw")
        verify(!findNamed(page.header, "action_withdraw").visible, "nothing to withdraw any more")
    }

    // R-APP-7 with the test's own clock: the same draft submitted the day after the deadline
    // (2024-03-20) is refused at once, offline, and says why.
    // Issue #17: a returned application shows the opinion that returned it at the top, with who and
    // when; an approved one is 查看 (not 编辑) in the title.
    function test_4d_the_return_opinion_comes_first() {
        const fresh = testEnv.newController("applicant")
        fresh.signIn("bateer", "secret-1", true)
        tryCompare(fresh, "signedIn", true, 20000)
        const ids = testEnv.seed(fresh, 1, "unit_returned", fresh.userId)
        const page = createTemporaryObject(formComponent, testCase, { controller: fresh, recordId: ids[0], width: 1280, height: 820 })
        tryCompare(page.doc, "state", "unit_returned")
        const box = findNamed(page, "returnOpinion")
        tryVerify(() => box.visible, 5000)
        verify(box.children[0].text.indexOf("退回意见：学习计划过于笼统") === 0, box.children[0].text)
        verify(box.children[0].text.indexOf("用户 u-unit-r") > 0, box.children[0].text)
        grabImage(page).save(testEnv.screenshotPath("form-returned-zh"))
        fresh.language = "en"
        tryVerify(() => box.children[0].text.indexOf("Returned with this opinion") === 0, 5000, box.children[0].text)
        grabImage(page).save(testEnv.screenshotPath("form-returned-en"))
        fresh.language = "zh"
        const approved = testEnv.seed(fresh, 1, "authority_approved", fresh.userId)
        const view = createTemporaryObject(formComponent, testCase, { controller: fresh, recordId: approved[0], width: 1280, height: 820 })
        tryCompare(view.doc, "state", "authority_approved")
        verify(!findNamed(view, "returnOpinion").visible)
        verify(findNamed(view, "formTitle").text.indexOf("查看申报表") === 0, findNamed(view, "formTitle").text)
    }

    // Issue #17: Tab in a long text (培养目标和学习计划) moves to the next field; it types no tab.
    function test_4c_tab_leaves_a_long_text() {
        const fresh = testEnv.newController("applicant")
        fresh.signIn("bateer", "secret-1", true)
        tryCompare(fresh, "signedIn", true, 20000)
        const ids = testEnv.seed(fresh, 1, "draft", fresh.userId)
        const page = createTemporaryObject(formComponent, testCase, { controller: fresh, recordId: ids[0], width: 1280, height: 820 })
        tryCompare(page.doc, "editable", true)
        const area = findNamed(page, "area_study_plan")
        verify(area, "the study plan's text area")
        const before = area.text
        area.forceActiveFocus()
        verify(area.activeFocus)
        keyClick(Qt.Key_Tab)
        compare(area.text, before)
        verify(!area.activeFocus, "the focus moved on")
    }

    function test_4b_submit_after_the_deadline_is_refused_with_the_date() {
        const fresh = testEnv.newController("applicant")
        fresh.signIn("bateer", "secret-1", true)
        tryCompare(fresh, "signedIn", true, 20000)
        const ids = testEnv.seed(fresh, 1, "draft", fresh.userId)
        const page = createTemporaryObject(formComponent, testCase, { controller: fresh, recordId: ids[0], width: 1280, height: 820 })
        waitForRendering(page)
        tryCompare(page.doc, "editable", true)
        testEnv.setToday("2024-03-21")
        const refused = page.doc.act("submit", "")
        testEnv.setToday("2024-03-01")
        verify(refused.indexOf("2024-03-20") >= 0, refused)
        verify(refused.indexOf("截止") >= 0, refused)
        compare(page.doc.state, "draft")
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

    function test_5_my_applications_list() {
        const page = createTemporaryObject(homeComponent, testCase, { controller: controller, width: 1280, height: 820 })
        waitForRendering(page)
        tryVerify(() => page.children.length > 0)
        const list = findList(page)
        tryVerify(() => list.count >= 3, 5000, "rows: " + list.count)
        grabImage(page).save(testEnv.screenshotPath("applicant-list"))
    }

    function findList(item) {
        if (item.objectName === "myList") return item
        for (let i = 0; i < item.children.length; ++i) {
            const found = findList(item.children[i])
            if (found) return found
        }
        return null
    }
}
