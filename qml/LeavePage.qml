// R-LV-1..3: the leave page of every party. The trainee files a request (病假/事假, dates, reason)
// and sees who must act next; the training unit, the work unit and the centre see the requests of
// their trainees, approve or refuse with a written opinion, file the ones they are notified of
// (备案); the training unit confirms the return (销假). Every action works offline and syncs.
import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import Tepei.Client

Page {
    id: page
    required property AppController controller
    property bool showBack: false
    signal back()
    property string message: ""
    property string notice: ""
    property bool noticeIsChange: true // a local change: the notice says whether it is uploaded

    LeaveBoard {
        id: board
        controller: page.controller
    }

    // The requests the filters select: awaiting this person's decision, their filing (备案), or
    // all; and one trainee's (their leave history) or every trainee's.
    readonly property var shown: board.requests.filter(r =>
        (viewTabs.currentIndex === 0 ? r.actNow : viewTabs.currentIndex === 1 ? r.fileNow : true)
        && (page.traineeFilter.length === 0 || r.application === page.traineeFilter))
    // The trainee chosen (their application id), "" for all: kept while the lists reload.
    property string traineeFilter: ""
    readonly property var trainees: {
        const seen = {}
        const out = [{ label: qsTr("全部学员"), value: "" }]
        for (const r of board.requests) {
            if (!seen[r.application]) { seen[r.application] = true; out.push({ label: r.trainee, value: r.application }) }
        }
        return out
    }
    function countOf(test) { return board.requests.filter(test).length }
    function historyOf(application) {
        const mine = board.requests.filter(r => r.application === application)
        const taken = mine.filter(r => r.status === "approved" || r.status === "returned")
        return qsTr("%1：请假 %2 次，批准 %3 次共 %4 天，逾期返回 %5 次").arg(mine.length ? mine[0].trainee : "")
            .arg(mine.length).arg(taken.length).arg(taken.reduce((n, r) => n + r.days, 0))
            .arg(mine.filter(r => r.late).length)
    }

    function done(error, success, isChange = true) {
        page.message = error
        page.notice = error.length === 0 ? success : ""
        page.noticeIsChange = isChange
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 16
        spacing: 10
        RowLayout {
            Layout.fillWidth: true
            Button {
                visible: page.showBack
                text: qsTr("返回")
                onClicked: page.back()
            }
            Label { text: qsTr("请假管理"); font.pixelSize: 20; font.bold: true }
            Label {
                objectName: "awaitingSummary"
                text: board.awaitingCount > 0 ? qsTr("%1 项待您处理").arg(board.awaitingCount) : qsTr("没有待您处理的请假申请")
                color: board.awaitingCount > 0 ? "#ef6c00" : "#57606a"
                Layout.fillWidth: true
            }
            Button {
                objectName: "newLeaveButton"
                visible: board.trainings.length > 0
                text: qsTr("新的请假申请")
                highlighted: true
                onClicked: fileDialog.open()
            }
        }
        Label {
            objectName: "policyText"
            visible: board.policy.length > 0
            text: qsTr("病假、事假按天数分级审批（各方按顺序审批，最后一方在其余各方同意后审批）：") + board.policy
            wrapMode: Text.WordWrap
            color: "#57606a"
            Layout.fillWidth: true
        }
        Flow {
            objectName: "trainingList"
            Layout.fillWidth: true
            spacing: 8
            visible: board.trainings.length > 0
            Repeater {
                model: board.trainings
                Rectangle {
                    required property var modelData
                    width: trainingText.implicitWidth + 20
                    height: trainingText.implicitHeight + 12
                    radius: 4
                    color: "#f6f8fa"
                    border.color: "#d0d7de"
                    Label {
                        id: trainingText
                        anchors.centerIn: parent
                        text: qsTr("%1 · %2 %3 · %4 起 · 请假 %5 次，已批准 %6 天").arg(modelData.name).arg(modelData.trainingUnit)
                              .arg(modelData.major).arg(modelData.start).arg(modelData.requests).arg(modelData.daysOff)
                    }
                }
            }
        }
        Label {
            objectName: "leaveMessage"
            text: page.message
            visible: text.length > 0
            color: "#b3261e"
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
        }
        Label {
            objectName: "leaveNotice"
            text: page.notice + (page.notice.length > 0 && page.noticeIsChange ? page.controller.uploadState : "")
            visible: text.length > 0
            color: "#2e7d32"
            Layout.fillWidth: true
        }
        // The parties' views: what awaits them, their filings list, each trainee's leave history.
        RowLayout {
            objectName: "leaveFilters"
            visible: page.controller.role !== "applicant" && board.requests.length > 0
            Layout.fillWidth: true
            spacing: 12
            TabBar {
                id: viewTabs
                currentIndex: 2
                TabButton { objectName: "tabAwaiting"; width: implicitWidth; text: qsTr("待我审批（%1）").arg(page.countOf(r => r.actNow)) }
                TabButton { objectName: "tabFilings"; width: implicitWidth; text: qsTr("待我备案（%1）").arg(page.countOf(r => r.fileNow)) }
                TabButton { objectName: "tabAll"; width: implicitWidth; text: qsTr("全部（%1）").arg(board.requests.length) }
            }
            Label { text: qsTr("学员") }
            ChoiceBox {
                objectName: "traineeFilter"
                model: page.trainees
                textRole: "label"
                valueRole: "value"
                selected: page.traineeFilter // "" is the first row, 全部学员
                onActivated: index => page.traineeFilter = page.trainees[index].value
                Layout.preferredWidth: 180
            }
            Label {
                objectName: "traineeHistory"
                visible: page.traineeFilter.length > 0
                text: visible ? (page.controller.language, page.historyOf(page.traineeFilter)) : ""
                color: "#57606a"
                Layout.fillWidth: true
                elide: Text.ElideRight
            }
        }
        Label {
            objectName: "filterEmpty"
            visible: board.requests.length > 0 && page.shown.length === 0
            text: viewTabs.currentIndex === 0 ? qsTr("没有待您审批的请假申请。")
                : viewTabs.currentIndex === 1 ? qsTr("没有待您备案的请假申请。") : qsTr("该学员没有请假申请。")
            color: "#57606a"
        }
        Label {
            visible: board.requests.length === 0
            text: board.trainings.length > 0 ? qsTr("还没有请假申请。需要请假时，点击“新的请假申请”。")
                                             : qsTr("还没有请假申请。学员或培养单位提出申请并同步后，会显示在这里。")
            color: "#57606a"
        }
        ListView {
            id: list
            objectName: "leaveList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: page.shown
            spacing: 8
            delegate: Rectangle {
                required property var modelData
                width: ListView.view.width
                height: card.implicitHeight + 20
                radius: 4
                border.color: modelData.actNow || modelData.fileNow ? "#ef6c00" : "#d0d7de"
                ColumnLayout {
                    id: card
                    anchors.fill: parent
                    anchors.margins: 10
                    spacing: 4
                    RowLayout {
                        spacing: 16
                        Label { text: modelData.trainee; font.bold: true; Layout.preferredWidth: 120 }
                        Label { text: modelData.type; Layout.preferredWidth: 90 }
                        Label { text: qsTr("%1 至 %2，共 %3 天").arg(modelData.start).arg(modelData.end).arg(modelData.days); Layout.preferredWidth: 300 }
                        Label { text: modelData.statusLabel; color: "#1565c0"; Layout.preferredWidth: 90 }
                        Label { text: modelData.awaitingLabel; color: "#ef6c00"; Layout.fillWidth: true; elide: Text.ElideRight }
                        Label { text: modelData.pending ? qsTr("待上传") : ""; color: "#ef6c00" }
                    }
                    Repeater {
                        model: modelData.decisions
                        Label {
                            required property var modelData
                            text: modelData.party + page.controller.pick("：", ": ")
                                  + (modelData.approved ? qsTr("已同意") : qsTr("未同意"))
                                  + (modelData.comment ? page.controller.pick("（", " (") + modelData.comment
                                                         + page.controller.pick("）", ")") : "")
                                  + page.controller.pick(" — ", " — ") + modelData.by
                            color: modelData.approved ? "#2e7d32" : "#b3261e"
                        }
                    }
                    // The proof (a medical certificate): added while the request can be changed,
                    // downloaded by every party.
                    AttachmentsPanel {
                        objectName: "leaveProof"
                        controller: page.controller
                        recordId: modelData.id
                        recordKind: "leave"
                        title: qsTr("证明材料（如医院诊断证明）")
                        editable: modelData.canEdit
                        visible: editable || modelData.proofCount > 0
                        Layout.fillWidth: true
                    }
                    Label {
                        visible: modelData.returned.length > 0
                        text: qsTr("已于 %1 返回").arg(modelData.returned) + (modelData.late ? qsTr("，超过批准的结束日期") : "")
                        color: modelData.late ? "#b3261e" : "#57606a"
                    }
                    RowLayout {
                        spacing: 8
                        Button {
                            objectName: "decideButton"
                            visible: modelData.actNow
                            text: qsTr("审批")
                            highlighted: true
                            onClicked: { decideDialog.leaveId = modelData.id; decideDialog.open() }
                        }
                        Button {
                            objectName: "fileButton"
                            visible: modelData.fileNow
                            text: qsTr("备案")
                            onClicked: page.done(board.acknowledge(modelData.id), qsTr("已备案"))
                        }
                        Button {
                            objectName: "returnButton"
                            visible: modelData.canReturn
                            text: qsTr("确认销假")
                            onClicked: { returnDialog.leaveId = modelData.id; returnDialog.open() }
                        }
                        Button {
                            objectName: "editButton"
                            visible: modelData.canEdit
                            text: qsTr("修改")
                            onClicked: fileDialog.edit(modelData)
                        }
                        Button {
                            objectName: "withdrawButton"
                            visible: modelData.canWithdraw
                            text: qsTr("撤回申请")
                            onClicked: { withdrawDialog.leaveId = modelData.id; withdrawDialog.open() }
                        }
                        Button {
                            text: qsTr("打印请销假审批表")
                            onClicked: { printDialog.leaveId = modelData.id; printDialog.open() }
                        }
                    }
                }
            }
        }
    }

    FileDialog {
        id: printDialog
        objectName: "leavePrintFileDialog"
        property string leaveId: ""
        fileMode: FileDialog.SaveFile
        acceptLabel: qsTr("保存")
        rejectLabel: qsTr("取消")
        title: qsTr("保存请销假审批表 PDF")
        nameFilters: [ qsTr("PDF 文件 (*.pdf)") ]
        onAccepted: page.done(board.print(leaveId, selectedFile), qsTr("请销假审批表已保存，请打印后由各单位签署意见并盖章"), false)
    }

    Dialog {
        id: fileDialog
        objectName: "fileDialog"
        property string editingId: ""
        title: editingId.length > 0 ? qsTr("修改请假申请（审批前可以修改）") : qsTr("新的请假申请")
        modal: true
        anchors.centerIn: parent
        standardButtons: Dialog.Ok | Dialog.Cancel
        function edit(row) {
            editingId = row.id
            typeBox.currentIndex = row.typeCode === "personal" ? 1 : 0
            startField.text = row.start
            endField.text = row.end
            reasonField.text = row.reason
            open()
        }
        onClosed: editingId = ""
        ColumnLayout {
            spacing: 6
            Label { text: qsTr("学员"); visible: fileDialog.editingId.length === 0 }
            ComboBox {
                visible: fileDialog.editingId.length === 0
                id: trainingBox
                objectName: "trainingBox"
                Layout.preferredWidth: 320
                model: board.trainings
                textRole: "name"
                valueRole: "id"
            }
            Label { text: qsTr("请假类别（学习期间不得休假）") }
            ComboBox {
                id: typeBox
                objectName: "typeBox"
                Layout.preferredWidth: 320
                model: [ { code: "sick", label: qsTr("病假") }, { code: "personal", label: qsTr("事假") } ]
                textRole: "label"
                valueRole: "code"
            }
            Label { text: qsTr("开始日期和结束日期（YYYY-MM-DD，含首尾两天）") }
            RowLayout {
                TextField { id: startField; objectName: "startField"; placeholderText: "2024-10-08"; Layout.preferredWidth: 150 }
                Label { text: qsTr("至") }
                TextField { id: endField; objectName: "endField"; placeholderText: "2024-10-10"; Layout.preferredWidth: 150 }
            }
            Label { text: qsTr("事由") }
            TextArea { id: reasonField; objectName: "reasonField"; Layout.preferredWidth: 320; Layout.preferredHeight: 80; wrapMode: TextEdit.Wrap }
        }
        onAccepted: {
            const error = editingId.length > 0
                    ? board.edit(editingId, typeBox.currentValue, startField.text, endField.text, reasonField.text)
                    : board.file(trainingBox.currentValue, typeBox.currentValue, startField.text, endField.text, reasonField.text)
            page.done(error, qsTr("请假申请已保存在本机"))
        }
    }

    Dialog {
        id: decideDialog
        objectName: "decideDialog"
        property string leaveId: ""
        title: qsTr("审批请假申请")
        modal: true
        anchors.centerIn: parent
        ColumnLayout {
            spacing: 6
            Label { text: qsTr("审批意见（不同意或需书面审批时必填）") }
            TextArea { id: opinionField; objectName: "opinionField"; Layout.preferredWidth: 360; Layout.preferredHeight: 90; wrapMode: TextEdit.Wrap }
            RowLayout {
                Button {
                    objectName: "approveButton"
                    text: qsTr("同意")
                    highlighted: true
                    onClicked: { page.done(board.decide(decideDialog.leaveId, true, opinionField.text), qsTr("已同意")); decideDialog.close() }
                }
                Button {
                    objectName: "refuseButton"
                    text: qsTr("不同意")
                    onClicked: { page.done(board.decide(decideDialog.leaveId, false, opinionField.text), qsTr("已不同意")); decideDialog.close() }
                }
                Button { text: qsTr("取消"); onClicked: decideDialog.close() }
            }
        }
    }

    Dialog {
        id: returnDialog
        property string leaveId: ""
        title: qsTr("确认销假")
        modal: true
        anchors.centerIn: parent
        standardButtons: Dialog.Ok | Dialog.Cancel
        ColumnLayout {
            Label { text: qsTr("实际返校日期（YYYY-MM-DD）") }
            TextField { id: returnedField; objectName: "returnedField"; Layout.preferredWidth: 200 }
        }
        onAccepted: page.done(board.confirmReturn(leaveId, returnedField.text), qsTr("已确认销假"))
    }

    Dialog {
        id: withdrawDialog
        property string leaveId: ""
        title: qsTr("撤回请假申请？")
        modal: true
        anchors.centerIn: parent
        width: 440
        standardButtons: Dialog.Yes | Dialog.No
        Label { text: qsTr("撤回后该申请不再审批；如仍需请假，请重新提出申请。"); width: parent.width; wrapMode: Text.Wrap }
        onAccepted: page.done(board.withdraw(leaveId), qsTr("已撤回"))
    }
}
