// A reviewer opens an applicant's attachment (R-APP-3, R-SYNC-4, R-SEC-2) on the real tepei-server:
// the client downloads it, checks it against its SHA-256 and saves it; a reviewer of another unit
// is refused and gets no file.
#include "programme.h"
#include "sync_actor.h"

#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <sstream>
#include <tepei/client/account/account.h>
#include <tepei/client/blobs/blob_uploader.h>
#include <tepei/client/store/replica.h>
#include <tepei/model/samples/samples.h>
#include <tepei/sync/ids.h>
#include <tepei/sync/sha256.h>

namespace {

using namespace tepei;
namespace fs = std::filesystem;
const std::string kPassword = "Camel-Bell-Road-3";

TEST(RApp3_Attachments, TheUnitReviewerDownloadsWhatTheApplicantCitedAnOutsiderCannot)
{
    test::TestServer server;
    test::seedProgramme(server, kPassword);
    ASSERT_TRUE(server.start()) << server.log();
    const model::Campaign campaign = test::publishCampaign(server, kPassword, 5);

    test::Actor applicant(server, "hh-applicant-1", kPassword, "applicant");
    const std::string pdf = "%PDF-1.4\n职称证书 scan " + std::string(50'000, 'x');
    const std::string sha = sync::sha256Hex(pdf);
    ASSERT_EQ(server
                  .call("PUT", "/v1/blobs/" + sha + "?offset=0", pdf,
                        {{"X-Tepei-Blob-Size", std::to_string(pdf.size())}}, applicant.token(),
                        "application/octet-stream")
                  .status,
              200);
    std::mt19937_64 rng{9};
    web::json::value fields =
        model::toJson(model::sampleApplication(rng, campaign, {"150100", "W-HH-1", "医院"}));
    web::json::value row = web::json::value::object();
    row["kind"] = web::json::value::string("title_certificate");
    row["name"] = web::json::value::string("职称证书.pdf");
    row["sha256"] = web::json::value::string(sha);
    row["type"] = web::json::value::string("application/pdf");
    row["size"] = web::json::value::number(static_cast<int>(pdf.size()));
    fields["attachments"] = web::json::value::array({row});
    const std::string id = sync::newUuidString();
    const auto pushed = applicant.push({applicant.set(id, fields), applicant.command(id, "submit")});
    ASSERT_EQ(pushed.results.at(0).status, sync::PushResult::Status::Accepted)
        << pushed.results.at(0).message;

    const fs::path dir = server.dir() / "devices";
    fs::create_directories(dir);
    auto open = [&](const std::string& login) {
        auto replica =
            client::ClientReplica::open((dir / (login + ".db")).string(), sync::systemWallClock()).value();
        auto transport = std::shared_ptr<client::Transport>(client::makeHttpTransport({server.baseUri()}));
        const auto session = client::signInOnline(*transport, *replica, login, kPassword);
        EXPECT_TRUE(session.ok());
        return std::tuple{std::move(replica), transport, session.ok() ? session->token : std::string()};
    };
    auto [unitReplica, unitTransport, unitToken] = open("hh-unit");
    client::BlobUploader unit(*unitReplica, unitTransport);
    const std::string saved = (dir / "opened.pdf").string();
    const auto downloaded = unit.download(sha, unitToken, saved);
    ASSERT_TRUE(downloaded.ok()) << downloaded.error().code << ": " << downloaded.error().message;
    std::ifstream in(saved, std::ios::binary);
    std::stringstream bytes;
    bytes << in.rdbuf();
    EXPECT_EQ(bytes.str(), pdf);

    auto [otherReplica, otherTransport, otherToken] = open("bt-unit");
    client::BlobUploader outsider(*otherReplica, otherTransport);
    const std::string refusedPath = (dir / "refused.pdf").string();
    const auto refused = outsider.download(sha, otherToken, refusedPath);
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code, "forbidden");
    EXPECT_FALSE(fs::exists(refusedPath));
}

} // namespace
