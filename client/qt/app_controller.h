#pragma once
// AppController: the session of one person on this device, as QML sees it — sign-in (online and
// offline), the server settings, the background sync and its status line, and the notices about
// the person's own changes that the rules or the server refused (R-SYNC-1, R-SYNC-3, R-SEC-1).
// It owns the device's replicas: the device's own (dataDir/replica.sqlite: the server address,
// language and CA file) and one per person who signs in on it (dataDir/users/<login>/), so that
// on an office PC that several people share each sees only their own data, outbox and notices
// (issue #17). View models (ApplicationListModel, ApplicationDocument, ...) read and write
// through the replica of the person signed in.
//
// Threading: lives on the GUI thread and is used only there. Slow work (password hashing,
// network, exports) runs on worker threads and reports back with queued calls; the sync engine
// runs on its own thread and its status is marshalled to the GUI thread. Nothing here waits on
// the network.

#include <QObject>
#include <QString>
#include <QTimer>
#include <QTranslator>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>
#include <array>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <tepei/client/account/account.h>
#include <tepei/client/store/directory.h>
#include <tepei/client/store/replica.h>
#include <tepei/client/sync/sync_engine.h>
#include <tepei/client/sync/transport.h>

namespace tepei::qt {

// Makes the transport for a server; main passes makeHttpTransport, tests a fake.
using TransportFactory = std::function<std::shared_ptr<client::Transport>(const client::ServerConfig&)>;

class AppController : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("tepei-client's main creates the controller and passes it to Main.qml")
    Q_PROPERTY(QString openError READ openError CONSTANT)
    Q_PROPERTY(bool signedIn READ signedIn NOTIFY sessionChanged)
    Q_PROPERTY(bool offlineSession READ offlineSession NOTIFY sessionChanged)
    Q_PROPERTY(QString role READ role NOTIFY sessionChanged)
    Q_PROPERTY(QString roleLabel READ roleLabel NOTIFY sessionChanged)
    Q_PROPERTY(QString displayName READ displayName NOTIFY sessionChanged)
    Q_PROPERTY(QString userId READ userId NOTIFY sessionChanged)
    Q_PROPERTY(QString orgCode READ orgCode NOTIFY sessionChanged)
    Q_PROPERTY(QString orgName READ orgName NOTIFY sessionChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    Q_PROPERTY(QString serverUrl READ serverUrl WRITE setServerUrl NOTIFY settingsChanged)
    Q_PROPERTY(QString caFile READ caFile WRITE setCaFile NOTIFY settingsChanged)
    Q_PROPERTY(QString language READ language WRITE setLanguage NOTIFY languageChanged)
    Q_PROPERTY(QString syncPhase READ syncPhase NOTIFY syncChanged)
    Q_PROPERTY(QString syncText READ syncText NOTIFY syncChanged)
    Q_PROPERTY(int waiting READ waiting NOTIFY syncChanged)
    // After a local change: whether it is still on this device only, or on the server.
    Q_PROPERTY(QString uploadState READ uploadState NOTIFY syncChanged)
    Q_PROPERTY(QVariantList notices READ notices NOTIFY noticesChanged)
    Q_PROPERTY(int revision READ revision NOTIFY revisionChanged)
    Q_PROPERTY(QString campaignId READ campaignId NOTIFY revisionChanged)
    Q_PROPERTY(QString campaignTitle READ campaignTitle NOTIFY revisionChanged)
    // Every campaign on this device, newest first: [{id, title}]; chooseCampaign() switches.
    Q_PROPERTY(QVariantList campaigns READ campaigns NOTIFY revisionChanged)
    Q_PROPERTY(QVariantList trainingModes READ trainingModes NOTIFY revisionChanged)
    Q_PROPERTY(QVariantList authorities READ authorities NOTIFY revisionChanged)

public:
    // The local replica a controller works on, or why it could not be opened.
    struct OpenedReplica {
        std::shared_ptr<client::ClientReplica> replica;
        QString error;        // what went wrong and what to do; set when replica is null
        QString dataDir;      // where the replicas of the people who sign in are kept
        sync::WallClock wall; // the clock their changes are stamped by
    };
    // Opens (creating) the replica in dataDir/replica.sqlite, its changes stamped by `wall` (the
    // system clock in the application; a clock of their own in tests).
    static OpenedReplica openReplica(const QString& dataDir, sync::WallClock wall);
    // The folder of one person's replica under a device's dataDir (the login, percent-encoded).
    static QString userDataDir(const QString& dataDir, const QString& login);

    // Works on the device replica given; without one, openError() says why.
    AppController(OpenedReplica opened, TransportFactory transports, QObject* parent = nullptr);
    ~AppController() override;

    QString openError() const { return m_openError; }
    bool signedIn() const { return m_session.has_value(); }
    bool offlineSession() const { return m_session && m_session->offline; }
    QString role() const;
    QString roleLabel() const;
    QString displayName() const;
    QString userId() const;
    QString orgCode() const;
    QString orgName() const;
    bool busy() const { return m_busy; }
    QString serverUrl() const { return m_serverUrl; }
    void setServerUrl(const QString& url);
    QString caFile() const { return m_caFile; }
    void setCaFile(const QString& path);
    QString language() const { return m_english ? QStringLiteral("en") : QStringLiteral("zh"); }
    void setLanguage(const QString& language);
    bool english() const { return m_english; }
    QString syncPhase() const;
    QString syncText() const;
    int waiting() const { return static_cast<int>(m_status.waiting); }
    QString uploadState() const;
    QVariantList notices() const { return m_notices; }
    int revision() const { return m_revision; }
    QString campaignId() const { return m_campaignId; }
    QString campaignTitle() const;
    QVariantList campaigns() const;
    QVariantList trainingModes() const;
    QVariantList authorities() const;

    // Signs in on a worker thread; signInFinished reports the outcome.
    Q_INVOKABLE void signIn(const QString& login, const QString& password, bool online);
    Q_INVOKABLE void signOut();
    // Registers an applicant account online (POST /v1/register/applicant); registerFinished reports.
    Q_INVOKABLE void registerApplicant(const QString& login, const QString& password,
                                       const QString& displayName, const QString& mobile,
                                       const QString& orgCode);
    // Issue #12 item 8: a work unit registers online with its first (reviewer) account; it can
    // sign in once its recommending authority approves. registerFinished reports.
    Q_INVOKABLE void registerUnit(const QString& login, const QString& password, const QString& displayName,
                                  const QString& mobile, const QString& unitName,
                                  const QString& authorityCode);
    // The recommending authorities a unit may register under (reference data, no network):
    // [{code, name}] in the interface language.
    Q_INVOKABLE QVariantList recommendingAuthorities() const;
    // The authority's reviewers: the registrations waiting for them (online; account data is not
    // in the change log): pendingUnitsLoaded([{code, name, login, displayName, mobile}], error).
    Q_INVOKABLE void loadPendingUnits();
    // Approves a registration, or refuses it with a reason (required); unitDecided reports.
    Q_INVOKABLE void decideUnit(const QString& code, bool approve, const QString& reason);
    Q_INVOKABLE void syncNow();
    // Hides the notices shown now, for this person on this device; later refusals show again.
    Q_INVOKABLE void dismissNotices();
    // R-APP-1: a new application of the current campaign; returns its id, or "" (see lastError).
    Q_INVOKABLE QString createApplication(const QString& authority, const QString& trainingMode);
    // The quota table row (附件1) of an authority: allocation, approved, pending, remaining.
    Q_INVOKABLE QVariantMap quota(const QString& authority) const;
    // R-APP-6: downloads the summary table to a local file (a file: URL or path); exportFinished.
    Q_INVOKABLE void exportSummary(const QString& fileUrl);
    // Downloads one of the server's Excel tables of the current campaign to a local file:
    // "summary" (附件2), "quota" (附件1) or "funding" (the funding plan, per admitted trainee and
    // per training unit); `authority` narrows it to one recommending authority ("" for all the
    // caller may see). exportFinished reports, with the path.
    Q_INVOKABLE void exportTable(const QString& table, const QString& authority, const QString& fileUrl);
    // Makes `id` the campaign every page works on (the newest one by default, and again when
    // `id` is "" or not on this device).
    Q_INVOKABLE void chooseCampaign(const QString& id);
    Q_INVOKABLE QString organisationName(const QString& code) const;
    // A person by user id, as people see them: the display name and organisation from the
    // directory (你 / me for the person signed in); "用户 1a2b3c4d" while the directory does not
    // name them (not synced yet, or not in this person's scope).
    Q_INVOKABLE QString personName(const QString& userId) const;
    Q_INVOKABLE QString personLabel(const QString& userId) const; // with the organisation
    Q_INVOKABLE QString stateLabel(const QString& state) const;
    // zh or en, by the interface language.
    Q_INVOKABLE QString pick(const QString& zh, const QString& en) const { return m_english ? en : zh; }

    // For view models (C++): the replica of the person signed in (null when nobody is), the
    // session token and the transport.
    std::shared_ptr<client::ClientReplica> replica() const { return m_replica; }
    // The time now by the device's clock, in ms since the epoch (0 without a replica).
    std::int64_t nowMs() const { return m_device ? m_device->clock().wallMs() : 0; }
    std::string token() const { return m_session ? m_session->token : std::string(); }
    std::shared_ptr<client::Transport> transport() const;
    std::optional<client::Identity> identity() const;
    // A local change was stored: refresh counts, lists and notices, and sync soon.
    void localChangeMade();
    // An account request (not a change of the log: registrations, the administrator's page) with
    // the session's token, sent on a worker thread and answered on the GUI thread; signed in
    // offline, it is answered "session_expired" at once.
    void accountRequest(client::HttpRequest request,
                        std::function<void(Result<client::HttpResponse>)> answered);

signals:
    void sessionChanged();
    void busyChanged();
    void settingsChanged();
    void languageChanged();
    void syncChanged();
    void noticesChanged();
    void revisionChanged();
    void signInFinished(bool ok, const QString& message);
    void registerFinished(bool ok, const QString& message);
    void exportFinished(bool ok, const QString& message, const QString& path = QString());
    void pendingUnitsLoaded(const QVariantList& units, const QString& error);
    void unitDecided(bool ok, const QString& message);

private:
    // POSTs a registration (applicant or unit); registerFinished says `done` or why not.
    void postRegistration(const std::string& path, web::json::value body, const QString& done);
    struct Relay; // hands the sync thread's status to this object while it lives
    void setBusy(bool busy);
    // The replica of `login`: already open, the device's own for the person whose data it held
    // before replicas were kept per person, or null (then it is opened from its folder).
    std::shared_ptr<client::ClientReplica> openedReplicaOf(const std::string& login) const;
    void finishSignIn(Result<client::Session> result, const std::string& login,
                      std::shared_ptr<client::ClientReplica> replica);
    void startSync();
    void stopSync();
    void onSyncStatus(const client::SyncStatus& status);
    // Re-reads counts and the campaign; moves the revision (lists and pages reload) when the store
    // changed, or always after a local change.
    void refreshFromStore(bool always = true);
    void refreshNotices();
    QString setting(const char* key) const;
    void saveSetting(const char* key, const QString& value);

    QString m_openError;
    TransportFactory m_transports;
    std::shared_ptr<client::ClientReplica> m_device; // settings, and the data of a legacy user
    QString m_dataDir;
    sync::WallClock m_wall;
    std::map<std::string, std::shared_ptr<client::ClientReplica>> m_userReplicas; // by login
    std::shared_ptr<client::ClientReplica> m_replica; // the person signed in's; null when nobody is
    std::optional<client::Session> m_session;
    std::unique_ptr<client::SyncEngine> m_engine;
    std::shared_ptr<Relay> m_relay;
    client::SyncStatus m_status;
    // While a sync cycle waits on the server: since when (ms, system clock), and a tick that
    // refreshes the status line so that it says how long it has been waiting.
    qint64 m_syncingSinceMs = 0;
    QTimer m_waitTicker;
    QString m_serverUrl;
    QString m_caFile;
    bool m_english = false;
    bool m_busy = false;
    QTranslator m_translator;
    QVariantList m_notices;
    int m_revision = 0;
    std::array<std::int64_t, 4> m_seen{-1, -1, -1, -1}; // last seq, pull cursor, outbox, rejected
    QString m_campaignId;
    QString m_chosenCampaign; // chooseCampaign's, while it is on this device
    client::Directory m_directory;
    std::int64_t m_directoryVersion = 0; // of the stored directory m_directory was read from
};

} // namespace tepei::qt
