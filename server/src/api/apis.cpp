// The small endpoint groups (health, the sync seam) and the assembly of all groups.
#include <tepei/model/rules/version.h>
#include <tepei/server/api/apis.h>

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

Router makeApi(ServerContext& context)
{
    Router api;
    api.mount(makeSystemApi(context));
    api.mount(makeAccountApi(context));
    api.mount(makeAdminApi(context));
    api.mount(makeBlobApi(context));
    api.mount(makeSyncApi(context));
    api.mount(makeExportApi(context));
    return api;
}

} // namespace tepei::server
