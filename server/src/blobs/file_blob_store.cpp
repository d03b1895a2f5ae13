// FileBlobStore: attachments in files under <data>/blobs (file_blob_store.h).
#include "blob_checks.h"

#include <array>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <memory>
#include <openssl/evp.h>
#include <tepei/server/accounts/tokens.h>
#include <tepei/server/blobs/file_blob_store.h>
#include <unistd.h>

namespace tepei::server {

namespace {
Error ioError(const std::string& what, const std::filesystem::path& path)
{
    return Error{"storage_error",
                 what + " " + path.string() + " failed: " + std::strerror(errno) +
                     "; check free space and permissions of the data directory",
                 ""};
}

// Closes a file descriptor on scope exit.
struct Fd {
    int fd = -1;
    ~Fd()
    {
        if (fd >= 0) {
            ::close(fd);
        }
    }
};

Status<> syncDirectory(const std::filesystem::path& dir)
{
    Fd d{::open(dir.c_str(), O_RDONLY | O_DIRECTORY)};
    if (d.fd < 0 || ::fsync(d.fd) != 0) {
        return ioError("fsync of directory", dir);
    }
    return Ok{};
}

// Writes `data` at `offset` of `path` after cutting the file to `offset`, then fsyncs.
Status<> writeAt(const std::filesystem::path& path, std::uint64_t offset, std::string_view data)
{
    Fd f{::open(path.c_str(), O_WRONLY | O_CREAT | O_CLOEXEC, 0640)};
    if (f.fd < 0) {
        return ioError("opening", path);
    }
    if (::ftruncate(f.fd, static_cast<off_t>(offset)) != 0) {
        return ioError("truncating", path);
    }
    std::size_t done = 0;
    while (done < data.size()) {
        const auto n =
            ::pwrite(f.fd, data.data() + done, data.size() - done, static_cast<off_t>(offset + done));
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            return ioError("writing", path);
        }
        done += static_cast<std::size_t>(n);
    }
    if (::fsync(f.fd) != 0) {
        return ioError("fsync of", path);
    }
    return Ok{};
}

Result<std::string> fileSha256(const std::filesystem::path& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        return ioError("reading", path);
    }
    std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), &EVP_MD_CTX_free);
    if (!ctx || EVP_DigestInit_ex(ctx.get(), EVP_sha256(), nullptr) != 1) {
        return Error{"crypto_failure", "SHA-256 is not available in OpenSSL", ""};
    }
    std::array<char, 64 * 1024> buffer{};
    while (in) {
        in.read(buffer.data(), buffer.size());
        EVP_DigestUpdate(ctx.get(), buffer.data(), static_cast<std::size_t>(in.gcount()));
    }
    std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
    unsigned int length = 0;
    EVP_DigestFinal_ex(ctx.get(), digest.data(), &length);
    return toHex(digest.data(), length);
}
} // namespace

FileBlobStore::FileBlobStore(std::filesystem::path dir, BlobIndex& index, std::uint64_t maxBlobBytes)
    : m_dir(std::move(dir)), m_index(index), m_maxBlobBytes(maxBlobBytes)
{}

Status<> FileBlobStore::open()
{
    std::error_code ec;
    std::filesystem::create_directories(m_dir, ec);
    if (ec) {
        return Error{"storage_error", "cannot create " + m_dir.string() + ": " + ec.message(), ""};
    }
    return Ok{};
}

std::filesystem::path FileBlobStore::partPath(const std::string& sha256) const
{
    return m_dir / (sha256 + ".part");
}

std::filesystem::path FileBlobStore::finalPath(const std::string& sha256) const
{
    return m_dir / sha256;
}

Result<BlobInfo> FileBlobStore::status(const std::string& sha256)
{
    if (!isSha256Hex(sha256)) {
        return blobs::invalidSha(sha256);
    }
    auto found = m_index.findBlob(sha256);
    if (!found) {
        return found.error();
    }
    if (!*found) {
        return blobs::notFound(sha256);
    }
    return **found;
}

Result<BlobInfo> FileBlobStore::append(const std::string& sha256, std::uint64_t declaredSize,
                                       std::uint64_t offset, std::string_view chunk,
                                       const std::string& uploaderId)
{
    if (auto s = blobs::checkRequest(sha256, declaredSize, m_maxBlobBytes); !s) {
        return s.error();
    }
    std::lock_guard lock(m_mutex);
    auto found = m_index.findBlob(sha256);
    if (!found) {
        return found.error();
    }
    BlobInfo info = found->value_or(BlobInfo{sha256, declaredSize, 0, false});
    if (auto s = blobs::checkChunk(info, declaredSize, offset, chunk.size()); !s) {
        return s.error();
    }
    if (auto s = writeAt(partPath(sha256), offset, chunk); !s) {
        return s.error();
    }
    if (offset == 0) {
        if (auto s = syncDirectory(m_dir); !s) {
            return s.error();
        }
    }
    info.received += chunk.size();
    if (auto s = m_index.putBlob(info); !s) {
        return s.error();
    }
    if (auto s = m_index.addBlobUploader(sha256, uploaderId); !s) {
        return s.error();
    }
    return info.received == info.size ? finish(info) : Result<BlobInfo>(info);
}

Result<BlobInfo> FileBlobStore::finish(BlobInfo info)
{
    auto actual = fileSha256(partPath(info.sha256));
    if (!actual) {
        return actual.error();
    }
    if (*actual != info.sha256) {
        std::error_code ec;
        std::filesystem::remove(partPath(info.sha256), ec);
        if (auto s = m_index.removeBlob(info.sha256); !s) {
            return s.error();
        }
        return blobs::hashMismatch(*actual, info.sha256);
    }
    std::error_code ec;
    std::filesystem::rename(partPath(info.sha256), finalPath(info.sha256), ec);
    if (ec) {
        return Error{"storage_error", "cannot complete blob " + info.sha256 + ": " + ec.message(), ""};
    }
    if (auto s = syncDirectory(m_dir); !s) {
        return s.error();
    }
    info.complete = true;
    if (auto s = m_index.putBlob(info); !s) {
        return s.error();
    }
    return info;
}

Result<std::string> FileBlobStore::read(const std::string& sha256)
{
    auto info = status(sha256);
    if (!info) {
        return info.error();
    }
    if (!info->complete) {
        return blobs::incomplete(*info);
    }
    std::ifstream in(finalPath(sha256), std::ios::binary);
    std::string content(info->size, '\0');
    if (!in || !in.read(content.data(), static_cast<std::streamsize>(content.size()))) {
        return ioError("reading", finalPath(sha256));
    }
    return content;
}

bool FileBlobStore::isUploader(const Principal& principal, const std::string& sha256)
{
    auto uploader = m_index.isBlobUploader(sha256, principal.userId);
    return uploader.ok() && *uploader;
}

} // namespace tepei::server
