#pragma once
// Content-addressed attachment store (R-SYNC-4). Bytes live in files under <data>/blobs/:
// "<sha256>.part" while an upload is in progress, "<sha256>" once complete and verified. Metadata
// lives in a BlobIndex, which is authoritative: a partial file longer than the recorded count
// (a crash after write, before the index update) is cut back before the next chunk.
//
// Thread-safe: uploads are serialised by an internal mutex; reads of complete blobs are not.

#include <filesystem>
#include <mutex>
#include <string>
#include <string_view>
#include <tepei/server/access/principal.h>
#include <tepei/server/accounts/account_store.h>

namespace tepei::server {

class BlobStore {
public:
    // `index` must outlive the store. maxBlobBytes bounds the declared size of one blob.
    BlobStore(std::filesystem::path dir, BlobIndex& index, std::uint64_t maxBlobBytes);

    // Creates the directory. Error: "storage_error".
    Status<> open();

    // Errors: "invalid_sha256", "blob_not_found".
    Result<BlobInfo> status(const std::string& sha256);

    // Appends `chunk` at `offset` to the upload of a blob of `declaredSize` bytes, durably
    // (fsync) before returning. The first chunk (offset 0) starts the upload. When the last byte
    // arrives the SHA-256 is verified and the blob becomes complete. Errors:
    // "invalid_sha256", "blob_too_large" (declared size over the limit), "size_mismatch" (another
    // size was declared before), "offset_mismatch" (offset != bytes received; ask status() and
    // resume there), "chunk_beyond_size", "hash_mismatch" (content does not hash to sha256: the
    // partial upload is discarded), "storage_error".
    Result<BlobInfo> append(const std::string& sha256, std::uint64_t declaredSize, std::uint64_t offset,
                            std::string_view chunk, const std::string& uploaderId);

    // The whole content of a complete blob. Errors: "blob_not_found", "blob_incomplete",
    // "storage_error".
    Result<std::string> read(const std::string& sha256);

    // Whether the principal uploaded (a chunk of) this blob. Who may read a blob is decided with
    // the records (RecordLog::citesBlob): its uploader, or whoever may see a record citing it.
    bool isUploader(const Principal& principal, const std::string& sha256);

    std::uint64_t maxBlobBytes() const { return m_maxBlobBytes; }

private:
    Result<BlobInfo> finish(BlobInfo info);
    std::filesystem::path partPath(const std::string& sha256) const;
    std::filesystem::path finalPath(const std::string& sha256) const;

    std::filesystem::path m_dir;
    BlobIndex& m_index;
    std::uint64_t m_maxBlobBytes;
    std::mutex m_mutex;
};

} // namespace tepei::server
