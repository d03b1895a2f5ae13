// Push, pull and the record view (PROTOCOL.md; R-SYNC-1..3, R-SEC-2, R-APP-8). Bodies go through
// the protocol codec, not the generic JSON path: the codec validates strictly and writes fast.
#include <charconv>
#include <tepei/server/api/apis.h>
#include <tepei/server/log/record_log.h>
#include <tepei/sync/codec.h>

namespace tepei::server {

namespace {

Result<std::int64_t> queryNumber(const Request& req, const std::string& name, std::int64_t fallback,
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

} // namespace

Router makeSyncApi(ServerContext& context)
{
    RecordLog* log = &context.records;
    Router r;
    r.add("POST", "/v1/push", {true, BodyKind::Binary, context.limits.maxJsonBytes}, [log](Request& req) {
        auto reply = log->push(*req.principal, req.body, sync::DecodeLimits{req.body.size() + 1});
        if (!reply)
            return Response::error(reply.error());
        return Response::encodedJson(sync::encode(*reply));
    });
    r.add("GET", "/v1/pull", {true, BodyKind::None, 0}, [log](Request& req) {
        const auto after = queryNumber(req, "after", 0, 0, INT64_MAX);
        if (!after)
            return Response::error(after.error());
        const auto limit =
            queryNumber(req, "limit", 1000, 1, static_cast<std::int64_t>(sync::kMaxBatchChanges));
        if (!limit)
            return Response::error(limit.error());
        auto reply = log->pull(*req.principal, *after, static_cast<int>(*limit));
        if (!reply)
            return Response::error(reply.error());
        Response response = Response::encodedJson(sync::encode(*reply));
        response.headers.emplace_back(sync::kPullCursorHeader, std::to_string(reply->cursor));
        response.headers.emplace_back(sync::kPullMoreHeader, reply->more ? "1" : "0");
        return response;
    });
    r.add("GET", "/v1/records/{id}", {true, BodyKind::None, 0}, [log](Request& req) {
        auto view = log->recordView(*req.principal, req.params.at("id"));
        if (!view)
            return Response::error(view.error());
        return Response::ok(std::move(view).value());
    });
    return r;
}

} // namespace tepei::server
