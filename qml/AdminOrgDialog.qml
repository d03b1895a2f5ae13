// 新增单位 (issue #12 item 8): code, full name, kind, the parent its kind needs (a work unit's
// recommending authority; an authority sits under the centre) and the reason.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Tepei.Client

Dialog {
    id: dialog
    objectName: "adminOrgDialog"
    required property AdminConsole console
    property string kind: "work_unit"
    property string parentCode: ""
    readonly property var parentChoices: console.parentsForKind(kind)
    title: qsTr("新增单位")
    modal: true
    anchors.centerIn: Overlay.overlay
    width: 520
    standardButtons: Dialog.NoButton
    onOpened: {
        code.text = ""; orgName.text = ""; reason.text = ""
        kind = "work_unit"; parentCode = ""
        code.forceActiveFocus()
    }

    GridLayout {
        width: dialog.availableWidth
        columns: 2
        columnSpacing: 10
        Label { text: qsTr("单位代码") }
        TextField { id: code; objectName: "newOrgCode"; Layout.fillWidth: true; placeholderText: qsTr("2–40 位字母、数字或 -，如统一社会信用代码") }
        Label { text: qsTr("单位全称") }
        TextField { id: orgName; objectName: "newOrgName"; Layout.fillWidth: true }
        Label { text: qsTr("类型") }
        ChoiceBox {
            objectName: "newOrgKind"
            Layout.fillWidth: true
            model: dialog.console.orgKindChoices()
            textRole: "label"
            valueRole: "code"
            selected: dialog.kind
            onActivated: index => { dialog.kind = model[index].code; dialog.parentCode = "" }
        }
        Label { text: qsTr("上级单位"); visible: dialog.parentChoices.length > 0 }
        ChoiceBox {
            objectName: "newOrgParent"
            visible: dialog.parentChoices.length > 0
            Layout.fillWidth: true
            model: dialog.parentChoices
            textRole: "name"
            valueRole: "code"
            selected: dialog.parentCode
            placeholder: qsTr("请选择")
            onActivated: index => dialog.parentCode = model[index].code
        }
        Label { text: qsTr("理由") }
        TextField { id: reason; objectName: "newOrgReason"; Layout.fillWidth: true; placeholderText: qsTr("必填，记入审计日志") }
        RowLayout {
            Layout.columnSpan: 2
            Layout.alignment: Qt.AlignRight
            Button { text: qsTr("取消"); onClicked: dialog.close() }
            Button {
                objectName: "newOrgConfirm"
                text: qsTr("新增")
                highlighted: true
                enabled: code.text.trim().length >= 2 && orgName.text.trim().length > 0 && reason.text.trim().length > 0
                         && (dialog.kind !== "work_unit" || dialog.parentCode.length > 0)
                onClicked: {
                    dialog.console.addOrg(code.text, dialog.kind, orgName.text, dialog.parentCode, reason.text)
                    dialog.close()
                }
            }
        }
    }
}
