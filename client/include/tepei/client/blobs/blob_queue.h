#pragma once
// BlobQueue: the `blobs` table of a client replica, the attachments this device recorded for
// upload (by SHA-256, with their path and size) and whether the server has each one whole.
// Thread safety: under the replica's lock.

#include <optional>
#include <string>
#include <tepei/model/log/sqlite.h>
#include <vector>

namespace tepei::client {

struct LocalBlob {
    std::string sha256; // 64 lowercase hex digits
    std::string path;   // the file on this device
    std::int64_t size = 0;
    bool uploaded = false;
};

class BlobQueue {
public:
    explicit BlobQueue(model::sqlite::Database& db) : m_db(db) {}
    Status<> open();
    // Records a file (an already known blob keeps its state, takes the new path) and returns it.
    Result<LocalBlob> add(const std::string& sha256, const std::string& path, std::int64_t size);
    std::optional<LocalBlob> find(const std::string& sha256) const;
    // Those not yet uploaded whole, by hash.
    std::vector<LocalBlob> pending() const;
    Status<> markUploaded(const std::string& sha256);

private:
    model::sqlite::Database& m_db;
};

} // namespace tepei::client
