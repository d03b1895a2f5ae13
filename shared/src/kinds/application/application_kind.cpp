// The application kind: its state, who may change an application and who may see one (R-SEC-2).
#include "application_state.h"

#include <algorithm>
#include <tepei/model/kinds/application/application_kind.h>
#include <tepei/model/kinds/campaign/campaign_kind.h>
#include <tepei/model/rules/attachment.h>
#include <tepei/sync/sha256.h>

namespace tepei::model {

namespace {

Error forbidden(const std::string& what)
{
    return Error{"forbidden", what + "; this record is outside your organisation's scope", "rec"};
}

// Whether any transition of the workflow lets `role` perform `action`.
bool roleMayEver(AppAction action, Role role)
{
    const auto& table = transitionTable();
    return std::any_of(table.begin(), table.end(),
                       [&](const Transition& t) { return t.action == action && t.role == role; });
}

// Attachment rows must name real uploads of an allowed type and size (R-APP-2, R-SYNC-4).
Status<> checkAttachments(const web::json::value& rows, const Campaign& campaign)
{
    if (!rows.is_array())
        return Ok{}; // the field validation reports the wrong type
    std::size_t i = 0;
    for (const auto& row : rows.as_array()) {
        const std::string path = "body.attachments[" + std::to_string(i++) + "]";
        const std::string_view sha = memberText(row, "sha256");
        if (!sync::isSha256Hex(sha)) {
            return Error{"invalid_value",
                         "an attachment must be named by the SHA-256 of its content (64 hex digits)",
                         path + ".sha256"};
        }
        const std::int64_t size =
            row.has_field("size") && row.at("size").is_integer() ? row.at("size").as_number().to_int64() : 0;
        if (auto problem = checkAttachment(campaign, memberText(row, "type"), size))
            return Error{problem->code, problem->en, path};
    }
    return Ok{};
}

Status<> authorizeSet(const Principal& p, const sync::Change& change, const Fold& state,
                      const ContentCheck* ahead)
{
    if (p.role != Role::Applicant) {
        return Error{"role_not_permitted",
                     "only the applicant edits an application form; reviewers decide with approve or return",
                     "op"};
    }
    const Application* app = findApplication(state, change.recordId);
    if (app && app->owner != p.userId)
        return forbidden("the application belongs to another applicant");
    if (!app && memberText(change.payload, kFieldUnitCode) != p.orgCode) {
        return Error{"forbidden",
                     "a new application must name your own work unit (" + p.orgCode + ") as unit_code",
                     "body.unit_code"};
    }
    if (change.payload.has_field(kFieldAuthority) && !p.authorityCode.empty() &&
        memberText(change.payload, kFieldAuthority) != p.authorityCode) {
        return Error{"forbidden",
                     "the location (推荐单位) must be your work unit's recommending authority " +
                         p.authorityCode,
                     "body.authority"};
    }
    const std::string campaignId =
        app ? app->campaign : std::string(memberText(change.payload, kFieldCampaign));
    if (ahead && ahead->campaignId == campaignId)
        return ahead->result;
    return checkApplicationFields(change, findCampaign(state, campaignId));
}

Status<> authorizeCommand(const Principal& p, const sync::Change& change, const Fold& state)
{
    const Application* app = findApplication(state, change.recordId);
    if (!app || !visibleFrom(p, *app))
        return forbidden("no application " + change.recordId + " is visible to you");
    const Command command = Command::fromPayload(change.payload);
    const auto action = appActionFromString(command.name);
    if (!action)
        return Error{"unknown_kind", "'" + command.name + "' is not a command of the application workflow",
                     "body.name"};
    if (command.role != toString(p.role)) {
        return Error{"role_mismatch",
                     "the command names the role '" + command.role + "' but you are " + toString(p.role) +
                         "; sign in again on this device",
                     "body.role"};
    }
    if (!roleMayEver(*action, p.role)) {
        return Error{"role_not_permitted",
                     std::string("a ") + toString(p.role) + " may not " + command.name + " an application",
                     "body.name"};
    }
    if (p.role == Role::Applicant && app->owner != p.userId)
        return forbidden("only its applicant may " + command.name + " an application");
    return Ok{};
}

class ApplicationKind final : public RecordKind {
public:
    const char* name() const override { return kKindApplication; }
    std::unique_ptr<KindState> newState() const override { return std::make_unique<ApplicationState>(); }

    Status<> authorize(const Principal& principal, const sync::Change& change, const Fold& state,
                       const ContentCheck* ahead) const override
    {
        return change.op == sync::ChangeOp::Set ? authorizeSet(principal, change, state, ahead)
                                                : authorizeCommand(principal, change, state);
    }

    std::optional<ContentCheck> checkContent(const sync::Change& change,
                                             const CampaignIndex& campaigns) const override
    {
        if (change.op != sync::ChangeOp::Set || !change.payload.is_object())
            return std::nullopt;
        const auto& members = change.payload.as_object();
        const auto named = members.find(kFieldCampaign);
        if (named == members.end() || !named->second.is_string())
            return std::nullopt;
        const std::string& id = named->second.as_string();
        const auto campaign = campaigns.find(id);
        return ContentCheck{
            id, checkApplicationFields(change, campaign == campaigns.end() ? nullptr : &campaign->second)};
    }

    std::optional<std::int64_t> visibleFrom(const Principal& principal, const Record* record,
                                            const Fold&) const override
    {
        if (!record)
            return std::nullopt;
        return model::visibleFrom(principal, static_cast<const Application&>(*record));
    }

    bool citesBlob(const Record& record, const std::string& sha256) const override
    {
        const auto& values = static_cast<const Application&>(record).values;
        const auto rows = values.find(kFieldAttachments);
        return rows != values.end() && listCitesBlob(rows->second, sha256);
    }
};

} // namespace

const RecordKind& applicationKind()
{
    static const ApplicationKind kind;
    return kind;
}

std::optional<std::int64_t> visibleFrom(const Principal& p, const Application& app)
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

Status<> checkApplicationFields(const sync::Change& change, const Campaign* campaign)
{
    if (!change.payload.is_object())
        return Ok{}; // the codec only lets objects through; nothing here to check
    for (const auto& [name, value] : change.payload.as_object()) {
        if (name == kFieldCampaign || name == kFieldUnitCode)
            continue;
        const FieldSpec* spec = findField(name);
        if (!spec)
            return Error{"unknown_field",
                         "the application form has no field '" + name + "'; update the client",
                         "body." + name};
        if (!campaign)
            continue;
        if (auto problem = validateFieldValue(*spec, value, *campaign))
            return Error{problem->code, problem->en, "body." + name};
        if (name == kFieldAttachments) {
            if (auto bad = checkAttachments(value, *campaign); !bad)
                return bad.error();
        }
    }
    return Ok{};
}

std::optional<Reason> checkCommandArguments(AppAction action, const Command& command)
{
    if (requiresComment(action) && command.comment.empty()) {
        return Reason{"comment_required", "退回须填写审核意见",
                      "a return needs a written opinion; write the reasons and return again"};
    }
    static const std::vector<ArgSpec> kAdmission{{kArgTrainingUnit, ArgType::Text, true},
                                                 {kArgMajor, ArgType::Text, true},
                                                 {kArgStart, ArgType::Date, true}};
    if (action != AppAction::Admit)
        return std::nullopt;
    if (command.missing(kAdmission)) {
        return Reason{"admission_incomplete", "录取须注明培养单位、培养专业和开始日期",
                      "admission needs the training unit, the major and the start date (YYYY-MM-DD)"};
    }
    const bool hasEnd = command.args.is_object() && command.args.has_field(kArgEnd);
    const auto end = command.date(kArgEnd);
    if (hasEnd && (!end || !(*command.date(kArgStart) < *end))) {
        return Reason{"admission_period_invalid", "培养结束日期须为开始日期之后的日期（YYYY-MM-DD）",
                      "the end of the training period must be a date (YYYY-MM-DD) after its start"};
    }
    return std::nullopt;
}

std::optional<Reason> checkAdmission(const Command& command, const Campaign& campaign)
{
    // A campaign record written before campaigns listed their training units has none; its
    // admissions are judged as they were then, so that logs of earlier versions fold the same.
    const std::string_view unit = command.text(kArgTrainingUnit);
    if (campaign.trainingUnits.empty() || findTrainingUnit(campaign, unit))
        return std::nullopt;
    std::string known;
    for (const RefItem& item : campaign.trainingUnits)
        known += (known.empty() ? "" : "、") + item.zh;
    return Reason{"training_unit_unknown",
                  "培养单位“" + std::string(unit) + "”不在本年度计划的培养单位中（" + known + "）",
                  "the training unit '" + std::string(unit) +
                      "' is not one of this campaign's training units; choose one from the list"};
}

std::optional<Reason> checkDisqualification(const Command& command, const Campaign& campaign)
{
    static const std::vector<ArgSpec> kDisqualification{{kArgGround, ArgType::Text, true},
                                                        {kArgFacts, ArgType::Text, true},
                                                        {kArgCriticism, ArgType::Text, true}};
    if (campaign.disqualificationGrounds.empty())
        return std::nullopt;
    if (!command.missing(kDisqualification) && findDisqualificationGround(campaign, command.text(kArgGround)))
        return std::nullopt;
    std::string grounds;
    for (const RefItem& g : campaign.disqualificationGrounds)
        grounds += (grounds.empty() ? "" : "；") + g.zh;
    return Reason{
        "disqualification_incomplete",
        "取消培养资格须选择通知规定的情形之一（" + grounds + "），并填写事实经过和通报批评内容",
        "a disqualification needs one of the campaign's grounds, the facts and the text of the public "
        "criticism"};
}

Admission admissionOf(const Command& command, const Campaign& campaign)
{
    Admission admission;
    admission.trainingUnit = std::string(command.text(kArgTrainingUnit));
    admission.major = std::string(command.text(kArgMajor));
    admission.start = command.date(kArgStart).value_or(Date{});
    admission.end = command.date(kArgEnd).value_or(
        addDays(addMonths(admission.start, campaign.trainingPeriodMonths), -1));
    return admission;
}

} // namespace tepei::model
