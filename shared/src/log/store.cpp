#include <algorithm>
#include <map>
#include <set>
#include <tepei/model/kinds/application/application_kind.h>
#include <tepei/model/kinds/campaign/campaign_kind.h>
#include <tepei/model/log/store.h>
#include <tepei/sync/codec.h>
#include <tepei/sync/ids.h>
#include <utility>

namespace tepei::model {

namespace {

constexpr std::string_view kMigration1 = R"sql(
CREATE TABLE changes (
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
CREATE INDEX changes_record ON changes(record_id);
CREATE TABLE outbox (
    pos INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    author TEXT NOT NULL,
    site TEXT NOT NULL,
    hlc_wall INTEGER NOT NULL,
    hlc_counter INTEGER NOT NULL,
    record_kind TEXT NOT NULL,
    record_id TEXT NOT NULL,
    op TEXT NOT NULL,
    payload TEXT NOT NULL
);
CREATE TABLE records (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    state TEXT NOT NULL,
    owner TEXT NOT NULL,
    campaign TEXT NOT NULL,
    unit_code TEXT NOT NULL,
    authority TEXT NOT NULL,
    name TEXT NOT NULL,
    last_seq INTEGER NOT NULL
);
CREATE INDEX records_kind ON records(kind, id);
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE blobs (
    sha256 TEXT PRIMARY KEY,   -- a local attachment waiting for (or done with) upload
    path TEXT NOT NULL,
    size INTEGER NOT NULL,
    uploaded INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE rejected (
    id TEXT PRIMARY KEY,
    record_kind TEXT NOT NULL,
    record_id TEXT NOT NULL,
    payload TEXT NOT NULL,
    code TEXT NOT NULL,
    message TEXT NOT NULL,
    rejected_at INTEGER NOT NULL
);
)sql";

constexpr std::string_view kChangeColumns =
    "id, author, site, hlc_wall, hlc_counter, record_kind, record_id, op, payload";

Error corrupt(const std::string& what)
{
    return Error{"storage_corrupt",
                 "the stored change log is damaged (" + what +
                     "); restore the data directory from a backup or sync a fresh replica",
                 {}};
}

// The payload's JSON text, written by the protocol's writer (web::json's serialize() is several
// times slower); the buffer is reused by the thread.
std::string_view payloadText(const sync::Change& change)
{
    thread_local std::string text;
    text.clear();
    sync::appendJson(text, change.payload);
    return text;
}

// Binds the nine change columns starting at index first; the payload as payloadJson when given.
void bindChange(sqlite::Statement& stmt, int first, const sync::Change& change,
                std::string_view payloadJson = {})
{
    stmt.bind(first, sync::toString(change.id))
        .bind(first + 1, change.author)
        .bind(first + 2, change.site)
        .bind(first + 3, change.hlc.wallMs)
        .bind(first + 4, static_cast<std::int64_t>(change.hlc.counter))
        .bind(first + 5, change.recordKind)
        .bind(first + 6, change.recordId)
        .bind(first + 7, std::string_view(sync::toString(change.op)))
        .bind(first + 8, payloadJson.empty() ? payloadText(change) : payloadJson);
}

// The verdict in the four columns (accepted, reason_code, reason_zh, reason_en) starting at
// `first`; nullopt while the change has not been folded (accepted is NULL).
std::optional<Verdict> readVerdict(const sqlite::Statement& stmt, int first)
{
    if (stmt.columnIsNull(first))
        return std::nullopt;
    return Verdict{stmt.columnInt(first) != 0, Reason{stmt.columnText(first + 1), stmt.columnText(first + 2),
                                                      stmt.columnText(first + 3)}};
}

// A change's columns starting at `first` (kChangeColumns order), all but the payload.
Result<sync::Change> readEnvelope(const sqlite::Statement& stmt, int first)
{
    sync::Change change;
    auto id = sync::parseUuid(stmt.columnTextView(first));
    if (!id)
        return corrupt("change id");
    change.id = *id;
    change.author = stmt.columnText(first + 1);
    change.site = stmt.columnText(first + 2);
    change.hlc.wallMs = stmt.columnInt(first + 3);
    change.hlc.counter = static_cast<std::uint32_t>(stmt.columnInt(first + 4));
    change.recordKind = stmt.columnText(first + 5);
    change.recordId = stmt.columnText(first + 6);
    const auto op = sync::changeOpFromString(stmt.columnTextView(first + 7));
    if (!op)
        return corrupt("change op");
    change.op = *op;
    return change;
}

// The nine change columns starting at column first.
Result<sync::Change> readChange(const sqlite::Statement& stmt, int first)
{
    auto change = readEnvelope(stmt, first);
    if (!change)
        return change;
    auto payload = sync::parseJson(stmt.columnTextView(first + 8));
    if (!payload || !payload->is_object())
        return corrupt("change payload");
    change->payload = std::move(payload).value();
    return change;
}

} // namespace

const std::vector<std::string_view>& replicaStoreMigrations()
{
    static const std::vector<std::string_view> migrations{kMigration1};
    return migrations;
}

ReplicaStore::ReplicaStore(std::unique_ptr<sqlite::Database> db, Summaries summaries)
    : m_db(std::move(db)), m_summaries(summaries)
{}

Result<std::unique_ptr<ReplicaStore>>
ReplicaStore::open(const std::string& path, sqlite::Database::Durability durability, Summaries summaries)
{
    auto db = sqlite::Database::open(path, durability);
    if (!db)
        return db.error();
    if (auto st = sqlite::migrate(**db, replicaStoreMigrations()); !st)
        return st.error();
    std::unique_ptr<ReplicaStore> store(new ReplicaStore(std::move(db).value(), summaries));
    if (auto st = store->load(); !st)
        return st.error();
    return store;
}

Status<> ReplicaStore::load()
{
    std::vector<std::string> touched;
    if (auto st = foldFrom(0, touched); !st)
        return st.error();
    if (const auto cursor = meta("pull_cursor"))
        m_pullCursor = std::stoll(*cursor);
    auto stmt = m_db->cached("SELECT " + std::string(kChangeColumns) + " FROM outbox ORDER BY pos");
    if (!stmt)
        return stmt.error();
    for (;;) {
        auto row = (*stmt)->step();
        if (!row)
            return row.error();
        if (!*row)
            break;
        auto change = readChange(**stmt, 0);
        if (!change)
            return change.error();
        m_outbox.push_back(std::move(change).value());
    }
    rebuildTentative();
    if (m_summaries == Summaries::NotKept)
        return m_db->exec("DELETE FROM records"); // rows an earlier version wrote would go stale
    // Derived rows are rebuilt for every record, so a store written by older rules heals on open.
    std::vector<std::string> all;
    for (const auto& [id, app] : model::applications(m_confirmed))
        all.push_back(id);
    auto tx = sqlite::Transaction::begin(*m_db);
    if (!tx)
        return tx.error();
    if (auto st = writeSummaries(all); !st)
        return st.error();
    return tx->commit();
}

Result<std::vector<Appended>> ReplicaStore::append(std::vector<sync::Change> changes, const AppendGate& gate)
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

Result<std::vector<Appended>> ReplicaStore::append(const AppendSource& source, const AppendGate& gate)
{
    auto result = appendInTransaction(source, gate);
    if (!result) {
        // The transaction rolled back; the in-memory fold may be ahead of the file: refold it.
        (void)reload();
        return result.error();
    }
    return result;
}

Result<std::vector<Appended>> ReplicaStore::appendInTransaction(const AppendSource& source,
                                                                const AppendGate& gate)
{
    auto tx = sqlite::Transaction::begin(*m_db);
    if (!tx)
        return tx.error();
    auto findSeq =
        m_db->cached("SELECT seq, accepted, reason_code, reason_zh, reason_en FROM changes WHERE id = ?");
    auto insert =
        m_db->cached("INSERT INTO changes (seq, " + std::string(kChangeColumns) +
                     ", accepted, reason_code, reason_zh, reason_en) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
    if (!findSeq)
        return findSeq.error();
    if (!insert)
        return insert.error();
    std::vector<Appended> results;
    std::vector<std::string> touched;
    for (;;) {
        auto batch = source.next();
        if (!batch)
            return batch.error();
        if (batch->changes.empty())
            break;
        const bool haveTexts = batch->payloadTexts.size() == batch->changes.size();
        for (std::size_t i = 0; i < batch->changes.size(); ++i) {
            sync::Change& change = batch->changes[i];
            (*findSeq)->bind(1, sync::toString(change.id));
            auto row = (*findSeq)->step();
            if (!row)
                return row.error();
            if (*row) {
                results.push_back(Appended{change.id, (*findSeq)->columnInt(0), true,
                                           readVerdict(**findSeq, 1).value_or(Verdict{})});
                (*findSeq)->reset();
                continue;
            }
            (*findSeq)->reset();
            if (gate) {
                if (auto refused = gate(change, m_confirmed)) {
                    results.push_back(Appended{change.id, 0, false, Verdict::accept(), std::move(refused)});
                    continue;
                }
            }
            const std::int64_t seq = m_confirmed.lastSeq() + 1;
            (*insert)->bind(1, seq);
            // Bound before the fold takes the payload's values.
            bindChange(**insert, 2, change, haveTexts ? batch->payloadTexts[i] : std::string_view{});
            sync::ConfirmedChange confirmed{seq, std::move(change), {}};
            const Verdict verdict = m_confirmed.apply(std::move(confirmed));
            // What the fold left of it (its id and record id among that) goes back to the batch,
            // to be freed with it.
            change = std::move(confirmed.change);
            (*insert)
                ->bind(11, static_cast<std::int64_t>(verdict.accepted))
                .bind(12, verdict.reason.code)
                .bind(13, verdict.reason.zh)
                .bind(14, verdict.reason.en);
            if (auto st = (*insert)->run(); !st)
                return st.error();
            results.push_back(Appended{change.id, seq, false, verdict});
            touched.push_back(change.recordId);
        }
        if (source.giveBack)
            source.giveBack(std::move(*batch));
    }
    if (auto st = writeSummaries(touched); !st)
        return st.error();
    if (auto st = tx->commit(); !st)
        return st.error();
    rebuildTentative();
    return results;
}

Status<> ReplicaStore::reload()
{
    m_confirmed = Fold();
    m_tentative.reset();
    m_outbox.clear();
    return load();
}

Status<> ReplicaStore::applyPulled(std::vector<PulledChange> page, std::int64_t cursor)
{
    std::set<sync::ChangeId> confirmedIds;
    for (const auto& pulled : page)
        confirmedIds.insert(pulled.confirmed.change.id);
    bool refold = false;
    auto st = applyPulledInTransaction(page, cursor, refold);
    if (!st || refold) {
        // Rolled back, or history arrived below what is folded: fold the stored log afresh.
        if (auto reloaded = reload(); !reloaded && st)
            return reloaded.error();
        return st;
    }
    std::erase_if(m_outbox, [&](const sync::Change& c) { return confirmedIds.count(c.id) > 0; });
    rebuildTentative();
    return Ok{};
}

Status<> ReplicaStore::applyPulledInTransaction(std::vector<PulledChange>& page, std::int64_t cursor,
                                                bool& refold)
{
    auto tx = sqlite::Transaction::begin(*m_db);
    if (!tx)
        return tx.error();
    auto insert =
        m_db->cached("INSERT OR IGNORE INTO changes (seq, " + std::string(kChangeColumns) +
                     ", accepted, reason_code, reason_zh, reason_en) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
    auto unqueue = m_db->cached("DELETE FROM outbox WHERE id = ?");
    if (!insert)
        return insert.error();
    if (!unqueue)
        return unqueue.error();
    // A page in ascending order above everything folded (the usual case) is folded at once, from
    // the page; otherwise its rows are folded from the log after they are stored, in seq order, or
    // the whole log is refolded when history arrived below what is folded.
    const std::int64_t folded = m_confirmed.lastSeq();
    bool direct = true;
    for (std::int64_t previous = folded; const PulledChange& pulled : page) {
        direct = direct && pulled.confirmed.seq > previous;
        previous = pulled.confirmed.seq;
    }
    std::vector<std::string> touched;
    for (PulledChange& pulled : page) {
        const std::int64_t seq = pulled.confirmed.seq;
        const sync::ChangeId id = pulled.confirmed.change.id;
        (*insert)->bind(1, seq);
        bindChange(**insert, 2, pulled.confirmed.change, pulled.payloadText); // before the fold takes it
        std::optional<Verdict> verdict = pulled.verdict;
        if (direct) {
            touched.push_back(pulled.confirmed.change.recordId);
            const Verdict local = m_confirmed.apply(std::move(pulled.confirmed), pulled.verdict);
            if (!verdict)
                verdict = local;
        }
        if (verdict) {
            (*insert)
                ->bind(11, static_cast<std::int64_t>(verdict->accepted))
                .bind(12, verdict->reason.code)
                .bind(13, verdict->reason.zh)
                .bind(14, verdict->reason.en);
        }
        if (auto st = (*insert)->run(); !st)
            return st.error();
        if (m_db->changes() > 0 && seq <= folded)
            refold = true;
        (*unqueue)->bind(1, sync::toString(id));
        if (auto st = (*unqueue)->run(); !st)
            return st.error();
    }
    m_pullCursor = std::max(m_pullCursor, cursor);
    if (auto st = setMeta("pull_cursor", std::to_string(m_pullCursor)); !st)
        return st.error();
    if (!refold) {
        if (!direct) {
            if (auto st = foldFrom(folded, touched); !st)
                return st.error();
        }
        if (auto st = writeSummaries(touched); !st)
            return st.error();
    }
    return tx->commit();
}

Status<> ReplicaStore::foldFrom(std::int64_t afterSeq, std::vector<std::string>& touched)
{
    auto stmt =
        m_db->cached("SELECT seq, " + std::string(kChangeColumns) +
                     ", accepted, reason_code, reason_zh, reason_en FROM changes WHERE seq > ? ORDER BY seq");
    auto setVerdict = m_db->cached(
        "UPDATE changes SET accepted = ?, reason_code = ?, reason_zh = ?, reason_en = ? WHERE seq = ?");
    if (!stmt)
        return stmt.error();
    if (!setVerdict)
        return setVerdict.error();
    (*stmt)->bind(1, afterSeq);
    for (;;) {
        auto row = (*stmt)->step();
        if (!row)
            return row.error();
        if (!*row)
            break;
        const std::int64_t seq = (*stmt)->columnInt(0);
        auto change = readChange(**stmt, 1);
        if (!change)
            return change.error();
        const std::optional<Verdict> stored = readVerdict(**stmt, 10);
        const std::string recordId = change->recordId;
        const Verdict verdict =
            m_confirmed.apply(sync::ConfirmedChange{seq, std::move(change).value(), {}}, stored);
        if (!stored) {
            (*setVerdict)
                ->bind(1, static_cast<std::int64_t>(verdict.accepted))
                .bind(2, verdict.reason.code)
                .bind(3, verdict.reason.zh)
                .bind(4, verdict.reason.en)
                .bind(5, seq);
            if (auto st = (*setVerdict)->run(); !st)
                return st.error();
        }
        touched.push_back(recordId);
    }
    return Ok{};
}

Status<> ReplicaStore::writeSummaries(const std::vector<std::string>& recordIds)
{
    if (m_summaries == Summaries::NotKept)
        return Ok{};
    auto upsert = m_db->cached("INSERT OR REPLACE INTO records (id, kind, state, owner, campaign, unit_code, "
                               "authority, name, last_seq) VALUES (?,?,?,?,?,?,?,?,?)");
    if (!upsert)
        return upsert.error();
    std::set<std::string> unique(recordIds.begin(), recordIds.end());
    for (const std::string& id : unique) {
        const Application* app = model::findApplication(m_confirmed, id);
        if (!app)
            continue;
        (*upsert)
            ->bind(1, app->id)
            .bind(2, std::string_view(kKindApplication))
            .bind(3, std::string_view(toString(app->state)))
            .bind(4, app->owner)
            .bind(5, app->campaign)
            .bind(6, app->unitCode)
            .bind(7, app->authority())
            .bind(8, app->text("name"))
            .bind(9, app->history.empty() ? 0 : app->history.back().seq);
        if (auto st = (*upsert)->run(); !st)
            return st.error();
    }
    return Ok{};
}

Result<Verdict> ReplicaStore::enqueue(const sync::Change& change)
{
    auto stmt =
        m_db->cached("INSERT INTO outbox (" + std::string(kChangeColumns) + ") VALUES (?,?,?,?,?,?,?,?,?)");
    if (!stmt)
        return stmt.error();
    bindChange(**stmt, 1, change);
    if (auto st = (*stmt)->run(); !st)
        return st.error();
    m_outbox.push_back(change);
    if (!m_tentative)
        m_tentative = m_confirmed;
    return m_tentative->applyTentative(change);
}

Status<> ReplicaStore::rejectPending(const std::vector<Refusal>& refusals, std::int64_t atMillis)
{
    if (refusals.empty())
        return Ok{};
    auto tx = sqlite::Transaction::begin(*m_db);
    if (!tx)
        return tx.error();
    auto keep =
        m_db->cached("INSERT OR REPLACE INTO rejected (id, record_kind, record_id, payload, code, message, "
                     "rejected_at) VALUES (?,?,?,?,?,?,?)");
    auto unqueue = m_db->cached("DELETE FROM outbox WHERE id = ?");
    if (!keep)
        return keep.error();
    if (!unqueue)
        return unqueue.error();
    std::map<sync::ChangeId, const Error*> reasons;
    for (const Refusal& refusal : refusals)
        reasons.emplace(refusal.id, &refusal.reason);
    for (const sync::Change& change : m_outbox) {
        const auto reason = reasons.find(change.id);
        if (reason == reasons.end())
            continue;
        (*keep)
            ->bind(1, sync::toString(change.id))
            .bind(2, change.recordKind)
            .bind(3, change.recordId)
            .bind(4, payloadText(change))
            .bind(5, reason->second->code)
            .bind(6, reason->second->message)
            .bind(7, atMillis);
        (*unqueue)->bind(1, sync::toString(change.id));
        if (auto st = (*keep)->run(); !st)
            return st.error();
        if (auto st = (*unqueue)->run(); !st)
            return st.error();
    }
    if (auto st = tx->commit(); !st)
        return st.error();
    std::erase_if(m_outbox, [&](const sync::Change& c) { return reasons.count(c.id) > 0; });
    rebuildTentative();
    return Ok{};
}

Result<std::vector<RejectedChange>> ReplicaStore::rejected() const
{
    auto stmt = m_db->cached("SELECT id, record_kind, record_id, payload, code, message, rejected_at FROM "
                             "rejected ORDER BY rejected_at, id");
    if (!stmt)
        return stmt.error();
    std::vector<RejectedChange> rows;
    for (;;) {
        auto row = (*stmt)->step();
        if (!row)
            return row.error();
        if (!*row)
            break;
        rows.push_back(RejectedChange{
            (*stmt)->columnText(0), (*stmt)->columnText(1), (*stmt)->columnText(2), (*stmt)->columnText(3),
            Error{(*stmt)->columnText(4), (*stmt)->columnText(5), {}}, (*stmt)->columnInt(6)});
    }
    return rows;
}

std::optional<std::string> ReplicaStore::meta(const std::string& key) const
{
    auto stmt = m_db->cached("SELECT value FROM meta WHERE key = ?");
    if (!stmt)
        return std::nullopt;
    (*stmt)->bind(1, key);
    auto row = (*stmt)->step();
    std::optional<std::string> value;
    if (row && *row)
        value = (*stmt)->columnText(0);
    (*stmt)->reset();
    return value;
}

Status<> ReplicaStore::setMeta(const std::string& key, const std::string& value)
{
    auto stmt = m_db->cached("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)");
    if (!stmt)
        return stmt.error();
    (*stmt)->bind(1, key).bind(2, value);
    return (*stmt)->run();
}

const std::vector<sync::Change>& ReplicaStore::outbox() const
{
    return m_outbox;
}

std::size_t ReplicaStore::outboxSize() const
{
    return m_outbox.size();
}

void ReplicaStore::rebuildTentative()
{
    if (m_outbox.empty()) {
        m_tentative.reset(); // the confirmed state is what the client shows; no copy needed
        return;
    }
    m_tentative = m_confirmed;
    for (const sync::Change& change : m_outbox)
        m_tentative->applyTentative(change);
}

namespace {
constexpr std::string_view kConfirmedSelect =
    "SELECT seq, id, author, site, hlc_wall, hlc_counter, record_kind, "
    "record_id, op, payload, accepted, reason_code, reason_zh, reason_en "
    "FROM changes ";
} // namespace

Result<sync::ConfirmedChange> ReplicaStore::readConfirmed(const sqlite::Statement& stmt) const
{
    auto change = readChange(stmt, 1);
    if (!change)
        return change.error();
    return sync::ConfirmedChange{stmt.columnInt(0), std::move(change).value(),
                                 toChangeVerdict(readVerdict(stmt, 10).value_or(Verdict{}))};
}

Result<std::vector<sync::ConfirmedChange>> ReplicaStore::changesAfter(std::int64_t seq, int limit) const
{
    auto stmt =
        m_db->cached(std::string(kConfirmedSelect) + "WHERE seq > ? AND seq <= ? ORDER BY seq LIMIT ?");
    if (!stmt)
        return stmt.error();
    (*stmt)->bind(1, seq).bind(2, m_confirmed.lastSeq()).bind(3, static_cast<std::int64_t>(limit));
    std::vector<sync::ConfirmedChange> page;
    for (;;) {
        auto row = (*stmt)->step();
        if (!row)
            return row.error();
        if (!*row)
            break;
        auto confirmed = readConfirmed(**stmt);
        if (!confirmed)
            return confirmed.error();
        page.push_back(std::move(confirmed).value());
    }
    return page;
}

Result<std::vector<LogEntryHeader>> ReplicaStore::headersAfter(std::int64_t seq, int limit) const
{
    auto stmt = m_db->cached("SELECT seq, record_kind, record_id FROM changes WHERE seq > ? AND seq <= ? "
                             "ORDER BY seq LIMIT ?");
    if (!stmt)
        return stmt.error();
    (*stmt)->bind(1, seq).bind(2, m_confirmed.lastSeq()).bind(3, static_cast<std::int64_t>(limit));
    std::vector<LogEntryHeader> headers;
    for (;;) {
        auto row = (*stmt)->step();
        if (!row)
            return row.error();
        if (!*row)
            break;
        headers.push_back(
            LogEntryHeader{(*stmt)->columnInt(0), (*stmt)->columnText(1), (*stmt)->columnText(2)});
    }
    return headers;
}

Result<std::vector<sync::StoredChange>>
ReplicaStore::storedChangesAt(const std::vector<std::int64_t>& seqs) const
{
    std::vector<std::int64_t> sorted = seqs;
    std::sort(sorted.begin(), sorted.end());
    sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());
    // Consecutive seqs (a record's history, one device's upload) are read as one range: a walk
    // along the table instead of a search per change.
    auto stmt = m_db->cached(std::string(kConfirmedSelect) + "WHERE seq BETWEEN ? AND ? ORDER BY seq");
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
            auto envelope = readEnvelope(**stmt, 1);
            if (!envelope) {
                (*stmt)->reset();
                return envelope.error();
            }
            page.push_back(sync::StoredChange{(*stmt)->columnInt(0), std::move(envelope).value(),
                                              toChangeVerdict(readVerdict(**stmt, 10).value_or(Verdict{})),
                                              (*stmt)->columnText(9)});
        }
        first = last + 1;
    }
    return page;
}

Result<std::vector<std::int64_t>> ReplicaStore::seqsOfRecord(const std::string& recordId,
                                                             std::int64_t maxSeq) const
{
    auto stmt = m_db->cached("SELECT seq FROM changes WHERE record_id = ? AND seq <= ? ORDER BY seq");
    if (!stmt)
        return stmt.error();
    (*stmt)->bind(1, recordId).bind(2, maxSeq);
    std::vector<std::int64_t> seqs;
    for (;;) {
        auto row = (*stmt)->step();
        if (!row)
            return row.error();
        if (!*row)
            break;
        seqs.push_back((*stmt)->columnInt(0));
    }
    return seqs;
}

std::optional<Verdict> ReplicaStore::verdictOf(const sync::ChangeId& id) const
{
    auto stmt = m_db->cached("SELECT accepted, reason_code, reason_zh, reason_en FROM changes WHERE id = ?");
    if (!stmt)
        return std::nullopt;
    (*stmt)->bind(1, sync::toString(id));
    auto row = (*stmt)->step();
    std::optional<Verdict> verdict;
    if (row && *row)
        verdict = readVerdict(**stmt, 0);
    (*stmt)->reset();
    return verdict;
}

Result<std::vector<RecordSummary>> ReplicaStore::records(const std::string& kind, int offset, int limit) const
{
    if (m_summaries == Summaries::NotKept) {
        return Error{"summaries_not_kept",
                     "this store (a server's log) keeps no record summaries; read the folded state instead",
                     {}};
    }
    auto stmt = m_db->cached("SELECT id, kind, state, owner, campaign, unit_code, authority, name, last_seq "
                             "FROM records WHERE kind = ? ORDER BY id LIMIT ? OFFSET ?");
    if (!stmt)
        return stmt.error();
    (*stmt)
        ->bind(1, kind)
        .bind(2, static_cast<std::int64_t>(limit))
        .bind(3, static_cast<std::int64_t>(offset));
    std::vector<RecordSummary> rows;
    for (;;) {
        auto row = (*stmt)->step();
        if (!row)
            return row.error();
        if (!*row)
            break;
        rows.push_back(RecordSummary{(*stmt)->columnText(0), (*stmt)->columnText(1), (*stmt)->columnText(2),
                                     (*stmt)->columnText(3), (*stmt)->columnText(4), (*stmt)->columnText(5),
                                     (*stmt)->columnText(6), (*stmt)->columnText(7), (*stmt)->columnInt(8)});
    }
    return rows;
}

} // namespace tepei::model
