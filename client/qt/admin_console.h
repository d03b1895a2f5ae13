#pragma once
// AdminConsole: the system administrator's page (系统管理, issue #12 item 8, R-ORG-1, R-SEC-1).
// Organisations and accounts are kept by the server, not in the change log, so all of this is
// online: the lists are read from GET /v1/admin/{orgs,users,devices,audit}, and each change
// (add an organisation or an account, disable, enable, reset a password) is sent with the reason
// the administrator gave, which the server writes into its audit log with the change. A new
// account or a reset password gets a temporary password from the server, shown once.
//
// Threading: GUI thread only; requests run on a worker thread (AppController::accountRequest).

#include <QObject>
#include <QPointer>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>
#include <cpprest/json.h>
#include <string>

namespace tepei::qt {

class AppController;

class AdminConsole : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_MOC_INCLUDE("app_controller.h")
    Q_PROPERTY(
        tepei::qt::AppController* controller READ controller WRITE setController NOTIFY controllerChanged)
    // The rows shown (filtered by `filter`: a part of a name, a login, a code, an organisation):
    // users [{userId, login, displayName, role, roleLabel, orgCode, orgName, status, statusLabel,
    // mobile, devices, lastSync}], orgs [{code, name, kind, kindLabel, parent, parentName, status,
    // statusLabel, users}], devices [{userId, login, displayName, orgName, site, firstSync,
    // lastSync, address}], audit [{id, at, actor, action, actionLabel, target, reason, detail}].
    // Times are local, "yyyy-MM-dd HH:mm"; "" when never.
    Q_PROPERTY(QVariantList users READ users NOTIFY listsChanged)
    Q_PROPERTY(QVariantList orgs READ orgs NOTIFY listsChanged)
    Q_PROPERTY(QVariantList devices READ devices NOTIFY listsChanged)
    Q_PROPERTY(QVariantList audit READ audit NOTIFY listsChanged)
    Q_PROPERTY(int userCount READ userCount NOTIFY listsChanged) // before the filter
    Q_PROPERTY(int orgCount READ orgCount NOTIFY listsChanged)
    Q_PROPERTY(bool auditMore READ auditMore NOTIFY listsChanged)
    Q_PROPERTY(QString filter READ filter WRITE setFilter NOTIFY listsChanged)
    Q_PROPERTY(bool loading READ loading NOTIFY stateChanged)
    // Why the lists could not be read (offline, signed in offline, refused), or "".
    Q_PROPERTY(QString error READ error NOTIFY stateChanged)
    // When the lists were last read from the server (local time), or "" before the first time.
    Q_PROPERTY(QString loadedAt READ loadedAt NOTIFY stateChanged)

public:
    explicit AdminConsole(QObject* parent = nullptr);

    AppController* controller() const { return m_controller; }
    void setController(AppController* controller);
    QVariantList users() const { return m_shownUsers; }
    QVariantList orgs() const { return m_shownOrgs; }
    QVariantList devices() const { return m_shownDevices; }
    QVariantList audit() const { return m_audit; }
    int userCount() const { return static_cast<int>(m_users.size()); }
    int orgCount() const { return static_cast<int>(m_orgs.size()); }
    bool auditMore() const { return m_auditMore; }
    QString filter() const { return m_filter; }
    void setFilter(const QString& filter);
    bool loading() const { return m_pending > 0; }
    QString error() const { return m_error; }
    QString loadedAt() const { return m_loadedAt; }

    // The roles and kinds of organisation to choose from: [{code, label}]; the organisations an
    // account of `role` may belong to (active, of the role's kind): [{code, name}].
    Q_INVOKABLE QVariantList roleChoices() const;
    Q_INVOKABLE QVariantList orgKindChoices() const;
    Q_INVOKABLE QVariantList orgsForRole(const QString& role) const;
    // The organisations that may be the parent of one of `kind`: [{code, name}] (none for the
    // centre and training units).
    Q_INVOKABLE QVariantList parentsForKind(const QString& kind) const;

    // Reads all four lists again.
    Q_INVOKABLE void reload();
    // The next page of the audit log, older lines.
    Q_INVOKABLE void loadMoreAudit();
    // The changes; each ends in actionFinished(ok, message, temporaryPassword) and, when ok, a
    // reload. Nothing is sent without a reason (actionFinished says so).
    Q_INVOKABLE void addOrg(const QString& code, const QString& kind, const QString& name,
                            const QString& parent, const QString& reason);
    Q_INVOKABLE void addUser(const QString& login, const QString& displayName, const QString& role,
                             const QString& orgCode, const QString& mobile, const QString& reason);
    Q_INVOKABLE void setUserEnabled(const QString& userId, bool enabled, const QString& reason);
    Q_INVOKABLE void resetPassword(const QString& userId, const QString& reason);

signals:
    void controllerChanged();
    void listsChanged();
    void stateChanged();
    void actionFinished(bool ok, const QString& message, const QString& temporaryPassword);

private:
    QString pick(const char* zh, const char* en) const;
    void get(const std::string& path, void (AdminConsole::*read)(const QString& body));
    void post(const std::string& path, web::json::value body, const QString& done);
    void readUsers(const QString& body);
    void readOrgs(const QString& body);
    void readDevices(const QString& body);
    void readAudit(const QString& body);
    void appendAudit(const QString& body);
    QVariantList filtered(const QVariantList& rows, const QStringList& keys) const;
    void refilter();
    QString personLabel(const QString& userId, const QString& login) const;
    QString detailText(const QString& action, const QString& detail) const;

    QPointer<AppController> m_controller;
    QVariantList m_users;
    QVariantList m_orgs;
    QVariantList m_devices;
    QVariantList m_audit;
    QVariantList m_shownUsers, m_shownOrgs, m_shownDevices; // after the filter
    bool m_auditMore = false;
    QString m_filter;
    int m_pending = 0;
    QString m_error;
    QString m_loadedAt;
};

} // namespace tepei::qt
