// The leave kind: its state, who may change a leave request and who may see one (R-SEC-2).
#include "leave_state.h"

#include <tepei/model/kinds/application/application.h>
#include <tepei/model/kinds/leave/leave_kind.h>
#include <tepei/model/kinds/trainee_records.h>

namespace tepei::model {

namespace {

Error forbidden(const std::string& what)
{
    return Error{"forbidden", what + "; this leave request is outside your scope", "rec"};
}

// The payload's members, by name and type, before they may enter the log.
Status<> checkFields(const web::json::value& payload)
{
    if (!payload.is_object())
        return Error{"invalid_value", "a leave request's fields are a JSON object", "body"};
    for (const auto& [name, value] : payload.as_object()) {
        const std::string field = "body." + name;
        if (name == kLeaveAttachments) {
            if (!value.is_array())
                return Error{"invalid_value", "attachments are a list of {sha256, type, size, name}", field};
            continue;
        }
        if (name != kLeaveApplication && name != kLeaveType && name != kLeaveStart && name != kLeaveEnd &&
            name != kLeaveReason)
            return Error{"unknown_field", "a leave request has no field '" + name + "'; update the client",
                         field};
        if (!value.is_string())
            return Error{"invalid_value", name + " is text", field};
        if (name == kLeaveType) {
            if (auto bad = checkLeaveKind(value.as_string()))
                return Error{bad->code, bad->en, field};
        }
        if ((name == kLeaveStart || name == kLeaveEnd) && !parseDate(value.as_string()))
            return Error{"invalid_value", name + " is a date YYYY-MM-DD, not '" + value.as_string() + "'",
                         field};
    }
    return Ok{};
}

// Who may file or edit: the trainee, or the officer of the trainee's training unit.
bool mayWrite(const Principal& p, const std::string& owner, const std::string& trainingUnit)
{
    return (p.role == Role::Applicant && p.userId == owner) ||
           (p.role == Role::TrainingUnitOfficer && p.orgCode == trainingUnit);
}

Status<> authorizeSet(const Principal& p, const sync::Change& change, const Fold& state)
{
    if (auto st = checkFields(change.payload); !st)
        return st;
    if (const LeaveRequest* leave = findLeave(state, change.recordId)) {
        if (!mayWrite(p, leave->owner, leave->trainingUnit))
            return forbidden("only the trainee or the training unit edits a leave request");
        return Ok{};
    }
    const auto& payload = change.payload;
    const std::string appId = payload.has_string_field(kLeaveApplication)
                                  ? payload.at(kLeaveApplication).as_string()
                                  : std::string();
    const Application* app = findApplication(state, appId);
    if (!app || !app->admission || !mayWrite(p, app->owner, app->admission->trainingUnit)) {
        return Error{
            "forbidden",
            "a leave request names the admitted application of its trainee: your own, or one of your "
            "training unit's trainees",
            "body.application"};
    }
    return Ok{};
}

Status<> authorizeCommand(const Principal& p, const sync::Change& change, const Fold& state)
{
    const LeaveRequest* leave = findLeave(state, change.recordId);
    if (!leave || !visibleFrom(p, *leave))
        return forbidden("no leave request " + change.recordId + " is visible to you");
    const Command command = Command::fromPayload(change.payload);
    if (command.role != toString(p.role)) {
        return Error{"role_mismatch",
                     "the command names the role '" + command.role + "' but you are " + toString(p.role) +
                         "; sign in again on this device",
                     "body.role"};
    }
    if (p.role == Role::Applicant && command.name != kLeaveWithdraw)
        return Error{"role_not_permitted",
                     "a trainee files, edits or withdraws a leave request; the parties decide", "body.name"};
    return Ok{};
}

class LeaveKind final : public RecordKind {
public:
    const char* name() const override { return kKindLeave; }
    std::unique_ptr<KindState> newState() const override { return std::make_unique<LeaveState>(); }

    Status<> authorize(const Principal& principal, const sync::Change& change, const Fold& state,
                       const ContentCheck*) const override
    {
        return change.op == sync::ChangeOp::Set ? authorizeSet(principal, change, state)
                                                : authorizeCommand(principal, change, state);
    }

    std::optional<std::int64_t> visibleFrom(const Principal& principal, const Record* record,
                                            const Fold&) const override
    {
        if (!record)
            return std::nullopt;
        return model::visibleFrom(principal, static_cast<const LeaveRequest&>(*record));
    }

    bool citesBlob(const Record& record, const std::string& sha256) const override
    {
        return listCitesBlob(static_cast<const LeaveRequest&>(record).attachments, sha256); // the proof
    }
};

} // namespace

const RecordKind& leaveKind()
{
    static const LeaveKind kind;
    return kind;
}

std::optional<std::int64_t> visibleFrom(const Principal& p, const LeaveRequest& leave)
{
    const bool sees = seesTraineeRecord(p, leave.owner, leave.trainingUnit, leave.workUnit);
    return sees ? std::optional<std::int64_t>(1) : std::nullopt;
}

} // namespace tepei::model
