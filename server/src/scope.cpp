// Who may see and who may change which record (R-SEC-2). The rules read the folded state.
#include <algorithm>
#include <tepei/model/attachment.h>
#include <tepei/model/form.h>
#include <tepei/model/workflow.h>
#include <tepei/server/record_log.h>
#include <tepei/sync/sha256.h>

namespace tepei::server {

namespace {

Error forbidden(const std::string& what)
{
    return Error{"forbidden", what + "; this record is outside your organisation's scope", "rec"};
}

std::string textOf(const web::json::value& payload, const char* name)
{
    if (!payload.is_object() || !payload.has_field(name) || !payload.at(name).is_string())
        return {};
    return payload.at(name).as_string();
}

// Whether any transition of the workflow lets `role` perform `action`.
bool roleMayEver(model::AppAction action, model::Role role)
{
    const auto& table = model::transitionTable();
    return std::any_of(table.begin(), table.end(),
                       [&](const model::Transition& t) { return t.action == action && t.role == role; });
}

// Attachment rows must name real uploads of an allowed type and size (R-APP-2, R-SYNC-4).
Status<> checkAttachments(const web::json::value& rows, const model::Campaign& campaign)
{
    if (!rows.is_array())
        return Ok{}; // the field validation reports the wrong type
    std::size_t i = 0;
    for (const auto& row : rows.as_array()) {
        const std::string path = "body.attachments[" + std::to_string(i++) + "]";
        const std::string sha = textOf(row, "sha256");
        if (!sync::isSha256Hex(sha)) {
            return Error{"invalid_value",
                         "an attachment must be named by the SHA-256 of its content (64 hex digits)",
                         path + ".sha256"};
        }
        const std::int64_t size =
            row.has_field("size") && row.at("size").is_integer() ? row.at("size").as_number().to_int64() : 0;
        if (auto problem = model::checkAttachment(campaign, textOf(row, "type"), size))
            return Error{problem->code, problem->en, path};
    }
    return Ok{};
}

} // namespace

Status<> checkApplicationFields(const sync::Change& change, const model::Campaign* campaign)
{
    if (!change.payload.is_object())
        return Ok{}; // the codec only lets objects through; nothing here to check
    for (const auto& [name, value] : change.payload.as_object()) {
        if (name == model::kFieldCampaign || name == model::kFieldUnitCode)
            continue;
        const model::FieldSpec* spec = model::findField(name);
        if (!spec) {
            return Error{"unknown_field",
                         "the application form has no field '" + name + "'; update the client",
                         "body." + name};
        }
        if (campaign) {
            if (auto problem = model::validateFieldValue(*spec, value, *campaign))
                return Error{problem->code, problem->en, "body." + name};
            if (name == "attachments") {
                if (auto bad = checkAttachments(value, *campaign); !bad)
                    return bad.error();
            }
        }
    }
    return Ok{};
}

namespace {

Status<> checkFields(const sync::Change& change, const model::Fold& state, const model::Application* app,
                     const FieldCheck* ahead)
{
    const std::string campaignId = app ? app->campaign : textOf(change.payload, model::kFieldCampaign);
    if (ahead && ahead->campaignId == campaignId)
        return ahead->result;
    return checkApplicationFields(change, state.campaign(campaignId));
}

Status<> authorizeApplicationSet(const Principal& p, const sync::Change& change, const model::Fold& state,
                                 const FieldCheck* ahead)
{
    if (p.role != Role::Applicant) {
        return Error{"role_not_permitted",
                     "only the applicant edits an application form; reviewers decide with approve or return",
                     "op"};
    }
    const model::Application* app = state.application(change.recordId);
    if (app && app->owner != p.userId)
        return forbidden("the application belongs to another applicant");
    if (!app) {
        const std::string unit = textOf(change.payload, model::kFieldUnitCode);
        if (unit != p.orgCode) {
            return Error{"forbidden",
                         "a new application must name your own work unit (" + p.orgCode + ") as unit_code",
                         "body.unit_code"};
        }
    }
    if (change.payload.has_field(model::kFieldAuthority) && !p.authorityCode.empty() &&
        textOf(change.payload, model::kFieldAuthority) != p.authorityCode) {
        return Error{"forbidden",
                     "the location (推荐单位) must be your work unit's recommending authority " +
                         p.authorityCode,
                     "body.authority"};
    }
    return checkFields(change, state, app, ahead);
}

Status<> authorizeApplicationCommand(const Principal& p, const sync::Change& change, const model::Fold& state)
{
    const model::Application* app = state.application(change.recordId);
    if (!app || !visibleFrom(p, *app))
        return forbidden("no application " + change.recordId + " is visible to you");
    const std::string name = textOf(change.payload, "name");
    const auto action = model::appActionFromString(name);
    if (!action)
        return Error{"unknown_kind", "'" + name + "' is not a command of the application workflow",
                     "body.name"};
    if (textOf(change.payload, "role") != model::toString(p.role)) {
        return Error{"role_mismatch",
                     "the command names the role '" + textOf(change.payload, "role") + "' but you are " +
                         model::toString(p.role) + "; sign in again on this device",
                     "body.role"};
    }
    if (!roleMayEver(*action, p.role)) {
        return Error{"role_not_permitted",
                     std::string("a ") + model::toString(p.role) + " may not " + name + " an application",
                     "body.name"};
    }
    if (p.role == Role::Applicant && app->owner != p.userId)
        return forbidden("only its applicant may " + name + " an application");
    return Ok{};
}

} // namespace

std::optional<std::int64_t> visibleFrom(const Principal& p, const model::Application& app)
{
    if (app.owner == p.userId)
        return 1;
    switch (p.role) {
    case Role::UnitReviewer:
        if (app.submittedSeq > 0 && app.unitCode == p.orgCode)
            return app.submittedSeq;
        break;
    case Role::AuthorityReviewer:
        if (app.submittedSeq > 0 && app.authority() == p.orgCode)
            return app.submittedSeq;
        break;
    case Role::CentreOfficer:
        if (app.submittedSeq > 0)
            return app.submittedSeq;
        break;
    case Role::TrainingUnitOfficer:
        if (app.admittedSeq > 0 && app.admission && app.admission->trainingUnit == p.orgCode)
            return app.admittedSeq;
        break;
    default:
        break;
    }
    return std::nullopt;
}

Status<> authorize(const Principal& p, const sync::Change& change, const model::Fold& state,
                   const sync::HlcClock& clock, const FieldCheck* ahead)
{
    if (change.author != p.userId) {
        return Error{"forged_author",
                     "the change names author '" + change.author + "' but you are signed in as '" + p.userId +
                         "'; changes can only be pushed by the person who made them",
                     "by"};
    }
    if (!p.site.empty() && change.site != p.site) {
        return Error{"site_mismatch",
                     "the change was made on device " + change.site + " but this session belongs to device " +
                         p.site + "; sign in on the device that made it",
                     "site"};
    }
    if (auto inTime = clock.check(change.hlc); !inTime)
        return inTime.error();
    if (change.recordKind == model::kKindCampaign) {
        if (p.role != Role::CentreOfficer && p.role != Role::Administrator)
            return Error{"role_not_permitted", "only the centre sets campaign data (places, dates, amounts)",
                         "kind"};
        return Ok{};
    }
    if (change.recordKind == model::kKindApplication) {
        return change.op == sync::ChangeOp::Set ? authorizeApplicationSet(p, change, state, ahead)
                                                : authorizeApplicationCommand(p, change, state);
    }
    return Error{"unknown_kind", "records of kind '" + change.recordKind + "' are not kept by this server",
                 "kind"};
}

} // namespace tepei::server
