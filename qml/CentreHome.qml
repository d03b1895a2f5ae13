// The centre's home (内蒙古自治区人事人才公共服务中心, issue #12): the consolidation of what the
// recommending authorities sent, per authority as in 附件1 — allocation, approved, waiting for the
// authority or the work unit, returned, paper copies received, admitted — with the total row equal
// to the campaign's places. From the replica: it works offline and is as of the last sync.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Tepei.Client

Page {
    id: page
    required property AppController controller

    CentreDashboard {
        id: dashboard
        controller: page.controller
    }

    readonly property var columns: [
        { key: "allocation", label: qsTr("分配名额") },
        { key: "approved", label: qsTr("审核通过") },
        { key: "awaitingAuthority", label: qsTr("待推荐单位审核") },
        { key: "awaitingUnit", label: qsTr("待所在单位审核") },
        { key: "returned", label: qsTr("已退回") },
        { key: "paperReceived", label: qsTr("纸质材料已收") },
        { key: "admitted", label: qsTr("已录取") }
    ]

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 16
        spacing: 8
        Label { text: qsTr("申报汇总（附件1）"); font.pixelSize: 20; font.bold: true }
        Label {
            objectName: "asOf"
            text: page.controller.campaignTitle + " · " + qsTr("数据截至：") + page.controller.syncText
            color: "#57606a"
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        Label {
            visible: dashboard.rows.length === 0
            text: qsTr("尚无年度计划的数据：请联网同步。")
            color: "#57606a"
        }
        ScrollView {
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            visible: dashboard.rows.length > 0
            GridLayout {
                id: grid
                objectName: "quotaGrid"
                columns: page.columns.length + 1
                rowSpacing: 2
                columnSpacing: 0
                Label { text: qsTr("推荐单位"); font.bold: true; Layout.preferredWidth: 300; padding: 4; Layout.alignment: Qt.AlignBottom }
                Repeater {
                    model: page.columns
                    Label {
                        required property var modelData
                        text: modelData.label
                        font.bold: true
                        wrapMode: Text.Wrap // long English headers take two lines, never overlap
                        Layout.preferredWidth: 120
                        Layout.maximumWidth: 120
                        Layout.alignment: Qt.AlignBottom
                        horizontalAlignment: Text.AlignRight
                        padding: 4
                    }
                }
                Repeater {
                    model: dashboard.rows.concat([dashboard.total])
                    delegate: Repeater {
                        id: cells
                        required property var modelData
                        required property int index
                        readonly property bool isTotal: index === dashboard.rows.length
                        model: [cells.modelData.name].concat(page.columns.map(c => cells.modelData[c.key]))
                        Label {
                            required property var modelData
                            required property int index
                            objectName: cells.isTotal ? "total_" + index : ""
                            text: String(modelData)
                            font.bold: cells.isTotal
                            Layout.preferredWidth: index === 0 ? 300 : 120
                            Layout.maximumWidth: index === 0 ? 300 : 120
                            elide: Text.ElideRight
                            horizontalAlignment: index === 0 ? Text.AlignLeft : Text.AlignRight
                            padding: 4
                            background: Rectangle { color: cells.isTotal ? "#eef2f7" : (cells.index % 2 ? "#f6f8fa" : "transparent") }
                        }
                    }
                }
            }
        }
    }
}
