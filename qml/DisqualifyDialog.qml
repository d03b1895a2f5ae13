// 取消培养资格 (R-TRN-1): the centre disqualifies a trainee on one of the notice's three grounds,
// with the facts found and the text of the public criticism (通报批评), all required. It says
// before the decision what follows: the training stops, the remaining funding plan stops, and
// everything disbursed to date is claimed back. Irreversible: the button names the trainee.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Tepei.Client

Dialog {
    id: dialog
    objectName: "disqualifyDialog"
    required property TrainingBoard board
    property var trainee: null
    property var grounds: []
    property string ground: ""
    property string error: ""
    signal recorded(string text)
    modal: true
    anchors.centerIn: Overlay.overlay
    width: 600
    standardButtons: Dialog.NoButton
    title: qsTr("取消培养资格")

    function ask(trainee, grounds) {
        dialog.trainee = trainee
        dialog.grounds = grounds
        dialog.ground = ""
        dialog.error = ""
        facts.text = ""
        criticism.text = ""
        open()
    }

    ColumnLayout {
        width: dialog.availableWidth
        spacing: 6
        Label {
            text: dialog.trainee ? qsTr("取消 %1 的培养资格后，培养即告结束，剩余经费计划停止，并要求退还已拨付的全部特培经费（目前 %2 元）。此操作不能撤销。")
                                       .arg(dialog.trainee.name).arg(dialog.trainee.paid) : ""
            wrapMode: Text.WordWrap
            color: "#b3261e"
            Layout.fillWidth: true
        }
        Label { text: qsTr("情形（必选）") }
        ButtonGroup { id: groundGroup }
        Repeater {
            model: dialog.grounds
            RadioButton {
                required property var modelData
                objectName: "ground_" + modelData.code
                text: modelData.label
                ButtonGroup.group: groundGroup
                checked: dialog.ground === modelData.code
                onClicked: dialog.ground = modelData.code
            }
        }
        Label { text: qsTr("事实经过（必填）") }
        TextArea {
            id: facts
            objectName: "disqualifyFacts"
            Layout.fillWidth: true
            Layout.preferredHeight: 70
            wrapMode: TextEdit.Wrap
            background: Rectangle { border.color: "#bdbdbd"; radius: 2 }
        }
        Label { text: qsTr("通报批评内容（必填）") }
        TextArea {
            id: criticism
            objectName: "disqualifyCriticism"
            Layout.fillWidth: true
            Layout.preferredHeight: 70
            wrapMode: TextEdit.Wrap
            background: Rectangle { border.color: "#bdbdbd"; radius: 2 }
        }
        Label {
            objectName: "disqualifyError"
            text: dialog.error
            visible: text.length > 0
            color: "#b3261e"
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
        }
        RowLayout {
            Layout.alignment: Qt.AlignRight
            // Not 取消 (cancel): beside 取消培养资格 it would read as the same word.
            Button { objectName: "disqualifyBack"; text: qsTr("返回，不作处理"); onClicked: dialog.close() }
            Button {
                objectName: "disqualifyConfirm"
                text: dialog.trainee ? qsTr("取消 %1 的培养资格").arg(dialog.trainee.name) : ""
                enabled: dialog.ground.length > 0 && facts.text.trim().length > 0 && criticism.text.trim().length > 0
                onClicked: {
                    const error = dialog.board.disqualify(dialog.trainee.id, dialog.ground, facts.text, criticism.text)
                    if (error.length > 0) {
                        dialog.error = error
                        return
                    }
                    const name = dialog.trainee.name
                    dialog.close()
                    dialog.recorded(qsTr("已取消 %1 的培养资格").arg(name))
                }
            }
        }
    }
}
