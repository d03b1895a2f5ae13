#pragma once
// The SQLite replica store used by both the client and the server: the confirmed change log
// with each change's verdict, the derived state of every record, the client's outbox of pending
// changes, and the pull cursor. Numbered schema migrations; WAL; one transaction per batch; a
// local change and its outbox entry commit together, so a crash never loses an accepted change.
//
// Thread safety: a ReplicaStore is used by one thread at a time (callers serialize access).

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <tepei/model/fold/fold.h>
#include <tepei/model/log/sqlite.h>
#include <tepei/sync/change.h>
#include <tepei/sync/messages.h>
#include <tepei/sync/result.h>
#include <vector>

namespace tepei::model {

// The schema migrations, in order; exposed so tests can check every step.
const std::vector<std::string_view>& replicaStoreMigrations();

struct Appended {
    sync::ChangeId id;
    std::int64_t seq = 0;
    bool duplicate = false; // already in the log: nothing changed, seq is the original one
    Verdict verdict;
    std::optional<Error> refused; // the gate refused it: not in the log (seq 0), verdict unused
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
};

// A change's place in the log without its payload: enough to decide who may see it.
struct LogEntryHeader {
    std::int64_t seq = 0;
    std::string recordKind;
    std::string recordId;
};

// A row of the derived-state table: what lists and queries read without folding.
struct RecordSummary {
    std::string id;
    std::string kind;
    std::string state;
    std::string owner;
    std::string campaign;
    std::string unitCode;
    std::string authority;
    std::string name; // applicant's name, for lists
    std::int64_t lastSeq = 0;
};

// A change of the confirmed log as a pull delivers it, with the server's verdict.
struct PulledChange {
    sync::ConfirmedChange confirmed;
    std::optional<Verdict> verdict; // none: evaluate the rules locally (a replica of the whole log)
    // The payload's JSON text as the pulled message held it (the client takes it on the thread
    // that fetched the page), stored as it is; empty: the store writes it.
    std::string payloadText;
};

// A local change that the server refused at push (authorization, bad input): it left the outbox
// and is kept here, with the reason, to be shown to its author (R-SYNC-3).
struct RejectedChange {
    std::string changeId;
    std::string recordKind;
    std::string recordId;
    std::string payload; // JSON text
    Error reason;
    std::int64_t rejectedAtMillis = 0;
};

class ReplicaStore {
public:
    // Whether the store keeps the derived-state table (records()) beside the log. A client's lists
    // read it. The server folds every record in memory and never reads it: its log leaves the
    // table empty (emptied on open, so no stale row lingers) and writes no row per stored change.
    enum class Summaries { Kept, NotKept };

    // Opens or creates the store at path (":memory:" for a private one), migrates the schema, and
    // folds the stored log. Errors: storage_open_failed, storage_error, schema_too_new,
    // migration_failed.
    static Result<std::unique_ptr<ReplicaStore>> open(const std::string& path,
                                                      sqlite::Database::Durability durability,
                                                      Summaries summaries = Summaries::Kept);

    // Server: appends changes to the log in the given order. A change whose id is already in the
    // log is a duplicate (idempotent retry). New ones get the next seq and the fold's verdict.
    // All in one transaction: on error nothing is written and the in-memory state is unchanged.
    // With a gate, each new change is first shown to it; a refused one is reported and skipped.
    // The changes are taken by value: the fold keeps their payloads (std::move them in when done).
    Result<std::vector<Appended>> append(std::vector<sync::Change> changes, const AppendGate& gate = {});
    // The same, taking the changes from source as it gives them. A batch's payload texts, when it
    // has them, are stored as they are.
    Result<std::vector<Appended>> append(const AppendSource& source, const AppendGate& gate = {});

    // Client: stores one pulled page of the confirmed log and moves the pull cursor, in one
    // transaction. Changes already present (by seq) are ignored. A page may hold changes below
    // the cursor (a record that just entered this replica's scope arrives with its history): the
    // state is then refolded from the log. Pending local changes the page confirms leave the
    // outbox. Verdicts given by the server are taken as they are (see Fold::apply).
    Status<> applyPulled(std::vector<PulledChange> page, std::int64_t cursor);

    // Client: records a local change and queues it for push, atomically. Returns its tentative
    // verdict.
    Result<Verdict> enqueue(const sync::Change& change);
    // Client: the pending changes, oldest first. Valid until the store changes next; new changes
    // only ever join at the end.
    const std::vector<sync::Change>& outbox() const;
    std::size_t outboxSize() const;
    // Client: the server refused pending changes at push; they leave the outbox for the rejected
    // list, all in one transaction. Unknown ids are ignored.
    struct Refusal {
        sync::ChangeId id;
        Error reason;
    };
    Status<> rejectPending(const std::vector<Refusal>& refusals, std::int64_t atMillis);
    Status<> rejectPending(const sync::ChangeId& id, const Error& reason, std::int64_t atMillis)
    {
        return rejectPending({Refusal{id, reason}}, atMillis);
    }
    Result<std::vector<RejectedChange>> rejected() const;

    // Small persistent settings of this replica (site id, signed-in user, offline verifier, ...).
    std::optional<std::string> meta(const std::string& key) const;
    Status<> setMeta(const std::string& key, const std::string& value);

    // The confirmed log after a seq, at most limit changes, in seq order, with their verdicts.
    Result<std::vector<sync::ConfirmedChange>> changesAfter(std::int64_t seq, int limit) const;
    // Headers only (no payload) of the changes after a seq: cheap to scan for scope filtering.
    Result<std::vector<LogEntryHeader>> headersAfter(std::int64_t seq, int limit) const;
    // The changes with the given seqs (any order; the result is in seq order), each payload as the
    // JSON text stored, not parsed: for relaying changes (a server's pull) without building and
    // writing JSON values again.
    Result<std::vector<sync::StoredChange>> storedChangesAt(const std::vector<std::int64_t>& seqs) const;
    // Seqs of one record's changes up to and including maxSeq.
    Result<std::vector<std::int64_t>> seqsOfRecord(const std::string& recordId, std::int64_t maxSeq) const;
    // Verdict stored with a confirmed change, if it is in the log.
    std::optional<Verdict> verdictOf(const sync::ChangeId& id) const;

    // Client: the server's cursor after the last page stored (0 for a new replica).
    std::int64_t pullCursor() const { return m_pullCursor; }
    // Highest seq in the log (the server's log has no gaps; a client's holds only its scope).
    std::int64_t lastSeq() const { return m_confirmed.lastSeq(); }
    // State from the confirmed log alone.
    const Fold& confirmed() const { return m_confirmed; }
    // Confirmed state plus the pending local changes on top (what the client shows).
    const Fold& tentative() const { return m_tentative ? *m_tentative : m_confirmed; }

    // Derived-state rows of one kind, ordered by id, paged. Errors: "summaries_not_kept" for a store
    // opened with Summaries::NotKept.
    Result<std::vector<RecordSummary>> records(const std::string& kind, int offset, int limit) const;

    sqlite::Database& database() { return *m_db; }

private:
    ReplicaStore(std::unique_ptr<sqlite::Database> db, Summaries summaries);
    Status<> load();
    Status<> reload();
    Status<> applyPulledInTransaction(std::vector<PulledChange>& page, std::int64_t cursor, bool& refold);
    Result<std::vector<Appended>> appendInTransaction(const AppendSource& source, const AppendGate& gate);
    Result<sync::ConfirmedChange> readConfirmed(const sqlite::Statement& stmt) const;
    Status<> writeSummaries(const std::vector<std::string>& recordIds);
    Status<> foldFrom(std::int64_t afterSeq, std::vector<std::string>& touched);
    void rebuildTentative();

    std::unique_ptr<sqlite::Database> m_db;
    Fold m_confirmed;
    std::optional<Fold> m_tentative; // engaged only while the outbox holds changes
    std::vector<sync::Change> m_outbox;
    std::int64_t m_pullCursor = 0;
    Summaries m_summaries = Summaries::Kept;
};

} // namespace tepei::model
