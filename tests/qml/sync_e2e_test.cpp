// R-SYNC-1, R-SYNC-3, R-APP-2, R-APP-3: the real client stack (AppController, SyncEngine, HTTP
// transport, view models) against the real tepei-server. The centre publishes the campaign; the
// applicant signs in online, fills the generated form, submits; the unit reviewer approves with
// the digest; each side's state ends equal to the server's record view. A change the server
// refuses (an authority that is not the unit's) comes back as a notice with its reason.
#include "server_fixture.h"

#include <QGuiApplication>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <app_controller.h>
#include <application_document.h>
#include <application_list_model.h>
#include <convert.h>
#include <fstream>
#include <random>
#include <tepei/client/sync/sync_engine.h>
#include <tepei/model/kinds/application/application_kind.h>
#include <tepei/model/kinds/campaign/campaign_kind.h>
#include <tepei/model/samples/samples.h>

using namespace tepei;

namespace {
const std::string kPassword = "Steppe-Horse-88";

model::Campaign openCampaign()
{
    auto campaign = model::loadCampaign(TEPEI_DATA_DIR "/campaigns/2024.json").value();
    const auto now = std::chrono::duration_cast<std::chrono::milliseconds>(
                         std::chrono::system_clock::now().time_since_epoch())
                         .count();
    campaign.deadline = model::addDays(model::chinaDateOf(now), 365);
    return campaign;
}

std::shared_ptr<client::Transport> http(const client::ServerConfig& config)
{
    return std::shared_ptr<client::Transport>(client::makeHttpTransport(config));
}
} // namespace

class SyncEndToEndTest : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<qt::AppController> signedIn(const QString& login)
    {
        m_dirs.push_back(std::make_unique<QTemporaryDir>());
        auto c = std::make_unique<qt::AppController>(
            qt::AppController::openReplica(m_dirs.back()->path(), sync::systemWallClock()), http);
        c->setServerUrl(QString::fromStdString(m_server.baseUri()));
        QSignalSpy finished(c.get(), &qt::AppController::signInFinished);
        c->signIn(login, QString::fromStdString(kPassword), true);
        if (!finished.wait(20000) || !finished.at(0).at(0).toBool())
            qWarning() << "sign-in failed:"
                       << (finished.isEmpty() ? QString() : finished.at(0).at(1).toString());
        return c;
    }

    static bool synced(qt::AppController& c)
    {
        return c.syncPhase() == QLatin1String("synced") && c.waiting() == 0;
    }

    test::TestServer m_server;
    std::vector<std::unique_ptr<QTemporaryDir>> m_dirs;

private slots:
    void initTestCase()
    {
        const auto orgs = m_server.dir() / "orgs.json";
        std::ofstream(orgs) << R"([{"code":"C00","kind":"centre","name":"自治区人事人才公共服务中心"},
            {"code":"150100","kind":"authority","name":"呼和浩特市","parent":"C00"},
            {"code":"W1","kind":"work_unit","name":"呼和浩特市第一医院","parent":"150100"}])";
        QCOMPARE(m_server.admin({"init"}), 0);
        QCOMPARE(m_server.admin({"org", "import", orgs.string()}), 0);
        for (auto [login, role, org] :
             {std::tuple{"zhongxin", "centre_officer", "C00"}, std::tuple{"bateer", "applicant", "W1"},
              std::tuple{"wang", "unit_reviewer", "W1"}})
            QCOMPARE(m_server.admin(
                         {"user", "add", "--login", login, "--role", role, "--org", org, "--name", login},
                         kPassword),
                     0);
        QVERIFY2(m_server.start(), m_server.log().c_str());

        // The centre publishes the campaign through the same client core.
        QTemporaryDir dir;
        auto replica =
            client::ClientReplica::open(dir.filePath("centre.sqlite").toStdString(), sync::systemWallClock())
                .value();
        client::ServerConfig config;
        config.baseUrl = m_server.baseUri();
        auto transport = http(config);
        auto session = client::signInOnline(*transport, *replica, "zhongxin", kPassword);
        QVERIFY2(session, session ? "" : (session.error().code + ": " + session.error().message).c_str());
        auto definition = web::json::value::object();
        definition = model::campaignPayload(openCampaign());
        QVERIFY(replica->setFields(model::kKindCampaign, "2024", definition));
        client::SyncEngine engine(*replica, transport);
        engine.setToken(session->token);
        auto report = engine.syncOnce();
        QVERIFY2(report, report ? "" : report.error().message.c_str());
        QCOMPARE(report->refused, std::size_t{0});
    }

    void RSync1_SubmitAndApproveRoundTripThroughTheServer()
    {
        auto applicant = signedIn("bateer");
        QVERIFY(applicant->signedIn());
        QTRY_VERIFY_WITH_TIMEOUT(applicant->campaignId() == QLatin1String("2024"), 20000);
        QTRY_VERIFY_WITH_TIMEOUT(synced(*applicant), 20000);
        QVERIFY(applicant->syncText().startsWith(QStringLiteral("已同步 于")));

        const QString id =
            applicant->createApplication(QStringLiteral("150100"), QStringLiteral("visiting_scholar"));
        QVERIFY(!id.isEmpty());
        qt::ApplicationDocument form;
        form.setController(applicant.get());
        form.setRecordId(id);
        std::mt19937_64 rng(9);
        for (const auto& [key, value] :
             model::sampleApplication(rng, openCampaign(), {"150100", "W1", "呼和浩特市第一医院"})) {
            if (key != "campaign" && key != "unit_code")
                form.setValue(QString::fromStdString(key), qt::toVariant(value));
        }
        QCOMPARE(form.problems(), QStringList());
        QCOMPARE(form.act(QStringLiteral("submit"), {}), QString());
        QVERIFY(applicant->waiting() > 0);
        applicant->syncNow();
        QTRY_VERIFY_WITH_TIMEOUT(synced(*applicant) && !form.pending(), 20000);
        QCOMPARE(form.state(), QStringLiteral("submitted"));

        auto reviewer = signedIn("wang");
        qt::ApplicationListModel queue;
        queue.setController(reviewer.get());
        queue.setScope(QStringLiteral("unit"));
        queue.setAwaitingOnly(true);
        QTRY_COMPARE_WITH_TIMEOUT(queue.count(), 1, 20000);
        QCOMPARE(queue.idAt(0), id);
        qt::ApplicationDocument review;
        review.setController(reviewer.get());
        review.setRecordId(id);
        QCOMPARE(review.digest(), form.digest());
        QCOMPARE(review.act(QStringLiteral("unit_approve"), QStringLiteral("情况属实，同意推荐。")),
                 QString());
        reviewer->syncNow();
        QTRY_VERIFY_WITH_TIMEOUT(synced(*reviewer) && !review.pending(), 20000);
        QCOMPARE(review.state(), QStringLiteral("unit_approved"));
        QTRY_COMPARE_WITH_TIMEOUT(queue.count(), 0, 5000);

        applicant->syncNow();
        QTRY_COMPARE_WITH_TIMEOUT(form.state(), QStringLiteral("unit_approved"), 20000);
        const auto view = m_server.call("GET", "/v1/records/" + id.toStdString(), "", {},
                                        m_server.login("bateer", kPassword));
        QCOMPARE(view.status, 200);
        QCOMPARE(QString::fromStdString(view.json().at("state").as_string()), form.state());
        QCOMPARE(QString::fromStdString(view.json().at("digest").as_string()), form.digest());
        QCOMPARE(review.digest(), form.digest());
        QCOMPARE(review.history().size(), form.history().size());
    }

    void RSync3_ARefusedChangeComesBackAsANoticeWithItsReason()
    {
        auto applicant = signedIn("bateer");
        QTRY_VERIFY_WITH_TIMEOUT(synced(*applicant), 20000);
        const int before = applicant->notices().size();
        // Not this work unit's authority: the server refuses the new record at push.
        QVERIFY(!applicant->createApplication(QStringLiteral("150200"), QStringLiteral("visiting_scholar"))
                     .isEmpty());
        applicant->syncNow();
        QTRY_VERIFY_WITH_TIMEOUT(applicant->notices().size() == before + 1, 20000);
        const QVariantMap notice = applicant->notices().last().toMap();
        QVERIFY2(notice.value("reason").toString().contains(QStringLiteral("无权")),
                 qPrintable(notice.value("reason").toString()));
        QTRY_VERIFY_WITH_TIMEOUT(applicant->waiting() == 0, 20000);
    }

    void cleanupTestCase() { m_server.stop(); }
};

int main(int argc, char* argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    SyncEndToEndTest test;
    return QTest::qExec(&test, argc, argv);
}

#include "sync_e2e_test.moc"
