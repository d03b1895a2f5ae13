#pragma once
// R-LV-1, R-LV-2: who decides a leave request, by its length in calendar days (start and end
// inclusive), from the campaign's leave tiers. Pure and thread-safe.

#include <cstddef>
#include <optional>
#include <string_view>
#include <tepei/model/campaign/campaign.h>
#include <tepei/model/reference/date.h>
#include <tepei/model/reference/reason.h>
#include <tepei/sync/result.h>
#include <vector>

namespace tepei::model {

struct LeavePath {
    int days = 0;                      // calendar days, both ends counted
    std::size_t tierIndex = 0;         // index into campaign.leaveTiers
    std::optional<int> tierMaxDays;    // the tier's upper bound; none for the open-ended tier
    std::vector<LeaveParty> approvers; // in the order they decide
    std::vector<LeaveParty> notified;  // notified for the record (备案)
    bool needsForm = false;            // 附件3 特培学员请销假审批表
    bool written = false;              // approval in writing
    bool interruptsTraining = false;   // 中断培养, no completion assessment

    bool operator==(const LeavePath&) const = default;
};
using LeaveDecisionPath = LeavePath;

// The decision path for a leave from `start` to `end`. Refuses an end before the start
// ("leave_end_before_start"); a campaign without tiers gives "leave_policy_missing".
tepei::Result<LeavePath, Reason> leavePath(const Campaign& campaign, const Date& start, const Date& end);

// R-LV-1: leave only for illness or personal matters ("sick", "personal"); otherwise
// "leave_kind_not_allowed" (there is no vacation during training).
std::optional<Reason> checkLeaveKind(std::string_view kind);

} // namespace tepei::model
