#pragma once
// The sync engine: pushes the outbox and pulls the confirmed log in the background whenever the
// server is reachable, and on demand; retries with exponential backoff; never blocks its caller
// (R-SYNC-1, R-SYNC-5). One cycle = push pending changes in batches, then pull pages until the
// server says there is nothing more. Nothing is removed from the outbox until the server has
// either confirmed the change in the log or refused it with a reason (R-SYNC-3).
//
// Threading: start() runs the loop on its own thread; syncNow() and stop() may be called from
// any thread; the status callback is called on the sync thread (marshal it to the GUI thread).

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <tepei/client/store/replica.h>
#include <tepei/client/sync/transport.h>
#include <thread>

namespace tepei::client {

enum class SyncPhase {
    Idle,        // not started, or stopped
    Syncing,     // a cycle is running
    Synced,      // the last cycle succeeded: everything pushed and pulled at lastSyncedAtMillis
    Offline,     // the server could not be reached; retrying with backoff
    NeedsLogin,  // the session is missing or expired: sign in online again; changes are kept
    Failed,      // the server refused the exchange; retrying with backoff
    NeedsUpdate, // the server speaks a newer sync protocol (426): update tepei-client; changes are kept
};
const char* toString(SyncPhase phase);

struct SyncStatus {
    SyncPhase phase = SyncPhase::Idle;
    std::int64_t lastSyncedAtMillis = 0;
    std::size_t waiting = 0;  // changes in the outbox
    std::size_t rejected = 0; // changes the server refused at push, kept for their author
    std::string message;      // what happened and what to do, for the status line
};

struct SyncOptions {
    std::chrono::milliseconds interval{30000};    // a cycle at least this often while online
    std::chrono::milliseconds minBackoff{1000};   // first retry after a failure
    std::chrono::milliseconds maxBackoff{300000}; // retries never wait longer than this
    // Changes per push request at most (the first of a push: a quarter, so that the server starts
    // sooner). Requests adapt to the link (R-SYNC-6): one cut before its reply came halves the
    // next (down to one change); each answered one doubles it again, up to this.
    std::size_t pushBatch = 1000;
    int pullLimit = 2000;                 // changes per pull page
    std::size_t maxPushBytes = 12u << 20; // encoded push body (the server takes 16 MiB)
};

struct SyncReport {
    std::size_t pushed = 0;   // accepted or duplicate
    std::size_t refused = 0;  // refused at push
    std::size_t pulled = 0;   // changes received
    std::size_t requests = 0; // HTTP requests made
};

class SyncEngine {
public:
    SyncEngine(ClientReplica& replica, std::shared_ptr<Transport> transport, SyncOptions options = {});
    ~SyncEngine();
    SyncEngine(const SyncEngine&) = delete;
    SyncEngine& operator=(const SyncEngine&) = delete;

    void setToken(const std::string& token);
    void setStatusCallback(std::function<void(const SyncStatus&)> callback);

    // One full cycle on the calling thread (tests and tools). Errors: "offline", "session_expired",
    // the server's codes, storage errors. A failed cycle keeps every pending change.
    Result<SyncReport> syncOnce();
    // Only the push half of syncOnce(): the outbox in batches of pushSize(), in order.
    Result<SyncReport> pushPending();
    // Changes a push request carries at most now: adapts to the link (SyncOptions::pushBatch).
    std::size_t pushSize() const { return m_pushSize; }

    void start();   // background loop
    void stop();    // waits for the loop to finish its current request
    void syncNow(); // wakes the loop for a cycle now

    SyncStatus status() const;

private:
    Result<SyncReport> push(SyncReport report);
    // One push request: at most pushSize() changes of `pending` from `first` and at most
    // maxPushBytes encoded, prepared for the wire.
    struct PushBatch {
        HttpRequest http;
        std::size_t first = 0; // its first change in pending
        std::size_t end = 0;   // one past its last change in pending
    };
    // Encodes a batch straight from the outbox; nullopt when the outbox no longer starts with
    // `pending` (the next sync sends the rest).
    std::optional<PushBatch> preparePush(const std::string& token, const std::vector<sync::ChangeId>& pending,
                                         std::size_t first) const;
    // What the server said to one push request: its confirmations and refusals taken by the store
    // in one transaction (LocalStore::takePushResults), counted in the report, the server's time
    // taken. The error when it failed.
    std::optional<Error> takePushReply(Result<HttpResponse> response, SyncReport& report);
    Result<SyncReport> pull(SyncReport report);
    // After a pull that brought changes (or before the first directory): the names of the people
    // in the caller's scope (GET /v1/directory). Best effort: a failure leaves the last one.
    void refreshDirectory(const SyncReport& report);
    // One pulled page, ready for the store.
    struct Page {
        std::vector<model::PulledChange> changes;
        std::int64_t cursor = 0;
        bool more = false;
        sync::Hlc serverTime;
    };
    // Stores one decoded page (or the error that stopped it), counted in the report.
    Status<> storePage(Result<Page> page, SyncReport& report);
    // A pull reply as it arrived, with the cursor its headers announce (none when they do not).
    struct Fetched {
        HttpResponse response;
        std::optional<std::int64_t> cursor;
        bool more = false;
    };
    // GET /v1/pull after the cursor; safe to call on another thread.
    Result<Fetched> fetchPage(const std::string& token, std::int64_t after) const;
    // The fetched reply decoded and prepared for the store; safe to call on another thread.
    // Errors: the codec's, and "server_error" when the body contradicts the headers.
    Result<Page> decodePage(Fetched fetched) const;
    Error errorFrom(const HttpResponse& response) const;
    std::string token() const;
    void publish(SyncStatus status);
    void loop();

    ClientReplica& m_replica;
    std::shared_ptr<Transport> m_transport;
    SyncOptions m_options;

    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    std::string m_token;
    SyncStatus m_status;
    std::function<void(const SyncStatus&)> m_callback;
    bool m_wakeRequested = false;
    bool m_stopping = false;
    std::atomic<std::size_t> m_pushSize; // changes per push request now (R-SYNC-6)
    std::thread m_thread;
};

} // namespace tepei::client
