// tepei-server's command line, start-up checks and main loop.
#include <arpa/inet.h>
#include <charconv>
#include <cmath>
#include <csignal>
#include <iostream>
#include <malloc.h>
#include <pthread.h>
#include <tepei/model/rules/version.h>
#include <tepei/server/api/apis.h>
#include <tepei/server/app/config.h>
#include <tepei/server/app/server.h>
#include <tepei/server/log/record_log.h>
#include <tepei/server/storage/storage.h>

namespace tepei::server {

namespace {
Error usage(std::string message)
{
    return Error{"usage", std::move(message), ""};
}

Result<double> parseNumber(const std::string& option, const std::string& text)
{
    double value = 0;
    auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || p != text.data() + text.size() || !(value > 0)) {
        return usage(option + " needs a positive number, not '" + text + "'");
    }
    return value;
}

Status<> parseListen(const std::string& text, ServerConfig& config)
{
    const auto colon = text.rfind(':');
    if (colon == std::string::npos || colon == 0) {
        return usage("--listen needs HOST:PORT, e.g. 127.0.0.1:8080 or [::1]:8080");
    }
    std::string host = text.substr(0, colon);
    if (host.size() > 2 && host.front() == '[' && host.back() == ']') {
        host = host.substr(1, host.size() - 2);
    }
    int port = 0;
    const std::string portText = text.substr(colon + 1);
    auto [p, ec] = std::from_chars(portText.data(), portText.data() + portText.size(), port);
    if (ec != std::errc() || p != portText.data() + portText.size() || port < 1 || port > 65535) {
        return usage("--listen needs a port from 1 to 65535, not '" + portText + "'");
    }
    config.host = host;
    config.port = port;
    return Ok{};
}
} // namespace

std::string serverUsage()
{
    return "usage: tepei-server --data DIR [--store sqlite|postgresql://...] [--listen HOST:PORT]\n"
           "                    [--tls-cert FILE --tls-key FILE] [--allow-plain-http]\n"
           "                    [--session-hours N | --session-seconds N] [--threads N]\n"
           "  --data DIR          data directory (SQLite databases and blobs); created if missing\n"
           "  --store URL         keep everything in a PostgreSQL database instead, e.g.\n"
           "                      postgresql://tepei@db.example/tepei (several servers may share it)\n"
           "  --listen HOST:PORT  address to listen on (default 127.0.0.1:8080)\n"
           "  --tls-cert/--tls-key  PEM certificate chain and private key: serve HTTPS (TLS 1.2+)\n"
           "  --allow-plain-http  allow plain HTTP on a non-loopback address (behind a TLS proxy only)\n"
           "  --session-hours N   session lifetime in hours (default 12); --session-seconds N likewise\n"
           "  --threads N         request threads (default 4)\n"
           "  --version           print the version and exit\n";
}

Result<ServerConfig> parseServerArgs(const std::vector<std::string>& args)
{
    ServerConfig config;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (a == "--allow-plain-http") {
            config.allowPlainHttp = true;
            continue;
        }
        if (i + 1 >= args.size()) {
            return usage(a.rfind("--", 0) == 0 ? a + " needs a value" : "unexpected argument '" + a + "'");
        }
        const std::string& v = args[++i];
        if (a == "--data") {
            config.dataDir = v;
        } else if (a == "--store") {
            auto store = parseStoreOption(v);
            if (!store)
                return store.error();
            config.store = *store;
        } else if (a == "--listen") {
            if (auto s = parseListen(v, config); !s) {
                return s.error();
            }
        } else if (a == "--tls-cert") {
            config.tlsCert = v;
        } else if (a == "--tls-key") {
            config.tlsKey = v;
        } else if (a == "--session-hours" || a == "--session-seconds" || a == "--threads") {
            auto n = parseNumber(a, v);
            if (!n) {
                return n.error();
            }
            if (a == "--threads") {
                config.workerThreads = static_cast<int>(std::clamp(*n, 1.0, 64.0));
            } else {
                config.limits.sessionMs = std::llround(*n * (a == "--session-hours" ? 3600'000.0 : 1000.0));
            }
        } else {
            return usage("unknown option '" + a + "'");
        }
    }
    if (config.dataDir.empty() && config.store.empty()) {
        return usage("--data DIR is required (or --store postgresql://... to keep the data in PostgreSQL)");
    }
    return config;
}

bool isLoopbackHost(std::string_view host)
{
    if (host == "localhost" || host == "::1") {
        return true;
    }
    in_addr v4{};
    const std::string text(host);
    return inet_pton(AF_INET, text.c_str(), &v4) == 1 && (ntohl(v4.s_addr) >> 24) == 127;
}

Status<> checkListenSecurity(const ServerConfig& config)
{
    if (config.tlsCert.empty() != config.tlsKey.empty()) {
        return usage("--tls-cert and --tls-key go together; give both or neither");
    }
    if (!config.tls() && !config.allowPlainHttp && !isLoopbackHost(config.host)) {
        return Error{
            "plain_http_refused",
            "refusing to serve plain HTTP on " + config.host +
                ", where passwords would cross the network unencrypted; give --tls-cert and --tls-key, "
                "or listen on 127.0.0.1 behind a TLS proxy, or add --allow-plain-http if a proxy on "
                "another host terminates TLS",
            "--listen"};
    }
    return Ok{};
}

namespace {

// The server holds every record's fields in memory and reads pushes of megabytes. glibc's defaults
// suit small programs: a large body gets fresh pages from the kernel each time (faulted in and
// zeroed again), freed memory goes back at once, and the heap grows 128 KB at a time. Here freed
// memory stays for the next request and the heap grows 16 MB at a time.
void tuneAllocator()
{
    mallopt(M_MMAP_THRESHOLD, 32 << 20);
    mallopt(M_TRIM_THRESHOLD, 256 << 20);
    mallopt(M_TOP_PAD, 16 << 20);
}

} // namespace

int serverMain(const std::vector<std::string>& args)
{
    if (args.size() == 1 && args[0] == "--version") {
        std::cout << "tepei-server " << model::productVersion() << " (rules " << model::rulesVersion()
                  << ")\n";
        return 0;
    }
    tuneAllocator();
    auto log = stderrLog();
    auto config = parseServerArgs(args);
    if (!config) {
        std::cerr << "tepei-server: " << config.error().message << "\n" << serverUsage();
        return 2;
    }
    if (auto s = checkListenSecurity(*config); !s) {
        std::cerr << "tepei-server: " << s.error().message << "\n";
        return 2;
    }
    // Signals are taken by sigwait below; block them before any thread starts.
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGINT);
    sigaddset(&signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);

    const StoreLocation where{config->dataDir, config->store};
    auto storage = openStorage(where, {true, config->workerThreads, config->limits.maxBlobBytes},
                               sync::systemWallClock());
    if (!storage) {
        log(storage.error().message);
        return 1;
    }
    LoginThrottle throttle(*storage->accounts, sync::systemWallClock());
    ServerContext context{*storage->accounts, *storage->blobs,         *storage->records,
                          throttle,           sync::systemWallClock(), log,
                          config->limits};
    auto server = Server::start(*config, context, makeApi(context));
    if (!server) {
        log(server.error().message);
        return 1;
    }
    log(std::string("tepei-server listening on ") + (config->tls() ? "https://" : "http://") + config->host +
        ":" + std::to_string(config->port) + ", data in " + where.describe() +
        "; stop with SIGINT or SIGTERM");
    int received = 0;
    sigwait(&signals, &received);
    log(std::string("received ") + (received == SIGINT ? "SIGINT" : "SIGTERM") + ", shutting down");
    (*server)->stop();
    log("tepei-server stopped");
    return 0;
}

} // namespace tepei::server
