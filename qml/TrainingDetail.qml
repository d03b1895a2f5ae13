// One trainee's training and funding (TrainingPane's right side): the admission, the plan against
// what was disbursed per item, every payment, and a disqualification with its refund claim. The
// centre's buttons (登记拨付, 登记退款, 取消培养资格) show only when the action can succeed, and
// say why when they cannot.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

ScrollView {
    id: detail
    property var trainee: null
    property bool manages: false
    signal pay()
    signal refund()
    signal disqualify()
    property bool followsUp: false
    signal recordReturn()
    signal recordSupport()
    property bool assesses: false
    signal assess()
    contentWidth: availableWidth
    clip: true

    ColumnLayout {
        width: detail.availableWidth
        spacing: 10
        visible: detail.trainee !== null
        RowLayout {
            Layout.fillWidth: true
            Label {
                objectName: "traineeName"
                text: detail.trainee ? detail.trainee.name : ""
                font.pixelSize: 18
                font.bold: true
            }
            Label {
                text: detail.trainee ? detail.trainee.stateLabel : ""
                color: detail.trainee && detail.trainee.disqualified ? "#b3261e" : "#1565c0"
            }
            Item { Layout.fillWidth: true }
            Button {
                objectName: "payButton"
                visible: detail.manages
                enabled: detail.trainee && detail.trainee.canPay
                text: qsTr("登记拨付…")
                onClicked: detail.pay()
            }
            Button {
                objectName: "refundButton"
                visible: detail.manages && detail.trainee && detail.trainee.disqualified
                enabled: detail.trainee && detail.trainee.canRefund
                text: qsTr("登记退款…")
                onClicked: detail.refund()
            }
            Button {
                objectName: "disqualifyButton"
                visible: detail.manages && detail.trainee && detail.trainee.canDisqualify
                text: qsTr("取消培养资格…")
                onClicked: detail.disqualify()
            }
        }
        Label {
            visible: detail.manages && detail.trainee && !detail.trainee.canPay
            text: qsTr("该学员已%1，剩余经费计划已停止，不再拨付。").arg(detail.trainee ? detail.trainee.stateLabel : "")
            color: "#ef6c00"
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
        }
        GridLayout {
            columns: 4
            columnSpacing: 16
            Label { text: qsTr("培养单位"); color: "#57606a" }
            Label { text: detail.trainee ? detail.trainee.trainingUnitName : "" }
            Label { text: qsTr("培养专业"); color: "#57606a" }
            Label { text: detail.trainee ? detail.trainee.major : "" }
            Label { text: qsTr("培养期限"); color: "#57606a" }
            Label {
                text: detail.trainee ? qsTr("%1 至 %2（%3 个月）").arg(detail.trainee.start).arg(detail.trainee.end).arg(detail.trainee.months) : ""
            }
            Label { text: qsTr("工作单位"); color: "#57606a" }
            Label { text: detail.trainee ? detail.trainee.employer : ""; elide: Text.ElideRight; Layout.maximumWidth: 260 }
        }
        Label { text: qsTr("经费（元）"); font.bold: true }
        GridLayout {
            objectName: "fundingItems"
            columns: 4
            columnSpacing: 24
            rowSpacing: 2
            Label { text: qsTr("项目"); font.bold: true; Layout.preferredWidth: 140 }
            Label { text: qsTr("计划"); font.bold: true; horizontalAlignment: Text.AlignRight; Layout.preferredWidth: 110 }
            Label { text: qsTr("已拨付"); font.bold: true; horizontalAlignment: Text.AlignRight; Layout.preferredWidth: 110 }
            Label { text: qsTr("剩余"); font.bold: true; horizontalAlignment: Text.AlignRight; Layout.preferredWidth: 110 }
            Repeater {
                model: detail.trainee ? detail.trainee.items.length * 4 : 0
                Label {
                    required property int index
                    readonly property var row: detail.trainee.items[Math.floor(index / 4)]
                    text: [row.label, row.plan, row.paid, row.remaining][index % 4]
                    horizontalAlignment: index % 4 === 0 ? Text.AlignLeft : Text.AlignRight
                    Layout.fillWidth: index % 4 !== 0
                }
            }
            Label { text: qsTr("合计"); font.bold: true }
            Label { text: detail.trainee ? detail.trainee.plan : ""; font.bold: true; horizontalAlignment: Text.AlignRight; Layout.fillWidth: true }
            Label { objectName: "paidTotal"; text: detail.trainee ? detail.trainee.paid : ""; font.bold: true; horizontalAlignment: Text.AlignRight; Layout.fillWidth: true }
            Label { text: detail.trainee ? detail.trainee.remaining : ""; font.bold: true; horizontalAlignment: Text.AlignRight; Layout.fillWidth: true }
        }
        // 取消培养资格 (R-TRN-1): the ground, the facts, the public criticism, the refund claim.
        Rectangle {
            objectName: "disqualificationBox"
            visible: detail.trainee !== null && detail.trainee.disqualified
            Layout.fillWidth: true
            implicitHeight: dq.implicitHeight + 20
            color: "#fdecea"
            border.color: "#f5c2c0"
            radius: 4
            ColumnLayout {
                id: dq
                anchors.fill: parent
                anchors.margins: 10
                spacing: 4
                Label { text: qsTr("已取消培养资格"); font.bold: true; color: "#b3261e" }
                Label {
                    text: detail.trainee && detail.trainee.disqualified ? qsTr("情形：%1").arg(detail.trainee.groundLabel || qsTr("（未注明）")) : ""
                    wrapMode: Text.WordWrap; Layout.fillWidth: true
                }
                Label {
                    text: detail.trainee && detail.trainee.disqualified ? qsTr("事实经过：%1").arg(detail.trainee.facts || qsTr("（未注明）")) : ""
                    wrapMode: Text.WordWrap; Layout.fillWidth: true
                }
                Label {
                    text: detail.trainee && detail.trainee.disqualified ? qsTr("通报批评：%1").arg(detail.trainee.criticism || qsTr("（未注明）")) : ""
                    wrapMode: Text.WordWrap; Layout.fillWidth: true
                }
                Label {
                    objectName: "refundClaim"
                    text: detail.trainee && detail.trainee.disqualified
                          ? qsTr("应退还特培经费 %1 元（即已拨付的全部经费），已退还 %2 元，尚欠 %3 元。")
                                .arg(detail.trainee.refundClaim).arg(detail.trainee.refunded).arg(detail.trainee.outstanding) : ""
                    font.bold: true
                    wrapMode: Text.WordWrap; Layout.fillWidth: true
                }
            }
        }
        // 结业考核 (R-TRN-2): recorded by the training unit at the end of the period.
        RowLayout {
            Layout.fillWidth: true
            Label { text: qsTr("结业考核"); font.bold: true }
            Label {
                objectName: "assessmentText"
                readonly property var a: detail.trainee ? detail.trainee.assessment : null
                text: a ? (a.comments ? qsTr("%1（%2）：%3").arg(a.label).arg(a.date).arg(a.comments)
                                      : qsTr("%1（%2）").arg(a.label).arg(a.date))
                          + (a.waiting ? qsTr(" · 待上传") : "")
                        : detail.trainee && detail.trainee.stopped ? qsTr("培养已中断或取消，不进行结业考核")
                        : qsTr("培养单位尚未登记结业考核")
                color: a && !a.passed ? "#b3261e" : "#57606a"
                wrapMode: Text.WordWrap
                Layout.fillWidth: true
            }
            Button {
                objectName: "assessButton"
                visible: detail.assesses && detail.trainee && detail.trainee.canAssess
                text: qsTr("登记结业考核…")
                onClicked: detail.assess()
            }
        }
        // 返岗与后续支持 (R-TRN-3): recorded by the work unit, seen by the trainee's parties.
        RowLayout {
            Layout.fillWidth: true
            Label { text: qsTr("返岗与后续支持"); font.bold: true }
            Label {
                objectName: "returnedText"
                text: detail.trainee && detail.trainee.returned ? qsTr("已于 %1 返岗").arg(detail.trainee.returned) : qsTr("尚未登记返岗")
                color: "#57606a"
                Layout.fillWidth: true
            }
            Button {
                objectName: "returnButton"
                visible: detail.followsUp && detail.trainee && detail.trainee.canRecordReturn
                text: qsTr("登记返岗…")
                onClicked: detail.recordReturn()
            }
            Button {
                objectName: "supportButton"
                visible: detail.followsUp && detail.trainee && detail.trainee.canRecordSupport
                text: qsTr("登记后续支持…")
                onClicked: detail.recordSupport()
            }
        }
        Repeater {
            objectName: "followUpList"
            model: detail.trainee ? detail.trainee.followUps : []
            RowLayout {
                required property var modelData
                Layout.fillWidth: true
                spacing: 16
                Label { text: modelData.date; Layout.preferredWidth: 90 }
                Label { text: modelData.label; Layout.preferredWidth: 120 }
                Label { text: modelData.text; wrapMode: Text.WordWrap; Layout.fillWidth: true }
                Label { text: modelData.waiting ? qsTr("待上传") : ""; color: "#ef6c00" }
            }
        }
        Label { text: qsTr("拨付记录"); font.bold: true }
        Label {
            visible: detail.trainee && detail.trainee.payments.length === 0
            text: qsTr("还没有拨付记录。")
            color: "#57606a"
        }
        Repeater {
            objectName: "paymentList"
            model: detail.trainee ? detail.trainee.payments : []
            RowLayout {
                required property var modelData
                Layout.fillWidth: true
                spacing: 16
                Label { text: modelData.date; Layout.preferredWidth: 90 }
                Label { text: modelData.itemLabel; Layout.preferredWidth: 120 }
                Label { text: modelData.amount; horizontalAlignment: Text.AlignRight; Layout.preferredWidth: 110 }
                Label { text: modelData.note; color: "#57606a"; elide: Text.ElideRight; Layout.fillWidth: true }
                Label { text: modelData.waiting ? qsTr("待上传") : ""; color: "#ef6c00" }
            }
        }
    }
}
