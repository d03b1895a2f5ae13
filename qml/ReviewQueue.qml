// 申报材料审核: the work unit's queue (R-APP-3) or the recommending authority's (R-APP-5) with
// its quota (R-QUO-1/2), grassroots and non-public flags (R-ELG-5), sort and filter, and the
// export of the summary table (R-APP-6).
import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import Tepei.Client

Page {
    id: page
    required property AppController controller
    property string scope: "unit"
    property string message: ""
    signal open(string id)
    signal unitRegistrations() // the authority's 单位注册审核
    readonly property bool isAuthority: scope === "authority"
    readonly property var quota: { controller.revision; return controller.quota(controller.orgCode) }
    readonly property alias list: listModel
    // The columns' widths at 1280 pixels, narrower in a narrower window (1024×700 keeps every
    // column and button in view).
    readonly property real colScale: Math.min(1, (width - 48) / (isAuthority ? 1130 : 1040))
    function col(w) { return Math.floor(w * colScale) }

    ApplicationListModel {
        id: listModel
        controller: page.controller
        scope: page.scope
        awaitingOnly: awaiting.checked
        grassrootsOnly: grassroots.checked
        nonPublicOnly: nonPublic.checked
        sort: sortBox.currentValue || "recent"
        search: searchField.text
    }

    Connections {
        target: page.controller
        function onExportFinished(ok, message) { page.message = message }
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 16
        spacing: 8
        RowLayout {
            Layout.fillWidth: true
            Label {
                text: page.isAuthority ? qsTr("申报材料审核（推荐单位）") : qsTr("申报材料审核（所在单位）")
                font.pixelSize: 20
                font.bold: true
                elide: Text.ElideRight
                Layout.minimumWidth: 120
                Layout.fillWidth: true
                Layout.maximumWidth: implicitWidth
            }
            Label { text: page.controller.orgName; color: "#57606a"; elide: Text.ElideRight; Layout.fillWidth: true; Layout.minimumWidth: 40 }
            Button {
                objectName: "unitRegistrationsButton"
                visible: page.isAuthority
                text: qsTr("单位注册审核")
                onClicked: page.unitRegistrations()
            }
            Button {
                visible: page.isAuthority
                text: qsTr("导出学员汇总表")
                onClicked: exportDialog.open()
            }
        }
        Rectangle {
            visible: page.isAuthority
            objectName: "quotaBox"
            Layout.fillWidth: true
            implicitHeight: quotaRow.implicitHeight + 16
            color: page.quota.remaining > 0 ? "#e8f5e9" : "#fdecea"
            radius: 4
            RowLayout {
                id: quotaRow
                anchors.fill: parent
                anchors.margins: 8
                spacing: 24
                Label { objectName: "quotaText"; font.bold: true
                    text: qsTr("名额：分配 %1，已审核通过 %2，待审核 %3，剩余 %4")
                          .arg(page.quota.allocation).arg(page.quota.approved).arg(page.quota.pending).arg(page.quota.remaining) }
                Label {
                    visible: page.quota.remaining === 0
                    text: qsTr("名额已满：再审核通过将被拒绝，请与自治区人事人才公共服务中心联系")
                    color: "#b3261e"
                }
            }
        }
        RowLayout {
            Layout.fillWidth: true
            CheckBox { id: awaiting; text: qsTr("仅看待我审核"); checked: true }
            CheckBox { id: grassroots; text: qsTr("仅看基层") }
            CheckBox { id: nonPublic; text: qsTr("仅看非公领域") }
            Label { text: qsTr("排序") }
            ComboBox {
                id: sortBox
                textRole: "label"
                valueRole: "code"
                implicitWidth: 180
                model: [ { code: "recent", label: qsTr("最近更新") }, { code: "name", label: qsTr("姓名") },
                         { code: "preferred", label: qsTr("基层、非公优先") } ]
            }
            TextField { id: searchField; placeholderText: qsTr("按姓名查找"); Layout.fillWidth: true }
        }
        Label { text: page.message; visible: text.length > 0; wrapMode: Text.Wrap; Layout.fillWidth: true }
        RowLayout {
            spacing: 0
            Layout.fillWidth: true
            Layout.leftMargin: 8
            Repeater {
                model: [ [qsTr("姓名"), 120], [qsTr("工作单位"), 230], [qsTr("培养方式"), 150], [qsTr("状态"), 330],
                         [qsTr("基层"), 60], [qsTr("非公"), 60], [qsTr("选拔条件"), 90] ].concat(page.isAuthority ? [[qsTr("纸质材料"), 90]] : [])
                Label { required property var modelData; text: modelData[0]; font.bold: true; elide: Text.ElideRight; Layout.preferredWidth: page.col(modelData[1]) }
            }
            Item { Layout.fillWidth: true }
        }
        ListView {
            objectName: "queue"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: listModel
            spacing: 2
            delegate: ItemDelegate {
                required property string recordId
                required property string name
                required property string employer
                required property string trainingMode
                required property string stateLabel
                required property bool pending
                required property bool grassroots
                required property bool nonPublic
                required property bool eligible
                required property bool paperReceived
                width: ListView.view.width
                onClicked: page.open(recordId)
                background: Rectangle { color: parent.hovered ? "#f6f8fa" : "#ffffff"; border.color: "#e1e4e8" }
                leftPadding: 8
                rightPadding: 8
                contentItem: RowLayout {
                    spacing: 0
                    Label { text: name; font.bold: true; Layout.preferredWidth: page.col(120); elide: Text.ElideRight }
                    Label { text: employer; Layout.preferredWidth: page.col(230); elide: Text.ElideRight }
                    Label { text: trainingMode; Layout.preferredWidth: page.col(150); elide: Text.ElideRight }
                    Label { text: stateLabel + (pending ? qsTr("（待上传）") : ""); Layout.preferredWidth: page.col(330); color: "#1565c0"; elide: Text.ElideRight }
                    Label { text: grassroots ? qsTr("是") : "—"; Layout.preferredWidth: page.col(60) }
                    Label { text: nonPublic ? qsTr("是") : "—"; Layout.preferredWidth: page.col(60) }
                    Label { text: eligible ? qsTr("符合") : qsTr("不符合"); color: eligible ? "#2e7d32" : "#b3261e"; Layout.preferredWidth: page.col(90) }
                    Label { visible: page.isAuthority; text: paperReceived ? qsTr("已收到") : qsTr("未收到"); Layout.preferredWidth: page.col(90) }
                    Item { Layout.fillWidth: true }
                }
            }
        }
        Label {
            visible: listModel.count === 0
            text: awaiting.checked ? qsTr("没有待审核的申报表。取消“仅看待我审核”可查看全部。") : qsTr("没有申报表。")
            color: "#57606a"
        }
    }

    FileDialog {
        id: exportDialog
        objectName: "exportFileDialog"
        fileMode: FileDialog.SaveFile
        acceptLabel: qsTr("保存")
        rejectLabel: qsTr("取消")
        title: qsTr("保存学员汇总表")
        nameFilters: [ qsTr("Excel 文件 (*.xlsx)") ]
        onAccepted: page.controller.exportSummary(selectedFile)
    }
}
