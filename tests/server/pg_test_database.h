#pragma once
// PostgreSQL for the tests of the server's stores (issue #16): the test cluster of ctest's
// PostgreSQL.* run (postgres_db.h), or the PostgreSQL server the environment variable
// TEPEI_TEST_PG_URL names, without a database (for example postgresql://tepei@127.0.0.1:55432),
// when a test is run by hand; each test that runs on PostgreSQL gets a fresh database of
// its own there, made through the database "postgres" and dropped after the test. Without the
// variable the PostgreSQL variants of the tests are skipped.

#include <memory>
#include <string>
#include <tepei/sync/result.h>

namespace tepei::test {

// TEPEI_TEST_PG_URL, or the test cluster's URL in the PostgreSQL run, or "" (SQLite only).
std::string pgServerUrl();

// `server` (a postgresql:// URL) naming the database `database` instead of the one it named, if
// any; a query (?sslmode=...) is kept.
std::string pgDatabaseUrl(const std::string& server, const std::string& database);

class PgTestDatabase {
public:
    // Creates a database with a name no other test uses on pgServerUrl(). Errors: the wrapper's
    // ("storage_open_failed" if the server cannot be reached, "storage_error").
    static Result<std::unique_ptr<PgTestDatabase>> create();
    // Drops the database, closing any connection still open to it.
    ~PgTestDatabase();
    PgTestDatabase(const PgTestDatabase&) = delete;
    PgTestDatabase& operator=(const PgTestDatabase&) = delete;

    // The URL of the database, for PgStore::open and PgBlobStore::open.
    const std::string& url() const { return m_url; }

private:
    PgTestDatabase(std::string name, std::string url) : m_name(std::move(name)), m_url(std::move(url)) {}
    std::string m_name;
    std::string m_url;
};

} // namespace tepei::test
