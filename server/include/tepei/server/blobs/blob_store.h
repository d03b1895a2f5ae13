#pragma once
// Content-addressed attachment store (R-SYNC-4): a blob is uploaded in chunks, resumable at the
// count of bytes the store holds, verified against its SHA-256 when the last byte arrives, and
// read whole once complete. Two implementations: FileBlobStore (file_blob_store.h: files under
// <data>/blobs, metadata in a BlobIndex) and PgBlobStore (postgres/pg_blob_store.h: the chunks in
// the PostgreSQL database, shared by every server on it).
//
// Contract for every implementation: safe to call from several threads at once; an append that
// returns ok is durable; two appends to one blob never interleave (the second sees the first's
// bytes). The error codes and messages below are the same on every implementation
// (src/blobs/blob_checks.h words them).

#include <cstdint>
#include <string>
#include <string_view>
#include <tepei/server/access/principal.h>
#include <tepei/server/accounts/account_store.h>

namespace tepei::server {

class BlobStore {
public:
    virtual ~BlobStore() = default;

    // Errors: "invalid_sha256", "blob_not_found".
    virtual Result<BlobInfo> status(const std::string& sha256) = 0;

    // Appends `chunk` at `offset` to the upload of a blob of `declaredSize` bytes, durably
    // (fsync) before returning. The first chunk (offset 0) starts the upload. When the last byte
    // arrives the SHA-256 is verified and the blob becomes complete. Errors:
    // "invalid_sha256", "blob_too_large" (declared size over the limit), "size_mismatch" (another
    // size was declared before), "offset_mismatch" (offset != bytes received; ask status() and
    // resume there), "chunk_beyond_size", "hash_mismatch" (content does not hash to sha256: the
    // partial upload is discarded), "storage_error".
    virtual Result<BlobInfo> append(const std::string& sha256, std::uint64_t declaredSize,
                                    std::uint64_t offset, std::string_view chunk,
                                    const std::string& uploaderId) = 0;

    // The whole content of a complete blob. Errors: "blob_not_found", "blob_incomplete",
    // "storage_error".
    virtual Result<std::string> read(const std::string& sha256) = 0;

    // Whether the principal uploaded (a chunk of) this blob. Who may read a blob is decided with
    // the records (RecordLog::citesBlob): its uploader, or whoever may see a record citing it.
    virtual bool isUploader(const Principal& principal, const std::string& sha256) = 0;

    // The bound on the declared size of one blob.
    virtual std::uint64_t maxBlobBytes() const = 0;
};

} // namespace tepei::server
