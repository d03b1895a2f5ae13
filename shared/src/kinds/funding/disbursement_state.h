#pragma once
// The disbursement kind's state in a fold: every disbursement, and per application what was paid
// of each item and refunded. Private to the kind; read through the functions of disbursement.h.

#include <array>
#include <tepei/model/fold/record_kind.h>
#include <tepei/model/kinds/funding/disbursement.h>

namespace tepei::model {

// What was paid for one application, by item (FundingItem's order), and refunded; its records.
struct PaidSums {
    std::array<std::int64_t, 3> paid{};
    std::int64_t refunded = 0;
    std::vector<std::string> ids; // in log order (tentative ones last)
};

class DisbursementState final : public KindState {
public:
    std::unique_ptr<KindState> clone() const override { return std::make_unique<DisbursementState>(*this); }
    Record* find(const std::string& id) override;
    Verdict apply(Fold& fold, sync::Change& change, Record*& record, std::int64_t seq,
                  const std::optional<Verdict>& given) override;
    void canonical(std::ostream& out, const Fold& fold) const override;

    const std::unordered_map<std::string, DisbursementRecord>& all() const { return m_records; }
    const PaidSums* sumsOf(const std::string& application) const;

private:
    std::unordered_map<std::string, DisbursementRecord> m_records;
    std::unordered_map<std::string, PaidSums> m_sums;
};

// The rules of one new disbursement at its place in the log (its verdict). Pure.
Verdict judgeDisbursement(const Fold& fold, const DisbursementRecord& record, const PaidSums& sums);

// The record a creating change describes, its trainee's parties taken from the application; or
// why there is none.
Result<DisbursementRecord, Reason> newDisbursement(const Fold& fold, const sync::Change& change);

} // namespace tepei::model
