#pragma once
// Thin RAII over the SQLite C API, shared by the replica store (client and server) and the
// server's account storage. Errors as values; a statement or transaction is owned by one thread.

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <tepei/sync/result.h>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace tepei::model::sqlite {

class Statement;

// One connection. Not thread-safe: use one Database per thread, or guard it.
// The write-ahead log is copied into the database file (checkpointed) once it holds this much.
inline constexpr std::int64_t kCheckpointBytes = 64 << 20;

class Database {
public:
    enum class Durability {
        Full,   // synchronous=FULL: a committed transaction survives power loss (server: acknowledged =
                // durable)
        Normal, // synchronous=NORMAL in WAL: survives a crash of the process, not always power loss
    };

    // Opens (creating if needed) the file, switches to WAL and sets busy timeout and foreign keys.
    // ":memory:" opens a private in-memory database. Errors: "storage_open_failed".
    static Result<std::unique_ptr<Database>> open(const std::string& path, Durability durability);
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    // Runs one or more statements without results. Errors: "storage_error".
    Status<> exec(std::string_view sql);
    // Prepares a statement; the Database must outlive it.
    Result<Statement> prepare(std::string_view sql);
    // A statement prepared once per connection and kept for reuse (hot paths). It comes reset, with
    // its bindings cleared. The pointer stays valid as long as the Database lives.
    Result<Statement*> cached(const std::string& sql);

    int userVersion();
    std::int64_t lastInsertRowId() const;
    int changes() const;
    std::string lastError() const;
    sqlite3* handle() const { return m_db; }
    std::int64_t pageSize();

    // Calls hook with the number of pages in the write-ahead log after every commit, in place of
    // SQLite's own checkpoint inside the commit that crosses wal_autocheckpoint: the caller then
    // checkpoints when and where it sees fit. An empty hook stops the calls (SQLite's own
    // checkpoint does not come back).
    void setWalCommitHook(std::function<void(int walPages)> hook);

private:
    explicit Database(sqlite3* db) : m_db(db) {}
    sqlite3* m_db;
    std::map<std::string, std::unique_ptr<Statement>> m_cache; // destroyed before the connection closes
    std::function<void(int)> m_walHook;
};

// A prepared statement. bind() indexes start at 1. step() returns true while a row is available.
class Statement {
public:
    Statement(Statement&& other) noexcept;
    Statement& operator=(Statement&& other) noexcept;
    ~Statement();

    Statement& bind(int index, std::int64_t value);
    Statement& bind(int index, std::string_view text);
    Statement& bindBlob(int index, const void* data, std::size_t size);
    Statement& bindNull(int index);

    // Advances; true if a row is ready. Errors: "storage_error" with SQLite's message.
    Result<bool> step();
    // Runs to completion ignoring rows, then resets for reuse.
    Status<> run();
    void reset();

    std::int64_t columnInt(int column) const;
    std::string columnText(int column) const;
    std::string_view columnTextView(int column) const;
    bool columnIsNull(int column) const;

private:
    friend class Database;
    Statement(sqlite3_stmt* stmt, sqlite3* db) : m_stmt(stmt), m_db(db) {}
    sqlite3_stmt* m_stmt;
    sqlite3* m_db;
};

// BEGIN IMMEDIATE ... COMMIT; rolls back in the destructor unless commit() succeeded.
class Transaction {
public:
    static Result<Transaction> begin(Database& db);
    Transaction(Transaction&& other) noexcept;
    Transaction& operator=(Transaction&&) = delete;
    ~Transaction();
    Status<> commit();

private:
    explicit Transaction(Database* db) : m_db(db) {}
    Database* m_db;
};

// A numbered schema migration: migrations[i] brings the schema from version i to i+1.
// migrate() runs each pending one in its own transaction and records it in PRAGMA user_version.
// A database newer than the code is refused ("schema_too_new") and left untouched.
Status<> migrate(Database& db, const std::vector<std::string_view>& migrations);

// The numbered migrations of one component of a database that several share (a client replica
// holds the change log and the client's own tables, each owned by its own class). Each
// component's version is kept in the table schema_versions. A database written before components
// counted one combined schema in PRAGMA user_version (1: every table there was); there a component
// not yet in schema_versions is at `legacyVersion`. Errors as migrate's.
Status<> migrateComponent(Database& db, std::string_view component,
                          const std::vector<std::string_view>& migrations, int legacyVersion);

} // namespace tepei::model::sqlite
