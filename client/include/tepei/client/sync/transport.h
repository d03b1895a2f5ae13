#pragma once
// The client's only door to the network: one blocking request/response call. Passed in, so that
// unit tests may stand a fake in for the network; the real one is cpprestsdk's http_client.

#include <map>
#include <memory>
#include <string>
#include <tepei/sync/result.h>
#include <vector>

namespace tepei::client {

struct HttpRequest {
    std::string method = "GET";
    std::string path; // with query, e.g. "/v1/pull?after=10&limit=500"
    std::string body;
    std::string contentType = "application/json";
    std::string token; // bearer token; empty for none
    std::map<std::string, std::string> headers;
};

struct HttpResponse {
    int status = 0;
    std::string body; // already decompressed
    std::map<std::string, std::string> headers;
};

struct ServerConfig {
    std::string baseUrl; // e.g. "https://tepei.example.gov.cn:8443" or "http://127.0.0.1:8765"
    std::string caFile;  // PEM file to trust for HTTPS; empty: the system's trust store
    int timeoutSeconds = 30;
    std::size_t compressAbove = 512; // request bodies larger than this are sent gzip-compressed
};

// Thread-safe: send() may be called from any thread. A request that did not get an HTTP answer
// (no route, refused, timed out, TLS failure) is an error with code "offline" (or "tls_failed").
class Transport {
public:
    virtual ~Transport() = default;
    virtual Result<HttpResponse> send(const HttpRequest& request) = 0;
    // The request as send() would put it on the wire (a real transport compresses the body), so
    // that a caller can do that work ahead, while another request is in flight; send() takes a
    // prepared request as it is. Default: unchanged.
    virtual HttpRequest prepare(HttpRequest request) const { return request; }
    // Bytes sent and received on the wire so far (after compression), for the sync status.
    virtual std::size_t bytesSent() const = 0;
    virtual std::size_t bytesReceived() const = 0;
};

// The error an HTTP reply that is not a success stands for: the server's error reply (code,
// message, field) or, when the body is not one, "server_error" saying "the server answered HTTP
// <status> to <what>; <advice>".
Error errorFromReply(const HttpResponse& response, std::string_view what, std::string_view advice);

// cpprestsdk http_client; gzip request bodies above compressAbove, Accept-Encoding: gzip.
std::unique_ptr<Transport> makeHttpTransport(const ServerConfig& config);

} // namespace tepei::client
