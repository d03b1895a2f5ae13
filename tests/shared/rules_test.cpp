// Deadline (R-APP-7), quota (R-QUO-1, R-QUO-2), leave (R-LV-1, R-LV-2), funding (R-FND-1,
// R-FND-2, R-TRN-1), certificate (R-TRN-2) and attachments (R-APP-2), all driven by the campaign.
#include "campaign_fixture.h"

#include <gtest/gtest.h>
#include <tepei/model/kinds/application/workflow.h>
#include <tepei/model/rules/attachment.h>
#include <tepei/model/rules/certificate.h>
#include <tepei/model/rules/deadline.h>
#include <tepei/model/rules/eligibility.h>
#include <tepei/model/rules/funding.h>
#include <tepei/model/rules/leave.h>
#include <tepei/model/rules/quota.h>

namespace {
using namespace tepei::model;
using tepei::model::test::campaign2024;
using P = LeaveParty;

TEST(RApp7_Deadline, TheDeadlineDayIsAllowedTheDayAfterIsRefused)
{
    EXPECT_FALSE(checkDeadline(campaign2024(), Date{2024, 3, 19}));
    EXPECT_FALSE(checkDeadline(campaign2024(), Date{2024, 3, 20}));
    const auto late = checkDeadline(campaign2024(), Date{2024, 3, 21});
    ASSERT_TRUE(late);
    EXPECT_EQ(late->code, "deadline_passed");
    EXPECT_NE(late->zh.find("2024-03-20"), std::string::npos);
    EXPECT_NE(late->en.find("2024-03-20"), std::string::npos);
}

TEST(RApp7_Deadline, InstantsAreJudgedInChinaTime)
{
    const std::int64_t lastMillisOf20thInBeijing = 1710950399999; // 2024-03-20T23:59:59.999+08:00
    EXPECT_FALSE(checkDeadlineAt(campaign2024(), lastMillisOf20thInBeijing));
    EXPECT_TRUE(checkDeadlineAt(campaign2024(), lastMillisOf20thInBeijing + 1));
}

TEST(RApp7_Deadline, MadeBeforeTheDeadlineReceivedWithinTheCampaignsGraceCounts)
{
    Campaign campaign = campaign2024();
    EXPECT_EQ(campaign.deadlineGraceDays, 7) << "data/campaigns/2024.json";
    const std::int64_t lastOf20th = 1710950399999; // 2024-03-20T23:59:59.999+08:00
    const std::int64_t day = 86'400'000;
    const std::int64_t made = lastOf20th - 60'000;
    EXPECT_FALSE(checkDeadlineReceived(campaign, made, 0)) << "not received yet: judged by when it was made";
    EXPECT_FALSE(checkDeadlineReceived(campaign, made, made + 1000));
    EXPECT_FALSE(lateReceipt(campaign, made, made + 1000));
    EXPECT_FALSE(checkDeadlineReceived(campaign, made, lastOf20th + 7 * day)) << "the 7th day after counts";
    EXPECT_TRUE(lateReceipt(campaign, made, lastOf20th + 7 * day));
    const auto late = checkDeadlineReceived(campaign, made, lastOf20th + 7 * day + 1);
    ASSERT_TRUE(late);
    EXPECT_EQ(late->code, "deadline_passed");
    EXPECT_NE(late->en.find("2024-03-20 23:58"), std::string::npos) << late->en;
    EXPECT_NE(late->en.find("2024-03-28 00:00"), std::string::npos) << late->en;
    EXPECT_NE(late->zh.find("2024-03-28 00:00"), std::string::npos) << late->zh;
    EXPECT_TRUE(checkDeadlineReceived(campaign, lastOf20th + 1, lastOf20th + 2)) << "made after it";
    campaign.deadlineGraceDays = 0;
    EXPECT_TRUE(checkDeadlineReceived(campaign, made, lastOf20th + 1));
}

TEST(RQuo1_Quota, AllocationAndStatus)
{
    EXPECT_EQ(allocationFor(campaign2024(), "150100"), 3);
    EXPECT_EQ(allocationFor(campaign2024(), "150781"), 1);
    EXPECT_EQ(allocationFor(campaign2024(), "C00"), 0);
    EXPECT_EQ(quotaStatus(campaign2024(), "150100", 1, 4), (QuotaStatus{3, 1, 4, 2}));
    EXPECT_EQ(quotaStatus(campaign2024(), "150100", 5, 0), (QuotaStatus{3, 5, 0, 0}));
}

TEST(RQuo2_Quota, TheLastPlaceCanBeTakenOneMoreCannot)
{
    const int places = allocationFor(campaign2024(), "150100");
    EXPECT_FALSE(checkQuota(campaign2024(), "150100", 0));
    EXPECT_FALSE(checkQuota(campaign2024(), "150100", places - 1));
    const auto full = checkQuota(campaign2024(), "150100", places);
    ASSERT_TRUE(full);
    EXPECT_EQ(full->code, "quota_full");
    EXPECT_NE(full->zh.find("呼和浩特市"), std::string::npos);
    EXPECT_EQ(checkQuota(campaign2024(), "150100", places + 3)->code, "quota_full");
    EXPECT_EQ(checkQuota(campaign2024(), "999999", 0)->code, "quota_none");
}

struct LeaveCase {
    int days;
    std::size_t tier;
    std::vector<P> approvers;
    std::vector<P> notified;
    bool needsForm;
    bool written;
    bool interrupts;
};

TEST(RLv2_Leave, TiersByCalendarDaysBothEndsCounted)
{
    const std::vector<LeaveCase> cases{
        {1, 0, {P::TrainingUnit}, {}, false, false, false},
        {3, 0, {P::TrainingUnit}, {}, false, false, false},
        {4, 1, {P::TrainingUnit}, {P::WorkUnit, P::Centre}, false, true, false},
        {10, 1, {P::TrainingUnit}, {P::WorkUnit, P::Centre}, false, true, false},
        {11, 2, {P::WorkUnit, P::TrainingUnit, P::Centre}, {}, true, true, false},
        {30, 2, {P::WorkUnit, P::TrainingUnit, P::Centre}, {}, true, true, false},
        {31, 3, {P::Centre}, {P::WorkUnit, P::TrainingUnit}, true, true, true},
        {200, 3, {P::Centre}, {P::WorkUnit, P::TrainingUnit}, true, true, true},
    };
    const Date start{2024, 4, 28}; // crosses the month end
    for (const auto& c : cases) {
        const auto path = leavePath(campaign2024(), start, addDays(start, c.days - 1));
        ASSERT_TRUE(path.ok()) << c.days;
        EXPECT_EQ(path->days, c.days);
        EXPECT_EQ(path->tierIndex, c.tier) << c.days;
        EXPECT_EQ(path->approvers, c.approvers) << c.days;
        EXPECT_EQ(path->notified, c.notified) << c.days;
        EXPECT_EQ(path->needsForm, c.needsForm) << c.days;
        EXPECT_EQ(path->written, c.written) << c.days;
        EXPECT_EQ(path->interruptsTraining, c.interrupts) << c.days;
    }
}

TEST(RLv2_Leave, SameDayIsOneDayAndEndBeforeStartIsRefused)
{
    const auto oneDay = leavePath(campaign2024(), Date{2024, 5, 1}, Date{2024, 5, 1});
    ASSERT_TRUE(oneDay.ok());
    EXPECT_EQ(oneDay->days, 1);
    EXPECT_EQ(oneDay->tierMaxDays, 3);
    const auto backwards = leavePath(campaign2024(), Date{2024, 5, 2}, Date{2024, 5, 1});
    ASSERT_FALSE(backwards.ok());
    EXPECT_EQ(backwards.error().code, "leave_end_before_start");
    EXPECT_FALSE(leavePath(campaign2024(), Date{2024, 2, 28}, Date{2024, 3, 1})->days != 3);
}

TEST(RLv2_Leave, TiersComeFromTheCampaign)
{
    Campaign strict = campaign2024();
    strict.leaveTiers[0].maxDays = 2;
    EXPECT_EQ(leavePath(strict, Date{2024, 5, 1}, Date{2024, 5, 3})->tierIndex, 1u);
    strict.leaveTiers.clear();
    EXPECT_EQ(leavePath(strict, Date{2024, 5, 1}, Date{2024, 5, 3}).error().code, "leave_policy_missing");
}

TEST(RLv1_Leave, OnlySickOrPersonalLeave)
{
    EXPECT_FALSE(checkLeaveKind("sick"));
    EXPECT_FALSE(checkLeaveKind("personal"));
    EXPECT_EQ(checkLeaveKind("vacation")->code, "leave_kind_not_allowed");
}

TEST(RFnd1_Funding, OneTraineeForTheTrainingPeriod)
{
    const FundingLine line =
        traineeFunding(campaign2024(), "t1", "中国农业大学", campaign2024().trainingPeriodMonths);
    EXPECT_EQ(line.tuitionHousingFen, 3'680'000);
    EXPECT_EQ(line.livingAllowanceFen, 12 * 60'000);
    EXPECT_EQ(line.managementFeeFen, 500'000);
    EXPECT_EQ(line.toTrainingUnitFen(), 4'400'000);
    EXPECT_EQ(line.totalFen(), 4'900'000); // 49,000 CNY
    EXPECT_EQ(formatYuan(line.totalFen()), "49,000.00");
    const FundingLine half = traineeFunding(campaign2024(), "t2", "u", 6);
    EXPECT_EQ(half.tuitionHousingFen, 1'840'000);
    EXPECT_EQ(half.livingAllowanceFen, 360'000);
    EXPECT_EQ(half.managementFeeFen, 250'000);
}

TEST(RFnd2_Funding, FiftyTraineesCost245MillionFenPerUnitAndInTotal)
{
    std::vector<TraineeFunding> trainees;
    for (int i = 0; i < campaign2024().places; ++i)
        trainees.push_back({"t" + std::to_string(i), i % 2 == 0 ? "中国农业大学" : "北京大学", std::nullopt});
    const FundingPlan plan = fundingPlan(campaign2024(), trainees);
    ASSERT_EQ(plan.perTrainee.size(), 50u);
    EXPECT_EQ(plan.total.trainees, 50);
    EXPECT_EQ(plan.total.totalFen(), 245'000'000); // 2,450,000 CNY
    EXPECT_EQ(formatYuan(plan.total.totalFen()), "2,450,000.00");
    ASSERT_EQ(plan.perTrainingUnit.size(), 2u);
    EXPECT_EQ(plan.perTrainingUnit[0].trainingUnit, "中国农业大学");
    EXPECT_EQ(plan.perTrainingUnit[0].trainees, 25);
    EXPECT_EQ(plan.perTrainingUnit[0].totalFen(), 122'500'000);
    EXPECT_EQ(plan.perTrainingUnit[0].totalFen() + plan.perTrainingUnit[1].totalFen(), plan.total.totalFen());
    EXPECT_EQ(plan.total.managementFeeFen, 25'000'000);
    EXPECT_EQ(fundingPlan(campaign2024(), {}).total.totalFen(), 0);
}

TEST(RTrn1_Refund, ClaimIsEveryProgrammeFundDisbursedForTheTrainee)
{
    const std::vector<Disbursement> paid{
        {"t1", FundingItem::TuitionHousing, 3'680'000, Date{2024, 9, 1}},
        {"t1", FundingItem::LivingAllowance, 60'000, Date{2024, 9, 1}},
        {"t1", FundingItem::LivingAllowance, 60'000, Date{2024, 10, 1}},
        {"t1", FundingItem::ManagementFee, 500'000, Date{2024, 9, 1}},
        {"t2", FundingItem::TuitionHousing, 3'680'000, Date{2024, 9, 1}},
    };
    EXPECT_EQ(refundClaimFen(paid, "t1"), 4'300'000);
    EXPECT_EQ(refundClaimFen(paid, "t2"), 3'680'000);
    EXPECT_EQ(refundClaimFen(paid, "t3"), 0);
    EXPECT_EQ(refundClaimFen(paid), 7'980'000);
    EXPECT_EQ(refundClaimFen({{"t1", FundingItem::LivingAllowance, -60'000, Date{2024, 10, 2}}}), 0);
    EXPECT_EQ(fundingItemFromString(toString(FundingItem::ManagementFee)), FundingItem::ManagementFee);
    EXPECT_EQ(formatYuan(-1), "-0.01");
    EXPECT_EQ(formatYuan(123456789), "1,234,567.89");
}

TEST(RTrn2_Certificate, SerialCarriesTheCampaignAndSequence)
{
    EXPECT_EQ(certificateSerial(campaign2024(), 1), "TP2024-0001");
    EXPECT_EQ(certificateSerial(campaign2024(), 50), "TP2024-0050");
    EXPECT_EQ(certificateSerial(campaign2024(), 12345), "TP2024-12345");
    EXPECT_EQ(maskResidentId("150102197901010015"), "**************0015");
}

TEST(RApp2_Attachments, TypesAndSizeFromTheCampaign)
{
    const std::int64_t limit = campaign2024().attachmentMaxBytes;
    EXPECT_FALSE(checkAttachment(campaign2024(), "application/pdf", limit));
    EXPECT_FALSE(checkAttachment(campaign2024(), "image/jpeg", 1));
    EXPECT_FALSE(checkAttachment(campaign2024(), "image/png", 1000));
    EXPECT_EQ(checkAttachment(campaign2024(), "application/pdf", limit + 1)->code, "attachment_too_large");
    EXPECT_EQ(checkAttachment(campaign2024(), "application/msword", 10)->code, "attachment_type_not_allowed");
    EXPECT_EQ(checkAttachment(campaign2024(), "image/png", 0)->code, "attachment_empty");
}

} // namespace
