// A table field of the form (工作经历, 获奖情况, 论文著作, 项目课题): rows of columns from the
// field list, add and remove rows. The whole list is set on the document on each commit.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Tepei.Client

ColumnLayout {
    id: rowsEditor
    required property ApplicationDocument doc
    required property string fieldId
    required property var columns
    required property var rows
    property bool readOnly: false
    spacing: 4

    function cellText(v) { return v === undefined || v === null ? "" : String(v) }

    function commit(rowIndex, columnId, text) {
        const copy = JSON.parse(JSON.stringify(rowsEditor.rows))
        copy[rowIndex][columnId] = text
        rowsEditor.doc.setValue(rowsEditor.fieldId, copy)
    }

    RowLayout {
        spacing: 4
        Repeater {
            model: rowsEditor.columns
            Label {
                required property var modelData
                text: modelData.label + (modelData.required ? " *" : "")
                Layout.preferredWidth: 150
                Layout.fillWidth: true
                color: "#57606a"
                font.pixelSize: 12
            }
        }
        Item { Layout.preferredWidth: 60 }
    }
    Repeater {
        model: rowsEditor.rows.length
        RowLayout {
            id: rowItem
            required property int index
            spacing: 4
            Repeater {
                model: rowsEditor.columns
                TextField {
                    required property var modelData
                    Layout.preferredWidth: 150
                    Layout.fillWidth: true
                    readOnly: rowsEditor.readOnly
                    text: rowsEditor.cellText(rowsEditor.rows[rowItem.index][modelData.id])
                    placeholderText: modelData.type === "date" ? "YYYY-MM-DD" : modelData.label
                    onEditingFinished: if (!readOnly && text !== rowsEditor.cellText(rowsEditor.rows[rowItem.index][modelData.id]))
                                           rowsEditor.commit(rowItem.index, modelData.id, text)
                }
            }
            Button {
                text: qsTr("删除")
                visible: !rowsEditor.readOnly
                Layout.preferredWidth: 60
                onClicked: {
                    const copy = JSON.parse(JSON.stringify(rowsEditor.rows))
                    copy.splice(rowItem.index, 1)
                    rowsEditor.doc.setValue(rowsEditor.fieldId, copy)
                }
            }
        }
    }
    Button {
        text: qsTr("添加一行")
        visible: !rowsEditor.readOnly
        onClicked: {
            const copy = JSON.parse(JSON.stringify(rowsEditor.rows))
            copy.push({})
            rowsEditor.doc.setValue(rowsEditor.fieldId, copy)
        }
    }
}
