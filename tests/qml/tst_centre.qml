// The centre's workspace (issue #12; R-QUO-1, R-QUO-3, R-APP-8) on a real controller over a
// temporary replica, offline: the consolidation table's numbers open the lists behind them; the
// search finds by name, ID number and work unit; the centre admits one applicant from a selection
// (training unit from the campaign's list, the end of the period following the start) and more
// from a pasted table judged row by row before anything is queued; the allocation is changed
// within the rules and refused below what an authority approved. Screenshots zh and en.
import QtQuick
import QtTest
import Tepei
import Tepei.Client

TestCase {
    id: testCase
    name: "RQuo3_CentreWorkspace"
    width: 1280
    height: 820
    when: windowShown
    visible: true

    Component { id: homeComponent; CentreHome { } }

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

    function home(c) {
        return createTemporaryObject(homeComponent, testCase, { controller: c, width: 1280, height: 820 })
    }

    function test_1_numbers_open_the_lists_behind_them_and_search_finds_by_id_and_unit() {
        const c = signedIn("centre_officer")
        const approved = testEnv.seed(c, 2, "authority_approved")
        testEnv.seed(c, 1, "submitted")
        const page = home(c)
        shoot(page, "centre-summary-zh")
        // Row 0 is 呼和浩特市 (150100), where the seeds are; column 2 is 审核通过.
        const cell = findNamed(page, "cell_0_2")
        verify(cell, "the approved count of the first authority")
        compare(cell.text, "2")
        mouseClick(cell)
        compare(page.tabs.currentIndex, 3)
        const list = findNamed(page, "centreList")
        tryCompare(list, "count", 2)
        compare(page.search.authority, "150100")
        compare(page.search.column, "approved")
        shoot(page, "centre-list-approved-zh")
        // All states: three; then by ID number, then by work unit.
        page.search.column = ""
        tryCompare(list, "count", 3)
        const first = page.search.list.get(0)
        const box = findNamed(page, "centreSearch")
        box.text = first.idNumber.substring(6, 14)
        tryCompare(list, "count", 1)
        compare(page.search.list.get(0).recordId, first.recordId)
        box.text = "第一医院"
        tryCompare(list, "count", 3)
        box.text = "没有这个单位"
        tryCompare(list, "count", 0)
    }

    function test_2_admits_one_selected_applicant_to_a_training_unit_of_the_campaign() {
        const c = signedIn("centre_officer")
        testEnv.seed(c, 2, "authority_approved")
        const page = home(c)
        page.tabs.currentIndex = 1
        const pane = findNamed(page, "candidates").parent
        tryCompare(findNamed(page, "candidates"), "count", 2)
        compare(findNamed(page, "tabAdmission").text, "录取（2）")
        const before = testEnv.outboxSize(c)
        mouseClick(findNamed(page, "choose_0"))
        compare(findNamed(page, "admitSelected").text, "录取所选（1）…")
        mouseClick(findNamed(page, "admitSelected"))
        const dialog = findChild(page, "admissionDialog")
        tryCompare(dialog, "opened", true)
        const confirm = findChild(dialog.contentItem, "admissionConfirm")
        verify(!confirm.enabled, "no training unit chosen yet")
        const unit = findChild(dialog.contentItem, "admissionUnit")
        verify(unit.model.length >= 12, "the campaign's training units")
        compare(unit.model[0].name, "北京大学")
        unit.selected = unit.model[1].code
        findChild(dialog.contentItem, "admissionStart").text = "2024-09-01"
        compare(findChild(dialog.contentItem, "admissionEnd").text, "2025-08-31")
        shoot(testCase, "centre-admission-dialog-zh")
        verify(confirm.enabled)
        mouseClick(confirm)
        tryVerify(() => findChild(dialog.contentItem, "admissionResult").text.indexOf("已录取 1 人") >= 0)
        compare(testEnv.outboxSize(c), before + 1)
        const change = testEnv.lastOutboxChange(c)
        compare(change.payload.name, "admit")
        compare(change.payload.training_unit, unit.model[1].code)
        compare(change.payload.start, "2024-09-01")
        compare(change.payload.end, "2025-08-31")
        verify(change.payload.major.length > 0, "the applicant's own 拟培养专业/方向")
        dialog.close()
        tryCompare(findNamed(page, "candidates"), "count", 1)
    }

    function test_3_a_pasted_table_is_judged_row_by_row_and_only_accepted_rows_are_admitted() {
        const c = signedIn("centre_officer")
        const ids = testEnv.seed(c, 2, "authority_approved")
        const page = home(c)
        page.tabs.currentIndex = 1
        const admission = findNamed(page, "candidates").parent.admission
        tryVerify(() => admission.candidates.length === 2)
        const a = admission.candidates[0], b = admission.candidates[1]
        const table = "身份证号\t培养单位\t培养专业\t开始日期\t结束日期\n"
                    + a.idNumber + "\t清华大学\t草业科学\t2024/9/1\t\n"
                    + b.idNumber + "\t某某大学\t畜牧学\t2024-09-01\t\n"
                    + "150102199001011234\t北京大学\t林学\t2024-09-01\t2025-08-31\n"
        const before = testEnv.outboxSize(c)
        findNamed(page, "admissionTable").text = table
        mouseClick(findNamed(page, "judgeTable"))
        compare(admission.preview.length, 3)
        compare(admission.previewAccepted, 1)
        compare(admission.preview[0].ok, true)
        compare(admission.preview[0].start, "2024-09-01")
        compare(admission.preview[1].ok, false)
        verify(admission.preview[1].message.indexOf("不在本年度计划的培养单位中") >= 0, admission.preview[1].message)
        compare(admission.preview[2].ok, false)
        verify(admission.preview[2].message.indexOf("没有身份证号为") >= 0, admission.preview[2].message)
        compare(testEnv.outboxSize(c), before, "judging queues nothing")
        shoot(page, "centre-admission-table-zh")
        mouseClick(findNamed(page, "admitTable"))
        compare(testEnv.outboxSize(c), before + 1)
        compare(testEnv.lastOutboxChange(c).recordId, a.recordId)
        compare(testEnv.lastOutboxChange(c).payload.training_unit, "T-THU")
        verify(findNamed(page, "admissionMessage").text.indexOf("已录取 1 人") >= 0)
        tryVerify(() => admission.candidates.length === 1)
        verify(ids.indexOf(b.recordId) >= 0)
    }

    // Issue #12 item 4: an .xlsx file written by openpyxl (附件2's columns, then the admission's,
    // in an order of the file's own, an empty row, Excel dates) is judged like a pasted table; a
    // file that is not a workbook, or has no header, says so and judges nothing.
    function test_3b_an_xlsx_file_is_judged_by_its_headers_and_admitted_row_by_row() {
        const c = signedIn("centre_officer")
        testEnv.seed(c, 2, "authority_approved")
        const page = home(c)
        page.tabs.currentIndex = 1
        const admission = findNamed(page, "candidates").parent.admission
        tryVerify(() => admission.candidates.length === 2)
        const a = admission.candidates[0], b = admission.candidates[1]
        const file = testEnv.writeXlsx("admission.xlsx", [
            ["附件2：申报人员汇总表"],
            ["序号", "姓名", "身份证号", "工作单位", "意向培养单位", "开始日期", "培养单位", "培养专业", "结束日期"],
            [1, a.name, a.idNumber, "某医院", "北京大学", "date:2024-09-01", "北京大学", "草业科学", "date:2025-06-30"],
            [],
            [2, b.name, b.idNumber, "某医院", "清华大学", "2024-09-01", "某某学院", "畜牧学", null],
        ])
        verify(file.length > 0, "openpyxl wrote the file")
        const before = testEnv.outboxSize(c)
        compare(admission.judgeFile("file://" + file), "")
        compare(admission.preview.length, 2)
        compare(admission.preview[0].line, 3)
        compare(admission.preview[0].ok, true, admission.preview[0].message)
        compare(admission.preview[0].start, "2024-09-01")
        compare(admission.preview[0].end, "2025-06-30")
        compare(admission.preview[0].major, "草业科学")
        compare(admission.preview[1].line, 5)
        compare(admission.preview[1].ok, false)
        verify(admission.preview[1].message.indexOf("不在本年度计划的培养单位中") >= 0, admission.preview[1].message)
        compare(testEnv.outboxSize(c), before, "judging queues nothing")
        shoot(page, "centre-admission-xlsx-zh")
        mouseClick(findNamed(page, "admitTable"))
        compare(testEnv.outboxSize(c), before + 1)
        compare(testEnv.lastOutboxChange(c).recordId, a.recordId)
        compare(testEnv.lastOutboxChange(c).payload.training_unit, "T-PKU")
        compare(testEnv.lastOutboxChange(c).payload.end, "2025-06-30")

        const noHeader = testEnv.writeXlsx("no-header.xlsx", [[a.idNumber, "北京大学"]])
        verify(admission.judgeFile(noHeader).indexOf("没有含“身份证号”") >= 0)
        compare(admission.preview.length, 0)
        const notXlsx = testEnv.writeFile("not-a-workbook.xlsx", 100)
        verify(admission.judgeFile(notXlsx).length > 0)
        compare(admission.preview.length, 0)
        compare(testEnv.outboxSize(c), before + 1, "nothing more queued")
    }

    function test_4_the_allocation_moves_places_and_never_below_what_was_approved() {
        const c = signedIn("centre_officer")
        testEnv.seed(c, 2, "authority_approved")
        const page = home(c)
        page.tabs.currentIndex = 2
        tryVerify(() => findNamed(page, "places_150100") && findNamed(page, "places_150200"))
        const hohhot = findNamed(page, "places_150100")
        const baotou = findNamed(page, "places_150200")
        const save = findNamed(page, "allocationSave")
        verify(!save.enabled, "nothing changed yet")
        hohhot.value = 1
        hohhot.valueModified()
        verify(!save.enabled, "below the 2 approved")
        verify(findNamed(page, "allocationTotal").text.indexOf("还需分配 2 个") >= 0, findNamed(page, "allocationTotal").text)
        hohhot.value = 2
        hohhot.valueModified()
        verify(!save.enabled, "the total is one short")
        baotou.value = baotou.value + 1
        baotou.valueModified()
        verify(save.enabled)
        shoot(page, "centre-allocation-zh")
        const before = testEnv.outboxSize(c)
        mouseClick(save)
        const confirm = findChild(page, "allocationConfirm")
        tryCompare(confirm, "opened", true)
        confirm.accept()
        tryVerify(() => findNamed(page, "allocationMessage").text.indexOf("名额分配已保存") >= 0)
        compare(testEnv.outboxSize(c), before + 1)
        const change = testEnv.lastOutboxChange(c)
        compare(change.recordId, "2024")
        const allocations = change.payload.definition.allocations
        compare(allocations.find(a => a.authorityCode === "150100").places, 2)
        compare(allocations.find(a => a.authorityCode === "150200").places, 4)
        compare(c.quota("150100").allocation, 2)
        verify(!save.enabled, "saved: nothing left to save")
    }

    function test_5_exports_say_why_they_fail_offline_and_campaigns_can_be_switched() {
        const c = signedIn("centre_officer")
        testEnv.seed(c, 1, "authority_approved")
        const page = home(c)
        verify(!findNamed(page, "campaignChooser").visible, "one campaign: no chooser")
        mouseClick(findNamed(page, "exportButton"))
        const dialog = findChild(page, "exportDialog")
        tryCompare(dialog, "opened", true)
        compare(dialog.table, "quota")
        mouseClick(findChild(dialog.contentItem, "table_summary"))
        compare(dialog.table, "summary")
        verify(findChild(dialog.contentItem, "exportAuthority").visible, "附件2 may be one authority's")
        shoot(testCase, "centre-export-zh")
        const files = findChild(dialog, "exportFileDialog")
        verify(files)
        // The test's server serves 附件2: saved, and the file can be opened from the dialog.
        c.exportTable(dialog.table, "", testEnv.tempPath("summary.xlsx"))
        tryVerify(() => findChild(dialog.contentItem, "exportOutcome").text.length > 0)
        verify(!dialog.outcomeIsError, dialog.outcome)
        verify(dialog.outcome.indexOf("表格已保存到") >= 0, dialog.outcome)
        verify(findChild(dialog.contentItem, "exportOpen").visible)
        verify(testEnv.fileSize(testEnv.tempPath("summary.xlsx")) > 0)
        // It answers nothing else: the download fails, the dialog says why, nothing to open.
        mouseClick(findChild(dialog.contentItem, "table_quota"))
        c.exportTable(dialog.table, "", testEnv.tempPath("quota.xlsx"))
        tryVerify(() => dialog.outcomeIsError)
        verify(dialog.outcome.length > 0)
        verify(!findChild(dialog.contentItem, "exportOpen").visible, "nothing to open")
        shoot(testCase, "centre-export-failed-zh")
        dialog.close()
        // A second campaign: the chooser appears, newest first, and switching moves every page.
        testEnv.seedCampaign(c, "2025", 2025)
        tryVerify(() => findNamed(page, "campaignChooser").visible)
        compare(c.campaignId, "2025")
        compare(findNamed(page, "tabAdmission").text, "录取（0）")
        c.chooseCampaign("2024")
        compare(c.campaignId, "2024")
        tryCompare(findNamed(page, "tabAdmission"), "text", "录取（1）")
        shoot(page, "centre-campaigns-zh")
    }

    function test_6_english() {
        const c = signedIn("centre_officer")
        testEnv.seed(c, 2, "authority_approved")
        c.language = "en"
        const page = home(c)
        shoot(page, "centre-summary-en")
        page.tabs.currentIndex = 1
        shoot(page, "centre-admission-en")
        page.tabs.currentIndex = 2
        shoot(page, "centre-allocation-en")
        page.tabs.currentIndex = 3
        shoot(page, "centre-search-en")
        compare(findNamed(page, "tabSearch").text, "Find applications")
        c.language = "zh"
    }
}
