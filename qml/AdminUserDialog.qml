// 新增账号 (issue #12 item 8): login, name, role, the organisation (only those of the role's
// kind, approved), mobile (optional) and the reason. The server answers with a temporary
// password, which the page shows once (AdminHome).
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Tepei.Client

Dialog {
    id: dialog
    objectName: "adminUserDialog"
    required property AdminConsole console
    property string role: "unit_reviewer"
    property string orgCode: ""
    readonly property var orgChoices: console.orgsForRole(role)
    title: qsTr("新增账号")
    modal: true
    anchors.centerIn: Overlay.overlay
    width: 520
    standardButtons: Dialog.NoButton
    onOpened: {
        login.text = ""; fullName.text = ""; mobile.text = ""; reason.text = ""
        role = "unit_reviewer"; orgCode = ""
        login.forceActiveFocus()
    }

    GridLayout {
        width: dialog.availableWidth
        columns: 2
        columnSpacing: 10
        Label { text: qsTr("登录名") }
        TextField { id: login; objectName: "newLogin"; Layout.fillWidth: true; placeholderText: qsTr("3–64 位字母、数字或 . _ - @") }
        Label { text: qsTr("姓名") }
        TextField { id: fullName; objectName: "newName"; Layout.fillWidth: true }
        Label { text: qsTr("角色") }
        ChoiceBox {
            objectName: "newRole"
            Layout.fillWidth: true
            model: dialog.console.roleChoices()
            textRole: "label"
            valueRole: "code"
            selected: dialog.role
            onActivated: index => { dialog.role = model[index].code; dialog.orgCode = "" }
        }
        Label { text: qsTr("所在单位") }
        ChoiceBox {
            objectName: "newOrg"
            Layout.fillWidth: true
            model: dialog.orgChoices
            textRole: "name"
            valueRole: "code"
            selected: dialog.orgCode
            placeholder: dialog.orgChoices.length > 0 ? qsTr("请选择") : qsTr("没有此角色可属的单位：请先新增单位")
            onActivated: index => dialog.orgCode = model[index].code
        }
        Label { text: qsTr("手机号码") }
        TextField { id: mobile; objectName: "newMobile"; Layout.fillWidth: true; placeholderText: qsTr("选填，11 位") }
        Label { text: qsTr("理由") }
        TextField { id: reason; objectName: "newUserReason"; Layout.fillWidth: true; placeholderText: qsTr("必填，记入审计日志") }
        Label {
            Layout.columnSpan: 2
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            color: "#57606a"
            text: qsTr("服务器为新账号生成临时密码，只显示一次：请告知本人。")
        }
        RowLayout {
            Layout.columnSpan: 2
            Layout.alignment: Qt.AlignRight
            Button { text: qsTr("取消"); onClicked: dialog.close() }
            Button {
                objectName: "newUserConfirm"
                text: qsTr("新增")
                highlighted: true
                enabled: login.text.trim().length >= 3 && fullName.text.trim().length > 0 && dialog.orgCode.length > 0
                         && reason.text.trim().length > 0
                onClicked: {
                    dialog.console.addUser(login.text, fullName.text, dialog.role, dialog.orgCode, mobile.text, reason.text)
                    dialog.close()
                }
            }
        }
    }
}
