// R-APP-7: the campaign deadline, and the offline grace after it.
#include <cstdio>
#include <tepei/model/rules/deadline.h>

namespace tepei::model {

namespace {

Reason deadlinePassed(const std::string& deadline)
{
    return Reason{
        "deadline_passed",
        "本年度申报截止日期为 " + deadline +
            "，已过截止日期，不能再提交或审核。如有特殊情况请联系自治区人事人才公共服务中心。",
        "The deadline of this campaign was " + deadline +
            "; submissions and reviews are closed. Contact the centre if there are special circumstances."};
}

} // namespace

std::string chinaTimeText(std::int64_t utcMillis)
{
    constexpr std::int64_t kDayMs = 24 * 60 * 60 * 1000;
    constexpr std::int64_t kChinaOffsetMs = 8 * 60 * 60 * 1000; // UTC+8, no daylight saving
    const std::int64_t local = utcMillis + kChinaOffsetMs;
    const std::int64_t minutes = ((local % kDayMs + kDayMs) % kDayMs) / 60000;
    char time[8];
    std::snprintf(time, sizeof time, "%02d:%02d", static_cast<int>(minutes / 60),
                  static_cast<int>(minutes % 60));
    return toString(chinaDateOf(utcMillis)) + " " + time;
}

std::optional<Reason> checkDeadline(const Campaign& campaign, const Date& actionDate)
{
    if (actionDate <= campaign.deadline)
        return std::nullopt;
    return deadlinePassed(toString(campaign.deadline));
}

std::optional<Reason> checkDeadlineAt(const Campaign& campaign, std::int64_t utcMillis)
{
    return checkDeadline(campaign, chinaDateOf(utcMillis));
}

std::optional<Reason> checkDeadlineReceived(const Campaign& campaign, std::int64_t madeMs,
                                            std::int64_t receivedMs)
{
    if (auto late = checkDeadlineAt(campaign, madeMs))
        return late;
    if (!lateReceipt(campaign, madeMs, receivedMs))
        return std::nullopt; // received by the deadline (or not yet: judged by when it was made)
    const Date lastDay = addDays(campaign.deadline, campaign.deadlineGraceDays);
    if (chinaDateOf(receivedMs) <= lastDay)
        return std::nullopt;
    const std::string deadline = toString(campaign.deadline);
    const std::string grace = std::to_string(campaign.deadlineGraceDays);
    const std::string made = chinaTimeText(madeMs);
    const std::string received = chinaTimeText(receivedMs);
    return Reason{"deadline_passed",
                  "此操作于 " + made + " 在截止日期 " + deadline + " 前离线办理，但服务器于 " + received +
                      " 才收到，已超过截止后 " + grace +
                      " 天的离线宽限期，不予受理。如有特殊情况请联系自治区人事人才公共服务中心。",
                  "This action was made offline at " + made + ", before the deadline of " + deadline +
                      ", but the server received it only at " + received + ", after the offline grace of " +
                      grace +
                      " days; it does not count. Contact the centre if there are special circumstances."};
}

bool lateReceipt(const Campaign& campaign, std::int64_t madeMs, std::int64_t receivedMs)
{
    return receivedMs != 0 && chinaDateOf(madeMs) <= campaign.deadline &&
           chinaDateOf(receivedMs) > campaign.deadline;
}

} // namespace tepei::model
