// The completion assessment (R-TRN-2) and the return to post and follow-up support (R-TRN-3) on
// the real tepei-server (R-SEC-2): the trainee's
// work unit records them on its device; nobody else may; the trainee, the training unit, the work
// unit and the centre see them, nobody else; a return during the training is refused with the
// period's end and stores nothing.
#include "programme.h"
#include "sync_actor.h"

#include <gtest/gtest.h>
#include <tepei/model/kinds/assessment/assessment_kind.h>
#include <tepei/model/kinds/follow_up/follow_up_kind.h>
#include <tepei/sync/ids.h>

namespace {

using namespace tepei;
using test::Actor;
using test::TestServer;
using Status = sync::PushResult::Status;

const std::string kPassword = "Grassland-Wind-24";

class FollowUpJourney : public ::testing::Test {
protected:
    static void SetUpTestSuite()
    {
        s_server = std::make_unique<TestServer>();
        test::seedProgramme(*s_server, kPassword);
        test::addSecondTrainingUnit(*s_server, kPassword);
        ASSERT_TRUE(s_server->start()) << s_server->log();
        s_campaign = test::publishCampaign(*s_server, kPassword, 5);
    }
    static void TearDownTestSuite() { s_server.reset(); }

    static sync::Change entry(Actor& who, const std::string& app, const std::string& kind,
                              const std::string& date, const std::string& text)
    {
        return who.set(sync::newUuidString(), model::followUpPayload(app, kind, date, text),
                       model::kKindFollowUp);
    }

    static std::unique_ptr<TestServer> s_server;
    static model::Campaign s_campaign;
};
std::unique_ptr<TestServer> FollowUpJourney::s_server;
model::Campaign FollowUpJourney::s_campaign;

TEST_F(FollowUpJourney, RTrn3_TheWorkUnitRecordsTheReturnAndSupportAndTheTraineesPartiesSeeThem)
{
    const std::string app = test::admitTrainee(*s_server, kPassword, s_campaign, "hh-applicant-1", 21);
    Actor unit(*s_server, "hh-unit", kPassword, "unit_reviewer");
    unit.sync();
    // During the training: refused with the period's end, nothing stored.
    const auto early = unit.push({entry(unit, app, "return", "2025-03-01", "原岗位")}).results.at(0);
    EXPECT_EQ(early.verdict.code, "training_not_ended");
    EXPECT_NE(early.verdict.messageZh.find("2025-08-31"), std::string::npos) << early.verdict.messageZh;
    const sync::Change back = entry(unit, app, "return", "2025-09-08", "回原单位任主治医师");
    const sync::Change title = entry(unit, app, "title", "2025-11-20", "评审通过主任医师");
    for (const auto& r : unit.push({back, title}).results)
        EXPECT_TRUE(r.status == Status::Accepted && r.verdict.accepted) << r.code << r.verdict.code;

    const std::vector<std::tuple<std::string, std::string, bool>> people{
        {"hh-applicant-1", "applicant", true},
        {"pku", "training_unit_officer", true},
        {"hh-unit", "unit_reviewer", true},
        {"centre", "centre_officer", true},
        {"hh-applicant-2", "applicant", false},
        {"bt-unit", "unit_reviewer", false},
        {"hh-authority", "authority_reviewer", false},
        {"thu", "training_unit_officer", false}};
    for (const auto& [login, role, sees] : people) {
        Actor person(*s_server, login, kPassword, role);
        person.sync();
        EXPECT_EQ(model::findFollowUp(person.view(), title.recordId) != nullptr, sees) << login;
        if (sees) {
            EXPECT_EQ(model::returnedToPost(person.view(), app), *model::parseDate("2025-09-08")) << login;
            EXPECT_EQ(model::followUpsOf(person.view(), app).size(), 2u) << login;
        }
        test::expectConverged(person);
        if (login == "hh-unit")
            continue;
        // Only the trainee's own work unit records: refused before the log for everyone else.
        const auto forged = person.push({entry(person, app, "promotion", "2026-01-05", "晋升科主任")});
        EXPECT_EQ(forged.results.at(0).status, Status::Refused) << login;
        EXPECT_EQ(forged.results.at(0).code, "forbidden") << login;
    }
}

TEST_F(FollowUpJourney, RTrn2_TheTrainingUnitRecordsTheAssessmentAndOnlyItsOwnTrainees)
{
    const std::string app = test::admitTrainee(*s_server, kPassword, s_campaign, "hh-applicant-2", 22);
    Actor thu(*s_server, "thu", kPassword, "training_unit_officer");
    const auto forged =
        thu.push({thu.set(sync::newUuidString(), model::assessmentPayload(app, true, "2025-08-25", ""),
                          model::kKindAssessment)});
    EXPECT_EQ(forged.results.at(0).code, "forbidden") << "another training unit's trainee";
    Actor pku(*s_server, "pku", kPassword, "training_unit_officer");
    pku.sync();
    const sync::Change assessed = pku.set(
        sync::newUuidString(), model::assessmentPayload(app, true, "2025-08-25", "完成进修计划，考核合格"),
        model::kKindAssessment);
    ASSERT_TRUE(pku.push({assessed}).results.at(0).verdict.accepted);
    for (const auto& [login, role, sees] : std::vector<std::tuple<std::string, std::string, bool>>{
             {"hh-applicant-2", "applicant", true},
             {"hh-unit", "unit_reviewer", true},
             {"centre", "centre_officer", true},
             {"hh-authority", "authority_reviewer", false},
             {"thu", "training_unit_officer", false}}) {
        Actor person(*s_server, login, kPassword, role);
        person.sync();
        const model::AssessmentRecord* a = model::assessmentOf(person.view(), app);
        EXPECT_EQ(a != nullptr, sees) << login;
        if (a)
            EXPECT_TRUE(a->passed) << login;
        test::expectConverged(person);
    }
}

} // namespace
