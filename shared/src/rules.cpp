// Small rules: deadline (R-APP-7), quota (R-QUO-1, R-QUO-2), attachments (R-APP-2) and the
// certificate serial (R-TRN-2).

#include <algorithm>
#include <cstdio>
#include <tepei/model/attachment.h>
#include <tepei/model/certificate.h>
#include <tepei/model/deadline.h>
#include <tepei/model/quota.h>

namespace tepei::model {
namespace {

std::string authorityName(std::string_view code, bool zh)
{
    if (const Organisation* org = findOrganisation(code))
        return zh ? org->zh : org->en;
    return std::string(code);
}

std::string megabytes(std::int64_t bytes)
{
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.1f MB", static_cast<double>(bytes) / (1024.0 * 1024.0));
    return buffer;
}

} // namespace

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

std::optional<Reason> checkAttachment(const Campaign& campaign, std::string_view mimeType, std::int64_t bytes)
{
    if (std::find(campaign.attachmentTypes.begin(), campaign.attachmentTypes.end(), mimeType) ==
        campaign.attachmentTypes.end()) {
        std::string allowed;
        for (const auto& type : campaign.attachmentTypes)
            allowed += (allowed.empty() ? "" : ", ") + type;
        const std::string given(mimeType);
        return Reason{"attachment_type_not_allowed",
                      "不能上传此类型的文件（" + given + "），只能上传：" + allowed + "。",
                      "Files of type " + given + " cannot be uploaded; allowed types: " + allowed + "."};
    }
    if (bytes <= 0)
        return Reason{"attachment_empty", "文件是空的，请重新选择文件。",
                      "The file is empty; choose the file again."};
    if (bytes > campaign.attachmentMaxBytes) {
        const std::string max = megabytes(campaign.attachmentMaxBytes), has = megabytes(bytes);
        return Reason{"attachment_too_large", "文件大小 " + has + " 超过上限 " + max + "，请压缩或分开上传。",
                      "The file has " + has + ", more than the limit of " + max + "; compress or split it."};
    }
    return std::nullopt;
}

std::string certificateSerial(const Campaign& campaign, int sequence)
{
    char number[16];
    std::snprintf(number, sizeof number, "%04d", sequence);
    return "TP" + campaign.id + "-" + number;
}

} // namespace tepei::model
