// 登记拨付 / 登记退款 (R-FND-1, R-TRN-1): the centre records one payment for a trainee — the item,
// the amount in yuan (suggested from the campaign: a month's allowance, a year's tuition and
// housing or management fee, never more than what remains), the day and a note (voucher number,
// month paid) — or a refund received against a disqualified trainee's claim. The rules judge it on
// this device first: a refused payment stays in the dialog with its reason and nothing is recorded.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Tepei.Client

Dialog {
    id: dialog
    objectName: "paymentDialog"
    required property TrainingBoard board
    property var trainee: null
    property bool refund: false
    property string error: ""
    signal recorded(string text)
    modal: true
    anchors.centerIn: Overlay.overlay
    width: 520
    standardButtons: Dialog.NoButton
    title: refund ? qsTr("登记退款") : qsTr("登记拨付")

    readonly property var items: trainee ? trainee.items : []
    property string item: "living_allowance"

    function suggestionOf(code) {
        for (const i of dialog.items) {
            if (i.item === code)
                return i.suggestion
        }
        return ""
    }
    function ask(trainee, refund) {
        dialog.trainee = trainee
        dialog.refund = refund
        dialog.error = ""
        dialog.item = refund ? "refund" : "living_allowance"
        amount.text = refund ? trainee.outstanding.replace(/,/g, "") : dialog.suggestionOf(dialog.item).replace(/,/g, "")
        day.text = Qt.formatDate(new Date(), "yyyy-MM-dd")
        note.text = ""
        open()
        amount.forceActiveFocus()
    }

    ColumnLayout {
        width: dialog.availableWidth
        spacing: 6
        Label {
            text: dialog.trainee ? (dialog.refund
                  ? qsTr("%1 应退还 %2 元，已退还 %3 元，尚欠 %4 元。").arg(dialog.trainee.name).arg(dialog.trainee.refundClaim)
                        .arg(dialog.trainee.refunded).arg(dialog.trainee.outstanding)
                  : qsTr("%1 · %2 · 计划 %3 元，已拨付 %4 元，剩余 %5 元。").arg(dialog.trainee.name).arg(dialog.trainee.trainingUnitName)
                        .arg(dialog.trainee.plan).arg(dialog.trainee.paid).arg(dialog.trainee.remaining)) : ""
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
        }
        Label { visible: !dialog.refund; text: qsTr("拨付项目") }
        ChoiceBox {
            objectName: "paymentItem"
            visible: !dialog.refund
            model: dialog.items
            textRole: "label"
            valueRole: "item"
            selected: dialog.item
            Layout.fillWidth: true
            onActivated: index => {
                dialog.item = dialog.items[index].item
                amount.text = dialog.items[index].suggestion.replace(/,/g, "")
            }
        }
        Label { text: qsTr("金额（元；冲减填负数并注明原因）") }
        TextField { id: amount; objectName: "paymentAmount"; Layout.fillWidth: true; selectByMouse: true }
        Label { text: dialog.refund ? qsTr("收到退款日期（YYYY-MM-DD）") : qsTr("拨付日期（YYYY-MM-DD）") }
        TextField { id: day; objectName: "paymentDate"; Layout.fillWidth: true; selectByMouse: true }
        Label { text: qsTr("说明（凭证号、所属月份等；冲减时必填）") }
        TextField { id: note; objectName: "paymentNote"; Layout.fillWidth: true; selectByMouse: true }
        Label {
            objectName: "paymentError"
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
                objectName: "paymentConfirm"
                text: qsTr("登记")
                highlighted: true
                onClicked: {
                    const error = dialog.board.recordPayment(dialog.trainee.id, dialog.item, amount.text, day.text, note.text)
                    if (error.length > 0) {
                        dialog.error = error
                        return
                    }
                    const name = dialog.trainee.name
                    dialog.close()
                    dialog.recorded(dialog.refund ? qsTr("已登记 %1 的退款 %2 元").arg(name).arg(amount.text)
                                                  : qsTr("已登记 %1 的拨付 %2 元").arg(name).arg(amount.text))
                }
            }
        }
    }
}
