// The follow-up kind: only the trainee's work unit records an entry, with fields of the right
// types; the trainee, the training unit, the work unit and the centre see it (R-TRN-3, R-SEC-2).
#include "follow_up_state.h"

#include <tepei/model/kinds/application/application.h>
#include <tepei/model/kinds/follow_up/follow_up_kind.h>
#include <tepei/model/kinds/trainee_records.h>

namespace tepei::model {

namespace {

Status<> checkFields(const web::json::value& payload)
{
    if (!payload.is_object())
        return Error{"invalid_value", "a follow-up entry's fields are a JSON object", "body"};
    for (const auto& [name, value] : payload.as_object()) {
        const std::string field = "body." + name;
        if (name != kFollowApplication && name != kFollowEntry && name != kFollowDate && name != kFollowText)
            return Error{"unknown_field", "a follow-up entry has no field '" + name + "'; update the client",
                         field};
        if (!value.is_string())
            return Error{"invalid_value", name + " is text", field};
        if (name == kFollowEntry && !findFollowUpEntry(value.as_string()))
            return Error{"invalid_value", "entry is return, title, promotion, research or other", field};
        if (name == kFollowDate && !parseDate(value.as_string()))
            return Error{"invalid_value", "date is YYYY-MM-DD, not '" + value.as_string() + "'", field};
    }
    return Ok{};
}

class FollowUpKind final : public RecordKind {
public:
    const char* name() const override { return kKindFollowUp; }
    std::unique_ptr<KindState> newState() const override { return std::make_unique<FollowUpState>(); }

    Status<> authorize(const Principal& p, const sync::Change& change, const Fold& state,
                       const ContentCheck*) const override
    {
        if (change.op != sync::ChangeOp::Set)
            return Error{"invalid_value", "a follow-up entry takes no commands; record a new one", "op"};
        if (auto st = checkFields(change.payload); !st)
            return st;
        const auto& payload = change.payload;
        const Application* app = findApplication(state, payload.has_string_field(kFollowApplication)
                                                            ? payload.at(kFollowApplication).as_string()
                                                            : "");
        if (p.role != Role::UnitReviewer || !app || app->unitCode != p.orgCode)
            return Error{
                "forbidden",
                "only the trainee's work unit records the return and follow-up support of its own trainees",
                "body.application"};
        return Ok{};
    }

    std::optional<std::int64_t> visibleFrom(const Principal& principal, const Record* record,
                                            const Fold&) const override
    {
        if (!record)
            return std::nullopt;
        return model::visibleFrom(principal, static_cast<const FollowUpRecord&>(*record));
    }
};

} // namespace

const RecordKind& followUpKind()
{
    static const FollowUpKind kind;
    return kind;
}

std::optional<std::int64_t> visibleFrom(const Principal& p, const FollowUpRecord& r)
{
    const bool sees = seesTraineeRecord(p, r.trainee, r.trainingUnit, r.workUnit);
    return sees ? std::optional<std::int64_t>(1) : std::nullopt;
}

} // namespace tepei::model
