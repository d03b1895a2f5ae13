// The disbursement kind: only the centre records one, with fields of the right types; the trainee,
// the training unit, the work unit and the centre see it (R-FND-2, R-SEC-2).
#include "disbursement_state.h"

#include <tepei/model/kinds/funding/disbursement_kind.h>
#include <tepei/model/kinds/trainee_records.h>

namespace tepei::model {

namespace {

Status<> checkFields(const web::json::value& payload)
{
    if (!payload.is_object())
        return Error{"invalid_value", "a disbursement's fields are a JSON object", "body"};
    for (const auto& [name, value] : payload.as_object()) {
        const std::string field = "body." + name;
        if (name == kPayAmount) {
            if (!value.is_integer())
                return Error{"invalid_value", "amount_fen is a whole number of fen", field};
            continue;
        }
        if (name != kPayApplication && name != kPayItem && name != kPayDate && name != kPayNote)
            return Error{"unknown_field", "a disbursement has no field '" + name + "'; update the client",
                         field};
        if (!value.is_string())
            return Error{"invalid_value", name + " is text", field};
        if (name == kPayItem && value.as_string() != kItemRefund && !fundingItemFromString(value.as_string()))
            return Error{"invalid_value",
                         "item is tuition_housing, living_allowance, management_fee or refund", field};
        if (name == kPayDate && !parseDate(value.as_string()))
            return Error{"invalid_value", "date is YYYY-MM-DD, not '" + value.as_string() + "'", field};
    }
    return Ok{};
}

class DisbursementKind final : public RecordKind {
public:
    const char* name() const override { return kKindDisbursement; }
    std::unique_ptr<KindState> newState() const override { return std::make_unique<DisbursementState>(); }

    Status<> authorize(const Principal& principal, const sync::Change& change, const Fold&,
                       const ContentCheck*) const override
    {
        if (principal.role != Role::CentreOfficer)
            return Error{"role_not_permitted", "only the centre records disbursements and refunds", "rec"};
        if (change.op != sync::ChangeOp::Set)
            return Error{"invalid_value", "a disbursement takes no commands; record a new one", "op"};
        return checkFields(change.payload);
    }

    std::optional<std::int64_t> visibleFrom(const Principal& principal, const Record* record,
                                            const Fold&) const override
    {
        if (!record)
            return std::nullopt;
        return model::visibleFrom(principal, static_cast<const DisbursementRecord&>(*record));
    }
};

} // namespace

const RecordKind& disbursementKind()
{
    static const DisbursementKind kind;
    return kind;
}

std::optional<std::int64_t> visibleFrom(const Principal& p, const DisbursementRecord& r)
{
    const bool sees = seesTraineeRecord(p, r.trainee, r.trainingUnit, r.workUnit);
    return sees ? std::optional<std::int64_t>(1) : std::nullopt;
}

} // namespace tepei::model
