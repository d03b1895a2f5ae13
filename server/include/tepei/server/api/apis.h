#pragma once
// The endpoint groups, one factory each (CONVENTIONS "one endpoint group, one factory"). Each
// returns a Router with its routes; makeApi mounts them all. Handlers are thin: validate the
// body, call the stores, shape the reply.
//
// Adding an endpoint group: write `Router makeXxxApi(ServerContext&)` in its own .cpp, then
// mount it in makeApi (apis.cpp).

#include <tepei/server/api/context.h>
#include <tepei/server/http/http.h>

namespace tepei::server {

// GET /v1/health (no auth).
Router makeSystemApi(ServerContext& context);
// POST /v1/login, /v1/logout, /v1/register/applicant, /v1/register/unit,
// /v1/units/{code}/approve; GET /v1/me, /v1/orgs.
Router makeAccountApi(ServerContext& context);
// GET /v1/admin/orgs, /v1/admin/users, /v1/admin/audit?before=ID&limit=N, /v1/admin/devices;
// POST /v1/admin/orgs, /v1/admin/users, /v1/admin/users/{id}/disable, .../enable, .../password
// (issue #12 item 8): the administrator's only; each change with a reason and an audit line.
Router makeAdminApi(ServerContext& context);
// GET /v1/blobs/{sha256}, PUT /v1/blobs/{sha256}?offset=N, GET /v1/blobs/{sha256}/content.
Router makeBlobApi(ServerContext& context);
// POST /v1/push, GET /v1/pull?after=N&limit=M, GET /v1/records/{id} (R-SYNC-2, R-SEC-2, R-APP-8).
Router makeSyncApi(ServerContext& context);
// GET /v1/exports/summary.xlsx, /v1/exports/quota.xlsx, /v1/exports/funding.xlsx, /v1/exports/admitted.xlsx
// ?campaign=ID[&authority=CODE] (R-APP-6, R-QUO-1, R-QUO-3, R-FND-2): the workbook as
// application/vnd.openxmlformats-officedocument.spreadsheetml.sheet with a Content-Disposition
// naming it in ASCII and in Chinese. Scope (R-SEC-2): an authority reviewer gets their own
// authority (default; another is "forbidden"); centre officers and administrators get every
// authority of the campaign or the one asked for; other roles "role_not_permitted" (403).
// Errors: "missing_field" (no campaign), "campaign_not_found" (404), "invalid_value" (an
// authority without allocation), "export_failed" (500, the file could not be written).
Router makeExportApi(ServerContext& context);

// Every group above, mounted into one router.
Router makeApi(ServerContext& context);

} // namespace tepei::server
