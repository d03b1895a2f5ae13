// Leave on the real tepei-server (R-LV-1..3, R-SEC-2, R-SYNC-2): a request is seen by the trainee,
// the trainee's training unit, the trainee's work unit and the centre, and by nobody else; the
// parties decide on their own devices, offline, and sync in any order; a decision on a request
// edited since is stale and shown to its author.
#include "programme.h"
#include "sync_actor.h"

#include <gtest/gtest.h>
#include <tepei/model/kinds/application/application_kind.h>
#include <tepei/model/kinds/leave/leave_kind.h>
#include <tepei/model/samples/samples.h>
#include <tepei/sync/ids.h>
#include <tepei/sync/sha256.h>

namespace {

using namespace tepei;
using test::Actor;
using test::TestServer;

const std::string kPassword = "Grassland-Wind-24";

class LeaveJourney : public ::testing::Test {
protected:
    static void SetUpTestSuite()
    {
        s_server = std::make_unique<TestServer>();
        test::seedProgramme(*s_server, kPassword);
        // A second training unit, whose officer must see nothing of T-PKU's trainees.
        test::addSecondTrainingUnit(*s_server, kPassword);
        ASSERT_TRUE(s_server->start()) << s_server->log();
        s_campaign = test::publishCampaign(*s_server, kPassword, 5);
        s_app = admitted("hh-applicant-1", 1);
    }
    static void TearDownTestSuite() { s_server.reset(); }

    static std::string admitted(const std::string& login, std::uint64_t seed)
    {
        return test::admitTrainee(*s_server, kPassword, s_campaign, login, seed);
    }

    // A sick leave on `application` (by default the suite's trainee's).
    static sync::Change request(Actor& who, const std::string& id, const std::string& start,
                                const std::string& end, const std::string& application = s_app)
    {
        web::json::value f = web::json::value::object();
        f[model::kLeaveApplication] = web::json::value::string(application);
        f[model::kLeaveType] = web::json::value::string("sick");
        f[model::kLeaveStart] = web::json::value::string(start);
        f[model::kLeaveEnd] = web::json::value::string(end);
        f[model::kLeaveReason] = web::json::value::string("住院治疗");
        return who.set(id, f, model::kKindLeave);
    }
    // A decision made on the actor's own device, on the request as its view holds it.
    static sync::Change decision(Actor& who, const std::string& id, const char* name,
                                 const std::string& opinion)
    {
        web::json::value args = web::json::value::object();
        args["digest"] = web::json::value::string(model::leaveDigest(*model::findLeave(who.view(), id)));
        args["comment"] = web::json::value::string(opinion);
        return who.command(id, name, args, model::kKindLeave);
    }

    static std::unique_ptr<TestServer> s_server;
    static model::Campaign s_campaign;
    static std::string s_app;
};
std::unique_ptr<TestServer> LeaveJourney::s_server;
model::Campaign LeaveJourney::s_campaign;
std::string LeaveJourney::s_app;

TEST_F(LeaveJourney, RSec2_ALeaveIsSeenByTheTraineeTheTwoUnitsAndTheCentreAndByNobodyElse)
{
    const TestServer& s = *s_server;
    Actor trainee(s, "hh-applicant-1", kPassword, "applicant");
    const std::string id = sync::newUuidString();
    ASSERT_EQ(trainee.push({request(trainee, id, "2024-10-08", "2024-10-09")}).results.at(0).status,
              sync::PushResult::Status::Accepted);
    const std::vector<std::tuple<std::string, std::string, bool>> people{
        {"hh-applicant-1", "applicant", true},
        {"pku", "training_unit_officer", true},
        {"hh-unit", "unit_reviewer", true},
        {"centre", "centre_officer", true},
        {"hh-applicant-2", "applicant", false},
        {"bt-applicant", "applicant", false},
        {"bt-unit", "unit_reviewer", false},
        {"hh-authority", "authority_reviewer", false},
        {"bt-authority", "authority_reviewer", false},
        {"thu", "training_unit_officer", false}};
    for (const auto& [login, role, sees] : people) {
        Actor person(s, login, kPassword, role);
        person.sync();
        EXPECT_EQ(model::findLeave(person.view(), id) != nullptr, sees) << login;
        test::expectConverged(person);
        if (sees || role == "applicant")
            continue;
        // Nobody outside the scope may decide on it either: refused before the log, nothing leaked.
        web::json::value args = web::json::value::object();
        args["comment"] = web::json::value::string("同意");
        const auto reply = person.push({person.command(id, model::kLeaveApprove, args, model::kKindLeave)});
        EXPECT_EQ(reply.results.at(0).status, sync::PushResult::Status::Refused) << login;
        EXPECT_EQ(reply.results.at(0).code, "forbidden") << login;
    }
    // Another applicant cannot file a leave on this trainee's application.
    Actor other(s, "hh-applicant-2", kPassword, "applicant");
    const auto forged = other.push({request(other, sync::newUuidString(), "2024-10-08", "2024-10-09")});
    EXPECT_EQ(forged.results.at(0).code, "forbidden");
}

TEST_F(LeaveJourney, RLv2_ElevenToThirtyDaysDecidedOfflineOnThreeDevicesInAnyOrder)
{
    const TestServer& s = *s_server;
    Actor trainee(s, "hh-applicant-1", kPassword, "applicant");
    Actor school(s, "pku", kPassword, "training_unit_officer");
    Actor unit(s, "hh-unit", kPassword, "unit_reviewer");
    Actor centre(s, "centre", kPassword, "centre_officer");
    const std::string id = sync::newUuidString();
    trainee.push({request(trainee, id, "2024-10-08", "2024-10-25")}); // 18 days
    school.sync();
    unit.sync();
    centre.sync();
    // Both units decide offline; the work unit's laptop reaches the server first.
    const auto bySchool = decision(school, id, model::kLeaveApprove, "同意，课程由导师安排补上");
    const auto byUnit = decision(unit, id, model::kLeaveApprove, "同意");
    // The centre, too early: its approval enters the log refused (it decides after both units).
    const auto early = decision(centre, id, model::kLeaveApprove, "同意");
    EXPECT_EQ(centre.push({early}).results.at(0).status, sync::PushResult::Status::Accepted);
    unit.push({byUnit});
    school.push({bySchool});
    const auto pulled = centre.sync();
    const auto* tooEarly = test::findChange(pulled, early.id);
    ASSERT_NE(tooEarly, nullptr);
    EXPECT_EQ(tooEarly->verdict.code, "leave_not_yet");
    EXPECT_EQ(model::awaitingParties(centre.view(), *model::findLeave(centre.view(), id)),
              (std::vector<model::LeaveParty>{model::LeaveParty::Centre}));
    centre.push({decision(centre, id, model::kLeaveApprove, "同意")});
    for (Actor* person : {&trainee, &school, &unit, &centre}) {
        person->sync();
        EXPECT_EQ(model::findLeave(person->view(), id)->status, model::LeaveStatus::Approved);
        test::expectConverged(*person);
    }
}

TEST_F(LeaveJourney, RLv2_UpToTenDaysTheTrainingUnitDecidesAndTheOthersFileItInAnyOrder)
{
    const TestServer& s = *s_server;
    Actor trainee(s, "hh-applicant-1", kPassword, "applicant");
    Actor school(s, "pku", kPassword, "training_unit_officer");
    Actor unit(s, "hh-unit", kPassword, "unit_reviewer");
    Actor centre(s, "centre", kPassword, "centre_officer");
    const std::string shortLeave = sync::newUuidString();
    const std::string longer = sync::newUuidString();
    trainee.push({request(trainee, shortLeave, "2024-12-02", "2024-12-04"), // 3 days
                  request(trainee, longer, "2024-12-09", "2024-12-18")});   // 10 days
    school.sync();
    unit.sync();
    // The work unit tries to decide the 3-day one offline: not its decision, refused at its place.
    const auto notTheirs = decision(unit, shortLeave, model::kLeaveApprove, "同意");
    const auto approveShort = decision(school, shortLeave, model::kLeaveApprove, "同意");
    const auto approveLonger = decision(school, longer, model::kLeaveApprove, "同意，课程顺延");
    school.push({approveLonger, approveShort});
    unit.push({notTheirs});
    const auto pulled = unit.sync();
    EXPECT_EQ(test::findChange(pulled, notTheirs.id)->verdict.code, "leave_party_not_required");
    // The 10-day one is filed by the centre first, then by the work unit.
    centre.sync();
    centre.push(
        {centre.command(longer, model::kLeaveAcknowledge, web::json::value::object(), model::kKindLeave)});
    unit.push(
        {unit.command(longer, model::kLeaveAcknowledge, web::json::value::object(), model::kKindLeave)});
    for (Actor* person : {&trainee, &school, &unit, &centre}) {
        person->sync();
        EXPECT_EQ(model::findLeave(person->view(), shortLeave)->status, model::LeaveStatus::Approved);
        const model::LeaveRequest* tenDays = model::findLeave(person->view(), longer);
        EXPECT_EQ(tenDays->status, model::LeaveStatus::Approved);
        EXPECT_TRUE(model::pendingFilings(person->view(), *tenDays).empty());
        test::expectConverged(*person);
    }
}

TEST_F(LeaveJourney, RSync2_ADecisionOnARequestEditedSinceIsStaleAndShownToItsAuthor)
{
    const TestServer& s = *s_server;
    Actor trainee(s, "hh-applicant-1", kPassword, "applicant");
    Actor school(s, "pku", kPassword, "training_unit_officer");
    const std::string id = sync::newUuidString();
    trainee.push({request(trainee, id, "2024-11-04", "2024-11-05")});
    school.sync();
    const auto approval = decision(school, id, model::kLeaveApprove, "同意"); // offline, on the 2-day request
    web::json::value longer = web::json::value::object();
    longer[model::kLeaveEnd] = web::json::value::string("2024-11-06");
    trainee.push({trainee.set(id, longer, model::kKindLeave)});
    school.push({approval});
    const auto pulled = school.sync();
    const auto* verdict = test::findChange(pulled, approval.id);
    ASSERT_NE(verdict, nullptr);
    EXPECT_FALSE(verdict->verdict.accepted);
    EXPECT_EQ(verdict->verdict.code, "stale");
    EXPECT_FALSE(verdict->verdict.messageZh.empty());
    EXPECT_EQ(model::findLeave(school.view(), id)->status, model::LeaveStatus::Filed);
    test::expectConverged(school);
}

TEST_F(LeaveJourney, RLv2_OverThirtyDaysTheCentreAloneApprovesAndInterruptsTheTrainingForEveryone)
{
    const TestServer& s = *s_server;
    const std::string app = admitted("hh-applicant-2", 2);
    Actor trainee(s, "hh-applicant-2", kPassword, "applicant");
    Actor school(s, "pku", kPassword, "training_unit_officer");
    Actor centre(s, "centre", kPassword, "centre_officer");
    Actor authority(s, "hh-authority", kPassword, "authority_reviewer");
    const std::string id = sync::newUuidString();
    trainee.push({request(trainee, id, "2024-10-08", "2024-11-30", app)}); // 54 days
    school.sync();
    const auto notTheirs = decision(school, id, model::kLeaveApprove, "同意");
    school.push({notTheirs});
    const auto pulled = school.sync();
    EXPECT_EQ(test::findChange(pulled, notTheirs.id)->verdict.code, "leave_party_not_required");
    centre.sync();
    // The centre's client sends the approval and the interruption together (LeaveBoard::decide).
    const auto reply = centre.push({decision(centre, id, model::kLeaveApprove, "同意，中断培养"),
                                    centre.command(app, "interrupt", web::json::value::object())});
    ASSERT_EQ(reply.results.size(), 2u);
    centre.sync();
    EXPECT_TRUE(model::interruptsTraining(centre.view(), *model::findLeave(centre.view(), id)));
    for (Actor* person : {&trainee, &centre, &authority, &school}) {
        person->sync();
        const model::Application* seen = model::findApplication(person->view(), app);
        ASSERT_NE(seen, nullptr);
        EXPECT_EQ(seen->state, model::AppState::Interrupted);
        test::expectConverged(*person);
    }
    EXPECT_EQ(model::findLeave(authority.view(), id),
              nullptr); // the authority sees the interruption, not the leave
}

// Issue #13 item 1: the proof of a leave (a medical certificate) is uploaded through the blobs and
// cited by the request; the request's parties may download it, nobody else may.
TEST_F(LeaveJourney, RSync4_TheProofOfALeaveIsDownloadedByItsPartiesAndNobodyElse)
{
    const TestServer& s = *s_server;
    Actor trainee(s, "hh-applicant-1", kPassword, "applicant");
    const std::string pdf = "%PDF-1.4 诊断证明 " + sync::newUuidString();
    const std::string sha = sync::sha256Hex(pdf);
    ASSERT_EQ(s.call("PUT", "/v1/blobs/" + sha + "?offset=0", pdf,
                     {{"X-Tepei-Blob-Size", std::to_string(pdf.size())}}, trainee.token(),
                     "application/octet-stream")
                  .status,
              200);
    const std::string id = sync::newUuidString();
    sync::Change filed = request(trainee, id, "2024-11-11", "2024-11-12");
    web::json::value row = web::json::value::object();
    row["kind"] = web::json::value::string("medical_certificate");
    row["name"] = web::json::value::string("诊断证明.pdf");
    row["sha256"] = web::json::value::string(sha);
    row["type"] = web::json::value::string("application/pdf");
    row["size"] = web::json::value::number(static_cast<int>(pdf.size()));
    filed.payload[model::kLeaveAttachments] = web::json::value::array({row});
    const auto reply = trainee.push({filed});
    ASSERT_EQ(reply.results.at(0).status, sync::PushResult::Status::Accepted) << reply.results.at(0).message;
    for (auto [login, role] :
         {std::pair{"pku", "training_unit_officer"}, std::pair{"hh-unit", "unit_reviewer"},
          std::pair{"centre", "centre_officer"}}) {
        Actor party(s, login, kPassword, role);
        const auto download = s.call("GET", "/v1/blobs/" + sha + "/content", "", {}, party.token());
        EXPECT_EQ(download.status, 200) << login;
        EXPECT_EQ(download.body, pdf) << login;
    }
    for (auto [login, role] :
         {std::pair{"thu", "training_unit_officer"}, std::pair{"bt-unit", "unit_reviewer"},
          std::pair{"hh-applicant-2", "applicant"}, std::pair{"hh-authority", "authority_reviewer"}}) {
        Actor outsider(s, login, kPassword, role);
        EXPECT_EQ(s.call("GET", "/v1/blobs/" + sha + "/content", "", {}, outsider.token()).status, 403)
            << login;
    }
}

} // namespace
