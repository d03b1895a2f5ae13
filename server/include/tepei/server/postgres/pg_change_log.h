#pragma once
// The server's change log on PostgreSQL: the table `changes` with the same columns as on SQLite
// (seq, the nine change columns, the verdict), migrated as the component "change_log".
//
// Several tepei-server processes may share one database (issue #16). An append holds the
// transaction-scoped advisory lock kLogAppendLock: appends are serialised across processes, and
// under the lock this process first folds what the others appended (catchUp), so a change is
// judged against the whole log before it, exactly as one server would judge it, and gets the
// next seq. Acknowledged means committed. Reads see whatever is committed; RecordLog catches up
// before a pull so that any process serves every accepted change.

#include <memory>
#include <string>
#include <tepei/model/log/change_log.h>
#include <tepei/server/postgres/pg.h>

namespace tepei::server {

class PgChangeLog final : public model::ChangeLog {
public:
    // Connects, migrates and folds the whole log. Errors: the connection's, "migration_failed",
    // "schema_too_new", "storage_corrupt".
    static Result<std::unique_ptr<PgChangeLog>> open(const std::string& url);
    static const std::vector<std::string_view>& migrations();

    Result<std::vector<model::Appended>> append(const model::AppendSource& source,
                                                const model::AppendGate& gate = {}) override;
    using ChangeLog::append;
    // A server's log takes no pulled pages: clients keep theirs in SQLite.
    Result<bool> applyPulled(std::vector<model::PulledChange> page, std::int64_t through,
                             const model::PageAlongside& alongside) override;
    const model::Fold& state() const override { return m_fold; }
    Result<std::vector<sync::ConfirmedChange>> changesAfter(std::int64_t seq, int limit) const override;
    Result<std::vector<model::LogEntryHeader>> headersAfter(std::int64_t seq, int limit) const override;
    Result<std::vector<sync::StoredChange>>
    storedChangesAt(const std::vector<std::int64_t>& seqs) const override;
    Result<std::vector<std::int64_t>> seqsOfRecord(const std::string& recordId,
                                                   std::int64_t maxSeq) const override;
    std::optional<model::Verdict> verdictOf(const sync::ChangeId& id) const override;
    Result<std::int64_t> catchUp() override;

    // Copies another log into this empty one as it is: the same seqs, payload texts and verdicts
    // (tepei-admin store copy), in one transaction, then folds it. Returns the number of changes.
    // Errors: "store_not_empty" (this log holds changes already; nothing is written), storage.
    Result<std::int64_t> copyFrom(const model::ChangeLog& source);

private:
    explicit PgChangeLog(std::unique_ptr<pg::Connection> conn) : m_conn(std::move(conn)) {}
    Result<std::vector<model::Appended>> appendLocked(const model::AppendSource& source,
                                                      const model::AppendGate& gate);
    struct Pending;
    Status<> appendBatch(sync::ChangeBatch& batch, const model::AppendGate& gate,
                         std::vector<model::Appended>& results, Pending& pending);
    Status<> flush(Pending& pending);
    Status<> refold();

    std::unique_ptr<pg::Connection> m_conn; // mutable use in const reads: callers serialise access
    model::Fold m_fold;
};

} // namespace tepei::server
