// One field of the form: its label (red * when required), an editor chosen by the field's type,
// and the live validation message. Values go to the document on commit (editing finished).
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Tepei.Client

ColumnLayout {
    id: field
    required property ApplicationDocument doc
    required property string fieldId
    required property string label
    required property string type
    required property bool required
    required property var options
    required property var value
    required property string error
    required property int maxChars
    required property var columns
    required property bool firstInSection
    required property string sectionTitle
    property bool readOnly: false
    objectName: "field_" + fieldId
    spacing: 2

    // Enters text as a person would and commits it (tests use this too).
    function enter(text) {
        if (editor.item && editor.item.hasOwnProperty("text")) {
            editor.item.text = text
            field.doc.setValue(field.fieldId, text)
        }
    }

    Label {
        visible: field.firstInSection
        text: field.sectionTitle
        font.pixelSize: 16
        font.bold: true
        topPadding: 14
        Layout.fillWidth: true
        background: Rectangle { color: "#eef2f7"; anchors.fill: parent }
        leftPadding: 6
    }
    RowLayout {
        Layout.fillWidth: true
        spacing: 8
        Label {
            text: field.label + (field.required ? " *" : "")
            Layout.preferredWidth: 220
            Layout.alignment: Qt.AlignTop
            topPadding: 8
            wrapMode: Text.Wrap
        }
        Loader {
            id: editor
            Layout.fillWidth: true
            sourceComponent: field.type === "bool" ? boolEditor
                           : field.type === "enum" ? enumEditor
                           : field.type === "long_text" ? longEditor
                           : field.type === "rows" ? rowsEditor : textEditor
        }
    }
    Label {
        objectName: "error_" + field.fieldId
        visible: field.error.length > 0
        text: field.error
        color: "#b3261e"
        wrapMode: Text.Wrap
        Layout.fillWidth: true
        leftPadding: 228
    }

    Component {
        id: textEditor
        TextField {
            text: field.value === undefined || field.value === null ? "" : String(field.value)
            readOnly: field.readOnly
            placeholderText: field.type === "date" ? qsTr("年-月-日，如 1985-06-01")
                           : field.type === "int" ? qsTr("整数") : ""
            maximumLength: field.maxChars > 0 ? field.maxChars : 32767
            onEditingFinished: if (!readOnly) field.doc.setValue(field.fieldId, text)
        }
    }
    Component {
        id: longEditor
        ColumnLayout {
            property alias text: area.text
            TextArea {
                id: area
                objectName: "area_" + field.fieldId
                Layout.fillWidth: true
                Layout.preferredHeight: 110
                wrapMode: TextEdit.Wrap
                readOnly: field.readOnly
                text: field.value === undefined || field.value === null ? "" : String(field.value)
                onEditingFinished: if (!readOnly) field.doc.setValue(field.fieldId, text)
                background: Rectangle { border.color: "#bdbdbd"; radius: 2 }
                // Tab moves on, as in every other field (a tab character is no use in a form).
                Keys.onTabPressed: event => { area.nextItemInFocusChain(true).forceActiveFocus(Qt.TabFocusReason); event.accepted = true }
                Keys.onBacktabPressed: event => { area.nextItemInFocusChain(false).forceActiveFocus(Qt.BacktabFocusReason); event.accepted = true }
            }
            Label {
                text: qsTr("%1 / %2 字").arg(area.length).arg(field.maxChars)
                visible: field.maxChars > 0
                color: area.length > field.maxChars ? "#b3261e" : "#57606a"
                font.pixelSize: 12
            }
        }
    }
    Component {
        id: boolEditor
        // 是 / 否 as two choices (issue #17): an unanswered question shows neither, and a "否" is a
        // choice made, not a box left empty. The buttons follow the value; a click sets it.
        RowLayout {
            objectName: "bool_" + field.fieldId
            RadioButton {
                objectName: "yes_" + field.fieldId
                text: qsTr("是")
                checkable: false
                checked: field.value === true
                enabled: !field.readOnly
                onClicked: field.doc.setValue(field.fieldId, true)
            }
            RadioButton {
                objectName: "no_" + field.fieldId
                text: qsTr("否")
                checkable: false
                checked: field.value === false
                enabled: !field.readOnly
                onClicked: field.doc.setValue(field.fieldId, false)
            }
        }
    }
    Component {
        id: enumEditor
        ChoiceBox {
            // The choice follows the value (also when it changes from elsewhere).
            objectName: "choice_" + field.fieldId
            model: field.options
            textRole: "label"
            valueRole: "code"
            selected: field.value === undefined || field.value === null ? "" : String(field.value)
            placeholder: qsTr("请选择")
            enabled: !field.readOnly
            onActivated: index => field.doc.setValue(field.fieldId, field.options[index].code)
        }
    }
    Component {
        id: rowsEditor
        RowsEditor {
            doc: field.doc
            fieldId: field.fieldId
            columns: field.columns
            rows: field.value === undefined || field.value === null ? [] : field.value
            readOnly: field.readOnly
        }
    }
}
