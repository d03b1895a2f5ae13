// The attachment stores (R-SYNC-4) on each backend: BlobStoreTest runs every test on
// FileBlobStore (files beside a SQLite index) and, when TEPEI_TEST_PG_URL names a PostgreSQL
// server, on PgBlobStore too (pg_test_database.h; skipped otherwise; issue #16).
#include "pg_test_database.h"
#include "server_fixture.h"

#include <gtest/gtest.h>
#include <latch>
#include <random>
#include <tepei/server/accounts/sqlite_store.h>
#include <tepei/server/accounts/tokens.h>
#include <tepei/server/blobs/file_blob_store.h>
#include <tepei/server/postgres/pg_blob_store.h>
#include <thread>

namespace {
using tepei::test::randomBytes;
using namespace tepei::server;
using tepei::Error;
using tepei::test::PgTestDatabase;

enum class Backend { Files, Postgres };

constexpr std::uint64_t kMaxBlobBytes = 1u << 20;

std::string backendName(const ::testing::TestParamInfo<Backend>& info)
{
    return info.param == Backend::Files ? "Files" : "Postgres";
}

void PrintTo(Backend backend, std::ostream* out)
{
    *out << (backend == Backend::Files ? "Files" : "Postgres");
}

Principal principal(const std::string& userId)
{
    Principal p;
    p.userId = userId;
    return p;
}

class BlobStoreTest : public ::testing::TestWithParam<Backend> {
protected:
    void SetUp() override
    {
        m_dir = std::filesystem::temp_directory_path() /
                ("tepei-blob-store-test-" + std::to_string(std::random_device{}()));
        std::filesystem::create_directories(m_dir);
        if (GetParam() == Backend::Files) {
            auto index = SqliteStore::open(m_dir / "tepei.db");
            ASSERT_TRUE(index.ok()) << index.error().message;
            m_index = std::move(*index);
        } else {
            if (tepei::test::pgServerUrl().empty()) {
                GTEST_SKIP() << "set TEPEI_TEST_PG_URL=postgresql://USER@HOST:PORT to run on PostgreSQL";
            }
            auto db = PgTestDatabase::create();
            ASSERT_TRUE(db.ok()) << db.error().message;
            m_db = std::move(*db);
        }
        auto store = open();
        ASSERT_TRUE(store.ok()) << store.error().message;
        m_store = std::move(*store);
    }
    void TearDown() override
    {
        m_store.reset();
        m_index.reset();
        m_db.reset();
        std::filesystem::remove_all(m_dir);
    }
    // A store on this test's blobs: another one stands for another server process on them.
    tepei::Result<std::unique_ptr<BlobStore>> open()
    {
        if (GetParam() == Backend::Files) {
            auto files = std::make_unique<FileBlobStore>(m_dir / "blobs", *m_index, kMaxBlobBytes);
            if (auto s = files->open(); !s) {
                return s.error();
            }
            return std::unique_ptr<BlobStore>(std::move(files));
        }
        auto store = PgBlobStore::open(m_db->url(), kMaxBlobBytes, 2);
        return store ? tepei::Result<std::unique_ptr<BlobStore>>(std::move(*store)) : store.error();
    }
    // Appends content[offset, offset + size) as the next chunk.
    tepei::Result<BlobInfo> put(BlobStore& store, const std::string& content, std::size_t offset,
                                std::size_t size, const std::string& sha = "")
    {
        return store.append(sha.empty() ? sha256Hex(content) : sha, content.size(), offset,
                            std::string_view(content).substr(offset, size), "u-1");
    }

    std::filesystem::path m_dir;
    std::unique_ptr<PgTestDatabase> m_db; // outlives the store on it
    std::unique_ptr<SqliteStore> m_index; // FileBlobStore's metadata
    std::unique_ptr<BlobStore> m_store;
};

INSTANTIATE_TEST_SUITE_P(, BlobStoreTest, ::testing::Values(Backend::Files, Backend::Postgres), backendName);

TEST_P(BlobStoreTest, RSync4_AChunkedUploadIsVerifiedAndReadsBackWhole)
{
    const std::string content = randomBytes(250'000, 7);
    const std::string sha = sha256Hex(content);
    EXPECT_EQ(m_store->status(sha).error(),
              (Error{"blob_not_found", "no upload of blob " + sha + " has started; start it with offset 0",
                     "sha256"}));
    // 25 chunks of 10,000 bytes: the last one's append hashes them all in order.
    for (std::size_t offset = 0; offset < content.size(); offset += 10'000) {
        auto info = put(*m_store, content, offset, 10'000);
        ASSERT_TRUE(info.ok()) << info.error().message;
        EXPECT_EQ(info->received, offset + 10'000);
        EXPECT_EQ(info->complete, offset + 10'000 == content.size());
        if (offset == 100'000) {
            EXPECT_EQ(
                m_store->read(sha).error(),
                (Error{"blob_incomplete",
                       "blob " + sha + " has 110000 of 250000 bytes; finish the upload first", "sha256"}));
        }
    }
    auto status = m_store->status(sha);
    ASSERT_TRUE(status.ok());
    EXPECT_EQ(status->size, 250'000u);
    EXPECT_TRUE(status->complete);
    auto read = m_store->read(sha);
    ASSERT_TRUE(read.ok()) << read.error().message;
    EXPECT_EQ(*read, content);
    EXPECT_TRUE(m_store->isUploader(principal("u-1"), sha));
    EXPECT_FALSE(m_store->isUploader(principal("u-2"), sha));
    EXPECT_EQ(m_store->maxBlobBytes(), kMaxBlobBytes);

    // An empty file is a blob too.
    auto empty = m_store->append(sha256Hex(""), 0, 0, "", "u-1");
    ASSERT_TRUE(empty.ok()) << empty.error().message;
    EXPECT_TRUE(empty->complete);
    EXPECT_EQ(*m_store->read(sha256Hex("")), "");
}

TEST_P(BlobStoreTest, RSync4_AnUploadResumesWhereTheStoreSaysAfterAnOffsetMismatch)
{
    const std::string content = randomBytes(30'000, 3);
    const std::string sha = sha256Hex(content);
    ASSERT_TRUE(put(*m_store, content, 0, 12'000).ok());
    // The client lost the reply and sends the first chunk again.
    auto again = put(*m_store, content, 0, 12'000);
    ASSERT_FALSE(again.ok());
    EXPECT_EQ(
        again.error(),
        (Error{"offset_mismatch",
               "the server holds 12000 bytes of this blob; resume the upload at offset 12000", "offset"}));
    EXPECT_EQ(put(*m_store, content, 20'000, 10'000).error().code, "offset_mismatch"); // a gap
    const auto resume = m_store->status(sha)->received;
    EXPECT_EQ(resume, 12'000u);
    auto last = put(*m_store, content, resume, content.size() - resume);
    ASSERT_TRUE(last.ok()) << last.error().message;
    EXPECT_TRUE(last->complete);
    EXPECT_EQ(*m_store->read(sha), content);
    // A complete blob takes no more chunks.
    EXPECT_EQ(put(*m_store, content, 0, 10).error().code, "offset_mismatch");
    EXPECT_EQ(put(*m_store, content, content.size(), 0).error().code, "offset_mismatch");
}

TEST_P(BlobStoreTest, RSync4_ContentThatDoesNotHashToItsNameIsDiscarded)
{
    const std::string content = randomBytes(20'000, 1);
    const std::string claimed = sha256Hex("something else");
    ASSERT_TRUE(put(*m_store, content, 0, 8'000, claimed).ok());
    auto last = put(*m_store, content, 8'000, 12'000, claimed);
    ASSERT_FALSE(last.ok());
    EXPECT_EQ(last.error(),
              (Error{"hash_mismatch",
                     "the uploaded bytes hash to " + sha256Hex(content) + ", not to " + claimed +
                         "; the upload was discarded, upload the file again from offset 0",
                     "sha256"}));
    EXPECT_EQ(m_store->status(claimed).error().code, "blob_not_found");
    EXPECT_FALSE(m_store->isUploader(principal("u-1"), claimed));
    // The upload starts again from 0, and is refused again at its end.
    ASSERT_TRUE(put(*m_store, content, 0, 8'000, claimed).ok());
    EXPECT_EQ(m_store->status(claimed)->received, 8'000u);
    EXPECT_EQ(put(*m_store, content, 8'000, 12'000, claimed).error().code, "hash_mismatch");
    if (GetParam() == Backend::Files) {
        EXPECT_FALSE(std::filesystem::exists(m_dir / "blobs" / (claimed + ".part")));
    }
}

TEST_P(BlobStoreTest, RSync4_BadChunksAreRefusedWithTheSameWordsEverywhere)
{
    const std::string sha = sha256Hex("xyz");
    EXPECT_EQ(m_store->append("ABC", 3, 0, "xyz", "u-1").error(),
              (Error{"invalid_sha256", "'ABC' is not a SHA-256 in 64 lowercase hex characters", "sha256"}));
    EXPECT_EQ(m_store->status("ABC").error().code, "invalid_sha256");
    EXPECT_EQ(m_store->append(sha, kMaxBlobBytes + 1, 0, "x", "u-1").error(),
              (Error{"blob_too_large",
                     "the blob has 1048577 bytes, more than the limit of 1048576; attach a smaller file",
                     "X-Tepei-Blob-Size"}));
    EXPECT_EQ(m_store->append(sha, 3, 0, "xyzw", "u-1").error(),
              (Error{"chunk_beyond_size",
                     "the chunk ends after the declared size of the blob; send at most 3 bytes", "offset"}));
    // A refused first chunk starts no upload.
    EXPECT_EQ(m_store->status(sha).error().code, "blob_not_found");
    EXPECT_EQ(m_store->append(sha, 3, 1, "yz", "u-1").error().code, "offset_mismatch");
    EXPECT_EQ(m_store->status(sha).error().code, "blob_not_found");

    ASSERT_TRUE(m_store->append(sha, 3, 0, "x", "u-1").ok());
    EXPECT_EQ(
        m_store->append(sha, 4, 1, "yz", "u-1").error(),
        (Error{"size_mismatch", "this blob was declared with 3 bytes before; send the same X-Tepei-Blob-Size",
               "X-Tepei-Blob-Size"}));
    auto done = m_store->append(sha, 3, 1, "yz", "u-2");
    ASSERT_TRUE(done.ok()) << done.error().message;
    EXPECT_TRUE(done->complete);
    EXPECT_TRUE(m_store->isUploader(principal("u-2"), sha)); // whoever sent a chunk
}

// Two servers on one store, receiving the chunks of one upload in turn (issue #16).
TEST_P(BlobStoreTest, RSync4_TwoServersReceivingChunksOfOneBlobInTurnBuildIt)
{
    auto other = open();
    ASSERT_TRUE(other.ok()) << other.error().message;
    BlobStore* servers[] = {m_store.get(), other->get()};
    const std::string content = randomBytes(100'000, 11);
    const std::string sha = sha256Hex(content);
    for (std::size_t i = 0; i * 10'000 < content.size(); ++i) {
        auto info = put(*servers[i % 2], content, i * 10'000, 10'000);
        ASSERT_TRUE(info.ok()) << info.error().message;
        EXPECT_EQ(servers[(i + 1) % 2]->status(sha)->received, (i + 1) * 10'000);
    }
    EXPECT_EQ(*m_store->read(sha), content);
    EXPECT_EQ(*(*other)->read(sha), content);
}

// Two servers receiving the same upload at the same moment (a client that retried through
// another server): the chunks never interleave; each is stored once, the other copy refused
// with the offset to resume at (issue #16). FileBlobStore serialises appends within its process
// only; one data directory has one server (log_lock.h).
TEST_P(BlobStoreTest, RSync4_TwoServersRacingOnOneUploadNeverInterleave)
{
    if (GetParam() == Backend::Files) {
        GTEST_SKIP() << "FileBlobStore serves one process per data directory";
    }
    auto other = open();
    ASSERT_TRUE(other.ok()) << other.error().message;
    const std::string content = randomBytes(200'000, 5);
    const std::string sha = sha256Hex(content);
    int stored[2] = {0, 0};
    std::latch start(2);
    auto uploader = [&](BlobStore& store, int side) {
        start.arrive_and_wait();
        std::uint64_t offset = 0;
        while (offset < content.size()) {
            auto info = put(store, content, offset, 5'000);
            if (info) {
                ++stored[side];
                offset = info->received;
                continue;
            }
            ASSERT_EQ(info.error().code, "offset_mismatch") << info.error().message;
            auto status = store.status(sha);
            ASSERT_TRUE(status.ok()) << status.error().message;
            offset = status->received;
        }
    };
    std::thread a(uploader, std::ref(*m_store), 0);
    std::thread b(uploader, std::ref(**other), 1);
    a.join();
    b.join();
    EXPECT_EQ(stored[0] + stored[1], 40);
    auto status = m_store->status(sha);
    ASSERT_TRUE(status.ok());
    EXPECT_TRUE(status->complete);
    EXPECT_EQ(*(*other)->read(sha), content);
}

} // namespace
