// PostgreSQL deployments (issue #16, R-DEP-2). Two tepei-server processes on one database serve
// one log (R-SYNC-1, R-SYNC-3, R-QUO-2): a session made on one is valid on the other, a pull from
// either sees every accepted change, a quota race sent to both at once leaves exactly the
// allocation standing, and a process killed mid-push loses nothing acknowledged: the retry on the
// other is answered as the log holds it. And tepei-admin store copy moves an SQLite deployment
// there intact. Runs on the PostgreSQL test cluster only (ctest's PostgreSQL.* tests).
#include "postgres_db.h"
#include "programme.h"
#include "sync_actor.h"

#include <future>
#include <gtest/gtest.h>
#include <set>
#include <signal.h>
#include <tepei/model/kinds/application/application_kind.h>
#include <tepei/model/samples/samples.h>
#include <tepei/sync/ids.h>
#include <tepei/sync/sha256.h>
#include <thread>

namespace {

using namespace tepei;
using test::Actor;
using test::TestServer;

const std::string kPassword = "Grassland-Wind-24";

class TwoServers : public ::testing::Test {
protected:
    void SetUp() override
    {
        if (!test::onPostgresql())
            GTEST_SKIP() << "two servers share a log only on PostgreSQL; ctest runs this as PostgreSQL.*";
        m_a = std::make_unique<TestServer>();
        test::seedProgramme(*m_a, kPassword);
        ASSERT_TRUE(m_a->start()) << m_a->log();
        TestServer::Options second;
        second.storeUrl = m_a->storeUrl();
        m_b = std::make_unique<TestServer>(second);
        ASSERT_TRUE(m_b->start()) << m_b->log();
        m_campaign = test::publishCampaign(*m_a, kPassword, 1); // one place for 呼和浩特市
    }

    web::json::value form(const std::string& authority, const std::string& unit, std::uint64_t seed) const
    {
        std::mt19937_64 rng{seed};
        return model::toJson(model::sampleApplication(rng, m_campaign, {authority, unit, "申报单位"}));
    }

    // An application of 呼和浩特市 submitted by `login` and approved by its unit, through server s.
    std::string unitApproved(const TestServer& s, const std::string& login, std::uint64_t seed) const
    {
        Actor applicant(s, login, kPassword, "applicant");
        Actor unit(s, "hh-unit", kPassword, "unit_reviewer");
        const std::string id = sync::newUuidString();
        applicant.push({applicant.set(id, form("150100", "W-HH-1", seed)), applicant.command(id, "submit")});
        unit.sync();
        unit.push({unit.review(id, "unit_approve")});
        return id;
    }

    std::unique_ptr<TestServer> m_a;
    std::unique_ptr<TestServer> m_b;
    model::Campaign m_campaign;
};

TEST_F(TwoServers, RSec1_ASessionMadeOnOneServerIsValidOnTheOther)
{
    const std::string token = m_a->login("hh-applicant-1", kPassword);
    ASSERT_FALSE(token.empty());
    EXPECT_EQ(m_b->call("GET", "/v1/pull?after=0&limit=10", "", {}, token).status, 200);
    EXPECT_EQ(m_b->call("POST", "/v1/logout", "", {}, token).status, 204);
    EXPECT_EQ(m_a->call("GET", "/v1/pull?after=0&limit=10", "", {}, token).status, 401); // signed out on both
}

TEST_F(TwoServers, RSync1_APullFromEitherServerSeesEveryChangeAcceptedByTheOther)
{
    Actor onA(*m_a, "hh-applicant-1", kPassword, "applicant");
    const std::string id = sync::newUuidString();
    const auto pushed = onA.push({onA.set(id, form("150100", "W-HH-1", 11))});
    ASSERT_EQ(pushed.results.at(0).status, sync::PushResult::Status::Accepted);
    Actor onB(*m_b, "hh-applicant-1", kPassword, "applicant");
    onB.sync();
    ASSERT_NE(model::findApplication(onB.view(), id), nullptr);
    // And the other way round, with the seqs of one log; the second device's edit is the later one.
    onB.setTime(1706745600000 + 3'600'000);
    const auto more = onB.push({onB.set(id, web::json::value::parse(R"({"name":"巴特尔"})"))});
    EXPECT_EQ(more.results.at(0).seq, pushed.results.at(0).seq + 1);
    onA.sync();
    EXPECT_EQ(model::findApplication(onA.view(), id)->values.at("name").as_string(), "巴特尔");
    EXPECT_EQ(onA.scopeFromTheStart(), onB.scopeFromTheStart());
}

TEST_F(TwoServers, RQuo2_AQuotaRaceSentToBothServersAtOnceLeavesExactlyTheAllocation)
{
    const std::string first = unitApproved(*m_a, "hh-applicant-1", 21);
    const std::string second = unitApproved(*m_b, "hh-applicant-2", 22);
    // Two laptops of the authority, one on each server, approve at the same moment.
    Actor onA(*m_a, "hh-authority", kPassword, "authority_reviewer");
    Actor onB(*m_b, "hh-authority", kPassword, "authority_reviewer");
    onA.sync();
    onB.sync();
    const auto approveA = onA.review(first, "authority_approve");
    const auto approveB = onB.review(second, "authority_approve");
    auto a = std::async(std::launch::async, [&] { return onA.push({approveA}); });
    auto b = std::async(std::launch::async, [&] { return onB.push({approveB}); });
    const auto ra = a.get();
    const auto rb = b.get();
    ASSERT_EQ(ra.results.at(0).status, sync::PushResult::Status::Accepted);
    ASSERT_EQ(rb.results.at(0).status, sync::PushResult::Status::Accepted);
    EXPECT_NE(ra.results[0].seq, rb.results[0].seq);
    // Both are in the log; the later one by seq is refused as over the quota, on both servers.
    for (Actor* actor : {&onA, &onB}) {
        actor->sync();
        EXPECT_EQ(model::quotaOf(actor->view(), m_campaign.id, "150100").approved, 1);
        const bool firstWon = ra.results[0].seq < rb.results[0].seq;
        EXPECT_EQ(model::findApplication(actor->view(), firstWon ? first : second)->state,
                  model::AppState::AuthorityApproved);
        EXPECT_EQ(model::findApplication(actor->view(), firstWon ? second : first)->state,
                  model::AppState::UnitApproved);
    }
    EXPECT_EQ(onA.scopeFromTheStart(), onB.scopeFromTheStart());
}

TEST_F(TwoServers, RSync3_AServerKilledMidPushLosesNothingAcknowledgedAndTheRetryOnTheOtherIsExact)
{
    Actor onA(*m_a, "bt-applicant", kPassword, "applicant");
    std::vector<sync::Change> batch;
    for (int i = 0; i < 3000; ++i)
        batch.push_back(
            onA.set(sync::newUuidString(), form("150200", "W-BT-1", 100 + static_cast<std::uint64_t>(i))));
    // Acknowledged before the kill: the first 500.
    const std::vector<sync::Change> early(batch.begin(), batch.begin() + 500);
    const auto acknowledged = onA.push(early);
    // The whole batch to A, killed while it works on it.
    auto cut = std::async(std::launch::async, [&] {
        try {
            return onA.pushRaw(batch).status;
        } catch (const std::exception&) {
            return 0; // the connection died with the process
        }
    });
    std::this_thread::sleep_for(std::chrono::milliseconds(150));
    m_a->kill9();
    // 0: the connection died with the process, before any reply (what this test is about).
    RecordProperty("cut_push_status", cut.get());
    // The device retries on the other server: every change is taken exactly once.
    Actor& onB = onA;
    onB.switchServer(*m_b);
    const auto retried = onB.push(batch);
    ASSERT_EQ(retried.results.size(), batch.size());
    for (std::size_t i = 0; i < early.size(); ++i) {
        EXPECT_EQ(retried.results[i].status, sync::PushResult::Status::Duplicate);
        EXPECT_EQ(retried.results[i].seq, acknowledged.results[i].seq);
    }
    std::set<std::int64_t> seqs;
    for (const auto& r : retried.results) {
        EXPECT_NE(r.status, sync::PushResult::Status::Refused) << r.message;
        seqs.insert(r.seq);
    }
    EXPECT_EQ(seqs.size(), batch.size()); // no change twice
    RecordProperty(
        "duplicates_on_retry",
        static_cast<int>(std::count_if(retried.results.begin(), retried.results.end(), [](const auto& r) {
            return r.status == sync::PushResult::Status::Duplicate;
        })));
    // The log has no gaps and a server started afresh on it agrees with B.
    onB.sync();
    EXPECT_EQ(onB.cursor(), retried.lastSeq);
    TestServer::Options third;
    third.storeUrl = m_b->storeUrl();
    TestServer fresh(third);
    ASSERT_TRUE(fresh.start()) << fresh.log();
    EXPECT_EQ(test::scopeFromTheStart(fresh, "centre", kPassword, "centre_officer"),
              test::scopeFromTheStart(*m_b, "centre", kPassword, "centre_officer"));
    EXPECT_EQ(test::pgQueryValue(m_b->storeUrl(), "SELECT max(seq) = count(*) FROM changes"), "t");
}

} // namespace

namespace {

using namespace tepei;
using test::Actor;
using test::TestServer;

// tepei-admin store copy moves an SQLite deployment into an empty PostgreSQL database: the same
// log (seqs, verdicts, so the same scope for everyone), the accounts and the attachments, and a
// server on the copy serves the devices as the old one did (R-DEP-2).
TEST(StoreCopy, RDep2_AnSQLiteDeploymentMovesToPostgresqlWithItsLogIntact)
{
    if (!test::onPostgresql())
        GTEST_SKIP() << "needs the PostgreSQL test cluster; ctest runs this as PostgreSQL.*";
    TestServer::Options onSqlite;
    onSqlite.storeUrl = "sqlite";
    TestServer old(onSqlite);
    test::seedProgramme(old, kPassword);
    ASSERT_TRUE(old.start()) << old.log();
    const model::Campaign campaign = test::publishCampaign(old, kPassword, 1);
    Actor applicant(old, "hh-applicant-1", kPassword, "applicant");
    const std::string id = sync::newUuidString();
    std::mt19937_64 rng{7};
    applicant.push({applicant.set(id, model::toJson(model::sampleApplication(rng, campaign,
                                                                             {"150100", "W-HH-1", "单位"}))),
                    applicant.command(id, "submit")});
    const std::string attachment = "%PDF-1.4 毕业证书 " + std::string(3000, 'x');
    const std::string sha = sync::sha256Hex(attachment);
    ASSERT_EQ(old.call("PUT", "/v1/blobs/" + sha + "?offset=0", attachment,
                       {{"X-Tepei-Blob-Size", std::to_string(attachment.size())}}, applicant.token(),
                       "application/octet-stream")
                  .status,
              200);
    const std::string scopeBefore = test::scopeFromTheStart(old, "centre", kPassword, "centre_officer");
    ASSERT_EQ(old.stop(), 0);

    const std::string url = test::newPostgresDatabase();
    const auto copied = test::runProgram(
        TEPEI_ADMIN_EXE, {"store", "copy", "--from", (old.dir() / "data").string(), "--to", url});
    ASSERT_EQ(copied.code, 0) << copied.output;
    EXPECT_NE(copied.output.find("state digest"), std::string::npos) << copied.output;
    // A second copy into the same database is refused and writes nothing.
    const auto again = test::runProgram(
        TEPEI_ADMIN_EXE, {"store", "copy", "--from", (old.dir() / "data").string(), "--to", url});
    EXPECT_EQ(again.code, 1);
    EXPECT_NE(again.output.find("holds"), std::string::npos) << again.output;

    TestServer::Options onCopy;
    onCopy.storeUrl = url;
    TestServer moved(onCopy);
    ASSERT_TRUE(moved.start()) << moved.log();
    EXPECT_EQ(test::scopeFromTheStart(moved, "centre", kPassword, "centre_officer"), scopeBefore);
    Actor again1(moved, "hh-applicant-1", kPassword, "applicant"); // the same password hash
    const auto download = moved.call("GET", "/v1/blobs/" + sha + "/content", "", {}, again1.token());
    EXPECT_EQ(download.status, 200);
    EXPECT_EQ(download.body, attachment);
    // The log goes on from the copied head.
    const auto next = again1.push({again1.set(id, web::json::value::parse(R"({"mobile":"13900000000"})"))});
    EXPECT_EQ(next.results.at(0).seq, std::stoll(test::pgQueryValue(url, "SELECT max(seq) FROM changes")));
}

} // namespace
