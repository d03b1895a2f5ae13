// Binds the Router to cpprestsdk's http_listener: the only file that sees cpprestsdk's server
// types. Listener threads hand requests to a pool of request threads; everything else happens
// there (R-SEC-3: every bad request gets a JSON error, and the server keeps serving).
#include <chrono>
#include <condition_variable>
#include <cpprest/http_listener.h>
#include <deque>
#include <mutex>
#include <openssl/ssl.h>
#include <tepei/server/app/server.h>
#include <tepei/server/http/gzip.h>
#include <thread>

namespace tepei::server {

namespace http = web::http;
using http::experimental::listener::http_listener;
using http::experimental::listener::http_listener_config;

namespace {

// A fixed set of threads running posted jobs in order.
class WorkPool {
public:
    explicit WorkPool(int threads)
    {
        for (int i = 0; i < std::max(1, threads); ++i) {
            m_threads.emplace_back([this] { run(); });
        }
    }
    ~WorkPool() { stop(); }

    void post(std::function<void()> job)
    {
        {
            std::lock_guard lock(m_mutex);
            m_jobs.push_back(std::move(job));
        }
        m_wake.notify_one();
    }

    // Runs the jobs already posted, then joins.
    void stop()
    {
        {
            std::lock_guard lock(m_mutex);
            m_stopping = true;
        }
        m_wake.notify_all();
        for (auto& t : m_threads) {
            if (t.joinable()) {
                t.join();
            }
        }
    }

private:
    void run()
    {
        for (;;) {
            std::function<void()> job;
            {
                std::unique_lock lock(m_mutex);
                m_wake.wait(lock, [this] { return m_stopping || !m_jobs.empty(); });
                if (m_jobs.empty()) {
                    return;
                }
                job = std::move(m_jobs.front());
                m_jobs.pop_front();
            }
            job();
        }
    }

    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<std::function<void()>> m_jobs;
    std::vector<std::thread> m_threads;
    bool m_stopping = false;
};

Error tooLarge(std::size_t limit)
{
    return Error{"body_too_large",
                 "the request body is larger than the limit of " + std::to_string(limit) +
                     " bytes; send less data per request (split blobs into chunks)",
                 ""};
}

// Reads the body, giving up as soon as it exceeds `limit` bytes.
Result<std::string> readBody(http::http_request& request, std::size_t limit)
{
    auto source = request.body().streambuf();
    std::vector<std::uint8_t> chunk(64 * 1024);
    std::string body;
    for (;;) {
        const std::size_t n = source.getn(chunk.data(), chunk.size()).get();
        if (n == 0) {
            return body;
        }
        body.append(reinterpret_cast<const char*>(chunk.data()), n);
        if (body.size() > limit) {
            return tooLarge(limit);
        }
    }
}

bool acceptsGzip(const Request& request)
{
    // Good enough for "gzip", "gzip, deflate", "br;q=1.0, gzip;q=0.8"; "gzip;q=0" opts out.
    const std::string value = request.header("accept-encoding");
    const auto at = value.find("gzip");
    return at != std::string::npos && value.compare(at, 8, "gzip;q=0") != 0;
}

Request toRequest(const http::http_request& in)
{
    Request req;
    req.method = in.method();
    req.path = web::uri::decode(in.relative_uri().path());
    for (const auto& [key, value] : web::uri::split_query(in.relative_uri().query())) {
        req.query[web::uri::decode(key)] = web::uri::decode(value);
    }
    for (const auto& [name, value] : in.headers()) {
        std::string lower = name;
        std::transform(lower.begin(), lower.end(), lower.begin(),
                       [](unsigned char c) { return std::tolower(c); });
        req.headers[lower] = value;
    }
    req.remoteAddress = in.remote_address();
    return req;
}

} // namespace

struct Server::Impl {
    ServerContext& context;
    Router router;
    WorkPool pool;
    std::unique_ptr<http_listener> listener;
    bool stopped = false;

    Impl(ServerContext& ctx, Router r, int threads) : context(ctx), router(std::move(r)), pool(threads) {}

    Status<> readInto(Request& req, http::http_request& in, const RouteOptions& options);
    Response dispatch(Request& req, http::http_request& in);
    void reply(Request& req, http::http_request& in, Response response,
               std::chrono::steady_clock::time_point t0);
    void process(http::http_request in);
};

Status<> Server::Impl::readInto(Request& req, http::http_request& in, const RouteOptions& options)
{
    const std::size_t limit = options.maxBodyBytes ? options.maxBodyBytes : context.limits.maxJsonBytes;
    const std::string encoding = req.header("content-encoding");
    const bool gzipped = encoding == "gzip";
    if (!gzipped && !encoding.empty() && encoding != "identity") {
        return Error{"unsupported_encoding",
                     "Content-Encoding '" + encoding + "' is not supported; send gzip or no encoding", ""};
    }
    // A compressed body is never much larger than its content; allow zlib's worst case overhead.
    const std::size_t rawLimit = gzipped ? limit + limit / 1000 + 1024 : limit;
    if (in.headers().has(http::header_names::content_length) && in.headers().content_length() > rawLimit) {
        return tooLarge(limit);
    }
    auto raw = readBody(in, rawLimit);
    if (!raw) {
        return raw.error();
    }
    if (gzipped) {
        auto plain = gunzip(*raw, limit);
        if (!plain) {
            return plain.error();
        }
        req.body = std::move(*plain);
    } else {
        req.body = std::move(*raw);
    }
    if (options.body == BodyKind::Json) {
        std::error_code ec;
        req.json = web::json::value::parse(req.body, ec);
        if (ec) {
            return Error{"malformed_json",
                         "the request body is not valid JSON (" + ec.message() +
                             "); send a JSON object encoded in UTF-8",
                         ""};
        }
    }
    return Ok{};
}

Response Server::Impl::dispatch(Request& req, http::http_request& in)
{
    bool pathKnown = false;
    auto match = router.match(req.method, req.path, pathKnown);
    if (!match) {
        if (pathKnown) {
            return Response::error(
                Error{"method_not_allowed",
                      req.method + " is not supported on " + req.path + "; see PROTOCOL.md", ""});
        }
        return Response::error(Error{"unknown_endpoint",
                                     "there is no endpoint " + req.method + " " + req.path +
                                         "; check the path and the client version",
                                     ""});
    }
    req.params = std::move(match->params);
    const Route& route = *match->route;
    if (route.options.authRequired) {
        auto token = bearerToken(req);
        if (!token) {
            return Response::error(Error{"auth_required",
                                         "this endpoint needs a session: log in (POST /v1/login) and send "
                                         "'Authorization: Bearer <token>'",
                                         "Authorization"});
        }
        auto principal = authenticate(context, *token);
        if (!principal) {
            return Response::error(principal.error());
        }
        req.principal = std::move(*principal);
    }
    if (route.options.body != BodyKind::None) {
        if (auto s = readInto(req, in, route.options); !s) {
            return Response::error(s.error());
        }
    }
    return route.handler(req);
}

void Server::Impl::reply(Request& req, http::http_request& in, Response response,
                         std::chrono::steady_clock::time_point t0)
{
    http::http_response out(static_cast<http::status_code>(response.status));
    std::string body =
        response.isJson() && !response.encoded ? response.json.serialize() : std::move(response.bytes);
    out.headers().add(http::header_names::vary, "Accept-Encoding");
    if (response.isJson() && body.size() >= 128 && acceptsGzip(req)) {
        if (auto packed = gzip(body); packed) {
            body = std::move(*packed);
            out.headers().add(http::header_names::content_encoding, "gzip");
        }
    }
    const std::size_t bytes = body.size();
    if (response.status != 204) { // a 204 has no body, hence no type
        out.set_body(std::vector<unsigned char>(body.begin(), body.end()));
        out.headers().set_content_type(response.contentType);
    }
    for (const auto& [name, value] : response.headers) {
        out.headers().add(name, value);
    }
    in.reply(out).then([](pplx::task<void> t) {
        try {
            t.get();
        } catch (...) { // the client went away; nothing to do
        }
    });
    const auto ms =
        std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - t0);
    std::string line = req.method + " " + req.path + " " + std::to_string(response.status) + " " +
                       std::to_string(bytes) + "B " + std::to_string(ms.count()) +
                       "ms user=" + (req.principal ? req.principal->login : std::string("-"));
    if (!response.errorCode.empty()) {
        line += " error=" + response.errorCode;
        if (response.status >= 500) {
            line += " message=\"" + response.json["message"].as_string() + "\"";
        }
    }
    context.log(line);
}

void Server::Impl::process(http::http_request in)
{
    const auto t0 = std::chrono::steady_clock::now();
    Request req;
    Response response;
    try {
        req = toRequest(in);
        response = dispatch(req, in);
    } catch (const std::exception& e) {
        response = Response::error(Error{"internal_error",
                                         std::string("the server failed (") + e.what() +
                                             "); try again later and report it if it persists",
                                         ""});
    } catch (...) {
        response = Response::error(
            Error{"internal_error", "the server failed; try again later and report it if it persists", ""});
    }
    try {
        reply(req, in, std::move(response), t0);
    } catch (const std::exception& e) {
        context.log(std::string("reply failed: ") + e.what());
    }
}

namespace {

// TLS 1.2 or later only (R-SEC-1); SSLv2/3, TLS 1.0 and 1.1 are off. Throws on unusable files.
void configureTls(boost::asio::ssl::context& ctx, const std::string& cert, const std::string& key)
{
    namespace ssl = boost::asio::ssl;
    ctx.set_options(ssl::context::default_workarounds | ssl::context::no_sslv2 | ssl::context::no_sslv3 |
                    ssl::context::no_tlsv1 | ssl::context::no_tlsv1_1 | ssl::context::single_dh_use);
    SSL_CTX_set_min_proto_version(ctx.native_handle(), TLS1_2_VERSION);
    ctx.use_certificate_chain_file(cert);
    ctx.use_private_key_file(key, ssl::context::pem);
    if (SSL_CTX_check_private_key(ctx.native_handle()) != 1) {
        throw std::runtime_error("the private key does not belong to the certificate");
    }
}

std::string listenUri(const ServerConfig& config)
{
    const bool v6 = config.host.find(':') != std::string::npos;
    return std::string(config.tls() ? "https://" : "http://") + (v6 ? "[" + config.host + "]" : config.host) +
           ":" + std::to_string(config.port);
}

} // namespace

Server::Server(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}

Server::~Server()
{
    stop();
}

Result<std::unique_ptr<Server>> Server::start(const ServerConfig& config, ServerContext& context,
                                              Router router)
{
    http_listener_config listenerConfig;
    if (config.tls()) {
        const std::string cert = config.tlsCert.string();
        const std::string key = config.tlsKey.string();
        try {
            boost::asio::ssl::context probe(boost::asio::ssl::context::tls_server);
            configureTls(probe, cert, key);
        } catch (const std::exception& e) {
            return Error{"tls_failed",
                         "cannot use the TLS certificate " + cert + " and key " + key + " (" + e.what() +
                             "); give a PEM certificate chain and its unencrypted PEM private key",
                         "--tls-cert"};
        }
        listenerConfig.set_ssl_context_callback(
            [cert, key](boost::asio::ssl::context& ctx) { configureTls(ctx, cert, key); });
    }
    auto impl = std::make_unique<Impl>(context, std::move(router), config.workerThreads);
    const std::string uri = listenUri(config);
    try {
        impl->listener = std::make_unique<http_listener>(web::uri(uri), listenerConfig);
        Impl* raw = impl.get();
        impl->listener->support([raw](http::http_request request) {
            raw->pool.post([raw, request]() mutable { raw->process(std::move(request)); });
        });
        impl->listener->open().wait();
    } catch (const std::exception& e) {
        return Error{"listen_failed",
                     "cannot listen on " + uri + " (" + e.what() +
                         "); check that the address is local to this machine and the port is free",
                     "--listen"};
    }
    return std::unique_ptr<Server>(new Server(std::move(impl)));
}

void Server::stop()
{
    if (!m_impl || m_impl->stopped) {
        return;
    }
    m_impl->stopped = true;
    try {
        m_impl->listener->close().wait();
    } catch (const std::exception& e) {
        m_impl->context.log(std::string("closing the listener failed: ") + e.what());
    }
    m_impl->pool.stop();
}

} // namespace tepei::server
