// Disbursements and refunds in the fold (R-FND-1, R-FND-2, R-TRN-1): a trainee's plan comes from
// the campaign's amounts and the admission's period; a payment beyond it, or after the training
// stopped, is refused with the numbers and changes nothing; a disqualification names its ground and
// claims back what was paid to date; refunds are recorded against the claim.
#include "admitted_trainee.h"

#include <tepei/model/kinds/funding/disbursement_kind.h>

namespace {

using namespace tepei;

struct Funded : test::AdmittedTrainee {
    int next = 0;
    model::Verdict pay(const std::string& item, std::int64_t fen, const std::string& date = "2024-09-05",
                       const std::string& note = "")
    {
        return log.add(centre.set("pay-" + std::to_string(++next),
                                  model::disbursementPayload(app, item, fen, date, note),
                                  model::kKindDisbursement));
    }
    model::TraineeFundingStatus status() const { return *model::traineeFundingOf(log.fold(), app); }
    model::Verdict disqualify(const std::string& ground, const std::string& facts,
                              const std::string& criticism)
    {
        model::Command c;
        c.set(model::kArgGround, ground).set(model::kArgFacts, facts).set(model::kArgCriticism, criticism);
        return log.add(centre.command(app, "disqualify", c.toPayload()));
    }
};

TEST(RFnd1_Funding, AmountsAreTypedInYuanAndKeptInFen)
{
    EXPECT_EQ(model::parseYuan("600"), 60'000);
    EXPECT_EQ(model::parseYuan(" 36,800.00 "), 3'680'000);
    EXPECT_EQ(model::parseYuan("0.5"), 50);
    EXPECT_EQ(model::parseYuan("-100.25"), -10'025);
    for (const char* bad : {"", "-", "1.234", "1.", "abc", "1,", ",100", "1e3", "600元", "12.3.4"})
        EXPECT_FALSE(model::parseYuan(bad)) << bad;
    EXPECT_EQ(model::formatYuan(*model::parseYuan("49000")), "49,000.00");
}

TEST(RFnd1_Funding, ThePlanOfATraineeIsTheCampaignsAmountsForTheAdmissionsPeriod)
{
    Funded t;
    EXPECT_EQ(model::periodMonths(*model::parseDate("2024-09-01"), *model::parseDate("2025-08-31")), 12);
    EXPECT_EQ(model::periodMonths(*model::parseDate("2024-09-01"), *model::parseDate("2025-02-28")), 6);
    const model::TraineeFundingStatus s = t.status();
    EXPECT_EQ(s.plan.tuitionHousingFen, t.campaign.tuitionHousingPerYearFen);
    EXPECT_EQ(s.plan.livingAllowanceFen, 12 * t.campaign.livingAllowancePerMonthFen);
    EXPECT_EQ(s.plan.managementFeeFen, t.campaign.managementFeePerYearFen);
    EXPECT_EQ(s.plan.totalFen(), 4'900'000); // 49,000 CNY for the 2024 campaign (R-FND-2)
    EXPECT_EQ(s.disbursed.totalFen(), 0);
    EXPECT_FALSE(s.stopped);
}

TEST(RFnd1_Funding, APaymentBeyondThePlanIsRefusedWithTheNumbersAndChangesNothing)
{
    Funded t;
    const std::int64_t month = t.campaign.livingAllowancePerMonthFen;
    for (int m = 0; m < 12; ++m)
        ASSERT_TRUE(t.pay("living_allowance", month).accepted) << m;
    const model::Verdict over = t.pay("living_allowance", month);
    EXPECT_FALSE(over.accepted);
    EXPECT_EQ(over.reason.code, "over_plan");
    EXPECT_NE(over.reason.zh.find("7,200.00"), std::string::npos) << over.reason.zh; // the plan
    EXPECT_NE(over.reason.zh.find("最多还可拨付 0.00 元"), std::string::npos) << over.reason.zh;
    EXPECT_EQ(t.status().disbursed.livingAllowanceFen, 12 * month);
    EXPECT_EQ(model::disbursementsOf(t.log.fold(), t.app).size(), 12u);
    // Other items keep their own plan.
    EXPECT_TRUE(t.pay("tuition_housing", t.campaign.tuitionHousingPerYearFen).accepted);
    EXPECT_EQ(t.pay("tuition_housing", 1).reason.code, "over_plan");
    EXPECT_EQ(t.pay("management_fee", 0).reason.code, "amount_invalid");
}

TEST(RFnd1_Funding, ACorrectionNeedsANoteAndCannotTakeAnItemBelowZero)
{
    Funded t;
    ASSERT_TRUE(t.pay("management_fee", 500'000).accepted);
    EXPECT_EQ(t.pay("management_fee", -100'000).reason.code, "correction_invalid"); // no note
    EXPECT_EQ(t.pay("management_fee", -600'000, "2024-09-06", "多付冲回").reason.code, "correction_invalid");
    EXPECT_TRUE(t.pay("management_fee", -100'000, "2024-09-06", "多付 1000 元，冲回").accepted);
    EXPECT_EQ(t.status().disbursed.managementFeeFen, 400'000);
}

TEST(RTrn1_Disqualification, NeedsOneOfTheNoticesGroundsTheFactsAndTheCriticism)
{
    Funded t;
    const model::Verdict bare = t.log.add(t.centre.command(t.app, "disqualify"));
    EXPECT_EQ(bare.reason.code, "disqualification_incomplete");
    EXPECT_EQ(t.disqualify("late", "迟到", "通报").reason.code, "disqualification_incomplete");
    EXPECT_EQ(t.disqualify("quit", "", "通报").reason.code, "disqualification_incomplete");
    EXPECT_EQ(model::findApplication(t.log.fold(), t.app)->state, model::AppState::Admitted);

    ASSERT_TRUE(t.disqualify("misconduct", "多次违反实验室安全规定", "予以通报批评").accepted);
    const model::Application& app = *model::findApplication(t.log.fold(), t.app);
    EXPECT_EQ(app.state, model::AppState::Disqualified);
    ASSERT_TRUE(app.disqualification);
    EXPECT_EQ(app.disqualification->ground, "misconduct");
    EXPECT_EQ(app.disqualification->facts, "多次违反实验室安全规定");
    EXPECT_EQ(app.disqualification->criticism, "予以通报批评");
    EXPECT_EQ(model::findDisqualificationGround(t.campaign, "misconduct")->zh,
              "违反培养单位规章制度，造成恶劣影响");
    // A campaign of an earlier version lists no grounds: its disqualifications need none (as then).
    model::Campaign older = t.campaign;
    older.disqualificationGrounds.clear();
    model::Command bareCommand;
    EXPECT_FALSE(model::checkDisqualification(bareCommand, older));
    EXPECT_TRUE(model::checkDisqualification(bareCommand, t.campaign));
}

TEST(RTrn1_Disqualification, TheRefundClaimIsWhatWasDisbursedAndTheRemainingPlanStops)
{
    Funded t;
    const std::int64_t month = t.campaign.livingAllowancePerMonthFen;
    ASSERT_TRUE(t.pay("tuition_housing", t.campaign.tuitionHousingPerYearFen / 2).accepted);
    ASSERT_TRUE(t.pay("management_fee", t.campaign.managementFeePerYearFen).accepted);
    for (const char* day : {"2024-09-05", "2024-10-05", "2024-11-05", "2024-12-05"})
        ASSERT_TRUE(t.pay("living_allowance", month, day).accepted) << day;
    EXPECT_EQ(t.pay("refund", 100).reason.code, "refund_not_claimed");
    const std::int64_t paid =
        t.campaign.tuitionHousingPerYearFen / 2 + t.campaign.managementFeePerYearFen + 4 * month;
    ASSERT_TRUE(t.disqualify("quit", "2024 年 12 月起未到校", "通报批评").accepted);

    model::TraineeFundingStatus s = t.status();
    EXPECT_TRUE(s.stopped);
    EXPECT_EQ(s.refundClaimFen, paid);
    EXPECT_EQ(s.plan.totalFen(), paid); // the plan stops at what was paid
    EXPECT_EQ(s.remainingFen(), 0);
    const model::Verdict more = t.pay("living_allowance", month, "2025-01-05");
    EXPECT_EQ(more.reason.code, "funding_stopped");

    ASSERT_TRUE(t.pay("refund", 1'000'000, "2025-02-01", "第一笔退款").accepted);
    EXPECT_EQ(t.pay("refund", paid, "2025-02-02").reason.code, "refund_exceeds_claim");
    ASSERT_TRUE(t.pay("refund", paid - 1'000'000, "2025-03-01").accepted);
    s = t.status();
    EXPECT_EQ(s.refundedFen, paid);
    EXPECT_EQ(s.refundOutstandingFen(), 0);
    EXPECT_EQ(s.refundClaimFen, paid); // refunds do not change what was disbursed
}

} // namespace
