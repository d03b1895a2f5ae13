// R-APP-1, R-ORG-3: registration online — an applicant with the code of the work unit, or a work
// unit (issue #12 item 8) with its name, its recommending authority (from the list) and its first
// reviewer account, which signs in once the authority approves the registration.
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
    readonly property bool asUnit: kind.currentIndex === 1
    property string authority: ""
    readonly property var authorities: { controller.language; return controller.recommendingAuthorities() }

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
            Label { text: page.asUnit ? qsTr("工作单位注册") : qsTr("申报人注册"); font.pixelSize: 20; font.bold: true }
            TabBar {
                id: kind
                objectName: "registerKind"
                Layout.fillWidth: true
                TabButton { text: qsTr("申报人") }
                TabButton { objectName: "registerAsUnit"; text: qsTr("工作单位") }
                onCurrentIndexChanged: page.message = ""
            }
            Label {
                visible: page.asUnit
                text: qsTr("单位注册后由推荐单位审核；审核通过后，此账号作为本单位的审核员登录，审核本单位人员的申报。")
                wrapMode: Text.Wrap
                color: "#57606a"
                Layout.fillWidth: true
            }
            GridLayout {
                columns: 2
                Layout.fillWidth: true
                Label { text: qsTr("单位全称"); visible: page.asUnit }
                TextField { id: unitName; objectName: "unitName"; visible: page.asUnit; Layout.fillWidth: true }
                Label { text: qsTr("推荐单位"); visible: page.asUnit }
                ChoiceBox {
                    objectName: "unitAuthority"
                    visible: page.asUnit
                    model: page.authorities
                    textRole: "name"
                    valueRole: "code"
                    selected: page.authority
                    placeholder: qsTr("请选择本单位所属的推荐单位")
                    Layout.fillWidth: true
                    onActivated: index => page.authority = page.authorities[index].code
                }
                Label { text: qsTr("登录名") }
                TextField { id: login; objectName: "registerLogin"; Layout.fillWidth: true }
                Label { text: page.asUnit ? qsTr("审核员姓名") : qsTr("姓名") }
                TextField { id: displayName; objectName: "registerName"; Layout.fillWidth: true }
                Label { text: qsTr("手机号码") }
                TextField { id: mobile; objectName: "registerMobile"; Layout.fillWidth: true; inputMethodHints: Qt.ImhDigitsOnly }
                Label { text: qsTr("工作单位代码"); visible: !page.asUnit }
                TextField { id: orgCode; visible: !page.asUnit; Layout.fillWidth: true; placeholderText: qsTr("向所在单位索取") }
                Label { text: qsTr("密码") }
                TextField { id: password; objectName: "registerPassword"; Layout.fillWidth: true; echoMode: TextInput.Password }
                Label { text: qsTr("确认密码") }
                TextField { id: password2; objectName: "registerPassword2"; Layout.fillWidth: true; echoMode: TextInput.Password }
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
                    objectName: "registerButton"
                    text: qsTr("注册")
                    highlighted: true
                    enabled: !page.controller.busy && login.text && password.text && password.text === password2.text
                             && (!page.asUnit || (unitName.text.trim().length > 0 && page.authority.length > 0))
                    onClicked: page.asUnit
                               ? page.controller.registerUnit(login.text, password.text, displayName.text, mobile.text,
                                                              unitName.text, page.authority)
                               : page.controller.registerApplicant(login.text, password.text, displayName.text,
                                                                   mobile.text, orgCode.text)
                }
            }
            Label {
                objectName: "registerMessage"
                text: page.message
                visible: text.length > 0
                color: page.success ? "#2e7d32" : "#b3261e"
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
        }
    }
}
