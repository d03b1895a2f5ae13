// The Excel exports, read back from the files they write: the trainee summary table 附件2
// (R-APP-6), the quota table 附件1 (R-QUO-1, R-QUO-3) and the funding plan (R-FND-2).
#include "log_builder.h"
#include "xlsx_reader.h"

#include <filesystem>
#include <fstream>
#include <random>
#include <tepei/model/export/export_xlsx.h>
#include <tepei/model/form/form.h>
#include <tepei/model/kinds/application/application_kind.h>
#include <tepei/model/kinds/campaign/campaign_kind.h>
#include <tepei/model/reference/reference.h>

namespace {

using namespace tepei;
using test::Device;
using test::Log;
using test::XlsxFile;
namespace fs = std::filesystem;

// FORMS.md 附件2, in order.
const std::vector<std::string> kSummaryHeadings{
    "序号",     "姓名",         "性别",     "民族",           "出生年月",        "身份证号", "最高学历",
    "最高学位", "专业技术职务", "从事专业", "从事本专业年限", "工作单位",        "单位性质", "是否基层",
    "是否非公", "重点选拔范围", "培养方式", "拟培养单位",     "拟培养专业/方向", "联系电话", "备注"};

const std::vector<std::string> kTrainingUnits{"T-PKU", "T-CAU", "T-THU"}; // 北京大学, 中国农业大学, 清华大学

// A campaign's log: applications of several authorities taken through the workflow.
struct World {
    model::Campaign campaign = test::campaign2024();
    Device centre{"centre-1", "centre_officer"};
    Device applicant{"applicant-1", "applicant"};
    Device unit{"unit-1", "unit_reviewer"};
    Device authority{"authority-1", "authority_reviewer"};
    Log log;
    std::mt19937_64 rng{2024};
    std::vector<std::string> admitted;

    World() { EXPECT_TRUE(log.add(centre.publishCampaign(campaign)).accepted); }

    const model::Fold& fold() const { return log.fold(); }
    const model::Application& app(const std::string& id) const { return *model::findApplication(fold(), id); }

    std::string create(const std::string& id, const std::string& authorityCode,
                       const std::map<std::string, web::json::value>& overrides = {})
    {
        auto fields =
            model::sampleApplication(rng, campaign, {authorityCode, "U-" + authorityCode, "测试单位"});
        for (const auto& [name, value] : overrides)
            fields[name] = value;
        EXPECT_TRUE(log.add(applicant.set(id, model::toJson(fields))).accepted);
        return id;
    }
    model::Verdict review(Device& who, const std::string& id, const std::string& action)
    {
        web::json::value args = web::json::value::object();
        args["digest"] = web::json::value::string(model::contentDigest(app(id)));
        if (action.find("return") != std::string::npos)
            args["comment"] = web::json::value::string("请补充职称证书");
        return log.add(who.command(id, action, args));
    }
    void submit(const std::string& id) { ASSERT_TRUE(log.add(applicant.command(id, "submit")).accepted); }
    void toUnitApproved(const std::string& id)
    {
        submit(id);
        ASSERT_TRUE(review(unit, id, "unit_approve").accepted);
    }
    void toAuthorityApproved(const std::string& id)
    {
        toUnitApproved(id);
        const auto verdict = review(authority, id, "authority_approve");
        ASSERT_TRUE(verdict.accepted) << verdict.reason.code;
    }
    void admit(const std::string& id)
    {
        web::json::value args = web::json::value::object();
        args["training_unit"] =
            web::json::value::string(kTrainingUnits[admitted.size() % kTrainingUnits.size()]);
        args["major"] = web::json::value::string("作物遗传育种");
        args["start"] = web::json::value::string("2024-09-01");
        ASSERT_TRUE(log.add(centre.command(id, "admit", args)).accepted);
        admitted.push_back(id);
    }
};

// 呼和浩特市 (3 places): three approved, one of them admitted, and four that hold no place: one
// submitted, one unit-approved whose approval came after the quota was full, one returned, one
// draft. 包头市 (3 places): two approved.
World& reviewWorld()
{
    static World* world = [] {
        auto* w = new World;
        w->create("hohhot-1", "150100",
                  {{"name", web::json::value::string("巴特尔")},
                   {"ethnicity", web::json::value::string("02")},
                   {"unit_nature", web::json::value::string("private_enterprise")},
                   {"non_public", web::json::value::boolean(true)},
                   {"grassroots", web::json::value::boolean(true)},
                   {"priority_scope", web::json::value::string("2")},
                   {"employer", web::json::value::string("呼和浩特市第一医院")}});
        w->create("hohhot-2", "150100");
        w->create("hohhot-3", "150100");
        w->create("hohhot-late", "150100");
        w->create("hohhot-submitted", "150100");
        w->create("hohhot-returned", "150100");
        w->create("hohhot-draft", "150100");
        w->create("baotou-1", "150200");
        w->create("baotou-2", "150200");
        // Submission order 3, 1, 2: the table follows it, not the record ids.
        for (const char* id : {"hohhot-3", "hohhot-1", "hohhot-2", "baotou-2", "baotou-1"})
            w->toAuthorityApproved(id);
        w->toUnitApproved("hohhot-late");
        EXPECT_EQ(w->review(w->authority, "hohhot-late", "authority_approve").reason.code, "quota_full");
        w->submit("hohhot-submitted");
        w->toUnitApproved("hohhot-returned");
        EXPECT_TRUE(w->review(w->authority, "hohhot-returned", "authority_return").accepted);
        w->admit("hohhot-1");
        return w;
    }();
    return *world;
}

// Every allocation of the 2024 campaign filled and admitted: 50 trainees.
World& fullWorld()
{
    static World* world = [] {
        auto* w = new World;
        for (const model::Allocation& allocation : w->campaign.allocations) {
            for (int i = 0; i < allocation.places; ++i) {
                const std::string id =
                    w->create(allocation.authorityCode + "-" + std::to_string(i), allocation.authorityCode);
                w->toAuthorityApproved(id);
                w->admit(id);
            }
        }
        return w;
    }();
    return *world;
}

class Exports : public ::testing::Test {
protected:
    void SetUp() override
    {
        m_dir = fs::temp_directory_path() / ("tepei-export-test-" + std::to_string(std::random_device{}()));
        fs::create_directories(m_dir);
    }
    void TearDown() override { fs::remove_all(m_dir); }
    std::string path(const std::string& name) const { return (m_dir / name).string(); }
    fs::path m_dir;
};

std::string str(const model::Application& app, const std::string& field)
{
    const auto it = app.values.find(field);
    return it != app.values.end() && it->second.is_string() ? it->second.as_string() : std::string();
}

// What 附件2 must show for an application, worked out from its raw form values.
std::vector<std::string> expectedSummaryRow(int index, const model::Application& app,
                                            const model::Campaign& c)
{
    const auto flag = [&](const char* field) { return app.values.at(field).as_bool() ? "是" : "否"; };
    const std::string birth = str(app, "birth_date");
    std::string units = str(app, "training_unit_1"); // the second choice after it, when another
    if (str(app, "training_unit_2") != units)
        units += "；" + str(app, "training_unit_2");
    return {std::to_string(index),
            str(app, "name"),
            model::findByCode(model::sexes(), str(app, "sex"))->zh,
            model::findEthnicGroup(str(app, "ethnicity"))->zh,
            birth.substr(0, 4) + "." + birth.substr(5, 2),
            str(app, "id_number"),
            model::findEducationLevel(str(app, "education"))->zh,
            model::findDegree(str(app, "degree"))->zh,
            str(app, "title"),
            str(app, "profession"),
            std::to_string(app.values.at("years_in_profession").as_integer()),
            str(app, "employer"),
            model::findUnitNature(str(app, "unit_nature"))->zh,
            flag("grassroots"),
            flag("non_public"),
            str(app, "priority_scope"),
            model::findTrainingMode(c, str(app, "training_mode"))->zh,
            units,
            str(app, "training_direction"),
            str(app, "mobile"),
            app.state == model::AppState::Admitted ? "已录取" : ""};
}

TEST_F(Exports, RApp6_SummaryTableHasTitleHeadingsAndOneRowPerApprovedApplicant)
{
    World& w = reviewWorld();
    const auto written = model::writeSummaryTable(w.fold(), w.campaign, {"150100"}, path("hohhot.xlsx"));
    ASSERT_TRUE(written.ok()) << written.error().message;
    EXPECT_EQ(*written, path("hohhot.xlsx"));
    XlsxFile file(*written);
    ASSERT_EQ(file.sheetNames(), std::vector<std::string>{"呼和浩特市"});
    const test::XlsxSheet& sheet = *file.sheet("呼和浩特市");

    EXPECT_EQ(sheet.at(0, 1), "2024年度“内蒙古少数民族地区专业技术人才特培计划”学员汇总表");
    EXPECT_NE(sheet.at(0, 2).find("推荐单位：呼和浩特市"), std::string::npos) << sheet.at(0, 2);
    EXPECT_EQ(sheet.row(3, 21), kSummaryHeadings);
    // Approved in the order of submission: 3, 1, 2; the admitted one says so in 备注.
    EXPECT_EQ(sheet.row(4, 21), expectedSummaryRow(1, w.app("hohhot-3"), w.campaign));
    EXPECT_EQ(sheet.row(5, 21), expectedSummaryRow(2, w.app("hohhot-1"), w.campaign));
    EXPECT_EQ(sheet.row(6, 21), expectedSummaryRow(3, w.app("hohhot-2"), w.campaign));
    EXPECT_TRUE(sheet.at(0, 7).rfind("注：重点选拔范围", 0) == 0) << sheet.at(0, 7);
    // The applicant whose values were chosen by hand, spelled out.
    const auto row = sheet.row(5, 21);
    EXPECT_EQ(row[1], "巴特尔");
    EXPECT_EQ(row[3], "蒙古族");
    EXPECT_EQ(row[11], "呼和浩特市第一医院");
    EXPECT_EQ(row[12], "非公企业");
    EXPECT_EQ(row[13], "是");
    EXPECT_EQ(row[14], "是");
    EXPECT_EQ(row[15], "2");
    EXPECT_EQ(row[16], "高校访问学者");
    EXPECT_EQ(row[20], "已录取");

    // Nothing of the applications that hold no place, nor of another authority's.
    for (const char* id :
         {"hohhot-late", "hohhot-submitted", "hohhot-returned", "hohhot-draft", "baotou-1"}) {
        for (const std::string& text : file.sharedStrings())
            EXPECT_EQ(text.find(str(w.app(id), "id_number")), std::string::npos) << id;
    }
    const int footer = sheet.findRow("填报单位（盖章）：呼和浩特市");
    ASSERT_GT(footer, 7);
    EXPECT_TRUE(sheet.contains("填报人："));
    EXPECT_TRUE(sheet.contains("联系电话："));
    EXPECT_TRUE(sheet.contains("填报日期："));
}

TEST_F(Exports, RApp6_SummaryHeadingsAreTheFormsLabelsWhereTheTableUsesThem)
{
    World& w = reviewWorld();
    const auto written = model::writeSummaryTable(w.fold(), w.campaign, {"150200"}, path("baotou.xlsx"));
    ASSERT_TRUE(written.ok()) << written.error().message;
    const auto headings = XlsxFile(*written).sheet("包头市")->row(3, 21);
    const std::map<int, const char*> fromForm{{1, "name"},
                                              {2, "sex"},
                                              {3, "ethnicity"},
                                              {5, "id_number"},
                                              {6, "education"},
                                              {7, "degree"},
                                              {8, "title"},
                                              {9, "profession"},
                                              {10, "years_in_profession"},
                                              {12, "unit_nature"},
                                              {15, "priority_scope"},
                                              {16, "training_mode"},
                                              {18, "training_direction"},
                                              {19, "mobile"}};
    for (const auto& [col, field] : fromForm)
        EXPECT_EQ(headings[static_cast<std::size_t>(col)], model::findField(field)->labelZh) << field;
}

TEST_F(Exports, RApp6_SummaryLaysOutLikeThePaperTable)
{
    World& w = reviewWorld();
    const auto written = model::writeSummaryTable(w.fold(), w.campaign, {"150100"}, path("layout.xlsx"));
    ASSERT_TRUE(written.ok()) << written.error().message;
    const std::string xml = XlsxFile(*written).sheet("呼和浩特市")->xml;
    EXPECT_NE(xml.find(R"(<mergeCell ref="A1:U1"/>)"), std::string::npos) << "merged title";
    EXPECT_NE(xml.find(R"(state="frozen")"), std::string::npos) << "frozen header";
    EXPECT_NE(xml.find(R"(topLeftCell="A4")"), std::string::npos) << "frozen below the header row";
    EXPECT_NE(xml.find(R"(paperSize="9")"), std::string::npos) << "A4";
    EXPECT_NE(xml.find(R"(orientation="landscape")"), std::string::npos);
    EXPECT_NE(xml.find(R"(fitToHeight="0")"), std::string::npos) << "one page wide";
    EXPECT_NE(xml.find("<cols>"), std::string::npos) << "column widths";
    const std::string styles = XlsxFile(*written).part("xl/styles.xml");
    EXPECT_NE(styles.find(R"(<left style="thin">)"), std::string::npos) << "borders";
    const std::string workbook = XlsxFile(*written).part("xl/workbook.xml");
    EXPECT_NE(workbook.find("_xlnm.Print_Titles"), std::string::npos) << "header row on every page";
}

TEST_F(Exports, RApp6_CentreExportHasOneSheetPerAuthorityAndATotal)
{
    World& w = reviewWorld();
    const auto written =
        model::writeSummaryTable(w.fold(), w.campaign, {"150100", "150200", "152900"}, path("all.xlsx"));
    ASSERT_TRUE(written.ok()) << written.error().message;
    XlsxFile file(*written);
    EXPECT_EQ(file.sheetNames(), (std::vector<std::string>{"汇总", "呼和浩特市", "包头市", "阿拉善盟"}));
    const test::XlsxSheet& total = *file.sheet("汇总");
    EXPECT_EQ(total.at(1, 3), "推荐单位");
    EXPECT_EQ(total.at(2, 3), "姓名");
    EXPECT_EQ(total.at(0, 8), "5");
    EXPECT_EQ(total.at(1, 4), "呼和浩特市");
    EXPECT_EQ(total.at(1, 8), "包头市");
    EXPECT_EQ(total.at(2, 8), str(w.app("baotou-1"), "name"));
    EXPECT_NE(total.at(0, 2).find("共5人"), std::string::npos) << total.at(0, 2);
    EXPECT_EQ(file.sheet("包头市")->at(5, 4), str(w.app("baotou-2"), "id_number"));
    EXPECT_EQ(file.sheet("阿拉善盟")->at(0, 4), "（暂无审核通过的申报人）");
}

TEST_F(Exports, RApp6_FailuresAreValuesAndLeaveNoFileBehind)
{
    World& w = reviewWorld();
    EXPECT_EQ(model::writeSummaryTable(w.fold(), w.campaign, {}, path("none.xlsx")).error().code,
              "invalid_value");
    EXPECT_EQ(
        model::writeSummaryTable(w.fold(), w.campaign, {"150100", "150100"}, path("twice.xlsx")).error().code,
        "invalid_value");
    const auto missing =
        model::writeSummaryTable(w.fold(), w.campaign, {"150100"}, path("no/such/dir/x.xlsx"));
    ASSERT_FALSE(missing.ok());
    EXPECT_EQ(missing.error().code, "export_failed");
    EXPECT_NE(missing.error().message.find("folder exists"), std::string::npos) << missing.error().message;

    // A failed export leaves the previous file as it was; a good one replaces it whole.
    const std::string target = path("kept.xlsx");
    std::ofstream(target) << "previous";
    ASSERT_EQ(model::writeSummaryTable(w.fold(), w.campaign, {"150100", "150100"}, target).error().code,
              "invalid_value");
    EXPECT_EQ(fs::file_size(target), 8u);
    ASSERT_TRUE(model::writeSummaryTable(w.fold(), w.campaign, {"150100"}, target).ok());
    EXPECT_EQ(XlsxFile(target).sheetNames(), std::vector<std::string>{"呼和浩特市"});
    EXPECT_EQ(std::distance(fs::directory_iterator(m_dir), fs::directory_iterator()), 1)
        << "no temporary files";
}

TEST_F(Exports, RQuo1_QuotaTableListsEveryAllocationAndTotalsToThePlaces)
{
    World& w = reviewWorld();
    const auto written = model::writeQuotaTable(w.fold(), w.campaign, {}, path("quota.xlsx"));
    ASSERT_TRUE(written.ok()) << written.error().message;
    XlsxFile file(*written);
    ASSERT_EQ(file.sheets().size(), 1u);
    const test::XlsxSheet& sheet = file.sheets().front();
    EXPECT_EQ(sheet.at(0, 1), "2024年度“内蒙古少数民族专业技术人才特殊培养计划”学员名额分配表");
    EXPECT_EQ(sheet.row(3, 6),
              (std::vector<std::string>{"序号", "推荐单位", "分配名额", "已审核通过", "待审核", "剩余名额"}));
    const int rows = static_cast<int>(w.campaign.allocations.size());
    for (int i = 0; i < rows; ++i) {
        const model::Allocation& a = w.campaign.allocations[static_cast<std::size_t>(i)];
        EXPECT_EQ(sheet.at(1, 4 + i), model::findOrganisation(a.authorityCode)->zh);
        EXPECT_EQ(sheet.at(2, 4 + i), std::to_string(a.places)) << a.authorityCode;
    }
    EXPECT_EQ(sheet.row(4 + rows, 6), (std::vector<std::string>{"合计", "", "50", "5", "2", "45"}));
    EXPECT_EQ(w.campaign.places, 50);
}

TEST_F(Exports, RQuo3_QuotaTableShowsApprovedPendingAndRemainingPerAuthority)
{
    World& w = reviewWorld();
    const auto written = model::writeQuotaTable(w.fold(), w.campaign, {"150100", "150200"}, path("two.xlsx"));
    ASSERT_TRUE(written.ok()) << written.error().message;
    const XlsxFile file(*written);
    const test::XlsxSheet& sheet = file.sheets().front();
    // 呼和浩特市: 3 of 3 taken; the submitted one and the one refused for the full quota wait.
    EXPECT_EQ(sheet.row(4, 6), (std::vector<std::string>{"1", "呼和浩特市", "3", "3", "2", "0"}));
    EXPECT_EQ(sheet.row(5, 6), (std::vector<std::string>{"2", "包头市", "3", "2", "0", "1"}));
    EXPECT_EQ(sheet.row(6, 6), (std::vector<std::string>{"合计", "", "6", "5", "2", "1"}));
}

TEST_F(Exports, RFnd2_FundingPlanOfFiftyTraineesIs2450000Yuan)
{
    World& w = fullWorld();
    ASSERT_EQ(w.admitted.size(), 50u);
    const auto written = model::writeFundingPlan(w.fold(), w.campaign, {}, path("funding.xlsx"));
    ASSERT_TRUE(written.ok()) << written.error().message;
    XlsxFile file(*written);
    ASSERT_EQ(file.sheetNames(), (std::vector<std::string>{"按学员", "按培养单位", "拨付明细"}));

    const test::XlsxSheet& trainees = *file.sheet("按学员");
    EXPECT_EQ(trainees.at(0, 1), w.campaign.title + "经费计划表（按学员）");
    EXPECT_EQ(trainees.row(3, 12),
              (std::vector<std::string>{"序号", "姓名", "推荐单位", "培养单位", "培养专业", "培养期限",
                                        "月数", "学费住宿费（元）", "生活补贴（元）",
                                        "拨付培养单位小计（元）", "管理费（元）", "合计（元）"}));
    const model::Application& first = w.app(w.admitted.front());
    EXPECT_EQ(trainees.row(4, 7), (std::vector<std::string>{"1", str(first, "name"), "呼和浩特市", "北京大学",
                                                            "作物遗传育种", "2024-09-01至2025-08-31", "12"}));
    // 36,800 + 12 × 600 to the training unit, 5,000 management fee: 49,000.00 yuan per trainee.
    EXPECT_EQ(test::fenOfCell(trainees.at(7, 4)), 3'680'000);
    EXPECT_EQ(test::fenOfCell(trainees.at(8, 4)), 720'000);
    EXPECT_EQ(test::fenOfCell(trainees.at(9, 4)), 4'400'000);
    EXPECT_EQ(test::fenOfCell(trainees.at(10, 4)), 500'000);
    EXPECT_EQ(test::fenOfCell(trainees.at(11, 4)), 4'900'000);
    // Nothing disbursed yet: the whole plan remains, and nothing is claimed back.
    EXPECT_EQ(trainees.row(3, 17).back(), "已退还（元）");
    EXPECT_EQ(test::fenOfCell(trainees.at(12, 4)), 0);
    EXPECT_EQ(test::fenOfCell(trainees.at(13, 4)), 4'900'000);
    EXPECT_EQ(trainees.at(14, 4), "已录取");
    std::int64_t sum = 0;
    for (int row = 4; row < 54; ++row)
        sum += test::fenOfCell(trainees.at(11, row));
    EXPECT_EQ(sum, 245'000'000);
    EXPECT_EQ(trainees.at(0, 54), "合计（50人）");
    EXPECT_EQ(test::fenOfCell(trainees.at(11, 54)), 245'000'000) << "2,450,000.00 yuan";

    const test::XlsxSheet& units = *file.sheet("按培养单位");
    EXPECT_EQ(units.row(4, 3), (std::vector<std::string>{"1", "中国农业大学", "17"}));
    EXPECT_EQ(units.row(5, 3), (std::vector<std::string>{"2", "北京大学", "17"}));
    EXPECT_EQ(units.row(6, 3), (std::vector<std::string>{"3", "清华大学", "16"}));
    EXPECT_EQ(test::fenOfCell(units.at(7, 4)), 17 * 4'900'000);
    EXPECT_EQ(units.row(7, 3), (std::vector<std::string>{"合计", "", "50"}));
    EXPECT_EQ(test::fenOfCell(units.at(7, 7)), 245'000'000);
    EXPECT_NE(file.part("xl/styles.xml").find("#,##0.00"), std::string::npos) << "shown with two decimals";
}

TEST_F(Exports, RFnd2_FundingPlanCountsOnlyTraineesOfTheChosenAuthorities)
{
    World& w = reviewWorld();
    const auto written = model::writeFundingPlan(w.fold(), w.campaign, {"150200"}, path("baotou-funds.xlsx"));
    ASSERT_TRUE(written.ok()) << written.error().message;
    const XlsxFile file(*written);
    const test::XlsxSheet& trainees = *file.sheet("按学员");
    EXPECT_EQ(trainees.at(0, 4), "合计（0人）");
    EXPECT_EQ(trainees.at(11, 4), "0");
    const auto all = model::writeFundingPlan(w.fold(), w.campaign, {}, path("all-funds.xlsx"));
    ASSERT_TRUE(all.ok());
    const XlsxFile allFile(*all);
    const test::XlsxSheet& one = *allFile.sheet("按学员");
    EXPECT_EQ(one.at(1, 4), "巴特尔");
    EXPECT_EQ(one.at(0, 5), "合计（1人）");
    EXPECT_EQ(test::fenOfCell(one.at(11, 5)), 4'900'000);
}

} // namespace
