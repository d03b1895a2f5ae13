#include <set>
#include <tepei/client/store/client_tables.h>
#include <tepei/model/log/change_rows.h>
#include <tepei/sync/ids.h>

namespace tepei::client {

namespace {

// Every client table was created by the one combined schema of files from before components.
constexpr int kLegacyVersion = 1;

namespace sqlite = model::sqlite;

} // namespace

Status<> Outbox::open()
{
    static const std::vector<std::string_view> migrations{R"sql(
CREATE TABLE IF NOT EXISTS outbox (
    pos INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    author TEXT NOT NULL,
    site TEXT NOT NULL,
    hlc_wall INTEGER NOT NULL,
    hlc_counter INTEGER NOT NULL,
    record_kind TEXT NOT NULL,
    record_id TEXT NOT NULL,
    op TEXT NOT NULL,
    payload TEXT NOT NULL
);)sql"};
    if (auto st = sqlite::migrateComponent(m_db, "outbox", migrations, kLegacyVersion); !st)
        return st;
    return reload();
}

Status<> Outbox::reload()
{
    m_changes.clear();
    auto stmt = m_db.cached("SELECT " + std::string(sqlite::kChangeColumns) + " FROM outbox ORDER BY pos");
    if (!stmt)
        return stmt.error();
    for (;;) {
        auto row = (*stmt)->step();
        if (!row)
            return row.error();
        if (!*row)
            return Ok{};
        auto change = sqlite::readChange(**stmt, 0);
        if (!change)
            return change.error();
        m_changes.push_back(std::move(change).value());
    }
}

Status<> Outbox::add(const sync::Change& change)
{
    auto stmt = m_db.cached("INSERT INTO outbox (" + std::string(sqlite::kChangeColumns) +
                            ") VALUES (?,?,?,?,?,?,?,?,?)");
    if (!stmt)
        return stmt.error();
    sqlite::bindChange(**stmt, 1, change);
    if (auto st = (*stmt)->run(); !st)
        return st;
    m_changes.push_back(change);
    return Ok{};
}

Status<> Outbox::remove(const sync::ChangeId& id)
{
    auto stmt = m_db.cached("DELETE FROM outbox WHERE id = ?");
    if (!stmt)
        return stmt.error();
    (*stmt)->bind(1, sync::toString(id));
    return (*stmt)->run();
}

void Outbox::forget(const std::vector<sync::ChangeId>& ids)
{
    const std::set<sync::ChangeId> gone(ids.begin(), ids.end());
    std::erase_if(m_changes, [&](const sync::Change& c) { return gone.count(c.id) > 0; });
}

Status<> RejectedChanges::open()
{
    static const std::vector<std::string_view> migrations{R"sql(
CREATE TABLE IF NOT EXISTS rejected (
    id TEXT PRIMARY KEY,
    record_kind TEXT NOT NULL,
    record_id TEXT NOT NULL,
    payload TEXT NOT NULL,
    code TEXT NOT NULL,
    message TEXT NOT NULL,
    rejected_at INTEGER NOT NULL
);)sql"};
    return sqlite::migrateComponent(m_db, "rejected", migrations, kLegacyVersion);
}

Status<> RejectedChanges::keep(const sync::Change& change, const Error& reason, std::int64_t atMillis)
{
    auto stmt =
        m_db.cached("INSERT OR REPLACE INTO rejected (id, record_kind, record_id, payload, code, message, "
                    "rejected_at) VALUES (?,?,?,?,?,?,?)");
    if (!stmt)
        return stmt.error();
    (*stmt)
        ->bind(1, sync::toString(change.id))
        .bind(2, change.recordKind)
        .bind(3, change.recordId)
        .bind(4, sqlite::payloadText(change))
        .bind(5, reason.code)
        .bind(6, reason.message)
        .bind(7, atMillis);
    return (*stmt)->run();
}

Result<std::vector<RejectedChange>> RejectedChanges::all() const
{
    auto stmt = m_db.cached("SELECT id, record_kind, record_id, payload, code, message, rejected_at FROM "
                            "rejected ORDER BY rejected_at, id");
    if (!stmt)
        return stmt.error();
    std::vector<RejectedChange> rows;
    for (;;) {
        auto row = (*stmt)->step();
        if (!row)
            return row.error();
        if (!*row)
            return rows;
        rows.push_back(RejectedChange{
            (*stmt)->columnText(0), (*stmt)->columnText(1), (*stmt)->columnText(2), (*stmt)->columnText(3),
            Error{(*stmt)->columnText(4), (*stmt)->columnText(5), {}}, (*stmt)->columnInt(6)});
    }
}

Status<> ReplicaMeta::open()
{
    static const std::vector<std::string_view> migrations{
        "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);"};
    return sqlite::migrateComponent(m_db, "meta", migrations, kLegacyVersion);
}

std::optional<std::string> ReplicaMeta::get(const std::string& key) const
{
    auto stmt = m_db.cached("SELECT value FROM meta WHERE key = ?");
    if (!stmt)
        return std::nullopt;
    (*stmt)->bind(1, key);
    auto row = (*stmt)->step();
    std::optional<std::string> value;
    if (row && *row)
        value = (*stmt)->columnText(0);
    (*stmt)->reset();
    return value;
}

Status<> ReplicaMeta::set(const std::string& key, const std::string& value)
{
    auto stmt = m_db.cached("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)");
    if (!stmt)
        return stmt.error();
    (*stmt)->bind(1, key).bind(2, value);
    return (*stmt)->run();
}

} // namespace tepei::client
