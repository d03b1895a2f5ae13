// Funding on the real tepei-server (R-FND-1, R-FND-2, R-TRN-1, R-SEC-2): the centre records
// disbursements on its device; a payment beyond a trainee's plan is refused with the numbers and
// nothing is stored; a disqualification names its ground and claims back exactly what was paid;
// disbursements are seen by the trainee, the training unit, the work unit and the centre only; the
// funding workbook of 50 trainees totals 2,450,000 CNY for the 2024 campaign.
#include "../shared/xlsx_reader.h"
#include "programme.h"
#include "sync_actor.h"

#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <tepei/model/kinds/application/application_kind.h>
#include <tepei/model/kinds/funding/disbursement_kind.h>
#include <tepei/sync/ids.h>

namespace {

using namespace tepei;
using test::Actor;
using test::TestServer;
using Status = sync::PushResult::Status;

const std::string kPassword = "Grassland-Wind-24";

class FundingJourney : public ::testing::Test {
protected:
    static void SetUpTestSuite()
    {
        s_server = std::make_unique<TestServer>();
        test::seedProgramme(*s_server, kPassword);
        test::addSecondTrainingUnit(*s_server, kPassword);
        ASSERT_TRUE(s_server->start()) << s_server->log();
        s_campaign = test::publishCampaign(*s_server, kPassword, 60);
    }
    static void TearDownTestSuite() { s_server.reset(); }

    static sync::Change payment(Actor& centre, const std::string& app, const std::string& item,
                                std::int64_t fen, const std::string& date, const std::string& note = "")
    {
        return centre.set(sync::newUuidString(), model::disbursementPayload(app, item, fen, date, note),
                          model::kKindDisbursement);
    }
    // Four months of a trainee's funding: the first half-year's tuition and housing, the year's
    // management fee, the living allowance of September to December.
    static std::vector<sync::Change> fourMonths(Actor& centre, const std::string& app)
    {
        std::vector<sync::Change> changes{
            payment(centre, app, "tuition_housing", s_campaign.tuitionHousingPerYearFen / 2, "2024-09-02"),
            payment(centre, app, "management_fee", s_campaign.managementFeePerYearFen, "2024-09-02")};
        for (const char* day : {"2024-09-05", "2024-10-05", "2024-11-05", "2024-12-05"})
            changes.push_back(
                payment(centre, app, "living_allowance", s_campaign.livingAllowancePerMonthFen, day, day));
        return changes;
    }
    static std::int64_t fourMonthsFen()
    {
        return s_campaign.tuitionHousingPerYearFen / 2 + s_campaign.managementFeePerYearFen +
               4 * s_campaign.livingAllowancePerMonthFen;
    }
    static test::XlsxFile fundingWorkbook(const Actor& who)
    {
        const auto reply =
            s_server->call("GET", "/v1/exports/funding.xlsx?campaign=2024", "", {}, who.token());
        EXPECT_EQ(reply.status, 200) << reply.body;
        const auto file = s_server->dir() / ("funding-" + sync::newUuidString() + ".xlsx");
        std::ofstream(file, std::ios::binary) << reply.body;
        return test::XlsxFile(file.string());
    }

    static std::unique_ptr<TestServer> s_server;
    static model::Campaign s_campaign;
};
std::unique_ptr<TestServer> FundingJourney::s_server;
model::Campaign FundingJourney::s_campaign;

TEST_F(FundingJourney, RTrn1_DisqualifiedAfterFourMonthsOfDisbursementsTheRefundClaimIsTheirSum)
{
    const std::string app = test::admitTrainee(*s_server, kPassword, s_campaign, "hh-applicant-1", 11);
    Actor centre(*s_server, "centre", kPassword, "centre_officer");
    centre.sync();
    for (const sync::PushResult& r : centre.push(fourMonths(centre, app)).results)
        ASSERT_TRUE(r.status == Status::Accepted && r.verdict.accepted) << r.code << r.verdict.code;

    // A disqualification without its ground is refused at its place in the log: nothing changes.
    const auto bare = centre.push({centre.command(app, "disqualify")}).results.at(0);
    EXPECT_FALSE(bare.verdict.accepted);
    EXPECT_EQ(bare.verdict.code, "disqualification_incomplete");
    model::Command disqualify;
    disqualify.set(model::kArgGround, "quit")
        .set(model::kArgFacts, "2025 年 1 月起未到校，亦未办理请假手续")
        .set(model::kArgCriticism, "现予通报批评，取消其培养资格，追回已拨付的特培经费。");
    ASSERT_TRUE(centre.push({centre.command(app, "disqualify", disqualify.toPayload())})
                    .results.at(0)
                    .verdict.accepted);
    // The remaining plan stops: January's allowance is refused, and says why.
    const auto january = centre.push(
        {payment(centre, app, "living_allowance", s_campaign.livingAllowancePerMonthFen, "2025-01-05")});
    EXPECT_EQ(january.results.at(0).verdict.code, "funding_stopped");

    // Every party's device folds the same claim: what was disbursed, to the fen.
    for (const auto& [login, role] :
         std::vector<std::pair<std::string, std::string>>{{"hh-applicant-1", "applicant"},
                                                          {"pku", "training_unit_officer"},
                                                          {"hh-unit", "unit_reviewer"},
                                                          {"centre", "centre_officer"}}) {
        Actor person(*s_server, login, kPassword, role);
        person.sync();
        const auto status = model::traineeFundingOf(person.view(), app);
        ASSERT_TRUE(status) << login;
        EXPECT_EQ(status->refundClaimFen, fourMonthsFen()) << login;
        EXPECT_EQ(status->disbursed.totalFen(), fourMonthsFen()) << login;
        EXPECT_EQ(model::disbursementsOf(person.view(), app).size(), 6u) << login;
        EXPECT_EQ(model::findApplication(person.view(), app)->disqualification->ground, "quit") << login;
        test::expectConverged(person);
    }
    // A refund received is recorded against the claim; more than is owed is refused.
    centre.sync();
    EXPECT_TRUE(centre.push({payment(centre, app, "refund", 1'000'000, "2025-02-10", "退款第一笔")})
                    .results.at(0)
                    .verdict.accepted);
    EXPECT_EQ(centre.push({payment(centre, app, "refund", fourMonthsFen(), "2025-02-11")})
                  .results.at(0)
                  .verdict.code,
              "refund_exceeds_claim");
    centre.sync();
    EXPECT_EQ(model::traineeFundingOf(centre.view(), app)->refundOutstandingFen(),
              fourMonthsFen() - 1'000'000);
}

TEST_F(FundingJourney, RSec2_DisbursementsAreSeenByTheTraineesPartiesOnlyAndRecordedByTheCentreOnly)
{
    const std::string app = test::admitTrainee(*s_server, kPassword, s_campaign, "hh-applicant-2", 12);
    Actor centre(*s_server, "centre", kPassword, "centre_officer");
    centre.sync();
    const sync::Change paid =
        payment(centre, app, "living_allowance", s_campaign.livingAllowancePerMonthFen, "2024-09-05");
    ASSERT_TRUE(centre.push({paid}).results.at(0).verdict.accepted);
    const std::vector<std::tuple<std::string, std::string, bool>> people{
        {"hh-applicant-2", "applicant", true},
        {"pku", "training_unit_officer", true},
        {"hh-unit", "unit_reviewer", true},
        {"hh-applicant-1", "applicant", false},
        {"bt-applicant", "applicant", false},
        {"bt-unit", "unit_reviewer", false},
        {"hh-authority", "authority_reviewer", false},
        {"thu", "training_unit_officer", false}};
    for (const auto& [login, role, sees] : people) {
        Actor person(*s_server, login, kPassword, role);
        person.sync();
        EXPECT_EQ(model::findDisbursement(person.view(), paid.recordId) != nullptr, sees) << login;
        test::expectConverged(person);
        // Nobody but the centre records one: refused before the log.
        const auto forged = person.push({payment(person, app, "living_allowance", 100, "2024-09-06")});
        EXPECT_EQ(forged.results.at(0).status, Status::Refused) << login;
        EXPECT_EQ(forged.results.at(0).code, "role_not_permitted") << login;
    }
    // A payment beyond the plan is refused with the numbers, and nothing is paid.
    const auto over = centre.push(
        {payment(centre, app, "living_allowance", 12 * s_campaign.livingAllowancePerMonthFen, "2024-10-05")});
    EXPECT_EQ(over.results.at(0).verdict.code, "over_plan");
    EXPECT_NE(over.results.at(0).verdict.messageZh.find("最多还可拨付 6,600.00 元"), std::string::npos)
        << over.results.at(0).verdict.messageZh;
    // A malformed amount never enters the log.
    web::json::value f = web::json::value::object();
    f[model::kPayApplication] = web::json::value::string(app);
    f[model::kPayItem] = web::json::value::string("living_allowance");
    f[model::kPayAmount] = web::json::value::string("600");
    f[model::kPayDate] = web::json::value::string("2024-10-05");
    const auto text = centre.push({centre.set(sync::newUuidString(), f, model::kKindDisbursement)});
    EXPECT_EQ(text.results.at(0).status, Status::Refused);
    EXPECT_EQ(text.results.at(0).code, "invalid_value");
    centre.sync();
    EXPECT_EQ(model::traineeFundingOf(centre.view(), app)->disbursed.totalFen(),
              s_campaign.livingAllowancePerMonthFen);
}

TEST_F(FundingJourney, RFnd2_TheFundingWorkbookOfFiftyTraineesTotals2450000Yuan)
{
    // 50 trainees at 清华大学 (the suite's other trainees train at 北京大学).
    const std::vector<std::string> ids =
        test::admitTrainees(*s_server, kPassword, s_campaign, "hh-applicant-1", 13, 50, "T-THU");
    Actor centre(*s_server, "centre", kPassword, "centre_officer");
    centre.sync();
    std::vector<sync::Change> september;
    for (const std::string& id : ids)
        september.push_back(payment(centre, id, "living_allowance", s_campaign.livingAllowancePerMonthFen,
                                    "2024-09-05", "2024 年 9 月生活补贴"));
    for (const sync::PushResult& r : centre.push(september).results)
        ASSERT_TRUE(r.verdict.accepted) << r.verdict.code;

    const test::XlsxFile book = fundingWorkbook(centre);
    const test::XlsxSheet& units = *book.sheet("按培养单位");
    EXPECT_EQ(units.row(3, 10),
              (std::vector<std::string>{"序号", "培养单位", "人数", "学费住宿费（元）", "生活补贴（元）",
                                        "拨付培养单位小计（元）", "管理费（元）", "合计（元）",
                                        "已拨付（元）", "剩余计划（元）"}));
    int row = 4;
    while (row < 10 && units.at(1, row) != "清华大学")
        ++row;
    ASSERT_EQ(units.at(1, row), "清华大学");
    EXPECT_EQ(units.at(2, row), "50");
    EXPECT_EQ(test::fenOfCell(units.at(7, row)), 245'000'000) << "50 × 49,000 = 2,450,000.00 CNY";
    EXPECT_EQ(test::fenOfCell(units.at(8, row)), 50 * s_campaign.livingAllowancePerMonthFen);
    EXPECT_EQ(test::fenOfCell(units.at(9, row)), 245'000'000 - 50 * s_campaign.livingAllowancePerMonthFen);

    const test::XlsxSheet& details = *book.sheet("拨付明细");
    EXPECT_EQ(details.row(3, 7), (std::vector<std::string>{"序号", "拨付日期", "姓名", "培养单位", "项目",
                                                           "金额（元）", "说明"}));
    int september5 = 0;
    for (int r = 4; !details.at(0, r).empty(); ++r)
        september5 += details.at(3, r) == "清华大学" && details.at(4, r) == "生活补贴" ? 1 : 0;
    EXPECT_EQ(september5, 50);
}

} // namespace
