#pragma once
// Small RAII helpers over the SQLite C API: a connection, a prepared statement, a transaction,
// and numbered migrations recorded in PRAGMA user_version. Domain-free, so that the client and
// the shared replica store can use the same file (it can move to shared/ unchanged).
//
// Errors are values with code "storage_error" and SQLite's message. A Database is one connection:
// like sqlite3 itself, use it from one thread at a time (callers serialise with a mutex).

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <tepei/sync/result.h>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace tepei::sqlite {

class Statement {
public:
    Statement() = default;
    explicit Statement(sqlite3_stmt* stmt) : m_stmt(stmt) {}
    Statement(Statement&& other) noexcept;
    Statement& operator=(Statement&& other) noexcept;
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;
    ~Statement();

    // Parameters are 1-based, as in SQLite. Binding copies the value.
    Statement& bind(int index, std::string_view text);
    Statement& bind(int index, std::int64_t value);
    Statement& bindNull(int index);

    // One step: true when a row is available, false when done.
    Result<bool> step();
    // Steps to the end, for statements that return no rows.
    Status<> run();

    std::string text(int column) const; // 0-based, as in SQLite
    std::int64_t integer(int column) const;
    bool isNull(int column) const;

private:
    sqlite3_stmt* m_stmt = nullptr;
};

class Database {
public:
    // Opens (creating if needed) the database at `path` with foreign keys on, a busy timeout of
    // 5 s, WAL journal and synchronous=FULL, so that a committed transaction is durable.
    static Result<Database> open(const std::filesystem::path& path);

    Database(Database&& other) noexcept;
    Database& operator=(Database&& other) noexcept;
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;
    ~Database();

    Status<> exec(const std::string& sql);
    Result<Statement> prepare(std::string_view sql);
    // Number of rows changed by the last statement.
    int changes() const;
    int userVersion();
    sqlite3* handle() const { return m_db; }

private:
    explicit Database(sqlite3* db) : m_db(db) {}
    sqlite3* m_db = nullptr;
};

// BEGIN IMMEDIATE on construction; rolls back on destruction unless commit() succeeded.
class Transaction {
public:
    explicit Transaction(Database& db);
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    ~Transaction();
    // Whether BEGIN succeeded; if not, status() tells why.
    const Status<>& status() const { return m_begun; }
    Status<> commit();

private:
    Database& m_db;
    Status<> m_begun;
    bool m_done = false;
};

// Migration number N (1-based) is migrations[N-1]. Applies every migration above the database's
// user_version in order, each with its new user_version in one transaction. A database newer
// than the list is refused with code "schema_too_new".
Status<> migrate(Database& db, const std::vector<std::string>& migrations);

Error storageError(std::string message);

} // namespace tepei::sqlite
