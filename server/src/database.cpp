#include <sqlite3.h>
#include <tepei/sqlite/database.h>
#include <utility>

namespace tepei::sqlite {

Error storageError(std::string message)
{
    return Error{"storage_error",
                 "the database failed: " + message +
                     "; check the data directory (disk full, "
                     "permissions) and the server log",
                 ""};
}

namespace {
Error lastError(sqlite3* db)
{
    return storageError(db ? sqlite3_errmsg(db) : "no database");
}
} // namespace

Statement::Statement(Statement&& other) noexcept : m_stmt(std::exchange(other.m_stmt, nullptr)) {}

Statement& Statement::operator=(Statement&& other) noexcept
{
    if (this != &other) {
        sqlite3_finalize(m_stmt);
        m_stmt = std::exchange(other.m_stmt, nullptr);
    }
    return *this;
}

Statement::~Statement()
{
    sqlite3_finalize(m_stmt);
}

Statement& Statement::bind(int index, std::string_view text)
{
    sqlite3_bind_text(m_stmt, index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
    return *this;
}

Statement& Statement::bind(int index, std::int64_t value)
{
    sqlite3_bind_int64(m_stmt, index, value);
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
    if (rc == SQLITE_ROW) {
        return true;
    }
    if (rc == SQLITE_DONE) {
        return false;
    }
    return lastError(sqlite3_db_handle(m_stmt));
}

Status<> Statement::run()
{
    for (;;) {
        auto row = step();
        if (!row) {
            return row.error();
        }
        if (!*row) {
            return Ok{};
        }
    }
}

std::string Statement::text(int column) const
{
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(m_stmt, column));
    return p ? std::string(p, static_cast<std::size_t>(sqlite3_column_bytes(m_stmt, column))) : std::string();
}

std::int64_t Statement::integer(int column) const
{
    return sqlite3_column_int64(m_stmt, column);
}

bool Statement::isNull(int column) const
{
    return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}

Result<Database> Database::open(const std::filesystem::path& path)
{
    sqlite3* raw = nullptr;
    const int rc = sqlite3_open_v2(path.c_str(), &raw,
                                   SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
    Database db(raw);
    if (rc != SQLITE_OK) {
        return storageError("cannot open " + path.string() + ": " +
                            (raw ? sqlite3_errmsg(raw) : "out of memory"));
    }
    sqlite3_busy_timeout(raw, 5000);
    for (const char* pragma :
         {"PRAGMA foreign_keys=ON", "PRAGMA journal_mode=WAL", "PRAGMA synchronous=FULL"}) {
        if (auto s = db.exec(pragma); !s) {
            return s.error();
        }
    }
    return db;
}

Database::Database(Database&& other) noexcept : m_db(std::exchange(other.m_db, nullptr)) {}

Database& Database::operator=(Database&& other) noexcept
{
    if (this != &other) {
        sqlite3_close_v2(m_db);
        m_db = std::exchange(other.m_db, nullptr);
    }
    return *this;
}

Database::~Database()
{
    sqlite3_close_v2(m_db);
}

Status<> Database::exec(const std::string& sql)
{
    char* message = nullptr;
    if (sqlite3_exec(m_db, sql.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
        std::string text = message ? message : "unknown error";
        sqlite3_free(message);
        return storageError(text);
    }
    return Ok{};
}

Result<Statement> Database::prepare(std::string_view sql)
{
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(m_db, sql.data(), static_cast<int>(sql.size()), &stmt, nullptr) != SQLITE_OK) {
        return lastError(m_db);
    }
    return Statement(stmt);
}

int Database::changes() const
{
    return sqlite3_changes(m_db);
}

int Database::userVersion()
{
    auto stmt = prepare("PRAGMA user_version");
    if (!stmt || !stmt->step().ok()) {
        return -1;
    }
    return static_cast<int>(stmt->integer(0));
}

Transaction::Transaction(Database& db) : m_db(db), m_begun(db.exec("BEGIN IMMEDIATE")) {}

Transaction::~Transaction()
{
    if (m_begun.ok() && !m_done) {
        (void)m_db.exec("ROLLBACK");
    }
}

Status<> Transaction::commit()
{
    if (!m_begun) {
        return m_begun.error();
    }
    auto s = m_db.exec("COMMIT");
    m_done = s.ok();
    return s;
}

Status<> migrate(Database& db, const std::vector<std::string>& migrations)
{
    const int current = db.userVersion();
    if (current < 0) {
        return storageError("cannot read the schema version");
    }
    if (current > static_cast<int>(migrations.size())) {
        return Error{"schema_too_new",
                     "the database has schema version " + std::to_string(current) +
                         " but this program knows only " + std::to_string(migrations.size()) +
                         "; run a newer version of the program",
                     ""};
    }
    for (int version = current + 1; version <= static_cast<int>(migrations.size()); ++version) {
        Transaction tx(db);
        if (!tx.status()) {
            return tx.status().error();
        }
        if (auto s = db.exec(migrations[static_cast<std::size_t>(version - 1)]); !s) {
            return Error{"storage_error",
                         "migration " + std::to_string(version) + " failed: " + s.error().message, ""};
        }
        if (auto s = db.exec("PRAGMA user_version=" + std::to_string(version)); !s) {
            return s.error();
        }
        if (auto s = tx.commit(); !s) {
            return s.error();
        }
    }
    return Ok{};
}

} // namespace tepei::sqlite
