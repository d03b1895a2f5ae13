// The system administrator's endpoints (issue #12 item 8, R-ORG-1, R-SEC-1, R-SEC-2):
// organisations and accounts (list, add, disable, enable, reset a password, each with a reason
// and a line of the audit log written with the change), the audit log, and the devices that
// synced. Only the administrator may call them; every other role is "forbidden".
#include "account_checks.h"

#include <map>
#include <tepei/server/accounts/password.h>
#include <tepei/server/accounts/tokens.h>
#include <tepei/server/api/apis.h>
#include <tepei/sync/ids.h>

namespace tepei::server {

namespace json = web::json;

namespace {

json::value str(const std::string& s)
{
    return json::value::string(s);
}

json::value isoOrNull(std::int64_t ms)
{
    return ms > 0 ? str(isoUtc(ms)) : json::value::null();
}

Status<> requireAdministrator(const Request& req)
{
    if (req.principal->role != Role::Administrator) {
        return Error{"forbidden", "only the system administrator manages organisations and accounts", "role"};
    }
    return Ok{};
}

class AdminApi {
public:
    explicit AdminApi(ServerContext& context) : m_ctx(context) {}

    Response orgs(Request& req);
    Response addOrg(Request& req);
    Response users(Request& req);
    Response addUser(Request& req);
    Response setEnabled(Request& req, bool enabled);
    Response resetPassword(Request& req);
    Response audit(Request& req);
    Response devices(Request& req);

private:
    // The account `id` names, or "user_not_found".
    Result<User> user(const std::string& id);

    ServerContext& m_ctx;
};

Result<User> AdminApi::user(const std::string& id)
{
    auto found = m_ctx.accounts.findUserById(id);
    if (!found) {
        return found.error();
    }
    if (!*found) {
        return Error{"user_not_found", "there is no account with id " + id + "; reload the list of users",
                     "id"};
    }
    return **found;
}

// Every organisation, whatever its status, with the number of its accounts.
Response AdminApi::orgs(Request&)
{
    auto orgs = m_ctx.accounts.listOrgs();
    auto users = orgs ? m_ctx.accounts.listUsers() : Result<std::vector<User>>(orgs.error());
    if (!users) {
        return Response::error(users.error());
    }
    std::map<std::string, int> counts;
    for (const User& u : *users) {
        ++counts[u.orgCode];
    }
    json::value list = json::value::array();
    std::size_t n = 0;
    for (const Org& org : *orgs) {
        json::value v = json::value::object();
        v["code"] = str(org.code);
        v["kind"] = str(toString(org.kind));
        v["name"] = str(org.name);
        v["parent"] = str(org.parent);
        v["status"] = str(toString(org.status));
        v["users"] = json::value::number(counts[org.code]);
        list[n++] = std::move(v);
    }
    json::value body = json::value::object();
    body["orgs"] = std::move(list);
    return Response::ok(std::move(body));
}

Response AdminApi::addOrg(Request& req)
{
    JsonFields f(req.json);
    Org org;
    org.code = f.string("code", 40);
    const auto kind = f.string("kind", 40);
    org.name = f.string("name", 200);
    org.parent = f.optionalString("parent", 64).value_or("");
    const auto reason = f.string("reason", 500);
    if (auto s = f.finish(); !s) {
        return Response::error(s.error());
    }
    auto parsedKind = parseOrgKind(kind);
    if (!parsedKind) {
        return Response::error(parsedKind.error());
    }
    org.kind = *parsedKind;
    if (auto s = checkOrgCode(org.code); !s) {
        return Response::error(s.error());
    }
    if (org.name.find_first_not_of(' ') == std::string::npos) {
        return Response::error(Error{"invalid_value", "give the full name of the organisation", "name"});
    }
    if (auto s = checkReason(reason, "the organisation is added"); !s) {
        return Response::error(s.error());
    }
    std::optional<Org> parent;
    if (!org.parent.empty()) {
        auto found = m_ctx.accounts.findOrg(org.parent);
        if (!found) {
            return Response::error(found.error());
        }
        if (!*found) {
            return Response::error(Error{
                "invalid_parent", "the parent organisation " + org.parent + " does not exist", "parent"});
        }
        parent = **found;
    }
    if (auto s = checkOrgParent(org, parent); !s) {
        return Response::error(s.error());
    }
    const auto line = auditLine(*req.principal, m_ctx.clock(), "org_add", org.code, reason,
                                std::string(toString(org.kind)) + " " + org.name);
    if (auto s = m_ctx.accounts.addOrgAudited(org, line); !s) {
        return Response::error(s.error());
    }
    m_ctx.log("organisation " + org.code + " added by " + req.principal->login + ": " + reason);
    json::value body = json::value::object();
    body["code"] = str(org.code);
    body["status"] = str(toString(org.status));
    return Response::ok(std::move(body), 201);
}

// Every account (never its password hash) with its organisation's name and its last sync.
Response AdminApi::users(Request&)
{
    auto users = m_ctx.accounts.listUsers();
    auto orgs = users ? m_ctx.accounts.listOrgs() : Result<std::vector<Org>>(users.error());
    auto syncs = orgs ? m_ctx.accounts.listDeviceSyncs() : Result<std::vector<DeviceSync>>(orgs.error());
    if (!syncs) {
        return Response::error(syncs.error());
    }
    std::map<std::string, std::string> orgNames;
    for (const Org& org : *orgs) {
        orgNames.emplace(org.code, org.name);
    }
    std::map<std::string, std::pair<int, std::int64_t>> devices; // user id -> count, last sync
    for (const DeviceSync& d : *syncs) {
        auto& [count, last] = devices[d.userId];
        ++count;
        last = std::max(last, d.lastMs);
    }
    json::value list = json::value::array();
    std::size_t n = 0;
    for (const User& u : *users) {
        json::value v = json::value::object();
        v["userId"] = str(u.id);
        v["login"] = str(u.login);
        v["displayName"] = str(u.displayName);
        v["role"] = str(toString(u.role));
        v["orgCode"] = str(u.orgCode);
        v["orgName"] = str(orgNames[u.orgCode]);
        v["status"] = str(toString(u.status));
        v["mobile"] = str(u.mobile);
        const auto [count, last] = devices[u.id];
        v["devices"] = json::value::number(count);
        v["lastSync"] = isoOrNull(last);
        list[n++] = std::move(v);
    }
    json::value body = json::value::object();
    body["users"] = std::move(list);
    return Response::ok(std::move(body));
}

// A new account with a temporary password, which the reply carries once: the administrator gives
// it to the person, who signs in with it.
Response AdminApi::addUser(Request& req)
{
    JsonFields f(req.json);
    User u;
    u.login = f.string("login", 64);
    u.displayName = f.string("displayName", 100);
    const auto role = f.string("role", 40);
    u.orgCode = f.string("orgCode", 64);
    u.mobile = f.optionalString("mobile", 20).value_or("");
    const auto reason = f.string("reason", 500);
    if (auto s = f.finish(); !s) {
        return Response::error(s.error());
    }
    auto parsedRole = parseRole(role);
    if (!parsedRole) {
        return Response::error(parsedRole.error());
    }
    u.role = *parsedRole;
    if (auto s = checkLogin(u.login); !s) {
        return Response::error(s.error());
    }
    if (u.displayName.find_first_not_of(' ') == std::string::npos) {
        return Response::error(Error{"invalid_value", "give the person's full name", "displayName"});
    }
    if (auto s = u.mobile.empty() ? Status<>(Ok{}) : checkMobile(u.mobile); !s) {
        return Response::error(s.error());
    }
    if (auto s = checkReason(reason, "the account is added"); !s) {
        return Response::error(s.error());
    }
    auto org = m_ctx.accounts.findOrg(u.orgCode);
    if (!org) {
        return Response::error(org.error());
    }
    if (!*org || (*org)->status != AccountStatus::Active || (*org)->kind != orgKindFor(u.role)) {
        return Response::error(Error{"invalid_value",
                                     "the role " + role + " belongs to an approved organisation of kind " +
                                         toString(orgKindFor(u.role)) + "; " + u.orgCode + " is not one",
                                     "orgCode"});
    }
    auto password = newTemporaryPassword();
    auto hash = password ? hashPassword(*password) : Result<std::string>(password.error());
    if (!hash) {
        return Response::error(hash.error());
    }
    u.id = sync::newUuidString();
    u.passwordHash = std::move(*hash);
    const auto line = auditLine(*req.principal, m_ctx.clock(), "user_add", u.login, reason,
                                std::string(toString(u.role)) + " " + u.orgCode + " " + u.displayName);
    if (auto s = m_ctx.accounts.addUserAudited(u, line); !s) {
        return Response::error(s.error());
    }
    m_ctx.log("account " + u.login + " added by " + req.principal->login + ": " + reason);
    json::value body = json::value::object();
    body["userId"] = str(u.id);
    body["login"] = str(u.login);
    body["temporaryPassword"] = str(*password);
    return Response::ok(std::move(body), 201);
}

Response AdminApi::setEnabled(Request& req, bool enabled)
{
    JsonFields f(req.json);
    const auto reason = f.string("reason", 500);
    if (auto s = f.finish(); !s) {
        return Response::error(s.error());
    }
    if (auto s = checkReason(reason, enabled ? "the account is enabled" : "the account is disabled"); !s) {
        return Response::error(s.error());
    }
    auto u = user(req.params["id"]);
    if (!u) {
        return Response::error(u.error());
    }
    if (u->id == req.principal->userId) {
        return Response::error(
            Error{"cannot_change_self",
                  "you cannot disable or enable your own account; ask another administrator", "id"});
    }
    const AccountStatus from = enabled ? AccountStatus::Disabled : AccountStatus::Active;
    if (u->status != from) {
        return Response::error(Error{"invalid_state",
                                     "the account " + u->login + " is " + toString(u->status) + ", not " +
                                         toString(from) + "; reload the list of users",
                                     "id"});
    }
    const AccountStatus to = enabled ? AccountStatus::Active : AccountStatus::Disabled;
    const auto line =
        auditLine(*req.principal, m_ctx.clock(), enabled ? "user_enable" : "user_disable", u->login, reason);
    if (auto s = m_ctx.accounts.setUserStatus(u->id, to, line); !s) {
        return Response::error(s.error());
    }
    m_ctx.log("account " + u->login + (enabled ? " enabled" : " disabled") + " by " + req.principal->login +
              ": " + reason);
    json::value body = json::value::object();
    body["userId"] = str(u->id);
    body["status"] = str(toString(to));
    return Response::ok(std::move(body));
}

// A new temporary password for a person who forgot theirs; their sessions end.
Response AdminApi::resetPassword(Request& req)
{
    JsonFields f(req.json);
    const auto reason = f.string("reason", 500);
    if (auto s = f.finish(); !s) {
        return Response::error(s.error());
    }
    if (auto s = checkReason(reason, "the password is reset"); !s) {
        return Response::error(s.error());
    }
    auto u = user(req.params["id"]);
    if (!u) {
        return Response::error(u.error());
    }
    auto password = newTemporaryPassword();
    auto hash = password ? hashPassword(*password) : Result<std::string>(password.error());
    if (!hash) {
        return Response::error(hash.error());
    }
    const auto line = auditLine(*req.principal, m_ctx.clock(), "password_reset", u->login, reason);
    if (auto s = m_ctx.accounts.setPasswordHash(u->id, *hash, line); !s) {
        return Response::error(s.error());
    }
    m_ctx.log("password of " + u->login + " reset by " + req.principal->login + ": " + reason);
    json::value body = json::value::object();
    body["userId"] = str(u->id);
    body["login"] = str(u->login);
    body["temporaryPassword"] = str(*password);
    return Response::ok(std::move(body));
}

// The audit log, newest first, a page at a time: ?before=<id of the last line seen>&limit=N.
Response AdminApi::audit(Request& req)
{
    const auto before = queryInteger(req, "before", 0, 0, INT64_MAX);
    const auto limit =
        before ? queryInteger(req, "limit", 200, 1, 1000) : Result<std::int64_t>(before.error());
    if (!limit) {
        return Response::error(limit.error());
    }
    auto lines = m_ctx.accounts.listAudit(*before, static_cast<int>(*limit) + 1);
    if (!lines) {
        return Response::error(lines.error());
    }
    const bool more = lines->size() > static_cast<std::size_t>(*limit);
    json::value list = json::value::array();
    for (std::size_t i = 0; i < lines->size() && i < static_cast<std::size_t>(*limit); ++i) {
        const AuditEntry& a = (*lines)[i];
        json::value v = json::value::object();
        v["id"] = json::value::number(a.id);
        v["at"] = str(isoUtc(a.atMs));
        v["actorId"] = str(a.actorId);
        v["actorLogin"] = str(a.actorLogin);
        v["action"] = str(a.action);
        v["target"] = str(a.target);
        v["reason"] = str(a.reason);
        v["detail"] = str(a.detail);
        list[i] = std::move(v);
    }
    json::value body = json::value::object();
    body["entries"] = std::move(list);
    body["more"] = json::value::boolean(more);
    return Response::ok(std::move(body));
}

// Each device that synced: whose, when first and last, from which address.
Response AdminApi::devices(Request&)
{
    auto syncs = m_ctx.accounts.listDeviceSyncs();
    auto users = syncs ? m_ctx.accounts.listUsers() : Result<std::vector<User>>(syncs.error());
    auto orgs = users ? m_ctx.accounts.listOrgs() : Result<std::vector<Org>>(users.error());
    if (!orgs) {
        return Response::error(orgs.error());
    }
    std::map<std::string, std::string> orgNames;
    for (const Org& org : *orgs) {
        orgNames.emplace(org.code, org.name);
    }
    std::map<std::string, const User*> byId;
    for (const User& u : *users) {
        byId.emplace(u.id, &u);
    }
    json::value list = json::value::array();
    std::size_t n = 0;
    for (const DeviceSync& d : *syncs) {
        const auto who = byId.find(d.userId);
        json::value v = json::value::object();
        v["userId"] = str(d.userId);
        v["login"] = str(who == byId.end() ? std::string() : who->second->login);
        v["displayName"] = str(who == byId.end() ? std::string() : who->second->displayName);
        const std::string orgCode = who == byId.end() ? std::string() : who->second->orgCode;
        v["orgCode"] = str(orgCode);
        v["orgName"] = str(orgNames.count(orgCode) ? orgNames.at(orgCode) : orgCode);
        v["site"] = str(d.site);
        v["firstSync"] = isoOrNull(d.firstMs);
        v["lastSync"] = isoOrNull(d.lastMs);
        v["address"] = str(d.address);
        list[n++] = std::move(v);
    }
    json::value body = json::value::object();
    body["devices"] = std::move(list);
    return Response::ok(std::move(body));
}

} // namespace

Router makeAdminApi(ServerContext& context)
{
    auto api = std::make_shared<AdminApi>(context);
    const RouteOptions get{true, BodyKind::None, 0};
    const RouteOptions post{true, BodyKind::Json, 64 * 1024};
    // Each handler runs after the role check; a refusal changes nothing.
    auto admin = [api](auto handler) {
        return [api, handler](Request& req) {
            if (auto s = requireAdministrator(req); !s) {
                return Response::error(s.error());
            }
            return handler(*api, req);
        };
    };
    Router r;
    r.add("GET", "/v1/admin/orgs", get, admin([](AdminApi& a, Request& q) { return a.orgs(q); }));
    r.add("POST", "/v1/admin/orgs", post, admin([](AdminApi& a, Request& q) { return a.addOrg(q); }));
    r.add("GET", "/v1/admin/users", get, admin([](AdminApi& a, Request& q) { return a.users(q); }));
    r.add("POST", "/v1/admin/users", post, admin([](AdminApi& a, Request& q) { return a.addUser(q); }));
    r.add("POST", "/v1/admin/users/{id}/disable", post,
          admin([](AdminApi& a, Request& q) { return a.setEnabled(q, false); }));
    r.add("POST", "/v1/admin/users/{id}/enable", post,
          admin([](AdminApi& a, Request& q) { return a.setEnabled(q, true); }));
    r.add("POST", "/v1/admin/users/{id}/password", post,
          admin([](AdminApi& a, Request& q) { return a.resetPassword(q); }));
    r.add("GET", "/v1/admin/audit", get, admin([](AdminApi& a, Request& q) { return a.audit(q); }));
    r.add("GET", "/v1/admin/devices", get, admin([](AdminApi& a, Request& q) { return a.devices(q); }));
    return r;
}

} // namespace tepei::server
