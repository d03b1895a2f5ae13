#pragma once
// R-QUO-1, R-QUO-2, R-QUO-3: places per recommending authority. Pure and thread-safe. The fold
// applies checkQuota to approvals in log order, which decides deterministically which of several
// concurrent approvals stand when they exceed the allocation.

#include <optional>
#include <string>
#include <string_view>
#include <tepei/model/campaign/campaign.h>
#include <tepei/model/reference/reason.h>
#include <utility>
#include <vector>

namespace tepei::model {

// One row of the quota table (附件1): allocation, approved (states that count against the quota),
// pending (submitted or unit-approved, not yet decided by the authority), remaining places.
struct QuotaStatus {
    int allocation = 0;
    int approved = 0;
    int pending = 0;
    int remaining = 0; // allocation - approved, never below 0

    bool operator==(const QuotaStatus&) const = default;
};

// The authority's places in the campaign; 0 when it has no allocation.
int allocationFor(const Campaign& campaign, std::string_view authorityCode);

QuotaStatus quotaStatus(const Campaign& campaign, std::string_view authorityCode, int approved, int pending);

// Whether one more approval fits, given the number already approved. The last place can be taken
// (alreadyApproved == allocation - 1 passes); one more cannot (code "quota_full"). An authority
// with no allocation in the campaign gets "quota_none".
std::optional<Reason> checkQuota(const Campaign& campaign, std::string_view authority, int alreadyApproved);

// R-QUO-1, issue #12: whether a new allocation may replace the current one, given how many
// places each authority's approvals already hold (authority code, count; authorities with none
// may be left out). No authority's places may fall below that (an authority left out of the new
// allocation has 0); the total must still equal the campaign's places (parseCampaign checks
// that). The reason, "allocation_below_approved", names every authority that would be cut below.
std::optional<Reason> checkAllocationChange(const Campaign& next,
                                            const std::vector<std::pair<std::string, int>>& approved);

} // namespace tepei::model
