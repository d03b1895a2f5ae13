#pragma once
// What every BlobStore checks before it stores a chunk, and how it words its refusals
// (blob_store.h): in one place, so that FileBlobStore and PgBlobStore answer a client alike.

#include <cstdint>
#include <string>
#include <tepei/server/accounts/account_store.h>
#include <tepei/server/accounts/tokens.h>

namespace tepei::server::blobs {

inline Error invalidSha(const std::string& sha256)
{
    return Error{"invalid_sha256",
                 "'" + sha256.substr(0, 80) + "' is not a SHA-256 in 64 lowercase hex characters", "sha256"};
}

inline Error notFound(const std::string& sha256)
{
    return Error{"blob_not_found", "no upload of blob " + sha256 + " has started; start it with offset 0",
                 "sha256"};
}

// The checks that need no storage: "invalid_sha256", "blob_too_large".
inline Status<> checkRequest(const std::string& sha256, std::uint64_t declaredSize,
                             std::uint64_t maxBlobBytes)
{
    if (!isSha256Hex(sha256)) {
        return invalidSha(sha256);
    }
    if (declaredSize > maxBlobBytes) {
        return Error{"blob_too_large",
                     "the blob has " + std::to_string(declaredSize) + " bytes, more than the limit of " +
                         std::to_string(maxBlobBytes) + "; attach a smaller file",
                     "X-Tepei-Blob-Size"};
    }
    return Ok{};
}

// The chunk against what the store holds of its blob (`held`; for a blob the store does not know,
// an empty one of the declared size): "size_mismatch", "offset_mismatch", "chunk_beyond_size".
inline Status<> checkChunk(const BlobInfo& held, std::uint64_t declaredSize, std::uint64_t offset,
                           std::uint64_t chunkSize)
{
    if (held.size != declaredSize) {
        return Error{"size_mismatch",
                     "this blob was declared with " + std::to_string(held.size) +
                         " bytes before; send the same X-Tepei-Blob-Size",
                     "X-Tepei-Blob-Size"};
    }
    if (offset != held.received || held.complete) {
        return Error{"offset_mismatch",
                     "the server holds " + std::to_string(held.received) +
                         " bytes of this blob; resume the upload at offset " + std::to_string(held.received),
                     "offset"};
    }
    if (offset + chunkSize > held.size) {
        return Error{"chunk_beyond_size",
                     "the chunk ends after the declared size of the blob; send at most " +
                         std::to_string(held.size - offset) + " bytes",
                     "offset"};
    }
    return Ok{};
}

// The last byte arrived and the content hashes to `actual` instead.
inline Error hashMismatch(const std::string& actual, const std::string& sha256)
{
    return Error{"hash_mismatch",
                 "the uploaded bytes hash to " + actual + ", not to " + sha256 +
                     "; the upload was discarded, upload the file again from offset 0",
                 "sha256"};
}

inline Error incomplete(const BlobInfo& info)
{
    return Error{"blob_incomplete",
                 "blob " + info.sha256 + " has " + std::to_string(info.received) + " of " +
                     std::to_string(info.size) + " bytes; finish the upload first",
                 "sha256"};
}

} // namespace tepei::server::blobs
