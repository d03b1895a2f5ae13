// The application form generated from the field list (model/form.h applicationFields, through
// ApplicationDocument.fields): one editor per field, grouped by section, with live validation.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Tepei.Client

ScrollView {
    id: view
    required property ApplicationDocument doc
    property bool readOnly: !doc.editable
    readonly property alias editors: repeater
    clip: true
    contentWidth: availableWidth

    ColumnLayout {
        width: view.availableWidth - 12
        spacing: 4
        Repeater {
            id: repeater
            model: view.doc.fields
            delegate: FieldEditor {
                // The attachments are edited in the AttachmentsPanel beside the form, not as a table.
                visible: fieldId !== "attachments"
                Layout.fillWidth: true
                doc: view.doc
                readOnly: view.readOnly
            }
        }
    }
}
