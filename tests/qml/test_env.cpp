#include "test_env.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QQmlEngine>
#include <app_controller.h>
#include <convert.h>
#include <random>
#include <tepei/model/kinds/application/application_kind.h>
#include <tepei/model/kinds/campaign/campaign_kind.h>
#include <tepei/model/kinds/leave/leave_kind.h>
#include <tepei/model/samples/samples.h>
#include <tepei/sync/codec.h>
#include <tepei/sync/ids.h>

using namespace tepei;

namespace {

class FakeTransport : public client::Transport {
public:
    explicit FakeTransport(client::Identity who) : m_who(std::move(who)) {}
    Result<client::HttpResponse> send(const client::HttpRequest& request) override
    {
        if (request.path == "/v1/register/applicant" && request.method == "POST")
            return client::HttpResponse{201, R"({"v":2,"userId":"u-new","status":"active"})", {}};
        if (request.path == "/v1/register/unit" && request.method == "POST")
            return client::HttpResponse{201, R"({"v":2,"orgCode":"wu-1","status":"pending"})", {}};
        if (request.path == "/v1/units/pending" && !request.token.empty())
            return client::HttpResponse{200, pendingUnits(), {}};
        if (request.path.rfind("/v1/units/", 0) == 0 && request.method == "POST" && !request.token.empty()) {
            decided(request.path);
            return client::HttpResponse{200, R"({"v":2,"status":"active"})", {}};
        }
        if (request.path.rfind("/v1/exports/summary.xlsx?campaign=", 0) == 0 && !request.token.empty())
            return client::HttpResponse{200, std::string("PK\x03\x04 fake xlsx", 16), {}};
        if (request.path != "/v1/login")
            return Error{"offline", "no network in this test", {}};
        sync::LoginReply reply;
        reply.token = "tok-test";
        reply.expiresAt = "2099-01-01T00:00:00Z";
        reply.userId = m_who.userId;
        reply.displayName = m_who.displayName;
        reply.role = m_who.role;
        reply.orgCode = m_who.orgCode;
        return client::HttpResponse{200, sync::encode(reply), {}};
    }
    std::size_t bytesSent() const override { return 0; }
    std::size_t bytesReceived() const override { return 0; }

private:
    // The registrations waiting for the authority until it decides on them (the decision holds for
    // every transport of the test run: a controller makes one per request).
    std::string pendingUnits() const
    {
        return m_decided ? R"({"v":2,"units":[]})"
                         : R"({"v":2,"units":[{"code":"wu-1","kind":"work_unit","name":"和林格尔县人民医院",)"
                           R"("parent":"150100","status":"pending","login":"hlge","displayName":"乌云",)"
                           R"("mobile":"13800000011"}]})";
    }
    void decided(const std::string&) { m_decided = true; }
    inline static std::atomic<bool> m_decided{false};

    client::Identity m_who;
};

model::Campaign testCampaign()
{
    return model::loadCampaign(TEPEI_DATA_DIR "/campaigns/2024.json").value();
}

// 10:00 in China (UTC+8) of a date, in ms since the epoch.
std::int64_t chinaMorningMs(const model::Date& date)
{
    return (model::toDayNumber(date) * 24 + 2) * 3600 * 1000;
}

sync::Change change(const std::string& author, const std::string& kind, const std::string& id,
                    sync::ChangeOp op, web::json::value payload)
{
    static std::int64_t clock = 1700000000000;
    sync::Change c;
    c.id = sync::newUuid();
    c.author = author;
    c.site = "server-seed";
    c.hlc = sync::Hlc{++clock, 0};
    c.recordKind = kind;
    c.recordId = id;
    c.op = op;
    c.payload = std::move(payload);
    return c;
}

web::json::value command(const char* name, const char* role)
{
    model::Command command;
    command.name = name;
    command.role = role;
    return command.toPayload();
}

qt::AppController* asController(QObject* object)
{
    return qobject_cast<qt::AppController*>(object);
}

} // namespace

TestEnv::TestEnv()
    : m_now(std::make_shared<std::atomic<std::int64_t>>(chinaMorningMs(model::Date{2024, 3, 1})))
{}

void TestEnv::setToday(const QString& isoDate)
{
    const auto date = model::parseDate(isoDate.toStdString());
    if (date)
        m_now->store(chinaMorningMs(*date));
}
TestEnv::~TestEnv() = default;

QObject* TestEnv::newController(const QString& role)
{
    auto dir = std::make_unique<QTemporaryDir>();
    const std::string org = role == QLatin1String("authority_reviewer")      ? "150100"
                            : role == QLatin1String("training_unit_officer") ? "T-PKU"
                            : role == QLatin1String("centre_officer")        ? "C00"
                                                                             : "W001";
    client::Identity who{"u-" + role.toStdString(), role.toStdString(), "", role.toStdString(), org};
    who.displayName = role == QLatin1String("applicant")               ? "巴特尔"
                      : role == QLatin1String("unit_reviewer")         ? "王审核"
                      : role == QLatin1String("training_unit_officer") ? "赵老师"
                                                                       : "李推荐";
    auto opened = qt::AppController::openReplica(dir->path(), [now = m_now] { return now->load(); });
    auto controller =
        std::make_unique<qt::AppController>(std::move(opened), [who](const client::ServerConfig&) {
            return std::make_shared<FakeTransport>(who);
        });
    controller->setServerUrl(QStringLiteral("http://tepei.test.invalid"));
    // Each person signs in on a replica of their own: the campaign arrives in it as the server's
    // first change.
    qt::AppController* raw = controller.get();
    connect(raw, &qt::AppController::sessionChanged, raw, [raw] {
        const auto replica = raw->replica();
        if (!replica || replica->withStore([](const client::LocalStore& st) { return st.pullCursor(); }) > 0)
            return;
        sync::ConfirmedChange confirmed{1,
                                        change("u-admin", model::kKindCampaign, "2024", sync::ChangeOp::Set,
                                               model::campaignPayload(testCampaign())),
                                        {}};
        (void)replica->withStore([&](client::LocalStore& st) {
            return st.applyPulled({model::PulledChange{confirmed, model::Verdict::accept()}}, 1);
        });
        raw->localChangeMade();
    });
    if (m_engine)
        connect(controller.get(), &qt::AppController::languageChanged, m_engine, &QQmlEngine::retranslate);
    QObject* out = controller.get();
    QQmlEngine::setObjectOwnership(out, QQmlEngine::CppOwnership); // owned here, not by the JS heap
    m_dirs.push_back(std::move(dir));
    m_controllers.push_back(std::move(controller));
    return out;
}

QStringList TestEnv::seed(QObject* object, int count, const QString& state, const QString& owner)
{
    auto* controller = asController(object);
    const model::Campaign campaign = testCampaign();
    std::vector<model::PulledChange> page;
    std::int64_t seq =
        controller->replica()->withStore([](const client::LocalStore& st) { return st.pullCursor(); });
    auto add = [&](sync::Change c) {
        page.push_back({sync::ConfirmedChange{++seq, std::move(c), {}}, model::Verdict::accept()});
    };
    QStringList ids;
    for (int i = 0; i < count; ++i) {
        std::mt19937_64 rng(static_cast<std::uint64_t>(++m_seeded));
        model::SampleOptions options{"150100", "W001", "呼和浩特市第一医院", true};
        model::FieldMap fields = model::sampleApplication(rng, campaign, options);
        fields["grassroots"] = web::json::value::boolean(i % 2 == 0);
        const std::string id = sync::newUuidString();
        const std::string author =
            owner.isEmpty() ? "u-seed-" + std::to_string(m_seeded) : owner.toStdString();
        add(change(author, model::kKindApplication, id, sync::ChangeOp::Set, model::toJson(fields)));
        if (state != QLatin1String("draft"))
            add(change(author, model::kKindApplication, id, sync::ChangeOp::Command,
                       command("submit", "applicant")));
        if (state == QLatin1String("unit_returned")) {
            auto giveBack = command("unit_return", "unit_reviewer");
            giveBack["comment"] = web::json::value::string("学习计划过于笼统，请写明每学期的课程与课题。");
            add(change("u-unit-reviewer", model::kKindApplication, id, sync::ChangeOp::Command, giveBack));
        }
        if (state == QLatin1String("unit_approved") || state == QLatin1String("authority_approved") ||
            state == QLatin1String("admitted")) {
            auto approve = command("unit_approve", "unit_reviewer");
            approve["comment"] = web::json::value::string("材料齐全，情况属实，同意推荐。");
            add(change("u-unit-reviewer", model::kKindApplication, id, sync::ChangeOp::Command, approve));
        }
        if (state == QLatin1String("authority_approved") || state == QLatin1String("admitted"))
            add(change("u-authority", model::kKindApplication, id, sync::ChangeOp::Command,
                       command("authority_approve", "authority_reviewer")));
        if (state == QLatin1String("admitted")) {
            auto admit = command("admit", "centre_officer");
            admit["training_unit"] = web::json::value::string("T-PKU");
            admit["major"] = web::json::value::string("草业科学");
            admit["start"] = web::json::value::string("2024-09-01");
            add(change("u-centre", model::kKindApplication, id, sync::ChangeOp::Command, admit));
        }
        ids.push_back(QString::fromStdString(id));
    }
    (void)controller->replica()->withStore([&](client::LocalStore& st) { return st.applyPulled(page, seq); });
    controller->localChangeMade();
    return ids;
}

QString TestEnv::seedLeave(QObject* object, const QString& applicationId, const QString& start,
                           const QString& end, const QString& owner)
{
    auto* controller = asController(object);
    std::int64_t seq =
        controller->replica()->withStore([](const client::LocalStore& st) { return st.pullCursor(); });
    web::json::value f = web::json::value::object();
    f[model::kLeaveApplication] = web::json::value::string(applicationId.toStdString());
    f[model::kLeaveType] = web::json::value::string("sick");
    f[model::kLeaveStart] = web::json::value::string(start.toStdString());
    f[model::kLeaveEnd] = web::json::value::string(end.toStdString());
    f[model::kLeaveReason] = web::json::value::string("发烧住院");
    const std::string id = sync::newUuidString();
    std::vector<model::PulledChange> page{
        {sync::ConfirmedChange{
             ++seq, change(owner.toStdString(), model::kKindLeave, id, sync::ChangeOp::Set, f), {}},
         model::Verdict::accept()}};
    (void)controller->replica()->withStore([&](client::LocalStore& st) { return st.applyPulled(page, seq); });
    controller->localChangeMade();
    return QString::fromStdString(id);
}

void TestEnv::seedCampaign(QObject* object, const QString& id, int year)
{
    auto* controller = asController(object);
    model::Campaign campaign = testCampaign();
    campaign.id = id.toStdString();
    campaign.year = year;
    campaign.title = std::to_string(year) + "年度“内蒙古少数民族地区专业技术人才特殊培养计划”";
    campaign.titleEn = std::to_string(year) + " Special Training Programme";
    campaign.deadline = model::addMonths(campaign.deadline, 12 * (year - 2024));
    std::int64_t seq =
        controller->replica()->withStore([](const client::LocalStore& st) { return st.pullCursor(); });
    std::vector<model::PulledChange> page{
        {sync::ConfirmedChange{++seq,
                               change("u-admin", model::kKindCampaign, campaign.id, sync::ChangeOp::Set,
                                      model::campaignPayload(campaign)),
                               {}},
         model::Verdict::accept()}};
    (void)controller->replica()->withStore([&](client::LocalStore& st) { return st.applyPulled(page, seq); });
    controller->localChangeMade();
}

void TestEnv::seedTrainingUnitApproval(QObject* object, const QString& leaveId)
{
    auto* controller = asController(object);
    model::Command approve;
    approve.name = model::kLeaveApprove;
    approve.role = "training_unit_officer";
    approve.comment = "同意，请按时返校。";
    std::int64_t seq = 0;
    controller->replica()->withStore([&](const client::LocalStore& st) {
        seq = st.pullCursor();
        if (const model::LeaveRequest* leave = model::findLeave(st.tentative(), leaveId.toStdString()))
            approve.digest = model::leaveDigest(*leave);
    });
    std::vector<model::PulledChange> page{
        {sync::ConfirmedChange{++seq,
                               change("u-training_unit_officer", model::kKindLeave, leaveId.toStdString(),
                                      sync::ChangeOp::Command, approve.toPayload()),
                               {}},
         model::Verdict::accept()}};
    (void)controller->replica()->withStore([&](client::LocalStore& st) { return st.applyPulled(page, seq); });
    controller->localChangeMade();
}

void TestEnv::clear()
{
    m_controllers.clear();
    m_dirs.clear();
}

int TestEnv::outboxSize(QObject* controller) const
{
    return static_cast<int>(asController(controller)->replica()->withStore([](const client::LocalStore& st) {
        return st.outboxSize();
    }));
}

QVariantMap TestEnv::lastOutboxChange(QObject* controller) const
{
    const auto outbox = asController(controller)->replica()->withStore([](const client::LocalStore& st) {
        return st.outbox();
    });
    if (outbox.empty())
        return {};
    const sync::Change& c = outbox.back();
    return {{"op", QString::fromLatin1(sync::toString(c.op))},
            {"recordId", QString::fromStdString(c.recordId)},
            {"payload", qt::toVariant(c.payload)}};
}

QString TestEnv::digestOf(QObject* controller, const QString& recordId) const
{
    return asController(controller)->replica()->withStore([&](const client::LocalStore& st) {
        const model::Application* app = model::findApplication(st.tentative(), recordId.toStdString());
        return app ? QString::fromStdString(model::contentDigest(*app)) : QString();
    });
}

int TestEnv::fieldCount() const
{
    return static_cast<int>(model::applicationFields().size());
}

QVariantMap TestEnv::sampleFields() const
{
    std::mt19937_64 rng(4242);
    QVariantMap out;
    for (const auto& [key, value] :
         model::sampleApplication(rng, testCampaign(), {"150100", "W001", "锡林郭勒盟畜牧工作站", true}))
        out.insert(QString::fromStdString(key), qt::toVariant(value));
    out.remove(QStringLiteral("campaign"));
    out.remove(QStringLiteral("unit_code"));
    return out;
}

QString TestEnv::screenshotPath(const QString& name) const
{
    const QString dir = QStringLiteral(TEPEI_BINARY_DIR "/screenshots");
    QDir().mkpath(dir);
    return dir + QLatin1Char('/') + name + QStringLiteral(".png");
}

QString TestEnv::tempPath(const QString& name) const
{
    const QString dir = QStringLiteral(TEPEI_BINARY_DIR "/tests/qml/output");
    QDir().mkpath(dir);
    return dir + QLatin1Char('/') + name;
}

QString TestEnv::writeFile(const QString& name, int bytes) const
{
    const QString path = tempPath(name);
    QFile file(path);
    if (file.open(QIODevice::WriteOnly))
        file.write(QByteArray(bytes, 'x'));
    return path;
}

qint64 TestEnv::fileSize(const QString& path) const
{
    return QFileInfo(path).size();
}

QString TestEnv::writeXlsx(const QString& name, const QVariantList& rows) const
{
    const QString path = tempPath(name);
    QProcess p;
    p.start(QStringLiteral("/usr/bin/python3"),
            {QStringLiteral("-c"),
             QStringLiteral("import datetime, json, openpyxl, sys\n"
                            "wb = openpyxl.Workbook(); ws = wb.active\n"
                            "for r, row in enumerate(json.loads(sys.argv[2]), start=1):\n"
                            "    for c, v in enumerate(row, start=1):\n"
                            "        if isinstance(v, str) and v.startswith('date:'):\n"
                            "            v = datetime.datetime.strptime(v[5:], '%Y-%m-%d')\n"
                            "        if v is not None: ws.cell(row=r, column=c, value=v)\n"
                            "wb.save(sys.argv[1])\n"),
             path, QString::fromStdString(qt::toJson(rows).serialize())});
    if (!p.waitForFinished(30000) || p.exitCode() != 0) {
        qWarning("openpyxl failed: %s", p.readAllStandardError().constData());
        return {};
    }
    return path;
}

QString TestEnv::pdfText(const QString& path) const
{
    QProcess p;
    p.start(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), path, QStringLiteral("-")});
    p.waitForFinished(30000);
    return QString::fromUtf8(p.readAllStandardOutput());
}

QStringList TestEnv::runtimePackagesNotDeclared() const
{
    QFile maps(QStringLiteral("/proc/self/maps"));
    if (!maps.open(QIODevice::ReadOnly))
        return {QStringLiteral("(cannot read /proc/self/maps)")};
    QStringList loaded;
    for (const QByteArray& line : maps.readAll().split('\n')) {
        const QString path = QString::fromLocal8Bit(line.mid(line.indexOf('/')));
        if (line.contains('/') && (path.contains(QLatin1String("/qt6/qml/")) ||
                                   path.startsWith(QLatin1String("/usr/share/fonts/"))))
            loaded.append(QFileInfo(path).canonicalFilePath());
    }
    loaded.removeDuplicates();
    loaded.removeAll(QString());
    QProcess dpkg;
    dpkg.start(QStringLiteral("dpkg"), QStringList{QStringLiteral("-S")} + loaded);
    if (loaded.isEmpty() || !dpkg.waitForFinished(60000))
        return {QStringLiteral("(no QML module loaded, or dpkg -S did not answer)")};
    QStringList owners;
    for (const QString& line : QString::fromLocal8Bit(dpkg.readAllStandardOutput()).split('\n')) {
        const QString package = line.section(QLatin1Char(':'), 0, 0).trimmed();
        if (!package.isEmpty() && !package.contains(QLatin1Char(',')))
            owners.append(package);
    }
    QFile declared(QStringLiteral(TEPEI_SOURCE_DIR "/installer/client-runtime-packages"));
    if (!declared.open(QIODevice::ReadOnly))
        return {QStringLiteral("(cannot read installer/client-runtime-packages)")};
    const QStringList listed = QString::fromUtf8(declared.readAll()).split(QLatin1Char('\n'));
    QStringList missing;
    for (const QString& package : owners) {
        if (!listed.contains(package) && !missing.contains(package))
            missing.append(package);
    }
    missing.sort();
    return missing;
}
