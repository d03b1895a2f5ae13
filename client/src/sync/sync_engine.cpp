#include <algorithm>
#include <cctype>
#include <charconv>
#include <future>
#include <span>
#include <tepei/client/store/directory.h>
#include <tepei/client/sync/sync_engine.h>
#include <tepei/sync/codec.h>

namespace tepei::client {

namespace {
// What the user reads when the server speaks a newer sync protocol (426 unsupported_version).
constexpr const char* kUpdateClient = "服务器的同步协议已更新，此版本的特培客户端无法再同步：请安装新版本的 "
                                      "tepei-client 后再同步；尚未上传的更改仍保存在本机，不会丢失";
} // namespace

const char* toString(SyncPhase phase)
{
    switch (phase) {
    case SyncPhase::Idle:
        return "idle";
    case SyncPhase::Syncing:
        return "syncing";
    case SyncPhase::Synced:
        return "synced";
    case SyncPhase::Offline:
        return "offline";
    case SyncPhase::NeedsLogin:
        return "needs_login";
    case SyncPhase::Failed:
        return "failed";
    case SyncPhase::NeedsUpdate:
        return "needs_update";
    }
    return "idle";
}

SyncEngine::SyncEngine(ClientReplica& replica, std::shared_ptr<Transport> transport, SyncOptions options)
    : m_replica(replica), m_transport(std::move(transport)), m_options(options),
      m_pushSize(std::max<std::size_t>(1, options.pushBatch))
{}

SyncEngine::~SyncEngine()
{
    stop();
}

void SyncEngine::setToken(const std::string& token)
{
    std::lock_guard lock(m_mutex);
    m_token = token;
}

void SyncEngine::setStatusCallback(std::function<void(const SyncStatus&)> callback)
{
    std::lock_guard lock(m_mutex);
    m_callback = std::move(callback);
}

SyncStatus SyncEngine::status() const
{
    std::lock_guard lock(m_mutex);
    return m_status;
}

void SyncEngine::publish(SyncStatus status)
{
    status.waiting = m_replica.withStore([](const LocalStore& s) { return s.outboxSize(); });
    std::function<void(const SyncStatus&)> callback;
    {
        std::lock_guard lock(m_mutex);
        if (status.lastSyncedAtMillis == 0)
            status.lastSyncedAtMillis = m_status.lastSyncedAtMillis;
        m_status = status;
        callback = m_callback;
    }
    if (callback)
        callback(status);
}

Error SyncEngine::errorFrom(const HttpResponse& response) const
{
    return errorFromReply(response, "a sync request",
                          "it gave no explanation; your changes are kept, sync will retry later");
}

Result<SyncReport> SyncEngine::syncOnce()
{
    SyncStatus syncing;
    syncing.phase = SyncPhase::Syncing;
    syncing.message = "syncing";
    publish(syncing);
    auto pushed = push(SyncReport{});
    if (!pushed)
        return pushed.error();
    auto pulled = pull(*pushed);
    if (pulled)
        refreshDirectory(*pulled);
    return pulled;
}

void SyncEngine::refreshDirectory(const SyncReport& report)
{
    const bool none = m_replica.withStore([](const LocalStore& s) { return directoryVersion(s) == 0; });
    if (report.pulled == 0 && !none)
        return;
    HttpRequest request;
    request.path = "/v1/directory";
    request.token = token();
    auto reply = m_transport->send(m_transport->prepare(std::move(request)));
    if (reply && reply->status == 200) // an older server has none (404): names stay unknown
        (void)m_replica.withStore([&](LocalStore& s) { return storeDirectory(s, reply->body); });
}

std::string SyncEngine::token() const
{
    std::lock_guard lock(m_mutex);
    return m_token;
}

Result<SyncReport> SyncEngine::pushPending()
{
    return push(SyncReport{});
}

std::optional<SyncEngine::PushBatch> SyncEngine::preparePush(const std::string& token,
                                                             const std::vector<sync::ChangeId>& pending,
                                                             std::size_t first) const
{
    const std::size_t size =
        first == 0 ? std::min<std::size_t>(m_pushSize, std::max<std::size_t>(1, m_options.pushBatch / 4))
                   : m_pushSize.load();
    PushBatch batch;
    batch.first = first;
    batch.end = std::min(pending.size(), first + size);
    batch.http.method = "POST";
    batch.http.path = "/v1/push";
    batch.http.token = token;
    const bool unchanged = m_replica.withStore([&](const LocalStore& s) {
        // The batches before this one leave the outbox as their replies confirm them, so this one
        // starts at most a batch in: at the change that was pending[first].
        const auto& outbox = s.outbox();
        const auto start = std::find_if(outbox.begin(), outbox.end(),
                                        [&](const sync::Change& c) { return c.id == pending[first]; });
        const auto at = static_cast<std::size_t>(start - outbox.begin());
        if (start == outbox.end() || outbox.size() < at + (batch.end - first) ||
            outbox[at + (batch.end - first) - 1].id != pending[batch.end - 1])
            return false;
        for (;;) { // a batch over the bytes is halved until it fits (one change always does)
            batch.http.body =
                sync::encodePushRequest(m_replica.site(), std::span(outbox).subspan(at, batch.end - first));
            if (batch.http.body.size() <= m_options.maxPushBytes || batch.end - first == 1)
                return true;
            batch.end = first + (batch.end - first) / 2;
        }
    });
    if (!unchanged)
        return std::nullopt;
    batch.http = m_transport->prepare(std::move(batch.http));
    return batch;
}

std::optional<Error> SyncEngine::takePushReply(Result<HttpResponse> response, SyncReport& report)
{
    ++report.requests;
    if (!response)
        return response.error();
    if (response->status != 200)
        return errorFrom(*response);
    auto reply = sync::decodePushReply(response->body);
    if (!reply)
        return reply.error();
    m_replica.observeServerTime(reply->serverTime);
    std::vector<LocalStore::Confirmation> confirmed;
    std::vector<LocalStore::Refusal> refused;
    for (sync::PushResult& result : reply->results) {
        if (result.status == sync::PushResult::Status::Refused) {
            refused.push_back({result.id, Error{std::move(result.code), std::move(result.message), {}}});
        } else {
            confirmed.push_back({result.id, result.seq, std::move(result.verdict), result.receivedMs});
        }
    }
    // Confirmed from the reply, in one transaction: a pull does not send them back (R-SYNC-5).
    if (auto st = m_replica.withStore(
            [&](LocalStore& s) { return s.takePushResults(confirmed, refused, reply->serverTime.wallMs); });
        !st)
        return st.error();
    report.pushed += confirmed.size();
    report.refused += refused.size();
    return std::nullopt;
}

Result<SyncReport> SyncEngine::push(SyncReport report)
{
    const std::string token = this->token();
    if (token.empty())
        return Error{"session_expired", "sign in online to sync; your changes are kept on this device", {}};
    // The ids of what is pending now: the push sends these, in order. Only the push itself
    // removes from the outbox (each batch's changes, as its reply confirms or refuses them) and new
    // changes only join at its end, so a batch is encoded straight from the outbox; the ids prove
    // it is unchanged.
    const auto pending = m_replica.withStore([](const LocalStore& s) {
        std::vector<sync::ChangeId> ids;
        ids.reserve(s.outbox().size());
        for (const sync::Change& change : s.outbox())
            ids.push_back(change.id);
        return ids;
    });
    // Batches go one at a time and in order (a later batch may depend on an earlier one: an edit on
    // the record a create made), but the next is encoded and compressed while one is in flight.
    std::optional<PushBatch> next;
    if (!pending.empty())
        next = preparePush(token, pending, 0);
    while (next) {
        const PushBatch current = std::move(*next);
        auto inFlight =
            std::async(std::launch::async, [this, &current] { return m_transport->send(current.http); });
        next.reset();
        if (current.end < pending.size())
            next = preparePush(token, pending, current.end);
        // The batches before a failed one were answered and taken: they stay confirmed. A request
        // cut before its reply (the link dropped) makes the next one half its size; an answered one
        // lets it grow again (R-SYNC-6).
        auto failure = takePushReply(inFlight.get(), report);
        const std::size_t sent = current.end - current.first;
        if (failure) {
            if (failure->code == "offline")
                m_pushSize = std::max<std::size_t>(1, sent / 2);
            return *failure;
        }
        m_pushSize = std::min(std::max<std::size_t>(1, m_options.pushBatch), m_pushSize * 2);
    }
    return report;
}

namespace {

// A header of the response by name, ignoring case (as HTTP does); null when absent.
const std::string* header(const HttpResponse& response, std::string_view name)
{
    for (const auto& [key, value] : response.headers) {
        if (std::equal(key.begin(), key.end(), name.begin(), name.end(), [](char a, char b) {
                return std::tolower(static_cast<unsigned char>(a)) ==
                       std::tolower(static_cast<unsigned char>(b));
            }))
            return &value;
    }
    return nullptr;
}

} // namespace

Result<SyncEngine::Fetched> SyncEngine::fetchPage(const std::string& token, std::int64_t after) const
{
    HttpRequest http;
    http.path = "/v1/pull?after=" + std::to_string(after) + "&limit=" + std::to_string(m_options.pullLimit);
    http.token = token;
    auto response = m_transport->send(http);
    if (!response)
        return response.error();
    if (response->status != 200)
        return errorFrom(*response);
    Fetched fetched{std::move(response).value(), std::nullopt, false};
    // Headers that do not parse are ignored: the body says the same, only later.
    const std::string* cursor = header(fetched.response, sync::kPullCursorHeader);
    const std::string* more = header(fetched.response, sync::kPullMoreHeader);
    std::int64_t seq = 0;
    if (cursor && more && (*more == "0" || *more == "1") &&
        std::from_chars(cursor->data(), cursor->data() + cursor->size(), seq).ptr ==
            cursor->data() + cursor->size() &&
        seq >= 0) {
        fetched.cursor = seq;
        fetched.more = *more == "1";
    }
    return fetched;
}

Result<SyncEngine::Page> SyncEngine::decodePage(Fetched fetched) const
{
    std::vector<std::string> payloadTexts;
    auto reply = sync::decodePullReplyWithPayloadText(fetched.response.body, payloadTexts);
    if (!reply)
        return reply.error();
    if (fetched.cursor && (*fetched.cursor != reply->cursor || fetched.more != reply->more)) {
        const auto said = [](std::int64_t cursor, bool more) {
            return "cursor " + std::to_string(cursor) + (more ? " with more to come" : " as the last page");
        };
        return Error{"server_error",
                     "the server's pull reply names " + said(reply->cursor, reply->more) +
                         " but its headers said " + said(*fetched.cursor, fetched.more) +
                         "; nothing of it was stored, sync again later and tell the centre if it recurs",
                     {}};
    }
    // Everything the store needs that does not touch the store is done here, off the thread
    // that stores pages: verdicts, and each payload's text for the log (as the message holds it).
    Page page{{}, reply->cursor, reply->more, reply->serverTime};
    page.changes.reserve(reply->changes.size());
    for (std::size_t i = 0; i < reply->changes.size(); ++i) {
        model::PulledChange pulled{std::move(reply->changes[i]), std::nullopt, std::move(payloadTexts[i])};
        pulled.verdict = model::fromChangeVerdict(pulled.confirmed.verdict);
        page.changes.push_back(std::move(pulled));
    }
    return page;
}

Status<> SyncEngine::storePage(Result<Page> page, SyncReport& report)
{
    if (!page)
        return page.error();
    m_replica.observeServerTime(page->serverTime);
    report.pulled += page->changes.size();
    return m_replica.withStore(
        [&](LocalStore& s) { return s.applyPulled(std::move(page->changes), page->cursor); });
}

Result<SyncReport> SyncEngine::pull(SyncReport report)
{
    const std::string token = this->token();
    // Three pages at once: the next one is fetched (one request in flight at a time) while this
    // one is decoded and the one before is stored. A reply's headers name its cursor, so the next
    // request goes out before the page is decoded; a reply without them is decoded first.
    // Whatever stops the pull (a failed fetch, a page that does not decode or cannot be stored)
    // stops it after the pages before are stored; the cursor moves only with a stored page, so
    // nothing is skipped.
    const auto fetch = [this, &token](std::int64_t after) {
        return std::async(std::launch::async, [this, token, after] { return fetchPage(token, after); });
    };
    const auto store = [&](Result<Page> page) { return storePage(std::move(page), report); };
    std::future<Result<Fetched>> fetching =
        fetch(m_replica.withStore([](const LocalStore& s) { return s.pullCursor(); }));
    std::future<Result<Page>> decoded; // the page before this one, stored while this one decodes
    for (;;) {
        auto fetched = fetching.get();
        ++report.requests;
        if (!fetched) {
            if (decoded.valid()) {
                if (auto st = store(decoded.get()); !st)
                    return st.error();
            }
            return fetched.error();
        }
        const std::optional<std::int64_t> announced = fetched->cursor;
        bool more = fetched->more;
        if (announced && more)
            fetching = fetch(*announced);
        auto decoding = std::async(std::launch::async, [this, f = std::move(fetched).value()]() mutable {
            return decodePage(std::move(f));
        });
        if (decoded.valid()) {
            if (auto st = store(decoded.get()); !st)
                return st.error(); // a fetch or decode still running is awaited (and dropped) on return
        }
        if (!announced) {
            // No headers: the page's own cursor leads to the next one.
            auto page = decoding.get();
            more = page && page->more;
            if (more)
                fetching = fetch(page->cursor);
            std::promise<Result<Page>> ready;
            ready.set_value(std::move(page));
            decoding = ready.get_future();
        }
        decoded = std::move(decoding);
        if (!more)
            break;
    }
    if (auto st = store(decoded.get()); !st)
        return st.error();
    return report;
}

void SyncEngine::start()
{
    std::lock_guard lock(m_mutex);
    if (m_thread.joinable())
        return;
    m_stopping = false;
    m_thread = std::thread([this] { loop(); });
}

void SyncEngine::stop()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    if (m_thread.joinable())
        m_thread.join();
}

void SyncEngine::syncNow()
{
    {
        std::lock_guard lock(m_mutex);
        m_wakeRequested = true;
    }
    m_wake.notify_all();
}

void SyncEngine::loop()
{
    std::chrono::milliseconds backoff = m_options.minBackoff;
    for (;;) {
        auto outcome = syncOnce();
        SyncStatus status;
        std::chrono::milliseconds wait = m_options.interval;
        if (outcome) {
            status.phase = SyncPhase::Synced;
            status.lastSyncedAtMillis = m_replica.clock().last().wallMs;
            status.message = "synced";
            backoff = m_options.minBackoff;
        } else {
            const Error& error = outcome.error();
            status.message = error.message;
            if (error.code == "offline" || error.code == "server_error" || error.code == "storage_error") {
                status.phase = SyncPhase::Offline;
                wait = backoff;
                backoff = std::min(backoff * 2, m_options.maxBackoff);
            } else if (error.code == "session_expired" || error.code == "auth_required" ||
                       error.code == "unauthorized") {
                status.phase = SyncPhase::NeedsLogin;
            } else if (error.code == "unsupported_version") {
                // 426: retrying cannot help until the client is updated (PROTOCOL.md "Version").
                status.phase = SyncPhase::NeedsUpdate;
                status.message = kUpdateClient;
                wait = m_options.maxBackoff;
            } else {
                status.phase = SyncPhase::Failed;
                wait = backoff;
                backoff = std::min(backoff * 2, m_options.maxBackoff);
            }
        }
        status.rejected = m_replica.withStore([](const LocalStore& s) {
            auto rows = s.rejected();
            return rows ? rows->size() : std::size_t{0};
        });
        publish(status);
        std::unique_lock lock(m_mutex);
        m_wake.wait_for(lock, wait, [this] { return m_stopping || m_wakeRequested; });
        m_wakeRequested = false;
        if (m_stopping)
            return;
    }
}

} // namespace tepei::client
