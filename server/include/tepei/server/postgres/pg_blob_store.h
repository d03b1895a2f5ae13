#pragma once
// The attachment store in PostgreSQL (blob_store.h, issue #16, R-SYNC-4): each chunk a row of
// blob_chunks (bytea) beside the blob's row in blobs and its uploaders in blob_uploaders, schema
// in numbered migrations of the component "blobs". Several tepei-server processes on one database
// share every attachment, and one backup of the database holds them with the records.
//
// An append is one transaction that first locks the blob's row (creating it for a new upload),
// so that two servers receiving chunks of one blob take turns: the second sees the first's bytes
// and is told "offset_mismatch" if it sent the same ones. The last byte's append streams the
// chunks in offset order through SHA-256 and marks the blob complete, or discards it
// ("hash_mismatch"). Same checks, codes and messages as FileBlobStore. Thread-safe: each call
// leases a connection of the pool.

#include <cstdint>
#include <memory>
#include <string>
#include <tepei/server/blobs/blob_store.h>

namespace tepei::server::pg {
class Pool;
}

namespace tepei::server {

class PgBlobStore final : public BlobStore {
public:
    // Connects `connections` times to the database at `url` (postgresql://...) and applies the
    // pending migrations of "blobs". maxBlobBytes bounds the declared size of one blob. Errors:
    // "storage_open_failed" (cannot connect), "storage_error", "migration_failed",
    // "schema_too_new" (a newer server migrated the database).
    static Result<std::unique_ptr<PgBlobStore>> open(const std::string& url, std::uint64_t maxBlobBytes,
                                                     int connections = 4);
    ~PgBlobStore() override;

    // The number of migrations of "blobs" this build knows.
    static int latestSchemaVersion();

    Result<BlobInfo> status(const std::string& sha256) override;
    Result<BlobInfo> append(const std::string& sha256, std::uint64_t declaredSize, std::uint64_t offset,
                            std::string_view chunk, const std::string& uploaderId) override;
    Result<std::string> read(const std::string& sha256) override;
    bool isUploader(const Principal& principal, const std::string& sha256) override;
    // Records one more uploader of a blob that exists (tepei-admin store copy).
    Status<> addUploader(const std::string& sha256, const std::string& userId);
    std::uint64_t maxBlobBytes() const override { return m_maxBlobBytes; }

private:
    PgBlobStore(std::unique_ptr<pg::Pool> pool, std::uint64_t maxBlobBytes);

    std::unique_ptr<pg::Pool> m_pool;
    std::uint64_t m_maxBlobBytes;
};

} // namespace tepei::server
