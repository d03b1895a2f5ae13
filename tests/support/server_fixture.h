#pragma once
// Runs the real tepei-server (and tepei-admin) for integration tests: a temporary data directory,
// a free loopback port, optional TLS with a certificate made by the openssl command, and a small
// HTTP client (cpprestsdk's http_client, confined to server_fixture.cpp). In the PostgreSQL run of a
// suite (test::onPostgresql(), issue #16) each TestServer also has a database of its own in the test
// cluster, passed to tepei-server and tepei-admin as --store URL beside --data.

#include <cpprest/json.h>
#include <filesystem>
#include <map>
#include <string>
#include <sys/types.h>
#include <vector>

namespace tepei::test {

struct HttpReply {
    int status = 0;
    std::map<std::string, std::string> headers; // lower-case names
    std::string body;
    web::json::value json() const;
    std::string code() const; // "code" of a JSON error reply, or ""
};

struct ExitResult {
    int code = -1;      // exit code, or -1 if it did not exit in time
    std::string output; // stdout and stderr
};

// Runs `exe args...`, waits up to timeoutSeconds, returns its exit code and output.
ExitResult runProgram(const std::string& exe, const std::vector<std::string>& args, int timeoutSeconds = 30);

class TestServer {
public:
    struct Options {
        std::vector<std::string> extraArgs;
        bool tls = false;
        // The --store database URL, e.g. another TestServer's storeUrl() to run two processes on one
        // database; empty: a new database in the PostgreSQL run, none on SQLite; "sqlite": the files
        // in the data directory even in the PostgreSQL run.
        std::string storeUrl;
    };
    explicit TestServer(Options options);
    TestServer() : TestServer(Options{}) {}
    ~TestServer();

    // Runs tepei-admin with --data (and --store) of this server; returns the exit code.
    int admin(std::vector<std::string> args, const std::string& password = "");
    // init, the org hierarchy (centre C0, authorities A1 and A2, work unit W1 under A1).
    void seedOrgs();

    // Starts the process and waits for /v1/health; false if it did not come up.
    bool start();
    // SIGTERM and wait; returns the exit code (0 on a graceful shutdown).
    int stop();
    // SIGKILL, as a crash or a pulled plug would stop it, and wait for it to be gone.
    void kill9();
    bool running() const { return m_pid > 0; }

    HttpReply call(const std::string& method, const std::string& path, const std::string& body = "",
                   std::map<std::string, std::string> headers = {}, const std::string& token = "",
                   const std::string& contentType = "application/json") const;
    HttpReply postJson(const std::string& path, const web::json::value& body,
                       const std::string& token = "") const;
    // Logs in (site id fixed) and returns the token, or "" on failure.
    std::string login(const std::string& user, const std::string& password) const;

    std::string baseUri() const;
    const std::filesystem::path& dir() const { return m_dir; }
    // The PostgreSQL database URL passed as --store (postgresql://tepei@127.0.0.1:PORT/NAME); empty
    // on SQLite.
    const std::string& storeUrl() const { return m_storeUrl; }
    std::string log() const;

private:
    Options m_options;
    std::string m_storeUrl; // before m_dir: made first, so a failure leaves no temporary folder
    std::filesystem::path m_dir;
    int m_port = 0;
    pid_t m_pid = -1;
};

// A port on 127.0.0.1 that was free a moment ago.
int freePort();

// n bytes that do not compress (an attachment's content), the same for the same seed.
std::string randomBytes(std::size_t n, unsigned seed);

} // namespace tepei::test
