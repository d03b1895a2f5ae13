// R-APP-1: the applicant's applications, and 新增申报表 (单位所在地 and 培养方式 from the campaign).
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Tepei.Client

Page {
    id: page
    required property AppController controller
    signal open(string id)
    property string message: ""

    ApplicationListModel {
        id: mine
        controller: page.controller
        scope: "mine"
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 16
        spacing: 10
        RowLayout {
            Layout.fillWidth: true
            Label { text: qsTr("我的申报"); font.pixelSize: 20; font.bold: true }
            Label { text: page.controller.campaignTitle; color: "#57606a"; Layout.fillWidth: true; elide: Text.ElideRight }
            Button {
                objectName: "newButton"
                text: qsTr("新增申报表")
                highlighted: true
                enabled: page.controller.campaignId.length > 0
                onClicked: newDialog.open()
            }
        }
        Label {
            text: page.message
            visible: text.length > 0
            color: "#b3261e"
        }
        Label {
            visible: mine.count === 0
            text: qsTr("还没有申报表。点击“新增申报表”，选择单位所在地和培养方式后开始填写。")
            color: "#57606a"
        }
        ListView {
            id: list
            objectName: "myList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: mine
            spacing: 6
            delegate: ItemDelegate {
                required property string recordId
                required property string name
                required property string stateLabel
                required property string authority
                required property string trainingMode
                required property bool pending
                required property bool eligible
                width: ListView.view.width
                onClicked: page.open(recordId)
                contentItem: RowLayout {
                    spacing: 16
                    Label { text: name || qsTr("（未填姓名）"); font.bold: true; Layout.preferredWidth: 160 }
                    Label { text: authority; Layout.preferredWidth: 180 }
                    Label { text: trainingMode; Layout.preferredWidth: 180 }
                    Label { text: stateLabel; Layout.preferredWidth: 180; color: "#1565c0" }
                    Label { text: pending ? qsTr("待上传") : ""; color: "#ef6c00" }
                    Item { Layout.fillWidth: true }
                    Label { text: eligible ? qsTr("符合选拔条件") : qsTr("尚不符合条件，打开查看原因"); color: eligible ? "#2e7d32" : "#b3261e" }
                }
                background: Rectangle { color: parent.hovered ? "#f6f8fa" : "#ffffff"; border.color: "#d0d7de"; radius: 4 }
            }
        }
    }

    Dialog {
        id: newDialog
        objectName: "newDialog"
        title: qsTr("新增申报表")
        modal: true
        anchors.centerIn: parent
        standardButtons: Dialog.Ok | Dialog.Cancel
        ColumnLayout {
            spacing: 8
            Label { text: qsTr("单位所在地（推荐单位）") }
            ComboBox {
                id: authorityBox
                objectName: "authorityBox"
                Layout.preferredWidth: 320
                model: page.controller.authorities
                textRole: "label"
                valueRole: "code"
            }
            Label { text: qsTr("培养方式") }
            ComboBox {
                id: modeBox
                objectName: "modeBox"
                Layout.preferredWidth: 320
                model: page.controller.trainingModes
                textRole: "label"
                valueRole: "code"
            }
        }
        onAccepted: {
            const id = page.controller.createApplication(authorityBox.currentValue, modeBox.currentValue)
            if (id.length > 0)
                page.open(id)
            else
                page.message = qsTr("未能新增申报表：请确认已登录并已同步年度计划")
        }
    }
}
