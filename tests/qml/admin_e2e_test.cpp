// Issue #12 item 8 (R-ORG-1, R-SEC-1, R-SEC-2): the administrator's page, AdminHome.qml as the
// client shows it, over the real client stack against the real tepei-server. The administrator
// sees every account and organisation, and the device an authority reviewer synced from; adds an
// account, whose temporary password signs in; disables an account through the page's reason
// dialog (a blank reason cannot be sent), after which that person cannot sign in; resets a
// password; and reads each change, with its reason, in the audit log. Screenshots of every tab in
// Chinese and in English: build/screenshots/admin-*.png.
#include "client_e2e.h"
#include "server_fixture.h"

#include <QFont>
#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QQmlContext>
#include <QQuickItem>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QtQml/qqmlextensionplugin.h>
#include <admin_console.h>
#include <app_controller.h>
#include <fstream>

Q_IMPORT_QML_PLUGIN(TepeiPlugin)
Q_IMPORT_QML_PLUGIN(Tepei_ClientPlugin)

using namespace tepei;

namespace {
const std::string kPassword = "Grass-Sea-2024";

// The object named `name` under `root`, through QObject children and visual children (a popup's
// content is not a QObject child of the popup).
QObject* findNamed(QObject* root, const QString& name)
{
    if (!root)
        return nullptr;
    if (root->objectName() == name)
        return root;
    for (QObject* child : root->children())
        if (QObject* found = findNamed(child, name))
            return found;
    if (auto* item = qobject_cast<QQuickItem*>(root)) {
        for (QQuickItem* child : item->childItems())
            if (child->parent() != root)
                if (QObject* found = findNamed(child, name))
                    return found;
    }
    const QVariant content = root->property("contentItem");
    if (auto* item = content.value<QQuickItem*>(); item && item->parent() != root)
        return findNamed(item, name);
    return nullptr;
}

QStringList column(const QVariantList& rows, const char* key)
{
    QStringList out;
    for (const QVariant& row : rows)
        out << row.toMap().value(key).toString();
    return out;
}
} // namespace

class AdminEndToEndTest : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<qt::AppController> signedIn(const QString& login, const QString& password)
    {
        m_dirs.push_back(std::make_unique<QTemporaryDir>());
        auto c = std::make_unique<qt::AppController>(
            qt::AppController::openReplica(m_dirs.back()->path(), sync::systemWallClock()), test::http);
        c->setServerUrl(QString::fromStdString(m_server.baseUri()));
        QSignalSpy finished(c.get(), &qt::AppController::signInFinished);
        c->signIn(login, password, true);
        if (!finished.wait(20000) || !finished.at(0).at(0).toBool())
            return nullptr;
        return c;
    }

    void shoot(const QString& name)
    {
        QTest::qWait(200);
        QVERIFY(
            m_window->grabWindow().save(QStringLiteral(TEPEI_BINARY_DIR "/screenshots/") + name + ".png"));
    }
    void showTab(int index)
    {
        m_page->property("tabs").value<QObject*>()->setProperty("currentIndex", index);
    }
    // Clicks a button of the page (a signal, as a mouse click emits it).
    static void click(QObject* button)
    {
        QVERIFY(button);
        QVERIFY(button->property("enabled").toBool());
        QMetaObject::invokeMethod(button, "clicked");
    }

    test::TestServer m_server;
    std::vector<std::unique_ptr<QTemporaryDir>> m_dirs;
    std::unique_ptr<qt::AppController> m_admin;
    QQmlApplicationEngine m_engine;
    QQuickWindow* m_window = nullptr;
    QObject* m_page = nullptr;
    qt::AdminConsole* m_console = nullptr;

private slots:
    void initTestCase()
    {
        QDir().mkpath(QStringLiteral(TEPEI_BINARY_DIR "/screenshots"));
        const auto orgs = m_server.dir() / "orgs.json";
        std::ofstream(orgs) << R"([{"code":"C00","kind":"centre","name":"自治区人事人才公共服务中心"},
            {"code":"150100","kind":"authority","name":"呼和浩特市","parent":"C00"},
            {"code":"W1","kind":"work_unit","name":"呼和浩特市第一医院","parent":"150100"},
            {"code":"T-PKU","kind":"training_unit","name":"北京大学"}])";
        QCOMPARE(m_server.admin({"init"}), 0);
        QCOMPARE(m_server.admin({"org", "import", orgs.string()}), 0);
        for (auto [login, role, org, name] : {std::tuple{"root", "administrator", "C00", "高管理"},
                                              std::tuple{"hh", "authority_reviewer", "150100", "图雅"},
                                              std::tuple{"wang", "unit_reviewer", "W1", "王审核"}})
            QCOMPARE(m_server.admin(
                         {"user", "add", "--login", login, "--role", role, "--org", org, "--name", name},
                         kPassword),
                     0);
        QVERIFY2(m_server.start(), m_server.log().c_str());

        // The authority's reviewer syncs once, from a device of their own.
        auto hh = signedIn("hh", QString::fromStdString(kPassword));
        QVERIFY(hh);
        QTRY_VERIFY_WITH_TIMEOUT(hh->syncPhase() == QLatin1String("synced"), 20000);

        m_admin = signedIn("root", QString::fromStdString(kPassword));
        QVERIFY(m_admin);
        m_engine.addImportPath(QStringLiteral("qrc:/"));
        m_engine.rootContext()->setContextProperty("adminController", m_admin.get());
        QObject::connect(m_admin.get(), &qt::AppController::languageChanged, &m_engine,
                         [this] { m_engine.retranslate(); });
        m_engine.loadData(R"(import QtQuick
import QtQuick.Controls
import Tepei
ApplicationWindow {
    width: 1280; height: 800; visible: true
    property alias page: home
    AdminHome { id: home; anchors.fill: parent; controller: adminController }
})");
        QVERIFY(!m_engine.rootObjects().isEmpty());
        m_window = qobject_cast<QQuickWindow*>(m_engine.rootObjects().first());
        m_page = m_window->property("page").value<QObject*>();
        m_console = qobject_cast<qt::AdminConsole*>(m_page->property("console").value<QObject*>());
        QVERIFY(m_console);
    }

    void ROrg1_TheAdministratorSeesAccountsOrganisationsAndDevices()
    {
        QTRY_VERIFY_WITH_TIMEOUT(!m_console->loading() && m_console->userCount() == 3, 20000);
        QCOMPARE(m_console->error(), QString());
        QCOMPARE(column(m_console->users(), "login"), QStringList({"hh", "root", "wang"}));
        QCOMPARE(column(m_console->users(), "roleLabel").at(0), QStringLiteral("推荐单位审核人"));
        QCOMPARE(column(m_console->users(), "orgName").at(2), QStringLiteral("呼和浩特市第一医院"));
        QCOMPARE(m_console->orgCount(), 4);
        const QStringList synced = column(m_console->devices(), "login");
        QVERIFY2(synced.contains("hh"), qPrintable(synced.join(",")));
        QVERIFY(!m_console->users().at(0).toMap().value("lastSync").toString().isEmpty());
        m_console->setFilter(QStringLiteral("王"));
        QCOMPARE(column(m_console->users(), "login"), QStringList({"wang"}));
        m_console->setFilter(QString());
        for (const auto& [tab, name] : {std::pair{0, "users"}, {1, "orgs"}, {2, "devices"}}) {
            showTab(tab);
            shoot(QStringLiteral("admin-%1-zh").arg(name));
        }
    }

    void ROrg1_AnAccountAddedHereSignsInWithItsTemporaryPassword()
    {
        QSignalSpy done(m_console, &qt::AdminConsole::actionFinished);
        m_console->addUser("nara", QStringLiteral("娜拉"), "unit_reviewer", "150100", "",
                           QStringLiteral("新审核人"));
        QVERIFY(done.wait(20000));
        QCOMPARE(done.at(0).at(0).toBool(), false); // an authority is not a work unit: refused
        QVERIFY2(done.at(0).at(1).toString().contains("orgCode"), qPrintable(done.at(0).at(1).toString()));
        m_console->addUser("nara", QStringLiteral("娜拉"), "unit_reviewer", "W1", "13800000001",
                           QStringLiteral("新审核人，单位来函"));
        QVERIFY(done.wait(20000));
        QCOMPARE(done.at(1).at(0).toBool(), true);
        const QString temporary = done.at(1).at(2).toString();
        QCOMPARE(temporary.size(), 12);
        QTRY_VERIFY_WITH_TIMEOUT(m_console->userCount() == 4, 20000);
        QVERIFY(signedIn("nara", temporary));
        showTab(0);
        shoot("admin-temporary-password-zh");
    }

    void RSec1_DisablingThroughTheReasonDialogStopsSignIn()
    {
        showTab(0);
        m_console->setFilter("wang");
        QTRY_COMPARE(m_console->users().size(), 1);
        QTest::qWait(100);
        click(findNamed(m_page, "toggleUser_0"));
        QObject* dialog = findNamed(m_page, "adminReasonDialog");
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->property("opened").toBool());
        QObject* confirm = findNamed(dialog, "adminReasonConfirm");
        QObject* reason = findNamed(dialog, "adminReason");
        QVERIFY(confirm && reason);
        reason->setProperty("text", "   ");
        QVERIFY2(!confirm->property("enabled").toBool(), "blanks are no reason");
        reason->setProperty("text", QStringLiteral("调离本单位"));
        shoot("admin-disable-dialog-zh");
        QSignalSpy done(m_console, &qt::AdminConsole::actionFinished);
        click(confirm);
        QVERIFY(done.wait(20000));
        QCOMPARE(done.at(0).at(0).toBool(), true);
        QTRY_VERIFY_WITH_TIMEOUT(!m_console->users().isEmpty() &&
                                     m_console->users().at(0).toMap().value("status") == "disabled",
                                 20000);
        const auto refused = m_server.postJson(
            "/v1/login", web::json::value::parse(R"({"user":"wang","password":")" + kPassword +
                                                 R"(","site":"0b6f7f3e-5d1c-4b8a-9e2f-1a2b3c4d5e6f"})"));
        QCOMPARE(refused.status, 403);
        QCOMPARE(QString::fromStdString(refused.code()), QStringLiteral("account_disabled"));

        m_console->resetPassword(m_console->users().at(0).toMap().value("userId").toString(),
                                 QStringLiteral("忘记密码，电话核实"));
        QVERIFY(done.wait(20000));
        QCOMPARE(done.at(1).at(0).toBool(), true);
        QCOMPARE(done.at(1).at(2).toString().size(), 12);
        m_console->setFilter(QString());
    }

    void ROrg1_EveryChangeIsInTheAuditLogWithItsReason()
    {
        QTRY_VERIFY_WITH_TIMEOUT(m_console->audit().size() >= 3 && !m_console->loading(), 20000);
        const QVariantMap newest = m_console->audit().at(0).toMap();
        QCOMPARE(newest.value("action").toString(), QStringLiteral("password_reset"));
        QCOMPARE(newest.value("reason").toString(), QStringLiteral("忘记密码，电话核实"));
        QCOMPARE(newest.value("actor").toString(), QStringLiteral("高管理（root）"));
        QCOMPARE(m_console->audit().at(2).toMap().value("detail").toString(),
                 QStringLiteral("娜拉 · 工作单位审核人 · 呼和浩特市第一医院"));
        QCOMPARE(column(m_console->audit(), "actionLabel").mid(0, 3),
                 QStringList(
                     {QStringLiteral("重置密码"), QStringLiteral("停用账号"), QStringLiteral("新增账号")}));
        showTab(3);
        shoot("admin-audit-zh");
        showTab(4);
        shoot("admin-registrations-zh");
    }

    void RL10n1_ThePageInEnglish()
    {
        m_admin->setLanguage("en");
        QTRY_VERIFY_WITH_TIMEOUT(!m_console->loading() && !m_console->audit().isEmpty() &&
                                     m_console->audit().at(0).toMap().value("actionLabel") ==
                                         "Password reset",
                                 20000);
        QCOMPARE(column(m_console->users(), "statusLabel").contains("Disabled"), true);
        for (const auto& [tab, name] : {std::pair{0, "users"}, {1, "orgs"}, {2, "devices"}, {3, "audit"}}) {
            showTab(tab);
            shoot(QStringLiteral("admin-%1-en").arg(name));
        }
        m_admin->setLanguage("zh");
    }

    void cleanupTestCase()
    {
        m_engine.clearComponentCache();
        QCOMPARE(m_server.stop(), 0);
    }
};

int main(int argc, char** argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QQuickStyle::setStyle(QStringLiteral("Fusion")); // as tepei-client
    QGuiApplication app(argc, argv);
    QGuiApplication::setFont(QFont(QStringLiteral("Noto Sans CJK SC"), 10));
    AdminEndToEndTest test;
    return QTest::qExec(&test, argc, argv);
}

#include "admin_e2e_test.moc"
