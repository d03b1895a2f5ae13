#include <algorithm>
#include <array>
#include <charconv>
#include <tepei/server/http/http.h>

namespace tepei::server {

std::string Request::header(const std::string& lowerName) const
{
    auto it = headers.find(lowerName);
    return it == headers.end() ? std::string() : it->second;
}

Response Response::ok(web::json::value body, int status)
{
    Response r;
    r.status = status;
    if (body.is_object() && !body.has_field("v")) {
        body["v"] = web::json::value::number(kProtocolVersion);
    }
    r.json = std::move(body);
    return r;
}

Response Response::encodedJson(std::string text)
{
    Response r;
    r.bytes = std::move(text);
    r.encoded = true;
    return r;
}

Response Response::binary(std::string bytes, std::string contentType)
{
    Response r;
    r.bytes = std::move(bytes);
    r.contentType = std::move(contentType);
    return r;
}

Response Response::noContent()
{
    Response r;
    r.status = 204;
    r.contentType.clear();
    return r;
}

Response Response::error(const Error& error)
{
    Response r;
    r.status = httpStatusFor(error.code);
    r.errorCode = error.code;
    r.json = web::json::value::object();
    r.json["v"] = web::json::value::number(kProtocolVersion);
    r.json["code"] = web::json::value::string(error.code);
    r.json["message"] = web::json::value::string(error.message);
    r.json["field"] = web::json::value::string(error.field);
    return r;
}

int httpStatusFor(std::string_view code)
{
    static constexpr std::array<std::pair<std::string_view, int>, 32> table{{
        {"auth_required", 401},        {"session_expired", 401},    {"invalid_credentials", 401},
        {"account_pending", 403},      {"account_rejected", 403},   {"forbidden", 403},
        {"unknown_endpoint", 404},     {"blob_not_found", 404},     {"org_not_found", 404},
        {"method_not_allowed", 405},   {"offset_mismatch", 409},    {"org_exists", 409},
        {"login_taken", 409},          {"size_mismatch", 409},      {"blob_incomplete", 409},
        {"not_pending", 409},          {"body_too_large", 413},     {"blob_too_large", 413},
        {"unsupported_encoding", 415}, {"hash_mismatch", 422},      {"too_many_attempts", 429},
        {"storage_error", 500},        {"internal_error", 500},     {"crypto_failure", 500},
        {"schema_too_new", 500},       {"not_implemented", 501},    {"invalid_hash", 500},
        {"role_not_permitted", 403},   {"campaign_not_found", 404}, {"export_failed", 500},
        {"account_disabled", 403},     {"cannot_change_self", 409},
    }};
    for (const auto& [name, status] : table) {
        if (name == code) {
            return status;
        }
    }
    if (code.size() > 10 && code.substr(code.size() - 10) == "_not_found") {
        return 404; // record_not_found, campaign_not_found, ...
    }
    if (code == "unsupported_version") {
        return 426; // PROTOCOL.md: the client must be upgraded
    }
    return 400;
}

Result<std::int64_t> queryInteger(const Request& req, const std::string& name, std::int64_t fallback,
                                  std::int64_t min, std::int64_t max)
{
    const auto it = req.query.find(name);
    if (it == req.query.end())
        return fallback;
    std::int64_t value = 0;
    const auto [end, ec] = std::from_chars(it->second.data(), it->second.data() + it->second.size(), value);
    if (ec != std::errc{} || end != it->second.data() + it->second.size() || value < min || value > max) {
        return Error{"invalid_value",
                     "query parameter '" + name + "' must be a whole number from " + std::to_string(min) +
                         " to " + std::to_string(max),
                     name};
    }
    return value;
}

std::optional<std::string> bearerToken(const Request& request)
{
    const std::string value = request.header("authorization");
    constexpr std::string_view scheme = "Bearer ";
    if (value.size() <= scheme.size() || value.compare(0, scheme.size(), scheme) != 0) {
        return std::nullopt;
    }
    return value.substr(scheme.size());
}

namespace {
std::vector<std::string_view> segments(std::string_view path)
{
    std::vector<std::string_view> out;
    std::size_t start = 0;
    while (start < path.size()) {
        if (path[start] == '/') {
            ++start;
            continue;
        }
        const auto end = std::min(path.find('/', start), path.size());
        out.push_back(path.substr(start, end - start));
        start = end;
    }
    return out;
}

bool matchPattern(std::string_view pattern, std::string_view path, std::map<std::string, std::string>& params)
{
    const auto want = segments(pattern);
    const auto have = segments(path);
    if (want.size() != have.size()) {
        return false;
    }
    for (std::size_t i = 0; i < want.size(); ++i) {
        if (want[i].size() > 2 && want[i].front() == '{' && want[i].back() == '}') {
            params[std::string(want[i].substr(1, want[i].size() - 2))] = std::string(have[i]);
        } else if (want[i] != have[i]) {
            return false;
        }
    }
    return true;
}
} // namespace

void Router::add(std::string method, std::string pattern, RouteOptions options, Handler handler)
{
    m_routes.push_back(Route{std::move(method), std::move(pattern), options, std::move(handler)});
}

void Router::mount(Router&& other)
{
    for (auto& route : other.m_routes) {
        m_routes.push_back(std::move(route));
    }
    other.m_routes.clear();
}

std::optional<Router::Match> Router::match(std::string_view method, std::string_view path,
                                           bool& pathKnown) const
{
    pathKnown = false;
    for (const auto& route : m_routes) {
        std::map<std::string, std::string> params;
        if (!matchPattern(route.pattern, path, params)) {
            continue;
        }
        if (route.method == method) {
            return Match{&route, std::move(params)};
        }
        pathKnown = true;
    }
    return std::nullopt;
}

JsonFields::JsonFields(const web::json::value& body) : m_body(body)
{
    if (!body.is_object()) {
        fail(Error{"wrong_type", "the request body must be a JSON object", ""});
        return;
    }
    if (auto* v = field("v", false); v && (!v->is_integer() || v->as_integer() != kProtocolVersion)) {
        fail(Error{"unsupported_version",
                   "this server speaks sync protocol version " + std::to_string(kProtocolVersion) +
                       ": update tepei-client to the current version, then sign in again / "
                       "服务器的同步协议已更新：请将特培客户端 tepei-client 更新到最新版本后再登录",
                   "v"});
    }
}

void JsonFields::fail(Error error)
{
    if (!m_error) {
        m_error = std::move(error);
    }
}

const web::json::value* JsonFields::field(const std::string& name, bool required)
{
    m_known.push_back(name);
    if (!m_body.is_object()) {
        return nullptr;
    }
    const auto& object = m_body.as_object();
    auto it = object.find(name);
    if (it == object.end() || it->second.is_null()) {
        if (required) {
            fail(Error{"missing_field", "the field '" + name + "' is required; send it", name});
        }
        return nullptr;
    }
    return &it->second;
}

std::optional<std::string> JsonFields::optionalString(const std::string& name, std::size_t maxLength)
{
    const auto* v = field(name, false);
    if (!v) {
        return std::nullopt;
    }
    if (!v->is_string()) {
        fail(Error{"wrong_type", "the field '" + name + "' must be a JSON string", name});
        return std::nullopt;
    }
    if (v->as_string().size() > maxLength) {
        fail(Error{"value_too_long",
                   "the field '" + name + "' is longer than " + std::to_string(maxLength) +
                       " bytes; shorten it",
                   name});
        return std::nullopt;
    }
    return v->as_string();
}

std::string JsonFields::string(const std::string& name, std::size_t maxLength)
{
    const auto* v = field(name, true);
    m_known.pop_back(); // optionalString records it again
    if (!v) {
        m_known.push_back(name);
        return {};
    }
    return optionalString(name, maxLength).value_or(std::string());
}

Status<> JsonFields::finish()
{
    if (!m_error && m_body.is_object()) {
        for (const auto& [name, value] : m_body.as_object()) {
            if (name != "v" && std::find(m_known.begin(), m_known.end(), name) == m_known.end()) {
                fail(Error{"unknown_field", "the field '" + name + "' is not part of this request; remove it",
                           name});
                break;
            }
        }
    }
    if (m_error) {
        return *m_error;
    }
    return Ok{};
}

} // namespace tepei::server
