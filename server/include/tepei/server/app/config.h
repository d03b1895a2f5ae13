#pragma once
// Command line of tepei-server and the start-up checks on it (R-SEC-1: TLS, or plain HTTP only
// on loopback unless explicitly allowed).

#include <filesystem>
#include <string>
#include <string_view>
#include <tepei/server/api/context.h>
#include <tepei/sync/result.h>
#include <vector>

namespace tepei::server {

struct ServerConfig {
    std::filesystem::path dataDir;
    std::string store; // --store: a PostgreSQL URL; empty: SQLite files in dataDir
    std::string host = "127.0.0.1";
    int port = 8080;
    std::filesystem::path tlsCert;
    std::filesystem::path tlsKey;
    bool allowPlainHttp = false;
    int workerThreads = 4; // request threads; password hashing runs there, off the listener
    ServerLimits limits;

    bool tls() const { return !tlsCert.empty(); }
};

// Parses the arguments after the program name. Error code "usage" with a message naming the
// bad argument (the caller prints serverUsage() and exits with 2).
Result<ServerConfig> parseServerArgs(const std::vector<std::string>& args);
std::string serverUsage();

// Refuses (code "plain_http_refused") plain HTTP on a non-loopback address without
// --allow-plain-http, and (code "usage") a certificate without a key or the reverse.
Status<> checkListenSecurity(const ServerConfig& config);

// 127.0.0.0/8, ::1 and "localhost".
bool isLoopbackHost(std::string_view host);

// The whole tepei-server program: parse, open the data directory, listen, wait for SIGINT or
// SIGTERM, shut down. Returns the exit code (0 ok, 1 runtime failure, 2 bad arguments).
int serverMain(const std::vector<std::string>& args);

} // namespace tepei::server
