#include <algorithm>
#include <condition_variable>
#include <deque>
#include <iterator>
#include <set>
#include <tepei/model/kinds/application/application_kind.h>
#include <tepei/model/kinds/campaign/campaign_kind.h>
#include <tepei/model/kinds/registry.h>
#include <tepei/model/log/sqlite_change_log.h>
#include <tepei/server/log/record_log.h>
#include <tepei/sync/ids.h>
#include <thread>
#include <unordered_map>

namespace tepei::server {

namespace {

// The log's index reads the headers of new changes from the store in chunks of this many.
constexpr int kScanChunk = 4096;

// A pushed message at least this large is decoded on a second thread while the first stores it,
// in batches of kPushBatch changes. Smaller ones are decoded first: a thread costs more than it
// saves there.
constexpr std::size_t kStreamedPushBytes = 256 * 1024;
constexpr std::size_t kPushBatch = 128;

} // namespace

// The log's campaigns at one moment, for checks made away from the lock: replaced (never changed)
// whenever a campaign changes.
struct CampaignsSnapshot {
    model::CampaignIndex byId;
};

namespace {

// A decoded batch, with what the decoding thread could already check of each change: the field
// values of an application's field set that names its campaign (unset for other changes).
struct DecodedBatch {
    sync::ChangeBatch batch;
    std::vector<std::optional<model::ContentCheck>> checks;
};

// Decoded batches on their way from the decoding thread to the storing one, and back once stored:
// the decoding thread frees them, so that the append neither pays for it nor contends for the
// allocator arena they came from. Bounded, so that a decoder far ahead of the store does not hold
// a whole message's values at once.
class BatchQueue {
public:
    // Decoder: hands a batch over, waiting for room (and freeing what comes back meanwhile).
    // False once the receiver has stopped taking: the decoder should stop too.
    bool put(Result<DecodedBatch> item)
    {
        std::unique_lock lock(m_mutex);
        for (;;) {
            freeSpent(lock);
            if (m_closed)
                return false;
            if (m_items.size() < kCapacity)
                break;
            m_wake.wait(lock);
        }
        m_items.push_back(std::move(item));
        m_ready.notify_one();
        return true;
    }

    // Decoder, when it has put its last item: frees what comes back until the queue is closed.
    void freeUntilClosed()
    {
        std::unique_lock lock(m_mutex);
        for (;;) {
            freeSpent(lock);
            if (m_closed)
                return;
            m_wake.wait(lock);
        }
    }

    // Receiver.
    Result<DecodedBatch> take()
    {
        std::unique_lock lock(m_mutex);
        m_ready.wait(lock, [this] { return !m_items.empty(); });
        auto item = std::move(m_items.front());
        m_items.pop_front();
        m_wake.notify_one();
        return item;
    }

    void giveBack(sync::ChangeBatch&& spent)
    {
        std::lock_guard lock(m_mutex);
        m_spent.push_back(std::move(spent));
        m_wake.notify_one();
    }

    void close()
    {
        std::lock_guard lock(m_mutex);
        m_closed = true;
        m_wake.notify_all();
    }

private:
    void freeSpent(std::unique_lock<std::mutex>& lock)
    {
        while (!m_spent.empty()) {
            std::vector<sync::ChangeBatch> spent;
            spent.swap(m_spent);
            lock.unlock();
            spent.clear();
            lock.lock();
        }
    }

    static constexpr std::size_t kCapacity = 8;
    std::mutex m_mutex;
    std::condition_variable m_ready; // an item to take
    std::condition_variable m_wake;  // room, something given back, or closed
    std::deque<Result<DecodedBatch>> m_items;
    std::vector<sync::ChangeBatch> m_spent;
    bool m_closed = false;
};

// The checks made while decoding, of the batch being stored. The append's gate meets the batch's
// changes in order, less the duplicates: each one's check is searched for from the last found on.
class AheadChecks {
public:
    void take(const std::vector<sync::Change>& changes,
              std::vector<std::optional<model::ContentCheck>> checks)
    {
        m_ids.clear();
        m_checks = std::move(checks);
        m_next = 0;
        if (m_checks.size() != changes.size()) {
            m_checks.clear(); // none made (a small push, decoded whole)
            return;
        }
        m_ids.reserve(changes.size());
        for (const sync::Change& change : changes)
            m_ids.push_back(change.id);
    }

    // The check made of the change with this id, or null (none was made: the gate makes it).
    const model::ContentCheck* find(const sync::ChangeId& id)
    {
        for (std::size_t i = m_next; i < m_ids.size(); ++i) {
            if (m_ids[i] == id) {
                m_next = i + 1;
                return m_checks[i] ? &*m_checks[i] : nullptr;
            }
        }
        return nullptr;
    }

private:
    std::vector<sync::ChangeId> m_ids;
    std::vector<std::optional<model::ContentCheck>> m_checks;
    std::size_t m_next = 0;
};

// The field checks of an application field set that names its campaign, against the campaigns
// as they were when the push began; unset for any other change (the storing thread checks it).
std::optional<model::ContentCheck> checkAhead(const sync::Change& change, const CampaignsSnapshot& campaigns)
{
    const model::RecordKind* kind = model::findKind(change.recordKind);
    return kind ? kind->checkContent(change, campaigns.byId) : std::nullopt;
}

// Decodes message on a thread of its own, feeding the queue: its batches (with the field checks
// that need no state but the campaigns), then an empty batch at the end or the error that stopped
// it; then frees what the store gives back until it is closed.
std::thread startDecoding(std::string_view message, const sync::DecodeLimits& limits,
                          std::shared_ptr<const CampaignsSnapshot> campaigns, BatchQueue& queue)
{
    return std::thread([message, limits, campaigns = std::move(campaigns), &queue] {
        try {
            auto rest = sync::decodePushRequestInBatches(
                message, limits, kPushBatch, [&queue, &campaigns](sync::ChangeBatch&& batch) {
                    DecodedBatch decoded{std::move(batch), {}};
                    decoded.checks.reserve(decoded.batch.changes.size());
                    for (const sync::Change& change : decoded.batch.changes)
                        decoded.checks.push_back(checkAhead(change, *campaigns));
                    return queue.put(std::move(decoded));
                });
            queue.put(rest ? Result<DecodedBatch>(DecodedBatch{}) : Result<DecodedBatch>(rest.error()));
        } catch (const std::exception& e) {
            queue.put(Error{"server_error",
                            std::string("the push could not be read (") + e.what() +
                                "); nothing was stored, send it again later",
                            {}});
        }
        queue.freeUntilClosed();
    });
}

// The batches of a push, from the decoding thread's queue (a large push) or from the message
// decoded whole; each change's clock noted, and the checks made ahead of the batch kept.
model::AppendSource pushSource(BatchQueue* queue, std::optional<Result<sync::PushRequest>>& whole,
                               std::vector<sync::Hlc>& clocks, AheadChecks& ahead)
{
    model::AppendSource source;
    source.next = [queue, &whole, &clocks, &ahead]() -> Result<sync::ChangeBatch> {
        Result<sync::ChangeBatch> batch = sync::ChangeBatch{};
        std::vector<std::optional<model::ContentCheck>> checks;
        if (queue) {
            auto decoded = queue->take();
            if (!decoded)
                return decoded.error();
            batch = std::move(decoded->batch);
            checks = std::move(decoded->checks);
        } else if (whole) {
            batch->changes = std::move((*whole)->changes);
            whole.reset();
        }
        for (const auto& change : batch->changes)
            clocks.push_back(change.hlc);
        ahead.take(batch->changes, std::move(checks));
        return batch;
    };
    if (queue)
        source.giveBack = [queue](sync::ChangeBatch&& spent) { queue->giveBack(std::move(spent)); };
    return source;
}

web::json::value historyJson(const model::Application& app)
{
    web::json::value history = web::json::value::array();
    std::size_t i = 0;
    for (const model::HistoryEntry& h : app.history) {
        web::json::value e = web::json::value::object();
        e["seq"] = web::json::value::number(h.seq);
        e["id"] = web::json::value::string(sync::toString(h.changeId));
        e["by"] = web::json::value::string(h.author);
        e["site"] = web::json::value::string(h.site);
        e["hlc"] = web::json::value::string(sync::toString(h.hlc));
        if (h.receivedMs != 0) // made at hlc, received then (R-APP-7)
            e["received"] = web::json::value::number(h.receivedMs);
        e["action"] = web::json::value::string(h.action);
        e["role"] = web::json::value::string(h.role);
        e["comment"] = web::json::value::string(h.comment);
        e["before"] = web::json::value::string(h.before);
        e["after"] = web::json::value::string(h.after);
        e["accepted"] = web::json::value::boolean(h.verdict.accepted);
        if (!h.verdict.accepted) {
            e["code"] = web::json::value::string(h.verdict.reason.code);
            e["zh"] = web::json::value::string(h.verdict.reason.zh);
            e["en"] = web::json::value::string(h.verdict.reason.en);
        }
        history[i++] = std::move(e);
    }
    return history;
}

} // namespace

Result<std::unique_ptr<RecordLog>> RecordLog::open(const std::string& path, sync::WallClock wall,
                                                   std::int64_t checkpointBytes)
{
    auto store =
        model::SqliteChangeLog::open(path, {model::sqlite::Database::Durability::Full, checkpointBytes});
    if (!store)
        return store.error();
    return over(std::move(store).value(), std::move(wall));
}

Result<std::unique_ptr<RecordLog>> RecordLog::over(std::unique_ptr<model::ChangeLog> store,
                                                   sync::WallClock wall)
{
    std::unique_ptr<RecordLog> log(new RecordLog(std::move(store), std::move(wall)));
    if (auto st = log->extendIndex(); !st)
        return st.error();
    return log;
}

RecordLog::RecordLog(std::unique_ptr<model::ChangeLog> store, sync::WallClock wall)
    : m_store(std::move(store)), m_clock(std::move(wall))
{
    refreshCampaigns();
}

RecordLog::~RecordLog() = default;

Result<sync::PushReply> RecordLog::push(const Principal& principal, std::string_view message,
                                        const sync::DecodeLimits& limits)
{
    BatchQueue queue;
    std::thread decoder;
    std::optional<Result<sync::PushRequest>> whole;
    const std::shared_ptr<const CampaignsSnapshot> campaigns = campaignsSnapshot();
    if (message.size() >= kStreamedPushBytes) {
        decoder = startDecoding(message, limits, campaigns, queue); // it starts before the lock is ours
    } else {
        whole = sync::decodePushRequest(message, limits);
        if (!*whole)
            return whole->error();
    }
    std::vector<sync::Hlc> clocks; // of every change, in order: the server's clock follows the accepted
    AheadChecks ahead;             // of the batch being stored
    model::AppendSource source = pushSource(decoder.joinable() ? &queue : nullptr, whole, clocks, ahead);
    source.receivedMs = m_clock.wallMs(); // R-APP-7: the receive time every replica folds
    std::unique_lock lock(m_mutex);
    if (auto st = catchUp(); !st) {
        queue.close();
        if (decoder.joinable())
            decoder.join();
        return st.error();
    }
    // Checks made ahead hold while the campaigns are the ones they were made against: the same as
    // when the push began, and no campaign change earlier in this push. Another server on the same
    // database may append in the moment before this append takes the log's lock: the append then
    // folds those first, and the gate sees the head move.
    bool campaignsHold = campaigns == campaignsSnapshot();
    bool campaignChanged = false;
    const std::int64_t head = m_store->lastSeq();
    bool firstChange = true;
    const model::AppendGate gate = [&](const sync::Change& change,
                                       const model::Fold& state) -> std::optional<Error> {
        if (std::exchange(firstChange, false) && state.lastSeq() != head) {
            campaignsHold = false;
            campaignChanged = true; // perhaps: the campaigns are read again after the append
        }
        if (change.recordKind == model::kKindCampaign) {
            campaignsHold = false;
            campaignChanged = true;
        }
        const model::ContentCheck* checked = campaignsHold ? ahead.find(change.id) : nullptr;
        if (auto allowed = authorize(principal, change, state, m_clock, checked); !allowed)
            return allowed.error();
        return std::nullopt;
    };
    auto appended = m_store->append(source, gate);
    if (decoder.joinable()) {
        queue.close(); // an append that stopped early stops the decoder
        decoder.join();
    }
    if (campaignChanged)
        refreshCampaigns();
    if (!appended) {
        forgetRecords(); // the store folded its log afresh
        return appended.error();
    }
    return replyTo(*appended, clocks);
}

sync::PushReply RecordLog::replyTo(const std::vector<model::Appended>& appended,
                                   const std::vector<sync::Hlc>& clocks)
{
    sync::PushReply reply;
    reply.results.reserve(appended.size());
    for (std::size_t i = 0; i < appended.size(); ++i) {
        const model::Appended& a = appended[i];
        sync::PushResult result;
        result.id = a.id;
        if (a.refused) {
            result.status = sync::PushResult::Status::Refused;
            result.code = a.refused->code;
            result.message = a.refused->message;
        } else {
            result.status =
                a.duplicate ? sync::PushResult::Status::Duplicate : sync::PushResult::Status::Accepted;
            result.seq = a.seq;
            result.verdict = model::toChangeVerdict(a.verdict);
            result.receivedMs = a.receivedMs;
            (void)m_clock.update(clocks[i]);
        }
        reply.results.push_back(std::move(result));
    }
    reply.serverTime = m_clock.now();
    reply.lastSeq = m_store->lastSeq();
    return reply;
}

Status<> RecordLog::extendIndex()
{
    for (;;) {
        const std::int64_t after = m_index.empty() ? 0 : m_index.back().seq;
        if (after >= m_store->lastSeq())
            return Ok{};
        auto headers = m_store->headersAfter(after, kScanChunk);
        if (!headers)
            return headers.error();
        if (headers->empty())
            return Ok{};
        for (model::LogEntryHeader& h : *headers) {
            const auto [it, added] = m_recordIndex.try_emplace(std::move(h.recordId),
                                                               static_cast<std::uint32_t>(m_records.size()));
            if (added)
                m_records.push_back(RecordRef{&it->first, model::kindIndex(h.recordKind), nullptr});
            const auto [site, newSite] =
                m_siteIndex.try_emplace(h.site, static_cast<std::uint32_t>(m_sites.size()));
            if (newSite)
                m_sites.push_back(h.site);
            m_index.push_back(IndexEntry{h.seq, it->second, site->second});
        }
    }
}

std::uint32_t RecordLog::siteNumber(const std::string& site) const
{
    const auto found = site.empty() ? m_siteIndex.end() : m_siteIndex.find(site);
    return found == m_siteIndex.end() ? kNoSite : found->second;
}

std::uint32_t RecordLog::siteAt(std::int64_t seq) const
{
    const auto entry = std::lower_bound(m_index.begin(), m_index.end(), seq,
                                        [](const IndexEntry& e, std::int64_t s) { return e.seq < s; });
    return entry != m_index.end() && entry->seq == seq ? entry->site : kNoSite;
}

Result<std::vector<std::string>> RecordLog::peopleSeenBy(const Principal& principal)
{
    std::lock_guard lock(m_mutex);
    if (auto st = catchUp(); !st)
        return st.error();
    if (auto st = extendIndex(); !st)
        return st.error();
    std::set<std::string> people;
    visit(principal, [&](const model::RecordKind&, const model::Record& record) {
        people.insert(record.owner);
        for (const model::HistoryEntry& h : record.history)
            people.insert(h.author);
        return false;
    });
    return std::vector<std::string>(people.begin(), people.end());
}

bool RecordLog::visit(const Principal& principal,
                      const std::function<bool(const model::RecordKind&, const model::Record&)>& f)
{
    for (std::uint32_t i = 0; i < m_records.size(); ++i) {
        const std::size_t kind = m_records[i].kind;
        const model::Record* record = kind == model::kNoKind ? nullptr : recordOf(i);
        const model::RecordKind* k = record ? model::recordKinds()[kind] : nullptr;
        if (k && k->visibleFrom(principal, record, m_store->state()) && f(*k, *record))
            return true;
    }
    return false;
}

const model::Record* RecordLog::recordOf(std::uint32_t record)
{
    RecordRef& ref = m_records[record];
    if (!ref.record && ref.kind != model::kNoKind)
        ref.record = m_store->state().stateAt(ref.kind).find(*ref.id); // the fold keeps it in place
    return ref.record;
}

void RecordLog::forgetRecords()
{
    for (RecordRef& ref : m_records)
        ref.record = nullptr;
}

Status<> RecordLog::catchUp()
{
    auto folded = m_store->catchUp();
    if (!folded)
        return folded.error();
    if (*folded > 0)
        refreshCampaigns(); // another server's changes may have changed a campaign
    return Ok{};
}

Result<sync::StoredPullReply> RecordLog::pull(const Principal& principal, std::int64_t after, int limit)
{
    std::lock_guard lock(m_mutex);
    if (auto st = catchUp(); !st)
        return st.error();
    if (auto st = extendIndex(); !st)
        return st.error();
    std::vector<std::int64_t> seqs;
    std::set<std::uint32_t> backfilled;
    std::int64_t cursor = after;
    bool more = false;
    // The caller's device confirmed its own changes from the push replies: never sent back.
    const std::uint32_t own = siteNumber(principal.site);
    auto entry = std::upper_bound(m_index.begin(), m_index.end(), after,
                                  [](std::int64_t seq, const IndexEntry& e) { return seq < e.seq; });
    for (; entry != m_index.end(); ++entry) {
        if (static_cast<int>(seqs.size()) >= limit) {
            more = true;
            break;
        }
        cursor = entry->seq;
        const RecordRef& ref = m_records[entry->record];
        if (ref.kind == model::kNoKind || entry->site == own)
            continue;
        const auto from =
            model::recordKinds()[ref.kind]->visibleFrom(principal, recordOf(entry->record), m_store->state());
        if (!from)
            continue;
        seqs.push_back(entry->seq);
        // The record entered the caller's scope after its cursor: send what came before too.
        if (*from > after && *from > 1 && backfilled.insert(entry->record).second) {
            auto earlier = m_store->seqsOfRecord(*m_records[entry->record].id, after);
            if (!earlier)
                return earlier.error();
            std::copy_if(earlier->begin(), earlier->end(), std::back_inserter(seqs),
                         [&](std::int64_t seq) { return own == kNoSite || siteAt(seq) != own; });
        }
    }
    auto changes = m_store->storedChangesAt(seqs); // payloads relayed as stored, never parsed here
    if (!changes)
        return changes.error();
    sync::StoredPullReply reply;
    reply.changes = std::move(changes).value();
    reply.cursor = std::max(cursor, reply.changes.empty() ? cursor : reply.changes.back().seq);
    reply.more = more;
    reply.serverTime = m_clock.now();
    return reply;
}

Result<std::vector<model::Appended>> RecordLog::appendTrusted(const std::vector<sync::Change>& changes)
{
    std::lock_guard lock(m_mutex);
    if (auto st = catchUp(); !st)
        return st.error();
    auto appended = m_store->append(changes);
    if (!appended)
        forgetRecords(); // the store folded its log afresh
    if (std::any_of(changes.begin(), changes.end(),
                    [](const sync::Change& c) { return c.recordKind == model::kKindCampaign; }))
        refreshCampaigns();
    return appended;
}

std::shared_ptr<const CampaignsSnapshot> RecordLog::campaignsSnapshot() const
{
    std::lock_guard lock(m_campaignsMutex);
    return m_campaigns;
}

void RecordLog::refreshCampaigns()
{
    auto fresh = std::make_shared<CampaignsSnapshot>();
    fresh->byId = model::campaigns(m_store->state());
    std::lock_guard lock(m_campaignsMutex);
    m_campaigns = std::move(fresh);
}

bool RecordLog::citesBlob(const Principal& principal, const std::string& sha256)
{
    std::lock_guard lock(m_mutex);
    (void)catchUp(); // on failure: as of the last catch-up
    if (!extendIndex())
        return false;
    return visit(principal, [&](const model::RecordKind& kind, const model::Record& record) {
        return kind.citesBlob(record, sha256);
    });
}

Result<web::json::value> RecordLog::recordView(const Principal& principal, const std::string& recordId)
{
    std::lock_guard lock(m_mutex);
    if (auto st = catchUp(); !st)
        return st.error();
    const model::Fold& state = m_store->state();
    const model::Application* app = model::findApplication(state, recordId);
    if (!app || !model::visibleFrom(principal, *app)) {
        return Error{"record_not_found",
                     "no record " + recordId + " is visible to you; check the id, or sync to see new records",
                     "id"};
    }
    web::json::value view = web::json::value::object();
    view["id"] = web::json::value::string(app->id);
    view["kind"] = web::json::value::string(model::kKindApplication);
    view["state"] = web::json::value::string(model::toString(app->state));
    view["owner"] = web::json::value::string(app->owner);
    view["campaign"] = web::json::value::string(app->campaign);
    view["unitCode"] = web::json::value::string(app->unitCode);
    view["authority"] = web::json::value::string(app->authority());
    view["digest"] = web::json::value::string(model::contentDigest(*app));
    view["paperReceived"] = web::json::value::boolean(app->paperReceived);
    view["fields"] = model::toJson(app->values);
    view["history"] = historyJson(*app);
    return view;
}

} // namespace tepei::server
