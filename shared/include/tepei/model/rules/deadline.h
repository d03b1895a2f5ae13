#pragma once
// R-APP-7: the campaign deadline. Pure and thread-safe.

#include <cstdint>
#include <optional>
#include <tepei/model/campaign/campaign.h>
#include <tepei/model/reference/date.h>
#include <tepei/model/reference/reason.h>

namespace tepei::model {

// Refuses an action dated after campaign.deadline (code "deadline_passed"); the deadline day
// itself is allowed. `actionDate` is a China date (see chinaDateOf).
std::optional<Reason> checkDeadline(const Campaign& campaign, const Date& actionDate);

// The same for an instant in milliseconds since the Unix epoch (taken as a China date).
std::optional<Reason> checkDeadlineAt(const Campaign& campaign, std::int64_t utcMillis);

} // namespace tepei::model
