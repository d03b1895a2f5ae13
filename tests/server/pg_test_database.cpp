#include "pg_test_database.h"

#include "postgres_db.h"

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <random>
#include <tepei/server/postgres/pg.h>
#include <unistd.h>

namespace tepei::test {

std::string pgServerUrl()
{
    if (const char* url = std::getenv("TEPEI_TEST_PG_URL"))
        return url;
    return onPostgresql() ? postgresClusterUrl() : std::string();
}

std::string pgDatabaseUrl(const std::string& server, const std::string& database)
{
    const auto scheme = server.find("://");
    const auto start = scheme == std::string::npos ? 0 : scheme + 3;
    const auto query = server.find('?', start);
    const auto path = server.find('/', start);
    const auto hostEnd = std::min(path, query);
    return server.substr(0, hostEnd) + "/" + database +
           (query == std::string::npos ? "" : server.substr(query));
}

namespace {
// The administrative connection, to the database every PostgreSQL server has.
Result<std::unique_ptr<server::pg::Connection>> adminConnection()
{
    return server::pg::Connection::open(pgDatabaseUrl(pgServerUrl(), "postgres"));
}
} // namespace

Result<std::unique_ptr<PgTestDatabase>> PgTestDatabase::create()
{
    static std::atomic<int> counter{0};
    std::mt19937 random{std::random_device{}()};
    // Lower case, digits and '_': a name PostgreSQL takes without quoting.
    const std::string name = "tepei_test_" + std::to_string(::getpid()) + "_" + std::to_string(++counter) +
                             "_" + std::to_string(random() % 1'000'000);
    auto admin = adminConnection();
    if (!admin) {
        return admin.error();
    }
    if (auto s = (*admin)->run("CREATE DATABASE " + name); !s) {
        return s.error();
    }
    return std::unique_ptr<PgTestDatabase>(new PgTestDatabase(name, pgDatabaseUrl(pgServerUrl(), name)));
}

PgTestDatabase::~PgTestDatabase()
{
    if (auto admin = adminConnection()) {
        (void)(*admin)->run("DROP DATABASE IF EXISTS " + m_name + " WITH (FORCE)");
    }
}

} // namespace tepei::test
