#pragma once
// The follow-up record (返岗与后续支持, R-TRN-3) as the fold keeps it: the trainee's work unit
// records the trainee's return to post after the training, then the support it gives — a title
// evaluation, a promotion, a research project, or something else — each with its date and text.
// One record per entry, written once by the work unit's reviewer; judged at its place in the log:
// a return only once the training has ended (completed, interrupted, disqualified, or past its
// last day), one return per trainee, support entries only after the return and not dated before it.

#include <optional>
#include <string>
#include <tepei/model/fold/fold.h>
#include <tepei/model/reference/date.h>
#include <tepei/model/reference/reason.h>
#include <unordered_map>
#include <vector>

namespace tepei::model {

inline constexpr const char* kKindFollowUp = "follow_up";

// Fields of a follow-up entry (one Set change that creates it).
inline constexpr const char* kFollowApplication = "application"; // the trainee's admitted application
inline constexpr const char* kFollowEntry = "entry";             // one of followUpEntries()
inline constexpr const char* kFollowDate = "date";               // YYYY-MM-DD
inline constexpr const char* kFollowText = "text";               // the post, the title, the project ...

inline constexpr const char* kEntryReturn = "return"; // 返岗: the trainee is back at the post

// The kinds of entry with their names: return (返岗), title (职称评审), promotion (职务晋升),
// research (科研项目), other (其他支持).
struct FollowUpEntryKind {
    const char* code;
    const char* zh;
    const char* en;
};
const std::vector<FollowUpEntryKind>& followUpEntries();
const FollowUpEntryKind* findFollowUpEntry(std::string_view code);

struct FollowUpRecord : Record {
    // Record::owner: the work unit's reviewer who recorded it.
    std::string application;
    std::string trainee;
    std::string trainingUnit;
    std::string workUnit;
    std::string entry;
    Date date{};
    std::string text;
};

// The fields of a new entry.
web::json::value followUpPayload(const std::string& application, std::string_view entry,
                                 const std::string& date, const std::string& text);

// What the rules would say of a new entry with these fields at the end of `fold`'s log: nullopt
// when it would be recorded, else why not. A client asks before it queues one.
std::optional<Reason> checkNewFollowUp(const Fold& fold, const web::json::value& payload);

// A trainee's entries in log order (the return first), and the day of the return if recorded.
std::vector<const FollowUpRecord*> followUpsOf(const Fold& fold, const std::string& application);
std::optional<Date> returnedToPost(const Fold& fold, const std::string& application);
const FollowUpRecord* findFollowUp(const Fold& fold, const std::string& id);

} // namespace tepei::model
