#pragma once
// The PostgreSQL side of the server integration tests (issue #16). ctest runs each test of
// tepei_server_tests twice: as itself (SQLite) and as PostgreSQL.<name>, with
// TEPEI_TEST_STORE=postgresql and TEPEI_TEST_PG_DIR set to the folder of the throw-away cluster
// that the PostgreSQL.ClusterStart fixture (scripts/pg-test-cluster.sh start) started; its base URL
// postgresql://tepei@127.0.0.1:PORT is in TEPEI_TEST_PG_DIR/url.

#include <string>

namespace tepei::test {

// Whether this test run is the PostgreSQL one (TEPEI_TEST_STORE=postgresql).
bool onPostgresql();

// The base URL of the running test cluster (postgresql://tepei@127.0.0.1:PORT), from
// TEPEI_TEST_PG_DIR/url. Throws std::runtime_error, saying what to do, when it is not running.
std::string postgresClusterUrl();

// A new empty database in the test cluster, named uniquely (pid, counter, random), created with
// CREATE DATABASE ... TEMPLATE template0 ENCODING 'UTF8'; returns its URL
// postgresql://tepei@127.0.0.1:PORT/NAME. Throws std::runtime_error, saying what to do, when the
// cluster is not running.
std::string newPostgresDatabase();

// Runs one SQL statement on the database at `url` and returns the first column of the first row as
// text ("" if there is no row, or it is NULL); throws std::runtime_error on an error. For tests that
// inspect the stored rows.
std::string pgQueryValue(const std::string& url, const std::string& sql);

} // namespace tepei::test
