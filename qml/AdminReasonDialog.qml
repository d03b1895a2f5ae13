// Asks the administrator for the reason of one change (停用, 启用, 重置密码: issue #12 item 8):
// what the change does, a reason that is required (the server writes it into the audit log),
// and the action, enabled only once a reason is written. ask(title, explanation, action, done)
// opens it; done(reason) runs on confirmation.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

Dialog {
    id: dialog
    objectName: "adminReasonDialog"
    property string explanation: ""
    property string action: ""
    property var done: null
    modal: true
    anchors.centerIn: Overlay.overlay
    width: 480
    standardButtons: Dialog.NoButton

    function ask(title, explanation, action, done) {
        dialog.title = title
        dialog.explanation = explanation
        dialog.action = action
        dialog.done = done
        open()
    }
    onOpened: { reason.text = ""; reason.forceActiveFocus() }

    ColumnLayout {
        width: dialog.availableWidth
        Label { text: dialog.explanation; wrapMode: Text.Wrap; Layout.fillWidth: true }
        Label { text: qsTr("理由（必填，记入审计日志）") }
        TextArea {
            id: reason
            objectName: "adminReason"
            Layout.fillWidth: true
            Layout.preferredHeight: 80
            wrapMode: TextEdit.Wrap
            background: Rectangle { border.color: "#bdbdbd"; radius: 2 }
        }
        RowLayout {
            Layout.alignment: Qt.AlignRight
            Button { text: qsTr("取消"); onClicked: dialog.close() }
            Button {
                objectName: "adminReasonConfirm"
                text: dialog.action
                highlighted: true
                enabled: reason.text.trim().length > 0
                onClicked: { const d = dialog.done; dialog.close(); if (d) d(reason.text) }
            }
        }
    }
}
