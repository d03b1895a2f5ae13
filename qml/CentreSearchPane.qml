// 查找申报 (issue #12 item 7): every application this device holds, found by part of the name, the
// ID number or the work unit, narrowed to one recommending authority and one column of the
// consolidation table (the lists behind its numbers). A row opens the application, read-only,
// with its whole history (R-APP-8).
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Tepei.Client

ColumnLayout {
    id: pane
    required property AppController controller
    property alias authority: listModel.authority
    property alias column: listModel.column
    readonly property alias list: listModel
    signal open(string id)
    spacing: 8
    property real available: width
    readonly property real colScale: Math.min(1, (available - 24) / 1040)
    function col(w) { return Math.floor(w * colScale) }

    ApplicationListModel {
        id: listModel
        controller: pane.controller
        scope: "centre"
        sort: "name"
        search: searchField.text
    }
    property var authorities: [] // the home's consolidation rows: [{authority, name, …}]
    readonly property var columnChoices: [
        { key: "", label: qsTr("全部状态") },
        { key: "approved", label: qsTr("审核通过") },
        { key: "awaitingAuthority", label: qsTr("待推荐单位审核") },
        { key: "awaitingUnit", label: qsTr("待所在单位审核") },
        { key: "returned", label: qsTr("已退回") },
        { key: "paperReceived", label: qsTr("纸质材料已收") },
        { key: "admitted", label: qsTr("已录取") }
    ]
    readonly property var authorityChoices:
        [{ authority: "", name: qsTr("全部推荐单位") }].concat(pane.authorities)

    RowLayout {
        Layout.fillWidth: true
        spacing: 8
        TextField {
            id: searchField
            objectName: "centreSearch"
            placeholderText: qsTr("按姓名、身份证号或工作单位查找")
            Layout.fillWidth: true
            selectByMouse: true
        }
        ChoiceBox {
            objectName: "centreAuthority"
            model: pane.authorityChoices
            textRole: "name"
            valueRole: "authority"
            selected: listModel.authority
            implicitWidth: 220
            onActivated: index => listModel.authority = pane.authorityChoices[index].authority
        }
        ChoiceBox {
            objectName: "centreColumn"
            model: pane.columnChoices
            textRole: "label"
            valueRole: "key"
            selected: listModel.column
            implicitWidth: 180
            onActivated: index => listModel.column = pane.columnChoices[index].key
        }
    }
    Label {
        objectName: "searchCount"
        text: qsTr("共 %1 份申报").arg(listModel.count) + (listModel.count > 0 ? qsTr("；点击一行查看申报表和审核记录") : "")
        color: "#57606a"
    }
    RowLayout {
        spacing: 0
        Layout.fillWidth: true
        Layout.leftMargin: 8
        Repeater {
            model: [ [qsTr("姓名"), 110], [qsTr("身份证号"), 180], [qsTr("工作单位"), 210], [qsTr("推荐单位"), 170],
                     [qsTr("状态"), 290], [qsTr("纸质材料"), 80] ]
            Label { required property var modelData; text: modelData[0]; font.bold: true; elide: Text.ElideRight; Layout.preferredWidth: pane.col(modelData[1]) }
        }
        Item { Layout.fillWidth: true }
    }
    ListView {
        objectName: "centreList"
        Layout.fillWidth: true
        Layout.fillHeight: true
        clip: true
        model: listModel
        ScrollBar.vertical: ScrollBar {}
        delegate: ItemDelegate {
            id: row
            required property int index
            required property string recordId
            required property string name
            required property string idNumber
            required property string employer
            required property string authority
            required property string stateLabel
            required property bool paperReceived
            width: ListView.view.width
            onClicked: pane.open(recordId)
            background: Rectangle { color: row.hovered || row.activeFocus ? "#e8f0fe" : (row.index % 2 ? "#f6f8fa" : "transparent") }
            contentItem: RowLayout {
                spacing: 0
                Label { text: row.name; Layout.preferredWidth: pane.col(110); elide: Text.ElideRight }
                Label { text: row.idNumber; Layout.preferredWidth: pane.col(180); elide: Text.ElideRight }
                Label { text: row.employer; Layout.preferredWidth: pane.col(210); elide: Text.ElideRight }
                Label { text: row.authority; Layout.preferredWidth: pane.col(170); elide: Text.ElideRight }
                Label { text: row.stateLabel; Layout.preferredWidth: pane.col(290); elide: Text.ElideRight }
                Label { text: row.paperReceived ? qsTr("已收") : "—"; Layout.preferredWidth: pane.col(80) }
                Item { Layout.fillWidth: true }
            }
        }
        Label {
            anchors.centerIn: parent
            visible: listModel.count === 0
            text: qsTr("没有符合条件的申报。")
            color: "#57606a"
        }
    }
}
