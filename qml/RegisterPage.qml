// R-APP-1: an applicant registers an account online with the code of the work unit.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Tepei.Client

Page {
    id: page
    required property AppController controller
    signal back()
    property string message: ""
    property bool success: false

    Connections {
        target: page.controller
        function onRegisterFinished(ok, message) { page.success = ok; page.message = message }
    }

    Pane {
        anchors.centerIn: parent
        width: 520
        padding: 24
        background: Rectangle { color: "#ffffff"; border.color: "#d0d7de"; radius: 6 }
        ColumnLayout {
            anchors.fill: parent
            spacing: 10
            Label { text: qsTr("申报人注册"); font.pixelSize: 20; font.bold: true }
            GridLayout {
                columns: 2
                Layout.fillWidth: true
                Label { text: qsTr("登录名") }
                TextField { id: login; Layout.fillWidth: true }
                Label { text: qsTr("姓名") }
                TextField { id: displayName; Layout.fillWidth: true }
                Label { text: qsTr("手机号码") }
                TextField { id: mobile; Layout.fillWidth: true; inputMethodHints: Qt.ImhDigitsOnly }
                Label { text: qsTr("工作单位代码") }
                TextField { id: orgCode; Layout.fillWidth: true; placeholderText: qsTr("向所在单位索取") }
                Label { text: qsTr("密码") }
                TextField { id: password; Layout.fillWidth: true; echoMode: TextInput.Password }
                Label { text: qsTr("确认密码") }
                TextField { id: password2; Layout.fillWidth: true; echoMode: TextInput.Password }
            }
            Label {
                visible: password2.text.length > 0 && password.text !== password2.text
                text: qsTr("两次输入的密码不一致，请重新输入")
                color: "#b3261e"
            }
            RowLayout {
                Button { text: qsTr("返回登录"); onClicked: page.back() }
                Item { Layout.fillWidth: true }
                Button {
                    text: qsTr("注册")
                    highlighted: true
                    enabled: !page.controller.busy && login.text && password.text && password.text === password2.text
                    onClicked: page.controller.registerApplicant(login.text, password.text, displayName.text,
                                                                 mobile.text, orgCode.text)
                }
            }
            Label {
                text: page.message
                visible: text.length > 0
                color: page.success ? "#2e7d32" : "#b3261e"
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
        }
    }
}
