// 单位注册审核 (R-ORG-3, issue #12 item 8): the work units registered under this recommending
// authority and waiting for its decision, with who registered them (the first reviewer account:
// login, name, mobile). The authority approves one, or refuses it with a reason (required), which
// the server's log keeps; a refused unit cannot sign in and is told so. Accounts live on the
// server, not in the change log: the page needs a connection and says so when there is none.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Tepei.Client

Page {
    id: page
    required property AppController controller
    property bool showBack: true
    property var units: []
    property bool loaded: false
    property string error: ""
    property string message: ""
    property bool messageIsError: false
    signal back()

    function reload() { controller.loadPendingUnits() }
    Component.onCompleted: reload()

    Connections {
        target: page.controller
        function onPendingUnitsLoaded(units, error) {
            page.units = units
            page.error = error
            page.loaded = true
        }
        function onUnitDecided(ok, message) {
            page.messageIsError = !ok
            page.message = message
            page.reload()
        }
    }

    header: ToolBar {
        RowLayout {
            anchors.fill: parent
            ToolButton { text: qsTr("‹ 返回"); visible: page.showBack; onClicked: page.back() }
            Label {
                text: qsTr("单位注册审核") + " · " + page.controller.orgName
                font.bold: true
                Layout.fillWidth: true
                elide: Text.ElideRight
            }
            ToolButton { objectName: "reloadUnits"; text: qsTr("刷新"); onClicked: page.reload() }
        }
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 16
        spacing: 8
        Label {
            text: qsTr("本推荐单位下新注册的工作单位。核实单位名称和联系人后通过；不予通过时须写明理由。单位账号数据保存在服务器上，此页需要联网。")
            wrapMode: Text.Wrap
            color: "#57606a"
            Layout.fillWidth: true
        }
        Label {
            objectName: "unitsError"
            visible: page.error.length > 0
            text: page.error
            color: "#b3261e"
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        Label {
            objectName: "unitsEmpty"
            visible: page.loaded && page.error.length === 0 && page.units.length === 0
            text: qsTr("没有待审核的单位注册。")
            color: "#57606a"
        }
        Label {
            objectName: "unitsMessage"
            text: page.message
            visible: text.length > 0
            color: page.messageIsError ? "#b3261e" : "#2e7d32"
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        RowLayout {
            visible: page.units.length > 0
            spacing: 0
            Repeater {
                model: [ [qsTr("单位全称"), 300], [qsTr("联系人"), 120], [qsTr("登录名"), 140], [qsTr("手机号码"), 140] ]
                Label { required property var modelData; text: modelData[0]; font.bold: true; Layout.preferredWidth: modelData[1] }
            }
        }
        ListView {
            objectName: "unitsList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: page.units
            delegate: RowLayout {
                id: line
                required property var modelData
                required property int index
                width: ListView.view.width
                spacing: 0
                Label { text: line.modelData.name; Layout.preferredWidth: 300; elide: Text.ElideRight }
                Label { text: line.modelData.displayName || ""; Layout.preferredWidth: 120; elide: Text.ElideRight }
                Label { text: line.modelData.login || ""; Layout.preferredWidth: 140; elide: Text.ElideRight }
                Label { text: line.modelData.mobile || ""; Layout.preferredWidth: 140 }
                Item { Layout.fillWidth: true }
                Button {
                    objectName: "approveUnit_" + line.index
                    text: qsTr("通过")
                    highlighted: true
                    enabled: !page.controller.busy
                    onClicked: page.controller.decideUnit(line.modelData.code, true, "")
                }
                Button {
                    objectName: "rejectUnit_" + line.index
                    text: qsTr("不予通过…")
                    enabled: !page.controller.busy
                    onClicked: { refuse.unit = line.modelData; refuse.open() }
                }
            }
        }
    }

    Dialog {
        id: refuse
        objectName: "rejectDialog"
        property var unit: ({})
        title: qsTr("不予通过：%1").arg(unit.name || "")
        modal: true
        anchors.centerIn: Overlay.overlay
        width: 480
        standardButtons: Dialog.NoButton
        onOpened: { reason.text = ""; reason.forceActiveFocus() }
        ColumnLayout {
            width: refuse.availableWidth
            Label { text: qsTr("理由（必填；服务器记录理由和审核人）") }
            TextArea {
                id: reason
                objectName: "rejectReason"
                Layout.fillWidth: true
                Layout.preferredHeight: 90
                wrapMode: TextEdit.Wrap
                background: Rectangle { border.color: "#bdbdbd"; radius: 2 }
            }
            RowLayout {
                Layout.alignment: Qt.AlignRight
                Button { text: qsTr("取消"); onClicked: refuse.close() }
                Button {
                    objectName: "rejectConfirm"
                    text: qsTr("不予通过")
                    enabled: reason.text.trim().length > 0
                    onClicked: { page.controller.decideUnit(refuse.unit.code, false, reason.text); refuse.close() }
                }
            }
        }
    }
}
