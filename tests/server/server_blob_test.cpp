// Integration: resumable, verified attachment uploads (R-SYNC-4) and HTTPS (R-SEC-1) on the real
// tepei-server.
#include "postgres_db.h"
#include "server_fixture.h"

#include <gtest/gtest.h>
#include <random>
#include <tepei/server/accounts/tokens.h>

namespace {
using tepei::test::HttpReply;
using tepei::test::randomBytes;
using tepei::test::TestServer;

const std::string kPassword = "Steppe-Horse-88";

HttpReply put(const TestServer& server, const std::string& token, const std::string& sha, std::size_t total,
              std::size_t offset, const std::string& chunk)
{
    return server.call("PUT", "/v1/blobs/" + sha + "?offset=" + std::to_string(offset), chunk,
                       {{"X-Tepei-Blob-Size", std::to_string(total)}}, token, "application/octet-stream");
}

class BlobApi : public ::testing::Test {
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
    }
    TestServer m_server;
    std::string m_token;
};

TEST_F(BlobApi, RSync4_InterruptedUploadResumesAtTheReportedOffsetAndIsVerified)
{
    const std::string content = randomBytes(250'000, 7);
    const std::string sha = tepei::server::sha256Hex(content);
    EXPECT_EQ(m_server.call("GET", "/v1/blobs/" + sha, "", {}, m_token).code(), "blob_not_found");

    auto first = put(m_server, m_token, sha, content.size(), 0, content.substr(0, 100'000));
    ASSERT_EQ(first.status, 200) << first.body;
    EXPECT_EQ(first.json().at("received").as_integer(), 100'000);
    EXPECT_FALSE(first.json().at("complete").as_bool());

    // The connection (here: the whole server) goes away after the first chunk.
    ASSERT_EQ(m_server.stop(), 0);
    ASSERT_TRUE(m_server.start()) << m_server.log();

    const auto status = m_server.call("GET", "/v1/blobs/" + sha, "", {}, m_token);
    ASSERT_EQ(status.status, 200);
    const auto offset = static_cast<std::size_t>(status.json().at("received").as_integer());
    EXPECT_EQ(offset, 100'000u);
    EXPECT_EQ(m_server.call("GET", "/v1/blobs/" + sha + "/content", "", {}, m_token).code(),
              "blob_incomplete");

    // A client that restarts from 0 is told where to resume.
    const auto restart = put(m_server, m_token, sha, content.size(), 0, content.substr(0, 100'000));
    EXPECT_EQ(restart.status, 409);
    EXPECT_EQ(restart.code(), "offset_mismatch");
    EXPECT_EQ(restart.json().at("offset").as_integer(), 100'000);

    ASSERT_EQ(put(m_server, m_token, sha, content.size(), offset, content.substr(offset, 100'000)).status,
              200);
    const auto last = put(m_server, m_token, sha, content.size(), 200'000, content.substr(200'000));
    ASSERT_EQ(last.status, 200) << last.body;
    EXPECT_TRUE(last.json().at("complete").as_bool());
    EXPECT_EQ(last.json().at("size").as_integer(), 250'000);

    const auto download = m_server.call("GET", "/v1/blobs/" + sha + "/content", "", {}, m_token);
    ASSERT_EQ(download.status, 200);
    EXPECT_EQ(download.body, content);
    if (m_server.storeUrl().empty()) { // on SQLite the bytes are a file; on PostgreSQL, rows
        EXPECT_TRUE(std::filesystem::exists(m_server.dir() / "data" / "blobs" / sha));
    } else {
        EXPECT_EQ(tepei::test::pgQueryValue(m_server.storeUrl(),
                                            "SELECT sum(length(data)) FROM blob_chunks WHERE sha256 = '" +
                                                sha + "'"),
                  "250000");
    }
}

TEST_F(BlobApi, RSync4_ContentThatDoesNotMatchItsHashIsRefusedAndDiscarded)
{
    const std::string content = randomBytes(10'000, 1);
    const std::string claimed = tepei::server::sha256Hex("something else");
    const auto reply = put(m_server, m_token, claimed, content.size(), 0, content);
    EXPECT_EQ(reply.status, 422);
    EXPECT_EQ(reply.code(), "hash_mismatch");
    EXPECT_EQ(m_server.call("GET", "/v1/blobs/" + claimed, "", {}, m_token).code(), "blob_not_found");
    EXPECT_FALSE(std::filesystem::exists(m_server.dir() / "data" / "blobs" / (claimed + ".part")));
    if (!m_server.storeUrl().empty()) {
        EXPECT_EQ(tepei::test::pgQueryValue(m_server.storeUrl(), "SELECT count(*) FROM blob_chunks"), "0");
    }
}

TEST_F(BlobApi, RSync4_LimitsAndBadRequestsAreRefused)
{
    const std::string sha = tepei::server::sha256Hex("x");
    EXPECT_EQ(put(m_server, m_token, sha, 30u << 20, 0, "x").code(), "blob_too_large");
    EXPECT_EQ(put(m_server, m_token, sha, 5u << 20, 0, std::string((4u << 20) + 1, 'x')).code(),
              "body_too_large");
    EXPECT_EQ(put(m_server, m_token, "ABC", 1, 0, "x").code(), "invalid_sha256");
    EXPECT_EQ(put(m_server, m_token, sha, 1, 0, "xy").code(), "chunk_beyond_size");
    EXPECT_EQ(m_server.call("PUT", "/v1/blobs/" + sha, "x", {{"X-Tepei-Blob-Size", "1"}}, m_token).code(),
              "missing_field");
    EXPECT_EQ(m_server.call("PUT", "/v1/blobs/" + sha + "?offset=0", "x", {}, m_token).code(),
              "missing_field");
    EXPECT_EQ(put(m_server, "", sha, 1, 0, "x").code(), "auth_required");
    EXPECT_EQ(m_server.call("GET", "/v1/health").status, 200);
}

TEST(Https, RSec1_ServesTls12OrLaterWithAVerifiedCertificate)
{
    TestServer server({{}, true});
    server.seedOrgs();
    ASSERT_EQ(server.admin(
                  {"user", "add", "--login", "bat", "--role", "unit_reviewer", "--org", "W1", "--name", "B"},
                  kPassword),
              0);
    ASSERT_TRUE(server.start()) << server.log();
    EXPECT_EQ(server.baseUri().rfind("https://", 0), 0u);
    EXPECT_EQ(server.call("GET", "/v1/health").status, 200);
    EXPECT_FALSE(server.login("bat", kPassword).empty());

    // TLS 1.2 is accepted and TLS 1.1 refused (openssl's client, its security level lowered so
    // that it would offer TLS 1.1).
    auto probe = [&](const std::string& version) {
        return tepei::test::runProgram(
                   "/bin/sh",
                   {"-c", "echo | openssl s_client -connect " + server.baseUri().substr(8) + " " + version +
                              " -cipher DEFAULT@SECLEVEL=0 >/dev/null 2>&1; echo exit=$?"})
            .output;
    };
    EXPECT_NE(probe("-tls1_2").find("exit=0"), std::string::npos);
    EXPECT_EQ(probe("-tls1_1").find("exit=0"), std::string::npos);
}

} // namespace
