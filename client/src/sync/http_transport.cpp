#include <atomic>
#include <cpprest/http_client.h>
#include <tepei/client/sync/transport.h>
#include <tepei/sync/codec.h>
#include <tepei/sync/compression.h>

namespace tepei::client {

namespace {

class HttpTransport final : public Transport {
public:
    explicit HttpTransport(const ServerConfig& config) : m_config(config), m_client(makeClient(config)) {}

    // Every Tepei request is safe to repeat (push is idempotent by change id, the rest read), so a
    // request that failed on a connection the server had closed (a restart, an idle timeout) is
    // sent once more on a fresh connection before the failure is reported.
    Result<HttpResponse> send(const HttpRequest& request) override
    {
        auto first = sendOnce(request);
        if (first || first.error().code != "offline")
            return first;
        return sendOnce(request);
    }

    // Blob chunks go as they are (PROTOCOL.md): attachments are mostly compressed already; so
    // does a body that already has its Content-Encoding (prepared before).
    HttpRequest prepare(HttpRequest request) const override
    {
        if (request.body.size() > m_config.compressAbove && !request.headers.count("Content-Encoding") &&
            request.contentType != "application/octet-stream") {
            request.body = sync::gzipCompress(request.body);
            request.headers["Content-Encoding"] = "gzip";
        }
        return request;
    }

    Result<HttpResponse> sendOnce(const HttpRequest& original)
    {
        using namespace web::http;
        const HttpRequest request = prepare(original);
        http_request message(request.method);
        message.set_request_uri(utility::conversions::to_string_t(request.path));
        message.headers().add("Accept-Encoding", "gzip");
        if (!request.token.empty())
            message.headers().add("Authorization", "Bearer " + request.token);
        for (const auto& [name, value] : request.headers)
            message.headers().add(name, value);
        const std::size_t sent = request.body.size();
        if (!request.body.empty() || request.method == "POST" || request.method == "PUT") {
            message.set_body(std::vector<unsigned char>(request.body.begin(), request.body.end()));
            message.headers().set_content_type(request.contentType);
        }
        try {
            http_response response = m_client.request(message).get();
            const auto raw = response.extract_vector().get();
            m_sent += sent + request.path.size();
            m_received += raw.size();
            HttpResponse out;
            out.status = response.status_code();
            for (const auto& [name, value] : response.headers())
                out.headers[name] = value;
            std::string body(raw.begin(), raw.end());
            const auto encoding = response.headers().find("Content-Encoding");
            if (encoding != response.headers().end() && encoding->second == "gzip") {
                auto unpacked = sync::gzipDecompress(body, 256u * 1024 * 1024);
                if (!unpacked)
                    return unpacked.error();
                body = std::move(unpacked).value();
            }
            out.body = std::move(body);
            return out;
        } catch (const std::exception& e) {
            const std::string what = e.what();
            const bool tls = what.find("certificate") != std::string::npos ||
                             what.find("SSL") != std::string::npos ||
                             what.find("handshake") != std::string::npos;
            return Error{tls ? "tls_failed" : "offline",
                         (tls ? "the server's certificate could not be verified (" + what +
                                    "); check the server address and the trusted certificate in the settings"
                              : "the server " + m_config.baseUrl + " cannot be reached (" + what +
                                    "); your work is kept and will sync when the connection returns"),
                         {}};
        }
    }

    std::size_t bytesSent() const override { return m_sent; }
    std::size_t bytesReceived() const override { return m_received; }

private:
    static web::http::client::http_client makeClient(const ServerConfig& config)
    {
        web::http::client::http_client_config cfg;
        cfg.set_timeout(std::chrono::seconds(config.timeoutSeconds));
        if (!config.caFile.empty()) {
            const std::string caFile = config.caFile;
            cfg.set_ssl_context_callback([caFile](boost::asio::ssl::context& ctx) {
                ctx.set_options(boost::asio::ssl::context::no_sslv2 | boost::asio::ssl::context::no_sslv3 |
                                boost::asio::ssl::context::no_tlsv1 | boost::asio::ssl::context::no_tlsv1_1);
                ctx.load_verify_file(caFile);
            });
        }
        return web::http::client::http_client(utility::conversions::to_string_t(config.baseUrl), cfg);
    }

    ServerConfig m_config;
    web::http::client::http_client m_client;
    std::atomic<std::size_t> m_sent{0};
    std::atomic<std::size_t> m_received{0};
};

} // namespace

Error errorFromReply(const HttpResponse& response, std::string_view what, std::string_view advice)
{
    if (auto reply = sync::decodeErrorReply(response.body))
        return Error{reply->code, reply->message, reply->field};
    return Error{"server_error",
                 "the server answered HTTP " + std::to_string(response.status) + " to " + std::string(what) +
                     "; " + std::string(advice),
                 {}};
}

std::unique_ptr<Transport> makeHttpTransport(const ServerConfig& config)
{
    return std::make_unique<HttpTransport>(config);
}

} // namespace tepei::client
