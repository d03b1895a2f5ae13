// Accounts and organisations (R-ORG-1, R-ORG-3, R-SEC-1): login, logout, self-registration of
// applicants and work units, approval of units, the caller's identity and the visible orgs.
#include "account_checks.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <tepei/server/accounts/password.h>
#include <tepei/server/accounts/tokens.h>
#include <tepei/server/api/apis.h>
#include <tepei/server/log/record_log.h>
#include <tepei/sync/codec.h>
#include <tepei/sync/ids.h>

namespace tepei::server {

namespace json = web::json;

namespace {

json::value str(const std::string& s)
{
    return json::value::string(s);
}

json::value orgJson(const Org& org)
{
    json::value v = json::value::object();
    v["code"] = str(org.code);
    v["kind"] = str(toString(org.kind));
    v["name"] = str(org.name);
    v["parent"] = str(org.parent);
    v["status"] = str(toString(org.status));
    return v;
}

// A hash that no password matches in practice, verified for unknown logins so that a reply's
// timing does not reveal whether a login exists.
const std::string& decoyHash()
{
    static const std::string hash = [] {
        auto secret = newSessionToken();
        auto h = hashPassword(secret ? *secret : std::string("decoy-password-never-used"));
        return h ? *h : std::string();
    }();
    return hash;
}

Error pendingError()
{
    return Error{
        "account_pending",
        "this account waits for approval by its recommending authority; log in again once it is approved",
        "user"};
}

Error rejectedError()
{
    return Error{"account_rejected",
                 "the registration of this work unit was not approved by its recommending authority; ask "
                 "the authority why, and register again with a new login if it asks you to",
                 "user"};
}

// Whether an account whose password matched may sign in: not refused, disabled or pending.
Status<> checkUsable(const User& user, const std::optional<Org>& org)
{
    if (user.status == AccountStatus::Rejected || (org && org->status == AccountStatus::Rejected)) {
        return rejectedError();
    }
    if (user.status == AccountStatus::Disabled) {
        return Error{"account_disabled",
                     "this account was disabled by the system administrator; ask the administrator to "
                     "enable it again",
                     "user"};
    }
    if (user.status == AccountStatus::Pending || !org || org->status == AccountStatus::Pending) {
        return pendingError();
    }
    return Ok{};
}

class AccountApi {
public:
    explicit AccountApi(ServerContext& context) : m_ctx(context) {}

    Response login(Request& req);
    Response logout(Request& req);
    Response registerApplicant(Request& req);
    Response registerUnit(Request& req);
    Response approveUnit(Request& req);
    Response rejectUnit(Request& req);
    Response pendingUnits(Request& req);
    Response me(Request& req);
    Response orgs(Request& req);
    Response directory(Request& req);

private:
    Result<std::string> newAccountHash(const std::string& login, const std::string& password);
    Response issueSession(const User& user, const Org& org, const std::string& site);
    // The pending work unit `code` that principal `p` may decide on, or the error to answer.
    Result<Org> decidableUnit(const Principal& p, const std::string& code);

    ServerContext& m_ctx;
};

Response AccountApi::login(Request& req)
{
    JsonFields f(req.json);
    const auto login = f.string("user", 64);
    const auto password = f.string("password", 256);
    const auto site = f.string("site", 64);
    if (auto s = f.finish(); !s) {
        return Response::error(s.error());
    }
    if (auto id = sync::parseUuid(site); !id) {
        return Response::error(Error{"invalid_value", "site must be the device id, a UUID", "site"});
    }
    auto wait = m_ctx.throttle.retryAfterMs(login, req.remoteAddress);
    if (!wait) {
        return Response::error(wait.error());
    }
    if (*wait > 0) {
        const auto seconds = std::to_string((*wait + 999) / 1000);
        auto r = Response::error(Error{"too_many_attempts",
                                       "too many failed logins for this account or from this address; wait " +
                                           seconds + " seconds and try again",
                                       "user"});
        r.headers.emplace_back("Retry-After", seconds);
        return r;
    }
    auto user = m_ctx.accounts.findUserByLogin(login);
    if (!user) {
        return Response::error(user.error());
    }
    auto match = verifyPassword(password, *user ? (*user)->passwordHash : decoyHash());
    if (!match) {
        return Response::error(match.error());
    }
    if (!*user || !*match) {
        if (auto s = m_ctx.throttle.recordFailure(login, req.remoteAddress); !s) {
            return Response::error(s.error());
        }
        return Response::error(Error{"invalid_credentials",
                                     "the login name or the password is wrong; check both and try again "
                                     "(after 5 failures logins pause for a while)",
                                     "password"});
    }
    if (auto s = m_ctx.throttle.recordSuccess(login); !s) {
        return Response::error(s.error());
    }
    auto org = m_ctx.accounts.findOrg((*user)->orgCode);
    if (!org) {
        return Response::error(org.error());
    }
    if (auto usable = checkUsable(**user, *org); !usable) {
        return Response::error(usable.error());
    }
    return issueSession(**user, **org, site);
}

Response AccountApi::issueSession(const User& user, const Org& org, const std::string& site)
{
    auto token = newSessionToken();
    if (!token) {
        return Response::error(token.error());
    }
    const std::int64_t now = m_ctx.clock();
    const Session session{sha256Hex(*token), user.id, site, now, now + m_ctx.limits.sessionMs};
    if (auto s = m_ctx.accounts.addSession(session); !s) {
        return Response::error(s.error());
    }
    // Sessions expired for a day are gone; younger ones still answer "session_expired".
    (void)m_ctx.accounts.purgeSessions(now - 24 * 60 * 60'000);
    const Principal p = principalFor(user, org);
    sync::LoginReply reply;
    reply.token = *token;
    reply.expiresAt = isoUtc(session.expiresMs);
    reply.userId = user.id;
    reply.displayName = user.displayName;
    reply.role = toString(user.role);
    reply.orgCode = user.orgCode;
    reply.authorityCode = p.authorityCode;
    return Response::encodedJson(sync::encode(reply));
}

Response AccountApi::logout(Request& req)
{
    if (auto s = m_ctx.accounts.deleteSession(sha256Hex(bearerToken(req).value_or(""))); !s) {
        return Response::error(s.error());
    }
    return Response::noContent(); // PROTOCOL.md: 204
}

Result<std::string> AccountApi::newAccountHash(const std::string& login, const std::string& password)
{
    if (auto s = checkLogin(login); !s) {
        return s.error();
    }
    if (auto s = checkPasswordPolicy(password, login); !s) {
        return s.error();
    }
    auto taken = m_ctx.accounts.findUserByLogin(login);
    if (!taken) {
        return taken.error();
    }
    if (*taken) {
        return Error{"login_taken", "the login name " + login + " is taken; choose another", "login"};
    }
    return hashPassword(password);
}

Response AccountApi::registerApplicant(Request& req)
{
    JsonFields f(req.json);
    User user;
    user.login = f.string("login", 64);
    const auto password = f.string("password", 256);
    user.displayName = f.string("displayName", 100);
    user.mobile = f.string("mobile", 20);
    user.orgCode = f.string("orgCode", 64);
    if (auto s = f.finish(); !s) {
        return Response::error(s.error());
    }
    if (auto s = checkMobile(user.mobile); !s) {
        return Response::error(s.error());
    }
    auto org = m_ctx.accounts.findOrg(user.orgCode);
    if (!org) {
        return Response::error(org.error());
    }
    if (!*org || (*org)->kind != OrgKind::WorkUnit || (*org)->status != AccountStatus::Active) {
        return Response::error(Error{"invalid_value",
                                     "orgCode " + user.orgCode +
                                         " is not an approved work unit; ask your work unit for its code",
                                     "orgCode"});
    }
    auto hash = newAccountHash(user.login, password);
    if (!hash) {
        return Response::error(hash.error());
    }
    user.id = sync::newUuidString();
    user.passwordHash = std::move(*hash);
    user.role = Role::Applicant;
    if (auto s = m_ctx.accounts.addUser(user); !s) {
        return Response::error(s.error());
    }
    json::value body = json::value::object();
    body["userId"] = str(user.id);
    body["login"] = str(user.login);
    body["role"] = str(toString(user.role));
    body["orgCode"] = str(user.orgCode);
    body["status"] = str(toString(user.status));
    return Response::ok(std::move(body), 201);
}

Response AccountApi::registerUnit(Request& req)
{
    JsonFields f(req.json);
    Org unit;
    const auto code = f.optionalString("code", 40);
    unit.name = f.string("name", 200);
    unit.parent = f.string("authorityCode", 64);
    User user;
    user.login = f.string("login", 64);
    const auto password = f.string("password", 256);
    user.displayName = f.string("displayName", 100);
    user.mobile = f.string("mobile", 20);
    if (auto s = f.finish(); !s) {
        return Response::error(s.error());
    }
    if (auto s = checkMobile(user.mobile); !s) {
        return Response::error(s.error());
    }
    if (unit.name.empty()) {
        return Response::error(Error{"invalid_value", "give the full name of the work unit", "name"});
    }
    auto authority = m_ctx.accounts.findOrg(unit.parent);
    if (!authority) {
        return Response::error(authority.error());
    }
    if (!*authority || (*authority)->kind != OrgKind::Authority) {
        return Response::error(
            Error{"invalid_value",
                  "authorityCode " + unit.parent +
                      " is not a recommending authority; pick one from the list of authorities",
                  "authorityCode"});
    }
    if (auto s = code ? checkOrgCode(*code) : Status<>(Ok{}); !s) {
        return Response::error(s.error());
    }
    unit.code = code ? *code : "wu-" + sync::newUuidString().substr(0, 8);
    unit.kind = OrgKind::WorkUnit;
    unit.status = AccountStatus::Pending;
    auto hash = newAccountHash(user.login, password);
    if (!hash) {
        return Response::error(hash.error());
    }
    user.id = sync::newUuidString();
    user.passwordHash = std::move(*hash);
    user.role = Role::UnitReviewer;
    user.orgCode = unit.code;
    user.status = AccountStatus::Pending;
    if (auto s = m_ctx.accounts.registerUnit(unit, user); !s) {
        return Response::error(s.error());
    }
    json::value body = orgJson(unit);
    body["orgCode"] = str(unit.code);
    body["userId"] = str(user.id);
    body["login"] = str(user.login);
    return Response::ok(std::move(body), 201);
}

Result<Org> AccountApi::decidableUnit(const Principal& p, const std::string& code)
{
    auto unit = m_ctx.accounts.findOrg(code);
    if (!unit) {
        return unit.error();
    }
    if (!*unit || (*unit)->kind != OrgKind::WorkUnit) {
        return Error{"org_not_found", "there is no work unit with code " + code, "code"};
    }
    const bool mayDecide =
        p.role == Role::Administrator || (p.role == Role::AuthorityReviewer && p.orgCode == (*unit)->parent);
    if (!mayDecide) {
        return Error{"forbidden",
                     "only a reviewer of the unit's recommending authority (" + (*unit)->parent +
                         ") may decide on its registration",
                     "code"};
    }
    if ((*unit)->status != AccountStatus::Pending) {
        return Error{"not_pending",
                     "the registration of work unit " + (*unit)->code + " was decided already (" +
                         toString((*unit)->status) + ")",
                     "code"};
    }
    return **unit;
}

Response AccountApi::approveUnit(Request& req)
{
    const Principal& p = *req.principal;
    auto unit = decidableUnit(p, req.params["code"]);
    if (!unit) {
        return Response::error(unit.error());
    }
    if (auto s = m_ctx.accounts.activateOrg(
            unit->code, auditLine(p, m_ctx.clock(), "unit_approve", unit->code, {}, unit->name));
        !s) {
        return Response::error(s.error());
    }
    unit->status = AccountStatus::Active;
    m_ctx.log("work unit " + unit->code + " approved by " + p.login);
    return Response::ok(orgJson(*unit));
}

// Issue #12 item 8: the authority refuses a registration with its reason (the server's log keeps
// it with who decided); the unit's account can then not sign in and is told so.
Response AccountApi::rejectUnit(Request& req)
{
    const Principal& p = *req.principal;
    JsonFields f(req.json);
    const std::string reason = f.string("reason", 500);
    if (auto s = f.finish(); !s) {
        return Response::error(s.error());
    }
    if (reason.find_first_not_of(" \t\r\n") == std::string::npos) {
        return Response::error(Error{"comment_required",
                                     "say why the registration is not approved, so the unit can correct it",
                                     "reason"});
    }
    auto unit = decidableUnit(p, req.params["code"]);
    if (!unit) {
        return Response::error(unit.error());
    }
    if (auto s = m_ctx.accounts.rejectOrg(
            unit->code, auditLine(p, m_ctx.clock(), "unit_reject", unit->code, reason, unit->name));
        !s) {
        return Response::error(s.error());
    }
    unit->status = AccountStatus::Rejected;
    m_ctx.log("work unit " + unit->code + " registration rejected by " + p.login + ": " + reason);
    return Response::ok(orgJson(*unit));
}

// The registrations waiting for the caller's decision, with who registered (the first account's
// login, name and mobile): an authority's reviewers see those under their authority, an
// administrator all; nobody else has any.
Response AccountApi::pendingUnits(Request& req)
{
    const Principal& p = *req.principal;
    if (p.role != Role::AuthorityReviewer && p.role != Role::Administrator) {
        return Response::error(Error{
            "forbidden", "work unit registrations are decided by their recommending authority", "role"});
    }
    auto orgs = m_ctx.accounts.listOrgs();
    auto users = orgs ? m_ctx.accounts.listUsers() : Result<std::vector<User>>(orgs.error());
    if (!users) {
        return Response::error(users.error());
    }
    json::value list = json::value::array();
    std::size_t n = 0;
    for (const Org& org : *orgs) {
        if (org.kind != OrgKind::WorkUnit || org.status != AccountStatus::Pending ||
            (p.role == Role::AuthorityReviewer && org.parent != p.orgCode)) {
            continue;
        }
        json::value row = orgJson(org);
        for (const User& user : *users) {
            if (user.orgCode == org.code) {
                row["login"] = str(user.login);
                row["displayName"] = str(user.displayName);
                row["mobile"] = str(user.mobile);
            }
        }
        list[n++] = std::move(row);
    }
    json::value body = json::value::object();
    body["v"] = json::value::number(kProtocolVersion);
    body["units"] = std::move(list);
    return Response::ok(std::move(body));
}

Response AccountApi::me(Request& req)
{
    const Principal& p = *req.principal;
    json::value body = json::value::object();
    body["userId"] = str(p.userId);
    body["login"] = str(p.login);
    body["displayName"] = str(p.displayName);
    body["role"] = str(toString(p.role));
    body["orgCode"] = str(p.orgCode);
    body["authorityCode"] = str(p.authorityCode);
    body["site"] = str(p.site);
    body["expiresAt"] = str(isoUtc(p.expiresMs));
    return Response::ok(std::move(body));
}

// Everyone sees the centre, the authorities and the training units (reference data for forms);
// work units only within scope: officers and administrators all, an authority reviewer those
// under the authority, a unit's people their own.
Response AccountApi::orgs(Request& req)
{
    const Principal& p = *req.principal;
    auto all = m_ctx.accounts.listOrgs();
    if (!all) {
        return Response::error(all.error());
    }
    json::value list = json::value::array();
    std::size_t n = 0;
    for (const auto& org : *all) {
        bool visible = org.kind != OrgKind::WorkUnit ? org.status == AccountStatus::Active
                       : p.role == Role::Administrator || p.role == Role::CentreOfficer ? true
                       : p.role == Role::AuthorityReviewer ? org.parent == p.orgCode
                                                           : org.code == p.orgCode;
        if (visible) {
            list[n++] = orgJson(org);
        }
    }
    json::value body = json::value::object();
    body["orgs"] = std::move(list);
    return Response::ok(std::move(body));
}

} // namespace

// The names behind the user ids the caller meets in their records (history, decisions): each
// person's display name, role and organisation, and nobody else (RecordLog::peopleSeenBy).
Response AccountApi::directory(Request& req)
{
    const Principal& p = *req.principal;
    auto seen = m_ctx.records.peopleSeenBy(p);
    if (!seen)
        return Response::error(seen.error());
    if (!std::binary_search(seen->begin(), seen->end(), p.userId))
        seen->insert(std::upper_bound(seen->begin(), seen->end(), p.userId), p.userId);
    // Two reads of the store whatever the number of people (the centre meets thousands).
    auto users = m_ctx.accounts.listUsers();
    if (!users)
        return Response::error(users.error());
    auto orgs = m_ctx.accounts.listOrgs();
    if (!orgs)
        return Response::error(orgs.error());
    std::map<std::string, std::string> orgNames;
    for (const Org& org : *orgs)
        orgNames.emplace(org.code, org.name);
    json::value people = json::value::array();
    std::size_t n = 0;
    for (const User& user : *users) { // a seed or system author with no account is not named
        if (!std::binary_search(seen->begin(), seen->end(), user.id))
            continue;
        json::value v = json::value::object();
        v["userId"] = str(user.id);
        v["displayName"] = str(user.displayName);
        v["role"] = str(toString(user.role));
        v["orgCode"] = str(user.orgCode);
        const auto name = orgNames.find(user.orgCode);
        v["orgName"] = str(name == orgNames.end() ? std::string() : name->second);
        people[n++] = std::move(v);
    }
    json::value body = json::value::object();
    body["v"] = json::value::number(kProtocolVersion);
    body["people"] = std::move(people);
    return Response::ok(std::move(body));
}

Router makeAccountApi(ServerContext& context)
{
    auto api = std::make_shared<AccountApi>(context);
    const RouteOptions open{false, BodyKind::Json, 64 * 1024};
    const RouteOptions authGet{true, BodyKind::None, 0};
    Router r;
    r.add("POST", "/v1/login", open, [api](Request& q) { return api->login(q); });
    r.add("POST", "/v1/logout", {true, BodyKind::None, 0}, [api](Request& q) { return api->logout(q); });
    r.add("POST", "/v1/register/applicant", open, [api](Request& q) { return api->registerApplicant(q); });
    r.add("POST", "/v1/register/unit", open, [api](Request& q) { return api->registerUnit(q); });
    r.add("POST", "/v1/units/{code}/approve", authGet, [api](Request& q) { return api->approveUnit(q); });
    r.add("POST", "/v1/units/{code}/reject", {true, BodyKind::Json, 64 * 1024},
          [api](Request& q) { return api->rejectUnit(q); });
    r.add("GET", "/v1/units/pending", authGet, [api](Request& q) { return api->pendingUnits(q); });
    r.add("GET", "/v1/me", authGet, [api](Request& q) { return api->me(q); });
    r.add("GET", "/v1/orgs", authGet, [api](Request& q) { return api->orgs(q); });
    r.add("GET", "/v1/directory", authGet, [api](Request& q) { return api->directory(q); });
    return r;
}

} // namespace tepei::server
