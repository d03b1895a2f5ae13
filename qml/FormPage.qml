// 编辑申报表 (R-APP-2): the generated form, live validation and eligibility, attachments, save,
// submit (works offline: it syncs later), print (R-APP-4) and the history (R-APP-8).
import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import Tepei.Client

Page {
    id: page
    required property AppController controller
    property alias recordId: document.recordId
    readonly property alias doc: document
    readonly property alias form: sections
    property string message: ""
    property bool messageIsError: false
    signal back()

    function say(text, isError) { page.message = text; page.messageIsError = isError }
    function act(action) {
        const why = document.act(action, "")
        if (why.length > 0)
            say(why, true)
        else
            say(action === "submit" ? qsTr("已提交") : qsTr("已撤回"), false)
    }

    ApplicationDocument {
        id: document
        controller: page.controller
    }

    header: ToolBar {
        RowLayout {
            anchors.fill: parent
            ToolButton {
                text: qsTr("‹ 返回")
                onClicked: { if (document.dirty) document.save(); page.back() }
            }
            Label {
                objectName: "formTitle"
                text: (document.editable ? qsTr("编辑申报表") : qsTr("查看申报表")) + " · " + (document.name || qsTr("（未填姓名）")) + " · " + document.stateLabel
                font.bold: true
                elide: Text.ElideRight
                Layout.fillWidth: true
            }
            Button {
                objectName: "saveButton"
                text: qsTr("保存")
                enabled: document.dirty
                onClicked: {
                    const why = document.save()
                    page.say(why.length > 0 ? why : qsTr("已保存在本机"), why.length > 0)
                }
            }
            Repeater {
                model: document.actions.filter(a => a.action !== "withdraw")
                Button {
                    required property var modelData
                    objectName: "action_" + modelData.action
                    text: modelData.label
                    highlighted: modelData.action === "submit"
                    onClicked: modelData.action === "submit" ? confirmDialog.ask("submit") : page.act(modelData.action)
                }
            }
            Button {
                objectName: "printButton"
                text: qsTr("打印申报表")
                enabled: document.exists && !document.editable
                ToolTip.visible: hovered && !enabled
                ToolTip.text: qsTr("提交后才能打印：打印件须与提交的内容一致")
                hoverEnabled: true
                onClicked: printDialog.open()
            }
            ToolSeparator { visible: withdrawButton.visible }
            // Apart from 提交, and asked again: withdrawing cannot be undone.
            Button {
                id: withdrawButton
                objectName: "action_withdraw"
                visible: document.actions.some(a => a.action === "withdraw")
                text: qsTr("撤回申报…")
                palette.buttonText: "#b3261e"
                onClicked: confirmDialog.ask("withdraw")
            }
        }
    }

    RowLayout {
        anchors.fill: parent
        anchors.margins: 10
        spacing: 12
        FormSections {
            id: sections
            doc: document
            Layout.fillWidth: true
            Layout.fillHeight: true
        }
        ScrollView {
            Layout.preferredWidth: 380
            Layout.fillHeight: true
            clip: true
            contentWidth: availableWidth
            ColumnLayout {
                width: 360
                spacing: 12
                // A returned application: the opinion that returned it, first, where it is read.
                Rectangle {
                    objectName: "returnOpinion"
                    readonly property var last: {
                        const h = document.history
                        for (let i = h.length - 1; i >= 0; --i) {
                            if (h[i].accepted && (h[i].actionCode === "unit_return" || h[i].actionCode === "authority_return"))
                                return h[i]
                        }
                        return null
                    }
                    visible: last !== null && (document.state === "unit_returned" || document.state === "authority_returned")
                    Layout.fillWidth: true
                    implicitHeight: returnText.implicitHeight + 16
                    color: "#fff4e5"
                    border.color: "#ef6c00"
                    radius: 4
                    Label {
                        id: returnText
                        anchors.fill: parent
                        anchors.margins: 8
                        wrapMode: Text.Wrap
                        text: parent.last ? qsTr("退回意见：%1\n（%2，%3）请按意见修改后重新提交。").arg(parent.last.comment)
                                               .arg(parent.last.who).arg(parent.last.when) : ""
                    }
                }
                Label {
                    objectName: "pageMessage"
                    text: page.message + (page.messageIsError || page.message.length === 0 ? "" : page.controller.uploadState)
                    visible: text.length > 0
                    color: page.messageIsError ? "#b3261e" : "#2e7d32"
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                }
                EligibilityPanel { doc: document; Layout.fillWidth: true }
                ColumnLayout {
                    visible: document.editable
                    Layout.fillWidth: true
                    Label {
                        objectName: "readiness"
                        text: document.problems.length > 0 ? qsTr("提交前还需处理 %1 项：").arg(document.problems.length)
                            : document.eligibility.length > 0 ? qsTr("已填写完整，但尚不符合上述选拔条件，提交将不被接受")
                            : qsTr("✓ 已填写完整，可以提交")
                        font.bold: true
                        wrapMode: Text.Wrap
                        Layout.fillWidth: true
                        color: document.problems.length === 0 && document.eligibility.length === 0 ? "#2e7d32" : "#ef6c00"
                    }
                    Repeater {
                        model: document.problems.slice(0, 8)
                        Label { required property string modelData; text: "• " + modelData; wrapMode: Text.Wrap; Layout.fillWidth: true; font.pixelSize: 12 }
                    }
                    Label {
                        visible: document.problems.length > 8
                        text: qsTr("……另有 %1 项").arg(document.problems.length - 8)
                        font.pixelSize: 12
                    }
                }
                AttachmentsPanel {
                    controller: page.controller
                    recordId: document.recordId
                    editable: document.editable
                    Layout.fillWidth: true
                }
                HistoryList { doc: document; Layout.fillWidth: true }
            }
        }
    }

    // 提交 and 撤回申报 ask first, saying what follows.
    Dialog {
        id: confirmDialog
        objectName: "confirmDialog"
        property string action: ""
        function ask(what) { action = what; open() }
        anchors.centerIn: parent
        width: Math.min(page.width - 40, 520)
        modal: true
        title: action === "submit" ? qsTr("提交申报表") : qsTr("撤回申报")
        Label {
            objectName: "confirmText"
            width: parent.width
            wrapMode: Text.Wrap
            text: confirmDialog.action === "submit"
                ? qsTr("提交后由所在单位审核；审核期间不能修改，单位退回后可修改再提交。没有网络时，提交保存在本机，联网后自动上传。确定提交吗？")
                : document.state === "authority_approved"
                  ? qsTr("此申报表已通过推荐单位审核。撤回后不能恢复，名额退回推荐单位，如需再次申报只能新建申报表。确定撤回吗？")
                  : qsTr("撤回后本申报表作废，不能恢复；如需再次申报只能新建申报表。确定撤回吗？")
        }
        footer: DialogButtonBox {
            Button {
                objectName: "confirmButton"
                text: confirmDialog.action === "submit" ? qsTr("提交") : qsTr("撤回申报")
                DialogButtonBox.buttonRole: DialogButtonBox.AcceptRole
            }
            Button {
                objectName: "confirmCancel"
                text: qsTr("取消")
                DialogButtonBox.buttonRole: DialogButtonBox.RejectRole
            }
        }
        onAccepted: page.act(action)
    }

    FileDialog {
        id: printDialog
        objectName: "printFileDialog"
        fileMode: FileDialog.SaveFile
        acceptLabel: qsTr("保存")
        rejectLabel: qsTr("取消")
        title: qsTr("保存申报表 PDF")
        nameFilters: [ qsTr("PDF 文件 (*.pdf)") ]
        onAccepted: {
            const why = document.print(selectedFile)
            page.say(why.length > 0 ? why : qsTr("申报表已保存，请打印后由所在单位盖章，报送推荐单位"), why.length > 0)
        }
    }
}
