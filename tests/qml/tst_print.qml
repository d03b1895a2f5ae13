// R-APP-4, R-L10N-1: the printed application form is a PDF whose text (pdftotext) holds the
// title, the applicant's name, 民族 with 民 (not the radical ⺠), the unit's opinion and the
// content digest in the footer.
import QtQuick
import QtTest
import Tepei
import Tepei.Client

TestCase {
    id: testCase
    name: "RApp4_PrintedForm"
    when: windowShown
    visible: true

    Component { id: docComponent; ApplicationDocument { } }

    function test_printed_pdf_text() {
        const c = testEnv.newController("applicant")
        c.signIn("bateer", "secret-1", true)
        tryCompare(c, "signedIn", true, 20000)
        const ids = testEnv.seed(c, 1, "unit_approved", c.userId)
        const doc = createTemporaryObject(docComponent, testCase, { controller: c, recordId: ids[0] })
        tryCompare(doc, "exists", true)
        const path = testEnv.tempPath("application-form.pdf")
        compare(doc.print(path), "")
        const text = testEnv.pdfText(path)
        verify(text.length > 0, "pdftotext output")
        const flat = text.replace(/\s+/g, "")
        verify(flat.indexOf("内蒙古少数民族地区专业技术人才特殊培养计划") >= 0, text.substring(0, 400))
        verify(flat.indexOf("申报表") >= 0)
        verify(flat.indexOf(doc.name) >= 0, doc.name)
        verify(text.indexOf("民族") >= 0, "民族 with the real character")
        verify(text.indexOf("⺠") < 0, "no radical ⺠")
        verify(text.indexOf("⼈") < 0, "no radical ⼈")
        verify(flat.indexOf("同意推荐") >= 0, "the unit's opinion")
        verify(flat.indexOf("盖章") >= 0)
        verify(flat.indexOf(doc.digest) >= 0, "digest " + doc.digest + " in the footer")
        verify(flat.indexOf(ids[0]) >= 0, "application number in the footer")
        // Issue #17: sections in their order (9 审核意见 before 10 附件), the attachments by kind and
        // name only (no digests, types or sizes), the applicant's signature line, 第 n 页，共 N 页.
        verify(flat.indexOf("9、审核意见") < flat.indexOf("10、附件证明材料"), "9 before 10")
        verify(flat.indexOf("文件摘要") < 0 && flat.indexOf("文件类型") < 0, "no internal columns")
        verify(flat.indexOf("申报人签字") > flat.indexOf("10、附件证明材料"), "signature line at the end")
        const pages = (flat.match(/共(\d+)页/) || [])[1]
        verify(Number(pages) >= 2, "共 N 页 in the footer")
        verify(flat.indexOf("第" + pages + "页，共" + pages + "页") >= 0, "the last page says it is the last")
    }
}
