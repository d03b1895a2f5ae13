#pragma once
// The ChangeLog on SQLite: the table `changes` (seq, the nine change columns, the verdict),
// migrated as the component "change_log" (sqlite::migrateComponent), in WAL mode; every append and
// page is one transaction. Either it owns its database file (the server's log) or it shares the
// database of a client replica, whose own tables commit in the same transactions.

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <tepei/model/log/change_log.h>
#include <tepei/model/log/sqlite.h>

namespace tepei::model {

// The change log's schema migrations, in order; exposed so tests can check every step.
const std::vector<std::string_view>& changeLogMigrations();

struct SqliteLogOptions {
    sqlite::Database::Durability durability = sqlite::Database::Durability::Full;
    // The write-ahead log is copied into the database file by a thread and connection of the log's
    // own once it holds this many bytes, never inside a commit (a server's push would wait for it).
    // 0: SQLite checkpoints by itself, inside the commit that crosses its threshold.
    std::int64_t checkpointBytes = 0;
};

class SqliteChangeLog final : public ChangeLog {
public:
    // Opens (creating) the log in its own file, migrates it and folds it. Errors:
    // storage_open_failed, storage_error, schema_too_new, migration_failed, storage_corrupt.
    static Result<std::unique_ptr<SqliteChangeLog>> open(const std::string& path,
                                                         const SqliteLogOptions& options);
    // The same in a database another owner holds open (it must outlive the log): a client's
    // replica, complete for its scope up to `through` (its pull cursor). Changes stored above it
    // (its own, confirmed at push) wait unfolded until a pulled page reaches them.
    static Result<std::unique_ptr<SqliteChangeLog>> attach(sqlite::Database& db,
                                                           std::int64_t through = kFoldEverything);
    ~SqliteChangeLog() override;
    static constexpr std::int64_t kFoldEverything = INT64_MAX;

    Result<std::vector<Appended>> append(const AppendSource& source, const AppendGate& gate = {}) override;
    using ChangeLog::append;
    Result<bool> applyPulled(std::vector<PulledChange> page, std::int64_t through,
                             const PageAlongside& alongside) override;
    // Client: stores this device's own changes as the server's push reply confirmed them (each
    // with its seq and verdict), in one transaction with `alongside` (the outbox lets go of them).
    // Those above the bound wait, unfolded (see attach); one at or below it (a reply that was lost
    // and came again as a duplicate after a pull had passed it) is folded at once, the log folded
    // afresh if it must. Returns whether it was folded afresh. Errors: storage errors (nothing is
    // written).
    Result<bool> storeConfirmed(const std::vector<sync::ConfirmedChange>& own,
                                const std::function<Status<>()>& alongside);
    // The changes stored above the bound, in seq order (see attach).
    const std::vector<sync::ConfirmedChange>& unfolded() const { return m_unfolded; }
    // The bound: the log is folded, for its scope, up to this seq.
    std::int64_t foldedThrough() const { return m_through; }
    const Fold& state() const override { return m_fold; }
    Result<std::vector<sync::ConfirmedChange>> changesAfter(std::int64_t seq, int limit) const override;
    Result<std::vector<LogEntryHeader>> headersAfter(std::int64_t seq, int limit) const override;
    Result<std::vector<sync::StoredChange>>
    storedChangesAt(const std::vector<std::int64_t>& seqs) const override;
    Result<std::vector<std::int64_t>> seqsOfRecord(const std::string& recordId,
                                                   std::int64_t maxSeq) const override;
    std::optional<Verdict> verdictOf(const sync::ChangeId& id) const override;

private:
    class Checkpointer;
    SqliteChangeLog(std::unique_ptr<sqlite::Database> owned, sqlite::Database& db);
    Status<> refold();
    // Folds the stored changes after afterSeq up to the bound, in seq order.
    Status<> foldFrom(std::int64_t afterSeq, std::vector<std::string>& touched);
    Result<std::vector<Appended>> appendInTransaction(const AppendSource& source, const AppendGate& gate);
    Status<> appendBatch(sync::ChangeBatch& batch, const AppendGate& gate, std::int64_t receivedMs,
                         std::vector<Appended>& results);
    Status<> pageInTransaction(std::vector<PulledChange>& page, const PageAlongside& alongside, bool& afresh);
    Status<> storePage(std::vector<PulledChange>& page, bool& afresh, std::vector<std::string>& touched);
    Status<> storeOwn(const std::vector<sync::ConfirmedChange>& own, bool& below);
    Status<> loadUnfolded();
    // The unfolded changes up to the bound, merged into the page in seq order.
    void takeUnfolded(std::vector<PulledChange>& page);

    std::unique_ptr<sqlite::Database> m_owned; // null when attached
    sqlite::Database& m_db;
    Fold m_fold;
    std::int64_t m_through = kFoldEverything;      // the bound of the fold (a client's pull cursor)
    std::vector<sync::ConfirmedChange> m_unfolded; // stored above the bound, in seq order
    std::unique_ptr<Checkpointer> m_checkpointer;
};

} // namespace tepei::model
