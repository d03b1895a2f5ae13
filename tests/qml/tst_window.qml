// R-SYNC-1, R-SYNC-3: the bar every page shows — who is signed in, the sync state with the
// number of changes waiting, and the notice of an own change the rules refused, with its reason.
import QtQuick
import QtQuick.Layouts
import QtTest
import Tepei
import Tepei.Client

TestCase {
    id: testCase
    name: "RSync1_SyncBarAndNotices"
    width: 1280
    height: 820
    when: windowShown
    visible: true

    Component {
        id: windowLike
        ColumnLayout {
            property alias controller: header.controller
            property alias banner: banner
            spacing: 0
            AppHeader { id: header; Layout.fillWidth: true }
            NoticeBanner { id: banner; controller: header.controller; Layout.fillWidth: true; expanded: true }
            ReviewQueue { controller: header.controller; scope: "authority"; Layout.fillWidth: true; Layout.fillHeight: true }
        }
    }
    Component { id: docComponent; ApplicationDocument { } }

    function test_header_sync_state_and_refused_notice() {
        const c = testEnv.newController("authority_reviewer")
        c.signIn("li", "secret-1", true)
        tryCompare(c, "signedIn", true, 20000)
        testEnv.seed(c, 3, "authority_approved")
        const ids = testEnv.seed(c, 3, "unit_approved")
        const doc = createTemporaryObject(docComponent, testCase, { controller: c, recordId: ids[0] })
        tryCompare(doc, "exists", true)
        verify(doc.act("authority_approve", "同意").indexOf("名额") >= 0)
        const view = createTemporaryObject(windowLike, testCase, { controller: c, width: 1280, height: 820 })
        waitForRendering(view)
        tryVerify(() => c.syncText.indexOf("离线") >= 0 && c.syncText.indexOf("1 项更改待上传") >= 0, 10000, c.syncText)
        compare(c.notices.length, 1)
        verify(view.banner.visible)
        wait(100)
        grabImage(view).save(testEnv.screenshotPath("window-authority"))

        // Issue #17: the notice can be dismissed (it then no longer pushes the page down), for this
        // person on this device; a later refusal shows again.
        const banner = view.banner
        const dismiss = findChild(banner, "dismissNotices")
        verify(dismiss)
        mouseClick(dismiss)
        compare(c.notices.length, 0)
        c.syncNow()
        compare(c.notices.length, 0, "dismissed stays dismissed")
        const again = createTemporaryObject(docComponent, testCase, { controller: c, recordId: ids[1] })
        tryCompare(again, "exists", true)
        verify(again.act("authority_approve", "同意").indexOf("名额") >= 0)
        tryVerify(() => c.notices.length === 1)
    }
}
