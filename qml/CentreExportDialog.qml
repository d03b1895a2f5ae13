// 导出 Excel (issue #12 item 6): the centre downloads the notice's tables of the current campaign
// from the server — 附件1 名额分配表, 附件2 学员汇总表 (all authorities or one), the funding plan with
// its admitted trainees per trainee and per training unit, the list of admitted trainees — and
// opens the saved file. The tables
// are built by the server from the whole log, so exporting needs a connection; the dialog says so
// when there is none.
import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import Tepei.Client

Dialog {
    id: dialog
    objectName: "exportDialog"
    required property AppController controller
    property var authorities: [] // [{authority, name}]
    property string table: "quota"
    property string authority: ""
    property string outcome: ""
    property bool outcomeIsError: false
    property string savedPath: ""
    title: qsTr("导出 Excel 表格")
    modal: true
    anchors.centerIn: Overlay.overlay
    width: 520
    standardButtons: Dialog.NoButton

    readonly property var tables: [
        { code: "quota", label: qsTr("附件1 名额分配表（分配、已通过、待审核、剩余）"), byAuthority: false },
        { code: "summary", label: qsTr("附件2 学员汇总表（审核通过的学员）"), byAuthority: true },
        { code: "admitted", label: qsTr("录取学员名单（培养单位、专业、起止日期）"), byAuthority: true },
        { code: "funding", label: qsTr("经费计划与拨付（按学员、按培养单位、拨付明细）"), byAuthority: true }
    ]
    readonly property var chosen: tables.find(t => t.code === table)
    Connections {
        target: dialog.controller
        function onExportFinished(ok, message, path) {
            dialog.outcomeIsError = !ok
            dialog.outcome = message
            dialog.savedPath = path
        }
    }

    ColumnLayout {
        width: dialog.availableWidth
        spacing: 6
        Repeater {
            model: dialog.tables
            RadioButton {
                required property var modelData
                objectName: "table_" + modelData.code
                text: modelData.label
                checked: dialog.table === modelData.code
                onClicked: { dialog.table = modelData.code; dialog.outcome = "" }
            }
        }
        RowLayout {
            visible: dialog.chosen.byAuthority
            Label { text: qsTr("推荐单位") }
            ChoiceBox {
                objectName: "exportAuthority"
                model: [{ authority: "", name: qsTr("全部推荐单位") }].concat(dialog.authorities)
                textRole: "name"
                valueRole: "authority"
                selected: dialog.authority
                Layout.fillWidth: true
                onActivated: index => dialog.authority = model[index].authority
            }
        }
        Label {
            text: qsTr("表格由服务器按全部数据生成，需要联网。")
            color: "#57606a"
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        Label {
            objectName: "exportOutcome"
            text: dialog.outcome
            visible: text.length > 0
            color: dialog.outcomeIsError ? "#b3261e" : "#2e7d32"
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        RowLayout {
            Layout.alignment: Qt.AlignRight
            Button {
                objectName: "exportOpen"
                text: qsTr("打开文件")
                visible: dialog.savedPath.length > 0
                onClicked: Qt.openUrlExternally("file://" + dialog.savedPath)
            }
            Button { text: qsTr("关闭"); onClicked: dialog.close() }
            Button {
                objectName: "exportSave"
                text: qsTr("保存为…")
                highlighted: true
                enabled: !dialog.controller.busy
                onClicked: { dialog.outcome = ""; dialog.savedPath = ""; saveDialog.open() }
            }
        }
    }

    FileDialog {
        id: saveDialog
        objectName: "exportFileDialog"
        fileMode: FileDialog.SaveFile
        acceptLabel: qsTr("保存")
        rejectLabel: qsTr("取消")
        title: qsTr("保存表格")
        nameFilters: [ qsTr("Excel 文件 (*.xlsx)") ]
        onAccepted: dialog.controller.exportTable(dialog.table, dialog.chosen.byAuthority ? dialog.authority : "",
                                                  selectedFile)
    }
}
