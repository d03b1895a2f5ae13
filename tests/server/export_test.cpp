// Integration: the Excel exports of the real tepei-server (R-APP-6, R-QUO-1, R-QUO-3, R-FND-2),
// with data driven in by real pushes through the workflow, and who may export what (R-SEC-2).
#include "../shared/xlsx_reader.h"
#include "programme.h"
#include "server_fixture.h"

#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <memory>
#include <random>
#include <tepei/model/campaign/campaign.h>
#include <tepei/model/command/command.h>
#include <tepei/model/fold/fold.h>
#include <tepei/model/kinds/application/application_kind.h>
#include <tepei/model/kinds/campaign/campaign_kind.h>
#include <tepei/model/samples/samples.h>
#include <tepei/sync/codec.h>
#include <tepei/sync/ids.h>

namespace {
using tepei::test::HttpReply;
using tepei::test::TestServer;
using tepei::test::XlsxFile;
namespace json = web::json;
namespace fs = std::filesystem;
namespace model = tepei::model;
namespace sync = tepei::sync;

const std::string kPassword = "Steppe-Horse-88";
const std::string kXlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

// A person on their own device: logs in with the device's site and stamps changes with a clock
// in February 2024, before the 2024 campaign's deadline.
struct Person {
    std::string login;
    std::string role;
    std::string site = sync::newUuidString();
    std::string token;
    std::string userId;
    std::int64_t wallMs = 1706745600000; // 2024-02-01T00:00:00Z

    sync::Change change(const std::string& kind, const std::string& record, sync::ChangeOp op,
                        json::value body)
    {
        sync::Change c;
        c.id = sync::newUuid();
        c.author = userId;
        c.site = site;
        c.hlc = sync::Hlc{wallMs += 1000, 0};
        c.recordKind = kind;
        c.recordId = record;
        c.op = op;
        c.payload = std::move(body);
        return c;
    }
    sync::Change command(const std::string& record, const std::string& name,
                         json::value args = json::value::object())
    {
        model::Command command = model::Command::fromPayload(std::move(args));
        command.name = name;
        command.role = role;
        return change(model::kKindApplication, record, sync::ChangeOp::Command, command.toPayload());
    }
};

class ExportApi : public ::testing::Test {
protected:
    static void SetUpTestSuite()
    {
        s_server = std::make_unique<TestServer>();
        seed();
        ASSERT_TRUE(s_server->start()) << s_server->log();
        for (Person* p : {&s_centre, &s_applicant1, &s_applicant2, &s_unit1, &s_unit2, &s_hohhot, &s_baotou,
                          &s_admin, &s_trainingUnit})
            logIn(*p);
        driveWorkflow();
    }
    static void TearDownTestSuite()
    {
        EXPECT_EQ(s_server->stop(), 0);
        s_server.reset();
    }

    // Orgs with the codes of reference.h, so the 2024 campaign's allocations apply, and one user
    // per role.
    static void seed()
    {
        const auto file = s_server->dir() / "orgs.json";
        std::ofstream(file) << R"([{"code":"C00","kind":"centre","name":"自治区人事人才公共服务中心"},
            {"code":"150100","kind":"authority","name":"呼和浩特市","parent":"C00"},
            {"code":"150200","kind":"authority","name":"包头市","parent":"C00"},
            {"code":"W1","kind":"work_unit","name":"呼和浩特市第一医院","parent":"150100"},
            {"code":"W2","kind":"work_unit","name":"包头市农牧业科学研究院","parent":"150200"},
            {"code":"T-PKU","kind":"training_unit","name":"北京大学"}])";
        ASSERT_EQ(s_server->admin({"init"}), 0);
        ASSERT_EQ(s_server->admin({"org", "import", file.string()}), 0);
        const std::vector<std::array<std::string, 3>> users{{"centre", "centre_officer", "C00"},
                                                            {"nomin", "applicant", "W1"},
                                                            {"saran", "applicant", "W2"},
                                                            {"bat", "unit_reviewer", "W1"},
                                                            {"sukh", "unit_reviewer", "W2"},
                                                            {"tuya", "authority_reviewer", "150100"},
                                                            {"altan", "authority_reviewer", "150200"},
                                                            {"root", "administrator", "C00"},
                                                            {"pku", "training_unit_officer", "T-PKU"}};
        for (const auto& [login, role, org] : users) {
            ASSERT_EQ(s_server->admin(
                          {"user", "add", "--login", login, "--role", role, "--org", org, "--name", login},
                          kPassword),
                      0)
                << login;
        }
    }

    static void logIn(Person& p)
    {
        json::value body = json::value::object();
        body["user"] = json::value::string(p.login);
        body["password"] = json::value::string(kPassword);
        body["site"] = json::value::string(p.site);
        const HttpReply reply = s_server->postJson("/v1/login", body);
        ASSERT_EQ(reply.status, 200) << reply.body;
        p.token = reply.json().at("token").as_string();
        p.userId = reply.json().at("userId").as_string();
    }

    // Pushes one change of `p` and expects it accepted (with an accepted verdict in the fold).
    static void push(Person& p, const sync::Change& change)
    {
        sync::PushRequest request;
        request.site = p.site;
        request.changes = {change};
        const HttpReply reply = s_server->call("POST", "/v1/push", sync::encode(request), {}, p.token);
        ASSERT_EQ(reply.status, 200) << reply.body;
        const auto decoded = sync::decodePushReply(reply.body);
        ASSERT_TRUE(decoded.ok()) << reply.body;
        ASSERT_EQ(decoded->results.size(), 1u);
        ASSERT_EQ(decoded->results[0].status, sync::PushResult::Status::Accepted)
            << decoded->results[0].code << ": " << decoded->results[0].message;
    }

    // A review command carries the digest of what the reviewer saw (from the record view).
    static void review(Person& p, const std::string& record, const std::string& action)
    {
        const HttpReply view = s_server->call("GET", "/v1/records/" + record, "", {}, p.token);
        ASSERT_EQ(view.status, 200) << view.body;
        json::value args = json::value::object();
        args["digest"] = view.json().at("digest");
        push(p, p.command(record, action, args));
        const HttpReply after = s_server->call("GET", "/v1/records/" + record, "", {}, p.token);
        ASSERT_NE(after.json().at("state").as_string(), view.json().at("state").as_string())
            << action << " was refused: " << after.body;
    }

    // hohhot-1 approved by 呼和浩特市 and admitted at 北京大学 (T-PKU); hohhot-2 submitted only;
    // baotou-1 approved by 包头市.
    static void driveWorkflow()
    {
        const std::optional<model::Campaign> campaign = tepei::test::openCampaign2024();
        json::value definition = json::value::object();
        definition = model::campaignPayload(*campaign);
        push(s_centre, s_centre.change(model::kKindCampaign, "2024", sync::ChangeOp::Set, definition));

        std::mt19937_64 rng(37);
        auto hohhot1 = model::sampleApplication(rng, *campaign, {"150100", "W1", "呼和浩特市第一医院"});
        hohhot1["name"] = json::value::string("巴特尔");
        hohhot1["ethnicity"] = json::value::string("02");
        s_hohhot1Id = hohhot1["id_number"].as_string();
        const auto hohhot2 = model::sampleApplication(rng, *campaign, {"150100", "W1", "呼和浩特市第一医院"});
        s_hohhot2Name = hohhot2.at("name").as_string();
        const auto baotou1 =
            model::sampleApplication(rng, *campaign, {"150200", "W2", "包头市农牧业科学研究院"});
        s_baotou1Id = baotou1.at("id_number").as_string();
        const auto set = [](Person& p, const std::string& id, const model::FieldMap& fields) {
            push(p, p.change(model::kKindApplication, id, sync::ChangeOp::Set, model::toJson(fields)));
            push(p, p.command(id, "submit"));
        };
        set(s_applicant1, "hohhot-1", hohhot1);
        set(s_applicant1, "hohhot-2", hohhot2);
        set(s_applicant2, "baotou-1", baotou1);
        review(s_unit1, "hohhot-1", "unit_approve");
        review(s_hohhot, "hohhot-1", "authority_approve");
        review(s_unit2, "baotou-1", "unit_approve");
        review(s_baotou, "baotou-1", "authority_approve");
        json::value admission = json::value::object();
        admission["training_unit"] = json::value::string("T-PKU");
        admission["major"] = json::value::string("临床医学");
        admission["start"] = json::value::string("2024-09-01");
        push(s_centre, s_centre.command("hohhot-1", "admit", admission));
    }

    static HttpReply get(const Person& p, const std::string& path)
    {
        return s_server->call("GET", path, "", {}, p.token);
    }

    // The downloaded workbook, read back from a file.
    static XlsxFile open(const HttpReply& reply)
    {
        const fs::path file = s_server->dir() / ("download-" + sync::newUuidString() + ".xlsx");
        std::ofstream(file, std::ios::binary) << reply.body;
        return XlsxFile(file.string());
    }

    static std::unique_ptr<TestServer> s_server;
    static Person s_centre, s_applicant1, s_applicant2, s_unit1, s_unit2, s_hohhot, s_baotou, s_admin,
        s_trainingUnit;
    static std::string s_hohhot1Id, s_hohhot2Name, s_baotou1Id;
};
std::unique_ptr<TestServer> ExportApi::s_server;
Person ExportApi::s_centre{"centre", "centre_officer"};
Person ExportApi::s_applicant1{"nomin", "applicant"};
Person ExportApi::s_applicant2{"saran", "applicant"};
Person ExportApi::s_unit1{"bat", "unit_reviewer"};
Person ExportApi::s_unit2{"sukh", "unit_reviewer"};
Person ExportApi::s_hohhot{"tuya", "authority_reviewer"};
Person ExportApi::s_baotou{"altan", "authority_reviewer"};
Person ExportApi::s_admin{"root", "administrator"};
Person ExportApi::s_trainingUnit{"pku", "training_unit_officer"};
std::string ExportApi::s_hohhot1Id;
std::string ExportApi::s_hohhot2Name;
std::string ExportApi::s_baotou1Id;

TEST_F(ExportApi, RApp6_AuthorityDownloadsTheSummaryTableOfItsApprovedApplicants)
{
    const HttpReply reply = get(s_hohhot, "/v1/exports/summary.xlsx?campaign=2024");
    ASSERT_EQ(reply.status, 200) << reply.body;
    EXPECT_EQ(reply.headers.at("content-type"), kXlsxType);
    // "2024年度学员汇总表-呼和浩特市.xlsx", percent-encoded.
    EXPECT_EQ(
        reply.headers.at("content-disposition"),
        "attachment; filename=\"tepei-summary-2024-150100.xlsx\"; filename*=UTF-8''2024%E5%B9%B4%E5%BA%A6"
        "%E5%AD%A6%E5%91%98%E6%B1%87%E6%80%BB%E8%A1%A8-%E5%91%BC%E5%92%8C%E6%B5%A9%E7%89%B9%E5%B8%82.xlsx");
    const XlsxFile file = open(reply);
    ASSERT_EQ(file.sheetNames(), std::vector<std::string>{"呼和浩特市"});
    const auto& sheet = *file.sheet("呼和浩特市");
    EXPECT_EQ(sheet.at(0, 1), "2024年度“内蒙古少数民族地区专业技术人才特培计划”学员汇总表");
    EXPECT_EQ(sheet.at(1, 3), "姓名");
    const auto row = sheet.row(4, 21);
    EXPECT_EQ(row[0], "1");
    EXPECT_EQ(row[1], "巴特尔");
    EXPECT_EQ(row[3], "蒙古族");
    EXPECT_EQ(row[5], s_hohhot1Id);
    EXPECT_EQ(row[11], "呼和浩特市第一医院");
    EXPECT_EQ(row[20], "已录取");
    EXPECT_EQ(sheet.at(0, 5).rfind("注：", 0), 0u) << "no second row: the submitted one holds no place";
    EXPECT_FALSE(sheet.contains(s_hohhot2Name));
    EXPECT_FALSE(sheet.contains(s_baotou1Id));
}

TEST_F(ExportApi, RApp6_CentreDownloadsEveryAuthorityWithATotalOrOneAuthority)
{
    const HttpReply all = get(s_centre, "/v1/exports/summary.xlsx?campaign=2024");
    ASSERT_EQ(all.status, 200) << all.body;
    EXPECT_NE(all.headers.at("content-disposition").find("filename=\"tepei-summary-2024.xlsx\""),
              std::string::npos);
    const XlsxFile file = open(all);
    ASSERT_EQ(file.sheets().size(), 27u) << "汇总 and the 26 authorities of the 2024 campaign";
    EXPECT_EQ(file.sheetNames()[0], "汇总");
    EXPECT_EQ(file.sheetNames()[1], "呼和浩特市");
    const auto& total = *file.sheet("汇总");
    EXPECT_EQ(total.row(4, 3), (std::vector<std::string>{"1", "呼和浩特市", "巴特尔"}));
    EXPECT_EQ(total.at(0, 5), "2");
    EXPECT_EQ(total.at(1, 5), "包头市");
    EXPECT_EQ(total.at(6, 5), s_baotou1Id);

    const HttpReply one = get(s_admin, "/v1/exports/summary.xlsx?campaign=2024&authority=150200");
    ASSERT_EQ(one.status, 200) << one.body;
    const XlsxFile baotou = open(one);
    ASSERT_EQ(baotou.sheetNames(), std::vector<std::string>{"包头市"});
    EXPECT_EQ(baotou.sheet("包头市")->at(5, 4), s_baotou1Id);
}

TEST_F(ExportApi, RQuo1_RQuo3_QuotaTableShowsEachAuthorityAndTotalsTheCampaignsPlaces)
{
    const HttpReply reply = get(s_centre, "/v1/exports/quota.xlsx?campaign=2024");
    ASSERT_EQ(reply.status, 200) << reply.body;
    EXPECT_NE(reply.headers.at("content-disposition").find("filename=\"tepei-quota-2024.xlsx\""),
              std::string::npos);
    const XlsxFile file = open(reply);
    const auto& sheet = file.sheets().front();
    EXPECT_EQ(sheet.row(3, 6),
              (std::vector<std::string>{"序号", "推荐单位", "分配名额", "已审核通过", "待审核", "剩余名额"}));
    EXPECT_EQ(sheet.row(4, 6), (std::vector<std::string>{"1", "呼和浩特市", "3", "1", "1", "2"}));
    EXPECT_EQ(sheet.row(5, 6), (std::vector<std::string>{"2", "包头市", "3", "1", "0", "2"}));
    const int totalRow = sheet.findRow("合计");
    ASSERT_EQ(totalRow, 4 + 26);
    EXPECT_EQ(sheet.row(totalRow, 6), (std::vector<std::string>{"合计", "", "50", "2", "1", "48"}));

    // The authority sees its own row only.
    const XlsxFile own = open(get(s_baotou, "/v1/exports/quota.xlsx?campaign=2024"));
    EXPECT_EQ(own.sheets().front().row(4, 6), (std::vector<std::string>{"1", "包头市", "3", "1", "0", "2"}));
    EXPECT_EQ(own.sheets().front().at(0, 5), "合计");
}

TEST_F(ExportApi, RFnd2_FundingPlanPerTraineeAndTrainingUnit)
{
    const HttpReply reply = get(s_centre, "/v1/exports/funding.xlsx?campaign=2024");
    ASSERT_EQ(reply.status, 200) << reply.body;
    const XlsxFile file = open(reply);
    const auto& trainees = *file.sheet("按学员");
    EXPECT_EQ(trainees.row(4, 7), (std::vector<std::string>{"1", "巴特尔", "呼和浩特市", "北京大学",
                                                            "临床医学", "2024-09-01至2025-08-31", "12"}));
    EXPECT_EQ(tepei::test::fenOfCell(trainees.at(11, 4)), 4'900'000) << "49,000.00 yuan";
    EXPECT_EQ(trainees.at(0, 5), "合计（1人）");
    EXPECT_EQ(tepei::test::fenOfCell(trainees.at(11, 5)), 4'900'000);
    const auto& units = *file.sheet("按培养单位");
    EXPECT_EQ(units.row(4, 3), (std::vector<std::string>{"1", "北京大学", "1"}));
    EXPECT_EQ(tepei::test::fenOfCell(units.at(5, 4)), 4'400'000) << "paid to the training unit";
}

// Issue #12 item 6: the admitted trainees, a table of its own.
TEST_F(ExportApi, RQuo3_AdmittedTraineesListNamesWhereWhatAndWhen)
{
    const HttpReply reply = get(s_centre, "/v1/exports/admitted.xlsx?campaign=2024");
    ASSERT_EQ(reply.status, 200) << reply.body;
    EXPECT_NE(reply.headers.at("content-disposition").find("admitted"), std::string::npos);
    const XlsxFile file = open(reply);
    const auto& list = *file.sheet("录取学员名单");
    EXPECT_EQ(list.row(3, 12),
              (std::vector<std::string>{"序号", "姓名", "性别", "民族", "身份证号", "推荐单位", "工作单位",
                                        "培养单位", "培养专业", "开始日期", "结束日期", "状态"}));
    const auto trainee = list.row(4, 12);
    EXPECT_EQ(trainee[1], "巴特尔");
    EXPECT_EQ(trainee[5], "呼和浩特市");
    EXPECT_EQ(std::vector<std::string>(trainee.begin() + 7, trainee.end()),
              (std::vector<std::string>{"北京大学", "临床医学", "2024-09-01", "2025-08-31", "已录取"}));
    EXPECT_EQ(list.row(5, 2), (std::vector<std::string>{"", ""})) << "one trainee only";
    EXPECT_EQ(open(get(s_baotou, "/v1/exports/admitted.xlsx?campaign=2024")).sheet("录取学员名单")->at(1, 4),
              "")
        << "包头市 sees none of 呼和浩特市's trainees";
}

TEST_F(ExportApi, RSec2_OnlyAuthoritiesForThemselvesAndTheCentreMayExport)
{
    for (const char* path :
         {"/v1/exports/summary.xlsx?campaign=2024", "/v1/exports/quota.xlsx?campaign=2024",
          "/v1/exports/funding.xlsx?campaign=2024", "/v1/exports/admitted.xlsx?campaign=2024"}) {
        for (const Person* p : {&s_applicant1, &s_unit1, &s_trainingUnit}) {
            const HttpReply refused = get(*p, path);
            EXPECT_EQ(refused.status, 403) << p->login << " " << path;
            EXPECT_EQ(refused.code(), "role_not_permitted") << p->login << " " << path;
        }
        EXPECT_EQ(get(s_centre, path).status, 200) << path;
        EXPECT_EQ(get(s_admin, path).status, 200) << path;
        EXPECT_EQ(s_server->call("GET", path).status, 401) << path;
        if (std::string(path).find("funding") != std::string::npos) {
            // Disbursements are the trainee's parties' and the centre's (R-SEC-2): no authority.
            EXPECT_EQ(get(s_hohhot, path).code(), "role_not_permitted");
            continue;
        }
        const HttpReply other = get(s_hohhot, std::string(path) + "&authority=150200");
        EXPECT_EQ(other.status, 403) << path;
        EXPECT_EQ(other.code(), "forbidden") << path;
        EXPECT_EQ(get(s_hohhot, std::string(path) + "&authority=150100").status, 200) << path;
    }
    // 包头市's reviewer gets 包头市 only, never 呼和浩特市's applicant.
    const XlsxFile baotou = open(get(s_baotou, "/v1/exports/summary.xlsx?campaign=2024"));
    EXPECT_EQ(baotou.sheetNames(), std::vector<std::string>{"包头市"});
    EXPECT_FALSE(baotou.sheet("包头市")->contains(s_hohhot1Id));
    EXPECT_EQ(get(s_baotou, "/v1/exports/funding.xlsx?campaign=2024").status, 403);
}

TEST_F(ExportApi, RSec3_BadExportRequestsGetClearErrors)
{
    const HttpReply unknown = get(s_centre, "/v1/exports/summary.xlsx?campaign=1999");
    EXPECT_EQ(unknown.status, 404);
    EXPECT_EQ(unknown.code(), "campaign_not_found");
    const HttpReply missing = get(s_centre, "/v1/exports/quota.xlsx");
    EXPECT_EQ(missing.status, 400);
    EXPECT_EQ(missing.code(), "missing_field");
    const HttpReply noPlaces = get(s_centre, "/v1/exports/summary.xlsx?campaign=2024&authority=W1");
    EXPECT_EQ(noPlaces.status, 400);
    EXPECT_EQ(noPlaces.code(), "invalid_value");
    EXPECT_EQ(s_server->call("POST", "/v1/exports/quota.xlsx?campaign=2024", "", {}, s_centre.token).status,
              405);
}

} // namespace
