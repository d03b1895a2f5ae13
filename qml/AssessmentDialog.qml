// 登记结业考核 (R-TRN-2): the training unit records the completion assessment at the end of the
// period — passed or not, the day, the comments (required when not passed). Once recorded it
// cannot change. The rules judge it on this device first: a refused one stays in the dialog with
// its reason and nothing is recorded.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Tepei.Client

Dialog {
    id: dialog
    objectName: "assessmentDialog"
    required property TrainingBoard board
    property var trainee: null
    property string error: ""
    signal recorded(string text)
    modal: true
    anchors.centerIn: Overlay.overlay
    width: 520
    standardButtons: Dialog.NoButton
    title: qsTr("登记结业考核")

    function ask(trainee) {
        dialog.trainee = trainee
        dialog.error = ""
        passed.checked = false
        failed.checked = false
        day.text = Qt.formatDate(new Date(), "yyyy-MM-dd")
        comments.text = ""
        open()
    }

    ColumnLayout {
        width: dialog.availableWidth
        spacing: 6
        Label {
            text: dialog.trainee ? qsTr("%1 · %2 · 培养期 %3 至 %4。登记后不能修改。").arg(dialog.trainee.name)
                                       .arg(dialog.trainee.major).arg(dialog.trainee.start).arg(dialog.trainee.end) : ""
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
        }
        Label { text: qsTr("考核结果（必选）") }
        RowLayout {
            RadioButton { id: passed; objectName: "assessPassed"; text: qsTr("合格") }
            RadioButton { id: failed; objectName: "assessFailed"; text: qsTr("不合格") }
        }
        Label { text: qsTr("考核日期（YYYY-MM-DD）") }
        TextField { id: day; objectName: "assessDate"; Layout.fillWidth: true; selectByMouse: true }
        Label { text: failed.checked ? qsTr("考核意见（必填）") : qsTr("考核意见") }
        TextArea {
            id: comments
            objectName: "assessComments"
            Layout.fillWidth: true
            Layout.preferredHeight: 70
            wrapMode: TextEdit.Wrap
            background: Rectangle { border.color: "#bdbdbd"; radius: 2 }
        }
        Label {
            objectName: "assessError"
            text: dialog.error
            visible: text.length > 0
            color: "#b3261e"
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
        }
        RowLayout {
            Layout.alignment: Qt.AlignRight
            Button { text: qsTr("取消"); onClicked: dialog.close() }
            Button {
                objectName: "assessConfirm"
                text: qsTr("登记")
                highlighted: true
                enabled: passed.checked || failed.checked
                onClicked: {
                    const error = dialog.board.recordAssessment(dialog.trainee.id, passed.checked, day.text, comments.text)
                    if (error.length > 0) {
                        dialog.error = error
                        return
                    }
                    const name = dialog.trainee.name
                    dialog.close()
                    dialog.recorded(qsTr("已登记 %1 的结业考核").arg(name))
                }
            }
        }
    }
}
