// Integration: the real tepei-admin (campaign add/list, demo) on a temporary data directory, then
// the real tepei-server on what it wrote (R-ORG-1, R-APP-1..8, R-QUO-1, R-QUO-2, R-SEC-2).
#include "server_fixture.h"

#include <fstream>
#include <gtest/gtest.h>
#include <map>
#include <set>
#include <sstream>
#include <tepei/model/campaign/campaign.h>
#include <tepei/model/kinds/application/application_kind.h>
#include <tepei/model/kinds/campaign/campaign_kind.h>
#include <tepei/server/log/record_log.h>
#include <tepei/server/storage/storage.h>
#include <tepei/sync/codec.h>

namespace {

using tepei::test::runProgram;
using tepei::test::TestServer;
namespace model = tepei::model;

const std::string kCampaignFile = std::string(TEPEI_DATA_DIR) + "/campaigns/2024.json";
constexpr const char* kDemoPassword = "tepei-demo-2024";

tepei::test::ExitResult admin(const TestServer& server, std::vector<std::string> args)
{
    args.insert(args.begin(), {"--data", (server.dir() / "data").string()});
    if (!server.storeUrl().empty())
        args.insert(args.begin() + 2, {"--store", server.storeUrl()});
    return runProgram(TEPEI_ADMIN_EXE, args, 120);
}

// The fold of the change log in the server's data directory (the server must not be running).
template <class F> auto withLog(const TestServer& server, F f)
{
    auto opened = tepei::server::openChangeLog({server.dir() / "data", server.storeUrl()}, false,
                                               tepei::sync::systemWallClock());
    EXPECT_TRUE(opened.ok()) << (opened.ok() ? "" : opened.error().message);
    return opened->log->read(f);
}

std::string readText(const std::string& path)
{
    std::ifstream in(path);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

TEST(AdminCampaign, RQuo1_CampaignAddAppendsAValidFileAndRefusesABrokenOneNamingTheField)
{
    TestServer server;
    const auto added = admin(server, {"campaign", "add", kCampaignFile});
    ASSERT_EQ(added.code, 0) << added.output;
    EXPECT_NE(added.output.find("added campaign 2024"), std::string::npos) << added.output;

    // The allocations no longer add up to the places: refused, the field named, nothing appended.
    std::string broken = readText(kCampaignFile);
    broken.replace(broken.find("\"places\": 50"), 12, "\"places\": 49");
    const auto brokenFile = (server.dir() / "broken.json").string();
    std::ofstream(brokenFile) << broken;
    const auto refused = admin(server, {"campaign", "add", brokenFile});
    EXPECT_EQ(refused.code, 1);
    EXPECT_NE(refused.output.find("places"), std::string::npos) << refused.output;
    EXPECT_NE(refused.output.find("nothing was added"), std::string::npos) << refused.output;
    const auto unreadable = admin(server, {"campaign", "add", (server.dir() / "missing.json").string()});
    EXPECT_EQ(unreadable.code, 1);
    EXPECT_NE(unreadable.output.find("missing.json"), std::string::npos) << unreadable.output;
    // The same file again adds nothing.
    EXPECT_EQ(admin(server, {"campaign", "add", kCampaignFile}).code, 0);

    const auto listed = admin(server, {"campaign", "list"});
    EXPECT_EQ(listed.code, 0);
    EXPECT_NE(listed.output.find("2024\t2024\tdeadline 2024-03-20\t50 places"), std::string::npos)
        << listed.output;
    withLog(server, [](const model::Fold& state) {
        EXPECT_EQ(state.lastSeq(), 1);
        const model::Campaign* campaign = model::findCampaign(state, "2024");
        EXPECT_TRUE(campaign && campaign->places == 50);
        return 0;
    });

    ASSERT_TRUE(server.start());
    if (!server.storeUrl().empty()) {
        // On PostgreSQL the servers and tepei-admin share the log (appends serialise in the
        // database): tepei-admin appends while the server runs (here: the same campaign, so nothing).
        const auto live = admin(server, {"campaign", "add", kCampaignFile});
        EXPECT_EQ(live.code, 0) << live.output;
        return;
    }
    // On SQLite, while the server runs it owns the change log: tepei-admin says so and writes nothing.
    const auto busy = admin(server, {"campaign", "add", kCampaignFile});
    EXPECT_EQ(busy.code, 1);
    EXPECT_NE(busy.output.find("stop that server"), std::string::npos) << busy.output;
}

class AdminDemo : public ::testing::Test {
protected:
    static void SetUpTestSuite()
    {
        s_server = new TestServer();
        s_seeded = admin(*s_server, {"demo", "--campaign", kCampaignFile});
    }
    static void TearDownTestSuite()
    {
        delete s_server;
        s_server = nullptr;
    }
    static TestServer* s_server;
    static tepei::test::ExitResult s_seeded;
};
TestServer* AdminDemo::s_server = nullptr;
tepei::test::ExitResult AdminDemo::s_seeded;

TEST_F(AdminDemo, RApp1_DemoHoldsApplicationsInEveryWorkflowStateWithinTheQuotas)
{
    ASSERT_EQ(s_seeded.code, 0) << s_seeded.output;
    withLog(*s_server, [](const model::Fold& state) {
        const model::Campaign* campaign = model::findCampaign(state, "2024");
        if (!campaign) {
            ADD_FAILURE() << "no campaign 2024 in the log";
            return 0;
        }
        std::map<model::AppState, int> states;
        std::set<std::string> authorities;
        std::set<std::string> refusals;
        int paper = 0;
        int returnsWithoutComment = 0;
        for (const auto& [id, app] : model::applications(state)) {
            ++states[app.state];
            authorities.insert(app.authority());
            paper += app.paperReceived ? 1 : 0;
            for (const auto& h : app.history) {
                if (!h.verdict.accepted) {
                    refusals.insert(h.action + ":" + h.verdict.reason.code);
                }
                if ((h.action == "unit_return" || h.action == "authority_return") && h.comment.empty()) {
                    ++returnsWithoutComment;
                }
            }
        }
        EXPECT_EQ(model::applications(state).size(), 200u);
        for (int s = 0; s <= static_cast<int>(model::AppState::Withdrawn); ++s) {
            EXPECT_GT(states[static_cast<model::AppState>(s)], 0)
                << "no application is " << model::toString(static_cast<model::AppState>(s));
        }
        EXPECT_GT(paper, 0);
        EXPECT_EQ(returnsWithoutComment, 0);
        EXPECT_EQ(authorities.size(), campaign->allocations.size()); // spread over every authority
        EXPECT_TRUE(refusals.count("authority_approve:quota_full")) << "no over-quota approval to show";
        for (const auto& allocation : campaign->allocations) {
            const auto quota = model::quotaOf(state, "2024", allocation.authorityCode);
            EXPECT_LE(quota.approved, allocation.places) << allocation.authorityCode;
        }
        return 0;
    });
}

TEST_F(AdminDemo, ROrg1_DemoPeopleOfEveryRoleLogInAndTheCentrePullsOnlySubmittedRecords)
{
    ASSERT_EQ(s_seeded.code, 0) << s_seeded.output;
    for (const char* login : {"admin", "applicant-001", "unit-150100-01", "authority-D07", "training-pku"}) {
        EXPECT_NE(s_seeded.output.find(login), std::string::npos) << "the output does not document " << login;
    }
    ASSERT_TRUE(s_server->start()) << s_server->log();
    for (const char* login : {"centre", "admin", "applicant-001", "applicant-200", "unit-150100-01",
                              "authority-D07", "training-pku"}) {
        EXPECT_FALSE(s_server->login(login, kDemoPassword).empty()) << login;
    }
    const std::string token = s_server->login("centre", kDemoPassword);
    const auto reply = s_server->call("GET", "/v1/pull?after=0&limit=5000", "", {}, token);
    ASSERT_EQ(reply.status, 200) << reply.body;
    auto page = tepei::sync::decodePullReply(reply.body);
    ASSERT_TRUE(page.ok()) << page.error().message;
    std::set<std::string> records;
    std::set<std::string> codes;
    for (const auto& c : page->changes) {
        if (c.change.recordKind == model::kKindApplication) {
            records.insert(c.change.recordId);
        }
        if (!c.verdict.accepted) {
            codes.insert(c.verdict.code);
        }
    }
    // Drafts stay with their applicants (R-SEC-2): the centre sees the rest.
    EXPECT_GT(records.size(), 150u);
    EXPECT_LT(records.size(), 200u);
    EXPECT_TRUE(codes.count("quota_full"));

    // Seeding twice refuses with a clear message and changes nothing.
    const auto again = admin(*s_server, {"demo", "--campaign", kCampaignFile});
    EXPECT_EQ(again.code, 1);
    EXPECT_NE(again.output.find("holds demo data already"), std::string::npos) << again.output;
}

TEST_F(AdminDemo, ROrg1_DemoWithForceAddsNothingTwice)
{
    ASSERT_EQ(s_seeded.code, 0) << s_seeded.output;
    s_server->stop();
    const auto before = withLog(*s_server, [](const model::Fold& state) { return state.lastSeq(); });
    const auto forced = admin(*s_server, {"demo", "--campaign", kCampaignFile, "--force"});
    ASSERT_EQ(forced.code, 0) << forced.output;
    EXPECT_NE(forced.output.find("(0 added)"), std::string::npos) << forced.output;
    EXPECT_EQ(withLog(*s_server, [](const model::Fold& state) { return state.lastSeq(); }), before);
}

} // namespace
