// R-APP-8: the application's audit trail — who, when, from which device, what was decided, the
// comment and the verdict (refused actions stay, with their reason).
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Tepei.Client

ColumnLayout {
    id: history
    required property ApplicationDocument doc
    spacing: 2
    Label { text: qsTr("审核意见与操作记录"); font.bold: true }
    Label {
        visible: history.doc.history.length === 0
        text: qsTr("暂无记录")
        color: "#57606a"
    }
    Repeater {
        objectName: "historyRows"
        model: history.doc.history
        Rectangle {
            required property var modelData
            Layout.fillWidth: true
            implicitHeight: entry.implicitHeight + 8
            color: modelData.accepted ? "#f6f8fa" : "#fdecea"
            radius: 3
            ColumnLayout {
                id: entry
                anchors.fill: parent
                anchors.margins: 4
                spacing: 1
                Label {
                    Layout.fillWidth: true
                    wrapMode: Text.Wrap
                    font.bold: true
                    text: modelData.when + "  " + modelData.action + " → " + modelData.decision
                }
                Label {
                    Layout.fillWidth: true
                    wrapMode: Text.Wrap
                    font.pixelSize: 12
                    color: "#57606a"
                    text: qsTr("操作人：%1 %2  设备：%3").arg(modelData.who).arg(modelData.role).arg(modelData.device)
                }
                Label {
                    visible: modelData.comment.length > 0
                    Layout.fillWidth: true
                    wrapMode: Text.Wrap
                    text: qsTr("意见：") + modelData.comment
                }
                Label {
                    visible: text.length > 0
                    Layout.fillWidth: true
                    wrapMode: Text.Wrap
                    font.pixelSize: 12
                    color: modelData.accepted ? "#ef6c00" : "#b3261e"
                    text: modelData.verdict
                }
            }
        }
    }
}
