// Issue #12 (R-QUO-1, R-QUO-3, R-ORG-3): the centre's journey on the real client stack (AppController,
// SyncEngine, HTTP transport, the centre's view models) against the real tepei-server. The centre
// moves a place away from 呼和浩特市; the authority sees the new allocation and its third approval
// is refused as over the quota; a cut below what it approved is refused on the centre's device
// with nothing queued; the centre admits from a pasted table where one row names a training unit
// the campaign does not have (refused, nothing queued for it) and the other is admitted; the
// server's record view and the training unit's replica show the admission; the tables the centre
// exports through the client (附件1, 附件2, the funding plan, the admitted trainees), read back by
// openpyxl, agree.
#include "client_e2e.h"
#include "programme.h"
#include "server_fixture.h"

#include <QGuiApplication>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <app_controller.h>
#include <application_document.h>
#include <centre_admission.h>
#include <centre_dashboard.h>
#include <convert.h>
#include <fstream>
#include <random>
#include <tepei/client/account/account.h>
#include <tepei/client/sync/sync_engine.h>
#include <tepei/model/kinds/application/application_kind.h>
#include <tepei/model/kinds/campaign/campaign_kind.h>
#include <tepei/model/samples/samples.h>

using namespace tepei;

namespace {
const std::string kPassword = "Grass-Sea-2024";

using test::http;

// A number of the centre's consolidation table: `column` of `authority`'s row.
int cell(const qt::CentreDashboard& dashboard, const QString& authority, const char* column = "allocation")
{
    for (const QVariant& row : dashboard.rows()) {
        if (row.toMap().value("authority") == authority)
            return row.toMap().value(column).toInt();
    }
    return -1;
}
// The first sheet of an .xlsx as openpyxl (a reader that is not the project's) reads it: one
// line per row, cells joined by '|', trailing empty cells dropped.
QStringList openpyxlRows(const QString& path)
{
    QProcess python;
    python.start(QStringLiteral("/usr/bin/python3"),
                 {QStringLiteral("-c"),
                  QStringLiteral("import openpyxl,sys\n"
                                 "ws = openpyxl.load_workbook(sys.argv[1]).worksheets[0]\n"
                                 "for row in ws.iter_rows(values_only=True):\n"
                                 "    cells = ['' if v is None else str(v) for v in row]\n"
                                 "    while cells and not cells[-1]: cells.pop()\n"
                                 "    print('|'.join(cells))\n"),
                  path});
    if (!python.waitForFinished(30000) || python.exitCode() != 0)
        return {QStringLiteral("openpyxl failed: ") + QString::fromUtf8(python.readAllStandardError())};
    return QString::fromUtf8(python.readAllStandardOutput()).split(QLatin1Char('\n'));
}

// The centre's export through the client (AppController::exportTable): the file's path, or "".
QString exported(qt::AppController& c, const QString& table, const QString& path)
{
    QSignalSpy finished(&c, &qt::AppController::exportFinished);
    c.exportTable(table, QString(), path);
    if (!finished.wait(20000) || !finished.at(0).at(0).toBool()) {
        qWarning() << "export failed:" << (finished.isEmpty() ? QString() : finished.at(0).at(1).toString());
        return {};
    }
    return finished.at(0).at(2).toString();
}
} // namespace

class CentreEndToEndTest : public QObject {
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
            qWarning() << "sign-in failed:" << login;
        return c;
    }

    static bool synced(qt::AppController& c)
    {
        return c.syncPhase() == QLatin1String("synced") && c.waiting() == 0;
    }

    static void syncUp(qt::AppController& c)
    {
        c.syncNow();
        QTRY_VERIFY_WITH_TIMEOUT(synced(c), 20000);
    }

    // An applicant's complete application, submitted and uploaded; returns its id.
    QString apply(const QString& login, std::uint64_t seed)
    {
        auto c = signedIn(login);
        [&] { QTRY_VERIFY_WITH_TIMEOUT(c->campaignId() == QLatin1String("2024"), 20000); }();
        const QString id = c->createApplication(QStringLiteral("150100"), QStringLiteral("visiting_scholar"));
        qt::ApplicationDocument form;
        form.setController(c.get());
        form.setRecordId(id);
        std::mt19937_64 rng(seed);
        for (const auto& [key, value] : model::sampleApplication(rng, test::openCampaign2024(),
                                                                 {"150100", "W1", "呼和浩特市第一医院"})) {
            if (key != "campaign" && key != "unit_code")
                form.setValue(QString::fromStdString(key), qt::toVariant(value));
        }
        if (!form.act(QStringLiteral("submit"), {}).isEmpty())
            return {};
        syncUp(*c);
        return id;
    }

    // The decision of `c` on each record; returns the messages ("" where accepted).
    static QStringList decide(qt::AppController& c, const QStringList& ids, const QString& action)
    {
        QStringList out;
        for (const QString& id : ids) {
            qt::ApplicationDocument doc;
            doc.setController(&c);
            doc.setRecordId(id);
            out << doc.act(action, QStringLiteral("同意。"));
        }
        return out;
    }

    test::TestServer m_server;
    std::vector<std::unique_ptr<QTemporaryDir>> m_dirs;

private slots:
    void initTestCase()
    {
        const auto orgs = m_server.dir() / "orgs.json";
        std::ofstream(orgs) << R"([{"code":"C00","kind":"centre","name":"自治区人事人才公共服务中心"},
            {"code":"150100","kind":"authority","name":"呼和浩特市","parent":"C00"},
            {"code":"150200","kind":"authority","name":"包头市","parent":"C00"},
            {"code":"W1","kind":"work_unit","name":"呼和浩特市第一医院","parent":"150100"},
            {"code":"T-PKU","kind":"training_unit","name":"北京大学"}])";
        QCOMPARE(m_server.admin({"init"}), 0);
        QCOMPARE(m_server.admin({"org", "import", orgs.string()}), 0);
        for (auto [login, role, org] :
             {std::tuple{"zhongxin", "centre_officer", "C00"},
              std::tuple{"hh", "authority_reviewer", "150100"}, std::tuple{"wang", "unit_reviewer", "W1"},
              std::tuple{"pku", "training_unit_officer", "T-PKU"}, std::tuple{"a1", "applicant", "W1"},
              std::tuple{"a2", "applicant", "W1"}, std::tuple{"a3", "applicant", "W1"}})
            QCOMPARE(m_server.admin(
                         {"user", "add", "--login", login, "--role", role, "--org", org, "--name", login},
                         kPassword),
                     0);
        QVERIFY2(m_server.start(), m_server.log().c_str());
        // The centre publishes the campaign through the same client core.
        QCOMPARE(
            test::publishCampaignThroughTheClient(m_server, "zhongxin", kPassword, test::openCampaign2024()),
            std::string());
    }

    void RQuo1_RQuo3_AllocationApprovalsAndAdmissionFromATable()
    {
        // The centre moves one of 呼和浩特市's 3 places to 包头市.
        auto centre = signedIn(QStringLiteral("zhongxin"));
        QTRY_VERIFY_WITH_TIMEOUT(synced(*centre), 20000);
        qt::CentreDashboard dashboard;
        dashboard.setController(centre.get());
        QCOMPARE(cell(dashboard, QStringLiteral("150100")), 3);
        QCOMPARE(dashboard.saveAllocation({QVariantMap{{"authority", "150100"}, {"places", 2}},
                                           QVariantMap{{"authority", "150200"}, {"places", 4}}}),
                 QString());
        syncUp(*centre);
        QCOMPARE(centre->notices().size(), 0);

        // Three applications; the unit approves them; the authority sees 2 places and its third
        // approval is refused as over the quota.
        QStringList ids;
        for (int i = 1; i <= 3; ++i)
            ids << apply(QStringLiteral("a%1").arg(i), 40 + i);
        QVERIFY(!ids.contains(QString()));
        auto unit = signedIn(QStringLiteral("wang"));
        QTRY_VERIFY_WITH_TIMEOUT(synced(*unit), 20000);
        QCOMPARE(decide(*unit, ids, QStringLiteral("unit_approve")), QStringList({"", "", ""}));
        syncUp(*unit);
        auto authority = signedIn(QStringLiteral("hh"));
        QTRY_VERIFY_WITH_TIMEOUT(synced(*authority), 20000);
        QCOMPARE(authority->quota(QStringLiteral("150100")).value("allocation").toInt(), 2);
        const QStringList verdicts = decide(*authority, ids, QStringLiteral("authority_approve"));
        QCOMPARE(verdicts.mid(0, 2), QStringList({"", ""}));
        QVERIFY2(verdicts[2].contains(QStringLiteral("名额已全部审核通过")), qPrintable(verdicts[2]));
        syncUp(*authority);

        // Below what was approved: refused on the centre's device, nothing queued.
        centre->syncNow();
        QTRY_COMPARE_WITH_TIMEOUT(cell(dashboard, QStringLiteral("150100"), "approved"), 2, 20000);
        const QString cut = dashboard.saveAllocation({QVariantMap{{"authority", "150100"}, {"places", 1}},
                                                      QVariantMap{{"authority", "150200"}, {"places", 5}}});
        QVERIFY2(cut.contains(QStringLiteral("已审核通过 2 人")), qPrintable(cut));
        QCOMPARE(centre->waiting(), 0);

        // Admission from a pasted table: one row refused (not a training unit of the campaign).
        qt::CentreAdmission admission;
        admission.setController(centre.get());
        QCOMPARE(admission.candidates().size(), 2);
        const QVariantMap first = admission.candidates().at(0).toMap();
        const QVariantMap second = admission.candidates().at(1).toMap();
        admission.judge(
            QStringLiteral("身份证号\t培养单位\t培养专业\t开始日期\n%1\t北京大学\t草业科学\t2024-09-01\n"
                           "%2\t北京某学院\t畜牧学\t2024-09-01\n")
                .arg(first.value("idNumber").toString(), second.value("idNumber").toString()));
        QCOMPARE(admission.previewAccepted(), 1);
        QVERIFY2(admission.preview().at(1).toMap().value("message").toString().contains(
                     QStringLiteral("北京某学院")),
                 qPrintable(admission.preview().at(1).toMap().value("message").toString()));
        const QVariantList done = admission.admitPreviewed();
        QCOMPARE(done.at(0).toMap().value("ok").toBool(), true);
        QCOMPARE(done.at(1).toMap().value("ok").toBool(), false);
        QCOMPARE(centre->waiting(), 1);
        syncUp(*centre);
        QCOMPARE(centre->notices().size(), 0);

        const std::string token = m_server.login("zhongxin", kPassword);
        const auto admitted = m_server.call(
            "GET", "/v1/records/" + first.value("recordId").toString().toStdString(), "", {}, token);
        QCOMPARE(admitted.status, 200);
        QCOMPARE(QString::fromStdString(admitted.json().at("state").as_string()), QStringLiteral("admitted"));
        const auto waiting = m_server.call(
            "GET", "/v1/records/" + second.value("recordId").toString().toStdString(), "", {}, token);
        QCOMPARE(QString::fromStdString(waiting.json().at("state").as_string()),
                 QStringLiteral("authority_approved"));

        // The training unit now holds its trainee, and only that one.
        auto pku = signedIn(QStringLiteral("pku"));
        QTRY_VERIFY_WITH_TIMEOUT(synced(*pku), 20000);
        const auto held = pku->replica()->withStore([](const client::LocalStore& st) {
            std::vector<std::string> out;
            for (const auto& [id, app] : model::applications(st.tentative()))
                out.push_back(id + ":" + (app.admission ? app.admission->trainingUnit : std::string()));
            return out;
        });
        QCOMPARE(held, std::vector<std::string>{first.value("recordId").toString().toStdString() + ":T-PKU"});

        // The tables, exported through the client and read back by openpyxl: 附件1 shows the new
        // allocation (and the third application still awaiting the authority, refused as over
        // the quota); 附件2 the two approved applicants; the funding plan the one trainee.
        QTemporaryDir out;
        const QStringList quota = openpyxlRows(exported(*centre, "quota", out.filePath("quota.xlsx")));
        QVERIFY2(quota.contains(QStringLiteral("1|呼和浩特市|2|2|1|0")), qPrintable(quota.join("\n")));
        QVERIFY2(quota.contains(QStringLiteral("2|包头市|4|0|0|4")), qPrintable(quota.join("\n")));
        const QStringList summary = openpyxlRows(exported(*centre, "summary", out.filePath("summary.xlsx")));
        const auto rowsNaming = [](const QStringList& rows, const QString& name) {
            return std::count_if(rows.begin(), rows.end(),
                                 [&](const QString& r) { return r.split('|').contains(name); });
        };
        QCOMPARE(rowsNaming(summary, first.value("name").toString()), 1);
        QCOMPARE(rowsNaming(summary, second.value("name").toString()), 1);
        const QStringList funding = openpyxlRows(exported(*centre, "funding", out.filePath("funding.xlsx")));
        QCOMPARE(rowsNaming(funding, first.value("name").toString()), 1);
        QCOMPARE(rowsNaming(funding, second.value("name").toString()), 0);
        QVERIFY2(funding.join("\n").contains(QStringLiteral("北京大学")), qPrintable(funding.join("\n")));
        // The admitted trainees, cell by cell: the one trainee, where, what and when.
        const QStringList admittedRows =
            openpyxlRows(exported(*centre, "admitted", out.filePath("admitted.xlsx")));
        QCOMPARE(rowsNaming(admittedRows, second.value("name").toString()), 0);
        const auto trainee = std::find_if(admittedRows.begin(), admittedRows.end(), [](const QString& r) {
            return r.startsWith(QStringLiteral("1|"));
        });
        QVERIFY2(trainee != admittedRows.end(), qPrintable(admittedRows.join("\n")));
        const QStringList cells = trainee->split('|');
        QCOMPARE(cells.size(), 12);
        QCOMPARE(cells[1], first.value("name").toString());
        QVERIFY2(cells[2] == QStringLiteral("男") || cells[2] == QStringLiteral("女"), qPrintable(cells[2]));
        QCOMPARE(cells[4], first.value("idNumber").toString());
        QCOMPARE(cells[5], QStringLiteral("呼和浩特市"));
        QCOMPARE(cells[6], QStringLiteral("呼和浩特市第一医院"));
        QCOMPARE(cells.mid(7), QStringList({QStringLiteral("北京大学"), QStringLiteral("草业科学"),
                                            "2024-09-01", "2025-08-31", QStringLiteral("已录取")}));
        QCOMPARE(admittedRows.at(2).split('|').at(1), QStringLiteral("姓名")); // the header row
    }

    // Issue #12 item 8 (R-ORG-3): a work unit registers from the client; its authority, in its
    // client, sees who registered it and approves it, and the unit's reviewer signs in; a second
    // registration is refused with a reason and its account is told it was not approved.
    void ROrg3_AWorkUnitRegistersAndItsAuthorityDecidesInTheClient()
    {
        m_dirs.push_back(std::make_unique<QTemporaryDir>());
        qt::AppController device(
            qt::AppController::openReplica(m_dirs.back()->path(), sync::systemWallClock()), http);
        device.setServerUrl(QString::fromStdString(m_server.baseUri()));
        QSignalSpy registered(&device, &qt::AppController::registerFinished);
        device.registerUnit("hlge", QString::fromStdString(kPassword), "乌云", "13800000011",
                            "和林格尔县人民医院", "150100");
        QVERIFY(registered.wait(20000));
        QVERIFY2(registered.at(0).at(0).toBool(), qPrintable(registered.at(0).at(1).toString()));
        device.registerUnit("tkt", QString::fromStdString(kPassword), "托娅", "13800000012", "托克托县某单位",
                            "150100");
        QVERIFY(registered.wait(20000));
        QVERIFY(registered.at(1).at(0).toBool());

        auto authority = signedIn(QStringLiteral("hh"));
        QVERIFY(authority->signedIn());
        QSignalSpy loaded(authority.get(), &qt::AppController::pendingUnitsLoaded);
        authority->loadPendingUnits();
        QVERIFY(loaded.wait(20000));
        QCOMPARE(loaded.at(0).at(1).toString(), QString());
        QVariantMap hlge, tkt;
        for (const QVariant& unit : loaded.at(0).at(0).toList()) {
            (unit.toMap().value("login") == "hlge" ? hlge : tkt) = unit.toMap();
        }
        QCOMPARE(hlge.value("name").toString(), QStringLiteral("和林格尔县人民医院"));
        QCOMPARE(hlge.value("displayName").toString(), QStringLiteral("乌云"));
        QCOMPARE(tkt.value("login").toString(), QStringLiteral("tkt"));

        QSignalSpy decided(authority.get(), &qt::AppController::unitDecided);
        authority->decideUnit(hlge.value("code").toString(), true, {});
        QVERIFY(decided.wait(20000));
        QVERIFY2(decided.at(0).at(0).toBool(), qPrintable(decided.at(0).at(1).toString()));
        authority->decideUnit(tkt.value("code").toString(), false,
                              QStringLiteral("单位名称不完整，请核对后重新注册"));
        QVERIFY(decided.wait(20000));
        QVERIFY2(decided.at(1).at(0).toBool(), qPrintable(decided.at(1).at(1).toString()));

        auto reviewer = signedIn(QStringLiteral("hlge"));
        QVERIFY(reviewer->signedIn());
        QCOMPARE(reviewer->role(), QStringLiteral("unit_reviewer"));
        m_dirs.push_back(std::make_unique<QTemporaryDir>());
        qt::AppController refused(
            qt::AppController::openReplica(m_dirs.back()->path(), sync::systemWallClock()), http);
        refused.setServerUrl(QString::fromStdString(m_server.baseUri()));
        QSignalSpy finished(&refused, &qt::AppController::signInFinished);
        refused.signIn("tkt", QString::fromStdString(kPassword), true);
        QVERIFY(finished.wait(20000));
        QCOMPARE(finished.at(0).at(0).toBool(), false);
        QVERIFY2(finished.at(0).at(1).toString().contains(QStringLiteral("注册未通过推荐单位审核")),
                 qPrintable(finished.at(0).at(1).toString()));
    }
};

int main(int argc, char* argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    CentreEndToEndTest test;
    return QTest::qExec(&test, argc, argv);
}

#include "centre_e2e_test.moc"
