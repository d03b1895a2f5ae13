#include <tepei/server/accounts/sqlite_store.h>
#include <tepei/server/blobs/file_blob_store.h>
#include <tepei/server/postgres/pg.h>
#include <tepei/server/postgres/pg_blob_store.h>
#include <tepei/server/postgres/pg_change_log.h>
#include <tepei/server/postgres/pg_store.h>
#include <tepei/server/storage/storage.h>

namespace tepei::server {

namespace {

Error located(const Error& error, const StoreLocation& where, const std::string& what)
{
    return Error{error.code, "cannot open " + what + " in " + where.describe() + ": " + error.message,
                 where.postgres() ? "--store" : "--data"};
}

Status<> openSqlite(const StoreLocation& where, const StorageOptions& options, Storage& storage)
{
    std::error_code ec;
    std::filesystem::create_directories(where.dataDir, ec);
    auto store = SqliteStore::open(where.dataDir / "tepei.db");
    if (!store)
        return located(store.error(), where, "the account database");
    auto blobs = std::make_unique<FileBlobStore>(where.dataDir / "blobs", **store, options.maxBlobBytes);
    if (auto st = blobs->open(); !st)
        return st.error();
    storage.accounts = std::move(store).value();
    storage.blobs = std::move(blobs);
    return Ok{};
}

Status<> openPostgres(const StoreLocation& where, const StorageOptions& options, Storage& storage)
{
    auto accounts = PgStore::open(where.url, options.connections);
    if (!accounts)
        return located(accounts.error(), where, "the account tables");
    auto blobs = PgBlobStore::open(where.url, options.maxBlobBytes, options.connections);
    if (!blobs)
        return located(blobs.error(), where, "the attachment tables");
    storage.accounts = std::move(accounts).value();
    storage.blobs = std::move(blobs).value();
    return Ok{};
}

} // namespace

std::string StoreLocation::describe() const
{
    return postgres() ? "the PostgreSQL database " + pg::redacted(url)
                      : "the data directory " + dataDir.string();
}

Result<std::string> parseStoreOption(const std::string& value)
{
    if (value.empty() || value == "sqlite")
        return std::string();
    if (pg::isUrl(value))
        return value;
    return Error{"usage",
                 "--store takes 'sqlite' (the files in --data, the default) or a PostgreSQL URL such as "
                 "postgresql://tepei@db.example/tepei, not '" +
                     pg::redacted(value) + "'",
                 "--store"};
}

Result<OpenedLog> openChangeLog(const StoreLocation& where, bool forWriting, sync::WallClock wall)
{
    OpenedLog opened;
    if (where.postgres()) {
        // No process lock: appends serialise on the database's advisory lock (pg_change_log.h).
        auto log = PgChangeLog::open(where.url);
        if (!log)
            return located(log.error(), where, "the change log");
        auto records = RecordLog::over(std::move(log).value(), std::move(wall));
        if (!records)
            return located(records.error(), where, "the change log");
        opened.log = std::move(records).value();
        return opened;
    }
    if (forWriting) {
        auto lock = LogLock::acquire(where.dataDir);
        if (!lock)
            return lock.error();
        opened.lock.emplace(std::move(lock).value());
    }
    // Reading needs no lock: SQLite's WAL lets a running server keep writing meanwhile.
    auto records = RecordLog::open((where.dataDir / "records.db").string(), std::move(wall));
    if (!records)
        return located(records.error(), where, "the change log");
    opened.log = std::move(records).value();
    return opened;
}

Result<Storage> openStorage(const StoreLocation& where, const StorageOptions& options, sync::WallClock wall)
{
    Storage storage;
    const Status<> st =
        where.postgres() ? openPostgres(where, options, storage) : openSqlite(where, options, storage);
    if (!st)
        return st.error();
    if (options.withLog) {
        auto log = openChangeLog(where, true, std::move(wall));
        if (!log)
            return log.error();
        storage.logLock = std::move(log->lock);
        storage.records = std::move(log->log);
    }
    return storage;
}

} // namespace tepei::server
