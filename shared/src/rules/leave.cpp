#include <tepei/model/reference/reference.h>
#include <tepei/model/rules/leave.h>

namespace tepei::model {

tepei::Result<LeavePath, Reason> leavePath(const Campaign& campaign, const Date& start, const Date& end)
{
    if (end < start) {
        const std::string s = toString(start), e = toString(end);
        return Reason{"leave_end_before_start", "请假结束日期 " + e + " 早于开始日期 " + s + "，请改正日期。",
                      "The leave ends (" + e + ") before it starts (" + s + "); correct the dates."};
    }
    if (campaign.leaveTiers.empty()) {
        return Reason{"leave_policy_missing",
                      "本年度培养计划没有设置请假审批规则，请联系自治区人事人才公共服务中心。",
                      "The campaign has no leave policy; contact the centre."};
    }
    const int days = daysBetweenInclusive(start, end);
    std::size_t index = 0;
    while (index + 1 < campaign.leaveTiers.size() && campaign.leaveTiers[index].maxDays &&
           days > *campaign.leaveTiers[index].maxDays)
        ++index;
    const LeaveTier& tier = campaign.leaveTiers[index];
    return LeavePath{days,          index,          tier.maxDays, tier.approvers,
                     tier.notified, tier.needsForm, tier.written, tier.interruptsTraining};
}

std::optional<Reason> checkLeaveKind(std::string_view kind)
{
    if (findByCode(leaveKinds(), kind))
        return std::nullopt;
    return Reason{"leave_kind_not_allowed", "学习期间不得休假，只能因病或因事请假（病假、事假）。",
                  "There is no vacation during training; leave is only for illness or personal matters."};
}

} // namespace tepei::model
