#pragma once
// The running HTTP(S) server: cpprestsdk's http_listener bound to a Router. The listener's own
// threads only hand each request to a pool of request threads (ServerConfig::workerThreads),
// where the body is read with its size limit, decoded, parsed, authenticated and handled, so that
// slow work (password hashing) never blocks the listener. Every request is logged as one line;
// every exception is caught at this edge and answered with 500 "internal_error".

#include <memory>
#include <tepei/server/api/context.h>
#include <tepei/server/app/config.h>
#include <tepei/server/http/http.h>

namespace tepei::server {

class Server {
public:
    // Opens the listener (TLS 1.2+ when config.tls()). `context` must outlive the server.
    // Errors: "tls_failed" (certificate or key unusable), "listen_failed" (address in use, ...).
    static Result<std::unique_ptr<Server>> start(const ServerConfig& config, ServerContext& context,
                                                 Router router);
    // Stops accepting, finishes the requests in flight, joins the request threads. Idempotent.
    void stop();
    ~Server();

    struct Impl;

private:
    explicit Server(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

} // namespace tepei::server
