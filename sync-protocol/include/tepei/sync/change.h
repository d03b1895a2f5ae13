#pragma once
// The unit of replication: a change to one record. Domain-free: the protocol knows a change's
// envelope (who, where, when, which record) and that its payload is a JSON object; what the
// payload means is the model library's business (tepei/model/fold/fold.h).

#include <cpprest/json.h>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <tepei/sync/hlc.h>
#include <tepei/sync/ids.h>
#include <vector>

namespace tepei::sync {

enum class ChangeOp {
    // New values for named fields of a record. Payload: {"<field>": <value>, ...}. Fields merge
    // as last-writer-wins registers ordered by (hlc, site).
    Set,
    // An action on a record (submit, approve, ...). Payload: {"name": "<command>", ...args}.
    Command,
};

// The wire names: "set" and "command". Never renamed once shipped.
const char* toString(ChangeOp op);
// The inverse of toString; std::nullopt for any other text (case-sensitive).
std::optional<ChangeOp> changeOpFromString(std::string_view text);

struct Change {
    ChangeId id;            // random UUID; a change applied twice is applied once
    std::string author;     // user id of the person who made it
    SiteId site;            // device that made it
    Hlc hlc;                // hybrid logical clock time at the site
    std::string recordKind; // e.g. "application", "leave"
    std::string recordId;   // UUID string of the record
    ChangeOp op = ChangeOp::Set;
    web::json::value payload = web::json::value::object();

    bool operator==(const Change&) const = default;
};

// What the server's rules decided for a change at its place in the log. A refused change stays in
// the log (its author is shown why); the code is stable, the messages are for people.
struct ChangeVerdict {
    bool accepted = true;
    std::string code;      // refused only, e.g. "quota_full"
    std::string messageZh; // refused only
    std::string message;   // refused only, English

    bool operator==(const ChangeVerdict&) const = default;
};

// A change in the server's log: the server gives every change it takes a global sequence number,
// starting at 1, without gaps, and its verdict. State on every replica is the fold of these in seq
// order. Wire form: the change's fields, "seq", "recv" (receivedMs, when stamped), and
// "refused":{"code","zh","en"} when refused.
struct ConfirmedChange {
    std::int64_t seq = 0;
    Change change;
    ChangeVerdict verdict;
    // When the server took the change into its log: its physical clock then, in ms since the epoch,
    // stamped once and stored with the change, so that every replica folds the same time (R-APP-7:
    // an action made offline and received late). 0 for changes stored before servers stamped them.
    std::int64_t receivedMs = 0;

    bool operator==(const ConfirmedChange&) const = default;
};

// Changes that travel together, in order. When they were read from a message, payloadTexts[i] is
// the text of changes[i]'s payload exactly as the message held it (it points into the message,
// which must outlive the batch), and a store keeps that text instead of writing the payload
// again; payloadTexts is empty otherwise.
struct ChangeBatch {
    std::vector<Change> changes;
    std::vector<std::string_view> payloadTexts;
};

} // namespace tepei::sync
