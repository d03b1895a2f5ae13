#pragma once
// The client's own tables in its replica file, beside the change log (ARCHITECTURE.md "Storage"),
// each owned by one class, each migrated as a component of its own (sqlite::migrateComponent):
//   Outbox           `outbox`   the device's pending changes, oldest first (R-SYNC-3)
//   RejectedChanges  `rejected` changes the server refused at push, kept to show their author
//   RecordSummaries  `records`  one row per record for the lists (record_summaries.h)
//   ReplicaMeta      `meta`     small settings: site id, identity, clock, pull cursor
//   BlobQueue        `blobs`    attachments waiting for upload (blobs/blob_queue.h)
// Each works on the replica's database, inside the transactions the replica opens.
// Not thread-safe: the replica (LocalStore) serializes access.

#include <optional>
#include <string>
#include <tepei/model/log/sqlite.h>
#include <tepei/sync/change.h>
#include <vector>

namespace tepei::client {

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

class Outbox {
public:
    explicit Outbox(model::sqlite::Database& db) : m_db(db) {}
    // Creates the table if needed and reads the pending changes.
    Status<> open();
    // Stores and queues a change.
    Status<> add(const sync::Change& change);
    // Takes the changes with these ids out of the table (in the caller's transaction) and, once
    // the caller says it committed, out of memory (forget).
    Status<> remove(const sync::ChangeId& id);
    void forget(const std::vector<sync::ChangeId>& ids);
    // Re-reads the table (after a transaction rolled back).
    Status<> reload();
    const std::vector<sync::Change>& changes() const { return m_changes; }

private:
    model::sqlite::Database& m_db;
    std::vector<sync::Change> m_changes;
};

class RejectedChanges {
public:
    explicit RejectedChanges(model::sqlite::Database& db) : m_db(db) {}
    Status<> open();
    Status<> keep(const sync::Change& change, const Error& reason, std::int64_t atMillis);
    // Oldest first.
    Result<std::vector<RejectedChange>> all() const;

private:
    model::sqlite::Database& m_db;
};

class ReplicaMeta {
public:
    explicit ReplicaMeta(model::sqlite::Database& db) : m_db(db) {}
    Status<> open();
    std::optional<std::string> get(const std::string& key) const;
    Status<> set(const std::string& key, const std::string& value);

private:
    model::sqlite::Database& m_db;
};

} // namespace tepei::client
