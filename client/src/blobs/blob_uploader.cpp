#include <filesystem>
#include <fstream>
#include <tepei/client/blobs/blob_uploader.h>
#include <tepei/sync/codec.h>
#include <tepei/sync/sha256.h>

namespace tepei::client {

namespace {

Error unreadable(const std::string& path)
{
    return Error{"file_unreadable", "cannot read '" + path + "'; check that the file still exists", {}};
}

Error serverError(const HttpResponse& response)
{
    return errorFromReply(response, "the upload", "it will be retried later");
}

} // namespace

BlobUploader::BlobUploader(ClientReplica& replica, std::shared_ptr<Transport> transport,
                           std::size_t chunkBytes)
    : m_replica(replica), m_transport(std::move(transport)),
      m_chunkBytes(std::min(std::max<std::size_t>(chunkBytes, 1), kMaxChunkBytes))
{}

Result<std::string> BlobUploader::hashFile(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return unreadable(path);
    sync::Sha256 hash;
    std::vector<char> buffer(64 * 1024);
    while (in) {
        in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
        hash.update(buffer.data(), static_cast<std::size_t>(in.gcount()));
    }
    if (in.bad())
        return unreadable(path);
    return hash.finishHex();
}

Result<LocalBlob> BlobUploader::add(const std::string& path)
{
    auto sha = hashFile(path);
    if (!sha)
        return sha.error();
    std::ifstream in(path, std::ios::binary | std::ios::ate);
    if (!in)
        return unreadable(path);
    const auto size = static_cast<std::int64_t>(in.tellg());
    return m_replica.withStore([&](LocalStore& store) { return store.blobs().add(*sha, path, size); });
}

std::optional<LocalBlob> BlobUploader::find(const std::string& sha256) const
{
    return m_replica.withStore([&](LocalStore& store) { return store.blobs().find(sha256); });
}

std::vector<LocalBlob> BlobUploader::pending() const
{
    return m_replica.withStore([&](LocalStore& store) { return store.blobs().pending(); });
}

Status<> BlobUploader::markUploaded(const std::string& sha256)
{
    return m_replica.withStore([&](LocalStore& store) { return store.blobs().markUploaded(sha256); });
}

Result<std::int64_t> BlobUploader::serverOffset(const std::string& sha256, const std::string& token)
{
    HttpRequest request;
    request.path = "/v1/blobs/" + sha256;
    request.token = token;
    auto response = m_transport->send(request);
    if (!response)
        return response.error();
    if (response->status == 404)
        return std::int64_t{0};
    if (response->status != 200)
        return serverError(*response);
    std::error_code ec;
    const auto json = web::json::value::parse(response->body, ec);
    if (ec || !json.is_object() || !json.has_field("received"))
        return Error{"server_error", "the server's upload status could not be read; retrying later", {}};
    if (json.has_field("complete") && json.at("complete").as_bool())
        return std::int64_t{-1};
    return static_cast<std::int64_t>(json.at("received").as_number().to_int64());
}

Status<> BlobUploader::upload(const std::string& sha256, const std::string& token, const Progress& progress)
{
    const auto blob = find(sha256);
    if (!blob)
        return Error{"blob_unknown", "this attachment is not recorded on this device; attach it again", {}};
    if (blob->uploaded)
        return Ok{};
    std::ifstream in(blob->path, std::ios::binary);
    if (!in)
        return unreadable(blob->path);
    bool restarted = false;
    auto offset = serverOffset(sha256, token);
    while (offset && *offset >= 0 && *offset < blob->size) {
        if (progress && !progress(*offset, blob->size))
            return Error{"cancelled", "the upload was paused; it continues from here next time", {}};
        std::string chunk(
            std::min<std::int64_t>(static_cast<std::int64_t>(m_chunkBytes), blob->size - *offset), '\0');
        in.clear();
        in.seekg(*offset);
        in.read(chunk.data(), static_cast<std::streamsize>(chunk.size()));
        if (in.gcount() != static_cast<std::streamsize>(chunk.size()))
            return Error{
                "file_changed", "'" + blob->path + "' changed since it was attached; attach it again", {}};
        HttpRequest put;
        put.method = "PUT";
        put.path = "/v1/blobs/" + sha256 + "?offset=" + std::to_string(*offset);
        put.token = token;
        put.contentType = "application/octet-stream";
        put.headers["X-Tepei-Blob-Size"] = std::to_string(blob->size);
        put.body = std::move(chunk);
        auto response = m_transport->send(put);
        if (!response)
            return response.error();
        if (response->status == 200) {
            offset = *offset + static_cast<std::int64_t>(put.body.size());
            continue;
        }
        const Error error = serverError(*response);
        if (error.code == "hash_mismatch" && !restarted) {
            restarted = true; // the server dropped the upload: start over once
        } else if (error.code != "offset_mismatch") {
            return error;
        }
        offset = serverOffset(sha256, token);
    }
    if (!offset)
        return offset.error();
    if (progress)
        (void)progress(blob->size, blob->size);
    return markUploaded(sha256);
}

Result<std::string> BlobUploader::download(const std::string& sha256, const std::string& token,
                                           const std::string& destPath)
{
    HttpRequest request;
    request.path = "/v1/blobs/" + sha256 + "/content";
    request.token = token;
    auto response = m_transport->send(request);
    if (!response)
        return response.error();
    if (response->status != 200)
        return errorFromReply(*response, "the download", "try again later");
    if (sync::sha256Hex(response->body) != sha256) {
        return Error{
            "download_corrupt",
            "the downloaded attachment does not match its SHA-256; open it again to download it afresh",
            {}};
    }
    const std::string partial = destPath + ".part";
    {
        std::ofstream out(partial, std::ios::binary | std::ios::trunc);
        out.write(response->body.data(), static_cast<std::streamsize>(response->body.size()));
        if (!out) {
            return Error{"file_unwritable",
                         "cannot write " + partial +
                             "; check the free disk space and the folder's permissions",
                         {}};
        }
    }
    std::error_code ec;
    std::filesystem::rename(partial, destPath, ec);
    if (ec)
        return Error{"file_unwritable", "cannot save " + destPath + ": " + ec.message(), {}};
    return destPath;
}

} // namespace tepei::client
