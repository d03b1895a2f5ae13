#include <algorithm>
#include <sstream>
#include <tepei/model/fold/fold.h>
#include <tepei/model/fold/record_kind.h>
#include <tepei/model/kinds/registry.h>

namespace tepei::model {

namespace {

// Room a record's history gets at its first line, and then at once when that is full.
constexpr std::size_t kHistoryFirstLines = 4;
constexpr std::size_t kHistoryLifeLines = 16;

Verdict unknownKind(const std::string& kind)
{
    return Verdict::refuse(Reason{"unknown_record_kind", "未知的记录类型“" + kind + "”，请升级客户端后重试",
                                  "unknown record kind '" + kind + "'; update the client and try again"});
}

} // namespace

bool listCitesBlob(const web::json::value& attachments, const std::string& sha256)
{
    if (!attachments.is_array())
        return false;
    for (const auto& row : attachments.as_array()) {
        if (row.is_object() && row.has_field("sha256") && row.at("sha256").is_string() &&
            row.at("sha256").as_string() == sha256)
            return true;
    }
    return false;
}

sync::ChangeVerdict toChangeVerdict(const Verdict& verdict)
{
    if (verdict.accepted)
        return {};
    return sync::ChangeVerdict{false, verdict.reason.code, verdict.reason.zh, verdict.reason.en};
}

Verdict fromChangeVerdict(const sync::ChangeVerdict& verdict)
{
    if (verdict.accepted)
        return Verdict::accept();
    return Verdict::refuse(Reason{verdict.code, verdict.messageZh, verdict.message});
}

Fold::Fold()
{
    for (const RecordKind* kind : recordKinds())
        m_states.push_back(kind->newState());
}

Fold::Fold(const Fold& other)
    : m_applied(other.m_applied), m_refused(other.m_refused), m_sites(other.m_sites),
      m_siteIndex(other.m_siteIndex), m_lastSite(other.m_lastSite), m_lastSeq(other.m_lastSeq),
      m_siteLatest(other.m_siteLatest)
{
    for (const auto& state : other.m_states)
        m_states.push_back(state->clone());
}

Fold& Fold::operator=(const Fold& other)
{
    if (this != &other)
        *this = Fold(other);
    return *this;
}

Fold::Fold(Fold&&) noexcept = default;
Fold& Fold::operator=(Fold&&) noexcept = default;
Fold::~Fold() = default;

Verdict Fold::apply(const sync::ConfirmedChange& confirmed, const std::optional<Verdict>& given)
{
    sync::Change copy = confirmed.change;
    return apply(sync::ConfirmedChange{confirmed.seq, std::move(copy), {}, confirmed.receivedMs}, given);
}

Verdict Fold::apply(sync::ConfirmedChange&& confirmed, const std::optional<Verdict>& given)
{
    m_lastSeq = std::max(m_lastSeq, confirmed.seq);
    const std::uint32_t site = siteIndex(confirmed.change.site);
    if (m_siteLatest.size() <= site)
        m_siteLatest.resize(site + 1);
    m_siteLatest[site] = std::max(m_siteLatest[site], confirmed.change.hlc);
    m_receivedMs = confirmed.receivedMs;
    return applyOnce(confirmed.change, confirmed.seq, given);
}

Verdict Fold::applyTentative(const sync::Change& change)
{
    sync::Change copy = change;
    m_receivedMs = 0;
    return applyOnce(copy, 0, std::nullopt);
}

std::optional<sync::Hlc> Fold::latestOf(const std::string& site) const
{
    const auto found = m_siteIndex.find(site);
    if (found == m_siteIndex.end() || found->second >= m_siteLatest.size())
        return std::nullopt;
    return m_siteLatest[found->second];
}

Verdict Fold::applyOnce(sync::Change& change, std::int64_t seq, const std::optional<Verdict>& given)
{
    // A change of a record leaves a line in that record's history, which holds its id and verdict:
    // a duplicate is found there, in memory the fold is touching anyway. Every other change id
    // (refusals that found no record) and those of long histories are kept in m_applied.
    std::size_t kind = kNoKind;
    Record* record = nullptr;
    if (m_last.record && m_last.record->id == change.recordId &&
        change.recordKind == recordKinds()[m_last.kind]->name()) {
        kind = m_last.kind;
        record = m_last.record;
    } else {
        kind = kindIndex(change.recordKind);
        if (kind != kNoKind)
            record = m_states[kind]->find(change.recordId);
    }
    if (const Verdict* earlier = earlierVerdict(change.id, record))
        return *earlier;
    const sync::ChangeId id = change.id;
    if (kind == kNoKind) {
        const Verdict verdict = given ? *given : unknownKind(change.recordKind);
        remember(id, nullptr, verdict);
        return verdict;
    }
    const Verdict verdict = m_states[kind]->apply(*this, change, record, seq, given); // sets a new record
    if (record && !record->history.empty() && record->history.back().changeId == id)
        record->history.back().receivedMs = m_receivedMs;
    m_last.record = record;
    m_last.kind = kind;
    remember(id, record, verdict);
    return verdict;
}

void Fold::remember(const sync::ChangeId& id, const Record* record, const Verdict& verdict)
{
    if (!record || record->history.empty() || record->history.back().changeId != id) {
        m_applied.insert(id);
        if (!verdict.accepted)
            m_refused.emplace(id, verdict);
    } else if (record->history.size() > kHistoryScanLimit) {
        if (record->history.size() == kHistoryScanLimit + 1) {
            for (const HistoryEntry& line : record->history)
                m_applied.insert(line.changeId); // from now on this record's ids are looked up here
        } else {
            m_applied.insert(id);
        }
    }
}

const Verdict* Fold::earlierVerdict(const sync::ChangeId& id, const Record* record) const
{
    if (record && record->history.size() <= kHistoryScanLimit) {
        for (auto line = record->history.rbegin(); line != record->history.rend(); ++line) {
            if (line->changeId == id)
                return &line->verdict;
        }
    } else if (record && m_applied.contains(id)) {
        for (const HistoryEntry& line : record->history) {
            if (line.changeId == id)
                return &line.verdict;
        }
    }
    if (!m_applied.contains(id))
        return nullptr;
    static const Verdict kAccepted = Verdict::accept();
    const auto refused = m_refused.find(id);
    return refused == m_refused.end() ? &kAccepted : &refused->second;
}

std::uint32_t Fold::siteIndex(const std::string& site)
{
    // A device's changes come in runs (a batch, a record's edits): remember the last one.
    if (m_lastSite < m_sites.size() && m_sites[m_lastSite] == site)
        return m_lastSite;
    const auto [it, inserted] = m_siteIndex.try_emplace(site, static_cast<std::uint32_t>(m_sites.size()));
    if (inserted)
        m_sites.push_back(site);
    m_lastSite = it->second;
    return it->second;
}

bool Fold::newer(const FieldStamp& candidate, const FieldStamp& current) const
{
    if (candidate.hlc != current.hlc)
        return current.hlc < candidate.hlc;
    return m_sites[current.site] < m_sites[candidate.site];
}

void Fold::invalidateAll()
{
    for (auto& state : m_states)
        state->invalidate();
}

HistoryEntry& Fold::record(Record& record, sync::Change& change, std::int64_t seq, const char* state)
{
    // A history starts with room for a few lines (in a bulk upload most records have one) and then
    // grows to a whole life's at once (about 10 lines: edits, submission, reviews).
    if (record.history.size() == record.history.capacity())
        record.history.reserve(record.history.empty()
                                   ? kHistoryFirstLines
                                   : std::max(kHistoryLifeLines, 2 * record.history.size()));
    HistoryEntry& entry = record.history.emplace_back();
    entry.seq = seq;
    entry.changeId = change.id;
    entry.author = std::move(change.author); // the change is the fold's own: its last use
    entry.site = std::move(change.site);
    entry.hlc = change.hlc;
    entry.before = state;
    entry.after = state;
    return entry;
}

std::string Fold::canonicalState() const
{
    std::ostringstream out;
    for (const auto& state : m_states)
        state->canonical(out, *this);
    return out.str();
}

} // namespace tepei::model
