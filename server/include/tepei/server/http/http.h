#pragma once
// The server's HTTP model, independent of the listener: a Request already read, decoded
// (Content-Encoding: gzip) and parsed, a Response, and a Router from method + path pattern to a
// handler. listener.cpp binds this to cpprestsdk's http_listener; handlers never see cpprestsdk's
// HTTP types (only web::json).
//
// Error replies are JSON: {"v":2,"code":"...","message":"...","field":"..."}; the HTTP status
// follows from the stable code (httpStatusFor).

#include <cpprest/json.h>
#include <cstddef>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <tepei/server/access/principal.h>
#include <tepei/sync/messages.h>
#include <tepei/sync/result.h>
#include <utility>
#include <vector>

namespace tepei::server {

// The one protocol version (sync-protocol/PROTOCOL.md), for the JSON bodies that do not go through
// the codec (accounts, health) as for those that do.
inline constexpr int kProtocolVersion = sync::kProtocolVersion;

struct Request {
    std::string method;
    std::string path;
    std::map<std::string, std::string> params;  // from {name} segments of the route pattern
    std::map<std::string, std::string> query;   // decoded query parameters
    std::map<std::string, std::string> headers; // names in lower case
    std::string remoteAddress;
    std::string body;                   // raw bytes after Content-Encoding decoding
    web::json::value json;              // the parsed body of routes with BodyKind::Json
    std::optional<Principal> principal; // set for routes that require authentication

    // Header value by lower-case name; empty when absent.
    std::string header(const std::string& lowerName) const;
};

struct Response {
    int status = 200;
    web::json::value json; // the body when contentType is JSON
    std::string bytes;     // the body otherwise
    std::string contentType = "application/json";
    std::vector<std::pair<std::string, std::string>> headers;
    std::string errorCode; // set on error replies, for the request log
    bool encoded = false;  // `bytes` already holds the JSON text (written by the protocol codec)

    bool isJson() const { return contentType == "application/json"; }

    // A JSON reply; "v" is added when missing.
    static Response ok(web::json::value body, int status = 200);
    static Response binary(std::string bytes, std::string contentType);
    // 204 No Content: done, nothing to say.
    static Response noContent();
    // A JSON reply whose text the protocol codec already wrote (no second serialization).
    static Response encodedJson(std::string text);
    // An error reply, status from httpStatusFor(error.code).
    static Response error(const Error& error);
};

// HTTP status of a stable error code: malformed_json/wrong_type/missing_field/... 400,
// auth_required/session_expired/invalid_credentials 401, account_pending/forbidden/
// role_not_permitted 403, unknown_endpoint/blob_not_found/org_not_found/campaign_not_found 404,
// method_not_allowed 405, offset_mismatch/org_exists/login_taken/size_mismatch 409,
// body_too_large/blob_too_large 413, unsupported_encoding 415, hash_mismatch 422,
// too_many_attempts 429, storage_error/internal_error/crypto_failure/export_failed 500,
// not_implemented 501. Unlisted codes are 400 (a refusal of the input).
int httpStatusFor(std::string_view code);

// The token of an "Authorization: Bearer <token>" header, if the request has one.
std::optional<std::string> bearerToken(const Request& request);

using Handler = std::function<Response(Request&)>;

enum class BodyKind { None, Json, Binary };

struct RouteOptions {
    bool authRequired = true;
    BodyKind body = BodyKind::None;
    // Largest accepted body after decoding; 0 = the server's JSON limit.
    std::size_t maxBodyBytes = 0;
};

struct Route {
    std::string method;
    std::string pattern; // "/v1/blobs/{sha256}/content"
    RouteOptions options;
    Handler handler;
};

// Method + path pattern -> handler. Patterns are literal segments and {name} captures, which
// match one non-empty segment. Built once at start-up, then read concurrently (const).
class Router {
public:
    void add(std::string method, std::string pattern, RouteOptions options, Handler handler);
    // Moves every route of `other` into this router (endpoint groups are built separately).
    void mount(Router&& other);

    struct Match {
        const Route* route = nullptr;
        std::map<std::string, std::string> params;
    };
    // The route for method and path; when none matches, `pathKnown` tells whether the path
    // exists with another method (405 rather than 404).
    std::optional<Match> match(std::string_view method, std::string_view path, bool& pathKnown) const;
    const std::vector<Route>& routes() const { return m_routes; }

private:
    std::vector<Route> m_routes;
};

// The query parameter `name` as a whole number from min to max; `fallback` when absent. Error:
// "invalid_value" naming the parameter and the range.
Result<std::int64_t> queryInteger(const Request& req, const std::string& name, std::int64_t fallback,
                                  std::int64_t min, std::int64_t max);

// Reads and validates the fields of a JSON object body, collecting the first problem:
//   JsonFields f(req.json);
//   auto login = f.string("login");
//   if (auto s = f.finish(); !s) return Response::error(s.error());
// Errors: "wrong_type" (not an object / a field of another type), "missing_field",
// "unknown_field", "value_too_long", "unsupported_version" ("v" present and not kProtocolVersion).
class JsonFields {
public:
    // Holds a reference: `body` must outlive this object.
    explicit JsonFields(const web::json::value& body);
    JsonFields(web::json::value&&) = delete;
    std::string string(const std::string& name, std::size_t maxLength = 200);
    std::optional<std::string> optionalString(const std::string& name, std::size_t maxLength = 200);
    // The first problem found, including fields that were never asked for.
    Status<> finish();

private:
    const web::json::value* field(const std::string& name, bool required);
    void fail(Error error);

    const web::json::value& m_body;
    std::vector<std::string> m_known;
    std::optional<Error> m_error;
};

} // namespace tepei::server
