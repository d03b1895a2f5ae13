#include "postgres_db.h"

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <libpq-fe.h>
#include <memory>
#include <random>
#include <sstream>
#include <stdexcept>
#include <unistd.h>

namespace tepei::test {

namespace {
const char* const kHowToStart =
    "run the test through ctest, whose PostgreSQL.ClusterStart fixture starts it (or start one with "
    "scripts/pg-test-cluster.sh start DIR and set TEPEI_TEST_PG_DIR=DIR)";

using Connection = std::unique_ptr<PGconn, decltype(&PQfinish)>;
using Result = std::unique_ptr<PGresult, decltype(&PQclear)>;

std::string trimmed(const std::string& s)
{
    const char* const space = " \t\r\n";
    const auto first = s.find_first_not_of(space);
    return first == std::string::npos ? std::string()
                                      : s.substr(first, s.find_last_not_of(space) - first + 1);
}

Connection connect(const std::string& url)
{
    // dbname holding a URL is expanded into its parts; the keywords after it add to them.
    const char* keywords[] = {"dbname", "connect_timeout", "client_encoding", nullptr};
    const char* values[] = {url.c_str(), "10", "UTF8", nullptr};
    Connection conn(PQconnectdbParams(keywords, values, 1), &PQfinish);
    if (!conn || PQstatus(conn.get()) != CONNECTION_OK) {
        throw std::runtime_error("cannot connect to PostgreSQL at " + url + ": " +
                                 (conn ? trimmed(PQerrorMessage(conn.get())) : std::string("out of memory")));
    }
    return conn;
}

Result exec(PGconn* conn, const std::string& sql)
{
    Result result(PQexec(conn, sql.c_str()), &PQclear);
    const auto status = result ? PQresultStatus(result.get()) : PGRES_FATAL_ERROR;
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
        throw std::runtime_error("PostgreSQL: " + trimmed(PQerrorMessage(conn)) + " (in: " + sql + ")");
    }
    return result;
}

std::string uniqueName()
{
    static std::atomic<unsigned> counter{0};
    std::random_device rd;
    std::ostringstream name;
    name << "tepei_test_" << getpid() << "_" << ++counter << "_" << std::hex << rd();
    return name.str();
}
} // namespace

std::string postgresClusterUrl()
{
    const char* dir = std::getenv("TEPEI_TEST_PG_DIR");
    if (dir == nullptr || *dir == '\0') {
        throw std::runtime_error(std::string("no test PostgreSQL cluster (TEPEI_TEST_PG_DIR is not set); ") +
                                 kHowToStart);
    }
    const auto file = std::filesystem::path(dir) / "url";
    std::ifstream in(file);
    std::stringstream s;
    s << in.rdbuf();
    const auto url = trimmed(s.str());
    if (url.empty()) {
        throw std::runtime_error("the test PostgreSQL cluster is not running (no " + file.string() + "); " +
                                 kHowToStart);
    }
    return url;
}

bool onPostgresql()
{
    const char* store = std::getenv("TEPEI_TEST_STORE");
    return store != nullptr && std::string(store) == "postgresql";
}

std::string newPostgresDatabase()
{
    const auto base = postgresClusterUrl();
    const auto conn = [&] {
        try {
            return connect(base + "/postgres");
        } catch (const std::runtime_error& e) {
            throw std::runtime_error(std::string(e.what()) + "; is the test PostgreSQL cluster running? " +
                                     kHowToStart);
        }
    }();
    const auto name = uniqueName();
    exec(conn.get(), "CREATE DATABASE \"" + name + "\" TEMPLATE template0 ENCODING 'UTF8'");
    return base + "/" + name;
}

std::string pgQueryValue(const std::string& url, const std::string& sql)
{
    const auto conn = connect(url);
    const auto result = exec(conn.get(), sql);
    if (PQntuples(result.get()) == 0 || PQnfields(result.get()) == 0 || PQgetisnull(result.get(), 0, 0)) {
        return "";
    }
    return PQgetvalue(result.get(), 0, 0);
}

} // namespace tepei::test
