// The sync state line (R-SYNC-1): 离线 / 正在同步 / 已同步 于 HH:mm / N 项更改待上传, and sync now.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Tepei.Client

RowLayout {
    id: syncBar
    required property AppController controller
    spacing: 6

    Rectangle {
        width: 10
        height: 10
        radius: 5
        color: syncBar.controller.syncPhase === "synced" ? "#2e7d32"
             : syncBar.controller.syncPhase === "syncing" ? "#1565c0" : "#ef6c00"
    }
    Label {
        objectName: "syncText"
        text: syncBar.controller.syncText
        elide: Text.ElideRight
        Layout.fillWidth: true
        Layout.minimumWidth: 20
        Layout.maximumWidth: Math.min(460, implicitWidth)
    }
    Button {
        text: qsTr("立即同步")
        flat: true
        onClicked: syncBar.controller.syncNow()
    }
}
