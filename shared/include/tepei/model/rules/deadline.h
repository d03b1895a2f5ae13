#pragma once
// R-APP-7: the campaign deadline. Pure and thread-safe.

#include <cstdint>
#include <optional>
#include <string>
#include <tepei/model/campaign/campaign.h>
#include <tepei/model/reference/date.h>
#include <tepei/model/reference/reason.h>

namespace tepei::model {

// Refuses an action dated after campaign.deadline (code "deadline_passed"); the deadline day
// itself is allowed. `actionDate` is a China date (see chinaDateOf).
std::optional<Reason> checkDeadline(const Campaign& campaign, const Date& actionDate);

// The same for an instant in milliseconds since the Unix epoch (taken as a China date).
std::optional<Reason> checkDeadlineAt(const Campaign& campaign, std::int64_t utcMillis);

// The same for an action made at madeMs (its HLC time at the device) and received by the server at
// receivedMs (the time the server stamped on it as it entered the log; 0 while it has not: a
// pending change is judged by when it was made). An action made by the deadline but received after
// it counts only until campaign.deadlineGraceDays days after the deadline; later, it is refused
// "deadline_passed" with both times in the message.
std::optional<Reason> checkDeadlineReceived(const Campaign& campaign, std::int64_t madeMs,
                                            std::int64_t receivedMs);

// Whether an action made by the deadline reached the server after it (the history then shows both
// times, so that reviewers see the gap).
bool lateReceipt(const Campaign& campaign, std::int64_t madeMs, std::int64_t receivedMs);

// "YYYY-MM-DD HH:MM" in China time (UTC+8), for messages and the history.
std::string chinaTimeText(std::int64_t utcMillis);

} // namespace tepei::model
