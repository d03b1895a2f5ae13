// 审核材料 (R-APP-3, R-APP-5): the application read-only, eligibility re-checked (R-ELG-6),
// attachments, the decision with a written opinion (returns need one) carrying the content
// digest the reviewer saw, paper receipt (R-APP-6) and the history (R-APP-8).
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Tepei.Client

Page {
    id: page
    required property AppController controller
    property alias recordId: document.recordId
    readonly property alias doc: document
    property string message: ""
    property bool messageIsError: false
    signal back()

    function decide(action, needsComment) {
        if (action === "admit") { // needs a training unit, a major and a period: asked in a dialog
            admissionDialog.openFor([document.recordId], [document.name])
            return
        }
        const why = document.act(action, comment.text)
        page.messageIsError = why.length > 0
        page.message = why.length > 0 ? why : qsTr("已记录您的决定")
        if (why.length === 0)
            comment.text = ""
    }

    ApplicationDocument {
        id: document
        controller: page.controller
    }
    CentreAdmission {
        id: centreAdmission
        controller: page.controller.role === "centre_officer" ? page.controller : null
    }
    AdmissionDialog {
        id: admissionDialog
        controller: page.controller
        admission: centreAdmission
        onAdmitted: { page.messageIsError = false; page.message = qsTr("已录取") }
    }

    header: ToolBar {
        RowLayout {
            anchors.fill: parent
            ToolButton { text: qsTr("‹ 返回"); onClicked: page.back() }
            Label {
                text: qsTr("审核材料") + " · " + document.name + " · " + document.stateLabel
                      + (document.grassroots ? qsTr(" · 基层") : "") + (document.nonPublic ? qsTr(" · 非公领域") : "")
                font.bold: true
                Layout.fillWidth: true
                elide: Text.ElideRight
            }
        }
    }

    RowLayout {
        anchors.fill: parent
        anchors.margins: 10
        spacing: 12
        FormSections {
            doc: document
            readOnly: true
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
                EligibilityPanel { doc: document; Layout.fillWidth: true }
                AttachmentsPanel {
                    controller: page.controller
                    recordId: document.recordId
                    editable: false
                    Layout.fillWidth: true
                }
                ColumnLayout {
                    visible: document.actions.length > 0
                    Layout.fillWidth: true
                    Label { text: qsTr("审核意见"); font.bold: true }
                    TextArea {
                        id: comment
                        objectName: "commentArea"
                        Layout.fillWidth: true
                        Layout.preferredHeight: 100
                        wrapMode: TextEdit.Wrap
                        placeholderText: qsTr("填写审核意见；退回时必须写明需要修改的内容")
                        background: Rectangle { border.color: "#bdbdbd"; radius: 2 }
                    }
                    Label {
                        text: qsTr("您审核的内容摘要：%1…；若申报人此后修改了内容，本次决定将不被接受，需重新审核").arg(document.digest.substring(0, 12))
                        font.pixelSize: 11
                        color: "#57606a"
                        wrapMode: Text.Wrap
                        Layout.fillWidth: true
                    }
                    Flow {
                        Layout.fillWidth: true
                        spacing: 6
                        Repeater {
                            model: document.actions
                            Button {
                                required property var modelData
                                objectName: "action_" + modelData.action
                                text: modelData.label + (modelData.action === "admit" ? "…" : "")
                                highlighted: modelData.action.indexOf("approve") >= 0
                                enabled: modelData.enabled
                                ToolTip.visible: !enabled && hovered
                                ToolTip.text: modelData.why
                                onClicked: page.decide(modelData.action, modelData.needsComment)
                            }
                        }
                    }
                }
                Label {
                    objectName: "actionsBlocked"
                    text: document.actions.filter(a => !a.enabled).map(a => a.why).join("\n")
                    visible: text.length > 0
                    color: "#b3261e"
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                }
                Label {
                    objectName: "paperReceipt"
                    text: document.paperReceipt
                    visible: text.length > 0
                    color: "#2e7d32"
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                }
                Label {
                    objectName: "pageMessage"
                    text: page.message + (page.messageIsError || page.message.length === 0 ? "" : page.controller.uploadState)
                    visible: text.length > 0
                    color: page.messageIsError ? "#b3261e" : "#2e7d32"
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                }
                HistoryList { doc: document; Layout.fillWidth: true }
            }
        }
    }
}
