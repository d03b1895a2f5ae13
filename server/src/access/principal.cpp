#include <array>
#include <tepei/model/kinds/application/application_kind.h>
#include <tepei/model/kinds/campaign/campaign_kind.h>
#include <tepei/server/access/principal.h>
#include <utility>

namespace tepei::server {

namespace {
constexpr std::array<Role, 6> kRoles{Role::Applicant,     Role::UnitReviewer,        Role::AuthorityReviewer,
                                     Role::CentreOfficer, Role::TrainingUnitOfficer, Role::Administrator};
constexpr std::array<std::pair<OrgKind, const char*>, 4> kKinds{{
    {OrgKind::Centre, "centre"},
    {OrgKind::Authority, "authority"},
    {OrgKind::WorkUnit, "work_unit"},
    {OrgKind::TrainingUnit, "training_unit"},
}};

template <class Enum, std::size_t N>
Result<Enum> parseName(const std::array<std::pair<Enum, const char*>, N>& names, std::string_view text,
                       std::string_view field, const char* what)
{
    std::string allowed;
    for (const auto& [value, name] : names) {
        if (text == name) {
            return value;
        }
        allowed += (allowed.empty() ? "" : ", ") + std::string(name);
    }
    return Error{"invalid_value", "'" + std::string(text) + "' is not a " + what + "; use one of: " + allowed,
                 std::string(field)};
}
} // namespace

const char* toString(OrgKind kind)
{
    for (const auto& [value, name] : kKinds) {
        if (value == kind) {
            return name;
        }
    }
    return "work_unit";
}

const char* toString(AccountStatus status)
{
    switch (status) {
    case AccountStatus::Pending:
        return "pending";
    case AccountStatus::Rejected:
        return "rejected";
    case AccountStatus::Disabled:
        return "disabled";
    case AccountStatus::Active:
        break;
    }
    return "active";
}

Result<Role> parseRole(std::string_view text, std::string_view field)
{
    if (const auto role = model::roleFromString(text))
        return *role;
    std::string allowed;
    for (const Role role : kRoles)
        allowed += (allowed.empty() ? "" : ", ") + std::string(model::toString(role));
    return Error{"invalid_value", "'" + std::string(text) + "' is not a role; use one of: " + allowed,
                 std::string(field)};
}

Result<OrgKind> parseOrgKind(std::string_view text, std::string_view field)
{
    return parseName(kKinds, text, field, "kind of organisation");
}

Result<AccountStatus> parseAccountStatus(std::string_view text, std::string_view field)
{
    constexpr std::array<std::pair<AccountStatus, const char*>, 4> names{
        {{AccountStatus::Active, "active"},
         {AccountStatus::Pending, "pending"},
         {AccountStatus::Rejected, "rejected"},
         {AccountStatus::Disabled, "disabled"}}};
    return parseName(names, text, field, "status");
}

AccountStatus storedAccountStatus(std::string_view text)
{
    auto status = parseAccountStatus(text);
    return status ? *status : AccountStatus::Pending;
}

Principal principalFor(const User& user, const Org& org)
{
    Principal p;
    p.userId = user.id;
    p.login = user.login;
    p.displayName = user.displayName;
    p.role = user.role;
    p.orgCode = user.orgCode;
    if (org.kind == OrgKind::WorkUnit) {
        p.authorityCode = org.parent;
    } else if (org.kind == OrgKind::Authority) {
        p.authorityCode = org.code;
    }
    return p;
}

OrgKind orgKindFor(Role role)
{
    switch (role) {
    case Role::Applicant:
    case Role::UnitReviewer:
        return OrgKind::WorkUnit;
    case Role::AuthorityReviewer:
        return OrgKind::Authority;
    case Role::TrainingUnitOfficer:
        return OrgKind::TrainingUnit;
    case Role::CentreOfficer:
    case Role::Administrator:
        break;
    }
    return OrgKind::Centre;
}

Status<> checkOrgParent(const Org& org, const std::optional<Org>& parent)
{
    const bool needsAuthority = org.kind == OrgKind::WorkUnit;
    if (needsAuthority && (!parent || parent->kind != OrgKind::Authority)) {
        return Error{
            "invalid_parent",
            "a work unit must name its recommending authority (an org of kind 'authority') as parent",
            "parent"};
    }
    if (org.kind == OrgKind::Authority && parent && parent->kind != OrgKind::Centre) {
        return Error{"invalid_parent", "a recommending authority may only sit under the centre", "parent"};
    }
    if ((org.kind == OrgKind::Centre || org.kind == OrgKind::TrainingUnit) && parent) {
        return Error{"invalid_parent", "the centre and training units have no parent organisation", "parent"};
    }
    return Ok{};
}

} // namespace tepei::server
