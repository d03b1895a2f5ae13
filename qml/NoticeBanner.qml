// R-SYNC-3: the person's own changes that the rules or the server refused, each with its reason.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Tepei.Client

Rectangle {
    id: banner
    required property AppController controller
    property bool expanded: false
    color: "#fff3e0"
    border.color: "#ffb74d"
    implicitHeight: column.implicitHeight + 12

    ColumnLayout {
        id: column
        anchors.fill: parent
        anchors.margins: 6
        RowLayout {
            Label {
                objectName: "noticeSummary"
                text: qsTr("%1 项您的操作未被接受，请查看原因并处理").arg(banner.controller.notices.length)
                color: "#e65100"
                font.bold: true
                Layout.fillWidth: true
            }
            Button {
                text: banner.expanded ? qsTr("收起") : qsTr("查看原因")
                flat: true
                onClicked: banner.expanded = !banner.expanded
            }
            Button {
                objectName: "dismissNotices"
                text: qsTr("知道了")
                flat: true
                ToolTip.visible: hovered
                ToolTip.text: qsTr("不再显示这些提示；以后再有操作未被接受时会重新提示")
                onClicked: { banner.expanded = false; banner.controller.dismissNotices() }
            }
        }
        Repeater {
            model: banner.expanded ? banner.controller.notices : []
            delegate: Label {
                required property var modelData
                Layout.fillWidth: true
                wrapMode: Text.Wrap
                text: modelData.when + "  " + (modelData.name || qsTr("申报表")) + " · " + modelData.action
                      + "：" + modelData.reason
            }
        }
    }
}
