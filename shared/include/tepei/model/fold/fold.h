#pragma once
// The deterministic fold (ARCHITECTURE.md "Records are a log of changes"). State on every replica
// is the fold of the server's confirmed log in sequence order by these rules; a client folds its
// own pending changes on top, as tentative. Same log + same rules = same state, byte for byte.
//
// The fold's core knows no record kind by name: each change goes to the state of its kind (the
// registry's, tepei/model/kinds/registry.h), which merges field sets as last-writer-wins registers
// per field, ordered by (HLC, site id), and checks commands by its rules at their place in the log:
// each gets a verdict, accepted or refused with a stable reason code. A refused change stays in
// the log and in the record's history; nothing is silently undone. The core finds duplicates,
// keeps the site table of the stamps, and refuses changes of kinds it does not know.
//
// Authorization (who may write which record) is not the fold's business: the server refuses such
// changes at push and they never enter the log (R-SEC-2).
//
// Thread safety: a Fold is a plain value; use it from one thread or guard it.

#include <cstdint>
#include <cstring>
#include <memory>
#include <optional>
#include <string>
#include <tepei/model/fold/record.h>
#include <tepei/model/fold/record_kind.h>
#include <tepei/sync/change.h>
#include <tepei/sync/change_id_set.h>
#include <unordered_map>
#include <vector>

namespace tepei::model {

class Fold {
public:
    Fold();
    Fold(const Fold& other);
    Fold& operator=(const Fold& other);
    Fold(Fold&&) noexcept;
    Fold& operator=(Fold&&) noexcept;
    ~Fold();

    // Applies the next change of the confirmed log. Changes must come in increasing seq; a change
    // whose id was already folded is a duplicate and changes nothing (its earlier verdict is returned).
    // With `given`, the verdict is the server's and the rules are not evaluated: a client whose
    // scope holds only part of the log (R-SEC-2) cannot recompute every verdict (an authority's
    // quota depends on records it may not see), so it takes the server's. Without it, the rules
    // decide: that is the server, and every replica that holds the whole log.
    Verdict apply(const sync::ConfirmedChange& confirmed, const std::optional<Verdict>& given = std::nullopt);
    // The same, taking the change's payload instead of copying it (the fast path).
    Verdict apply(sync::ConfirmedChange&& confirmed, const std::optional<Verdict>& given = std::nullopt);
    // Applies one of this replica's own pending changes on top of the confirmed state (seq 0).
    Verdict applyTentative(const sync::Change& change);

    std::int64_t lastSeq() const { return m_lastSeq; }

    // While a kind folds a change: when the server received it (ConfirmedChange::receivedMs; 0 for
    // a tentative change, which is judged by when it was made).
    std::int64_t receivedMs() const { return m_receivedMs; }
    // The latest HLC of the changes in the log that came from this device (site), if any: a device's
    // clock may not go backwards at the server (R-APP-7).
    std::optional<sync::Hlc> latestOf(const std::string& site) const;

    // The state the kind at `index` of the registry keeps here.
    KindState& stateAt(std::size_t index) { return *m_states[index]; }
    const KindState& stateAt(std::size_t index) const { return *m_states[index]; }

    // Every record in a canonical text form (sorted), for comparing replicas byte for byte.
    std::string canonicalState() const;

    // The site table of field stamps: a kind stamps a field with siteIndex(change.site).
    std::uint32_t siteIndex(const std::string& site);
    const std::string& siteName(std::uint32_t index) const { return m_sites[index]; }
    // Whether `candidate` wins over `current` as the last writer: later HLC, then the greater site.
    bool newer(const FieldStamp& candidate, const FieldStamp& current) const;

    // Tells every kind's state that something its cached answers may read has changed.
    void invalidateAll();

    // Appends the change's line to the record's history (taking the change's author and site) and
    // returns it for the kind to complete: action, fields, comment, states, verdict.
    static HistoryEntry& record(Record& record, sync::Change& change, std::int64_t seq, const char* state);

private:
    Verdict applyOnce(sync::Change& change, std::int64_t seq, const std::optional<Verdict>& given);
    // The verdict the change with this id got when it was folded before, or nullptr if it is new.
    const Verdict* earlierVerdict(const sync::ChangeId& id, const Record* record) const;
    // Keeps the change's id where earlierVerdict() will find it.
    void remember(const sync::ChangeId& id, const Record* record, const Verdict& verdict);

    std::vector<std::unique_ptr<KindState>> m_states; // one per registered kind, in registry order
    struct IdHash {
        std::size_t operator()(const sync::ChangeId& id) const noexcept
        {
            std::uint64_t head = 0;
            std::memcpy(&head, id.data, sizeof head);
            return static_cast<std::size_t>(head); // random UUIDs: their bytes are the hash
        }
    };
    // Histories up to this long are searched for a duplicate change id; longer ones are indexed.
    static constexpr std::size_t kHistoryScanLimit = 32;
    // Ids of folded changes that are not in a short history: refusals that found no record, and
    // every change of a record whose history is longer than the limit.
    sync::ChangeIdSet m_applied;
    std::unordered_map<sync::ChangeId, Verdict, IdHash> m_refused; // verdicts of refused ones (few)
    std::vector<std::string> m_sites;                              // site table for FieldStamp
    std::unordered_map<std::string, std::uint32_t> m_siteIndex;
    std::uint32_t m_lastSite = FieldStamp::kNever; // the site siteIndex() found last
    // The record the last change touched, and its kind: consecutive changes often touch one record
    // (a form's edits, a review). Not copied with the fold (a copy's records are its own).
    struct LastRecord {
        Record* record = nullptr;
        std::size_t kind = 0;
        LastRecord() = default;
        LastRecord(const LastRecord&) {}
        LastRecord& operator=(const LastRecord&)
        {
            record = nullptr;
            return *this;
        }
        LastRecord(LastRecord&&) noexcept = default;
        LastRecord& operator=(LastRecord&&) noexcept = default;
        ~LastRecord() = default;
    };
    LastRecord m_last;
    std::int64_t m_lastSeq = 0;
    std::int64_t m_receivedMs = 0;       // of the change being folded
    std::vector<sync::Hlc> m_siteLatest; // by site index: the latest HLC of a confirmed change
};

} // namespace tepei::model
