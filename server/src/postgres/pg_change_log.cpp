#include <algorithm>
#include <tepei/model/log/change_rows.h>
#include <tepei/server/postgres/pg_change_log.h>
#include <tepei/sync/codec.h>
#include <tepei/sync/ids.h>
#include <unordered_map>

namespace tepei::server {

namespace {

constexpr std::string_view kMigration1 = R"sql(
CREATE TABLE IF NOT EXISTS changes (
    seq BIGINT PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    author TEXT NOT NULL,
    site TEXT NOT NULL,
    hlc_wall BIGINT NOT NULL,
    hlc_counter BIGINT NOT NULL,
    record_kind TEXT NOT NULL,
    record_id TEXT NOT NULL,
    op TEXT NOT NULL,
    payload TEXT NOT NULL,
    accepted BOOLEAN,
    reason_code TEXT,
    reason_zh TEXT,
    reason_en TEXT
);
CREATE INDEX IF NOT EXISTS changes_record ON changes (record_id, seq);
)sql";

// R-APP-7: when the server took each change into its log (as in the SQLite log's migration 2).
constexpr std::string_view kMigration2 = "ALTER TABLE changes ADD COLUMN IF NOT EXISTS received_ms BIGINT;";

// The columns every read selects, in this order (the indexes below count on it).
constexpr std::string_view kSelect =
    "SELECT seq, id, author, site, hlc_wall, hlc_counter, record_kind, record_id, op, payload, "
    "accepted, reason_code, reason_zh, reason_en, received_ms FROM changes ";

constexpr std::string_view kCopyChanges = "COPY changes (seq, id, author, site, hlc_wall, hlc_counter, "
                                          "record_kind, record_id, op, payload, accepted, "
                                          "reason_code, reason_zh, reason_en, received_ms) FROM STDIN";

// An append sends its rows once they hold this many bytes, and at its end.
constexpr std::size_t kCopyFlushBytes = 4u << 20;

// Rows folded per query while catching up or folding the whole log.
constexpr int kFoldPage = 20000;

std::optional<model::Verdict> verdictAt(const pg::Rows& rows, int row, int first)
{
    if (rows.isNull(row, first))
        return std::nullopt;
    return model::Verdict{rows.boolean(row, first), model::Reason{std::string(rows.text(row, first + 1)),
                                                                  std::string(rows.text(row, first + 2)),
                                                                  std::string(rows.text(row, first + 3))}};
}

// When the change of a row was received (0 when it was stored before servers stamped that).
std::int64_t receivedAt(const pg::Rows& rows, int row, int column)
{
    return rows.isNull(row, column) ? 0 : rows.integer(row, column);
}

// The change in columns 1..8 of a kSelect row, without its payload.
Result<sync::Change> envelopeAt(const pg::Rows& rows, int row)
{
    sync::Change change;
    auto id = sync::parseUuid(rows.text(row, 1));
    if (!id)
        return model::sqlite::corrupt("change id");
    change.id = *id;
    change.author = std::string(rows.text(row, 2));
    change.site = std::string(rows.text(row, 3));
    change.hlc.wallMs = rows.integer(row, 4);
    change.hlc.counter = static_cast<std::uint32_t>(rows.integer(row, 5));
    change.recordKind = std::string(rows.text(row, 6));
    change.recordId = std::string(rows.text(row, 7));
    const auto op = sync::changeOpFromString(rows.text(row, 8));
    if (!op)
        return model::sqlite::corrupt("change op");
    change.op = *op;
    return change;
}

Result<sync::Change> changeAt(const pg::Rows& rows, int row)
{
    auto change = envelopeAt(rows, row);
    if (!change)
        return change;
    auto payload = sync::parseJson(rows.text(row, 9));
    if (!payload || !payload->is_object())
        return model::sqlite::corrupt("change payload");
    change->payload = std::move(payload).value();
    return change;
}

// A PostgreSQL array literal of text values ({"a","b"}); ids and seqs need no escaping but quotes.
template <class T, class F> std::string arrayLiteral(const std::vector<T>& values, F text)
{
    std::string out = "{";
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (i)
            out += ',';
        out += '"';
        out += text(values[i]);
        out += '"';
    }
    out += '}';
    return out;
}

// One row of COPY changes FROM STDIN: the change's columns (written before the fold takes its
// payload), then its verdict.
void copyChange(std::string& data, std::int64_t seq, const sync::Change& change, std::string_view payload)
{
    const std::string seqText = std::to_string(seq);
    const std::string idText = sync::toString(change.id);
    for (std::string_view value : {std::string_view(seqText), std::string_view(idText),
                                   std::string_view(change.author), std::string_view(change.site)}) {
        pg::copyField(data, value);
        data += '\t';
    }
    data += std::to_string(change.hlc.wallMs) + '\t' + std::to_string(change.hlc.counter) + '\t';
    for (std::string_view value : {std::string_view(change.recordKind), std::string_view(change.recordId),
                                   std::string_view(sync::toString(change.op)), payload}) {
        pg::copyField(data, value);
        data += '\t';
    }
}

// The end of such a row: its verdict and when it was received (0: not stamped, NULL).
void copyVerdict(std::string& data, const model::Verdict& verdict, std::int64_t receivedMs)
{
    data += verdict.accepted ? "t\t" : "f\t";
    pg::copyField(data, verdict.reason.code);
    data += '\t';
    pg::copyField(data, verdict.reason.zh);
    data += '\t';
    pg::copyField(data, verdict.reason.en);
    data += receivedMs == 0 ? std::string("\t\\N\n") : '\t' + std::to_string(receivedMs) + '\n';
}

} // namespace

const std::vector<std::string_view>& PgChangeLog::migrations()
{
    static const std::vector<std::string_view> all{kMigration1, kMigration2};
    return all;
}

Result<std::unique_ptr<PgChangeLog>> PgChangeLog::open(const std::string& url)
{
    auto conn = pg::Connection::open(url);
    if (!conn)
        return conn.error();
    if (auto st = pg::migrate(**conn, "change_log", migrations()); !st)
        return st.error();
    std::unique_ptr<PgChangeLog> log(new PgChangeLog(std::move(conn).value()));
    if (auto st = log->catchUp(); !st)
        return st.error();
    return log;
}

Status<> PgChangeLog::refold()
{
    m_fold = model::Fold();
    if (auto st = catchUp(); !st)
        return st.error();
    return Ok{};
}

Result<std::int64_t> PgChangeLog::catchUp()
{
    if (!m_conn->healthy()) // reconnects after the database server restarted
        return m_conn->run("SELECT 1").error();
    std::int64_t folded = 0;
    for (;;) {
        auto rows = m_conn->exec(std::string(kSelect) + "WHERE seq > $1 ORDER BY seq LIMIT $2",
                                 {m_fold.lastSeq(), kFoldPage});
        if (!rows)
            return rows.error();
        for (int i = 0; i < rows->size(); ++i) {
            auto change = changeAt(*rows, i);
            if (!change)
                return change.error();
            m_fold.apply(
                sync::ConfirmedChange{
                    rows->integer(i, 0), std::move(change).value(), {}, receivedAt(*rows, i, 14)},
                verdictAt(*rows, i, 10));
        }
        folded += rows->size();
        if (rows->size() < kFoldPage)
            return folded;
    }
}

// The rows of an append not yet sent, and every change this append took (for duplicates within
// one push, which the table does not show until the rows are sent).
struct PgChangeLog::Pending {
    std::unordered_map<std::string, model::Appended> appended;
    std::string copy;
    std::int64_t receivedMs = 0; // the source's: stamped on every change appended
};

Result<std::vector<model::Appended>> PgChangeLog::append(const model::AppendSource& source,
                                                         const model::AppendGate& gate)
{
    auto result = appendLocked(source, gate);
    if (!result)
        (void)refold(); // rolled back: the fold may hold changes that are not in the database
    return result;
}

Result<std::vector<model::Appended>> PgChangeLog::appendLocked(const model::AppendSource& source,
                                                               const model::AppendGate& gate)
{
    if (!m_conn->healthy())
        return m_conn->run("SELECT 1").error(); // says the database server cannot be reached
    auto tx = pg::Transaction::begin(*m_conn);
    if (!tx)
        return tx.error();
    // One appender at a time across every process on this database; then judge against all of it.
    if (auto st = m_conn->exec("SELECT pg_advisory_xact_lock($1)", {pg::kLogAppendLock}); !st)
        return st.error();
    if (auto st = catchUp(); !st)
        return st.error();
    std::vector<model::Appended> results;
    Pending pending;
    pending.receivedMs = source.receivedMs;
    if (auto st = model::forEachBatch(
            source, [&](sync::ChangeBatch& batch) { return appendBatch(batch, gate, results, pending); });
        !st)
        return st.error();
    if (auto st = flush(pending); !st)
        return st.error();
    if (auto st = tx->commit(); !st)
        return st.error();
    return results;
}

Status<> PgChangeLog::flush(Pending& pending)
{
    if (pending.copy.empty())
        return Ok{};
    auto st = m_conn->copyIn(kCopyChanges, pending.copy);
    pending.copy.clear();
    return st;
}

Status<> PgChangeLog::appendBatch(sync::ChangeBatch& batch, const model::AppendGate& gate,
                                  std::vector<model::Appended>& results, Pending& pending)
{
    // Which of the batch's changes the log already holds (a retried push): one query for all.
    auto known = m_conn->exec(
        "SELECT id, seq, accepted, reason_code, reason_zh, reason_en, received_ms FROM changes "
        "WHERE id = ANY($1::text[])",
        {arrayLiteral(batch.changes, [](const sync::Change& c) { return sync::toString(c.id); })});
    if (!known)
        return known.error();
    std::unordered_map<std::string, model::Appended> stored;
    for (int i = 0; i < known->size(); ++i) {
        auto id = sync::parseUuid(known->text(i, 0));
        if (!id)
            return model::sqlite::corrupt("change id");
        stored.emplace(std::string(known->text(i, 0)),
                       model::Appended{*id, known->integer(i, 1), true,
                                       verdictAt(*known, i, 2).value_or(model::Verdict{}), std::nullopt,
                                       receivedAt(*known, i, 6)});
    }
    const bool haveTexts = batch.payloadTexts.size() == batch.changes.size();
    const std::int64_t receivedMs = pending.receivedMs;
    for (std::size_t i = 0; i < batch.changes.size(); ++i) {
        sync::Change& change = batch.changes[i];
        const std::string id = sync::toString(change.id);
        if (auto it = pending.appended.find(id); it != pending.appended.end()) {
            results.push_back(it->second); // the same change twice in one push
            continue;
        }
        if (auto it = stored.find(id); it != stored.end()) {
            results.push_back(it->second);
            continue;
        }
        if (gate) {
            if (auto refused = gate(change, m_fold)) {
                results.push_back(
                    model::Appended{change.id, 0, false, model::Verdict::accept(), std::move(refused)});
                continue;
            }
        }
        const std::int64_t seq = m_fold.lastSeq() + 1;
        copyChange(pending.copy, seq, change,
                   haveTexts ? batch.payloadTexts[i] : model::sqlite::payloadText(change));
        sync::ConfirmedChange confirmed{seq, std::move(change), {}, receivedMs};
        const model::Verdict verdict = m_fold.apply(std::move(confirmed));
        // What the fold left of it (its id among that) goes back to the batch, to be freed with it.
        change = std::move(confirmed.change);
        copyVerdict(pending.copy, verdict, receivedMs);
        results.push_back(model::Appended{change.id, seq, false, verdict, std::nullopt, receivedMs});
        pending.appended.emplace(id,
                                 model::Appended{change.id, seq, true, verdict, std::nullopt, receivedMs});
    }
    // Rows go in large COPYs (a round trip each), a few MB at a time.
    return pending.copy.size() >= kCopyFlushBytes ? flush(pending) : Status<>(Ok{});
}

Result<std::int64_t> PgChangeLog::copyFrom(const model::ChangeLog& source)
{
    constexpr int kCopyPage = 5000;
    auto tx = pg::Transaction::begin(*m_conn);
    if (!tx)
        return tx.error();
    if (auto st = m_conn->exec("SELECT pg_advisory_xact_lock($1)", {pg::kLogAppendLock}); !st)
        return st.error();
    auto present = m_conn->exec("SELECT count(*) FROM changes");
    if (!present)
        return present.error();
    if (present->integer(0, 0) > 0) {
        return Error{"store_not_empty",
                     "the target database holds " + std::string(present->text(0, 0)) +
                         " changes already; copy into a new, empty database (createdb), nothing was written",
                     "--to"};
    }
    std::int64_t copied = 0;
    for (std::int64_t after = 0;;) {
        auto headers = source.headersAfter(after, kCopyPage);
        if (!headers)
            return headers.error();
        if (headers->empty())
            break;
        std::vector<std::int64_t> seqs;
        for (const model::LogEntryHeader& h : *headers)
            seqs.push_back(h.seq);
        auto stored = source.storedChangesAt(seqs);
        if (!stored)
            return stored.error();
        std::string copy;
        for (const sync::StoredChange& c : *stored) {
            copyChange(copy, c.seq, c.change, c.payloadJson);
            copyVerdict(copy,
                        model::Verdict{c.verdict.accepted,
                                       model::Reason{c.verdict.code, c.verdict.messageZh, c.verdict.message}},
                        c.receivedMs);
        }
        if (auto st = m_conn->copyIn(kCopyChanges, copy); !st)
            return st.error();
        copied += static_cast<std::int64_t>(stored->size());
        after = headers->back().seq;
    }
    if (auto st = tx->commit(); !st)
        return st.error();
    if (auto st = refold(); !st)
        return st.error();
    return copied;
}

Result<bool> PgChangeLog::applyPulled(std::vector<model::PulledChange>, std::int64_t,
                                      const model::PageAlongside&)
{
    return Error{
        "unsupported", "the PostgreSQL change log is a server's; a client keeps its replica in SQLite", {}};
}

Result<std::vector<sync::ConfirmedChange>> PgChangeLog::changesAfter(std::int64_t seq, int limit) const
{
    auto rows = m_conn->exec(std::string(kSelect) + "WHERE seq > $1 AND seq <= $2 ORDER BY seq LIMIT $3",
                             {seq, m_fold.lastSeq(), limit});
    if (!rows)
        return rows.error();
    std::vector<sync::ConfirmedChange> page;
    page.reserve(static_cast<std::size_t>(rows->size()));
    for (int i = 0; i < rows->size(); ++i) {
        auto change = changeAt(*rows, i);
        if (!change)
            return change.error();
        page.push_back(
            sync::ConfirmedChange{rows->integer(i, 0), std::move(change).value(),
                                  model::toChangeVerdict(verdictAt(*rows, i, 10).value_or(model::Verdict{})),
                                  receivedAt(*rows, i, 14)});
    }
    return page;
}

Result<std::vector<model::LogEntryHeader>> PgChangeLog::headersAfter(std::int64_t seq, int limit) const
{
    auto rows =
        m_conn->exec("SELECT seq, record_kind, record_id, site FROM changes WHERE seq > $1 AND seq <= $2 "
                     "ORDER BY seq LIMIT $3",
                     {seq, m_fold.lastSeq(), limit});
    if (!rows)
        return rows.error();
    std::vector<model::LogEntryHeader> headers;
    headers.reserve(static_cast<std::size_t>(rows->size()));
    for (int i = 0; i < rows->size(); ++i)
        headers.push_back(model::LogEntryHeader{rows->integer(i, 0), std::string(rows->text(i, 1)),
                                                std::string(rows->text(i, 2)),
                                                std::string(rows->text(i, 3))});
    return headers;
}

Result<std::vector<sync::StoredChange>>
PgChangeLog::storedChangesAt(const std::vector<std::int64_t>& seqs) const
{
    std::vector<sync::StoredChange> page;
    if (seqs.empty())
        return page;
    auto rows = m_conn->exec(std::string(kSelect) + "WHERE seq = ANY($1::bigint[]) ORDER BY seq",
                             {arrayLiteral(seqs, [](std::int64_t s) { return std::to_string(s); })});
    if (!rows)
        return rows.error();
    page.reserve(static_cast<std::size_t>(rows->size()));
    for (int i = 0; i < rows->size(); ++i) {
        auto envelope = envelopeAt(*rows, i);
        if (!envelope)
            return envelope.error();
        page.push_back(
            sync::StoredChange{rows->integer(i, 0), std::move(envelope).value(),
                               model::toChangeVerdict(verdictAt(*rows, i, 10).value_or(model::Verdict{})),
                               std::string(rows->text(i, 9)), receivedAt(*rows, i, 14)});
    }
    return page;
}

Result<std::vector<std::int64_t>> PgChangeLog::seqsOfRecord(const std::string& recordId,
                                                            std::int64_t maxSeq) const
{
    auto rows = m_conn->exec("SELECT seq FROM changes WHERE record_id = $1 AND seq <= $2 ORDER BY seq",
                             {recordId, maxSeq});
    if (!rows)
        return rows.error();
    std::vector<std::int64_t> seqs;
    for (int i = 0; i < rows->size(); ++i)
        seqs.push_back(rows->integer(i, 0));
    return seqs;
}

std::optional<model::Verdict> PgChangeLog::verdictOf(const sync::ChangeId& id) const
{
    auto rows = m_conn->exec("SELECT accepted, reason_code, reason_zh, reason_en FROM changes WHERE id = $1",
                             {sync::toString(id)});
    if (!rows || rows->empty())
        return std::nullopt;
    return verdictAt(*rows, 0, 0);
}

} // namespace tepei::server
