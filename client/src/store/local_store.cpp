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
    auto log = model::SqliteChangeLog::attach(*m_db);
    if (!log)
        return log.error();
    m_log = std::move(log).value();
    for (Status<> st :
         {m_outbox.open(), m_rejected.open(), m_meta.open(), m_summaries.open(), m_blobs.open()}) {
        if (!st)
            return st;
    }
    if (const auto cursor = m_meta.get(kMetaPullCursor))
        m_pullCursor = std::stoll(*cursor);
    rebuildTentative();
    // List rows are rebuilt for every record, so a table written by older rules heals on open.
    return m_summaries.rewriteAll(m_log->state());
}

Status<> LocalStore::applyPulled(std::vector<model::PulledChange> page, std::int64_t cursor)
{
    std::vector<sync::ChangeId> confirmedIds;
    for (const auto& pulled : page)
        confirmedIds.push_back(pulled.confirmed.change.id);
    const std::int64_t nextCursor = std::max(m_pullCursor, cursor);
    const auto alongside = [&](const std::vector<std::string>& touched, bool refold) -> Status<> {
        for (const sync::ChangeId& id : confirmedIds) {
            if (auto st = m_outbox.remove(id); !st)
                return st;
        }
        if (auto st = m_meta.set(kMetaPullCursor, std::to_string(nextCursor)); !st)
            return st;
        return refold ? Status<>(Ok{}) : m_summaries.write(m_log->state(), touched);
    };
    auto refolded = m_log->applyPulled(std::move(page), alongside);
    if (!refolded) {
        (void)m_outbox.reload(); // the transaction rolled back
        rebuildTentative();
        return refolded.error();
    }
    m_pullCursor = nextCursor;
    m_outbox.forget(confirmedIds);
    rebuildTentative();
    if (*refolded)
        return m_summaries.rewriteAll(m_log->state());
    return Ok{};
}

Result<model::Verdict> LocalStore::enqueue(const sync::Change& change)
{
    if (auto st = m_outbox.add(change); !st)
        return st.error();
    if (!m_tentative)
        m_tentative = m_log->state();
    return m_tentative->applyTentative(change);
}

Status<> LocalStore::rejectPending(const std::vector<Refusal>& refusals, std::int64_t atMillis)
{
    if (refusals.empty())
        return Ok{};
    std::map<sync::ChangeId, const Error*> reasons;
    for (const Refusal& refusal : refusals)
        reasons.emplace(refusal.id, &refusal.reason);
    std::vector<sync::ChangeId> gone;
    {
        auto tx = model::sqlite::Transaction::begin(*m_db);
        if (!tx)
            return tx.error();
        for (const sync::Change& change : m_outbox.changes()) {
            const auto reason = reasons.find(change.id);
            if (reason == reasons.end())
                continue;
            if (auto st = m_rejected.keep(change, *reason->second, atMillis); !st)
                return st;
            if (auto st = m_outbox.remove(change.id); !st)
                return st;
            gone.push_back(change.id);
        }
        if (auto st = tx->commit(); !st)
            return st;
    }
    m_outbox.forget(gone);
    rebuildTentative();
    return Ok{};
}

std::vector<std::string> LocalStore::campaignIds() const
{
    std::vector<std::string> ids;
    for (const auto& [id, campaign] : model::campaigns(m_log->state()))
        ids.push_back(id);
    std::sort(ids.begin(), ids.end());
    return ids;
}

void LocalStore::rebuildTentative()
{
    if (m_outbox.changes().empty()) {
        m_tentative.reset(); // the confirmed state is what the client shows; no copy needed
        return;
    }
    m_tentative = m_log->state();
    for (const sync::Change& change : m_outbox.changes())
        m_tentative->applyTentative(change);
}

} // namespace tepei::client
