#pragma once
// The follow-up kind's state in a fold: every entry, and per application its entries in log order.
// Private to the kind; read through the functions of follow_up.h.

#include <tepei/model/fold/record_kind.h>
#include <tepei/model/kinds/follow_up/follow_up.h>

namespace tepei::model {

class FollowUpState final : public KindState {
public:
    std::unique_ptr<KindState> clone() const override { return std::make_unique<FollowUpState>(*this); }
    Record* find(const std::string& id) override;
    Verdict apply(Fold& fold, sync::Change& change, Record*& record, std::int64_t seq,
                  const std::optional<Verdict>& given) override;
    void canonical(std::ostream& out, const Fold& fold) const override;

    const std::unordered_map<std::string, FollowUpRecord>& all() const { return m_records; }
    // The ids of an application's entries, in log order (tentative ones last).
    const std::vector<std::string>* idsOf(const std::string& application) const;

private:
    std::unordered_map<std::string, FollowUpRecord> m_records;
    std::unordered_map<std::string, std::vector<std::string>> m_byApplication;
};

// The record a creating change describes, or why there is none; and the rules of it at its place
// in the log. Pure.
Result<FollowUpRecord, Reason> newFollowUp(const Fold& fold, const sync::Change& change);
std::optional<Reason> judgeFollowUp(const Fold& fold, const FollowUpRecord& record);

} // namespace tepei::model
