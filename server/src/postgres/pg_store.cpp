// PgStore: organisations, users, sessions and login throttling in PostgreSQL (pg_store.h).
#include "../accounts/account_errors.h"

#include <algorithm>
#include <tepei/server/postgres/pg.h>
#include <tepei/server/postgres/pg_store.h>

namespace tepei::server {

namespace {

// Numbered migrations of the component "accounts": entry N-1 takes the schema from version N-1
// to N. Never edit a shipped entry; append a new one.
const std::vector<std::string_view>& migrations()
{
    static const std::vector<std::string_view> list = {
        // 1: organisations, users, sessions, login throttling (the tables of SqliteStore's first
        // migration but the blobs, which are PgBlobStore's). Logins are unique and looked up as
        // SQLite's NOCASE compares them: ASCII letters folded to lower case (lower() under the "C"
        // collation folds nothing else), every other byte as it is. A throttling key is any text
        // a client typed, so it is kept as bytes: PostgreSQL text holds no NUL and, in a UTF8
        // database, only UTF-8.
        R"sql(
CREATE TABLE orgs(code TEXT PRIMARY KEY, kind TEXT NOT NULL, name TEXT NOT NULL,
                  parent TEXT REFERENCES orgs(code), status TEXT NOT NULL);
CREATE TABLE users(id TEXT PRIMARY KEY, login TEXT NOT NULL, display_name TEXT NOT NULL,
                   role TEXT NOT NULL, org_code TEXT NOT NULL REFERENCES orgs(code),
                   password_hash TEXT NOT NULL, status TEXT NOT NULL, mobile TEXT NOT NULL DEFAULT '');
CREATE UNIQUE INDEX users_login ON users((lower(login COLLATE "C")));
CREATE INDEX users_org ON users(org_code);
CREATE TABLE sessions(token_hash TEXT PRIMARY KEY, user_id TEXT NOT NULL REFERENCES users(id),
                      site TEXT NOT NULL, created_ms BIGINT NOT NULL, expires_ms BIGINT NOT NULL);
CREATE INDEX sessions_expiry ON sessions(expires_ms);
CREATE TABLE login_failures(key BYTEA PRIMARY KEY, failures INTEGER NOT NULL,
                            last_failure_ms BIGINT NOT NULL);
)sql",
        // 2: the account audit log and the devices that synced (issue #12 item 8), as on SQLite.
        R"sql(
CREATE TABLE audit_log(id BIGSERIAL PRIMARY KEY, at_ms BIGINT NOT NULL, actor_id TEXT NOT NULL,
                       actor_login TEXT NOT NULL, action TEXT NOT NULL, target TEXT NOT NULL,
                       reason TEXT NOT NULL, detail TEXT NOT NULL);
CREATE TABLE device_syncs(user_id TEXT NOT NULL, site TEXT NOT NULL, first_ms BIGINT NOT NULL,
                          last_ms BIGINT NOT NULL, address TEXT NOT NULL,
                          PRIMARY KEY(user_id, site));
)sql",
    };
    return list;
}

constexpr std::string_view kOrgColumns = "code, kind, name, parent, status";
constexpr std::string_view kUserColumns =
    "id, login, display_name, role, org_code, password_hash, status, mobile";

std::string select(std::string_view columns, std::string_view rest)
{
    return "SELECT " + std::string(columns) + " " + std::string(rest);
}

Org readOrg(const pg::Rows& rows, int r)
{
    Org org;
    org.code = rows.text(r, 0);
    auto kind = parseOrgKind(rows.text(r, 1));
    org.kind = kind ? *kind : OrgKind::WorkUnit;
    org.name = rows.text(r, 2);
    org.parent = rows.text(r, 3); // "" when NULL
    org.status = storedAccountStatus(rows.text(r, 4));
    return org;
}

User readUser(const pg::Rows& rows, int r)
{
    User user;
    user.id = rows.text(r, 0);
    user.login = rows.text(r, 1);
    user.displayName = rows.text(r, 2);
    auto role = parseRole(rows.text(r, 3));
    user.role = role ? *role : Role::Applicant;
    user.orgCode = rows.text(r, 4);
    user.passwordHash = rows.text(r, 5);
    user.status = storedAccountStatus(rows.text(r, 6));
    user.mobile = rows.text(r, 7);
    return user;
}

Session readSession(const pg::Rows& rows, int r)
{
    return Session{std::string(rows.text(r, 0)), std::string(rows.text(r, 1)), std::string(rows.text(r, 2)),
                   rows.integer(r, 3), rows.integer(r, 4)};
}

// The first row of a query by key, read by `read`, or none. A key that PostgreSQL text cannot
// hold (a NUL byte, or not UTF-8 in a UTF8 database: anything a client may type as a login)
// names no row, as on SQLite, instead of failing the query.
template <class T, class Read>
Result<std::optional<T>> one(pg::Connection& conn, const std::string& sql, const std::string& key, Read read)
{
    auto rows = conn.exec(sql, {key});
    if (!rows) {
        if (pg::sqlState(rows.error()) == pg::kCharacterNotInRepertoire) {
            return std::optional<T>();
        }
        return rows.error();
    }
    return rows->empty() ? std::optional<T>() : std::optional<T>(read(*rows, 0));
}

template <class T, class Read>
Result<std::vector<T>> all(pg::Connection& conn, const std::string& sql, Read read)
{
    auto rows = conn.exec(sql);
    if (!rows) {
        return rows.error();
    }
    std::vector<T> out;
    out.reserve(static_cast<std::size_t>(rows->size()));
    for (int r = 0; r < rows->size(); ++r) {
        out.push_back(read(*rows, r));
    }
    return out;
}

Result<bool> exists(pg::Connection& conn, const std::string& sql, const std::string& key)
{
    auto found = one<bool>(conn, sql, key, [](const pg::Rows&, int) { return true; });
    if (!found) {
        return found.error();
    }
    return found->has_value();
}

// Inserts the org if its code is free and its parent exists (asked before the row is there, so
// that an org is never its own parent), in one statement: a code another server takes at the same
// moment waits for that server's commit and then counts as taken. Nothing inserted: the code is
// taken (checked first, as on SQLite) or the parent is missing.
Status<> insertOrg(pg::Connection& conn, const Org& org)
{
    auto added =
        conn.exec("INSERT INTO orgs(code, kind, name, parent, status) "
                  "SELECT $1::text, $2::text, $3::text, $4::text, $5::text "
                  "WHERE $4::text IS NULL OR EXISTS (SELECT 1 FROM orgs WHERE code = $4::text) "
                  "ON CONFLICT (code) DO NOTHING",
                  {org.code, toString(org.kind), org.name,
                   org.parent.empty() ? pg::Param::null() : pg::Param(org.parent), toString(org.status)});
    if (!added) {
        // The parent's row was not yet committed by the server that adds it.
        return pg::sqlState(added.error()) == pg::kForeignKeyViolation ? accounts::invalidParent(org)
                                                                       : added.error();
    }
    if (added->affected() == 1) {
        return Ok{};
    }
    auto taken = exists(conn, "SELECT 1 FROM orgs WHERE code = $1", org.code);
    if (!taken) {
        return taken.error();
    }
    return *taken ? accounts::orgExists(org) : accounts::invalidParent(org);
}

// Inserts the user if the login is free and the org exists, in one statement, as insertOrg (the
// conflict is on the index users_login, the login as it compares): a login another server adds
// at the same moment is "login_taken", and a taken login is reported before an unknown org, as on
// SQLite. A taken id stays a storage error, as on SQLite.
Status<> insertUser(pg::Connection& conn, const User& user)
{
    auto added =
        conn.exec("INSERT INTO users(id, login, display_name, role, org_code, password_hash, status, "
                  "mobile) SELECT $1::text, $2::text, $3::text, $4::text, $5::text, $6::text, $7::text, "
                  "$8::text WHERE EXISTS (SELECT 1 FROM orgs WHERE code = $5::text) "
                  R"(ON CONFLICT ((lower(login COLLATE "C"))) DO NOTHING)",
                  {user.id, user.login, user.displayName, toString(user.role), user.orgCode,
                   user.passwordHash, toString(user.status), user.mobile});
    if (!added) {
        return pg::sqlState(added.error()) == pg::kForeignKeyViolation
                   ? accounts::unknownOrg(user.orgCode, "orgCode")
                   : added.error();
    }
    if (added->affected() == 1) {
        return Ok{};
    }
    auto taken =
        exists(conn, R"(SELECT 1 FROM users WHERE lower(login COLLATE "C") = lower($1::text COLLATE "C"))",
               user.login);
    if (!taken) {
        return taken.error();
    }
    return *taken ? accounts::loginTaken(user) : accounts::unknownOrg(user.orgCode, "orgCode");
}

// Runs body(conn) in one transaction on a leased connection. PostgreSQL may abort a transaction
// to break a deadlock with another server's (two batches adding the same logins in opposite
// orders): it then runs again, three times at most.
template <class Body> Status<> inTransaction(pg::Pool& pool, Body body)
{
    auto conn = pool.lease();
    for (int attempt = 1;; ++attempt) {
        Status<> outcome = [&]() -> Status<> {
            auto tx = pg::Transaction::begin(*conn);
            if (!tx) {
                return tx.error();
            }
            if (auto s = body(*conn); !s) {
                return s;
            }
            return tx->commit();
        }();
        const std::string state = outcome ? std::string() : pg::sqlState(outcome.error());
        if (outcome || attempt == 3 ||
            (state != pg::kDeadlockDetected && state != pg::kSerializationFailure)) {
            return outcome;
        }
    }
}

Status<> run(pg::Pool& pool, std::string_view sql, const std::vector<pg::Param>& params)
{
    auto conn = pool.lease();
    auto done = conn->exec(sql, params);
    if (!done) {
        return done.error();
    }
    return Ok{};
}

Status<> insertAudit(pg::Connection& conn, const AuditEntry& a)
{
    auto done =
        conn.exec("INSERT INTO audit_log(at_ms, actor_id, actor_login, action, target, reason, detail) "
                  "VALUES($1, $2, $3, $4, $5, $6, $7)",
                  {a.atMs, a.actorId, a.actorLogin, a.action, a.target, a.reason, a.detail});
    if (!done) {
        return done.error();
    }
    return Ok{};
}

// Runs `sql` (which names the row by $1 and may take more parameters) on one account, ends its
// sessions when `endSessions`, and writes the audit line, in one transaction.
Status<> changeUser(pg::Pool& pool, const std::string& sql, const std::vector<pg::Param>& params,
                    bool endSessions, const AuditEntry& audit)
{
    return inTransaction(pool, [&](pg::Connection& conn) -> Status<> {
        auto changed = conn.exec(sql, params);
        if (!changed) {
            return changed.error();
        }
        if (changed->affected() == 0) {
            return Error{
                "user_not_found",
                "there is no account with id " + *params.front().value + "; reload the list of users", "id"};
        }
        if (endSessions) {
            if (auto gone = conn.exec("DELETE FROM sessions WHERE user_id = $1", {params.front()}); !gone) {
                return gone.error();
            }
        }
        return insertAudit(conn, audit);
    });
}

// Sets the org's status to `to` (only a pending org when `onlyPending`) and its pending users',
// with the audit line.
Status<> decideOrg(pg::Pool& pool, const std::string& code, const char* to, bool onlyPending,
                   const AuditEntry& audit)
{
    return inTransaction(pool, [&](pg::Connection& conn) -> Status<> {
        auto org = conn.exec(std::string("UPDATE orgs SET status = $2 WHERE code = $1") +
                                 (onlyPending ? " AND status = 'pending'" : ""),
                             {code, to});
        if (!org) {
            return org.error();
        }
        if (org->affected() == 0) {
            return accounts::unknownOrg(code, "code");
        }
        auto users =
            conn.exec("UPDATE users SET status = $2 WHERE org_code = $1 AND status = 'pending'", {code, to});
        if (!users) {
            return users.error();
        }
        return insertAudit(conn, audit);
    });
}

} // namespace

PgStore::PgStore(std::unique_ptr<pg::Pool> pool) : m_pool(std::move(pool)) {}
PgStore::~PgStore() = default;

Result<std::unique_ptr<PgStore>> PgStore::open(const std::string& url, int connections)
{
    auto pool = pg::Pool::open(url, std::max(connections, 1));
    if (!pool) {
        return pool.error();
    }
    {
        auto conn = (*pool)->lease();
        if (auto s = pg::migrate(*conn, "accounts", migrations()); !s) {
            return s.error();
        }
    }
    return std::unique_ptr<PgStore>(new PgStore(std::move(pool).value()));
}

int PgStore::latestSchemaVersion()
{
    return static_cast<int>(migrations().size());
}

Status<> PgStore::addOrg(const Org& org)
{
    auto conn = m_pool->lease();
    return insertOrg(*conn, org);
}

Status<> PgStore::addOrgs(const std::vector<Org>& orgs)
{
    return inTransaction(*m_pool, [&](pg::Connection& conn) -> Status<> {
        for (const auto& org : orgs) {
            if (auto s = insertOrg(conn, org); !s) {
                return s;
            }
        }
        return Ok{};
    });
}

Result<std::optional<Org>> PgStore::findOrg(const std::string& code)
{
    auto conn = m_pool->lease();
    return one<Org>(*conn, select(kOrgColumns, "FROM orgs WHERE code = $1"), code, readOrg);
}

Result<std::vector<Org>> PgStore::listOrgs()
{
    auto conn = m_pool->lease();
    return all<Org>(*conn, select(kOrgColumns, R"(FROM orgs ORDER BY code COLLATE "C")"), readOrg);
}

Status<> PgStore::addUser(const User& user)
{
    auto conn = m_pool->lease();
    return insertUser(*conn, user);
}

Status<> PgStore::addUsers(const std::vector<User>& users)
{
    return inTransaction(*m_pool, [&](pg::Connection& conn) -> Status<> {
        for (const auto& user : users) {
            if (auto s = insertUser(conn, user); !s) {
                return s;
            }
        }
        return Ok{};
    });
}

Result<std::optional<User>> PgStore::findUserByLogin(const std::string& login)
{
    auto conn = m_pool->lease();
    return one<User>(
        *conn,
        select(kUserColumns, R"(FROM users WHERE lower(login COLLATE "C") = lower($1::text COLLATE "C"))"),
        login, readUser);
}

Result<std::optional<User>> PgStore::findUserById(const std::string& id)
{
    auto conn = m_pool->lease();
    return one<User>(*conn, select(kUserColumns, "FROM users WHERE id = $1"), id, readUser);
}

Result<std::vector<User>> PgStore::listUsers()
{
    auto conn = m_pool->lease();
    return all<User>(*conn, select(kUserColumns, R"(FROM users ORDER BY lower(login COLLATE "C"))"),
                     readUser);
}

Status<> PgStore::registerUnit(const Org& unit, const User& reviewer)
{
    return inTransaction(*m_pool, [&](pg::Connection& conn) -> Status<> {
        if (auto s = insertOrg(conn, unit); !s) {
            return s;
        }
        return insertUser(conn, reviewer);
    });
}

Status<> PgStore::addSession(const Session& session)
{
    return run(
        *m_pool,
        "INSERT INTO sessions(token_hash, user_id, site, created_ms, expires_ms) VALUES($1, $2, $3, $4, $5)",
        {session.tokenHash, session.userId, session.site, session.createdMs, session.expiresMs});
}

Result<std::optional<Session>> PgStore::findSession(const std::string& tokenHash)
{
    auto conn = m_pool->lease();
    return one<Session>(
        *conn, "SELECT token_hash, user_id, site, created_ms, expires_ms FROM sessions WHERE token_hash = $1",
        tokenHash, readSession);
}

Status<> PgStore::deleteSession(const std::string& tokenHash)
{
    auto deleted = run(*m_pool, "DELETE FROM sessions WHERE token_hash = $1", {tokenHash});
    if (!deleted && pg::sqlState(deleted.error()) == pg::kCharacterNotInRepertoire) {
        return Ok{}; // no session has such a token hash
    }
    return deleted;
}

Status<> PgStore::purgeSessions(std::int64_t beforeMs)
{
    return run(*m_pool, "DELETE FROM sessions WHERE expires_ms < $1", {beforeMs});
}

Result<LoginAttempts> PgStore::loginAttempts(const std::string& key)
{
    auto conn = m_pool->lease();
    auto rows = conn->exec("SELECT failures, last_failure_ms FROM login_failures WHERE key = $1",
                           {pg::Param::bytes(key)});
    if (!rows) {
        return rows.error();
    }
    if (rows->empty()) {
        return LoginAttempts{};
    }
    return LoginAttempts{static_cast<int>(rows->integer(0, 0)), rows->integer(0, 1)};
}

// One statement, so that servers sharing the database count every failure: the row of the key is
// locked while it is counted.
Result<LoginAttempts> PgStore::recordLoginFailure(const std::string& key, std::int64_t nowMs,
                                                  std::int64_t resetBeforeMs)
{
    auto conn = m_pool->lease();
    auto rows =
        conn->exec("INSERT INTO login_failures AS f(key, failures, last_failure_ms) VALUES($1, 1, $2) "
                   "ON CONFLICT (key) DO UPDATE SET failures = CASE WHEN f.last_failure_ms < $3 THEN 1 "
                   "ELSE f.failures + 1 END, last_failure_ms = $2 "
                   "RETURNING failures, last_failure_ms",
                   {pg::Param::bytes(key), nowMs, resetBeforeMs});
    if (!rows) {
        return rows.error();
    }
    return LoginAttempts{static_cast<int>(rows->integer(0, 0)), rows->integer(0, 1)};
}

Status<> PgStore::clearLoginFailures(const std::string& key)
{
    return run(*m_pool, "DELETE FROM login_failures WHERE key = $1", {pg::Param::bytes(key)});
}

Status<> PgStore::activateOrg(const std::string& code, const AuditEntry& audit)
{
    return decideOrg(*m_pool, code, "active", false, audit);
}

Status<> PgStore::rejectOrg(const std::string& code, const AuditEntry& audit)
{
    return decideOrg(*m_pool, code, "rejected", true, audit);
}

Status<> PgStore::addOrgAudited(const Org& org, const AuditEntry& audit)
{
    return inTransaction(*m_pool, [&](pg::Connection& conn) -> Status<> {
        if (auto s = insertOrg(conn, org); !s) {
            return s;
        }
        return insertAudit(conn, audit);
    });
}

Status<> PgStore::addUserAudited(const User& user, const AuditEntry& audit)
{
    return inTransaction(*m_pool, [&](pg::Connection& conn) -> Status<> {
        if (auto s = insertUser(conn, user); !s) {
            return s;
        }
        return insertAudit(conn, audit);
    });
}

Status<> PgStore::setUserStatus(const std::string& userId, AccountStatus status, const AuditEntry& audit)
{
    return changeUser(*m_pool, "UPDATE users SET status = $2 WHERE id = $1", {userId, toString(status)},
                      status != AccountStatus::Active, audit);
}

Status<> PgStore::setPasswordHash(const std::string& userId, const std::string& hash, const AuditEntry& audit)
{
    return changeUser(*m_pool, "UPDATE users SET password_hash = $2 WHERE id = $1", {userId, hash}, true,
                      audit);
}

Result<std::vector<AuditEntry>> PgStore::listAudit(std::int64_t beforeId, int limit)
{
    auto conn = m_pool->lease();
    auto rows = conn->exec("SELECT id, at_ms, actor_id, actor_login, action, target, reason, detail "
                           "FROM audit_log WHERE id < $1 ORDER BY id DESC LIMIT $2",
                           {beforeId > 0 ? beforeId : INT64_MAX, limit});
    if (!rows) {
        return rows.error();
    }
    std::vector<AuditEntry> out;
    for (int r = 0; r < rows->size(); ++r) {
        out.push_back(AuditEntry{rows->integer(r, 0), rows->integer(r, 1), std::string(rows->text(r, 2)),
                                 std::string(rows->text(r, 3)), std::string(rows->text(r, 4)),
                                 std::string(rows->text(r, 5)), std::string(rows->text(r, 6)),
                                 std::string(rows->text(r, 7))});
    }
    return out;
}

Status<> PgStore::recordDeviceSync(const DeviceSync& sync)
{
    return run(
        *m_pool,
        "INSERT INTO device_syncs(user_id, site, first_ms, last_ms, address) VALUES($1, $2, $3, $3, $4) "
        "ON CONFLICT (user_id, site) DO UPDATE SET last_ms = GREATEST(device_syncs.last_ms, $3), "
        "address = $4",
        {sync.userId, sync.site, sync.lastMs, sync.address});
}

Result<std::vector<DeviceSync>> PgStore::listDeviceSyncs()
{
    auto conn = m_pool->lease();
    return all<DeviceSync>(*conn,
                           "SELECT user_id, site, first_ms, last_ms, address FROM device_syncs "
                           R"(ORDER BY user_id COLLATE "C", site COLLATE "C")",
                           [](const pg::Rows& rows, int r) {
                               return DeviceSync{std::string(rows.text(r, 0)), std::string(rows.text(r, 1)),
                                                 rows.integer(r, 2), rows.integer(r, 3),
                                                 std::string(rows.text(r, 4))};
                           });
}

} // namespace tepei::server
