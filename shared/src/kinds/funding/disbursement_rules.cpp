// The disbursement kind's rules: a trainee's plan from the campaign and the admission, what a new
// disbursement may be at its place in the log, and the refund claim (R-FND-1, R-FND-2, R-TRN-1).
#include "disbursement_state.h"

#include <tepei/model/kinds/application/application.h>
#include <tepei/model/kinds/campaign/campaign_kind.h>
#include <tepei/model/kinds/registry.h>

namespace tepei::model {

namespace {

Verdict refuse(std::string code, std::string zh, std::string en)
{
    return Verdict::refuse(Reason{std::move(code), std::move(zh), std::move(en)});
}

std::string yuan(std::int64_t fen)
{
    return formatYuan(fen);
}

const DisbursementState& stateOf(const Fold& fold)
{
    return static_cast<const DisbursementState&>(fold.stateAt(kindIndex(kKindDisbursement)));
}

bool stops(AppState state)
{
    return state == AppState::Interrupted || state == AppState::Disqualified;
}

// The whole plan of an admitted application, as if nothing had stopped it.
std::optional<FundingLine> fullPlan(const Fold& fold, const Application& app)
{
    const Campaign* campaign = findCampaign(fold, app.campaign);
    if (!app.admission || !campaign)
        return std::nullopt;
    return traineeFunding(*campaign, app.id, app.admission->trainingUnit,
                          periodMonths(app.admission->start, app.admission->end));
}

FundingLine paidLine(const Application& app, const PaidSums* sums)
{
    FundingLine line;
    line.traineeId = app.id;
    line.trainingUnit = app.admission ? app.admission->trainingUnit : std::string();
    line.trainees = 1;
    if (sums) {
        line.tuitionHousingFen = sums->paid[0];
        line.livingAllowanceFen = sums->paid[1];
        line.managementFeeFen = sums->paid[2];
    }
    return line;
}

Verdict judgeRefund(const Fold& fold, const DisbursementRecord& record)
{
    const auto status = traineeFundingOf(fold, record.application);
    const Application* app = findApplication(fold, record.application);
    if (!status || !app || app->state != AppState::Disqualified) {
        return refuse("refund_not_claimed", "只有被取消培养资格的学员需退还特培经费，该学员没有退款要求",
                      "only a disqualified trainee owes a refund; this trainee has no refund claim");
    }
    if (record.amountFen <= 0 || record.amountFen > status->refundOutstandingFen()) {
        return refuse("refund_exceeds_claim",
                      "退款金额须大于 0 且不超过尚未退还的 " + yuan(status->refundOutstandingFen()) +
                          " 元（应退 " + yuan(status->refundClaimFen) + " 元，已退 " +
                          yuan(status->refundedFen) + " 元）；请核对金额",
                      "a refund must be above 0 and at most the " + yuan(status->refundOutstandingFen()) +
                          " CNY still owed (claim " + yuan(status->refundClaimFen) + ", refunded " +
                          yuan(status->refundedFen) + "); check the amount");
    }
    return Verdict::accept();
}

} // namespace

web::json::value disbursementPayload(const std::string& application, std::string_view item, std::int64_t fen,
                                     const std::string& date, const std::string& note)
{
    web::json::value f = web::json::value::object();
    f[kPayApplication] = web::json::value::string(application);
    f[kPayItem] = web::json::value::string(std::string(item));
    f[kPayAmount] = web::json::value::number(static_cast<int64_t>(fen));
    f[kPayDate] = web::json::value::string(date);
    if (!note.empty())
        f[kPayNote] = web::json::value::string(note);
    return f;
}

int periodMonths(const Date& start, const Date& end)
{
    if (!isValidDate(start) || !isValidDate(end) || end < start)
        return 0;
    const Date after = addDays(end, 1);
    int months = 0;
    while (addMonths(start, months) < after)
        ++months;
    return months;
}

std::int64_t planOf(const FundingLine& line, FundingItem item)
{
    switch (item) {
    case FundingItem::TuitionHousing:
        return line.tuitionHousingFen;
    case FundingItem::LivingAllowance:
        return line.livingAllowanceFen;
    case FundingItem::ManagementFee:
        return line.managementFeeFen;
    }
    return 0;
}

const char* itemNameZh(std::string_view item)
{
    if (item == toString(FundingItem::TuitionHousing))
        return "学费和住宿费";
    if (item == toString(FundingItem::LivingAllowance))
        return "生活补贴";
    if (item == toString(FundingItem::ManagementFee))
        return "学员管理费";
    return item == kItemRefund ? "退还经费" : "未知项目";
}

const char* itemNameEn(std::string_view item)
{
    if (item == toString(FundingItem::TuitionHousing))
        return "Tuition and housing";
    if (item == toString(FundingItem::LivingAllowance))
        return "Living allowance";
    if (item == toString(FundingItem::ManagementFee))
        return "Management fee";
    return item == kItemRefund ? "Refund received" : "Unknown item";
}

std::optional<TraineeFundingStatus> traineeFundingOf(const Fold& fold, const std::string& application)
{
    const Application* app = findApplication(fold, application);
    if (!app)
        return std::nullopt;
    auto plan = fullPlan(fold, *app);
    if (!plan)
        return std::nullopt;
    const PaidSums* sums = stateOf(fold).sumsOf(application);
    TraineeFundingStatus status;
    status.disbursed = paidLine(*app, sums);
    status.stopped = stops(app->state);
    status.plan = status.stopped ? status.disbursed : *plan; // the remaining plan stops (R-FND-1)
    if (app->state == AppState::Disqualified)
        status.refundClaimFen = std::max<std::int64_t>(0, status.disbursed.totalFen()); // R-TRN-1
    status.refundedFen = sums ? sums->refunded : 0;
    return status;
}

Result<DisbursementRecord, Reason> newDisbursement(const Fold& fold, const sync::Change& change)
{
    const web::json::value& p = change.payload;
    const auto text = [&](const char* name) {
        return p.has_string_field(name) ? p.at(name).as_string() : std::string();
    };
    DisbursementRecord record;
    record.id = change.recordId;
    record.application = text(kPayApplication);
    const Application* app = findApplication(fold, record.application);
    if (!app || !app->admission) {
        return Reason{"funding_not_trainee", "经费只能拨付给已录取的学员：请选择学员的录取记录",
                      "funds are paid only for an admitted trainee; choose the trainee's admission"};
    }
    record.trainee = app->owner;
    record.campaign = app->campaign;
    record.trainingUnit = app->admission->trainingUnit;
    record.workUnit = app->unitCode;
    record.item = text(kPayItem);
    record.amountFen = p.has_number_field(kPayAmount) && p.at(kPayAmount).is_integer()
                           ? p.at(kPayAmount).as_number().to_int64()
                           : 0;
    if (auto date = parseDate(text(kPayDate)))
        record.date = *date;
    record.note = text(kPayNote);
    return record;
}

Verdict judgeDisbursement(const Fold& fold, const DisbursementRecord& record, const PaidSums& sums)
{
    if (record.amountFen == 0)
        return refuse("amount_invalid", "金额须为非零的整数（分）", "the amount is a non-zero number of fen");
    if (!isValidDate(record.date))
        return refuse("date_invalid", "请填写拨付日期（YYYY-MM-DD）", "give the day of payment (YYYY-MM-DD)");
    if (record.item == kItemRefund)
        return judgeRefund(fold, record);
    const auto item = fundingItemFromString(record.item);
    const Application* app = findApplication(fold, record.application);
    const auto plan = app ? fullPlan(fold, *app) : std::nullopt;
    if (!item || !plan) {
        return refuse("item_unknown", "拨付项目须为学费和住宿费、生活补贴或学员管理费",
                      "the item is tuition and housing, the living allowance or the management fee");
    }
    const auto index = static_cast<std::size_t>(*item);
    const std::int64_t paid = sums.paid[index];
    const std::string zh = itemNameZh(record.item);
    const std::string en = itemNameEn(record.item);
    if (record.amountFen < 0) {
        if (record.note.empty() || paid + record.amountFen < 0)
            return refuse("correction_invalid",
                          "冲减须注明原因，且冲减后" + zh + "已拨付金额不得小于 0（现已拨付 " + yuan(paid) +
                              " 元）",
                          "a correction needs a note and may not take what was paid for " + en +
                              " below 0 (paid so far: " + yuan(paid) + " CNY)");
        return Verdict::accept();
    }
    if (stops(app->state)) {
        return refuse("funding_stopped",
                      std::string("该学员已") + labelZh(app->state) + "，剩余经费计划已停止，不能再拨付",
                      std::string("the trainee is ") + labelEn(app->state) +
                          ": the remaining plan has stopped and nothing more is paid");
    }
    const std::int64_t planned = planOf(*plan, *item);
    if (paid + record.amountFen > planned) {
        return refuse("over_plan",
                      "超出经费计划：该学员" + zh + "计划 " + yuan(planned) + " 元，已拨付 " + yuan(paid) +
                          " 元，本次 " + yuan(record.amountFen) + " 元，最多还可拨付 " +
                          yuan(planned - paid) + " 元；请核对金额",
                      "beyond the plan: " + en + " planned " + yuan(planned) + " CNY, paid " + yuan(paid) +
                          ", this payment " + yuan(record.amountFen) + ", at most " + yuan(planned - paid) +
                          " more; check the amount");
    }
    return Verdict::accept();
}

std::optional<Reason> checkNewDisbursement(const Fold& fold, const web::json::value& payload)
{
    sync::Change change;
    change.op = sync::ChangeOp::Set;
    change.payload = payload;
    auto candidate = newDisbursement(fold, change);
    if (!candidate)
        return candidate.error();
    const PaidSums* sums = stateOf(fold).sumsOf(candidate->application);
    const Verdict verdict = judgeDisbursement(fold, *candidate, sums ? *sums : PaidSums{});
    return verdict.accepted ? std::nullopt : std::optional<Reason>(verdict.reason);
}

const std::unordered_map<std::string, DisbursementRecord>& disbursements(const Fold& fold)
{
    return stateOf(fold).all();
}

const DisbursementRecord* findDisbursement(const Fold& fold, const std::string& id)
{
    const auto& all = disbursements(fold);
    const auto it = all.find(id);
    return it == all.end() ? nullptr : &it->second;
}

std::vector<const DisbursementRecord*> disbursementsOf(const Fold& fold, const std::string& application)
{
    std::vector<const DisbursementRecord*> out;
    if (const PaidSums* sums = stateOf(fold).sumsOf(application)) {
        for (const std::string& id : sums->ids) {
            if (const DisbursementRecord* r = findDisbursement(fold, id))
                out.push_back(r);
        }
    }
    return out;
}

} // namespace tepei::model
