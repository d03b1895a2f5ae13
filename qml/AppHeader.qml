// Top bar on every page: who is signed in, the sync state (R-SYNC-1), sync now, language, sign out.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Tepei.Client

ToolBar {
    id: bar
    required property AppController controller
    signal leaveRequested()
    signal trainingRequested()
    padding: 6

    RowLayout {
        anchors.fill: parent
        spacing: 12
        Label {
            text: qsTr("特培")
            font.pixelSize: 18
            font.bold: true
        }
        Label {
            visible: bar.controller.signedIn
            text: bar.controller.displayName + " · " + bar.controller.roleLabel
                  + (bar.controller.orgName ? " · " + bar.controller.orgName : "")
                  + (bar.controller.offlineSession ? qsTr("（离线登录）") : "")
            elide: Text.ElideRight
            // Shrinks (elided) before any button is pushed out of a narrow window.
            Layout.fillWidth: true
            Layout.minimumWidth: 60
            Layout.maximumWidth: Math.min(420, implicitWidth)
        }
        Item { Layout.fillWidth: true }
        Button {
            objectName: "leaveButton"
            // The leave page of the parties that see leave requests; the training unit's home is it.
            visible: bar.controller.signedIn && ["applicant", "unit_reviewer", "centre_officer"].indexOf(bar.controller.role) >= 0
            text: qsTr("请假")
            onClicked: bar.leaveRequested()
        }
        Button {
            objectName: "trainingButton"
            // 培养与经费 of a trainee and of their units; the centre has it as a tab of its home.
            visible: bar.controller.signedIn && ["applicant", "unit_reviewer", "training_unit_officer"].indexOf(bar.controller.role) >= 0
            text: bar.controller.role === "applicant" ? qsTr("我的培养") : qsTr("学员培养")
            onClicked: bar.trainingRequested()
        }
        SyncBar {
            visible: bar.controller.signedIn
            controller: bar.controller
            Layout.fillWidth: true
            Layout.minimumWidth: 150
            Layout.maximumWidth: implicitWidth
        }
        ComboBox {
            id: languageBox
            objectName: "languageBox"
            model: [ "中文", "English" ]
            currentIndex: bar.controller.language === "en" ? 1 : 0
            onActivated: index => bar.controller.language = index === 1 ? "en" : "zh"
            implicitWidth: 110
        }
        Button {
            visible: bar.controller.signedIn
            text: qsTr("退出登录")
            onClicked: bar.controller.signOut()
        }
    }
}
