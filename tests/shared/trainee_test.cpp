// Trainee management after admission: returning from leave (R-LV-3), changes of training that
// need two agreements (R-TRN-5), the training unit's and the ministry's part (R-ORG-2).
#include "campaign_fixture.h"

#include <algorithm>
#include <gtest/gtest.h>
#include <tepei/model/rules/leave.h>
#include <tepei/model/rules/trainee.h>

namespace {

using namespace tepei::model;

Date d(const char* iso)
{
    return parseDate(iso).value();
}

TEST(RLv3_LeaveReturn, ActualDaysCountBothEndsAndALateReturnShowsTheExtraDays)
{
    const auto onTime = leaveReturn(d("2024-10-08"), d("2024-10-10"), d("2024-10-10"));
    ASSERT_TRUE(onTime.ok());
    EXPECT_EQ(onTime->actualDays, 3);
    EXPECT_FALSE(onTime->late);
    EXPECT_EQ(onTime->daysBeyondApproved, 0);
    const auto early = leaveReturn(d("2024-10-08"), d("2024-10-10"), d("2024-10-09"));
    EXPECT_EQ(early->actualDays, 2);
    EXPECT_FALSE(early->late);
    const auto late = leaveReturn(d("2024-10-08"), d("2024-10-10"), d("2024-10-12"));
    EXPECT_TRUE(late->late);
    EXPECT_EQ(late->daysBeyondApproved, 2);
    const auto wrong = leaveReturn(d("2024-10-08"), d("2024-10-10"), d("2024-10-07"));
    ASSERT_FALSE(wrong.ok());
    EXPECT_EQ(wrong.error().code, "return_before_start");
    EXPECT_FALSE(wrong.error().zh.empty());
}

TEST(RTrn5_TrainingChange, TakesEffectOnlyWithTheCentresAndTheMinistrysAgreement)
{
    TrainingChangeRequest change{"training_unit", "中国农业大学", std::nullopt, std::nullopt};
    EXPECT_EQ(checkTrainingChange(change)->code, "awaiting_centre_agreement");
    change.centreAgreed = d("2024-11-01");
    EXPECT_EQ(checkTrainingChange(change)->code, "awaiting_ministry_agreement");
    change.ministryAgreed = d("2024-11-05");
    EXPECT_FALSE(checkTrainingChange(change).has_value());
    EXPECT_EQ(checkTrainingChange({"salary", "x", d("2024-11-01"), d("2024-11-01")})->code,
              "change_kind_unknown");
    EXPECT_EQ(checkTrainingChange({"major", "", d("2024-11-01"), d("2024-11-01")})->code,
              "change_value_missing");
}

TEST(ROrg2_TrainingUnit, ApprovesEveryLeaveAndShortLeaveAlone)
{
    const Campaign& campaign = tepei::model::test::campaign2024();
    for (const auto& [start, end] :
         {std::pair{"2024-10-01", "2024-10-03"}, std::pair{"2024-10-01", "2024-10-10"},
          std::pair{"2024-10-01", "2024-10-30"}}) {
        const auto path = leavePath(campaign, d(start), d(end)).value();
        EXPECT_NE(std::find(path.approvers.begin(), path.approvers.end(), LeaveParty::TrainingUnit),
                  path.approvers.end())
            << start << ".." << end;
    }
    const auto shortLeave = leavePath(campaign, d("2024-10-01"), d("2024-10-03")).value();
    EXPECT_EQ(shortLeave.approvers, std::vector<LeaveParty>{LeaveParty::TrainingUnit});
}

} // namespace
