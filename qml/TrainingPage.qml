// 培养与经费 as a page of its own, for the trainee, the training unit and the work unit (the
// centre has it as a tab of its home): the trainees they see, their admission and funding, and a
// disqualification with its refund claim (TrainingPane).
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Tepei.Client

Page {
    id: page
    required property AppController controller
    signal back()

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 16
        spacing: 10
        RowLayout {
            Button { objectName: "trainingBack"; text: qsTr("返回"); onClicked: page.back() }
            Label {
                text: page.controller.role === "applicant" ? qsTr("我的培养与经费") : qsTr("学员培养与经费")
                font.pixelSize: 20
                font.bold: true
            }
        }
        TrainingPane {
            controller: page.controller
            Layout.fillWidth: true
            Layout.fillHeight: true
        }
    }
}
