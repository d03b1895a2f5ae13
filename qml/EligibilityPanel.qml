// R-ELG-6: eligibility computed by the shared rules, live, with every failed rule's reason.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Tepei.Client

ColumnLayout {
    id: panel
    required property ApplicationDocument doc
    spacing: 4
    Label { text: qsTr("选拔条件"); font.bold: true }
    Label {
        objectName: "eligibleLabel"
        visible: panel.doc.eligibility.length === 0
        text: qsTr("✓ 符合选拔条件")
        color: "#2e7d32"
    }
    Repeater {
        objectName: "eligibilityReasons"
        model: panel.doc.eligibility
        Label {
            required property string modelData
            text: "• " + modelData
            color: "#b3261e"
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
    }
}
