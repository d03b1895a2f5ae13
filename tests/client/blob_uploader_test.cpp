// R-SYNC-4 on the real tepei-server: an attachment uploads in chunks; an upload stopped half-way
// continues after a "restart" (a new replica object on the same file) from where the server
// says it stopped, and the server's copy is byte for byte the file.
#include "server_fixture.h"

#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <random>
#include <tepei/client/blobs/blob_uploader.h>
#include <tepei/client/store/replica.h>
#include <tepei/sync/sha256.h>

namespace {

using namespace tepei;
using tepei::test::TestServer;

const std::string kPassword = "Steppe-Horse-88";

std::string randomBytes(std::size_t n, unsigned seed)
{
    std::mt19937 gen(seed);
    std::string s(n, '\0');
    for (auto& c : s)
        c = static_cast<char>(gen() & 0xff);
    return s;
}

class BlobUploaderTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        m_server.seedOrgs();
        ASSERT_EQ(m_server.admin({"user", "add", "--login", "nomin", "--role", "applicant", "--org", "W1",
                                  "--name", "诺敏"},
                                 kPassword),
                  0);
        ASSERT_TRUE(m_server.start()) << m_server.log();
        m_token = m_server.login("nomin", kPassword);
        ASSERT_FALSE(m_token.empty());
        m_file = m_server.dir() / "scan.pdf";
        m_content = randomBytes(600'000, 11);
        std::ofstream(m_file, std::ios::binary) << m_content;
        m_replicaPath = (m_server.dir() / "client.sqlite").string();
    }

    std::unique_ptr<client::ClientReplica> openReplica()
    {
        return client::ClientReplica::open(m_replicaPath, sync::systemWallClock()).value();
    }

    std::shared_ptr<client::Transport> transport()
    {
        client::ServerConfig config;
        config.baseUrl = m_server.baseUri();
        return std::shared_ptr<client::Transport>(client::makeHttpTransport(config));
    }

    TestServer m_server;
    std::string m_token;
    std::filesystem::path m_file;
    std::string m_content;
    std::string m_replicaPath;
};

TEST_F(BlobUploaderTest, RSync4_StoppedUploadResumesAfterRestartAndMatchesTheFile)
{
    const std::string sha = sync::sha256Hex(m_content);
    {
        auto replica = openReplica();
        client::BlobUploader uploader(*replica, transport(), 100'000);
        auto blob = uploader.add(m_file.string());
        ASSERT_TRUE(blob) << blob.error().message;
        EXPECT_EQ(blob->sha256, sha);
        EXPECT_EQ(blob->size, 600'000);
        int chunks = 0;
        auto stopped =
            uploader.upload(sha, m_token, [&](std::int64_t, std::int64_t) { return chunks++ < 2; });
        ASSERT_FALSE(stopped);
        EXPECT_EQ(stopped.error().code, "cancelled");
    }
    auto status = m_server.call("GET", "/v1/blobs/" + sha, "", {}, m_token);
    ASSERT_EQ(status.status, 200) << status.body;
    EXPECT_EQ(status.json().at("received").as_integer(), 200'000);

    auto replica = openReplica(); // after a restart: the pending upload is still recorded
    client::BlobUploader uploader(*replica, transport(), 100'000);
    const auto pending = uploader.pending();
    ASSERT_EQ(pending.size(), 1u);
    EXPECT_EQ(pending[0].sha256, sha);
    std::vector<std::int64_t> offsets;
    auto done = uploader.upload(sha, m_token, [&](std::int64_t received, std::int64_t) {
        offsets.push_back(received);
        return true;
    });
    ASSERT_TRUE(done) << done.error().code << ": " << done.error().message;
    ASSERT_FALSE(offsets.empty());
    EXPECT_EQ(offsets.front(), 200'000); // continued where the server stopped, not from 0
    EXPECT_EQ(offsets.back(), 600'000);
    EXPECT_TRUE(uploader.pending().empty());
    EXPECT_TRUE(uploader.find(sha)->uploaded);

    auto content = m_server.call("GET", "/v1/blobs/" + sha + "/content", "", {}, m_token);
    ASSERT_EQ(content.status, 200);
    EXPECT_EQ(content.body, m_content);
    EXPECT_TRUE(uploader.upload(sha, m_token)); // done already: nothing to send
}

// R-SYNC-6: by default an attachment goes in chunks of 256 KiB (PROTOCOL.md), so that a link that
// drops loses at most that much.
TEST_F(BlobUploaderTest, RSync6_ChunksAre256KiBByDefault)
{
    auto replica = openReplica();
    client::BlobUploader uploader(*replica, transport());
    const std::string sha = sync::sha256Hex(m_content);
    ASSERT_TRUE(uploader.add(m_file.string()));
    std::vector<std::int64_t> offsets;
    ASSERT_TRUE(uploader.upload(sha, m_token, [&](std::int64_t received, std::int64_t) {
        offsets.push_back(received);
        return true;
    }));
    EXPECT_EQ(client::kDefaultChunkBytes, 256u * 1024);
    EXPECT_EQ(offsets, (std::vector<std::int64_t>{0, 262'144, 524'288, 600'000}));
}

TEST_F(BlobUploaderTest, RSync4_AChangedFileIsRefusedAndAnUnknownBlobNamed)
{
    auto replica = openReplica();
    client::BlobUploader uploader(*replica, transport());
    ASSERT_TRUE(uploader.add(m_file.string()));
    std::ofstream(m_file, std::ios::binary | std::ios::trunc) << "short";
    auto changed = uploader.upload(sync::sha256Hex(m_content), m_token);
    ASSERT_FALSE(changed);
    EXPECT_EQ(changed.error().code, "file_changed");
    auto unknown = uploader.upload(std::string(64, 'a'), m_token);
    ASSERT_FALSE(unknown);
    EXPECT_EQ(unknown.error().code, "blob_unknown");
}

TEST_F(BlobUploaderTest, RSync4_NoServerMeansOfflineAndTheUploadWaits)
{
    auto replica = openReplica();
    client::ServerConfig config;
    config.baseUrl = "http://127.0.0.1:" + std::to_string(tepei::test::freePort());
    config.timeoutSeconds = 5;
    client::BlobUploader uploader(*replica,
                                  std::shared_ptr<client::Transport>(client::makeHttpTransport(config)));
    ASSERT_TRUE(uploader.add(m_file.string()));
    auto offline = uploader.upload(sync::sha256Hex(m_content), m_token);
    ASSERT_FALSE(offline);
    EXPECT_EQ(offline.error().code, "offline");
    EXPECT_EQ(uploader.pending().size(), 1u);
}

} // namespace
