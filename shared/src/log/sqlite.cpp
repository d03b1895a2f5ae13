#include <sqlite3.h>
#include <tepei/model/log/sqlite.h>

namespace tepei::model::sqlite {

namespace {
Error storageError(sqlite3* db, std::string_view what)
{
    return Error{"storage_error",
                 std::string(what) + " failed: " + (db ? sqlite3_errmsg(db) : "no database") +
                     "; check that the data directory is writable and the disk is not full",
                 {}};
}
} // namespace

Result<std::unique_ptr<Database>> Database::open(const std::string& path, Durability durability)
{
    sqlite3* raw = nullptr;
    const int rc = sqlite3_open_v2(path.c_str(), &raw,
                                   SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
    std::unique_ptr<Database> db(new Database(raw));
    if (rc != SQLITE_OK) {
        return Error{"storage_open_failed",
                     "cannot open the database " + path + ": " +
                         (raw ? sqlite3_errmsg(raw) : "out of memory") +
                         "; check the path and its permissions",
                     {}};
    }
    sqlite3_busy_timeout(raw, 5000);
    // A pushed or pulled batch writes megabytes: a page cache that holds a whole batch (no spill
    // to the WAL before commit), reads through mmap, and checkpoints every 64 MB of WAL rather
    // than every 4 MB (each checkpoint copies the WAL into the database file). A new file gets
    // 16 KB pages: a change row (about 2.5 KB with a full form) would fill a 4 KB page alone and
    // waste 40 % of it; six fit in one of 16 KB. (An existing file keeps its page size.)
    const std::string pragmas =
        std::string("PRAGMA page_size=16384; PRAGMA journal_mode=WAL; PRAGMA foreign_keys=ON; "
                    "PRAGMA cache_size=-65536; PRAGMA mmap_size=268435456; PRAGMA synchronous=") +
        (durability == Durability::Full ? "FULL;" : "NORMAL;");
    if (auto st = db->exec(pragmas); !st)
        return st.error();
    if (auto st = db->exec("PRAGMA wal_autocheckpoint=" + std::to_string(kCheckpointBytes / db->pageSize()));
        !st)
        return st.error();
    return db;
}

std::int64_t Database::pageSize()
{
    if (auto stmt = prepare("PRAGMA page_size"); stmt && stmt->step().ok() && stmt->columnInt(0) > 0)
        return stmt->columnInt(0);
    return 4096; // SQLite's default
}

void Database::setWalCommitHook(std::function<void(int walPages)> hook)
{
    m_walHook = std::move(hook);
    const auto call = [](void* self, sqlite3*, const char*, int pages) {
        static_cast<Database*>(self)->m_walHook(pages);
        return SQLITE_OK;
    };
    sqlite3_wal_hook(m_db, m_walHook ? +call : nullptr, this);
}

Database::~Database()
{
    m_cache.clear();
    sqlite3_close_v2(m_db);
}

Result<Statement*> Database::cached(const std::string& sql)
{
    auto it = m_cache.find(sql);
    if (it == m_cache.end()) {
        auto stmt = prepare(sql);
        if (!stmt)
            return stmt.error();
        it = m_cache.emplace(sql, std::make_unique<Statement>(std::move(stmt).value())).first;
    } else {
        it->second->reset();
    }
    return it->second.get();
}

Status<> Database::exec(std::string_view sql)
{
    char* message = nullptr;
    const std::string text(sql);
    if (sqlite3_exec(m_db, text.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
        std::string detail = message ? message : "unknown error";
        sqlite3_free(message);
        return Error{"storage_error",
                     "database statement failed: " + detail +
                         "; check that the data directory is writable and the disk is not full",
                     {}};
    }
    return Ok{};
}

Result<Statement> Database::prepare(std::string_view sql)
{
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v3(m_db, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT, &stmt,
                           nullptr) != SQLITE_OK) {
        return storageError(m_db, "preparing a statement");
    }
    return Statement(stmt, m_db);
}

int Database::userVersion()
{
    auto stmt = prepare("PRAGMA user_version");
    if (!stmt)
        return -1;
    auto row = stmt->step();
    return row.ok() && *row ? static_cast<int>(stmt->columnInt(0)) : -1;
}

std::int64_t Database::lastInsertRowId() const
{
    return sqlite3_last_insert_rowid(m_db);
}

int Database::changes() const
{
    return sqlite3_changes(m_db);
}

std::string Database::lastError() const
{
    return sqlite3_errmsg(m_db);
}

Statement::Statement(Statement&& other) noexcept : m_stmt(other.m_stmt), m_db(other.m_db)
{
    other.m_stmt = nullptr;
}

Statement& Statement::operator=(Statement&& other) noexcept
{
    if (this != &other) {
        sqlite3_finalize(m_stmt);
        m_stmt = other.m_stmt;
        m_db = other.m_db;
        other.m_stmt = nullptr;
    }
    return *this;
}

Statement::~Statement()
{
    sqlite3_finalize(m_stmt);
}

Statement& Statement::bind(int index, std::int64_t value)
{
    sqlite3_bind_int64(m_stmt, index, value);
    return *this;
}

Statement& Statement::bind(int index, std::string_view text)
{
    sqlite3_bind_text(m_stmt, index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
    return *this;
}

Statement& Statement::bindBlob(int index, const void* data, std::size_t size)
{
    sqlite3_bind_blob(m_stmt, index, data, static_cast<int>(size), SQLITE_TRANSIENT);
    return *this;
}

Statement& Statement::bindNull(int index)
{
    sqlite3_bind_null(m_stmt, index);
    return *this;
}

Result<bool> Statement::step()
{
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        return false;
    auto error = storageError(m_db, "a database step");
    sqlite3_reset(m_stmt);
    return error;
}

Status<> Statement::run()
{
    for (;;) {
        auto row = step();
        if (!row)
            return row.error();
        if (!*row)
            break;
    }
    reset();
    return Ok{};
}

void Statement::reset()
{
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
}

std::int64_t Statement::columnInt(int column) const
{
    return sqlite3_column_int64(m_stmt, column);
}

std::string Statement::columnText(int column) const
{
    return std::string(columnTextView(column));
}

std::string_view Statement::columnTextView(int column) const
{
    const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(m_stmt, column));
    return text ? std::string_view(text, static_cast<std::size_t>(sqlite3_column_bytes(m_stmt, column)))
                : std::string_view();
}

bool Statement::columnIsNull(int column) const
{
    return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}

Result<Transaction> Transaction::begin(Database& db)
{
    if (auto st = db.exec("BEGIN IMMEDIATE"); !st)
        return st.error();
    return Transaction(&db);
}

Transaction::Transaction(Transaction&& other) noexcept : m_db(other.m_db)
{
    other.m_db = nullptr;
}

Transaction::~Transaction()
{
    if (m_db)
        (void)m_db->exec("ROLLBACK");
}

Status<> Transaction::commit()
{
    auto st = m_db->exec("COMMIT");
    if (st)
        m_db = nullptr;
    return st;
}

Status<> migrate(Database& db, const std::vector<std::string_view>& migrations)
{
    const int current = db.userVersion();
    if (current < 0)
        return Error{"storage_error", "cannot read the schema version: " + db.lastError(), {}};
    if (current > static_cast<int>(migrations.size())) {
        return Error{"schema_too_new",
                     "the database has schema version " + std::to_string(current) +
                         " but this program knows only " + std::to_string(migrations.size()) +
                         "; install the newer Tepei version that wrote it",
                     {}};
    }
    for (int version = current; version < static_cast<int>(migrations.size()); ++version) {
        auto tx = Transaction::begin(db);
        if (!tx)
            return tx.error();
        if (auto st = db.exec(migrations[static_cast<std::size_t>(version)]); !st) {
            return Error{"migration_failed",
                         "schema migration " + std::to_string(version + 1) + " failed: " + st.error().message,
                         {}};
        }
        if (auto st = db.exec("PRAGMA user_version=" + std::to_string(version + 1)); !st)
            return st.error();
        if (auto st = tx->commit(); !st)
            return st.error();
    }
    return Ok{};
}

namespace {

Result<int> componentVersion(Database& db, std::string_view component, int legacyVersion)
{
    if (auto st = db.exec("CREATE TABLE IF NOT EXISTS schema_versions (component TEXT PRIMARY KEY, "
                          "version INTEGER NOT NULL)");
        !st)
        return st.error();
    auto stmt = db.cached("SELECT version FROM schema_versions WHERE component = ?");
    if (!stmt)
        return stmt.error();
    (*stmt)->bind(1, component);
    auto row = (*stmt)->step();
    if (!row)
        return row.error();
    const int version = *row ? static_cast<int>((*stmt)->columnInt(0)) : -1;
    (*stmt)->reset();
    if (version >= 0)
        return version;
    return db.userVersion() >= 1 ? legacyVersion : 0; // a file of the combined schema, or a new one
}

} // namespace

Status<> migrateComponent(Database& db, std::string_view component,
                          const std::vector<std::string_view>& migrations, int legacyVersion)
{
    auto current = componentVersion(db, component, legacyVersion);
    if (!current)
        return current.error();
    const std::string name(component);
    if (*current > static_cast<int>(migrations.size())) {
        return Error{"schema_too_new",
                     "the " + name + " tables have schema version " + std::to_string(*current) +
                         " but this program knows only " + std::to_string(migrations.size()) +
                         "; install the newer Tepei version that wrote them",
                     {}};
    }
    auto record = db.cached("INSERT OR REPLACE INTO schema_versions (component, version) VALUES (?, ?)");
    if (!record)
        return record.error();
    const int target = static_cast<int>(migrations.size());
    if (*current == target) {
        (*record)->bind(1, component).bind(2, static_cast<std::int64_t>(target)); // a legacy file's row
        return (*record)->run();
    }
    for (int version = *current; version < target; ++version) {
        auto tx = Transaction::begin(db);
        if (!tx)
            return tx.error();
        if (auto st = db.exec(migrations[static_cast<std::size_t>(version)]); !st) {
            return Error{"migration_failed",
                         "schema migration " + std::to_string(version + 1) + " of the " + name +
                             " tables failed: " + st.error().message,
                         {}};
        }
        (*record)->bind(1, component).bind(2, static_cast<std::int64_t>(version + 1));
        if (auto st = (*record)->run(); !st)
            return st.error();
        if (auto st = tx->commit(); !st)
            return st.error();
    }
    return Ok{};
}

} // namespace tepei::model::sqlite
