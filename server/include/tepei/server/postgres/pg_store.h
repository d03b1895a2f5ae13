#pragma once
// The PostgreSQL implementation of AccountStore (issue #16): organisations, users, sessions and
// login throttling in one PostgreSQL database that several tepei-server processes may share.
// Schema in numbered migrations of the component "accounts" (pg::migrate, schema_versions),
// tables as on SQLite (sqlite_store.h), and the same semantics, error codes and messages as
// SqliteStore for every method: logins compare case-insensitively in ASCII letters (SQLite's
// NOCASE), lists are ordered by bytes.
//
// Across processes: a method that writes more than one row is one transaction; a login or an
// organisation code taken by another server at the same moment is "login_taken" or "org_exists"
// (never a storage error), and a failed sign-in is counted by one statement, so that servers
// sharing the database count every failure (R-SEC-1). Thread-safe: each call leases a connection
// of the pool.

#include <memory>
#include <string>
#include <tepei/server/accounts/account_store.h>

namespace tepei::server::pg {
class Pool;
}

namespace tepei::server {

class PgStore final : public AccountStore {
public:
    // Connects `connections` times to the database at `url` (postgresql://...) and applies the
    // pending migrations of "accounts". Errors: "storage_open_failed" (cannot connect),
    // "storage_error", "migration_failed", "schema_too_new" (a newer server migrated the database).
    static Result<std::unique_ptr<PgStore>> open(const std::string& url, int connections = 4);
    ~PgStore() override;

    // The number of migrations of "accounts" this build knows.
    static int latestSchemaVersion();

    Status<> addOrg(const Org& org) override;
    Status<> addOrgs(const std::vector<Org>& orgs) override;
    Result<std::optional<Org>> findOrg(const std::string& code) override;
    Result<std::vector<Org>> listOrgs() override;
    Status<> addUser(const User& user) override;
    Status<> addUsers(const std::vector<User>& users) override;
    Result<std::optional<User>> findUserByLogin(const std::string& login) override;
    Result<std::optional<User>> findUserById(const std::string& id) override;
    Result<std::vector<User>> listUsers() override;
    Status<> registerUnit(const Org& unit, const User& reviewer) override;
    Status<> activateOrg(const std::string& code, const AuditEntry& audit) override;
    Status<> rejectOrg(const std::string& code, const AuditEntry& audit) override;
    Status<> addOrgAudited(const Org& org, const AuditEntry& audit) override;
    Status<> addUserAudited(const User& user, const AuditEntry& audit) override;
    Status<> setUserStatus(const std::string& userId, AccountStatus status, const AuditEntry& audit) override;
    Status<> setPasswordHash(const std::string& userId, const std::string& hash,
                             const AuditEntry& audit) override;
    Result<std::vector<AuditEntry>> listAudit(std::int64_t beforeId, int limit) override;
    Status<> recordDeviceSync(const DeviceSync& sync) override;
    Result<std::vector<DeviceSync>> listDeviceSyncs() override;
    Status<> addSession(const Session& session) override;
    Result<std::optional<Session>> findSession(const std::string& tokenHash) override;
    Status<> deleteSession(const std::string& tokenHash) override;
    Status<> purgeSessions(std::int64_t beforeMs) override;
    Result<LoginAttempts> loginAttempts(const std::string& key) override;
    Result<LoginAttempts> recordLoginFailure(const std::string& key, std::int64_t nowMs,
                                             std::int64_t resetBeforeMs) override;
    Status<> clearLoginFailures(const std::string& key) override;

private:
    explicit PgStore(std::unique_ptr<pg::Pool> pool);
    std::unique_ptr<pg::Pool> m_pool;
};

} // namespace tepei::server
