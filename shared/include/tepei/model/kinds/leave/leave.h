#pragma once
// The leave request (请假, R-LV-1..3, 附件3) as the fold keeps it. A trainee — the admitted
// applicant's own account — or the trainee's training unit files it: 病假 or 事假, the first and
// last day (calendar days, both counted), the reason and proof. Its length picks the campaign's
// leave tier (rules/leave.h): who must approve, who is notified for the record (备案), whether the
// training is interrupted. The parties decide on their own devices, often offline: every decision
// names the digest of the request it saw, and the log's order gives the verdicts.

#include <optional>
#include <string>
#include <tepei/model/campaign/campaign.h>
#include <tepei/model/fold/fold.h>
#include <tepei/model/kinds/application/workflow.h>
#include <tepei/model/reference/date.h>
#include <tepei/model/rules/leave.h>
#include <unordered_map>
#include <vector>

namespace tepei::model {

inline constexpr const char* kKindLeave = "leave";

// Fields of a leave request (a Set change).
inline constexpr const char* kLeaveApplication = "application"; // the admitted application; set once
inline constexpr const char* kLeaveType = "leave_type";         // "sick" | "personal" (R-LV-1)
inline constexpr const char* kLeaveStart = "start";             // YYYY-MM-DD, the first day away
inline constexpr const char* kLeaveEnd = "end";                 // YYYY-MM-DD, the last day away
inline constexpr const char* kLeaveReason = "reason";
inline constexpr const char* kLeaveAttachments = "attachments"; // [{sha256, type, size, name}]

// Commands (a Command change; model::Command).
inline constexpr const char* kLeaveApprove = "leave_approve";         // a required party agrees
inline constexpr const char* kLeaveRefuse = "leave_refuse";           // a required party refuses: ends it
inline constexpr const char* kLeaveWithdraw = "leave_withdraw";       // before the first decision
inline constexpr const char* kLeaveAcknowledge = "leave_acknowledge"; // a notified party files it (备案)
inline constexpr const char* kLeaveReturn = "leave_return";           // 销假: the training unit confirms
inline constexpr const char* kArgReturned = "returned";               // leave_return: the day back

enum class LeaveStatus { Filed, Approved, Refused, Withdrawn, Returned };
const char* toString(LeaveStatus status); // "filed", "approved", "refused", "withdrawn", "returned"

struct LeaveDecision {
    LeaveParty party = LeaveParty::TrainingUnit;
    bool approved = false;
    std::string comment; // the written opinion
    std::string author;  // user id
    std::int64_t seq = 0;
    sync::Hlc hlc; // when it was made (on the deciding device)
};

struct LeaveRequest : Record {
    // Record::owner: the trainee (the application's applicant), whoever filed it.
    std::string application;
    std::string campaign;     // the application's campaign: its leave tiers
    std::string trainingUnit; // org codes of the parties, from the admission and the application
    std::string workUnit;
    std::string type;
    Date start{};
    Date end{};
    std::string reason;
    web::json::value attachments = web::json::value::array();
    std::unordered_map<std::string, FieldStamp> stamps; // per field: who wrote the current value
    LeaveStatus status = LeaveStatus::Filed;
    std::vector<LeaveDecision> decisions; // accepted decisions, in log order
    std::vector<LeaveParty> acknowledged; // notified parties that filed it
    std::optional<Date> returned;         // 销假
    int daysAway = 0;                     // start to the return day, both counted
    bool lateReturn = false;              // back after the approved last day
};

// A party's name on pages and in messages: 培养单位, 派出单位, 自治区人事人才公共服务中心.
const char* partyNameZh(LeaveParty party);

// The party a role decides as (training unit officer, unit reviewer, centre officer), if any.
std::optional<LeaveParty> partyOf(Role role);

// The digest of what a decision decides on (type, dates, reason, proof): a decision names it.
std::string leaveDigest(const LeaveRequest& leave);

// Every leave request of the fold, by id, and one by id (null if none).
const std::unordered_map<std::string, LeaveRequest>& leaveRequests(const Fold& fold);
const LeaveRequest* findLeave(const Fold& fold, const std::string& id);

// The request's tier (its path through the parties) under its campaign, or the reason there is none.
Result<LeavePath, Reason> leavePathOf(const Fold& fold, const LeaveRequest& leave);

// Who must act next on a filed request: the required parties that have not decided and may now
// (every approver but the last decides in any order; the last decides after them). Empty when
// nothing is awaited.
std::vector<LeaveParty> awaitingParties(const Fold& fold, const LeaveRequest& leave);

// Whether the approved request interrupts the training (中断培养: longer than the last tier's
// bound). The centre then interrupts the application with its own command ("interrupt", in the
// same sync as its approval): a change of the application record, so that everyone who sees the
// application — the authority too, who never sees a leave — folds the same state.
bool interruptsTraining(const Fold& fold, const LeaveRequest& leave);

// The notified parties (备案) of an approved request that have not filed it yet.
std::vector<LeaveParty> pendingFilings(const Fold& fold, const LeaveRequest& leave);

} // namespace tepei::model
