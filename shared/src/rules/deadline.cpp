// R-APP-7: the campaign deadline.
#include <tepei/model/rules/deadline.h>

namespace tepei::model {

std::optional<Reason> checkDeadline(const Campaign& campaign, const Date& actionDate)
{
    if (actionDate <= campaign.deadline)
        return std::nullopt;
    const std::string deadline = toString(campaign.deadline);
    return Reason{
        "deadline_passed",
        "本年度申报截止日期为 " + deadline +
            "，已过截止日期，不能再提交或审核。如有特殊情况请联系自治区人事人才公共服务中心。",
        "The deadline of this campaign was " + deadline +
            "; submissions and reviews are closed. Contact the centre if there are special circumstances."};
}

std::optional<Reason> checkDeadlineAt(const Campaign& campaign, std::int64_t utcMillis)
{
    return checkDeadline(campaign, chinaDateOf(utcMillis));
}

} // namespace tepei::model
