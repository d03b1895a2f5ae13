// The centre's home (内蒙古自治区人事人才公共服务中心, issues #12, #14): five tabs over this device's
// replica (it works offline; the line under the tabs says as of when):
// - 申报汇总: the consolidation table of 附件1 (CentreSummaryPane); each number opens its list;
// - 录取: the approved applicants to admit, one by one, selected together, or from a table pasted
//   from Excel (CentreAdmissionPane);
// - 名额分配: the allocation, changed by the centre (CentreAllocationPane);
// - 查找申报: every application by name, ID number or work unit, and the lists behind the
//   table's numbers (CentreSearchPane); a row opens the application with its history;
// - 培养与经费: the trainees' funding, payments, refunds and disqualifications (TrainingPane).
// Above the tabs' content: the campaign (a chooser when the device holds several), as of when,
// and 导出 Excel (CentreExportDialog).
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Tepei.Client

Page {
    id: page
    required property AppController controller
    signal open(string id)
    readonly property alias tabs: tabBar
    readonly property alias search: searchPane

    // The list behind a number of the table: one authority ("" for all) and one column.
    function showList(authority, column) {
        searchPane.authority = authority
        searchPane.column = column
        tabBar.currentIndex = 3
    }

    CentreDashboard {
        id: dashboard
        controller: page.controller
    }
    CentreExportDialog {
        id: exportDialog
        controller: page.controller
        authorities: dashboard.rows
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 16
        spacing: 8
        TabBar {
            id: tabBar
            objectName: "centreTabs"
            Layout.fillWidth: true
            TabButton { objectName: "tabSummary"; text: qsTr("申报汇总") }
            TabButton { objectName: "tabAdmission"; text: qsTr("录取（%1）").arg(admissionPane.waiting) }
            TabButton { objectName: "tabAllocation"; text: qsTr("名额分配") }
            TabButton { objectName: "tabSearch"; text: qsTr("查找申报") }
            TabButton { objectName: "tabTraining"; text: qsTr("培养与经费") }
        }
        RowLayout {
            Layout.fillWidth: true
            spacing: 8
            ChoiceBox {
                objectName: "campaignChooser"
                visible: page.controller.campaigns.length > 1
                model: page.controller.campaigns
                textRole: "title"
                valueRole: "id"
                selected: page.controller.campaignId
                implicitWidth: 420
                onActivated: index => page.controller.chooseCampaign(page.controller.campaigns[index].id)
            }
            Label {
                objectName: "asOf"
                text: (page.controller.campaigns.length > 1 ? "" : page.controller.campaignTitle + " · ")
                      + qsTr("数据截至：") + page.controller.syncText
                color: "#57606a"
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
            Button {
                objectName: "exportButton"
                text: qsTr("导出 Excel…")
                onClicked: exportDialog.open()
            }
        }
        StackLayout {
            currentIndex: tabBar.currentIndex
            Layout.fillWidth: true
            Layout.fillHeight: true
            CentreSummaryPane {
                dashboard: dashboard
                available: page.width - 32
                onShowList: (authority, column) => page.showList(authority, column)
            }
            CentreAdmissionPane {
                id: admissionPane
                controller: page.controller
                onOpen: id => page.open(id)
            }
            CentreAllocationPane {
                controller: page.controller
                dashboard: dashboard
            }
            CentreSearchPane {
                id: searchPane
                controller: page.controller
                authorities: dashboard.rows
                available: page.width - 32
                onOpen: id => page.open(id)
            }
            TrainingPane {
                controller: page.controller
            }
        }
    }
}
