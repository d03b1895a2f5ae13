#include "app_controller.h"

#include "background.h"
#include "convert.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QLibraryInfo>
#include <QUrl>
#include <array>
#include <tepei/client/account/account.h>
#include <tepei/client/store/record_summaries.h>
#include <tepei/model/kinds/application/application_kind.h>
#include <tepei/model/kinds/campaign/campaign_kind.h>
#include <tepei/model/reference/reference.h>
#include <tepei/sync/hlc.h>

namespace tepei::qt {

namespace {
constexpr const char* kServerKey = "setting:server_url";
constexpr const char* kCaKey = "setting:ca_file";
constexpr const char* kLanguageKey = "setting:language";
constexpr qint64 kSlowAnswerSeconds = 8; // a sync cycle longer than this is shown as waiting
} // namespace

// The sync thread posts statuses through this; the controller detaches it before it dies, so a
// status published during teardown is dropped instead of reaching a destroyed object.
struct AppController::Relay {
    std::mutex mutex;
    AppController* target = nullptr;

    void post(const client::SyncStatus& status)
    {
        std::lock_guard lock(mutex);
        if (target) {
            AppController* to = target;
            QMetaObject::invokeMethod(
                to, [to, status] { to->onSyncStatus(status); }, Qt::QueuedConnection);
        }
    }
};

AppController::OpenedReplica AppController::openReplica(const QString& dataDir, sync::WallClock wall)
{
    QDir().mkpath(dataDir);
    auto replica = client::ClientReplica::open(s(QDir(dataDir).filePath("replica.sqlite")), wall);
    if (!replica) {
        return {nullptr,
                QStringLiteral("无法打开本机数据（%1）：%2。请检查数据目录 %3 是否可写。")
                    .arg(q(replica.error().code), q(replica.error().message), dataDir),
                dataDir, std::move(wall)};
    }
    return {std::shared_ptr<client::ClientReplica>(std::move(replica).value()), {}, dataDir, std::move(wall)};
}

QString AppController::userDataDir(const QString& dataDir, const QString& login)
{
    // Percent-encoded so that any login names one folder of its own ("." too: never ".." or "/").
    const QByteArray name = QUrl::toPercentEncoding(login, {}, QByteArrayLiteral("."));
    return QDir(dataDir).filePath(QStringLiteral("users/") + QString::fromLatin1(name));
}

AppController::AppController(OpenedReplica opened, TransportFactory transports, QObject* parent)
    : QObject(parent), m_transports(std::move(transports)), m_relay(std::make_shared<Relay>())
{
    m_relay->target = this;
    m_waitTicker.setInterval(1000);
    connect(&m_waitTicker, &QTimer::timeout, this, &AppController::syncChanged);
    m_openError = std::move(opened.error);
    m_device = std::move(opened.replica);
    m_dataDir = std::move(opened.dataDir);
    m_wall = std::move(opened.wall);
    if (!m_device)
        return;
    m_serverUrl = setting(kServerKey);
    m_caFile = setting(kCaKey);
    const bool english = setting(kLanguageKey) == QLatin1String("en");
    m_english = !english; // so that setLanguage installs the catalogues of the language saved
    setLanguage(english ? QStringLiteral("en") : QStringLiteral("zh"));
    m_status.message = "idle";
    refreshFromStore();
}

AppController::~AppController()
{
    stopSync();
}

QString AppController::setting(const char* key) const
{
    if (!m_device)
        return {};
    return q(m_device->withStore([&](const client::LocalStore& st) { return st.meta(key).value_or(""); }));
}

void AppController::saveSetting(const char* key, const QString& value)
{
    if (m_device)
        (void)m_device->withStore([&](client::LocalStore& st) { return st.setMeta(key, s(value)); });
}

std::optional<client::Identity> AppController::identity() const
{
    if (!m_session)
        return std::nullopt;
    return m_session->identity;
}

QString AppController::role() const
{
    return m_session ? q(m_session->identity.role) : QString();
}

QString AppController::roleLabel() const
{
    const auto r = m_session ? model::roleFromString(m_session->identity.role) : std::nullopt;
    if (!r)
        return {};
    return QString::fromUtf8(m_english ? model::labelEn(*r) : model::labelZh(*r));
}

QString AppController::displayName() const
{
    return m_session ? q(m_session->identity.displayName) : QString();
}

QString AppController::userId() const
{
    return m_session ? q(m_session->identity.userId) : QString();
}

QString AppController::orgCode() const
{
    return m_session ? q(m_session->identity.orgCode) : QString();
}

QString AppController::orgName() const
{
    return organisationName(orgCode());
}

QString AppController::organisationName(const QString& code) const
{
    const model::Organisation* org = model::findOrganisation(s(code));
    if (!org)
        return code;
    return q(m_english ? org->en : org->zh);
}

QString AppController::personName(const QString& userId) const
{
    if (m_session && s(userId) == m_session->identity.userId)
        return q(m_session->identity.displayName);
    const auto it = m_directory.find(s(userId));
    if (it != m_directory.end() && !it->second.displayName.empty())
        return q(it->second.displayName);
    return pick(QStringLiteral("用户 %1"), QStringLiteral("user %1")).arg(userId.left(8));
}

QString AppController::personLabel(const QString& userId) const
{
    const std::string id = s(userId);
    const auto it = m_directory.find(id);
    QString org;
    if (m_session && id == m_session->identity.userId)
        org = organisationName(q(m_session->identity.orgCode));
    else if (it != m_directory.end()) // the reference names the region's organisations; the server the rest
        org = model::findOrganisation(it->second.orgCode) || it->second.orgName.empty()
                  ? organisationName(q(it->second.orgCode))
                  : q(it->second.orgName);
    return org.isEmpty()
               ? personName(userId)
               : pick(QStringLiteral("%1（%2）"), QStringLiteral("%1 (%2)")).arg(personName(userId), org);
}

QString AppController::stateLabel(const QString& state) const
{
    const auto st = model::appStateFromString(s(state));
    if (!st)
        return state;
    return QString::fromUtf8(m_english ? model::labelEn(*st) : model::labelZh(*st));
}

void AppController::setServerUrl(const QString& url)
{
    const QString trimmed = url.trimmed();
    if (trimmed == m_serverUrl)
        return;
    m_serverUrl = trimmed;
    saveSetting(kServerKey, trimmed);
    emit settingsChanged();
}

void AppController::setCaFile(const QString& path)
{
    QString local = path.startsWith(QLatin1String("file:")) ? QUrl(path).toLocalFile() : path.trimmed();
    if (local == m_caFile)
        return;
    m_caFile = local;
    saveSetting(kCaKey, local);
    emit settingsChanged();
}

void AppController::setLanguage(const QString& language)
{
    const bool english = language == QLatin1String("en");
    QCoreApplication::removeTranslator(&m_translator);
    if (english && m_translator.load(QStringLiteral(":/i18n/tepei_en.qm")))
        QCoreApplication::installTranslator(&m_translator);
    // Our strings are Chinese in the sources; Qt's own (OK, Cancel, File name, ...) are English
    // unless its Chinese catalogues (qt6-translations-l10n, a dependency of the package) are loaded.
    // Like the language, they are the process's (the application's translators).
    static std::array<QTranslator, 2> qtChinese;
    const QString qtCatalogues = QLibraryInfo::path(QLibraryInfo::TranslationsPath);
    const std::array<const char*, 2> catalogues{"qtbase_zh_CN", "qtdeclarative_zh_CN"};
    for (std::size_t i = 0; i < catalogues.size(); ++i) {
        QCoreApplication::removeTranslator(&qtChinese[i]);
        if (!english && qtChinese[i].load(QString::fromLatin1(catalogues[i]), qtCatalogues))
            QCoreApplication::installTranslator(&qtChinese[i]);
    }
    const bool changed = english != m_english;
    m_english = english;
    saveSetting(kLanguageKey, language);
    refreshNotices();
    if (changed) {
        emit languageChanged();
        emit sessionChanged();
        emit syncChanged();
        emit revisionChanged();
    }
}

void AppController::setBusy(bool busy)
{
    if (busy != m_busy) {
        m_busy = busy;
        emit busyChanged();
    }
}

std::shared_ptr<client::Transport> AppController::transport() const
{
    client::ServerConfig config;
    config.baseUrl = s(m_serverUrl);
    config.caFile = s(m_caFile);
    return m_transports(config);
}

std::shared_ptr<client::ClientReplica> AppController::openedReplicaOf(const std::string& login) const
{
    if (const auto it = m_userReplicas.find(login); it != m_userReplicas.end())
        return it->second;
    // Before replicas were kept per person, the device's own replica held the data of whoever
    // signed in on it: it stays that person's (their outbox and cursor are in it).
    const auto legacy = m_device ? m_device->identity() : std::nullopt;
    if (legacy && legacy->login == login)
        return m_device;
    return nullptr;
}

namespace {

struct SignedIn {
    Result<client::Session> session;
    std::shared_ptr<client::ClientReplica> replica;
};

// Signs `login` in on their own replica (opened from, or created in, `dir` unless `known`). An
// offline sign-in never creates one, and a failed sign-in leaves no folder it created behind.
SignedIn signInOnReplica(std::shared_ptr<client::ClientReplica> known, const QString& dir,
                         const sync::WallClock& wall, const std::shared_ptr<client::Transport>& transport,
                         const std::string& login, const std::string& password)
{
    std::shared_ptr<client::ClientReplica> replica = std::move(known);
    const bool created = !replica && !QFile::exists(QDir(dir).filePath("replica.sqlite"));
    if (!replica) {
        if (created && !transport)
            return {client::offlineLoginUnavailable(login), nullptr};
        auto opened = AppController::openReplica(dir, wall);
        if (!opened.replica)
            return {Error{"storage_error", s(opened.error), {}}, nullptr};
        replica = std::move(opened.replica);
    }
    auto session = transport ? client::signInOnline(*transport, *replica, login, password)
                             : client::signInOffline(*replica, login, password);
    if (!session && created) {
        replica.reset();
        QDir(dir).removeRecursively();
    }
    return {std::move(session), std::move(replica)};
}

} // namespace

void AppController::signIn(const QString& login, const QString& password, bool online)
{
    if (!m_device || m_busy)
        return;
    if (online && m_serverUrl.isEmpty()) {
        emit signInFinished(false,
                            pick(QStringLiteral("请先填写服务器地址，例如 https://tepei.example.gov.cn:8443"),
                                 QStringLiteral("Enter the server address first, e.g. "
                                                "https://tepei.example.gov.cn:8443")));
        return;
    }
    setBusy(true);
    auto transport = online ? this->transport() : nullptr;
    const std::string user = s(login.trimmed());
    const std::string secret = s(password);
    runInBackground<SignedIn>(
        this,
        [known = openedReplicaOf(user), dir = userDataDir(m_dataDir, login.trimmed()), wall = m_wall,
         transport, user, secret] { return signInOnReplica(known, dir, wall, transport, user, secret); },
        [this, user](SignedIn done) {
            finishSignIn(std::move(done.session), user, std::move(done.replica));
        });
}

void AppController::finishSignIn(Result<client::Session> result, const std::string& login,
                                 std::shared_ptr<client::ClientReplica> replica)
{
    setBusy(false);
    if (!result) {
        emit signInFinished(false, errorText(result.error(), m_english));
        return;
    }
    if (replica != m_device)
        m_userReplicas[login] = replica;
    m_replica = std::move(replica);
    m_session = std::move(result).value();
    m_seen = {-1, -1, -1, -1};
    refreshFromStore();
    emit sessionChanged();
    startSync();
    emit signInFinished(true, {});
}

void AppController::signOut()
{
    stopSync();
    m_waitTicker.stop();
    m_session.reset();
    m_replica.reset(); // the next person sees nothing of this one's data
    m_status = client::SyncStatus{};
    m_status.message = "idle";
    refreshFromStore();
    emit sessionChanged();
    emit syncChanged();
}

void AppController::startSync()
{
    stopSync();
    if (!m_session || m_serverUrl.isEmpty())
        return;
    m_relay = std::make_shared<Relay>();
    m_relay->target = this;
    m_engine = std::make_unique<client::SyncEngine>(*m_replica, transport());
    m_engine->setToken(m_session->token);
    m_engine->setStatusCallback([relay = m_relay](const client::SyncStatus& status) { relay->post(status); });
    m_engine->start();
}

void AppController::stopSync()
{
    {
        std::lock_guard lock(m_relay->mutex);
        m_relay->target = nullptr;
    }
    if (!m_engine)
        return;
    // stop() waits for a request in flight: let a worker wait, never the GUI thread. The worker
    // keeps the replica alive until the engine is gone.
    std::shared_ptr<client::SyncEngine> engine(m_engine.release());
    if (!qApp) {
        engine->stop(); // the application is gone: nobody is waiting on the GUI thread
        return;
    }
    auto replica = m_replica;
    runInBackground<bool>(
        qApp,
        [engine, replica]() mutable {
            engine->stop();
            engine.reset();
            return true;
        },
        [](bool) {});
}

void AppController::syncNow()
{
    if (m_engine)
        m_engine->syncNow();
    else if (m_session)
        startSync();
}

void AppController::onSyncStatus(const client::SyncStatus& status)
{
    const bool syncing = status.phase == client::SyncPhase::Syncing;
    if (syncing && m_status.phase != client::SyncPhase::Syncing)
        m_syncingSinceMs = QDateTime::currentMSecsSinceEpoch();
    if (syncing)
        m_waitTicker.start();
    else
        m_waitTicker.stop();
    m_status = status;
    if (status.phase != client::SyncPhase::Syncing)
        refreshFromStore(false); // an idle retry while offline changes nothing: lists keep their place
    emit syncChanged();
}

void AppController::localChangeMade()
{
    refreshFromStore();
    emit syncChanged();
    if (m_engine)
        m_engine->syncNow();
}

void AppController::refreshFromStore(bool always)
{
    if (!m_replica) {
        m_directory.clear();
        m_directoryVersion = 0;
        m_status.waiting = 0;
        m_seen = {-1, -1, -1, -1};
        m_campaignId.clear();
        ++m_revision;
        refreshNotices();
        emit revisionChanged();
        return;
    }
    std::int64_t seq = 0;
    std::size_t waiting = 0;
    std::string campaign;
    std::array<std::int64_t, 4> seen{};
    m_replica->withStore([&](client::LocalStore& st) {
        if (const std::int64_t version = client::directoryVersion(st); version != m_directoryVersion) {
            m_directory = client::loadDirectory(st);
            m_directoryVersion = version;
            always = true; // names changed: pages show them
        }
        seq = st.lastSeq();
        waiting = st.outboxSize();
        const auto rejected = st.rejected();
        seen = {seq, st.pullCursor(), static_cast<std::int64_t>(waiting),
                rejected ? static_cast<std::int64_t>(rejected->size()) : 0};
        int bestYear = -1;
        for (const std::string& id : st.campaignIds()) {
            const model::Campaign* c = model::findCampaign(st.tentative(), id);
            if (c && (c->year > bestYear || id == s(m_chosenCampaign))) {
                bestYear = id == s(m_chosenCampaign) ? 1 << 30 : c->year; // the chosen one wins
                campaign = id;
            }
        }
    });
    m_status.waiting = waiting;
    if (!always && seen == m_seen)
        return;
    m_seen = seen;
    m_campaignId = q(campaign);
    ++m_revision;
    refreshNotices();
    emit revisionChanged();
}

QString AppController::syncPhase() const
{
    return QString::fromLatin1(client::toString(m_status.phase));
}

QString AppController::syncText() const
{
    QString text;
    switch (m_status.phase) {
    case client::SyncPhase::Syncing: {
        // A server that does not answer (or a very slow link) keeps a request open until the
        // transport's timeout: say so, rather than "syncing" for a minute.
        const qint64 waited = (QDateTime::currentMSecsSinceEpoch() - m_syncingSinceMs) / 1000;
        text = waited < kSlowAnswerSeconds
                   ? pick(QStringLiteral("正在同步…"), QStringLiteral("Syncing…"))
                   : pick(QStringLiteral("服务器未响应（已等待 %1 "
                                         "秒）：更改保存在本机，不会丢失；无响应则转为离线并自动重试"),
                          QStringLiteral("No answer from the server for %1 s: your changes are kept on this "
                                         "device; if it stays silent, sync goes offline and retries"))
                         .arg(waited);
        break;
    }
    case client::SyncPhase::Synced: {
        const QString time = QDateTime::fromMSecsSinceEpoch(m_status.lastSyncedAtMillis).toString("HH:mm");
        text = pick(QStringLiteral("已同步 于 %1"), QStringLiteral("Synced at %1")).arg(time);
        break;
    }
    case client::SyncPhase::NeedsLogin:
        text = pick(QStringLiteral("需要联网登录后才能同步，更改已保存在本机"),
                    QStringLiteral("Sign in online to sync; your changes are kept on this device"));
        break;
    case client::SyncPhase::Failed:
        text = pick(QStringLiteral("同步未成功，稍后自动重试（%1）"),
                    QStringLiteral("Sync failed, retrying later (%1)"))
                   .arg(q(m_status.message));
        break;
    case client::SyncPhase::NeedsUpdate:
        text =
            pick(q(m_status.message), // the engine says it in Chinese
                 QStringLiteral("The server speaks a newer sync protocol: install the current tepei-client "
                                "to sync again; changes not yet uploaded are kept on this device"));
        break;
    case client::SyncPhase::Offline:
    case client::SyncPhase::Idle:
        text = pick(QStringLiteral("离线：连接恢复后自动同步"),
                    QStringLiteral("Offline: syncs when the connection is back"));
        break;
    }
    if (m_status.waiting > 0)
        text += pick(QStringLiteral("，%1 项更改待上传"), QStringLiteral(", %1 changes waiting to upload"))
                    .arg(m_status.waiting);
    return text;
}

QString AppController::uploadState() const
{
    if (m_status.waiting > 0)
        return pick(QStringLiteral("；尚未上传（%1 项待上传），联网后自动上传"),
                    QStringLiteral("; not uploaded yet (%1 waiting): it uploads when the connection is back"))
            .arg(m_status.waiting);
    return pick(QStringLiteral("；已上传到服务器"), QStringLiteral("; uploaded to the server"));
}

QString AppController::campaignTitle() const
{
    if (!m_replica || m_campaignId.isEmpty())
        return pick(QStringLiteral("尚未收到年度计划：请联网同步"),
                    QStringLiteral("No campaign yet: sync while online"));
    return m_replica->withStore([&](const client::LocalStore& st) {
        const model::Campaign* c = model::findCampaign(st.tentative(), s(m_campaignId));
        if (!c)
            return QString();
        return q(m_english && !c->titleEn.empty() ? c->titleEn : c->title);
    });
}

QVariantList AppController::trainingModes() const
{
    QVariantList out;
    if (!m_replica)
        return out;
    m_replica->withStore([&](const client::LocalStore& st) {
        if (const model::Campaign* c = model::findCampaign(st.tentative(), s(m_campaignId))) {
            for (const model::RefItem& item : c->trainingModes)
                out.push_back(
                    QVariantMap{{"code", q(item.code)}, {"label", q(m_english ? item.en : item.zh)}});
        }
    });
    return out;
}

QVariantList AppController::authorities() const
{
    QVariantList out;
    if (!m_replica)
        return out;
    m_replica->withStore([&](const client::LocalStore& st) {
        if (const model::Campaign* c = model::findCampaign(st.tentative(), s(m_campaignId))) {
            for (const model::Allocation& a : c->allocations)
                out.push_back(QVariantMap{{"code", q(a.authorityCode)},
                                          {"label", organisationName(q(a.authorityCode))},
                                          {"places", a.places}});
        }
    });
    return out;
}

QVariantMap AppController::quota(const QString& authority) const
{
    if (!m_replica)
        return {};
    const model::QuotaStatus qs = m_replica->withStore([&](const client::LocalStore& st) {
        return model::quotaOf(st.tentative(), s(m_campaignId), s(authority));
    });
    return QVariantMap{{"allocation", qs.allocation},
                       {"approved", qs.approved},
                       {"pending", qs.pending},
                       {"remaining", qs.remaining}};
}

} // namespace tepei::qt
