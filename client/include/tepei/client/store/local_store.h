#pragma once
// LocalStore: a client replica's file. The confirmed change log with its fold (model::ChangeLog,
// SQLite) and the client's own tables beside it (client_tables.h, record_summaries.h), in one
// SQLite database: a local change and its outbox entry commit together, and a pulled page, the
// outbox entries it confirms, the pull cursor and the list rows commit together, so a crash never
// loses an accepted change (R-SYNC-3). The tentative state is the confirmed one with the outbox
// folded on top (what the client shows).
//
// Thread safety: used by one thread at a time (ClientReplica serializes access).

#include <memory>
#include <optional>
#include <string>
#include <tepei/client/blobs/blob_queue.h>
#include <tepei/client/store/client_tables.h>
#include <tepei/client/store/record_summaries.h>
#include <tepei/model/log/sqlite_change_log.h>

namespace tepei::client {

class LocalStore {
public:
    // Opens or creates the replica at path (":memory:" for a private one), migrates every
    // component, folds the log and the outbox. Errors: storage_open_failed, storage_error,
    // schema_too_new, migration_failed, storage_corrupt.
    static Result<std::unique_ptr<LocalStore>> open(const std::string& path,
                                                    model::sqlite::Database::Durability durability);
    ~LocalStore();

    // Stores one pulled page, moves the pull cursor, takes the changes it confirms out of the
    // outbox and rewrites the list rows of what it touched, all in one transaction.
    Status<> applyPulled(std::vector<model::PulledChange> page, std::int64_t cursor);

    // Records a local change and queues it for push, atomically. Returns its tentative verdict.
    Result<model::Verdict> enqueue(const sync::Change& change);
    // The pending changes, oldest first. Valid until the store changes next; new changes only
    // ever join at the end.
    const std::vector<sync::Change>& outbox() const { return m_outbox.changes(); }
    std::size_t outboxSize() const { return m_outbox.changes().size(); }
    // The server refused pending changes at push; they leave the outbox for the rejected list,
    // all in one transaction. Unknown ids are ignored.
    struct Refusal {
        sync::ChangeId id;
        Error reason;
    };
    Status<> rejectPending(const std::vector<Refusal>& refusals, std::int64_t atMillis)
    {
        return takePushResults({}, refusals, atMillis);
    }
    Status<> rejectPending(const sync::ChangeId& id, const Error& reason, std::int64_t atMillis)
    {
        return rejectPending({Refusal{id, reason}}, atMillis);
    }
    Result<std::vector<RejectedChange>> rejected() const { return m_rejected.all(); }
    // What the server said of one push request (R-SYNC-3, R-SYNC-5): the changes it confirmed
    // (accepted, or duplicate of one it had: each with its seq and the rules' verdict) move from the
    // outbox into the confirmed log, those it refused to the rejected list, all in one transaction.
    // A pull never sends them back: the log folds them once its pull cursor reaches them (until
    // then they stay on top of the confirmed state, in the tentative one). Unknown ids are ignored.
    struct Confirmation {
        sync::ChangeId id;
        std::int64_t seq = 0;
        sync::ChangeVerdict verdict;
        std::int64_t receivedMs = 0; // when the server took it (R-APP-7)
    };
    Status<> takePushResults(const std::vector<Confirmation>& confirmed, const std::vector<Refusal>& refused,
                             std::int64_t atMillis);

    // Small persistent settings of this replica (site id, signed-in user, offline verifier, ...).
    std::optional<std::string> meta(const std::string& key) const { return m_meta.get(key); }
    Status<> setMeta(const std::string& key, const std::string& value) { return m_meta.set(key, value); }

    // This device's changes that push replies confirmed and the pull cursor has not reached yet:
    // stored in the log, shown on top of the confirmed state, folded by the next pull.
    std::size_t confirmedAhead() const { return m_log->unfolded().size(); }
    // The server's cursor after the last page stored (0 for a new replica).
    std::int64_t pullCursor() const { return m_pullCursor; }
    std::int64_t lastSeq() const { return m_log->lastSeq(); }
    const model::ChangeLog& log() const { return *m_log; }
    // State from the confirmed log alone.
    const model::Fold& confirmed() const { return m_log->state(); }
    // Confirmed state plus, on top, this device's changes that the pull cursor has not reached yet
    // (confirmed at push, then pending): what the client shows. Made again, when something changed
    // under it, at the first use after (not at every confirmed batch).
    const model::Fold& tentative() const;
    // The list rows.
    const RecordSummaries& summaries() const { return m_summaries; }
    // Ids of the campaigns this replica holds, in id order.
    std::vector<std::string> campaignIds() const;
    // The attachments waiting for upload.
    BlobQueue& blobs() { return m_blobs; }

private:
    explicit LocalStore(std::unique_ptr<model::sqlite::Database> db);
    Status<> load();
    // Something under the tentative state changed: it is made again at its next use.
    void tentativeChanged();
    void rebuildTentative() const;

    std::unique_ptr<model::sqlite::Database> m_db;
    std::unique_ptr<model::SqliteChangeLog> m_log;
    Outbox m_outbox;
    RejectedChanges m_rejected;
    ReplicaMeta m_meta;
    RecordSummaries m_summaries;
    BlobQueue m_blobs;
    // Engaged only while the outbox or the log's unfolded changes hold some; made again at its
    // next use when stale.
    mutable std::optional<model::Fold> m_tentative;
    mutable bool m_tentativeStale = false;
    std::int64_t m_pullCursor = 0;
};

} // namespace tepei::client
