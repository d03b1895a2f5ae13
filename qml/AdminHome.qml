// The system administrator's home (系统管理, issue #12 items 1 and 8). Organisations and accounts
// live on the server (not in the change log), so this page reads them online and says so when it
// cannot; every change asks for a reason, which the server writes into its audit log:
// - 账号: every account, searchable; add one, disable or enable it, reset its password (a new or
//   reset account gets a temporary password, shown once, to give to the person);
// - 单位: every organisation with its kind, parent, status and number of accounts; add one;
// - 设备同步: each device that synced, whose, first and last sync, from which address;
// - 审计日志: who changed which account or organisation, when, and why (newest first);
// - 单位注册: the work units waiting for approval (UnitRegistrationsPage).
// Campaigns are still published with tepei-admin on the server (the last line says how).
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Tepei.Client

Page {
    id: page
    required property AppController controller
    readonly property alias tabs: tabBar
    readonly property alias console: admin
    property string message: ""
    property bool messageIsError: false
    property string temporaryPassword: ""

    AdminConsole {
        id: admin
        controller: page.controller
        onActionFinished: (ok, message, password) => {
            page.messageIsError = !ok
            page.message = message
            page.temporaryPassword = password
        }
    }
    AdminUserDialog { id: userDialog; console: admin }
    AdminOrgDialog { id: orgDialog; console: admin }
    AdminReasonDialog { id: reasonDialog }

    component Cell: Label {
        property int cellWidth: 120
        Layout.preferredWidth: cellWidth
        Layout.maximumWidth: cellWidth
        elide: Text.ElideRight
    }
    component Heading: RowLayout {
        property var columns: []
        spacing: 6
        Repeater {
            model: parent.columns
            Label {
                required property var modelData
                text: modelData[0]
                font.bold: true
                elide: Text.ElideRight
                Layout.preferredWidth: modelData[1]
                Layout.maximumWidth: modelData[1]
            }
        }
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 16
        spacing: 8
        TabBar {
            id: tabBar
            objectName: "adminTabs"
            Layout.fillWidth: true
            TabButton { objectName: "tabUsers"; text: qsTr("账号（%1）").arg(admin.userCount) }
            TabButton { objectName: "tabOrgs"; text: qsTr("单位（%1）").arg(admin.orgCount) }
            TabButton { objectName: "tabDevices"; text: qsTr("设备同步") }
            TabButton { objectName: "tabAudit"; text: qsTr("审计日志") }
            TabButton { objectName: "tabRegistrations"; text: qsTr("单位注册") }
        }
        RowLayout {
            Layout.fillWidth: true
            visible: tabBar.currentIndex < 3
            spacing: 8
            TextField {
                objectName: "adminFilter"
                placeholderText: qsTr("查找：姓名、登录名、单位名称或代码")
                Layout.preferredWidth: 360
                onTextChanged: admin.filter = text
            }
            Label {
                objectName: "adminAsOf"
                text: admin.loading ? qsTr("正在从服务器读取…")
                      : admin.loadedAt.length > 0 ? qsTr("数据截至：%1（服务器）").arg(admin.loadedAt) : ""
                color: "#57606a"
                Layout.fillWidth: true
            }
            Button { objectName: "adminReload"; text: qsTr("刷新"); enabled: !admin.loading; onClicked: admin.reload() }
        }
        Label {
            objectName: "adminError"
            visible: admin.error.length > 0
            text: admin.error + "\n" + qsTr("账号和单位保存在服务器上，此页需要联网：请联网登录后点“刷新”。")
            color: "#b3261e"
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        Frame {
            objectName: "adminMessage"
            visible: page.message.length > 0
            Layout.fillWidth: true
            RowLayout {
                anchors.fill: parent
                Label {
                    text: page.message
                    color: page.messageIsError ? "#b3261e" : "#2e7d32"
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                }
                TextField {
                    id: passwordField
                    objectName: "temporaryPassword"
                    visible: page.temporaryPassword.length > 0
                    text: page.temporaryPassword
                    readOnly: true
                    selectByMouse: true
                    font.family: "monospace"
                    font.pixelSize: 18
                    Layout.preferredWidth: 190
                }
                Button {
                    visible: page.temporaryPassword.length > 0
                    text: qsTr("复制")
                    onClicked: { passwordField.selectAll(); passwordField.copy() }
                }
                ToolButton { text: qsTr("知道了"); onClicked: { page.message = ""; page.temporaryPassword = "" } }
            }
        }
        StackLayout {
            currentIndex: tabBar.currentIndex
            Layout.fillWidth: true
            Layout.fillHeight: true

            ColumnLayout { // 账号
                spacing: 6
                RowLayout {
                    Button {
                        objectName: "addUser"
                        text: qsTr("新增账号…")
                        enabled: admin.orgCount > 0
                        onClicked: userDialog.open()
                    }
                    Label {
                        text: qsTr("显示 %1 个，共 %2 个账号").arg(admin.users.length).arg(admin.userCount)
                        color: "#57606a"
                    }
                }
                Heading {
                    columns: [[qsTr("姓名"), 110], [qsTr("登录名"), 120], [qsTr("角色"), 170], [qsTr("所在单位"), 200],
                              [qsTr("状态"), 80], [qsTr("最近同步"), 130]]
                }
                ListView {
                    objectName: "userList"
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    clip: true
                    model: admin.users
                    ScrollBar.vertical: ScrollBar {}
                    delegate: RowLayout {
                        id: userRow
                        required property var modelData
                        required property int index
                        width: ListView.view.width
                        spacing: 6
                        Cell { text: userRow.modelData.displayName; cellWidth: 110 }
                        Cell { text: userRow.modelData.login; cellWidth: 120 }
                        Cell { text: userRow.modelData.roleLabel; cellWidth: 170 }
                        Cell { text: userRow.modelData.orgName || userRow.modelData.orgCode; cellWidth: 200 }
                        Cell {
                            text: userRow.modelData.statusLabel
                            cellWidth: 80
                            color: userRow.modelData.status === "active" ? "#2e7d32"
                                   : userRow.modelData.status === "disabled" ? "#b3261e" : "#8a6d00"
                        }
                        Cell {
                            text: userRow.modelData.lastSync || qsTr("从未同步")
                            cellWidth: 130
                            color: userRow.modelData.lastSync ? palette.text : "#57606a"
                        }
                        Item { Layout.fillWidth: true }
                        Button {
                            objectName: "toggleUser_" + userRow.index
                            visible: userRow.modelData.status === "active" || userRow.modelData.status === "disabled"
                            enabled: !admin.loading && userRow.modelData.userId !== page.controller.userId
                            text: userRow.modelData.status === "active" ? qsTr("停用…") : qsTr("启用…")
                            onClicked: {
                                const enable = userRow.modelData.status !== "active"
                                const id = userRow.modelData.userId
                                reasonDialog.ask(enable ? qsTr("启用账号：%1").arg(userRow.modelData.displayName)
                                                        : qsTr("停用账号：%1").arg(userRow.modelData.displayName),
                                                 enable ? qsTr("启用后本人可以再次登录。")
                                                        : qsTr("停用后本人立即退出登录，且不能再登录；其已提交的记录保持不变。"),
                                                 enable ? qsTr("启用") : qsTr("停用"),
                                                 reason => admin.setUserEnabled(id, enable, reason))
                            }
                        }
                        Button {
                            objectName: "resetPassword_" + userRow.index
                            enabled: !admin.loading
                            text: qsTr("重置密码…")
                            onClicked: {
                                const id = userRow.modelData.userId
                                reasonDialog.ask(qsTr("重置密码：%1").arg(userRow.modelData.displayName),
                                                 qsTr("服务器生成一个临时密码，只显示一次；本人在所有设备上退出登录，需用临时密码重新登录。请先电话核实本人身份。"),
                                                 qsTr("重置密码"),
                                                 reason => admin.resetPassword(id, reason))
                            }
                        }
                    }
                }
            }

            ColumnLayout { // 单位
                spacing: 6
                RowLayout {
                    Button { objectName: "addOrg"; text: qsTr("新增单位…"); onClicked: orgDialog.open() }
                    Label {
                        text: qsTr("显示 %1 个，共 %2 个单位").arg(admin.orgs.length).arg(admin.orgCount)
                        color: "#57606a"
                    }
                }
                Heading {
                    columns: [[qsTr("代码"), 110], [qsTr("名称"), 240], [qsTr("类型"), 130], [qsTr("上级单位"), 160],
                              [qsTr("状态"), 90], [qsTr("账号数"), 60]]
                }
                ListView {
                    objectName: "orgList"
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    clip: true
                    model: admin.orgs
                    ScrollBar.vertical: ScrollBar {}
                    delegate: RowLayout {
                        id: orgRow
                        required property var modelData
                        width: ListView.view.width
                        spacing: 6
                        Cell { text: orgRow.modelData.code; cellWidth: 110 }
                        Cell { text: orgRow.modelData.name; cellWidth: 240 }
                        Cell { text: orgRow.modelData.kindLabel; cellWidth: 130 }
                        Cell { text: orgRow.modelData.parentName || "—"; cellWidth: 160 }
                        Cell { text: orgRow.modelData.statusLabel; cellWidth: 90 }
                        Cell { text: String(orgRow.modelData.users); cellWidth: 60 }
                        Item { Layout.fillWidth: true } // the columns stay under their headings
                    }
                }
                Label {
                    Layout.fillWidth: true
                    wrapMode: Text.Wrap
                    color: "#57606a"
                    text: qsTr("年度计划（名额、分配、日期）在服务器上发布：tepei-admin --data /var/lib/tepei campaign add 文件.json；批量导入单位：tepei-admin … org import 单位.json。")
                }
            }

            ColumnLayout { // 设备同步
                spacing: 6
                Label {
                    text: qsTr("每台设备（每个账号在每台电脑上的客户端）最近一次与服务器同步的时间。长时间未同步的设备上可能有尚未上传的更改。")
                    wrapMode: Text.Wrap
                    color: "#57606a"
                    Layout.fillWidth: true
                }
                Heading {
                    columns: [[qsTr("姓名（登录名）"), 180], [qsTr("所在单位"), 200], [qsTr("设备编号"), 100],
                              [qsTr("首次同步"), 130], [qsTr("最近同步"), 130], [qsTr("地址"), 120]]
                }
                ListView {
                    objectName: "deviceList"
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    clip: true
                    model: admin.devices
                    ScrollBar.vertical: ScrollBar {}
                    delegate: RowLayout {
                        id: deviceRow
                        required property var modelData
                        width: ListView.view.width
                        spacing: 6
                        Cell { text: deviceRow.modelData.displayName + "（" + deviceRow.modelData.login + "）"; cellWidth: 180 }
                        Cell { text: deviceRow.modelData.orgName; cellWidth: 200 }
                        Cell { text: deviceRow.modelData.site.substring(0, 8); cellWidth: 100 }
                        Cell { text: deviceRow.modelData.firstSync; cellWidth: 130 }
                        Cell { text: deviceRow.modelData.lastSync; cellWidth: 130 }
                        Cell { text: deviceRow.modelData.address; cellWidth: 120 }
                        Item { Layout.fillWidth: true } // the columns stay under their headings
                    }
                }
                Label {
                    visible: admin.devices.length === 0 && !admin.loading && admin.error.length === 0
                    text: qsTr("还没有设备同步过。")
                    color: "#57606a"
                }
            }

            ColumnLayout { // 审计日志
                spacing: 6
                Label {
                    text: qsTr("对账号和单位的每一次更改：何时、何人、做了什么、理由。最新的在前；记录不可修改。")
                    wrapMode: Text.Wrap
                    color: "#57606a"
                    Layout.fillWidth: true
                }
                Heading {
                    columns: [[qsTr("时间"), 130], [qsTr("操作人"), 160], [qsTr("操作"), 120], [qsTr("对象"), 110],
                              [qsTr("理由"), 220], [qsTr("内容"), 200]]
                }
                ListView {
                    objectName: "auditList"
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    clip: true
                    model: admin.audit
                    ScrollBar.vertical: ScrollBar {}
                    delegate: RowLayout {
                        id: auditRow
                        required property var modelData
                        width: ListView.view.width
                        spacing: 6
                        Cell { text: auditRow.modelData.at; cellWidth: 130 }
                        Cell { text: auditRow.modelData.actor; cellWidth: 160 }
                        Cell { text: auditRow.modelData.actionLabel; cellWidth: 120 }
                        Cell { text: auditRow.modelData.target; cellWidth: 110 }
                        Cell { text: auditRow.modelData.reason || "—"; cellWidth: 220 }
                        Cell { text: auditRow.modelData.detail; cellWidth: 200 }
                        Item { Layout.fillWidth: true } // the columns stay under their headings
                    }
                    footer: Button {
                        visible: admin.auditMore
                        text: qsTr("加载更早的记录")
                        onClicked: admin.loadMoreAudit()
                    }
                }
            }

            UnitRegistrationsPage { // 单位注册
                controller: page.controller
                showBack: false
            }
        }
    }
}
