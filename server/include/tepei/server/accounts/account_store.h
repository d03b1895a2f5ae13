#pragma once
// The narrow storage interfaces of the server (ARCHITECTURE "Storage"): organisations, users,
// sessions, login throttling and blob metadata. SQLite implements them (sqlite_store.h),
// PostgreSQL implements AccountStore (postgres/pg_store.h) and keeps blobs, metadata and bytes,
// in PgBlobStore (postgres/pg_blob_store.h).
//
// Contract for every implementation: each method is atomic (one transaction), durable when it
// returns ok, and safe to call from several threads at once. Failures of the storage itself are
// errors with code "storage_error" (a server fault, HTTP 500); "not found" is an empty optional.

#include <cstdint>
#include <optional>
#include <string>
#include <tepei/server/access/principal.h>
#include <tepei/sync/result.h>
#include <vector>

namespace tepei::server {

struct Session {
    std::string tokenHash; // SHA-256 hex of the token; the token itself is never stored
    std::string userId;
    std::string site;
    std::int64_t createdMs = 0;
    std::int64_t expiresMs = 0;
};

struct LoginAttempts {
    int failures = 0;
    std::int64_t lastFailureMs = 0;
};

// One line of the account audit log (issue #12 item 8): who changed which organisation or account,
// when, how and why. Written in the same transaction as the change it describes; never edited.
struct AuditEntry {
    std::int64_t id = 0; // assigned by the store, increasing
    std::int64_t atMs = 0;
    std::string actorId;    // user id; "tepei-admin" for the command line on the server
    std::string actorLogin; // as it was at the time
    std::string action;     // "org_add", "user_add", "user_disable", "user_enable", "password_reset",
                            // "unit_approve", "unit_reject"
    std::string target;     // the organisation's code or the user's login
    std::string reason;     // why, as the actor wrote it
    std::string detail;     // what changed, in words (role, organisation, ...)
};

// The audit line of a change made by `by` at `atMs`.
inline AuditEntry auditLine(const Principal& by, std::int64_t atMs, std::string action, std::string target,
                            std::string reason, std::string detail = {})
{
    return AuditEntry{0,
                      atMs,
                      by.userId,
                      by.login,
                      std::move(action),
                      std::move(target),
                      std::move(reason),
                      std::move(detail)};
}

// The last time a device (site) of a user synced (pushed or pulled), and from which address.
struct DeviceSync {
    std::string userId;
    std::string site;
    std::int64_t firstMs = 0;
    std::int64_t lastMs = 0;
    std::string address;
};

class AccountStore {
public:
    virtual ~AccountStore() = default;

    // Errors: "org_exists" (code taken), "invalid_parent" (parent unknown).
    virtual Status<> addOrg(const Org& org) = 0;
    // All or nothing, in list order (a parent may come earlier in the same list).
    virtual Status<> addOrgs(const std::vector<Org>& orgs) = 0;
    virtual Result<std::optional<Org>> findOrg(const std::string& code) = 0;
    virtual Result<std::vector<Org>> listOrgs() = 0;

    // Errors: "login_taken" (logins compare case-insensitively), "unknown_org".
    virtual Status<> addUser(const User& user) = 0;
    // All or nothing, in list order, in one transaction (bulk seeding). Errors as addUser.
    virtual Status<> addUsers(const std::vector<User>& users) = 0;
    virtual Result<std::optional<User>> findUserByLogin(const std::string& login) = 0;
    virtual Result<std::optional<User>> findUserById(const std::string& id) = 0;
    virtual Result<std::vector<User>> listUsers() = 0;

    // A self-registered work unit and its first (reviewer) account, both pending, together.
    // Errors as addOrg and addUser.
    virtual Status<> registerUnit(const Org& unit, const User& reviewer) = 0;
    // Marks a pending org and all its pending users active. Error: "unknown_org".
    virtual Status<> activateOrg(const std::string& code, const AuditEntry& audit) = 0;
    // Marks a pending org and all its pending users rejected (they cannot sign in; the login stays
    // taken, so that nobody else takes it over). Error: "unknown_org" (also when not pending).
    virtual Status<> rejectOrg(const std::string& code, const AuditEntry& audit) = 0;

    // The administrator's changes (issue #12 item 8), each with its audit line in one transaction.
    // Errors as addOrg / addUser.
    virtual Status<> addOrgAudited(const Org& org, const AuditEntry& audit) = 0;
    virtual Status<> addUserAudited(const User& user, const AuditEntry& audit) = 0;
    // Sets an account's status; any status but Active also ends its sessions. Error: "user_not_found".
    virtual Status<> setUserStatus(const std::string& userId, AccountStatus status,
                                   const AuditEntry& audit) = 0;
    // Replaces an account's password hash and ends its sessions. Error: "user_not_found".
    virtual Status<> setPasswordHash(const std::string& userId, const std::string& hash,
                                     const AuditEntry& audit) = 0;
    // Up to `limit` audit lines with id below `beforeId` (0: from the newest), newest first.
    virtual Result<std::vector<AuditEntry>> listAudit(std::int64_t beforeId, int limit) = 0;

    // Records that `sync.site` of `sync.userId` synced at sync.lastMs (first time: firstMs too).
    virtual Status<> recordDeviceSync(const DeviceSync& sync) = 0;
    // Every device that synced, by user id then site.
    virtual Result<std::vector<DeviceSync>> listDeviceSyncs() = 0;

    virtual Status<> addSession(const Session& session) = 0;
    virtual Result<std::optional<Session>> findSession(const std::string& tokenHash) = 0;
    virtual Status<> deleteSession(const std::string& tokenHash) = 0;
    // Removes sessions that expired before `beforeMs`.
    virtual Status<> purgeSessions(std::int64_t beforeMs) = 0;

    // Login throttling counters per key ("user:<login>", "addr:<address>").
    virtual Result<LoginAttempts> loginAttempts(const std::string& key) = 0;
    // Adds one failure at nowMs; a count whose last failure is before resetBeforeMs starts anew.
    virtual Result<LoginAttempts> recordLoginFailure(const std::string& key, std::int64_t nowMs,
                                                     std::int64_t resetBeforeMs) = 0;
    virtual Status<> clearLoginFailures(const std::string& key) = 0;
};

struct BlobInfo {
    std::string sha256;
    std::uint64_t size = 0;     // declared total size
    std::uint64_t received = 0; // bytes durably stored so far
    bool complete = false;      // received == size and the SHA-256 was verified
};

// Metadata of content-addressed blobs (R-SYNC-4) for FileBlobStore, whose bytes live in files
// (file_blob_store.h); PgBlobStore keeps both in its own tables.
class BlobIndex {
public:
    virtual ~BlobIndex() = default;
    virtual Result<std::optional<BlobInfo>> findBlob(const std::string& sha256) = 0;
    // Inserts or replaces the row of info.sha256.
    virtual Status<> putBlob(const BlobInfo& info) = 0;
    virtual Status<> removeBlob(const std::string& sha256) = 0;
    virtual Status<> addBlobUploader(const std::string& sha256, const std::string& userId) = 0;
    virtual Result<bool> isBlobUploader(const std::string& sha256, const std::string& userId) = 0;
    // Every blob, and the uploaders of one (tepei-admin store copy), in sha256 / user id order.
    virtual Result<std::vector<BlobInfo>> listBlobs() = 0;
    virtual Result<std::vector<std::string>> blobUploaders(const std::string& sha256) = 0;
};

} // namespace tepei::server
