#pragma once
// The server's change log: the replica store of the whole log, behind the scope rules of
// R-SEC-2. Push authorizes every change against its author's principal before it may enter the
// log (a refused change never does) and folds the rest; pull returns the caller's scope only,
// each change with the server's verdict. One instance per server process; all members are
// thread-safe (a mutex serializes access to the store: the log takes one writer at a time anyway).
// Several processes may share one log (PostgreSQL): each catches up with the others' changes
// before it judges, pulls or reads.

#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <tepei/model/log/change_log.h>
#include <tepei/model/log/sqlite.h>
#include <tepei/server/access/authorize.h>
#include <tepei/server/access/principal.h>
#include <tepei/sync/codec.h>
#include <tepei/sync/hlc.h>
#include <tepei/sync/messages.h>
#include <unordered_map>
#include <vector>

namespace tepei::server {

struct CampaignsSnapshot;

class RecordLog {
public:
    // Opens (creating) the log at path. Errors: the store's. The write-ahead log is copied into
    // the database file by a thread of the log's own once it holds checkpointBytes, never inside a
    // push's commit.
    static Result<std::unique_ptr<RecordLog>>
    open(const std::string& path, sync::WallClock wall,
         std::int64_t checkpointBytes = model::sqlite::kCheckpointBytes);
    // The same over a change log already open (any implementation of model::ChangeLog).
    static Result<std::unique_ptr<RecordLog>> over(std::unique_ptr<model::ChangeLog> log,
                                                   sync::WallClock wall);
    ~RecordLog();

    // Decodes a pushed message (sync::decodePushRequest), authorizes its changes and appends them
    // in one transaction. A large message is stored while a second thread still decodes it; an
    // error anywhere in it (a malformed change near its end, storage) rolls the whole push back.
    // Errors: the codec's (bad input) and storage errors; every per-change refusal is in the reply.
    Result<sync::PushReply> push(const Principal& principal, std::string_view message,
                                 const sync::DecodeLimits& limits);

    // The caller's scope after `after`, at most `limit` changes (plus the history of records that
    // entered the scope within the page), less the changes of the caller's own device (site): it
    // confirmed those from its push replies (R-SYNC-5). The cursor passes over them all the same.
    Result<sync::StoredPullReply> pull(const Principal& principal, std::int64_t after, int limit);

    // Appends without authorization, for tepei-admin (campaigns, demo data) only.
    Result<std::vector<model::Appended>> appendTrusted(const std::vector<sync::Change>& changes);

    // Runs f(state) under the lock; f must not call back into this log. The state includes what
    // other servers on the same database appended (if the database cannot be reached, as of the
    // last time it could).
    template <class F> auto read(F&& f)
    {
        std::lock_guard lock(m_mutex);
        (void)catchUp();
        return f(m_store->state());
    }

    // The record as its folded state plus its full history, if the principal may see it.
    // Errors: "record_not_found" (also for records outside the caller's scope: no leak).
    Result<web::json::value> recordView(const Principal& principal, const std::string& recordId);

    // Whether a record visible to the principal cites the blob (RecordKind::citesBlob: an
    // application's attachments, a leave request's proof), so that the principal may download it.
    bool citesBlob(const Principal& principal, const std::string& sha256);

    sync::Hlc now() { return m_clock.now(); }

    // The people `principal` meets in their scope: the creator and every author in the history of
    // each record they may see (R-SEC-2), by user id, sorted. The directory (GET /v1/directory)
    // names exactly these, so that nobody receives a name they would not meet in their own records.
    Result<std::vector<std::string>> peopleSeenBy(const Principal& principal);

private:
    RecordLog(std::unique_ptr<model::ChangeLog> store, sync::WallClock wall);
    // The reply to a push that appended these (clocks: of each change, in order), with m_mutex held.
    sync::PushReply replyTo(const std::vector<model::Appended>& appended,
                            const std::vector<sync::Hlc>& clocks);
    // Folds what other servers on the same database appended since (model::ChangeLog::catchUp),
    // with m_mutex held.
    Status<> catchUp();
    // The log's index (below) takes in the changes appended since it was last extended.
    Status<> extendIndex();
    // An indexed record as the fold holds it, or null; looked up in the fold once, then kept.
    const model::Record* recordOf(std::uint32_t record);
    // Calls f(kind, record) for each record `principal` may see, with m_mutex held and the index
    // extended, until f returns true; returns whether it did.
    bool visit(const Principal& principal,
               const std::function<bool(const model::RecordKind&, const model::Record&)>& f);
    // The fold was folded afresh (an append failed and rolled back): the kept records go.
    void forgetRecords();
    std::shared_ptr<const CampaignsSnapshot> campaignsSnapshot() const;
    void refreshCampaigns(); // with m_mutex held, after an append that may have changed a campaign

    mutable std::mutex m_mutex;
    std::unique_ptr<model::ChangeLog> m_store;
    sync::HlcClock m_clock;
    // Which record each change of the log is about, in seq order, so that a pull finds the
    // caller's scope without reading the log's rows (about 16 bytes a change; records are
    // numbered, each with its id, its kind and its record once found).
    struct IndexEntry {
        std::int64_t seq = 0;
        std::uint32_t record = 0; // into m_records
        std::uint32_t site = 0;   // into m_sites: the device that made the change
    };
    static constexpr std::uint32_t kNoSite = ~std::uint32_t{0};
    // The index's number for a device, or kNoSite when no change of the log came from it.
    std::uint32_t siteNumber(const std::string& site) const;
    // The device that made the change at seq (kNoSite when the index has no such seq).
    std::uint32_t siteAt(std::int64_t seq) const;
    struct RecordRef {
        const std::string* id = nullptr;       // the key in m_recordIndex
        std::size_t kind = 0;                  // its kind's index in the registry
        const model::Record* record = nullptr; // null until found (its first change may have been refused)
    };
    std::vector<IndexEntry> m_index;
    std::vector<RecordRef> m_records;
    std::unordered_map<std::string, std::uint32_t> m_recordIndex;
    std::vector<std::string> m_sites;
    std::unordered_map<std::string, std::uint32_t> m_siteIndex;
    // The campaigns as of the last append: a large push checks field values against them while it
    // is decoded, before the lock is its own.
    mutable std::mutex m_campaignsMutex;
    std::shared_ptr<const CampaignsSnapshot> m_campaigns;
};

} // namespace tepei::server
