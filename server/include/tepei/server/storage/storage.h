#pragma once
// Where a deployment keeps its data, chosen with --store (ARCHITECTURE "Storage", docs/postgresql.md):
//   - SQLite (the default, and the demo's): files in the data directory — tepei.db (accounts,
//     sessions, blob metadata), records.db (the change log), blobs/ (attachment bytes). One
//     tepei-server process at a time (LogLock).
//   - PostgreSQL (--store postgresql://...): every table in one database, attachments included,
//     so that one backup holds everything and several tepei-server processes behind a load
//     balancer serve one log.
// tepei-server and tepei-admin open their stores here and nowhere else.

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <tepei/server/accounts/account_store.h>
#include <tepei/server/api/context.h>
#include <tepei/server/blobs/blob_store.h>
#include <tepei/server/log/log_lock.h>
#include <tepei/server/log/record_log.h>

namespace tepei::server {

struct StoreLocation {
    std::filesystem::path dataDir; // SQLite: where the files are (created if missing)
    std::string url;               // postgresql://...; empty: SQLite in dataDir

    bool postgres() const { return !url.empty(); }
    // "the data directory DIR" or "the PostgreSQL database postgresql://user@host/db" (no password).
    std::string describe() const;
};

// Parses a --store value: "sqlite" (or empty) for the data directory's files, or a PostgreSQL URL.
// Error "usage" naming the accepted forms.
Result<std::string> parseStoreOption(const std::string& value);

struct Storage {
    std::unique_ptr<AccountStore> accounts; // SQLite: also the blobs' index (SqliteStore)
    std::unique_ptr<BlobStore> blobs;
    std::optional<LogLock> logLock;     // SQLite: this process is the log's only writer while it runs
    std::unique_ptr<RecordLog> records; // null unless asked for
};

struct StorageOptions {
    bool withLog = true; // open the change log (tepei-admin's account commands need none)
    int connections = 4; // PostgreSQL: connections of the account and blob stores
    std::uint64_t maxBlobBytes = ServerLimits{}.maxBlobBytes;
};

// The change log alone (tepei-admin's campaign and demo commands). On SQLite, forWriting takes the
// single-writer lock (error "log_busy" while a tepei-server runs on the directory); reading needs
// none. On PostgreSQL no process lock is needed: appends serialise in the database.
struct OpenedLog {
    std::optional<LogLock> lock;
    std::unique_ptr<RecordLog> log;
};
Result<OpenedLog> openChangeLog(const StoreLocation& where, bool forWriting, sync::WallClock wall);

// Opens (creating and migrating) the stores. Errors: the stores' ("storage_open_failed",
// "migration_failed", "schema_too_new", "log_busy" when another process holds an SQLite log),
// each message naming the location.
Result<Storage> openStorage(const StoreLocation& where, const StorageOptions& options, sync::WallClock wall);

} // namespace tepei::server
