#pragma once
// Organisations, roles, users and the Principal (R-ORG-1, R-ORG-3): the identity that every scope
// check of the server works on. Plain values; no I/O.

#include <optional>
#include <string>
#include <string_view>
#include <tepei/model/access/principal.h>
#include <tepei/model/kinds/application/workflow.h>
#include <tepei/sync/result.h>

namespace tepei::server {

// The roles are the model's (R-ORG-3): one enum and one set of wire names for client and server.
using Role = model::Role;
enum class OrgKind { Centre, Authority, WorkUnit, TrainingUnit };
// Pending: registered but not yet approved (a self-registered work unit and its account);
// Rejected: its recommending authority did not approve the registration (it cannot sign in);
// Disabled: an administrator disabled the account (it cannot sign in until enabled again).
enum class AccountStatus { Active, Pending, Rejected, Disabled };

// Wire names ("work_unit", "pending", ...), stable once shipped; roles: model::toString(Role).
using model::toString;
const char* toString(OrgKind kind);
const char* toString(AccountStatus status);
// Parse the wire names; anything else is an error with code "invalid_value" naming `field`.
Result<Role> parseRole(std::string_view text, std::string_view field = "role");
Result<OrgKind> parseOrgKind(std::string_view text, std::string_view field = "kind");
Result<AccountStatus> parseAccountStatus(std::string_view text, std::string_view field = "status");
// A status as a store holds it; a text no version wrote reads as Pending (it cannot sign in).
AccountStatus storedAccountStatus(std::string_view text);

struct Org {
    std::string code; // stable identifier, e.g. "150100" or a unified social credit code
    OrgKind kind = OrgKind::WorkUnit;
    std::string name;   // Chinese name, e.g. 呼和浩特市
    std::string parent; // work unit -> its recommending authority; empty when none
    AccountStatus status = AccountStatus::Active;
};

struct User {
    std::string id; // UUID
    std::string login;
    std::string displayName;
    Role role = Role::Applicant;
    std::string orgCode;
    std::string passwordHash; // "pbkdf2-sha256$iter$salt$hash", see password.h
    AccountStatus status = AccountStatus::Active;
    std::string mobile;
};

// Who is making a request, as resolved from its session: the model's, since the scope rules of
// the record kinds read it (tepei/model/access/principal.h).
using model::Principal;

// Builds the principal of `user` whose org is `org` (the user's orgCode must equal org.code).
Principal principalFor(const User& user, const Org& org);

// The org kind a role belongs to (applicant and unit reviewer -> work unit, ...). Administrators
// belong to the centre.
OrgKind orgKindFor(Role role);

// Checks that `org` may have `parent` (a work unit needs an authority above it, an authority may
// sit under the centre, others have none). Errors: "invalid_parent" with field "parent".
Status<> checkOrgParent(const Org& org, const std::optional<Org>& parent);

} // namespace tepei::server
