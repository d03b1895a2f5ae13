#pragma once
// Thin RAII over libpq, the PostgreSQL C client library (Debian's libpq5), for the server's
// PostgreSQL stores: a connection, queries with parameters ($1, $2, ...), COPY for bulk rows,
// transactions, a pool of connections, and numbered schema migrations per component, recorded in
// the table schema_versions as on SQLite. Errors as values ("storage_error", with PostgreSQL's
// message and what to do); the SQLSTATE of a failed statement is kept for the stores that map
// constraint violations to their own codes (sqlState()).

#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <tepei/sync/result.h>
#include <unordered_map>
#include <utility>
#include <vector>

struct pg_conn;
struct pg_result;

namespace tepei::server::pg {

// Whether a --store value names a PostgreSQL database: postgresql://... or postgres://...
bool isUrl(std::string_view store);
// The URL without its password, for log lines.
std::string redacted(std::string_view url);

// SQLSTATE codes the stores act on.
inline constexpr std::string_view kUniqueViolation = "23505";
inline constexpr std::string_view kForeignKeyViolation = "23503";
// Text PostgreSQL cannot hold: a NUL byte (exec() refuses such a text parameter rather than let
// libpq cut it short there) or, in a UTF8 database, bytes that are not UTF-8.
inline constexpr std::string_view kCharacterNotInRepertoire = "22021";
// A transaction PostgreSQL aborted to break a deadlock, or for a serialization conflict: running
// it again may succeed.
inline constexpr std::string_view kDeadlockDetected = "40P01";
inline constexpr std::string_view kSerializationFailure = "40001";
// The SQLSTATE of an error from exec(), or "" (not a statement error).
std::string sqlState(const Error& error);

// One parameter: text, NULL, or bytes (bytea, sent in binary).
struct Param {
    std::optional<std::string> value;
    bool binary = false;

    Param() = default;
    Param(std::string text) : value(std::move(text)) {}
    Param(std::string_view text) : value(std::string(text)) {}
    Param(const char* text) : value(std::string(text)) {}
    Param(std::int64_t number) : value(std::to_string(number)) {}
    Param(int number) : value(std::to_string(number)) {}
    Param(bool flag) : value(flag ? "t" : "f") {}
    static Param null() { return Param(); }
    static Param bytes(std::string_view data)
    {
        Param p{std::string(data)};
        p.binary = true;
        return p;
    }
};

// The rows of a query, owned (PQclear on destruction). Columns in text format unless the query
// asked for binary results (then every column is in binary).
class Rows {
public:
    Rows() = default;
    explicit Rows(pg_result* result);
    Rows(Rows&& other) noexcept;
    Rows& operator=(Rows&& other) noexcept;
    ~Rows();

    int size() const;
    bool empty() const { return size() == 0; }
    bool isNull(int row, int column) const;
    std::string_view text(int row, int column) const;
    std::int64_t integer(int row, int column) const; // text format: a decimal integer
    bool boolean(int row, int column) const;         // text format: 't' or 'f'
    // The number of rows an INSERT/UPDATE/DELETE touched.
    std::int64_t affected() const;

private:
    pg_result* m_result = nullptr;
};

class Connection {
public:
    // Connects. Errors: "storage_open_failed" naming the server (never the password) and what
    // to check.
    static Result<std::unique_ptr<Connection>> open(const std::string& url);
    ~Connection();
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    // One statement with parameters; rows in text format (binaryResults: in binary). A text
    // parameter with a NUL byte is refused (sqlState kCharacterNotInRepertoire). Each statement
    // is prepared once per connection (parsed and planned once) and kept by its text.
    Result<Rows> exec(std::string_view sql, const std::vector<Param>& params = {},
                      bool binaryResults = false);
    // One or more statements without parameters or rows (DDL, BEGIN, COMMIT).
    Status<> run(std::string_view sql);
    // COPY ... FROM STDIN with `data` in COPY's text format (copyField() escapes one field).
    Status<> copyIn(std::string_view copySql, std::string_view data);

    // A connection that broke (the database server restarted) is opened again when no
    // transaction is open on it. False if it is still broken.
    bool healthy();
    const std::string& url() const { return m_url; }

private:
    Connection(pg_conn* conn, std::string url) : m_conn(conn), m_url(std::move(url)) {}
    static void setUpSession(pg_conn* conn); // after connecting
    bool reopen();                           // PQreset and set the session up again
    Error lastError(std::string_view what) const;
    // The error of a failed statement (its result is cleared), or nullopt when it succeeded.
    std::optional<Error> failure(pg_result* result, std::string_view what) const;
    // After a statement failed: true if it failed because the connection had broken while no
    // transaction was open, and the connection is open again (send the statement again).
    bool reconnected(bool wasIdle, pg_result*& failed);
    // The name of `sql` prepared on this connection, preparing it the first time; null on failure
    // (then `failed` holds the result to report).
    const std::string* prepared(const std::string& sql, int params, pg_result*& failed);
    pg_conn* m_conn;
    std::string m_url;
    std::unordered_map<std::string, std::string> m_prepared; // SQL text -> statement name
};

// Appends `value` to a COPY text-format line, escaped (backslash, tab, newline, carriage return).
void copyField(std::string& line, std::string_view value);

// BEGIN ... COMMIT; rolls back in the destructor unless commit() succeeded.
class Transaction {
public:
    static Result<Transaction> begin(Connection& conn);
    Transaction(Transaction&& other) noexcept : m_conn(std::exchange(other.m_conn, nullptr)) {}
    Transaction& operator=(Transaction&&) = delete;
    ~Transaction();
    Status<> commit();

private:
    explicit Transaction(Connection* conn) : m_conn(conn) {}
    Connection* m_conn;
};

// A fixed number of connections shared by request threads: lease() waits for a free one.
class Pool {
public:
    static Result<std::unique_ptr<Pool>> open(const std::string& url, int size);

    class Lease {
    public:
        Lease(Pool& pool, std::unique_ptr<Connection> conn) : m_pool(&pool), m_conn(std::move(conn)) {}
        Lease(Lease&&) noexcept = default;
        ~Lease();
        Connection& operator*() { return *m_conn; }
        Connection* operator->() { return m_conn.get(); }

    private:
        Pool* m_pool;
        std::unique_ptr<Connection> m_conn;
    };
    Lease lease();

private:
    std::mutex m_mutex;
    std::condition_variable m_free;
    std::vector<std::unique_ptr<Connection>> m_idle;
};

// Numbered migrations of one component (migrations[i] takes it from version i to i+1), the
// pending ones in one transaction (all or none), under an advisory lock so that servers starting
// together migrate once.
// Errors: "schema_too_new" (a newer Tepei wrote the database), "migration_failed".
Status<> migrate(Connection& conn, std::string_view component,
                 const std::vector<std::string_view>& migrations);

// Keys of the transaction-scoped advisory locks the stores take (pg_advisory_xact_lock).
inline constexpr std::int64_t kMigrationLock = 0x7465706569'01; // "tepei" 1
inline constexpr std::int64_t kLogAppendLock = 0x7465706569'02;

} // namespace tepei::server::pg
