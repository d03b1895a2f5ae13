// An honest deadline (R-APP-7, issue #15 item 4) on the real tepei-server: the server stamps the
// time it receives every change; an action made offline before a campaign's deadline and received
// after it counts within the campaign's offline grace, and the history shows when it was made and
// when it was received; after the grace it is refused with both times; a device's clock may not go
// backwards at the server.
#include "programme.h"
#include "sync_actor.h"

#include <chrono>
#include <gtest/gtest.h>
#include <tepei/model/kinds/application/application_kind.h>
#include <tepei/model/rules/deadline.h>
#include <tepei/model/samples/samples.h>
#include <tepei/sync/ids.h>

namespace {

using namespace tepei;
using test::Actor;
using test::TestServer;

const std::string kPassword = "Deadline-Grace-7";
constexpr std::int64_t kDayMs = 24 * 60 * 60 * 1000;

std::int64_t nowMs()
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

class RApp7_Deadline : public ::testing::Test {
protected:
    static void SetUpTestSuite()
    {
        s_server = std::make_unique<TestServer>();
        test::seedProgramme(*s_server, kPassword);
        ASSERT_TRUE(s_server->start()) << s_server->log();
    }
    static void TearDownTestSuite() { s_server.reset(); }

    // A campaign of the 2024 data whose deadline was `daysAgo` days before today, with the grace
    // its data file gives (deadlineGraceDays, 7 when absent as in data/campaigns/2024.json).
    static model::Campaign publish(const std::string& id, int daysAgo)
    {
        model::Campaign campaign = test::openCampaign2024();
        campaign.id = id;
        campaign.deadline = model::addDays(model::chinaDateOf(nowMs()), -daysAgo);
        Actor centre(*s_server, "centre", kPassword, "centre_officer");
        web::json::value definition = web::json::value::object();
        definition = model::campaignPayload(campaign);
        const auto reply = centre.push({centre.set(campaign.id, definition, model::kKindCampaign)});
        EXPECT_EQ(reply.results.at(0).status, sync::PushResult::Status::Accepted) << reply.results[0].message;
        return campaign;
    }
    // The applicant's complete form for the campaign, made and submitted offline at madeMs and
    // pushed now: the submission's result.
    static sync::PushResult submitMadeAt(const model::Campaign& campaign, std::int64_t madeMs,
                                         std::string& record)
    {
        Actor applicant(*s_server, "hh-applicant-1", kPassword, "applicant");
        applicant.setTime(madeMs);
        std::mt19937_64 rng{7};
        web::json::value fields = model::toJson(
            model::sampleApplication(rng, campaign, {"150100", "W-HH-1", "呼和浩特市第一医院"}));
        record = sync::newUuidString();
        const auto reply =
            applicant.push({applicant.set(record, fields), applicant.command(record, "submit")});
        EXPECT_EQ(reply.results.size(), 2u);
        return reply.results.at(1);
    }
    static web::json::value recordView(const std::string& record)
    {
        const std::string token = s_server->login("hh-applicant-1", kPassword);
        const auto view = s_server->call("GET", "/v1/records/" + record, "", {}, token);
        EXPECT_EQ(view.status, 200) << view.body;
        return view.json();
    }

    static std::unique_ptr<TestServer> s_server;
};
std::unique_ptr<TestServer> RApp7_Deadline::s_server;

TEST_F(RApp7_Deadline, RApp7_MadeOfflineBeforeTheDeadlineAndReceivedWithinTheGraceCounts)
{
    const model::Campaign campaign = publish("grace-open", 3);
    ASSERT_EQ(campaign.deadlineGraceDays, 7);
    const std::int64_t made = nowMs() - 4 * kDayMs; // the day before the deadline, offline
    std::string record;
    const auto before = nowMs();
    const sync::PushResult submitted = submitMadeAt(campaign, made, record);
    ASSERT_EQ(submitted.status, sync::PushResult::Status::Accepted) << submitted.message;
    EXPECT_TRUE(submitted.verdict.accepted) << submitted.verdict.message;
    EXPECT_GE(submitted.receivedMs, before) << "the push reply carries the server's receive time";
    EXPECT_LE(submitted.receivedMs, nowMs());

    // The history shows both times, on the server and on every replica (the stamp travels).
    const web::json::value view = recordView(record);
    EXPECT_EQ(view.at("state").as_string(), "submitted");
    const web::json::value& last = view.at("history").as_array().at(1);
    EXPECT_EQ(last.at("action").as_string(), "submit");
    const std::int64_t stamped = sync::parseHlc(last.at("hlc").as_string())->wallMs; // made at
    EXPECT_GE(stamped, made);
    EXPECT_LT(stamped, made + 60'000);
    EXPECT_EQ(last.at("received").as_number().to_int64(), submitted.receivedMs);
    Actor phone(*s_server, "hh-applicant-1", kPassword, "applicant");
    phone.sync();
    const model::Application* app = model::findApplication(phone.view(), record);
    ASSERT_NE(app, nullptr);
    EXPECT_EQ(app->history.back().receivedMs, submitted.receivedMs);
    EXPECT_TRUE(model::lateReceipt(campaign, app->history.back().hlc.wallMs, app->history.back().receivedMs));
    test::expectConverged(phone);
}

TEST_F(RApp7_Deadline, RApp7_ReceivedAfterTheGraceIsRefusedWithBothTimes)
{
    const model::Campaign campaign = publish("grace-closed", 10);
    const std::int64_t made = nowMs() - 11 * kDayMs;
    std::string record;
    const sync::PushResult submitted = submitMadeAt(campaign, made, record);
    ASSERT_EQ(submitted.status, sync::PushResult::Status::Accepted)
        << "it enters the log, refused by the rules";
    ASSERT_FALSE(submitted.verdict.accepted);
    EXPECT_EQ(submitted.verdict.code, "deadline_passed");
    const std::string madeText = model::toString(model::chinaDateOf(made)); // its clock moved on since
    const std::string receivedText = model::chinaTimeText(submitted.receivedMs);
    for (const std::string& message : {submitted.verdict.message, submitted.verdict.messageZh}) {
        EXPECT_NE(message.find(madeText), std::string::npos) << message;
        EXPECT_NE(message.find(receivedText), std::string::npos) << message;
        EXPECT_NE(message.find("7"), std::string::npos) << message;
    }
    EXPECT_EQ(recordView(record).at("state").as_string(), "draft");

    // Made after the deadline: refused as before, whatever the grace.
    const sync::PushResult late = submitMadeAt(campaign, nowMs() - kDayMs, record);
    EXPECT_EQ(late.verdict.code, "deadline_passed");
}

TEST_F(RApp7_Deadline, RApp7_ADevicesClockMayNotGoBackwardsAtTheServer)
{
    const model::Campaign campaign = publish("clock", -30); // open for a month yet
    Actor laptop(*s_server, "hh-applicant-2", kPassword, "applicant");
    const std::int64_t t = nowMs() - kDayMs;
    laptop.setTime(t);
    const std::string record = sync::newUuidString();
    std::mt19937_64 rng{8};
    const web::json::value form =
        model::toJson(model::sampleApplication(rng, campaign, {"150100", "W-HH-1", "呼和浩特市第一医院"}));
    const sync::PushResult created = laptop.push({laptop.set(record, form)}).results.at(0);
    ASSERT_EQ(created.status, sync::PushResult::Status::Accepted) << created.message;
    web::json::value name = web::json::value::object();
    name["name"] = web::json::value::string("巴特尔");
    // A minute back is within the drift the server allows; an hour back is not.
    laptop.setTime(t - 60'000);
    EXPECT_EQ(laptop.push({laptop.set(record, name)}).results.at(0).status,
              sync::PushResult::Status::Accepted);
    laptop.setTime(t - 3'600'000);
    const sync::PushResult behind = laptop.push({laptop.set(record, name)}).results.at(0);
    EXPECT_EQ(behind.status, sync::PushResult::Status::Refused);
    EXPECT_EQ(behind.code, "clock_behind");
    EXPECT_NE(behind.message.find("Correct the device's date and time"), std::string::npos) << behind.message;
    EXPECT_NE(behind.message.find("校正本机日期和时间"), std::string::npos) << behind.message;
    // Another device of the same person has a clock of its own.
    Actor phone(*s_server, "hh-applicant-2", kPassword, "applicant");
    phone.setTime(t - 3'600'000);
    EXPECT_EQ(phone.push({phone.set(record, name)}).results.at(0).status, sync::PushResult::Status::Accepted);
}

} // namespace
