// 录取 (R-QUO-3, issue #12 item 4): the centre admits one or several approved applicants with a
// training unit chosen from the campaign's list (never typed), the major or direction (empty: each
// applicant's own 拟培养专业/方向), and the period, whose end follows the start by the campaign's
// training period unless the officer changes it. The rules judge each applicant; the dialog says
// who was admitted and why anyone was not.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Tepei.Client

Dialog {
    id: dialog
    objectName: "admissionDialog"
    required property AppController controller
    required property CentreAdmission admission // the page's: one reads the replica, not two
    property var recordIds: []
    property var names: []
    property string outcome: ""
    property bool resultIsError: false
    signal admitted()
    title: qsTr("录取")
    modal: true
    anchors.centerIn: Overlay.overlay
    width: Math.min(560, (parent ? parent.width : 560) - 40)
    standardButtons: Dialog.NoButton

    function openFor(ids, people) {
        recordIds = ids
        names = people
        outcome = ""
        unitBox.selected = undefined
        major.text = ""
        start.text = ""
        end.text = ""
        end.edited = false
        open()
        unitBox.forceActiveFocus()
    }
    readonly property string problem: {
        if (dialog.admission.trainingUnits.length === 0)
            return qsTr("本年度计划未列出培养单位，暂不能录取：请系统管理员在年度计划数据中补充培养单位（trainingUnits）后同步。")
        if (unitBox.selected === undefined)
            return qsTr("请选择培养单位")
        if (!/^\d{4}-\d{2}-\d{2}$/.test(start.text))
            return qsTr("请填写开始日期（YYYY-MM-DD）")
        if (end.text.length > 0 && !/^\d{4}-\d{2}-\d{2}$/.test(end.text))
            return qsTr("结束日期须为 YYYY-MM-DD")
        return ""
    }

    ColumnLayout {
        width: parent.width
        spacing: 8
        Label {
            objectName: "admissionWho"
            text: dialog.recordIds.length === 1
                  ? qsTr("录取 %1 为特培学员").arg(dialog.names[0] || "")
                  : qsTr("录取 %1 人为特培学员：%2").arg(dialog.recordIds.length).arg(dialog.names.join("、"))
            wrapMode: Text.Wrap
            Layout.fillWidth: true
            font.bold: true
        }
        GridLayout {
            columns: 2
            columnSpacing: 12
            Layout.fillWidth: true
            Label { text: qsTr("培养单位") }
            ChoiceBox {
                id: unitBox
                objectName: "admissionUnit"
                model: dialog.admission.trainingUnits
                textRole: "name"
                valueRole: "code"
                placeholder: qsTr("请选择…")
                Layout.fillWidth: true
                onActivated: index => selected = dialog.admission.trainingUnits[index].code
            }
            Label { text: qsTr("培养专业/方向") }
            TextField {
                id: major
                objectName: "admissionMajor"
                placeholderText: dialog.recordIds.length > 1 ? qsTr("留空则用各人申报的拟培养专业/方向")
                                                             : qsTr("留空则用申报的拟培养专业/方向")
                Layout.fillWidth: true
            }
            Label { text: qsTr("开始日期") }
            TextField {
                id: start
                objectName: "admissionStart"
                placeholderText: "YYYY-MM-DD"
                Layout.fillWidth: true
                onTextChanged: if (!end.edited) end.text = dialog.admission.defaultEnd(text)
            }
            Label { text: qsTr("结束日期") }
            TextField {
                id: end
                objectName: "admissionEnd"
                property bool edited: false
                placeholderText: qsTr("默认为开始日期起一个培养期")
                Layout.fillWidth: true
                onTextEdited: edited = true
            }
        }
        Label {
            text: dialog.problem
            visible: text.length > 0 && dialog.outcome.length === 0
            color: "#57606a"
        }
        Label {
            objectName: "admissionResult"
            text: dialog.outcome
            visible: text.length > 0
            color: dialog.resultIsError ? "#b3261e" : "#2e7d32"
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        RowLayout {
            Layout.alignment: Qt.AlignRight
            Button {
                objectName: "admissionCancel"
                text: dialog.outcome.length > 0 ? qsTr("关闭") : qsTr("取消")
                onClicked: dialog.close()
            }
            Button {
                objectName: "admissionConfirm"
                text: qsTr("录取")
                highlighted: true
                enabled: dialog.problem.length === 0 && dialog.outcome.length === 0
                onClicked: {
                    const results = dialog.admission.admit(dialog.recordIds, unitBox.selected, major.text, start.text, end.text)
                    const done = results.filter(r => r.ok).length
                    const refused = results.filter(r => !r.ok).map(r => (r.name || "") + "：" + r.message)
                    dialog.resultIsError = refused.length > 0
                    dialog.outcome = (done > 0 ? qsTr("已录取 %1 人，下次同步时上传。").arg(done) : "")
                                    + (refused.length > 0 ? qsTr("未录取：") + refused.join("；") : "")
                    if (done > 0)
                        dialog.admitted()
                }
            }
        }
    }
}
