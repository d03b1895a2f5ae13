// The window: the sync bar and notices on every page, and a stack of pages chosen by the
// signed-in role. The controller comes from main (a required property), never from a global.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Tepei.Client

ApplicationWindow {
    id: window
    required property AppController controller
    width: 1280
    height: 820
    visible: true
    title: qsTr("特培 · 少数民族专业技术人才特殊培养管理系统")

    readonly property bool signedIn: controller.signedIn
    onSignedInChanged: stack.replace(null, signedIn ? homeFor(controller.role) : loginPage)

    function homeFor(role) {
        if (role === "unit_reviewer")
            return unitQueue
        if (role === "authority_reviewer")
            return authorityQueue
        if (role === "training_unit_officer")
            return leaveHome
        if (role === "centre_officer")
            return centreHome
        if (role === "administrator")
            return adminHome
        return applicantHome
    }

    header: ColumnLayout {
        spacing: 0
        AppHeader {
            Layout.fillWidth: true
            controller: window.controller
            onLeaveRequested: stack.push(leavePage)
            onTrainingRequested: stack.push(trainingPage)
        }
        NoticeBanner {
            Layout.fillWidth: true
            controller: window.controller
            visible: window.controller.signedIn && window.controller.notices.length > 0
        }
    }

    StackView {
        id: stack
        anchors.fill: parent
        initialItem: loginPage
        focus: true // the page on top gets the keyboard
        // Enter presses the focused button (Qt's buttons answer Space only); a key the focused
        // item did not take comes here.
        Keys.onReturnPressed: event => window.pressFocused(event)
        Keys.onEnterPressed: event => window.pressFocused(event)
    }
    function pressFocused(event) {
        const item = window.activeFocusItem
        // A button is what has clicked() and autoRepeat (instanceof does not see QML types here).
        if (item && item.enabled && typeof item.clicked === "function" && item.autoRepeat !== undefined) {
            item.clicked()
            event.accepted = true
        }
    }

    Component {
        id: loginPage
        LoginPage {
            controller: window.controller
            onRegisterRequested: stack.push(registerPage)
        }
    }
    Component {
        id: registerPage
        RegisterPage {
            controller: window.controller
            onBack: stack.pop()
        }
    }
    Component {
        id: applicantHome
        ApplicantHome {
            controller: window.controller
            onOpen: id => stack.push(formPage, { recordId: id })
        }
    }
    Component {
        id: formPage
        FormPage {
            controller: window.controller
            onBack: stack.pop()
        }
    }
    Component {
        id: unitQueue
        ReviewQueue {
            controller: window.controller
            scope: "unit"
            onOpen: id => stack.push(reviewPage, { recordId: id })
        }
    }
    Component {
        id: authorityQueue
        ReviewQueue {
            controller: window.controller
            scope: "authority"
            onOpen: id => stack.push(reviewPage, { recordId: id })
            onUnitRegistrations: stack.push(unitRegistrationsPage)
        }
    }
    Component {
        id: unitRegistrationsPage
        UnitRegistrationsPage {
            controller: window.controller
            onBack: stack.pop()
        }
    }
    Component {
        id: centreHome
        CentreHome {
            controller: window.controller
            onOpen: id => stack.push(reviewPage, { recordId: id })
        }
    }
    Component {
        id: adminHome
        AdminHome { controller: window.controller }
    }
    Component {
        id: leaveHome
        LeavePage {
            controller: window.controller
        }
    }
    Component {
        id: leavePage
        LeavePage {
            controller: window.controller
            showBack: true
            onBack: stack.pop()
        }
    }
    Component {
        id: trainingPage
        TrainingPage {
            controller: window.controller
            onBack: stack.pop()
        }
    }
    Component {
        id: reviewPage
        ReviewPage {
            controller: window.controller
            onBack: stack.pop()
        }
    }
}
