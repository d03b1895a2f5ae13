// 申报汇总 (附件1, R-QUO-1, R-QUO-3, issue #12 item 2): per recommending authority its allocation,
// approved, waiting for the authority or the work unit, returned, paper copies received and
// admitted, with the total row equal to the campaign's places. Every number above 0 opens the
// list behind it (showList).
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Tepei.Client

ColumnLayout {
    id: pane
    required property CentreDashboard dashboard
    signal showList(string authority, string column)
    spacing: 8
    // The table's widths at 1280 pixels, narrower in a narrower window.
    property real available: width // the width the table may take (the page's, given by its home)
    readonly property real colScale: Math.min(1, Math.max(0.6, (available - 16) / 1140))
    function col(w) { return Math.floor(w * colScale) }

    readonly property var columns: [
        { key: "allocation", label: qsTr("分配名额") },
        { key: "approved", label: qsTr("审核通过") },
        { key: "awaitingAuthority", label: qsTr("待推荐单位审核") },
        { key: "awaitingUnit", label: qsTr("待所在单位审核") },
        { key: "returned", label: qsTr("已退回") },
        { key: "paperReceived", label: qsTr("纸质材料已收") },
        { key: "admitted", label: qsTr("已录取") }
    ]

    Label { text: qsTr("申报汇总（附件1）"); font.pixelSize: 20; font.bold: true }
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
            columns: pane.columns.length + 1
            rowSpacing: 2
            columnSpacing: 0
            Label { text: qsTr("推荐单位"); font.bold: true; Layout.preferredWidth: pane.col(300); padding: 4; Layout.alignment: Qt.AlignBottom }
            Repeater {
                model: pane.columns
                Label {
                    required property var modelData
                    text: modelData.label
                    font.bold: true
                    wrapMode: Text.Wrap // long English headers take two lines, never overlap
                    Layout.preferredWidth: pane.col(120)
                    Layout.maximumWidth: pane.col(120)
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
                    model: [cells.modelData.name].concat(pane.columns.map(c => cells.modelData[c.key]))
                    Label {
                        required property var modelData
                        required property int index
                        readonly property bool opens: index > 1 && Number(modelData) > 0
                        objectName: cells.isTotal ? "total_" + index : "cell_" + cells.index + "_" + index
                        text: String(modelData)
                        font.bold: cells.isTotal
                        font.underline: opens
                        color: opens ? "#0b57d0" : palette.text
                        ToolTip.visible: opens && hover.hovered
                        ToolTip.text: qsTr("查看这些申报")
                        HoverHandler { id: hover; cursorShape: parent.opens ? Qt.PointingHandCursor : Qt.ArrowCursor }
                        TapHandler {
                            enabled: parent.opens
                            onTapped: pane.showList(cells.isTotal ? "" : cells.modelData.authority,
                                                    pane.columns[index - 1].key)
                        }
                        Layout.preferredWidth: pane.col(index === 0 ? 300 : 120)
                        Layout.maximumWidth: pane.col(index === 0 ? 300 : 120)
                        elide: Text.ElideRight
                        horizontalAlignment: index === 0 ? Text.AlignLeft : Text.AlignRight
                        padding: 4
                        background: Rectangle { color: cells.isTotal ? "#eef2f7" : (cells.index % 2 ? "#f6f8fa" : "transparent") }
                    }
                }
            }
        }
    }
    Label {
        text: qsTr("点击数字查看其中的申报。")
        color: "#57606a"
        visible: dashboard.rows.length > 0
    }
}

