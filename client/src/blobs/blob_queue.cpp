#include <tepei/client/blobs/blob_queue.h>

namespace tepei::client {

namespace {

std::optional<LocalBlob> readBlob(model::sqlite::Statement& stmt)
{
    auto row = stmt.step();
    std::optional<LocalBlob> blob;
    if (row && *row)
        blob = LocalBlob{stmt.columnText(0), stmt.columnText(1), stmt.columnInt(2), stmt.columnInt(3) != 0};
    return blob;
}

} // namespace

Status<> BlobQueue::open()
{
    static const std::vector<std::string_view> migrations{R"sql(
CREATE TABLE IF NOT EXISTS blobs (
    sha256 TEXT PRIMARY KEY,   -- a local attachment waiting for (or done with) upload
    path TEXT NOT NULL,
    size INTEGER NOT NULL,
    uploaded INTEGER NOT NULL DEFAULT 0
);)sql"};
    return model::sqlite::migrateComponent(m_db, "blobs", migrations, 1); // 1: files of the combined schema
}

Result<LocalBlob> BlobQueue::add(const std::string& sha256, const std::string& path, std::int64_t size)
{
    auto insert = m_db.cached("INSERT INTO blobs (sha256, path, size, uploaded) VALUES (?,?,?,0) "
                              "ON CONFLICT(sha256) DO UPDATE SET path = excluded.path");
    if (!insert)
        return insert.error();
    (*insert)->bind(1, sha256).bind(2, path).bind(3, size);
    if (auto st = (*insert)->run(); !st)
        return st.error();
    auto blob = find(sha256);
    if (!blob)
        return Error{"storage_error", "the attachment was not recorded; try again", {}};
    return *blob;
}

std::optional<LocalBlob> BlobQueue::find(const std::string& sha256) const
{
    auto select = m_db.cached("SELECT sha256, path, size, uploaded FROM blobs WHERE sha256 = ?");
    if (!select)
        return std::nullopt;
    (*select)->bind(1, sha256);
    auto blob = readBlob(**select);
    (*select)->reset();
    return blob;
}

std::vector<LocalBlob> BlobQueue::pending() const
{
    std::vector<LocalBlob> blobs;
    auto select =
        m_db.cached("SELECT sha256, path, size, uploaded FROM blobs WHERE uploaded = 0 ORDER BY sha256");
    if (!select)
        return blobs;
    while (auto blob = readBlob(**select))
        blobs.push_back(*blob);
    (*select)->reset();
    return blobs;
}

Status<> BlobQueue::markUploaded(const std::string& sha256)
{
    auto update = m_db.cached("UPDATE blobs SET uploaded = 1 WHERE sha256 = ?");
    if (!update)
        return update.error();
    (*update)->bind(1, sha256);
    return (*update)->run();
}

} // namespace tepei::client
