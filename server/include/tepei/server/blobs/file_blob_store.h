#pragma once
// The attachment store on disk (blob_store.h). Bytes live in files under <data>/blobs/:
// "<sha256>.part" while an upload is in progress, "<sha256>" once complete and verified. Metadata
// lives in a BlobIndex, which is authoritative: a partial file longer than the recorded count
// (a crash after write, before the index update) is cut back before the next chunk.
//
// Thread-safe: uploads are serialised by an internal mutex; reads of complete blobs are not. One
// process per data directory (the mutex is in-process).

#include <filesystem>
#include <mutex>
#include <string>
#include <string_view>
#include <tepei/server/blobs/blob_store.h>

namespace tepei::server {

class FileBlobStore final : public BlobStore {
public:
    // `index` must outlive the store. maxBlobBytes bounds the declared size of one blob.
    FileBlobStore(std::filesystem::path dir, BlobIndex& index, std::uint64_t maxBlobBytes);

    // Creates the directory. Error: "storage_error".
    Status<> open();

    Result<BlobInfo> status(const std::string& sha256) override;
    Result<BlobInfo> append(const std::string& sha256, std::uint64_t declaredSize, std::uint64_t offset,
                            std::string_view chunk, const std::string& uploaderId) override;
    Result<std::string> read(const std::string& sha256) override;
    bool isUploader(const Principal& principal, const std::string& sha256) override;
    std::uint64_t maxBlobBytes() const override { return m_maxBlobBytes; }

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
