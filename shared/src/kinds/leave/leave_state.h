#pragma once
// The leave kind's state in a fold: every leave request. Private to the kind; read through the
// functions of leave.h.

#include <tepei/model/command/command.h>
#include <tepei/model/fold/record_kind.h>
#include <tepei/model/kinds/leave/leave.h>

namespace tepei::model {

class LeaveState final : public KindState {
public:
    std::unique_ptr<KindState> clone() const override { return std::make_unique<LeaveState>(*this); }
    Record* find(const std::string& id) override;
    Verdict apply(Fold& fold, sync::Change& change, Record*& record, std::int64_t seq,
                  const std::optional<Verdict>& given) override;
    void canonical(std::ostream& out, const Fold& fold) const override;

    const std::unordered_map<std::string, LeaveRequest>& all() const { return m_requests; }

private:
    Verdict setFields(Fold& fold, sync::Change& change, Record*& record, std::int64_t seq,
                      const std::optional<Verdict>& given);
    Verdict command(Fold& fold, sync::Change& change, LeaveRequest* leave, std::int64_t seq,
                    const std::optional<Verdict>& given);

    std::unordered_map<std::string, LeaveRequest> m_requests;
};

// A refused verdict with its reason in both languages.
Verdict refusal(std::string code, std::string zh, std::string en);

// The rules of one command on a request at its place in the log (its verdict). Pure.
Verdict judgeLeaveCommand(const Fold& fold, const LeaveRequest& leave, const Command& command,
                          const std::string& author);
// What an accepted command does to the request.
void performLeaveCommand(Fold& fold, LeaveRequest& leave, const Command& command, const sync::Change& change,
                         std::int64_t seq);

} // namespace tepei::model
