// R-QUO-1, R-QUO-2: places per recommending authority.
#include <algorithm>
#include <tepei/model/reference/reference.h>
#include <tepei/model/rules/quota.h>

namespace tepei::model {
namespace {

std::string authorityName(std::string_view code, bool zh)
{
    if (const Organisation* org = findOrganisation(code))
        return zh ? org->zh : org->en;
    return std::string(code);
}

} // namespace

int allocationFor(const Campaign& campaign, std::string_view authorityCode)
{
    const auto it = std::find_if(campaign.allocations.begin(), campaign.allocations.end(),
                                 [&](const Allocation& a) { return a.authorityCode == authorityCode; });
    return it == campaign.allocations.end() ? 0 : it->places;
}

QuotaStatus quotaStatus(const Campaign& campaign, std::string_view authorityCode, int approved, int pending)
{
    const int allocation = allocationFor(campaign, authorityCode);
    return QuotaStatus{allocation, approved, pending, std::max(0, allocation - approved)};
}

std::optional<Reason> checkQuota(const Campaign& campaign, std::string_view authority, int alreadyApproved)
{
    const int allocation = allocationFor(campaign, authority);
    if (allocation == 0) {
        return Reason{"quota_none", authorityName(authority, true) + "在本年度没有分配名额，不能审核通过。",
                      authorityName(authority, false) +
                          " has no places in this campaign, so no application can be approved."};
    }
    if (alreadyApproved < allocation)
        return std::nullopt;
    const std::string n = std::to_string(allocation);
    return Reason{
        "quota_full",
        authorityName(authority, true) + "的 " + n +
            " 个名额已全部审核通过，不能再通过更多申报。如需调整名额请联系自治区人事人才公共服务中心。",
        "All " + n + " places of " + authorityName(authority, false) +
            " are already approved; no more applications can be approved. Ask the centre if the "
            "allocation should change."};
}

std::optional<Reason> checkAllocationChange(const Campaign& next,
                                            const std::vector<std::pair<std::string, int>>& approved)
{
    std::string zh, en;
    for (const auto& [authority, count] : approved) {
        const int places = allocationFor(next, authority);
        if (count <= places)
            continue;
        zh += (zh.empty() ? "" : "；") + authorityName(authority, true) + "已审核通过 " +
              std::to_string(count) + " 人，名额不能少于 " + std::to_string(count) + "（拟调整为 " +
              std::to_string(places) + "）";
        en += (en.empty() ? "" : "; ") + authorityName(authority, false) + " has already approved " +
              std::to_string(count) + ", so it needs at least " + std::to_string(count) + " places (not " +
              std::to_string(places) + ")";
    }
    if (zh.empty())
        return std::nullopt;
    return Reason{"allocation_below_approved",
                  "名额分配未保存：" + zh + "。已审核通过的名额不能收回，请调整其他推荐单位的名额。",
                  "The allocation was not saved: " + en +
                      ". Places already approved cannot be taken back; move places between "
                      "other authorities instead."};
}

} // namespace tepei::model
