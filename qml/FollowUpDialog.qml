// 登记返岗 / 登记后续支持 (R-TRN-3): the work unit records the trainee's return to post (the day,
// the post) or a follow-up support entry — title evaluation, promotion, research project, other —
// with its date and what it was. The rules judge it on this device first: a refused entry stays
// in the dialog with its reason and nothing is recorded.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Tepei.Client

Dialog {
    id: dialog
    objectName: "followUpDialog"
    required property TrainingBoard board
    property var trainee: null
    property bool isReturn: true
    property string entry: "title"
    property string error: ""
    signal recorded(string text)
    modal: true
    anchors.centerIn: Overlay.overlay
    width: 520
    standardButtons: Dialog.NoButton
    title: isReturn ? qsTr("登记返岗") : qsTr("登记后续支持")

    function ask(trainee, isReturn) {
        dialog.trainee = trainee
        dialog.isReturn = isReturn
        dialog.entry = isReturn ? "return" : "title"
        dialog.error = ""
        day.text = Qt.formatDate(new Date(), "yyyy-MM-dd")
        details.text = ""
        open()
        day.forceActiveFocus()
    }

    ColumnLayout {
        width: dialog.availableWidth
        spacing: 6
        Label {
            text: dialog.trainee ? (dialog.isReturn
                  ? qsTr("%1 · 培养期 %2 至 %3 · 培养结束后登记其回到本单位工作岗位的日期。").arg(dialog.trainee.name).arg(dialog.trainee.start).arg(dialog.trainee.end)
                  : qsTr("%1 · 已于 %2 返岗 · 登记本单位在职称、职务、科研等方面给予的支持。").arg(dialog.trainee.name).arg(dialog.trainee.returned)) : ""
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
        }
        Label { visible: !dialog.isReturn; text: qsTr("支持类别") }
        ChoiceBox {
            objectName: "supportKind"
            visible: !dialog.isReturn
            model: dialog.board.supportKinds
            textRole: "label"
            valueRole: "code"
            selected: dialog.entry
            Layout.fillWidth: true
            onActivated: index => dialog.entry = dialog.board.supportKinds[index].code
        }
        Label { text: dialog.isReturn ? qsTr("返岗日期（YYYY-MM-DD）") : qsTr("日期（YYYY-MM-DD）") }
        TextField { id: day; objectName: "followUpDate"; Layout.fillWidth: true; selectByMouse: true }
        Label { text: dialog.isReturn ? qsTr("岗位（选填）") : qsTr("内容（必填：评审的职称、晋升的职务、项目名称等）") }
        TextArea {
            id: details
            objectName: "followUpText"
            Layout.fillWidth: true
            Layout.preferredHeight: 60
            wrapMode: TextEdit.Wrap
            background: Rectangle { border.color: "#bdbdbd"; radius: 2 }
        }
        Label {
            objectName: "followUpError"
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
                objectName: "followUpConfirm"
                text: qsTr("登记")
                highlighted: true
                onClicked: {
                    const error = dialog.board.recordFollowUp(dialog.trainee.id, dialog.entry, day.text, details.text)
                    if (error.length > 0) {
                        dialog.error = error
                        return
                    }
                    const name = dialog.trainee.name
                    dialog.close()
                    dialog.recorded(dialog.isReturn ? qsTr("已登记 %1 返岗").arg(name) : qsTr("已登记 %1 的后续支持").arg(name))
                }
            }
        }
    }
}
