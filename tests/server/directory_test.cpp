// GET /v1/directory on the real tepei-server (R-SEC-2, issue #17 "names everywhere", issue #12
// item 7): the names behind the user ids a caller meets in their own records (each record's
// creator and the authors of its history), and nobody else's; the same on SQLite and PostgreSQL.
#include "programme.h"
#include "sync_actor.h"

#include <gtest/gtest.h>
#include <set>
#include <tepei/model/kinds/application/application_kind.h>
#include <tepei/model/samples/samples.h>
#include <tepei/sync/ids.h>

namespace {

using namespace tepei;
using test::Actor;
using test::TestServer;

const std::string kPassword = "Birch-Valley-31";

class Directory : public ::testing::Test {
protected:
    static void SetUpTestSuite()
    {
        s_server = std::make_unique<TestServer>();
        test::seedProgramme(*s_server, kPassword);
        ASSERT_TRUE(s_server->start()) << s_server->log();
        const model::Campaign campaign = test::publishCampaign(*s_server, kPassword, 5);
        // hh-applicant-1 applies; the unit approves. hh-applicant-2 and bt-applicant do nothing.
        Actor applicant(*s_server, "hh-applicant-1", kPassword, "applicant");
        Actor unit(*s_server, "hh-unit", kPassword, "unit_reviewer");
        std::mt19937_64 rng{5};
        const std::string id = sync::newUuidString();
        applicant.push({applicant.set(id, model::toJson(model::sampleApplication(
                                              rng, campaign, {"150100", "W-HH-1", "单位"}))),
                        applicant.command(id, "submit")});
        unit.sync();
        const auto reply = unit.push({unit.review(id, "unit_approve")});
        ASSERT_EQ(reply.results.at(0).status, sync::PushResult::Status::Accepted);
    }
    static void TearDownTestSuite() { s_server.reset(); }

    // The display names (here: the logins) in the directory `login` receives.
    static std::set<std::string> namesSeenBy(const std::string& login)
    {
        const auto reply = s_server->call("GET", "/v1/directory", "", {}, s_server->login(login, kPassword));
        EXPECT_EQ(reply.status, 200) << reply.body;
        std::set<std::string> names;
        const web::json::value body = reply.json();
        if (!body.has_field("people"))
            return names;
        for (const auto& person : body.at("people").as_array()) {
            EXPECT_FALSE(person.at("userId").as_string().empty());
            EXPECT_FALSE(person.at("role").as_string().empty());
            EXPECT_FALSE(person.at("orgCode").as_string().empty());
            names.insert(person.at("displayName").as_string());
        }
        return names;
    }

    static std::unique_ptr<TestServer> s_server;
};
std::unique_ptr<TestServer> Directory::s_server;

TEST_F(Directory, RSec2_EachCallerReceivesTheNamesOfThePeopleInTheirRecordsAndNobodyElse)
{
    // The campaign is everyone's: its author (the centre) is named to all.
    const std::set<std::string> applicant{"centre", "hh-applicant-1", "hh-unit"};
    EXPECT_EQ(namesSeenBy("hh-applicant-1"), applicant);
    EXPECT_EQ(namesSeenBy("hh-unit"), applicant);
    EXPECT_EQ(namesSeenBy("hh-authority"),
              (std::set<std::string>{"centre", "hh-applicant-1", "hh-authority", "hh-unit"}));
    EXPECT_EQ(namesSeenBy("centre"), applicant); // the centre sees every application
    // Nothing of 呼和浩特市's application reaches another applicant, another unit or authority.
    EXPECT_EQ(namesSeenBy("hh-applicant-2"), (std::set<std::string>{"centre", "hh-applicant-2"}));
    EXPECT_EQ(namesSeenBy("bt-unit"), (std::set<std::string>{"centre", "bt-unit"}));
    EXPECT_EQ(namesSeenBy("bt-authority"), (std::set<std::string>{"centre", "bt-authority"}));
    EXPECT_EQ(namesSeenBy("pku"), (std::set<std::string>{"centre", "pku"}));
}

TEST_F(Directory, RSec1_TheDirectoryNeedsASession)
{
    EXPECT_EQ(s_server->call("GET", "/v1/directory").status, 401);
    EXPECT_EQ(s_server->call("GET", "/v1/directory", "", {}, "not-a-token").status, 401);
}

} // namespace
