// The small endpoint groups (health, the sync seam) and the assembly of all groups.
#include <tepei/model/version.h>
#include <tepei/server/apis.h>

namespace tepei::server {

namespace json = web::json;

Router makeSystemApi(ServerContext&)
{
    Router r;
    r.add("GET", "/v1/health", {false, BodyKind::None, 0}, [](Request&) {
        json::value body = json::value::object();
        body["status"] = json::value::string("ok");
        body["version"] = json::value::string(model::productVersion());
        body["rulesVersion"] = json::value::number(model::rulesVersion());
        body["protocol"] = json::value::number(kProtocolVersion);
        return Response::ok(std::move(body));
    });
    return r;
}

// The seam for push and pull. The routes, their authentication and body limits (the general JSON
// limit) are in place; the handlers will validate the batch, check each change against
// req.principal (role, orgCode, authorityCode), append to the log and fold.
Router makeSyncApi(ServerContext&)
{
    auto notYet = [](Request&) {
        return Response::error(
            Error{"not_implemented", "this server build cannot sync changes yet; update the server", ""});
    };
    Router r;
    r.add("POST", "/v1/sync/push", {true, BodyKind::Json, 0}, notYet);
    r.add("GET", "/v1/sync/pull", {true, BodyKind::None, 0}, notYet);
    return r;
}

Router makeApi(ServerContext& context)
{
    Router api;
    api.mount(makeSystemApi(context));
    api.mount(makeAccountApi(context));
    api.mount(makeBlobApi(context));
    api.mount(makeSyncApi(context));
    return api;
}

} // namespace tepei::server
