#pragma once
// What every record of every kind has in the fold: its id, its creator and its history, each line
// with the verdict its change got; and the verdict itself, and the last-writer-wins stamp of a
// field. Plain values.

#include <algorithm>
#include <cstdint>
#include <string>
#include <tepei/model/reference/reason.h>
#include <tepei/sync/change.h>
#include <vector>

namespace tepei::model {

struct Verdict {
    bool accepted = true;
    Reason reason; // empty code when accepted

    static Verdict accept() { return {}; }
    static Verdict refuse(Reason reason) { return Verdict{false, std::move(reason)}; }
};

// The verdict as the protocol carries it, and back.
sync::ChangeVerdict toChangeVerdict(const Verdict& verdict);
Verdict fromChangeVerdict(const sync::ChangeVerdict& verdict);

// When a field's current value was written: the last-writer-wins order is (hlc, site).
struct FieldStamp {
    static constexpr std::uint32_t kNever = ~std::uint32_t{0};
    sync::Hlc hlc;
    std::uint32_t site = kNever; // index into the fold's site table (Fold::siteName); kNever: unwritten

    bool written() const { return site != kNever; }
};

// One line of a record's audit trail (R-APP-8): who, when, from which device, what, the comment,
// and the verdict. Field sets appear as action "edit" with the fields they touched.
struct HistoryEntry {
    std::int64_t seq = 0; // 0 while tentative
    sync::ChangeId changeId;
    std::string author;
    std::string site;
    sync::Hlc hlc;
    std::string action;
    std::string role;
    // The names of the fields an edit set, each followed by '\n' (one allocation per line, not one
    // per name: a full form sets about 45).
    std::string fields;
    std::string comment;
    Verdict verdict;
    // The record's state before and after the change, by the kind's wire names (static strings).
    const char* before = "";
    const char* after = "";
    // When the server took the change into its log (sync::ConfirmedChange::receivedMs; 0 while
    // tentative, or for changes stored before servers stamped them). Made at hlc, received then:
    // R-APP-7 shows both when an action made offline before a deadline arrived after it.
    std::int64_t receivedMs = 0;

    std::size_t fieldCount() const
    {
        return static_cast<std::size_t>(std::count(fields.begin(), fields.end(), '\n'));
    }
};

// The part of a record the fold's core reads: its id, who created it, and its history (where the
// fold finds a change folded before, and its verdict).
struct Record {
    std::string id;
    std::string owner; // author of the change that created it
    std::vector<HistoryEntry> history;
};

} // namespace tepei::model
