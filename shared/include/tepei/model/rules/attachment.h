#pragma once
// R-APP-2: supporting documents (附件证明材料) — allowed types and size from the campaign.

#include <cstdint>
#include <optional>
#include <string_view>
#include <tepei/model/campaign/campaign.h>
#include <tepei/model/reference/reason.h>

namespace tepei::model {

// Refuses a file whose MIME type is not in campaign.attachmentTypes ("attachment_type_not_allowed"),
// an empty file ("attachment_empty") or one larger than campaign.attachmentMaxBytes
// ("attachment_too_large"). The limit itself is allowed.
std::optional<Reason> checkAttachment(const Campaign& campaign, std::string_view mimeType,
                                      std::int64_t bytes);

} // namespace tepei::model
