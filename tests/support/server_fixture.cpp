#include "server_fixture.h"

#include "postgres_db.h"

#include <arpa/inet.h>
#include <chrono>
#include <cpprest/http_client.h>
#include <fcntl.h>
#include <fstream>
#include <netinet/in.h>
#include <random>
#include <signal.h>
#include <spawn.h>
#include <sstream>
#include <sys/socket.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

extern char** environ;

namespace tepei::test {

namespace http = web::http;

web::json::value HttpReply::json() const
{
    std::error_code ec;
    auto v = web::json::value::parse(body, ec);
    return ec ? web::json::value() : v;
}

std::string HttpReply::code() const
{
    auto v = json();
    return v.is_object() && v.has_string_field("code") ? v.at("code").as_string() : std::string();
}

namespace {
std::filesystem::path makeTempDir()
{
    std::random_device rd;
    auto dir = std::filesystem::temp_directory_path() / ("tepei-server-test-" + std::to_string(rd()));
    std::filesystem::create_directories(dir);
    return dir;
}

pid_t spawn(const std::string& exe, const std::vector<std::string>& args, const std::filesystem::path& output)
{
    std::vector<std::string> all{exe};
    all.insert(all.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& a : all) {
        argv.push_back(a.data());
    }
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, output.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
    posix_spawn_file_actions_adddup2(&actions, 1, 2);
    pid_t pid = -1;
    if (posix_spawn(&pid, exe.c_str(), &actions, nullptr, argv.data(), environ) != 0) {
        pid = -1;
    }
    posix_spawn_file_actions_destroy(&actions);
    return pid;
}

// Waits for `pid` up to timeoutSeconds; its exit code, or -1.
int waitExit(pid_t pid, int timeoutSeconds)
{
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(timeoutSeconds);
    while (std::chrono::steady_clock::now() < deadline) {
        int status = 0;
        if (waitpid(pid, &status, WNOHANG) == pid) {
            return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    kill(pid, SIGKILL);
    waitpid(pid, nullptr, 0);
    return -1;
}

// The --store URL of a new TestServer: the one it was given, else a new database in the PostgreSQL
// run, else none.
std::string storeUrlFor(const TestServer::Options& options)
{
    if (options.storeUrl == "sqlite") {
        return std::string();
    }
    if (!options.storeUrl.empty()) {
        return options.storeUrl;
    }
    return onPostgresql() ? newPostgresDatabase() : std::string();
}

std::string readFile(const std::filesystem::path& path)
{
    std::ifstream in(path, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}
} // namespace

std::string randomBytes(std::size_t n, unsigned seed)
{
    std::mt19937 gen(seed);
    std::string s(n, '\0');
    for (auto& c : s) {
        c = static_cast<char>(gen() & 0xff);
    }
    return s;
}

int freePort()
{
    const int fd = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
    socklen_t len = sizeof addr;
    getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
    close(fd);
    return ntohs(addr.sin_port);
}

ExitResult runProgram(const std::string& exe, const std::vector<std::string>& args, int timeoutSeconds)
{
    const auto out =
        std::filesystem::temp_directory_path() / ("tepei-run-" + std::to_string(getpid()) + ".log");
    std::filesystem::remove(out);
    const pid_t pid = spawn(exe, args, out);
    ExitResult result;
    result.code = pid > 0 ? waitExit(pid, timeoutSeconds) : -1;
    result.output = readFile(out);
    std::filesystem::remove(out);
    return result;
}

TestServer::TestServer(Options options)
    : m_options(std::move(options)), m_storeUrl(storeUrlFor(m_options)), m_dir(makeTempDir()),
      m_port(freePort())
{
    if (m_options.tls) {
        const auto r =
            runProgram("/usr/bin/openssl",
                       {"req", "-x509", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=localhost", "-days",
                        "1", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1", "-keyout",
                        (m_dir / "key.pem").string(), "-out", (m_dir / "cert.pem").string()});
        if (r.code != 0) {
            throw std::runtime_error("openssl failed: " + r.output);
        }
    }
}

TestServer::~TestServer()
{
    stop();
    std::error_code ec;
    std::filesystem::remove_all(m_dir, ec);
}

int TestServer::admin(std::vector<std::string> args, const std::string& password)
{
    args.insert(args.begin(), {"--data", (m_dir / "data").string()});
    if (!m_storeUrl.empty()) {
        args.insert(args.begin() + 2, {"--store", m_storeUrl});
    }
    if (!password.empty()) {
        args.insert(args.end(), {"--password", password});
    }
    return runProgram(TEPEI_ADMIN_EXE, args).code;
}

void TestServer::seedOrgs()
{
    const auto file = m_dir / "orgs.json";
    std::ofstream(file) << R"([{"code":"C0","kind":"centre","name":"自治区人事人才公共服务中心"},
        {"code":"A1","kind":"authority","name":"呼和浩特市","parent":"C0"},
        {"code":"A2","kind":"authority","name":"包头市","parent":"C0"},
        {"code":"W1","kind":"work_unit","name":"呼和浩特市第一医院","parent":"A1"},
        {"code":"T1","kind":"training_unit","name":"北京大学"}])";
    if (admin({"init"}) != 0 || admin({"org", "import", file.string()}) != 0) {
        throw std::runtime_error("seeding orgs failed");
    }
}

bool TestServer::start()
{
    std::vector<std::string> args{"--data", (m_dir / "data").string(), "--listen",
                                  "127.0.0.1:" + std::to_string(m_port)};
    if (!m_storeUrl.empty()) {
        args.insert(args.end(), {"--store", m_storeUrl});
    }
    if (m_options.tls) {
        args.insert(args.end(),
                    {"--tls-cert", (m_dir / "cert.pem").string(), "--tls-key", (m_dir / "key.pem").string()});
    }
    args.insert(args.end(), m_options.extraArgs.begin(), m_options.extraArgs.end());
    m_pid = spawn(TEPEI_SERVER_EXE, args, m_dir / "server.log");
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(15);
    while (m_pid > 0 && std::chrono::steady_clock::now() < deadline) {
        if (waitpid(m_pid, nullptr, WNOHANG) == m_pid) {
            m_pid = -1;
            return false;
        }
        try {
            if (call("GET", "/v1/health").status == 200) {
                return true;
            }
        } catch (const std::exception&) { // not listening yet
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return false;
}

void TestServer::kill9()
{
    if (m_pid <= 0) {
        return;
    }
    kill(m_pid, SIGKILL);
    waitpid(m_pid, nullptr, 0);
    m_pid = -1;
}

int TestServer::stop()
{
    if (m_pid <= 0) {
        return -1;
    }
    kill(m_pid, SIGTERM);
    const int code = waitExit(m_pid, 10);
    m_pid = -1;
    return code;
}

std::string TestServer::baseUri() const
{
    return (m_options.tls ? "https://localhost:" : "http://127.0.0.1:") + std::to_string(m_port);
}

std::string TestServer::log() const
{
    return readFile(m_dir / "server.log");
}

HttpReply TestServer::call(const std::string& method, const std::string& path, const std::string& body,
                           std::map<std::string, std::string> headers, const std::string& token,
                           const std::string& contentType) const
{
    http::client::http_client_config config;
    config.set_timeout(std::chrono::seconds(20));
    if (m_options.tls) {
        const std::string cert = (m_dir / "cert.pem").string();
        config.set_ssl_context_callback(
            [cert](boost::asio::ssl::context& ctx) { ctx.load_verify_file(cert); });
    }
    http::client::http_client client(baseUri(), config);
    http::http_request request(method);
    request.set_request_uri(path);
    if (!body.empty()) {
        request.set_body(std::vector<unsigned char>(body.begin(), body.end()));
        request.headers().set_content_type(contentType);
    }
    if (!token.empty()) {
        headers["Authorization"] = "Bearer " + token;
    }
    for (const auto& [name, value] : headers) {
        request.headers().add(name, value);
    }
    auto response = client.request(request).get();
    HttpReply reply;
    reply.status = response.status_code();
    for (const auto& [name, value] : response.headers()) {
        std::string lower = name;
        for (auto& c : lower) {
            c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        }
        reply.headers[lower] = value;
    }
    const auto bytes = response.extract_vector().get();
    reply.body.assign(bytes.begin(), bytes.end());
    return reply;
}

HttpReply TestServer::postJson(const std::string& path, const web::json::value& body,
                               const std::string& token) const
{
    return call("POST", path, body.serialize(), {}, token);
}

std::string TestServer::login(const std::string& user, const std::string& password) const
{
    web::json::value body;
    body["user"] = web::json::value::string(user);
    body["password"] = web::json::value::string(password);
    body["site"] = web::json::value::string("0b6f7f3e-5d1c-4b8a-9e2f-1a2b3c4d5e6f");
    const auto reply = postJson("/v1/login", body);
    return reply.status == 200 ? reply.json().at("token").as_string() : std::string();
}

} // namespace tepei::test
