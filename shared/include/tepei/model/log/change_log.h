#pragma once
// ChangeLog: the confirmed log of changes, each with its seq and verdict, and the fold of it
// (ARCHITECTURE.md "Storage"). Both sides use it: the server appends through an authorization
// gate; a client stores the pages it pulls. Narrow on purpose, so that a log can live in another
// database (sqlite_change_log.h is the SQLite one). Every write is one transaction: on error
// nothing is written and the state is as before.
//
// Thread safety: one thread at a time (callers serialize access).

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <tepei/model/fold/fold.h>
#include <tepei/sync/change.h>
#include <tepei/sync/messages.h>
#include <tepei/sync/result.h>
#include <vector>

namespace tepei::model {

struct Appended {
    sync::ChangeId id;
    std::int64_t seq = 0;
    bool duplicate = false; // already in the log: nothing changed, seq is the original one
    Verdict verdict;
    std::optional<Error> refused; // the gate refused it: not in the log (seq 0), verdict unused
    std::int64_t receivedMs = 0;  // in the log: when it was received (AppendSource::receivedMs)
};

// Decides, before a change enters the log, whether its author may make it (R-SEC-2). Sees the
// state with every earlier change of the same batch folded. nullopt: let it in.
using AppendGate = std::function<std::optional<Error>(const sync::Change& change, const Fold& state)>;

// Gives an append its changes a batch at a time, in order, while it stores the ones before (so a
// server can decode a large push while it stores it).
struct AppendSource {
    // The next batch. An empty batch ends them; an error stops the append, which then writes nothing.
    std::function<Result<sync::ChangeBatch>()> next;
    // Optional: takes each batch back once it is stored (what is left of its changes), to free it
    // elsewhere: tepei-server frees it on the thread that decoded it, away from the append.
    std::function<void(sync::ChangeBatch&&)> giveBack;
    // When the server received these changes (its physical clock, ms since the epoch): stamped on
    // each one the append takes into the log (sync::ConfirmedChange::receivedMs); 0 for none.
    std::int64_t receivedMs = 0;
};

// Takes the source's batches in order until the empty one that ends them, stores each with
// `store` and gives it back: the loop of every ChangeLog::append. Stops at the first error.
Status<> forEachBatch(const AppendSource& source, const std::function<Status<>(sync::ChangeBatch&)>& store);

// A change's place in the log without its payload: enough to decide who may see it, and whether
// it came from the device that asks (a pull never sends a device what it pushed).
struct LogEntryHeader {
    std::int64_t seq = 0;
    std::string recordKind;
    std::string recordId;
    std::string site;
};

// A change of the confirmed log as a pull delivers it, with the server's verdict.
struct PulledChange {
    sync::ConfirmedChange confirmed;
    std::optional<Verdict> verdict; // none: evaluate the rules locally (a replica of the whole log)
    // The payload's JSON text as the pulled message held it (the client takes it on the thread
    // that fetched the page), stored as it is; empty: the log writes it.
    std::string payloadText;
    // Already stored (this device's own change, stored from its push reply): folded, not written.
    bool stored = false;
};

// What a client writes in the same transaction as a pulled page: `touched` are the records the
// page folded; `refold` tells that the page brought history below what was folded, so the whole
// log is folded afresh once the page is stored (then every record should be reread after).
using PageAlongside = std::function<Status<>(const std::vector<std::string>& touched, bool refold)>;

class ChangeLog {
public:
    virtual ~ChangeLog() = default;

    // Server: appends changes in the order the source gives them. A change whose id is already in
    // the log is a duplicate (idempotent retry). New ones get the next seq and the fold's verdict.
    // With a gate, each new change is first shown to it; a refused one is reported and skipped.
    // The changes are the log's to take: the fold keeps their payloads. A batch's payload texts,
    // when it has them, are stored as they are.
    virtual Result<std::vector<Appended>> append(const AppendSource& source, const AppendGate& gate = {}) = 0;
    // The same for changes given at once.
    Result<std::vector<Appended>> append(std::vector<sync::Change> changes, const AppendGate& gate = {});

    // Client: stores one pulled page whose cursor is `through` (the log is complete up to there for
    // this replica's scope), and folds every stored change up to it in seq order: the page's and
    // those of this device that were stored earlier from push replies (storeConfirmed). Changes
    // already present (by seq) are ignored. A page may hold changes below what is folded (a record
    // that just entered this replica's scope arrives with its history): the state is then folded
    // afresh from the log. Verdicts given by the server are taken as they are (see Fold::apply).
    // `alongside` runs inside the page's transaction. Returns whether the log was folded afresh.
    virtual Result<bool> applyPulled(std::vector<PulledChange> page, std::int64_t through,
                                     const PageAlongside& alongside) = 0;

    // The fold of the log.
    virtual const Fold& state() const = 0;
    // Highest seq in the log (the server's log has no gaps; a client's holds only its scope).
    std::int64_t lastSeq() const { return state().lastSeq(); }

    // The log after a seq, at most limit changes, in seq order, with their verdicts.
    virtual Result<std::vector<sync::ConfirmedChange>> changesAfter(std::int64_t seq, int limit) const = 0;
    // Headers only (no payload) of the changes after a seq: cheap to scan for scope filtering.
    virtual Result<std::vector<LogEntryHeader>> headersAfter(std::int64_t seq, int limit) const = 0;
    // The changes with the given seqs (any order; the result is in seq order), each payload as the
    // JSON text stored, not parsed: for relaying changes (a server's pull) without building and
    // writing JSON values again.
    virtual Result<std::vector<sync::StoredChange>>
    storedChangesAt(const std::vector<std::int64_t>& seqs) const = 0;
    // Seqs of one record's changes up to and including maxSeq.
    virtual Result<std::vector<std::int64_t>> seqsOfRecord(const std::string& recordId,
                                                           std::int64_t maxSeq) const = 0;
    // Verdict stored with a change, if it is in the log.
    virtual std::optional<Verdict> verdictOf(const sync::ChangeId& id) const = 0;

    // A log that several processes append to (PostgreSQL behind more than one tepei-server) folds
    // what the others appended since it last looked, with their stored verdicts, and returns how
    // many changes that was. A log with one writer has nothing to catch up on.
    virtual Result<std::int64_t> catchUp() { return std::int64_t{0}; }
};

} // namespace tepei::model
