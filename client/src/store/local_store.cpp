#include <algorithm>
#include <map>
#include <tepei/client/store/local_store.h>
#include <tepei/model/kinds/campaign/campaign_kind.h>

namespace tepei::client {

namespace {
constexpr const char* kMetaPullCursor = "pull_cursor";
} // namespace

LocalStore::LocalStore(std::unique_ptr<model::sqlite::Database> db)
    : m_db(std::move(db)), m_outbox(*m_db), m_rejected(*m_db), m_meta(*m_db), m_summaries(*m_db),
      m_blobs(*m_db)
{}

LocalStore::~LocalStore() = default;

Result<std::unique_ptr<LocalStore>> LocalStore::open(const std::string& path,
                                                     model::sqlite::Database::Durability durability)
{
    auto db = model::sqlite::Database::open(path, durability);
    if (!db)
        return db.error();
    std::unique_ptr<LocalStore> store(new LocalStore(std::move(db).value()));
    if (auto st = store->load(); !st)
        return st.error();
    return store;
}

Status<> LocalStore::load()
{
    if (auto st = m_meta.open(); !st)
        return st;
    if (const auto cursor = m_meta.get(kMetaPullCursor))
        m_pullCursor = std::stoll(*cursor);
    // The log is complete up to the pull cursor; this device's changes confirmed at push above it
    // wait unfolded until a pull reaches them.
    auto log = model::SqliteChangeLog::attach(*m_db, m_pullCursor);
    if (!log)
        return log.error();
    m_log = std::move(log).value();
    for (Status<> st : {m_outbox.open(), m_rejected.open(), m_summaries.open(), m_blobs.open()}) {
        if (!st)
            return st;
    }
    tentativeChanged();
    // List rows are rebuilt for every record, so a table written by older rules heals on open.
    return m_summaries.rewriteAll(m_log->state());
}

Status<> LocalStore::applyPulled(std::vector<model::PulledChange> page, std::int64_t cursor)
{
    std::vector<sync::ChangeId> confirmedIds;
    for (const auto& pulled : page)
        confirmedIds.push_back(pulled.confirmed.change.id);
    std::int64_t nextCursor = std::max(m_pullCursor, cursor);
    for (const auto& pulled : page)
        nextCursor = std::max(nextCursor, pulled.confirmed.seq); // a cursor is never below its page
    const auto alongside = [&](const std::vector<std::string>& touched, bool refold) -> Status<> {
        for (const sync::ChangeId& id : confirmedIds) {
            if (auto st = m_outbox.remove(id); !st)
                return st;
        }
        if (auto st = m_meta.set(kMetaPullCursor, std::to_string(nextCursor)); !st)
            return st;
        return refold ? Status<>(Ok{}) : m_summaries.write(m_log->state(), touched);
    };
    auto refolded = m_log->applyPulled(std::move(page), nextCursor, alongside);
    if (!refolded) {
        (void)m_outbox.reload(); // the transaction rolled back
        tentativeChanged();
        return refolded.error();
    }
    m_pullCursor = nextCursor;
    m_outbox.forget(confirmedIds);
    tentativeChanged();
    if (*refolded)
        return m_summaries.rewriteAll(m_log->state());
    return Ok{};
}

Result<model::Verdict> LocalStore::enqueue(const sync::Change& change)
{
    if (m_tentativeStale)
        rebuildTentative(); // before the change joins the outbox: it is applied below
    if (auto st = m_outbox.add(change); !st)
        return st.error();
    if (!m_tentative)
        m_tentative = m_log->state();
    return m_tentative->applyTentative(change);
}

Status<> LocalStore::takePushResults(const std::vector<Confirmation>& confirmed,
                                     const std::vector<Refusal>& refused, std::int64_t atMillis)
{
    if (confirmed.empty() && refused.empty())
        return Ok{};
    std::map<sync::ChangeId, const Confirmation*> seqs;
    for (const Confirmation& c : confirmed)
        seqs.emplace(c.id, &c);
    std::map<sync::ChangeId, const Error*> reasons;
    for (const Refusal& refusal : refused)
        reasons.emplace(refusal.id, &refusal.reason);
    // A push sends the outbox from its start: its changes are found there, in order.
    std::vector<sync::ConfirmedChange> own;
    std::vector<std::pair<const sync::Change*, const Error*>> rejected;
    for (const sync::Change& change : m_outbox.changes()) {
        if (const auto c = seqs.find(change.id); c != seqs.end())
            own.push_back(
                sync::ConfirmedChange{c->second->seq, change, c->second->verdict, c->second->receivedMs});
        else if (const auto r = reasons.find(change.id); r != reasons.end())
            rejected.emplace_back(&change, r->second);
        if (own.size() + rejected.size() == seqs.size() + reasons.size())
            break;
    }
    std::vector<sync::ChangeId> gone;
    auto refolded = m_log->storeConfirmed(own, [&]() -> Status<> {
        for (const auto& [change, reason] : rejected) {
            if (auto st = m_rejected.keep(*change, *reason, atMillis); !st)
                return st;
            gone.push_back(change->id);
        }
        for (const sync::ConfirmedChange& c : own)
            gone.push_back(c.change.id);
        for (const sync::ChangeId& id : gone) {
            if (auto st = m_outbox.remove(id); !st)
                return st;
        }
        return Ok{};
    });
    if (!refolded)
        return refolded.error();
    m_outbox.forget(gone);
    tentativeChanged();
    return *refolded ? m_summaries.rewriteAll(m_log->state()) : Status<>(Ok{});
}

std::vector<std::string> LocalStore::campaignIds() const
{
    std::vector<std::string> ids;
    for (const auto& [id, campaign] : model::campaigns(m_log->state()))
        ids.push_back(id);
    std::sort(ids.begin(), ids.end());
    return ids;
}

const model::Fold& LocalStore::tentative() const
{
    if (m_tentativeStale)
        rebuildTentative();
    return m_tentative ? *m_tentative : m_log->state();
}

void LocalStore::tentativeChanged()
{
    m_tentativeStale = !m_outbox.changes().empty() || !m_log->unfolded().empty();
    if (!m_tentativeStale)
        m_tentative.reset(); // the confirmed state is what the client shows; no copy needed
}

void LocalStore::rebuildTentative() const
{
    m_tentativeStale = false;
    if (m_outbox.changes().empty() && m_log->unfolded().empty()) {
        m_tentative.reset();
        return;
    }
    m_tentative = m_log->state();
    for (const sync::ConfirmedChange& own : m_log->unfolded())
        m_tentative->apply(own, model::fromChangeVerdict(own.verdict)); // with the server's verdict
    for (const sync::Change& change : m_outbox.changes())
        m_tentative->applyTentative(change);
}

} // namespace tepei::client
