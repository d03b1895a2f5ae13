// 培养与经费 (R-FND-1, R-FND-2, R-TRN-1): the trainees this person sees after admission — the
// trainee their own, the training unit and the work unit theirs, the centre all of the campaign.
// Left: the trainees (name, training unit, state, paid of plan), filtered by name or ID number.
// Right: the chosen trainee's admission, the plan against what was disbursed per item, every
// payment (待上传 until the server confirms it) and a disqualification's ground, facts, public
// criticism and refund claim, the return to post and the support after it. The centre records
// payments, refunds and disqualifications here (PaymentDialog, DisqualifyDialog), the work unit
// the return and the support (FollowUpDialog); the totals per training unit sit above the list.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Tepei.Client

Item {
    id: pane
    required property AppController controller
    property string message: ""
    property string notice: ""
    property string chosenId: ""

    TrainingBoard {
        id: board
        controller: pane.controller
    }
    readonly property var shown: board.trainees.filter(t => filter.text.trim().length === 0
        || t.name.indexOf(filter.text.trim()) >= 0 || t.idNumber.indexOf(filter.text.trim()) >= 0)
    readonly property var chosen: {
        for (const t of board.trainees) {
            if (t.id === pane.chosenId)
                return t
        }
        return pane.shown.length > 0 ? pane.shown[0] : null
    }
    function done(error, success) {
        pane.message = error
        pane.notice = error.length === 0 ? success + pane.controller.uploadState : ""
    }

    PaymentDialog {
        id: paymentDialog
        board: board
        onRecorded: text => pane.done("", text)
    }
    AssessmentDialog {
        id: assessmentDialog
        board: board
        onRecorded: text => pane.done("", text)
    }
    FollowUpDialog {
        id: followUpDialog
        board: board
        onRecorded: text => pane.done("", text)
    }
    DisqualifyDialog {
        id: disqualifyDialog
        board: board
        onRecorded: text => pane.done("", text)
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 8
        // Totals per training unit and in all (the centre's view: R-FND-2).
        GridLayout {
            objectName: "fundingTotals"
            visible: board.manages && board.totals.length > 0
            columns: 5
            columnSpacing: 24
            rowSpacing: 2
            Label { text: qsTr("培养单位"); font.bold: true; Layout.preferredWidth: 220 }
            Label { text: qsTr("人数"); font.bold: true; horizontalAlignment: Text.AlignRight; Layout.preferredWidth: 50 }
            Label { text: qsTr("计划（元）"); font.bold: true; horizontalAlignment: Text.AlignRight; Layout.preferredWidth: 130 }
            Label { text: qsTr("已拨付（元）"); font.bold: true; horizontalAlignment: Text.AlignRight; Layout.preferredWidth: 130 }
            Label { text: qsTr("剩余计划（元）"); font.bold: true; horizontalAlignment: Text.AlignRight; Layout.preferredWidth: 130 }
            Repeater {
                model: board.totals.length * 5
                Label {
                    required property int index
                    readonly property var row: board.totals[Math.floor(index / 5)]
                    readonly property int col: index % 5
                    readonly property bool last: Math.floor(index / 5) === board.totals.length - 1
                    text: [row.name, row.trainees, row.plan, row.paid, row.remaining][col]
                    font.bold: last
                    horizontalAlignment: col === 0 ? Text.AlignLeft : Text.AlignRight
                    Layout.preferredWidth: [220, 50, 130, 130, 130][col] // as the headings above
                }
            }
        }
        RowLayout {
            Layout.fillWidth: true
            TextField {
                id: filter
                objectName: "traineeSearch"
                placeholderText: qsTr("按姓名或身份证号查找")
                Layout.preferredWidth: 240
            }
            Label {
                text: qsTr("共 %1 名学员").arg(board.trainees.length)
                color: "#57606a"
                Layout.fillWidth: true
            }
        }
        Label {
            objectName: "trainingMessage"
            text: pane.message
            visible: text.length > 0
            color: "#b3261e"
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
        }
        Label {
            objectName: "trainingNotice"
            text: pane.notice
            visible: text.length > 0
            color: "#2e7d32"
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
        }
        Label {
            objectName: "trainingEmpty"
            visible: board.trainees.length === 0
            text: board.manages ? qsTr("本年度还没有录取的学员。在“录取”中录取学员并同步后，会显示在这里。")
                                : qsTr("还没有录取信息。中心录取并同步后，培养和经费情况会显示在这里。")
            color: "#57606a"
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
        }
        RowLayout {
            visible: board.trainees.length > 0
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: 12
            ListView {
                id: list
                objectName: "traineeList"
                Layout.preferredWidth: 330
                Layout.fillHeight: true
                clip: true
                model: pane.shown
                keyNavigationEnabled: true
                activeFocusOnTab: true
                ScrollBar.vertical: ScrollBar {}
                delegate: ItemDelegate {
                    required property var modelData
                    width: ListView.view.width
                    highlighted: pane.chosen && modelData.id === pane.chosen.id
                    onClicked: pane.chosenId = modelData.id
                    contentItem: ColumnLayout {
                        spacing: 2
                        RowLayout {
                            Label { text: modelData.name; font.bold: true; Layout.fillWidth: true }
                            Label {
                                text: modelData.stateLabel
                                color: modelData.disqualified ? "#b3261e" : modelData.stopped ? "#ef6c00" : "#1565c0"
                            }
                        }
                        Label {
                            text: qsTr("%1 · 已拨付 %2 / 计划 %3 元").arg(modelData.trainingUnitName).arg(modelData.paid).arg(modelData.plan)
                            color: "#57606a"
                            elide: Text.ElideRight
                            Layout.fillWidth: true
                        }
                    }
                }
            }
            TrainingDetail {
                objectName: "trainingDetail"
                trainee: pane.chosen
                manages: board.manages
                Layout.fillWidth: true
                Layout.fillHeight: true
                onPay: paymentDialog.ask(pane.chosen, false)
                onRefund: paymentDialog.ask(pane.chosen, true)
                onDisqualify: disqualifyDialog.ask(pane.chosen, board.grounds)
                followsUp: board.followsUp
                onRecordReturn: followUpDialog.ask(pane.chosen, true)
                onRecordSupport: followUpDialog.ask(pane.chosen, false)
                assesses: board.assesses
                onAssess: assessmentDialog.ask(pane.chosen)
            }
        }
    }
}
