// Return to post and follow-up support in the fold (R-TRN-3): the work unit records the return once
// the training has ended, once; support entries follow it, dated on or after it, and say what they
// were; a refused entry changes nothing.
#include "admitted_trainee.h"

#include <tepei/model/kinds/follow_up/follow_up_kind.h>

namespace {

using namespace tepei;

struct Returning : test::AdmittedTrainee {
    int next = 0;
    model::Verdict record(const std::string& entry, const std::string& date, const std::string& text = "")
    {
        return log.add(unit.set("follow-" + std::to_string(++next),
                                model::followUpPayload(app, entry, date, text), model::kKindFollowUp));
    }
};

TEST(RTrn3_FollowUp, TheReturnIsRecordedOnceAfterTheTrainingEnded)
{
    Returning t; // admitted 2024-09-01 .. 2025-08-31
    EXPECT_EQ(t.record("return", "2025-03-01", "原岗位").reason.code, "training_not_ended");
    EXPECT_EQ(t.record("return", "2025-08-31").reason.code, "training_not_ended");
    EXPECT_EQ(t.record("return", "2025-13-01").reason.code, "date_invalid");
    EXPECT_FALSE(model::returnedToPost(t.log.fold(), t.app));
    ASSERT_TRUE(t.record("return", "2025-09-08", "回原单位任主治医师").accepted);
    EXPECT_EQ(model::returnedToPost(t.log.fold(), t.app), *model::parseDate("2025-09-08"));
    EXPECT_EQ(t.record("return", "2025-09-09").reason.code, "return_recorded");
    EXPECT_EQ(model::followUpsOf(t.log.fold(), t.app).size(), 1u);
}

TEST(RTrn3_FollowUp, ADisqualifiedTraineeReturnsBeforeThePeriodsEnd)
{
    Returning t;
    model::Command c;
    c.set(model::kArgGround, "quit").set(model::kArgFacts, "中途离校").set(model::kArgCriticism, "通报批评");
    ASSERT_TRUE(t.log.add(t.centre.command(t.app, "disqualify", c.toPayload())).accepted);
    EXPECT_EQ(t.record("return", "2024-08-01").reason.code, "date_before_training");
    EXPECT_TRUE(t.record("return", "2024-12-01").accepted);
}

TEST(RTrn3_FollowUp, SupportFollowsTheReturnAndSaysWhatItWas)
{
    Returning t;
    EXPECT_EQ(t.record("title", "2025-10-01", "评为主任医师").reason.code, "return_not_recorded");
    ASSERT_TRUE(t.record("return", "2025-09-08").accepted);
    EXPECT_EQ(t.record("title", "2025-09-01", "评为主任医师").reason.code, "date_before_return");
    EXPECT_EQ(t.record("promotion", "2025-12-01").reason.code, "text_required");
    EXPECT_EQ(t.record("bonus", "2025-12-01", "奖金").reason.code, "entry_unknown");
    ASSERT_TRUE(t.record("title", "2025-11-20", "评审通过主任医师").accepted);
    ASSERT_TRUE(t.record("research", "2026-03-01", "主持自治区科技计划项目").accepted);
    const auto entries = model::followUpsOf(t.log.fold(), t.app);
    ASSERT_EQ(entries.size(), 3u);
    EXPECT_EQ(entries[0]->entry, "return");
    EXPECT_EQ(entries[1]->text, "评审通过主任医师");
    EXPECT_EQ(entries[2]->entry, "research");
    EXPECT_EQ(entries[2]->workUnit, "U001");
}

} // namespace
