// R-APP-2: supporting documents, their types and size.
#include <algorithm>
#include <cstdio>
#include <tepei/model/rules/attachment.h>

namespace tepei::model {
namespace {

std::string megabytes(std::int64_t bytes)
{
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.1f MB", static_cast<double>(bytes) / (1024.0 * 1024.0));
    return buffer;
}

} // namespace

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

} // namespace tepei::model
