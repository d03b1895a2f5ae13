// R-APP-2, R-SYNC-4: supporting documents with resumable upload progress.
import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import Tepei.Client

ColumnLayout {
    id: panel
    required property AppController controller
    required property string recordId
    property bool editable: true
    property string recordKind: "application" // or "leave": a request's proof
    property string title: qsTr("附件证明材料")
    property string message: ""
    spacing: 4

    AttachmentModel {
        id: attachments
        controller: panel.controller
        recordId: panel.recordId
        recordKind: panel.recordKind
        onOpened: url => {
            if (!Qt.openUrlExternally(url))
                panel.message = qsTr("本机没有能打开此文件的程序。文件在 %1，请用其他程序打开，或安装 PDF/图片查看程序").arg(decodeURIComponent(String(url).replace("file://", "")))
        }
        onOpenFailed: message => panel.message = message
    }

    Label { text: panel.title; font.bold: true }
    Label { text: attachments.limitText; color: "#57606a"; font.pixelSize: 12; wrapMode: Text.Wrap; Layout.fillWidth: true }
    Repeater {
        model: attachments
        ColumnLayout {
            required property int index
            required property string categoryLabel
            required property string name
            required property real progress
            required property string status
            Layout.fillWidth: true
            spacing: 1
            RowLayout {
                Label { text: categoryLabel + "：" + name; elide: Text.ElideMiddle; Layout.fillWidth: true }
                Button { text: qsTr("查看"); flat: true; onClicked: attachments.open(index) }
                Button { text: qsTr("移除"); flat: true; visible: panel.editable; onClicked: attachments.remove(index) }
            }
            ProgressBar { value: progress; Layout.fillWidth: true }
            Label { text: status; font.pixelSize: 12; color: "#57606a"; wrapMode: Text.Wrap; Layout.fillWidth: true }
        }
    }
    RowLayout {
        visible: panel.editable
        ComboBox {
            id: category
            model: attachments.categories
            textRole: "label"
            valueRole: "code"
            Layout.fillWidth: true
        }
        Button { text: qsTr("添加附件…"); onClicked: fileDialog.open() }
    }
    Label { text: panel.message; visible: text.length > 0; color: "#b3261e"; wrapMode: Text.Wrap; Layout.fillWidth: true }

    FileDialog {
        id: fileDialog
        objectName: "attachmentFileDialog"
        title: qsTr("选择附件（PDF、JPEG、PNG）")
        acceptLabel: qsTr("添加")
        rejectLabel: qsTr("取消")
        nameFilters: [ qsTr("证明材料 (*.pdf *.jpg *.jpeg *.png)") ]
        onAccepted: panel.message = attachments.add(category.currentValue, selectedFile)
    }
}
