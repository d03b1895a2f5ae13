// PgBlobStore: attachments as chunks in PostgreSQL (pg_blob_store.h).
#include "../blobs/blob_checks.h"

#include <algorithm>
#include <tepei/server/postgres/pg.h>
#include <tepei/server/postgres/pg_blob_store.h>
#include <tepei/sync/sha256.h>

namespace tepei::server {

namespace {

// Numbered migrations of the component "blobs": entry N-1 takes the schema from version N-1 to
// N. Never edit a shipped entry; append a new one.
const std::vector<std::string_view>& migrations()
{
    static const std::vector<std::string_view> list = {
        // 1: a blob's row (as SqliteStore's blobs), its chunks, its uploaders. A chunk's bytes are
        // stored out of line and not compressed again: attachments are mostly photos and PDFs.
        R"sql(
CREATE TABLE blobs(sha256 TEXT PRIMARY KEY, size BIGINT NOT NULL, received BIGINT NOT NULL,
                   complete BOOLEAN NOT NULL);
CREATE TABLE blob_chunks(sha256 TEXT NOT NULL REFERENCES blobs(sha256) ON DELETE CASCADE,
                         "offset" BIGINT NOT NULL, data BYTEA NOT NULL, PRIMARY KEY(sha256, "offset"));
ALTER TABLE blob_chunks ALTER COLUMN data SET STORAGE EXTERNAL;
CREATE TABLE blob_uploaders(sha256 TEXT NOT NULL REFERENCES blobs(sha256) ON DELETE CASCADE,
                            user_id TEXT NOT NULL, PRIMARY KEY(sha256, user_id));
)sql",
    };
    return list;
}

std::int64_t asParam(std::uint64_t count)
{
    return static_cast<std::int64_t>(count);
}

BlobInfo readInfo(const std::string& sha256, const pg::Rows& rows)
{
    return BlobInfo{sha256, static_cast<std::uint64_t>(rows.integer(0, 0)),
                    static_cast<std::uint64_t>(rows.integer(0, 1)), rows.boolean(0, 2)};
}

// The blob's row, locked until the transaction ends: one statement inserts it for a new upload
// (of the declared size, nothing received; gone again if the transaction rolls back) or locks
// the row there is, waiting while another append holds it. (If that append discards the blob,
// PostgreSQL inserts the row afresh.)
Result<BlobInfo> lockBlob(pg::Connection& conn, const std::string& sha256, std::uint64_t declaredSize)
{
    auto rows = conn.exec("INSERT INTO blobs(sha256, size, received, complete) VALUES($1, $2, 0, false) "
                          "ON CONFLICT (sha256) DO UPDATE SET size = blobs.size "
                          "RETURNING size, received, complete",
                          {sha256, asParam(declaredSize)});
    if (!rows) {
        return rows.error();
    }
    return readInfo(sha256, *rows);
}

// Calls use(bytes) with each chunk of the blob in offset order, one chunk in memory at a time.
// Error "storage_error" if the chunks do not add up to `size` bytes.
template <class Use>
Status<> forEachChunk(pg::Connection& conn, const std::string& sha256, std::uint64_t size, Use use)
{
    std::uint64_t offset = 0;
    while (offset < size) {
        auto rows = conn.exec(R"(SELECT data FROM blob_chunks WHERE sha256 = $1 AND "offset" = $2)",
                              {sha256, asParam(offset)}, true);
        if (!rows) {
            return rows.error();
        }
        if (rows->empty() || rows->text(0, 0).empty()) {
            return Error{"storage_error",
                         "the database holds blob " + sha256 + " only up to byte " + std::to_string(offset) +
                             " of " + std::to_string(size) +
                             "; its chunks were changed outside tepei-server, restore the database from "
                             "a backup",
                         ""};
        }
        use(rows->text(0, 0));
        offset += rows->text(0, 0).size();
    }
    return Ok{};
}

// After the blob's last byte: its SHA-256 over the chunks in offset order.
Result<std::string> contentSha256(pg::Connection& conn, const BlobInfo& info)
{
    sync::Sha256 digest;
    if (auto s =
            forEachChunk(conn, info.sha256, info.size, [&](std::string_view bytes) { digest.update(bytes); });
        !s) {
        return s.error();
    }
    return digest.finishHex();
}

// Stores the chunk (the blob's row locked, the chunk checked) and the uploader; on the last byte
// verifies the content. Returns the blob as it is now, or "hash_mismatch" with the blob deleted
// in this transaction (the caller commits that).
Result<BlobInfo> storeChunk(pg::Connection& conn, BlobInfo info, std::string_view chunk,
                            const std::string& uploaderId)
{
    if (!chunk.empty()) {
        auto stored = conn.exec(R"(INSERT INTO blob_chunks(sha256, "offset", data) VALUES($1, $2, $3))",
                                {info.sha256, asParam(info.received), pg::Param::bytes(chunk)});
        if (!stored) {
            return stored.error();
        }
        info.received += chunk.size();
    }
    auto uploader =
        conn.exec("INSERT INTO blob_uploaders(sha256, user_id) VALUES($1, $2) ON CONFLICT DO NOTHING",
                  {info.sha256, uploaderId});
    if (!uploader) {
        return uploader.error();
    }
    if (info.received == info.size) {
        auto actual = contentSha256(conn, info);
        if (!actual) {
            return actual.error();
        }
        if (*actual != info.sha256) {
            if (auto gone = conn.exec("DELETE FROM blobs WHERE sha256 = $1", {info.sha256}); !gone) {
                return gone.error();
            }
            return blobs::hashMismatch(*actual, info.sha256);
        }
        info.complete = true;
    }
    auto updated = conn.exec("UPDATE blobs SET received = $2, complete = $3 WHERE sha256 = $1",
                             {info.sha256, asParam(info.received), info.complete});
    if (!updated) {
        return updated.error();
    }
    return info;
}

} // namespace

PgBlobStore::PgBlobStore(std::unique_ptr<pg::Pool> pool, std::uint64_t maxBlobBytes)
    : m_pool(std::move(pool)), m_maxBlobBytes(maxBlobBytes)
{}

PgBlobStore::~PgBlobStore() = default;

Result<std::unique_ptr<PgBlobStore>> PgBlobStore::open(const std::string& url, std::uint64_t maxBlobBytes,
                                                       int connections)
{
    auto pool = pg::Pool::open(url, std::max(connections, 1));
    if (!pool) {
        return pool.error();
    }
    {
        auto conn = (*pool)->lease();
        if (auto s = pg::migrate(*conn, "blobs", migrations()); !s) {
            return s.error();
        }
    }
    return std::unique_ptr<PgBlobStore>(new PgBlobStore(std::move(pool).value(), maxBlobBytes));
}

int PgBlobStore::latestSchemaVersion()
{
    return static_cast<int>(migrations().size());
}

Result<BlobInfo> PgBlobStore::status(const std::string& sha256)
{
    if (!isSha256Hex(sha256)) {
        return blobs::invalidSha(sha256);
    }
    auto conn = m_pool->lease();
    auto rows = conn->exec("SELECT size, received, complete FROM blobs WHERE sha256 = $1", {sha256});
    if (!rows) {
        return rows.error();
    }
    if (rows->empty()) {
        return blobs::notFound(sha256);
    }
    return readInfo(sha256, *rows);
}

Result<BlobInfo> PgBlobStore::append(const std::string& sha256, std::uint64_t declaredSize,
                                     std::uint64_t offset, std::string_view chunk,
                                     const std::string& uploaderId)
{
    if (auto s = blobs::checkRequest(sha256, declaredSize, m_maxBlobBytes); !s) {
        return s.error();
    }
    auto conn = m_pool->lease();
    auto tx = pg::Transaction::begin(*conn);
    if (!tx) {
        return tx.error();
    }
    auto held = lockBlob(*conn, sha256, declaredSize);
    if (!held) {
        return held.error();
    }
    // A refused chunk rolls back: a row lockBlob made for a new upload goes again.
    if (auto s = blobs::checkChunk(*held, declaredSize, offset, chunk.size()); !s) {
        return s.error();
    }
    auto stored = storeChunk(*conn, *held, chunk, uploaderId);
    if (!stored && stored.error().code != "hash_mismatch") {
        return stored.error();
    }
    // Committed either way: the chunk and the blob's new count, or the discarded upload.
    if (auto s = tx->commit(); !s) {
        return s.error();
    }
    return stored;
}

Result<std::string> PgBlobStore::read(const std::string& sha256)
{
    auto info = status(sha256);
    if (!info) {
        return info.error();
    }
    if (!info->complete) {
        return blobs::incomplete(*info);
    }
    // A complete blob's chunks never change: no transaction needed.
    std::string content;
    content.reserve(info->size);
    auto conn = m_pool->lease();
    if (auto s = forEachChunk(*conn, sha256, info->size, [&](std::string_view bytes) { content += bytes; });
        !s) {
        return s.error();
    }
    return content;
}

bool PgBlobStore::isUploader(const Principal& principal, const std::string& sha256)
{
    auto conn = m_pool->lease();
    auto rows = conn->exec("SELECT 1 FROM blob_uploaders WHERE sha256 = $1 AND user_id = $2",
                           {sha256, principal.userId});
    return rows.ok() && !rows->empty();
}

Status<> PgBlobStore::addUploader(const std::string& sha256, const std::string& userId)
{
    auto conn = m_pool->lease();
    auto added =
        conn->exec("INSERT INTO blob_uploaders(sha256, user_id) VALUES($1, $2) ON CONFLICT DO NOTHING",
                   {sha256, userId});
    if (!added)
        return added.error();
    return Ok{};
}

} // namespace tepei::server
