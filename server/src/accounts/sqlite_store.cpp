#include "sqlite_store_impl.h"

#include <tepei/server/accounts/sqlite_store.h>

namespace tepei::server {

namespace {

// Numbered migrations: entry N-1 takes the schema from version N-1 to N. Never edit a shipped
// entry; append a new one.
const std::vector<std::string_view>& migrations()
{
    static const std::vector<std::string_view> list = {
        // 1: organisations, users, sessions, login throttling, blob metadata.
        R"sql(
CREATE TABLE orgs(code TEXT PRIMARY KEY, kind TEXT NOT NULL, name TEXT NOT NULL,
                  parent TEXT REFERENCES orgs(code), status TEXT NOT NULL);
CREATE TABLE users(id TEXT PRIMARY KEY, login TEXT NOT NULL UNIQUE COLLATE NOCASE,
                   display_name TEXT NOT NULL, role TEXT NOT NULL,
                   org_code TEXT NOT NULL REFERENCES orgs(code), password_hash TEXT NOT NULL,
                   status TEXT NOT NULL, mobile TEXT NOT NULL DEFAULT '');
CREATE INDEX users_org ON users(org_code);
CREATE TABLE sessions(token_hash TEXT PRIMARY KEY, user_id TEXT NOT NULL REFERENCES users(id),
                      site TEXT NOT NULL, created_ms INTEGER NOT NULL, expires_ms INTEGER NOT NULL);
CREATE INDEX sessions_expiry ON sessions(expires_ms);
CREATE TABLE login_failures(key TEXT PRIMARY KEY, failures INTEGER NOT NULL,
                            last_failure_ms INTEGER NOT NULL);
CREATE TABLE blobs(sha256 TEXT PRIMARY KEY, size INTEGER NOT NULL, received INTEGER NOT NULL,
                   complete INTEGER NOT NULL);
CREATE TABLE blob_uploaders(sha256 TEXT NOT NULL REFERENCES blobs(sha256) ON DELETE CASCADE,
                            user_id TEXT NOT NULL, PRIMARY KEY(sha256, user_id));
)sql",
        // 2: the account audit log and the devices that synced (issue #12 item 8).
        R"sql(
CREATE TABLE audit_log(id INTEGER PRIMARY KEY AUTOINCREMENT, at_ms INTEGER NOT NULL,
                       actor_id TEXT NOT NULL, actor_login TEXT NOT NULL, action TEXT NOT NULL,
                       target TEXT NOT NULL, reason TEXT NOT NULL, detail TEXT NOT NULL);
CREATE TABLE device_syncs(user_id TEXT NOT NULL, site TEXT NOT NULL, first_ms INTEGER NOT NULL,
                          last_ms INTEGER NOT NULL, address TEXT NOT NULL,
                          PRIMARY KEY(user_id, site));
)sql",
    };
    return list;
}

constexpr const char* kOrgColumns = "code, kind, name, parent, status";
constexpr const char* kUserColumns = "id, login, display_name, role, org_code, password_hash, status, mobile";

Org readOrg(const Statement& s)
{
    Org org;
    org.code = s.columnText(0);
    org.kind = parseOrgKind(s.columnText(1)).ok() ? *parseOrgKind(s.columnText(1)) : OrgKind::WorkUnit;
    org.name = s.columnText(2);
    org.parent = s.columnText(3);
    org.status = storedAccountStatus(s.columnText(4));
    return org;
}

User readUser(const Statement& s)
{
    User user;
    user.id = s.columnText(0);
    user.login = s.columnText(1);
    user.displayName = s.columnText(2);
    auto role = parseRole(s.columnText(3));
    user.role = role ? *role : Role::Applicant;
    user.orgCode = s.columnText(4);
    user.passwordHash = s.columnText(5);
    user.status = storedAccountStatus(s.columnText(6));
    user.mobile = s.columnText(7);
    return user;
}

} // namespace

SqliteStore::SqliteStore(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
SqliteStore::~SqliteStore() = default;

Result<std::unique_ptr<SqliteStore>> SqliteStore::open(const std::filesystem::path& file)
{
    // synchronous=FULL: a write the server acknowledged survives a power loss.
    auto db = Database::open(file.string(), Database::Durability::Full);
    if (!db) {
        return db.error();
    }
    if (auto s = model::sqlite::migrate(**db, migrations()); !s) {
        return s.error();
    }
    auto impl = std::make_unique<Impl>(std::move(db).value());
    return std::unique_ptr<SqliteStore>(new SqliteStore(std::move(impl)));
}

int SqliteStore::schemaVersion()
{
    std::lock_guard lock(m_impl->mutex);
    return m_impl->db.userVersion();
}

int SqliteStore::latestSchemaVersion()
{
    return static_cast<int>(migrations().size());
}

Status<> SqliteStore::addOrg(const Org& org)
{
    return addOrgs({org});
}

Status<> SqliteStore::addOrgs(const std::vector<Org>& orgs)
{
    std::lock_guard lock(m_impl->mutex);
    return m_impl->inTransaction([&]() -> Status<> {
        for (const auto& org : orgs) {
            if (auto s = m_impl->insertOrg(org); !s) {
                return s;
            }
        }
        return Ok{};
    });
}

Result<std::optional<Org>> SqliteStore::findOrg(const std::string& code)
{
    std::lock_guard lock(m_impl->mutex);
    return m_impl->one<Org>(std::string("SELECT ") + kOrgColumns + " FROM orgs WHERE code = ?", code,
                            readOrg);
}

Result<std::vector<Org>> SqliteStore::listOrgs()
{
    std::lock_guard lock(m_impl->mutex);
    return m_impl->all<Org>(std::string("SELECT ") + kOrgColumns + " FROM orgs ORDER BY code", readOrg);
}

Status<> SqliteStore::addUser(const User& user)
{
    return addUsers({user});
}

Status<> SqliteStore::addUsers(const std::vector<User>& users)
{
    std::lock_guard lock(m_impl->mutex);
    return m_impl->inTransaction([&]() -> Status<> {
        for (const auto& user : users) {
            if (auto s = m_impl->insertUser(user); !s) {
                return s;
            }
        }
        return Ok{};
    });
}

Result<std::optional<User>> SqliteStore::findUserByLogin(const std::string& login)
{
    std::lock_guard lock(m_impl->mutex);
    return m_impl->one<User>(std::string("SELECT ") + kUserColumns + " FROM users WHERE login = ?", login,
                             readUser);
}

Result<std::optional<User>> SqliteStore::findUserById(const std::string& id)
{
    std::lock_guard lock(m_impl->mutex);
    return m_impl->one<User>(std::string("SELECT ") + kUserColumns + " FROM users WHERE id = ?", id,
                             readUser);
}

Result<std::vector<User>> SqliteStore::listUsers()
{
    std::lock_guard lock(m_impl->mutex);
    return m_impl->all<User>(std::string("SELECT ") + kUserColumns + " FROM users ORDER BY login", readUser);
}

Status<> SqliteStore::registerUnit(const Org& unit, const User& reviewer)
{
    std::lock_guard lock(m_impl->mutex);
    return m_impl->inTransaction([&]() -> Status<> {
        if (auto s = m_impl->insertOrg(unit); !s) {
            return s;
        }
        return m_impl->insertUser(reviewer);
    });
}

Status<> SqliteStore::addSession(const Session& session)
{
    std::lock_guard lock(m_impl->mutex);
    auto stmt = m_impl->db.prepare(
        "INSERT INTO sessions(token_hash, user_id, site, created_ms, expires_ms) VALUES(?,?,?,?,?)");
    if (!stmt) {
        return stmt.error();
    }
    stmt->bind(1, session.tokenHash).bind(2, session.userId).bind(3, session.site);
    stmt->bind(4, session.createdMs).bind(5, session.expiresMs);
    return stmt->run();
}

Result<std::optional<Session>> SqliteStore::findSession(const std::string& tokenHash)
{
    std::lock_guard lock(m_impl->mutex);
    return m_impl->one<Session>(
        "SELECT token_hash, user_id, site, created_ms, expires_ms FROM sessions WHERE token_hash = ?",
        tokenHash, [](const Statement& s) {
            return Session{s.columnText(0), s.columnText(1), s.columnText(2), s.columnInt(3), s.columnInt(4)};
        });
}

Status<> SqliteStore::deleteSession(const std::string& tokenHash)
{
    std::lock_guard lock(m_impl->mutex);
    return m_impl->run("DELETE FROM sessions WHERE token_hash = ?", {tokenHash});
}

Status<> SqliteStore::purgeSessions(std::int64_t beforeMs)
{
    std::lock_guard lock(m_impl->mutex);
    auto stmt = m_impl->db.prepare("DELETE FROM sessions WHERE expires_ms < ?");
    if (!stmt) {
        return stmt.error();
    }
    stmt->bind(1, beforeMs);
    return stmt->run();
}

Result<LoginAttempts> SqliteStore::loginAttempts(const std::string& key)
{
    std::lock_guard lock(m_impl->mutex);
    auto found = m_impl->one<LoginAttempts>(
        "SELECT failures, last_failure_ms FROM login_failures WHERE key = ?", key, [](const Statement& s) {
            return LoginAttempts{static_cast<int>(s.columnInt(0)), s.columnInt(1)};
        });
    if (!found) {
        return found.error();
    }
    return found->value_or(LoginAttempts{});
}

Result<LoginAttempts> SqliteStore::recordLoginFailure(const std::string& key, std::int64_t nowMs,
                                                      std::int64_t resetBeforeMs)
{
    std::lock_guard lock(m_impl->mutex);
    auto stmt =
        m_impl->db.prepare("INSERT INTO login_failures(key, failures, last_failure_ms) VALUES(?1, 1, ?2) "
                           "ON CONFLICT(key) DO UPDATE SET failures = CASE WHEN last_failure_ms < ?3 THEN 1 "
                           "ELSE failures + 1 END, "
                           "last_failure_ms = ?2 RETURNING failures, last_failure_ms");
    if (!stmt) {
        return stmt.error();
    }
    stmt->bind(1, key).bind(2, nowMs).bind(3, resetBeforeMs);
    auto row = stmt->step();
    if (!row) {
        return row.error();
    }
    LoginAttempts attempts{static_cast<int>(stmt->columnInt(0)), stmt->columnInt(1)};
    if (auto s = stmt->run(); !s) {
        return s.error();
    }
    return attempts;
}

Status<> SqliteStore::clearLoginFailures(const std::string& key)
{
    std::lock_guard lock(m_impl->mutex);
    return m_impl->run("DELETE FROM login_failures WHERE key = ?", {key});
}

namespace {
BlobInfo readBlob(const Statement& s)
{
    return BlobInfo{s.columnText(0), static_cast<std::uint64_t>(s.columnInt(1)),
                    static_cast<std::uint64_t>(s.columnInt(2)), s.columnInt(3) != 0};
}
} // namespace

Result<std::optional<BlobInfo>> SqliteStore::findBlob(const std::string& sha256)
{
    std::lock_guard lock(m_impl->mutex);
    return m_impl->one<BlobInfo>("SELECT sha256, size, received, complete FROM blobs WHERE sha256 = ?",
                                 sha256, readBlob);
}

Result<std::vector<BlobInfo>> SqliteStore::listBlobs()
{
    std::lock_guard lock(m_impl->mutex);
    return m_impl->all<BlobInfo>("SELECT sha256, size, received, complete FROM blobs ORDER BY sha256",
                                 readBlob);
}

Result<std::vector<std::string>> SqliteStore::blobUploaders(const std::string& sha256)
{
    std::lock_guard lock(m_impl->mutex);
    auto stmt = m_impl->db.prepare("SELECT user_id FROM blob_uploaders WHERE sha256 = ? ORDER BY user_id");
    if (!stmt) {
        return stmt.error();
    }
    stmt->bind(1, sha256);
    std::vector<std::string> users;
    for (;;) {
        auto row = stmt->step();
        if (!row) {
            return row.error();
        }
        if (!*row) {
            return users;
        }
        users.push_back(stmt->columnText(0));
    }
}

Status<> SqliteStore::putBlob(const BlobInfo& info)
{
    std::lock_guard lock(m_impl->mutex);
    auto stmt = m_impl->db.prepare("INSERT INTO blobs(sha256, size, received, complete) VALUES(?,?,?,?) "
                                   "ON CONFLICT(sha256) DO UPDATE SET size = excluded.size, "
                                   "received = excluded.received, complete = excluded.complete");
    if (!stmt) {
        return stmt.error();
    }
    stmt->bind(1, info.sha256).bind(2, static_cast<std::int64_t>(info.size));
    stmt->bind(3, static_cast<std::int64_t>(info.received)).bind(4, std::int64_t{info.complete ? 1 : 0});
    return stmt->run();
}

Status<> SqliteStore::removeBlob(const std::string& sha256)
{
    std::lock_guard lock(m_impl->mutex);
    return m_impl->run("DELETE FROM blobs WHERE sha256 = ?", {sha256});
}

Status<> SqliteStore::addBlobUploader(const std::string& sha256, const std::string& userId)
{
    std::lock_guard lock(m_impl->mutex);
    return m_impl->run("INSERT OR IGNORE INTO blob_uploaders(sha256, user_id) VALUES(?,?)", {sha256, userId});
}

Result<bool> SqliteStore::isBlobUploader(const std::string& sha256, const std::string& userId)
{
    std::lock_guard lock(m_impl->mutex);
    auto stmt = m_impl->db.prepare("SELECT 1 FROM blob_uploaders WHERE sha256 = ? AND user_id = ?");
    if (!stmt) {
        return stmt.error();
    }
    stmt->bind(1, sha256).bind(2, userId);
    return stmt->step();
}

} // namespace tepei::server
