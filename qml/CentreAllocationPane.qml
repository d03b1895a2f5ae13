// 名额分配 (附件1, R-QUO-1, issue #12 item 3): the centre moves places between the recommending
// authorities. The total must stay equal to the campaign's places, and no authority may get fewer
// places than it has already approved; the page shows both as the officer types and refuses to
// save otherwise. Saving changes the campaign record, which syncs to every authority.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Tepei.Client

ColumnLayout {
    id: pane
    required property AppController controller
    required property CentreDashboard dashboard
    property var edits: ({}) // authority code -> places typed, not yet saved
    property string message: ""
    property bool messageIsError: false
    spacing: 8

    function placesOf(row) {
        return edits[row.authority] !== undefined ? edits[row.authority] : row.allocation
    }
    readonly property int sum: {
        let total = 0
        for (const row of dashboard.rows)
            total += placesOf(row)
        return total
    }
    readonly property int places: dashboard.total.allocation || 0
    readonly property bool changed: {
        for (const row of dashboard.rows) {
            if (placesOf(row) !== row.allocation)
                return true
        }
        return false
    }
    readonly property var below: dashboard.rows.filter(row => placesOf(row) < row.approved)

    Label {
        text: qsTr("调整各推荐单位的名额；合计须等于本年度总名额，且不少于已审核通过的人数。保存后各推荐单位同步即可看到新的名额。")
        wrapMode: Text.Wrap
        Layout.fillWidth: true
        color: "#57606a"
    }
    RowLayout {
        spacing: 0
        Layout.leftMargin: 4
        Repeater {
            model: [ [qsTr("推荐单位"), 300], [qsTr("已审核通过"), 120], [qsTr("现分配名额"), 120], [qsTr("调整为"), 160] ]
            Label { required property var modelData; text: modelData[0]; font.bold: true; Layout.preferredWidth: modelData[1] }
        }
    }
    ListView {
        objectName: "allocationList"
        Layout.fillWidth: true
        Layout.fillHeight: true
        clip: true
        model: pane.dashboard.rows
        ScrollBar.vertical: ScrollBar {}
        delegate: RowLayout {
            id: line
            required property var modelData
            required property int index
            spacing: 0
            Label { text: line.modelData.name; Layout.preferredWidth: 300; elide: Text.ElideRight; leftPadding: 4 }
            Label { text: line.modelData.approved; Layout.preferredWidth: 120 }
            Label { text: line.modelData.allocation; Layout.preferredWidth: 120 }
            SpinBox {
                objectName: "places_" + line.modelData.authority
                from: 0
                to: 9999
                editable: true
                value: pane.placesOf(line.modelData)
                Layout.preferredWidth: 140
                onValueModified: {
                    const next = Object.assign({}, pane.edits)
                    next[line.modelData.authority] = value
                    pane.edits = next
                    pane.message = ""
                }
            }
            Label {
                visible: pane.placesOf(line.modelData) < line.modelData.approved
                text: qsTr("少于已通过的 %1 人").arg(line.modelData.approved)
                color: "#b3261e"
            }
        }
    }
    Rectangle {
        Layout.fillWidth: true
        implicitHeight: totals.implicitHeight + 16
        radius: 4
        color: pane.sum === pane.places && pane.below.length === 0 ? "#e8f5e9" : "#fdecea"
        RowLayout {
            id: totals
            anchors.fill: parent
            anchors.margins: 8
            Label {
                objectName: "allocationTotal"
                text: pane.sum === pane.places
                      ? qsTr("合计 %1 个名额，等于本年度总名额 %2").arg(pane.sum).arg(pane.places)
                      : qsTr("合计 %1 个名额，本年度总名额为 %2：还需%3 %4 个").arg(pane.sum).arg(pane.places)
                            .arg(pane.sum < pane.places ? qsTr("分配") : qsTr("减少")).arg(Math.abs(pane.sum - pane.places))
                font.bold: true
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
            Button {
                objectName: "allocationReset"
                text: qsTr("放弃修改")
                enabled: pane.changed
                onClicked: { pane.edits = ({}); pane.message = "" }
            }
            Button {
                objectName: "allocationSave"
                text: qsTr("保存名额分配…")
                highlighted: true
                enabled: pane.changed && pane.sum === pane.places && pane.below.length === 0
                onClicked: confirm.open()
            }
        }
    }
    Label {
        objectName: "allocationMessage"
        text: pane.message
        visible: text.length > 0
        color: pane.messageIsError ? "#b3261e" : "#2e7d32"
        wrapMode: Text.Wrap
        Layout.fillWidth: true
    }
    Dialog {
        id: confirm
        objectName: "allocationConfirm"
        title: qsTr("保存名额分配")
        width: 480
        modal: true
        anchors.centerIn: Overlay.overlay
        standardButtons: Dialog.Ok | Dialog.Cancel
        Label {
            width: confirm.availableWidth
            wrapMode: Text.Wrap
            text: qsTr("将调整 %1 个推荐单位的名额。各推荐单位同步后按新名额审核；已审核通过的申报不受影响。")
                  .arg(pane.dashboard.rows.filter(row => pane.placesOf(row) !== row.allocation).length)
        }
        onAccepted: pane.save()
    }
    function save() {
        const list = []
        for (const code in edits)
            list.push({ authority: code, places: edits[code] })
        const why = dashboard.saveAllocation(list)
        messageIsError = why.length > 0
        message = why.length > 0 ? why : qsTr("名额分配已保存。") + controller.uploadState
        if (why.length === 0)
            edits = ({})
    }
}
