#pragma once
// The SQLite implementation of AccountStore and BlobIndex: one database file, <data>/tepei.db,
// schema in numbered migrations (PRAGMA user_version), WAL and synchronous=FULL so that an
// acknowledged write is durable. Built on the shared SQLite helpers (tepei/model/log/sqlite.h).
// Thread-safe: one connection guarded by a mutex.

#include <filesystem>
#include <memory>
#include <tepei/server/accounts/account_store.h>

namespace tepei::server {

class SqliteStore : public AccountStore, public BlobIndex {
public:
    // Opens (creating) the database and applies pending migrations. Errors: "storage_open_failed"
    // (the file cannot be opened), "storage_error", "migration_failed", "schema_too_new" (a newer
    // server wrote this data directory).
    static Result<std::unique_ptr<SqliteStore>> open(const std::filesystem::path& file);
    ~SqliteStore() override;

    // Schema version after open(); the number of migrations this build knows.
    int schemaVersion();
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

    Result<std::optional<BlobInfo>> findBlob(const std::string& sha256) override;
    Status<> putBlob(const BlobInfo& info) override;
    Status<> removeBlob(const std::string& sha256) override;
    Status<> addBlobUploader(const std::string& sha256, const std::string& userId) override;
    Result<bool> isBlobUploader(const std::string& sha256, const std::string& userId) override;
    Result<std::vector<BlobInfo>> listBlobs() override;
    Result<std::vector<std::string>> blobUploaders(const std::string& sha256) override;

private:
    struct Impl;
    explicit SqliteStore(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

} // namespace tepei::server
