// The disbursement kind's fold: a disbursement is created once, judged at its place in the log
// against the trainee's plan, and never changes after (R-FND-1, R-FND-2, R-SYNC-2).
#include "disbursement_state.h"

#include <algorithm>
#include <tepei/model/kinds/trainee_records.h>

namespace tepei::model {

Record* DisbursementState::find(const std::string& id)
{
    const auto it = m_records.find(id);
    return it == m_records.end() ? nullptr : &it->second;
}

const PaidSums* DisbursementState::sumsOf(const std::string& application) const
{
    const auto it = m_sums.find(application);
    return it == m_sums.end() ? nullptr : &it->second;
}

Verdict DisbursementState::apply(Fold& fold, sync::Change& change, Record*& record, std::int64_t seq,
                                 const std::optional<Verdict>& given)
{
    if (record) {
        return Verdict::refuse(Reason{"disbursement_recorded",
                                      "该拨付记录已登记，不能修改；如有差错请另登记一笔冲减",
                                      "a recorded disbursement cannot change; record a correction instead"});
    }
    if (change.op != sync::ChangeOp::Set || !change.payload.is_object()) {
        return Verdict::refuse(Reason{"malformed_payload", "拨付记录内容无法解读",
                                      "the disbursement cannot be read; update the client"});
    }
    auto candidate = newDisbursement(fold, change);
    if (!candidate) {
        return given && given->accepted
                   ? Verdict::refuse(Reason{"record_unknown", "拨付记录所属的录取记录尚未同步",
                                            "the disbursement's trainee is not on this replica; sync"})
                   : Verdict::refuse(candidate.error());
    }
    PaidSums& sums = m_sums[candidate->application];
    const Verdict verdict = given ? *given : judgeDisbursement(fold, *candidate, sums);
    if (!verdict.accepted) {
        if (sums.ids.empty() && sums.refunded == 0 && sums.paid == decltype(sums.paid){})
            m_sums.erase(candidate->application);
        return verdict;
    }
    if (candidate->item == kItemRefund)
        sums.refunded += candidate->amountFen;
    else if (auto item = fundingItemFromString(candidate->item))
        sums.paid[static_cast<std::size_t>(*item)] += candidate->amountFen;
    sums.ids.push_back(change.recordId);
    DisbursementRecord& stored = m_records.emplace(change.recordId, std::move(*candidate)).first->second;
    record = &stored;
    recordCreated(stored, change, seq, verdict);
    return verdict;
}

void DisbursementState::canonical(std::ostream& out, const Fold&) const
{
    std::vector<const DisbursementRecord*> sorted;
    for (const auto& [id, r] : m_records)
        sorted.push_back(&r);
    std::sort(sorted.begin(), sorted.end(), [](auto* a, auto* b) { return a->id < b->id; });
    for (const DisbursementRecord* r : sorted) {
        out << "disbursement " << r->id << " app=" << r->application << " item=" << r->item
            << " fen=" << r->amountFen << " date=" << toString(r->date) << " by=" << r->owner << " "
            << r->note << "\n";
        canonicalHistory(out, *r);
    }
}

} // namespace tepei::model
