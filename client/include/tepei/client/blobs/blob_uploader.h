#pragma once
// Resumable attachment upload (R-SYNC-4, PROTOCOL.md "Blobs"). A file the user attaches is hashed
// (SHA-256, its address) and recorded in the store's `blobs` table with its path and size, so an
// upload that did not finish resumes after a restart. upload() asks the server how much it holds
// (GET /v1/blobs/{sha256}) and sends the rest in chunks of 256 KiB by default, at most 1 MiB
// (PUT ...?offset=N), so that a link that drops loses little (R-SYNC-6);
// an offset the server disagrees with (409) is re-read and continued from; a hash mismatch
// starts over once.
//
// Threading: every call blocks on disk or the network; call from a worker thread, never the GUI
// thread. Calls on different blobs may run concurrently (the store is guarded by the replica).

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <tepei/client/blobs/blob_queue.h>
#include <tepei/client/store/replica.h>
#include <tepei/client/sync/transport.h>
#include <vector>

namespace tepei::client {

inline constexpr std::size_t kMaxChunkBytes = 1024 * 1024;
inline constexpr std::size_t kDefaultChunkBytes = 256 * 1024; // PROTOCOL.md "Blobs"

class BlobUploader {
public:
    BlobUploader(ClientReplica& replica, std::shared_ptr<Transport> transport,
                 std::size_t chunkBytes = kDefaultChunkBytes);

    // SHA-256 (hex) of a file's bytes, read in pieces. Errors: "file_unreadable".
    static Result<std::string> hashFile(const std::string& path);

    // Hashes the file and records it for upload (an already known blob keeps its state).
    // Errors: "file_unreadable", storage errors.
    Result<LocalBlob> add(const std::string& path);
    std::optional<LocalBlob> find(const std::string& sha256) const;
    // Blobs recorded but not yet confirmed complete by the server: resume these.
    std::vector<LocalBlob> pending() const;

    // Called after each chunk with bytes the server holds and the total; return false to stop
    // (the upload resumes later from where it stopped).
    using Progress = std::function<bool(std::int64_t received, std::int64_t total)>;

    // Uploads the rest of a recorded blob. Errors: "offline" (resume later), "blob_unknown",
    // "file_unreadable", "file_changed" (the file no longer has this hash), "cancelled", the
    // server's codes ("too_large", "unauthorized", ...).
    Status<> upload(const std::string& sha256, const std::string& token, const Progress& progress = {});

    // Downloads a complete blob (GET /v1/blobs/{sha256}/content) to destPath, written beside it
    // first and renamed when its SHA-256 matches. Returns destPath. Errors: "offline", the
    // server's ("forbidden": the blob belongs to a record outside your scope, "blob_incomplete"),
    // "download_corrupt" (the bytes do not match the address), "file_unwritable".
    Result<std::string> download(const std::string& sha256, const std::string& token,
                                 const std::string& destPath);

private:
    Result<std::int64_t> serverOffset(const std::string& sha256, const std::string& token);
    Status<> markUploaded(const std::string& sha256);

    ClientReplica& m_replica;
    std::shared_ptr<Transport> m_transport;
    std::size_t m_chunkBytes;
};

} // namespace tepei::client
