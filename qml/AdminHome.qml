// The system administrator's home (issue #12 item 1). Organisations, users and campaigns are kept
// on the server with tepei-admin today; this page says so, and how, instead of showing another
// role's page.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Tepei.Client

Page {
    id: page
    required property AppController controller

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 16
        spacing: 10
        Label { text: qsTr("系统管理"); font.pixelSize: 20; font.bold: true }
        Label {
            objectName: "adminText"
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            text: qsTr("单位、用户和年度计划目前在服务器上用 tepei-admin 管理（客户端中的管理页面尚在建设中）。常用命令：")
        }
        TextArea {
            Layout.fillWidth: true
            readOnly: true
            selectByMouse: true
            font.family: "monospace"
            text: "tepei-admin --data /var/lib/tepei user list\n" +
                  "tepei-admin --data /var/lib/tepei user add --login … --role … --org … --name …\n" +
                  "tepei-admin --data /var/lib/tepei org add --code … --kind work_unit --name … --parent …\n" +
                  "tepei-admin --data /var/lib/tepei org import orgs.json\n" +
                  "tepei-admin --data /var/lib/tepei campaign list\n" +
                  "tepei-admin --help"
        }
        Item { Layout.fillHeight: true } // the page reads from the top
    }
}
