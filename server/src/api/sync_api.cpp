// Push, pull and the record view (PROTOCOL.md; R-SYNC-1..3, R-SEC-2, R-APP-8). Bodies go through
// the protocol codec, not the generic JSON path: the codec validates strictly and writes fast.
#include <map>
#include <mutex>
#include <tepei/server/api/apis.h>
#include <tepei/server/log/record_log.h>
#include <tepei/sync/codec.h>

namespace tepei::server {

namespace {

// Keeps the last sync of each device for the administrator's page (issue #12 item 8): written at
// most once a minute per device, so that a device pulling every few seconds costs no write each
// time. A failed write is logged and does not fail the sync.
class DeviceSyncs {
public:
    explicit DeviceSyncs(ServerContext& context) : m_ctx(context) {}

    void seen(const Request& req)
    {
        const Principal& p = *req.principal;
        const std::int64_t now = m_ctx.clock();
        {
            std::lock_guard lock(m_mutex);
            auto& last = m_written[p.userId + '/' + p.site];
            if (last != 0 && now - last < 60'000)
                return;
            last = now;
        }
        if (auto s =
                m_ctx.accounts.recordDeviceSync(DeviceSync{p.userId, p.site, now, now, req.remoteAddress});
            !s)
            m_ctx.log("could not record the sync of device " + p.site + ": " + s.error().message);
    }

private:
    ServerContext& m_ctx;
    std::mutex m_mutex;
    std::map<std::string, std::int64_t> m_written;
};

} // namespace

Router makeSyncApi(ServerContext& context)
{
    RecordLog* log = &context.records;
    auto devices = std::make_shared<DeviceSyncs>(context);
    Router r;
    r.add("POST", "/v1/push", {true, BodyKind::Binary, context.limits.maxJsonBytes},
          [log, devices](Request& req) {
              devices->seen(req);
              auto reply = log->push(*req.principal, req.body, sync::DecodeLimits{req.body.size() + 1});
              if (!reply)
                  return Response::error(reply.error());
              return Response::encodedJson(sync::encode(*reply));
          });
    r.add("GET", "/v1/pull", {true, BodyKind::None, 0}, [log, devices](Request& req) {
        devices->seen(req);
        const auto after = queryInteger(req, "after", 0, 0, INT64_MAX);
        if (!after)
            return Response::error(after.error());
        const auto limit =
            queryInteger(req, "limit", 1000, 1, static_cast<std::int64_t>(sync::kMaxBatchChanges));
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
