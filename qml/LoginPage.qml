// Sign in online (checks the password with the server) or offline (with the verifier kept from
// an earlier online sign-in on this device); the server address and trusted CA file (R-SEC-1).
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Tepei.Client

Page {
    id: page
    required property AppController controller
    signal registerRequested()
    property string message: ""

    Connections {
        target: page.controller
        function onSignInFinished(ok, message) { page.message = ok ? "" : message }
    }

    Pane {
        anchors.centerIn: parent
        focus: true // and within it the user name
        width: 520
        padding: 24
        background: Rectangle { color: "#ffffff"; border.color: "#d0d7de"; radius: 6 }

        ColumnLayout {
            anchors.fill: parent
            spacing: 10
            Label {
                text: qsTr("少数民族专业技术人才特殊培养管理系统")
                font.pixelSize: 20
                font.bold: true
                Layout.alignment: Qt.AlignHCenter
            }
            Label {
                text: page.controller.campaignTitle
                color: "#57606a"
                wrapMode: Text.Wrap
                Layout.fillWidth: true
                horizontalAlignment: Text.AlignHCenter
            }
            GridLayout {
                columns: 2
                columnSpacing: 10
                Layout.fillWidth: true
                Label { text: qsTr("用户名") }
                TextField {
                    id: login
                    objectName: "loginField"
                    focus: true // the first thing typed is the user name
                    Layout.fillWidth: true
                    placeholderText: qsTr("登录名")
                }
                Label { text: qsTr("密码") }
                TextField {
                    id: password
                    objectName: "passwordField"
                    Layout.fillWidth: true
                    echoMode: TextInput.Password
                    onAccepted: page.controller.signIn(login.text, password.text, true)
                }
                Label { text: qsTr("服务器地址") }
                TextField {
                    objectName: "serverField"
                    Layout.fillWidth: true
                    text: page.controller.serverUrl
                    placeholderText: "https://tepei.example.gov.cn:8443"
                    onEditingFinished: page.controller.serverUrl = text
                }
                Label { text: qsTr("受信任的证书") }
                TextField {
                    Layout.fillWidth: true
                    text: page.controller.caFile
                    placeholderText: qsTr("CA 证书文件（PEM），留空则使用系统证书")
                    onEditingFinished: page.controller.caFile = text
                }
            }
            RowLayout {
                Layout.fillWidth: true
                Button {
                    objectName: "onlineButton"
                    text: qsTr("联网登录")
                    highlighted: true
                    enabled: !page.controller.busy && login.text.length > 0
                    Layout.fillWidth: true
                    onClicked: page.controller.signIn(login.text, password.text, true)
                }
                Button {
                    objectName: "offlineButton"
                    text: qsTr("离线登录")
                    enabled: !page.controller.busy && login.text.length > 0
                    Layout.fillWidth: true
                    onClicked: page.controller.signIn(login.text, password.text, false)
                }
            }
            BusyIndicator {
                running: page.controller.busy
                visible: running
                Layout.alignment: Qt.AlignHCenter
            }
            Label {
                objectName: "loginMessage"
                text: page.message
                color: "#b3261e"
                wrapMode: Text.Wrap
                visible: text.length > 0
                Layout.fillWidth: true
            }
            Label {
                text: qsTr("离线登录只适用于在本机联网登录过的账号；离线时的更改保存在本机，联网后自动上传。")
                color: "#57606a"
                wrapMode: Text.Wrap
                font.pixelSize: 12
                Layout.fillWidth: true
            }
            Button {
                text: qsTr("申报人注册")
                flat: true
                Layout.alignment: Qt.AlignHCenter
                onClicked: page.registerRequested()
            }
            Label {
                text: page.controller.openError
                visible: text.length > 0
                color: "#b3261e"
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
        }
    }
}
