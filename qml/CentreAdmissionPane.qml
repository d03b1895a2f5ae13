// 录取 (R-QUO-3, issue #12 item 4): the applicants the recommending authorities approved, waiting
// for admission. The officer admits one (录取…), several at once with the same training unit and
// period (select, 录取所选), or row by row from a table copied from Excel (附件2 with 培养单位,
// 培养专业, 开始日期, 结束日期): the table is judged by the rules first, each row saying whether it
// would be admitted or why not, and nothing is admitted until the officer confirms.
import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import Tepei.Client

ColumnLayout {
    id: pane
    required property AppController controller
    readonly property int waiting: admission.candidates.length
    readonly property alias admission: admission
    property var chosen: ({}) // recordId -> true
    property string message: ""
    property bool messageIsError: false
    signal open(string id)
    spacing: 8

    CentreAdmission {
        id: admission
        controller: pane.controller
    }
    Connections {
        target: admission
        function onChanged() {
            const still = {}
            for (const row of admission.candidates) {
                if (pane.chosen[row.recordId])
                    still[row.recordId] = true
            }
            pane.chosen = still
        }
    }
    readonly property var selection: admission.candidates.filter(row => chosen[row.recordId])

    function admitRows(rows) {
        dialog.openFor(rows.map(r => r.recordId), rows.map(r => r.name))
    }

    AdmissionDialog {
        id: dialog
        controller: pane.controller
        admission: pane.admission
        onAdmitted: pane.chosen = ({})
    }

    RowLayout {
        Layout.fillWidth: true
        Label {
            objectName: "waitingText"
            text: pane.waiting > 0 ? qsTr("待录取 %1 人（推荐单位已审核通过）").arg(pane.waiting)
                                   : qsTr("没有待录取的申报：推荐单位审核通过、同步后会出现在这里。")
            font.bold: true
        }
        Item { Layout.fillWidth: true }
        CheckBox {
            objectName: "selectAll"
            text: qsTr("全选")
            visible: pane.waiting > 0
            checked: pane.selection.length === pane.waiting && pane.waiting > 0
            onClicked: {
                const next = {}
                if (checked) {
                    for (const row of admission.candidates)
                        next[row.recordId] = true
                }
                pane.chosen = next
            }
        }
        Button {
            objectName: "admitSelected"
            text: qsTr("录取所选（%1）…").arg(pane.selection.length)
            enabled: pane.selection.length > 0
            highlighted: true
            onClicked: pane.admitRows(pane.selection)
        }
    }
    RowLayout {
        spacing: 0
        Layout.leftMargin: 44
        Repeater {
            model: [ [qsTr("姓名"), 110], [qsTr("工作单位"), 230], [qsTr("推荐单位"), 170], [qsTr("纸质材料"), 80],
                     [qsTr("意向培养单位"), 170] ]
            Label { required property var modelData; text: modelData[0]; font.bold: true; Layout.preferredWidth: modelData[1] }
        }
    }
    ListView {
        objectName: "candidates"
        Layout.fillWidth: true
        Layout.fillHeight: true
        Layout.minimumHeight: 120
        clip: true
        model: admission.candidates
        ScrollBar.vertical: ScrollBar {}
        delegate: RowLayout {
            id: line
            required property var modelData
            required property int index
            width: ListView.view.width
            spacing: 0
            CheckBox {
                objectName: "choose_" + line.index
                checked: pane.chosen[line.modelData.recordId] === true
                onClicked: {
                    const next = Object.assign({}, pane.chosen)
                    if (checked)
                        next[line.modelData.recordId] = true
                    else
                        delete next[line.modelData.recordId]
                    pane.chosen = next
                }
                Layout.preferredWidth: 44
            }
            Label { text: line.modelData.name; Layout.preferredWidth: 110; elide: Text.ElideRight }
            Label { text: line.modelData.employer; Layout.preferredWidth: 230; elide: Text.ElideRight }
            Label { text: line.modelData.authorityName; Layout.preferredWidth: 170; elide: Text.ElideRight }
            Label {
                text: line.modelData.paperReceived ? qsTr("已收") : qsTr("未收")
                color: line.modelData.paperReceived ? palette.text : "#b3261e"
                Layout.preferredWidth: 80
            }
            Label { text: line.modelData.intended; Layout.preferredWidth: 170; elide: Text.ElideRight }
            Item { Layout.fillWidth: true }
            Button { text: qsTr("查看"); flat: true; onClicked: pane.open(line.modelData.recordId) }
            Button {
                objectName: "admit_" + line.index
                text: qsTr("录取…")
                onClicked: pane.admitRows([line.modelData])
            }
        }
    }

    // An .xlsx file (附件2 with the admission columns added): judged like a pasted table.
    FileDialog {
        id: importDialog
        objectName: "admissionImportDialog"
        fileMode: FileDialog.OpenFile
        acceptLabel: qsTr("导入")
        rejectLabel: qsTr("取消")
        title: qsTr("选择录取表（.xlsx）")
        nameFilters: [ qsTr("Excel 文件 (*.xlsx)") ]
        onAccepted: {
            const why = admission.judgeFile(selectedFile)
            pane.messageIsError = why.length > 0
            pane.message = why
        }
    }

    // From a table: judged first, then admitted.
    Label { text: qsTr("从表格批量录取"); font.bold: true }
    Label {
        text: qsTr("从 Excel 复制各行粘贴到下面：身份证号（或姓名）、培养单位、培养专业、开始日期、结束日期（可留空），每行一人；第一行可为表头。也可直接导入 .xlsx 文件（如附件2加上培养单位、培养专业、开始日期、结束日期列），按表头找列。")
        wrapMode: Text.Wrap
        Layout.fillWidth: true
        color: "#57606a"
    }
    ScrollView {
        Layout.fillWidth: true
        Layout.preferredHeight: 90
        TextArea {
            id: table
            objectName: "admissionTable"
            wrapMode: TextEdit.NoWrap
            placeholderText: qsTr("身份证号\t培养单位\t培养专业\t开始日期\t结束日期")
            selectByMouse: true
            background: Rectangle { border.color: "#bdbdbd"; radius: 2 }
            onTextChanged: admission.clearPreview()
        }
    }
    RowLayout {
        Button {
            objectName: "judgeTable"
            text: qsTr("检查各行")
            enabled: table.text.trim().length > 0
            onClicked: { pane.message = ""; admission.judge(table.text) }
        }
        Button {
            objectName: "importTable"
            text: qsTr("从 Excel 文件导入…")
            onClicked: importDialog.open()
        }
        Button {
            objectName: "admitTable"
            text: qsTr("录取通过检查的 %1 行").arg(admission.previewAccepted)
            enabled: admission.previewAccepted > 0
            highlighted: true
            onClicked: {
                const results = admission.admitPreviewed()
                const done = results.filter(r => r.ok).length
                pane.messageIsError = done < results.length
                pane.message = qsTr("已录取 %1 人，下次同步时上传；%2 行未录取，原因见检查结果。")
                                   .arg(done).arg(results.length - done)
                if (done === results.length)
                    table.text = ""
            }
        }
        Label {
            visible: admission.preview.length > 0
            text: qsTr("%1 行中 %2 行可以录取").arg(admission.preview.length).arg(admission.previewAccepted)
        }
    }
    Repeater {
        objectName: "preview"
        model: admission.preview
        Label {
            required property var modelData
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            color: modelData.ok ? "#2e7d32" : "#b3261e"
            text: qsTr("第 %1 行").arg(modelData.line) + " · " + (modelData.name || modelData.idNumber || "")
                  + " · " + (modelData.unitName || "") + " · " + (modelData.major || "") + " · "
                  + (modelData.start || "") + (modelData.end ? " – " + modelData.end : "")
                  + "：" + (modelData.ok ? "✓ " : "✗ ") + modelData.message
        }
    }
    Label {
        objectName: "admissionMessage"
        text: pane.message
        visible: text.length > 0
        color: pane.messageIsError ? "#b3261e" : "#2e7d32"
        wrapMode: Text.Wrap
        Layout.fillWidth: true
    }
}
