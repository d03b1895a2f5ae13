#pragma once
// ClientReplica: this device's replica of the records in its user's scope - the SQLite store
// with its outbox, the device's site id and hybrid logical clock, and the signed-in identity.
// Every local action becomes a change that is stored and queued in one transaction, so a crash,
// a restart or a failed sync never loses it (R-SYNC-3).
//
// Thread-safe: the GUI thread writes and reads while the sync thread applies pulled pages; one
// mutex guards the store. Reads take a snapshot-free callback under the lock: keep them short.

#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <tepei/client/store/local_store.h>
#include <tepei/model/command/command.h>
#include <tepei/model/fold/fold.h>
#include <tepei/sync/hlc.h>

namespace tepei::client {

struct Identity {
    std::string userId;
    std::string login;
    std::string displayName;
    std::string role; // model::Role as text, e.g. "unit_reviewer"
    std::string orgCode;
};

class ClientReplica {
public:
    // Opens (creating) the replica file. A new file gets a fresh site id.
    static Result<std::unique_ptr<ClientReplica>> open(const std::string& path, sync::WallClock wall);

    const sync::SiteId& site() const { return m_site; }
    std::optional<Identity> identity() const;
    Status<> setIdentity(const Identity& identity);

    // Local writes: set fields of a record, or issue a command on it. The change is stamped with
    // the signed-in user, this site and the next clock time, stored and queued atomically.
    // Errors: "not_signed_in", storage errors. The verdict is the tentative one.
    Result<model::Verdict> setFields(const std::string& kind, const std::string& recordId,
                                     const web::json::value& fields);
    // The command's role is the signed-in user's.
    Result<model::Verdict> command(const std::string& kind, const std::string& recordId,
                                   model::Command command);

    // Runs f(store) under the lock. f must not call back into this replica.
    template <class F> auto withStore(F&& f)
    {
        std::lock_guard lock(m_mutex);
        return f(*m_store);
    }
    template <class F> auto withStore(F&& f) const
    {
        std::lock_guard lock(m_mutex);
        return f(static_cast<const LocalStore&>(*m_store));
    }

    // Merges the server's clock (from push and pull replies).
    void observeServerTime(const sync::Hlc& serverTime);
    sync::HlcClock& clock() { return m_clock; }

private:
    ClientReplica(std::unique_ptr<LocalStore> store, sync::WallClock wall, sync::SiteId site);
    Result<model::Verdict> enqueue(sync::Change change);

    mutable std::mutex m_mutex;
    std::unique_ptr<LocalStore> m_store;
    sync::HlcClock m_clock;
    sync::SiteId m_site;
};

} // namespace tepei::client
