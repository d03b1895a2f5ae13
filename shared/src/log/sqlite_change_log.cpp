#include "wal_checkpointer.h"

#include <algorithm>
#include <iterator>
#include <tepei/model/log/change_rows.h>
#include <tepei/model/log/sqlite_change_log.h>
#include <utility>

namespace tepei::model {

namespace {

constexpr std::string_view kMigration1 = R"sql(
CREATE TABLE IF NOT EXISTS changes (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    author TEXT NOT NULL,
    site TEXT NOT NULL,
    hlc_wall INTEGER NOT NULL,
    hlc_counter INTEGER NOT NULL,
    record_kind TEXT NOT NULL,
    record_id TEXT NOT NULL,
    op TEXT NOT NULL,
    payload TEXT NOT NULL,
    accepted INTEGER,          -- NULL until folded
    reason_code TEXT,
    reason_zh TEXT,
    reason_en TEXT
);
CREATE INDEX IF NOT EXISTS changes_record ON changes(record_id);
)sql";

// R-APP-7: when the server took each change into its log (sync::ConfirmedChange::receivedMs), as
// it stamped it; NULL for changes stored before servers stamped them.
constexpr std::string_view kMigration2 = "ALTER TABLE changes ADD COLUMN received_ms INTEGER;";

// A change log written before components counted its schema in user_version 1.
constexpr int kLegacyVersion = 1;

const std::string& insertSql(bool orIgnore)
{
    static const std::string plain = "INSERT INTO changes (seq, " + std::string(sqlite::kChangeColumns) +
                                     ", accepted, reason_code, reason_zh, reason_en, received_ms) "
                                     "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";
    static const std::string ignoring = "INSERT OR IGNORE" + plain.substr(6);
    return orIgnore ? ignoring : plain;
}

const std::string& selectSql(std::string_view where)
{
    static const std::string head =
        "SELECT seq, " + std::string(sqlite::kChangeColumns) +
        ", accepted, reason_code, reason_zh, reason_en, received_ms FROM changes ";
    thread_local std::string sql;
    sql = head;
    sql += where;
    return sql;
}

Result<sync::ConfirmedChange> readConfirmed(const sqlite::Statement& stmt)
{
    auto change = sqlite::readChange(stmt, 1);
    if (!change)
        return change.error();
    return sync::ConfirmedChange{stmt.columnInt(0), std::move(change).value(),
                                 toChangeVerdict(sqlite::readVerdict(stmt, 10).value_or(Verdict{})),
                                 stmt.columnInt(14)};
}

// Every row the statement gives, as confirmed changes.
Result<std::vector<sync::ConfirmedChange>> readAll(sqlite::Statement& stmt)
{
    std::vector<sync::ConfirmedChange> rows;
    for (;;) {
        auto row = stmt.step();
        if (!row)
            return row.error();
        if (!*row)
            return rows;
        auto confirmed = readConfirmed(stmt);
        if (!confirmed)
            return confirmed.error();
        rows.push_back(std::move(confirmed).value());
    }
}

} // namespace

const std::vector<std::string_view>& changeLogMigrations()
{
    static const std::vector<std::string_view> migrations{kMigration1, kMigration2};
    return migrations;
}

Result<std::vector<Appended>> ChangeLog::append(std::vector<sync::Change> changes, const AppendGate& gate)
{
    bool given = false;
    const AppendSource once{[&]() -> Result<sync::ChangeBatch> {
                                sync::ChangeBatch batch;
                                if (!std::exchange(given, true))
                                    batch.changes = std::move(changes);
                                return batch;
                            },
                            {}};
    return append(once, gate);
}

Status<> forEachBatch(const AppendSource& source, const std::function<Status<>(sync::ChangeBatch&)>& store)
{
    for (;;) {
        auto batch = source.next();
        if (!batch)
            return batch.error();
        if (batch->changes.empty())
            return Ok{};
        if (auto st = store(*batch); !st)
            return st.error();
        if (source.giveBack)
            source.giveBack(std::move(*batch));
    }
}

SqliteChangeLog::SqliteChangeLog(std::unique_ptr<sqlite::Database> owned, sqlite::Database& db)
    : m_owned(std::move(owned)), m_db(db)
{}

SqliteChangeLog::~SqliteChangeLog()
{
    if (m_checkpointer)
        m_db.setWalCommitHook({}); // before the checkpointer it calls stops
}

Result<std::unique_ptr<SqliteChangeLog>> SqliteChangeLog::open(const std::string& path,
                                                               const SqliteLogOptions& options)
{
    auto db = sqlite::Database::open(path, options.durability);
    if (!db)
        return db.error();
    sqlite::Database& handle = **db;
    std::unique_ptr<SqliteChangeLog> log(new SqliteChangeLog(std::move(db).value(), handle));
    if (auto st = sqlite::migrateComponent(handle, "change_log", changeLogMigrations(), kLegacyVersion); !st)
        return st.error();
    if (auto st = log->refold(); !st)
        return st.error();
    if (options.checkpointBytes > 0 && path != ":memory:") {
        auto checkpointDb = sqlite::Database::open(path, options.durability);
        if (!checkpointDb)
            return checkpointDb.error();
        log->m_checkpointer = std::make_unique<Checkpointer>(std::move(checkpointDb).value());
        const std::int64_t pageSize = handle.pageSize();
        handle.setWalCommitHook(
            [checkpointer = log->m_checkpointer.get(), pageSize, bytes = options.checkpointBytes](int pages) {
                if (pages * pageSize >= bytes)
                    checkpointer->poke();
            });
    }
    return log;
}

Result<std::unique_ptr<SqliteChangeLog>> SqliteChangeLog::attach(sqlite::Database& db, std::int64_t through)
{
    std::unique_ptr<SqliteChangeLog> log(new SqliteChangeLog(nullptr, db));
    log->m_through = through;
    if (auto st = sqlite::migrateComponent(db, "change_log", changeLogMigrations(), kLegacyVersion); !st)
        return st.error();
    if (auto st = log->refold(); !st)
        return st.error();
    return log;
}

Status<> SqliteChangeLog::refold()
{
    m_fold = Fold();
    std::vector<std::string> touched;
    if (auto st = foldFrom(0, touched); !st)
        return st;
    return loadUnfolded();
}

Status<> SqliteChangeLog::loadUnfolded()
{
    m_unfolded.clear();
    if (m_through == kFoldEverything)
        return Ok{};
    auto stmt = m_db.cached(selectSql("WHERE seq > ? ORDER BY seq"));
    if (!stmt)
        return stmt.error();
    (*stmt)->bind(1, m_through);
    auto rows = readAll(**stmt);
    if (!rows)
        return rows.error();
    m_unfolded = std::move(rows).value();
    return Ok{};
}

Status<> SqliteChangeLog::foldFrom(std::int64_t afterSeq, std::vector<std::string>& touched)
{
    auto stmt = m_db.cached(selectSql("WHERE seq > ? AND seq <= ? ORDER BY seq"));
    auto setVerdict = m_db.cached(
        "UPDATE changes SET accepted = ?, reason_code = ?, reason_zh = ?, reason_en = ? WHERE seq = ?");
    if (!stmt)
        return stmt.error();
    if (!setVerdict)
        return setVerdict.error();
    (*stmt)->bind(1, afterSeq).bind(2, m_through);
    for (;;) {
        auto row = (*stmt)->step();
        if (!row)
            return row.error();
        if (!*row)
            return Ok{};
        const std::int64_t seq = (*stmt)->columnInt(0);
        auto change = sqlite::readChange(**stmt, 1);
        if (!change)
            return change.error();
        const std::optional<Verdict> stored = sqlite::readVerdict(**stmt, 10);
        touched.push_back(change->recordId);
        const Verdict verdict = m_fold.apply(
            sync::ConfirmedChange{seq, std::move(change).value(), {}, (*stmt)->columnInt(14)}, stored);
        if (!stored) {
            sqlite::bindVerdict(**setVerdict, 1, verdict);
            (*setVerdict)->bind(5, seq);
            if (auto st = (*setVerdict)->run(); !st)
                return st.error();
        }
    }
}

Result<std::vector<Appended>> SqliteChangeLog::append(const AppendSource& source, const AppendGate& gate)
{
    auto result = appendInTransaction(source, gate);
    if (!result)
        (void)refold(); // the transaction rolled back; the fold may be ahead of the file
    return result;
}

Result<std::vector<Appended>> SqliteChangeLog::appendInTransaction(const AppendSource& source,
                                                                   const AppendGate& gate)
{
    auto tx = sqlite::Transaction::begin(m_db);
    if (!tx)
        return tx.error();
    std::vector<Appended> results;
    if (auto st = forEachBatch(
            source,
            [&](sync::ChangeBatch& batch) { return appendBatch(batch, gate, source.receivedMs, results); });
        !st)
        return st.error();
    if (auto st = tx->commit(); !st)
        return st.error();
    return results;
}

Status<> SqliteChangeLog::appendBatch(sync::ChangeBatch& batch, const AppendGate& gate,
                                      std::int64_t receivedMs, std::vector<Appended>& results)
{
    auto findSeq = m_db.cached(
        "SELECT seq, accepted, reason_code, reason_zh, reason_en, received_ms FROM changes WHERE id = ?");
    auto insert = m_db.cached(insertSql(false));
    if (!findSeq)
        return findSeq.error();
    if (!insert)
        return insert.error();
    const bool haveTexts = batch.payloadTexts.size() == batch.changes.size();
    for (std::size_t i = 0; i < batch.changes.size(); ++i) {
        sync::Change& change = batch.changes[i];
        (*findSeq)->bind(1, sync::toString(change.id));
        auto row = (*findSeq)->step();
        if (!row)
            return row.error();
        if (*row) {
            results.push_back(Appended{change.id, (*findSeq)->columnInt(0), true,
                                       sqlite::readVerdict(**findSeq, 1).value_or(Verdict{}), std::nullopt,
                                       (*findSeq)->columnInt(5)});
            (*findSeq)->reset();
            continue;
        }
        (*findSeq)->reset();
        if (gate) {
            if (auto refused = gate(change, m_fold)) {
                results.push_back(Appended{change.id, 0, false, Verdict::accept(), std::move(refused)});
                continue;
            }
        }
        const std::int64_t seq = m_fold.lastSeq() + 1;
        (*insert)->bind(1, seq);
        // Bound before the fold takes the payload's values.
        sqlite::bindChange(**insert, 2, change, haveTexts ? batch.payloadTexts[i] : std::string_view{});
        sync::ConfirmedChange confirmed{seq, std::move(change), {}, receivedMs};
        const Verdict verdict = m_fold.apply(std::move(confirmed));
        // What the fold left of it (its id among that) goes back to the batch, to be freed with it.
        change = std::move(confirmed.change);
        sqlite::bindVerdict(**insert, 11, verdict);
        (*insert)->bind(15, receivedMs);
        if (auto st = (*insert)->run(); !st)
            return st.error();
        results.push_back(Appended{change.id, seq, false, verdict, std::nullopt, receivedMs});
    }
    return Ok{};
}

Result<bool> SqliteChangeLog::applyPulled(std::vector<PulledChange> page, std::int64_t through,
                                          const PageAlongside& alongside)
{
    const std::int64_t before = m_through;
    for (const PulledChange& pulled : page)
        through = std::max(through, pulled.confirmed.seq);
    m_through = std::max(m_through, through);
    takeUnfolded(page);
    bool afresh = false;
    const Status<> st = pageInTransaction(page, alongside, afresh);
    if (!st)
        m_through = before; // and the refold below takes back what takeUnfolded took
    if (!st || afresh) {
        // Rolled back, or history arrived below what is folded: fold the stored log afresh.
        if (auto again = refold(); !again && st)
            return again.error();
        if (!st)
            return st.error();
    }
    return afresh;
}

void SqliteChangeLog::takeUnfolded(std::vector<PulledChange>& page)
{
    const auto end = std::find_if(m_unfolded.begin(), m_unfolded.end(),
                                  [this](const sync::ConfirmedChange& c) { return c.seq > m_through; });
    std::vector<PulledChange> merged;
    merged.reserve(page.size() + static_cast<std::size_t>(end - m_unfolded.begin()));
    auto pulled = page.begin();
    for (auto own = m_unfolded.begin(); own != end; ++own) {
        for (; pulled != page.end() && pulled->confirmed.seq < own->seq; ++pulled)
            merged.push_back(std::move(*pulled));
        const Verdict verdict = fromChangeVerdict(own->verdict);
        merged.push_back(PulledChange{std::move(*own), verdict, {}, true});
    }
    std::move(pulled, page.end(), std::back_inserter(merged));
    m_unfolded.erase(m_unfolded.begin(), end);
    page = std::move(merged);
}

Result<bool> SqliteChangeLog::storeConfirmed(const std::vector<sync::ConfirmedChange>& own,
                                             const std::function<Status<>()>& alongside)
{
    bool below = false;
    Status<> st = Ok{};
    {
        auto tx = sqlite::Transaction::begin(m_db);
        st = tx ? storeOwn(own, below) : Status<>(tx.error());
        if (st && alongside)
            st = alongside();
        if (st)
            st = tx->commit();
    }
    if (!st) {
        (void)loadUnfolded(); // rolled back: what storeOwn kept in memory goes
        return st.error();
    }
    if (below) {
        if (auto again = refold(); !again)
            return again.error();
    }
    return below;
}

Status<> SqliteChangeLog::storeOwn(const std::vector<sync::ConfirmedChange>& own, bool& below)
{
    auto insert = m_db.cached(insertSql(true));
    if (!insert)
        return insert.error();
    for (const sync::ConfirmedChange& confirmed : own) {
        (*insert)->bind(1, confirmed.seq);
        sqlite::bindChange(**insert, 2, confirmed.change);
        sqlite::bindVerdict(**insert, 11, fromChangeVerdict(confirmed.verdict));
        (*insert)->bind(15, confirmed.receivedMs);
        if (auto st = (*insert)->run(); !st)
            return st.error();
        // Held already (confirmed twice), or passed by a pull while its reply was lost: the
        // refold takes that one in.
        const bool stored = m_db.changes() > 0;
        below = below || (stored && confirmed.seq <= m_through);
        if (!stored || confirmed.seq <= m_through)
            continue;
        const auto at =
            std::upper_bound(m_unfolded.begin(), m_unfolded.end(), confirmed.seq,
                             [](std::int64_t seq, const sync::ConfirmedChange& c) { return seq < c.seq; });
        m_unfolded.insert(at, confirmed);
    }
    return Ok{};
}

Status<> SqliteChangeLog::pageInTransaction(std::vector<PulledChange>& page, const PageAlongside& alongside,
                                            bool& afresh)
{
    auto tx = sqlite::Transaction::begin(m_db);
    if (!tx)
        return tx.error();
    std::vector<std::string> touched;
    if (auto st = storePage(page, afresh, touched); !st)
        return st.error();
    if (alongside) {
        if (auto st = alongside(touched, afresh); !st)
            return st.error();
    }
    return tx->commit();
}

Status<> SqliteChangeLog::storePage(std::vector<PulledChange>& page, bool& afresh,
                                    std::vector<std::string>& touched)
{
    auto insert = m_db.cached(insertSql(true));
    if (!insert)
        return insert.error();
    // A page in ascending order above everything folded (the usual case) is folded at once, from
    // the page; otherwise its rows are folded from the log after they are stored, in seq order, or
    // the whole log is refolded when history arrived below what is folded.
    const std::int64_t folded = m_fold.lastSeq();
    bool direct = true;
    for (std::int64_t previous = folded; const PulledChange& pulled : page) {
        direct = direct && pulled.confirmed.seq > previous;
        previous = pulled.confirmed.seq;
    }
    for (PulledChange& pulled : page) {
        const std::int64_t seq = pulled.confirmed.seq;
        if (pulled.stored) { // this device's own, stored from its push reply: only folded
            if (direct) {
                touched.push_back(pulled.confirmed.change.recordId);
                m_fold.apply(std::move(pulled.confirmed), pulled.verdict);
            }
            continue;
        }
        (*insert)->bind(1, seq);
        sqlite::bindChange(**insert, 2, pulled.confirmed.change,
                           pulled.payloadText); // before the fold takes it
        (*insert)->bind(15, pulled.confirmed.receivedMs);
        std::optional<Verdict> verdict = pulled.verdict;
        if (direct) {
            touched.push_back(pulled.confirmed.change.recordId);
            const Verdict local = m_fold.apply(std::move(pulled.confirmed), pulled.verdict);
            if (!verdict)
                verdict = local;
        }
        if (verdict)
            sqlite::bindVerdict(**insert, 11, *verdict);
        if (auto st = (*insert)->run(); !st)
            return st.error();
        if (m_db.changes() > 0 && seq <= folded)
            afresh = true;
    }
    if (!afresh && !direct)
        return foldFrom(folded, touched);
    return Ok{};
}

Result<std::vector<sync::ConfirmedChange>> SqliteChangeLog::changesAfter(std::int64_t seq, int limit) const
{
    auto stmt = m_db.cached(selectSql("WHERE seq > ? AND seq <= ? ORDER BY seq LIMIT ?"));
    if (!stmt)
        return stmt.error();
    (*stmt)->bind(1, seq).bind(2, m_fold.lastSeq()).bind(3, static_cast<std::int64_t>(limit));
    return readAll(**stmt);
}

Result<std::vector<LogEntryHeader>> SqliteChangeLog::headersAfter(std::int64_t seq, int limit) const
{
    auto stmt =
        m_db.cached("SELECT seq, record_kind, record_id, site FROM changes WHERE seq > ? AND seq <= ? "
                    "ORDER BY seq LIMIT ?");
    if (!stmt)
        return stmt.error();
    (*stmt)->bind(1, seq).bind(2, m_fold.lastSeq()).bind(3, static_cast<std::int64_t>(limit));
    std::vector<LogEntryHeader> headers;
    for (;;) {
        auto row = (*stmt)->step();
        if (!row)
            return row.error();
        if (!*row)
            return headers;
        headers.push_back(LogEntryHeader{(*stmt)->columnInt(0), (*stmt)->columnText(1),
                                         (*stmt)->columnText(2), (*stmt)->columnText(3)});
    }
}

Result<std::vector<sync::StoredChange>>
SqliteChangeLog::storedChangesAt(const std::vector<std::int64_t>& seqs) const
{
    std::vector<std::int64_t> sorted = seqs;
    std::sort(sorted.begin(), sorted.end());
    sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());
    // Consecutive seqs (a record's history, one device's upload) are read as one range: a walk
    // along the table instead of a search per change.
    auto stmt = m_db.cached(selectSql("WHERE seq BETWEEN ? AND ? ORDER BY seq"));
    if (!stmt)
        return stmt.error();
    std::vector<sync::StoredChange> page;
    page.reserve(sorted.size());
    for (std::size_t first = 0; first < sorted.size();) {
        std::size_t last = first;
        while (last + 1 < sorted.size() && sorted[last + 1] == sorted[last] + 1)
            ++last;
        (*stmt)->bind(1, sorted[first]).bind(2, sorted[last]);
        for (;;) {
            auto row = (*stmt)->step();
            if (!row || !*row) {
                (*stmt)->reset();
                if (!row)
                    return row.error();
                break;
            }
            auto envelope = sqlite::readEnvelope(**stmt, 1);
            if (!envelope) {
                (*stmt)->reset();
                return envelope.error();
            }
            page.push_back(
                sync::StoredChange{(*stmt)->columnInt(0), std::move(envelope).value(),
                                   toChangeVerdict(sqlite::readVerdict(**stmt, 10).value_or(Verdict{})),
                                   (*stmt)->columnText(9), (*stmt)->columnInt(14)});
        }
        first = last + 1;
    }
    return page;
}

Result<std::vector<std::int64_t>> SqliteChangeLog::seqsOfRecord(const std::string& recordId,
                                                                std::int64_t maxSeq) const
{
    auto stmt = m_db.cached("SELECT seq FROM changes WHERE record_id = ? AND seq <= ? ORDER BY seq");
    if (!stmt)
        return stmt.error();
    (*stmt)->bind(1, recordId).bind(2, maxSeq);
    std::vector<std::int64_t> seqs;
    for (;;) {
        auto row = (*stmt)->step();
        if (!row)
            return row.error();
        if (!*row)
            return seqs;
        seqs.push_back((*stmt)->columnInt(0));
    }
}

std::optional<Verdict> SqliteChangeLog::verdictOf(const sync::ChangeId& id) const
{
    auto stmt = m_db.cached("SELECT accepted, reason_code, reason_zh, reason_en FROM changes WHERE id = ?");
    if (!stmt)
        return std::nullopt;
    (*stmt)->bind(1, sync::toString(id));
    auto row = (*stmt)->step();
    std::optional<Verdict> verdict;
    if (row && *row)
        verdict = sqlite::readVerdict(**stmt, 0);
    (*stmt)->reset();
    return verdict;
}

} // namespace tepei::model
