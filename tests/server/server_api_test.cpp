// Integration: the real tepei-server over HTTP. Health, login, sessions, throttling, registration
// and approval of units, bad input, gzip (R-SEC-1, R-SEC-3, R-ORG-3, R-SYNC-5).
#include "server_fixture.h"

#include <gtest/gtest.h>
#include <memory>
#include <tepei/model/rules/version.h>
#include <tepei/server/http/gzip.h>
#include <thread>

namespace {
using tepei::test::HttpReply;
using tepei::test::TestServer;
namespace json = web::json;

const std::string kPassword = "Steppe-Horse-88";

json::value object(std::initializer_list<std::pair<std::string, std::string>> fields)
{
    json::value v = json::value::object();
    for (const auto& [k, val] : fields) {
        v[k] = json::value::string(val);
    }
    return v;
}

class ServerApi : public ::testing::Test {
protected:
    static void SetUpTestSuite()
    {
        s_server = std::make_unique<TestServer>();
        s_server->seedOrgs();
        ASSERT_EQ(s_server->admin({"user", "add", "--login", "bat", "--role", "unit_reviewer", "--org", "W1",
                                   "--name", "巴特尔"},
                                  kPassword),
                  0);
        ASSERT_EQ(s_server->admin({"user", "add", "--login", "tuya", "--role", "authority_reviewer", "--org",
                                   "A1", "--name", "图雅"},
                                  kPassword),
                  0);
        ASSERT_EQ(s_server->admin({"user", "add", "--login", "saran", "--role", "authority_reviewer", "--org",
                                   "A2", "--name", "萨仁"},
                                  kPassword),
                  0);
        ASSERT_TRUE(s_server->start()) << s_server->log();
    }
    static void TearDownTestSuite()
    {
        EXPECT_EQ(s_server->stop(), 0) << "graceful shutdown on SIGTERM";
        s_server.reset();
    }
    static const TestServer& server() { return *s_server; }
    static std::unique_ptr<TestServer> s_server;
};
std::unique_ptr<TestServer> ServerApi::s_server;

TEST_F(ServerApi, RSec3_HealthReportsVersions)
{
    const auto reply = server().call("GET", "/v1/health");
    ASSERT_EQ(reply.status, 200);
    const auto v = reply.json();
    EXPECT_EQ(v.at("v").as_integer(), 2);
    EXPECT_EQ(v.at("status").as_string(), "ok");
    EXPECT_EQ(v.at("version").as_string(), "0.1.0");
    EXPECT_EQ(v.at("rulesVersion").as_integer(), 1);
    EXPECT_EQ(v.at("protocol").as_integer(), 2);
}

TEST_F(ServerApi, RSec1_LoginGivesAnExpiringSessionThatLogoutEnds)
{
    EXPECT_EQ(server().call("GET", "/v1/me").code(), "auth_required");
    EXPECT_EQ(server().call("GET", "/v1/me", "", {}, std::string(64, 'a')).code(), "auth_required");

    const auto reply = server().postJson(
        "/v1/login",
        object({{"user", "bat"}, {"password", kPassword}, {"site", "0b6f7f3e-5d1c-4b8a-9e2f-1a2b3c4d5e6f"}}));
    ASSERT_EQ(reply.status, 200) << reply.body;
    const auto v = reply.json();
    const std::string token = v.at("token").as_string();
    EXPECT_EQ(token.size(), 64u);
    EXPECT_EQ(v.at("role").as_string(), "unit_reviewer");
    EXPECT_EQ(v.at("orgCode").as_string(), "W1");
    EXPECT_EQ(v.at("displayName").as_string(), "巴特尔");
    EXPECT_EQ(v.at("expiresAt").as_string().back(), 'Z');

    const auto me = server().call("GET", "/v1/me", "", {}, token);
    ASSERT_EQ(me.status, 200);
    EXPECT_EQ(me.json().at("authorityCode").as_string(), "A1");

    const auto orgs = server().call("GET", "/v1/orgs", "", {}, token).json().at("orgs").as_array();
    std::set<std::string> codes;
    for (const auto& o : orgs) {
        codes.insert(o.at("code").as_string());
    }
    EXPECT_EQ(codes, (std::set<std::string>{"A1", "A2", "C0", "T1", "W1"}));

    const auto logout = server().call("POST", "/v1/logout", "", {}, token);
    EXPECT_EQ(logout.status, 204); // PROTOCOL.md
    EXPECT_TRUE(logout.body.empty()) << logout.body;
    EXPECT_EQ(server().call("GET", "/v1/me", "", {}, token).code(), "auth_required");
}

TEST_F(ServerApi, RSec1_WrongPasswordAndUnknownUserGetTheSameAnswer)
{
    const std::string site = "0b6f7f3e-5d1c-4b8a-9e2f-1a2b3c4d5e6f";
    const auto wrong = server().postJson(
        "/v1/login", object({{"user", "tuya"}, {"password", "Wrong-pass-1"}, {"site", site}}));
    const auto nobody = server().postJson(
        "/v1/login", object({{"user", "nobody-here"}, {"password", "Wrong-pass-1"}, {"site", site}}));
    EXPECT_EQ(wrong.status, 401);
    EXPECT_EQ(wrong.code(), "invalid_credentials");
    EXPECT_EQ(wrong.body, nobody.body);
}

TEST_F(ServerApi, RSec1_RepeatedFailuresAreThrottledEvenWithTheRightPassword)
{
    ASSERT_EQ(s_server->admin({"user", "add", "--login", "sarnai", "--role", "unit_reviewer", "--org", "W1",
                               "--name", "萨仁"},
                              kPassword),
              0);
    const std::string site = "0b6f7f3e-5d1c-4b8a-9e2f-1a2b3c4d5e6f";
    for (int i = 0; i < 5; ++i) {
        EXPECT_EQ(server()
                      .postJson("/v1/login", object({{"user", "sarnai"},
                                                     {"password", "Guess-no-" + std::to_string(i)},
                                                     {"site", site}}))
                      .code(),
                  "invalid_credentials");
    }
    const auto locked =
        server().postJson("/v1/login", object({{"user", "sarnai"}, {"password", kPassword}, {"site", site}}));
    EXPECT_EQ(locked.status, 429);
    EXPECT_EQ(locked.code(), "too_many_attempts");
    ASSERT_TRUE(locked.headers.count("retry-after"));
    EXPECT_GT(std::stoi(locked.headers.at("retry-after")), 0);
    // Other users are unaffected.
    EXPECT_FALSE(server().login("tuya", kPassword).empty());
}

// Issue #12 item 8: the authority lists the registrations waiting for it, with who registered,
// and refuses one with a reason; the refused account cannot sign in and is told why not; nobody
// outside the authority sees or decides them.
TEST_F(ServerApi, ROrg3_TheAuthorityListsAndRefusesARegistrationWithItsReason)
{
    const auto reg = server().postJson("/v1/register/unit", object({{"code", "W8"},
                                                                    {"name", "阿巴嘎旗人民医院"},
                                                                    {"authorityCode", "A1"},
                                                                    {"login", "unit8"},
                                                                    {"password", kPassword},
                                                                    {"displayName", "其其格"},
                                                                    {"mobile", "13800000008"}}));
    ASSERT_EQ(reg.status, 201) << reg.body;
    const std::string authority = server().login("tuya", kPassword);
    const std::string other = server().login("saran", kPassword);
    const std::string unitReviewer = server().login("bat", kPassword);
    const auto listed = server().call("GET", "/v1/units/pending", "", {}, authority);
    ASSERT_EQ(listed.status, 200) << listed.body;
    bool found = false;
    const auto waiting = listed.json();
    for (const auto& unit : waiting.at("units").as_array()) {
        if (unit.at("code").as_string() == "W8") {
            found = true;
            EXPECT_EQ(unit.at("name").as_string(), "阿巴嘎旗人民医院");
            EXPECT_EQ(unit.at("login").as_string(), "unit8");
            EXPECT_EQ(unit.at("displayName").as_string(), "其其格");
            EXPECT_EQ(unit.at("mobile").as_string(), "13800000008");
        }
    }
    EXPECT_TRUE(found) << listed.body;
    EXPECT_EQ(server().call("GET", "/v1/units/pending", "", {}, other).json().at("units").size(), 0u);
    EXPECT_EQ(server().call("GET", "/v1/units/pending", "", {}, unitReviewer).code(), "forbidden");

    const auto because = object({{"reason", "单位名称与营业执照不符，请核对后重新注册"}});
    EXPECT_EQ(server().postJson("/v1/units/W8/reject", because, other).code(), "forbidden");
    EXPECT_EQ(server().postJson("/v1/units/W8/reject", object({{"reason", "  "}}), authority).code(),
              "comment_required");
    const auto refused = server().postJson("/v1/units/W8/reject", because, authority);
    ASSERT_EQ(refused.status, 200) << refused.body;
    EXPECT_EQ(refused.json().at("status").as_string(), "rejected");
    EXPECT_EQ(server().postJson("/v1/units/W8/reject", because, authority).code(), "not_pending");
    EXPECT_EQ(server().call("POST", "/v1/units/W8/approve", "", {}, authority).code(), "not_pending");
    const auto login =
        server().postJson("/v1/login", object({{"user", "unit8"},
                                               {"password", kPassword},
                                               {"site", "0b6f7f3e-5d1c-4b8a-9e2f-1a2b3c4d5e6f"}}));
    EXPECT_EQ(login.status, 403);
    EXPECT_EQ(login.code(), "account_rejected");
    const auto after = server().call("GET", "/v1/units/pending", "", {}, authority).json();
    for (const auto& unit : after.at("units").as_array())
        EXPECT_NE(unit.at("code").as_string(), "W8");
}

TEST_F(ServerApi, ROrg3_UnitAccountIsPendingUntilItsAuthorityApproves)
{
    auto registration = object({{"code", "W7"},
                                {"name", "锡林郭勒职业学院"},
                                {"authorityCode", "A1"},
                                {"login", "unit7"},
                                {"password", kPassword},
                                {"displayName", "王老师"},
                                {"mobile", "13800000007"}});
    const auto reg = server().postJson("/v1/register/unit", registration);
    ASSERT_EQ(reg.status, 201) << reg.body;
    EXPECT_EQ(reg.json().at("status").as_string(), "pending");
    EXPECT_EQ(server().postJson("/v1/register/unit", registration).code(), "login_taken");

    const auto pending =
        server().postJson("/v1/login", object({{"user", "unit7"},
                                               {"password", kPassword},
                                               {"site", "0b6f7f3e-5d1c-4b8a-9e2f-1a2b3c4d5e6f"}}));
    EXPECT_EQ(pending.status, 403);
    EXPECT_EQ(pending.code(), "account_pending");

    const std::string unitReviewer = server().login("bat", kPassword);
    EXPECT_EQ(server().call("POST", "/v1/units/W7/approve", "", {}, unitReviewer).code(), "forbidden");
    const std::string authority = server().login("tuya", kPassword);
    const auto approved = server().call("POST", "/v1/units/W7/approve", "", {}, authority);
    ASSERT_EQ(approved.status, 200) << approved.body;
    EXPECT_EQ(approved.json().at("status").as_string(), "active");
    EXPECT_EQ(server().call("POST", "/v1/units/W7/approve", "", {}, authority).code(), "not_pending");
    EXPECT_FALSE(server().login("unit7", kPassword).empty());

    // An applicant registers with the now approved unit.
    auto applicant = object({{"login", "nomin"},
                             {"password", kPassword},
                             {"displayName", "诺敏"},
                             {"mobile", "13900000001"},
                             {"orgCode", "W7"}});
    const auto weak = server().postJson("/v1/register/applicant", object({{"login", "nomin"},
                                                                          {"password", "12345678"},
                                                                          {"displayName", "诺敏"},
                                                                          {"mobile", "13900000001"},
                                                                          {"orgCode", "W7"}}));
    EXPECT_EQ(weak.code(), "weak_password");
    ASSERT_EQ(server().postJson("/v1/register/applicant", applicant).status, 201);
    const std::string token = server().login("nomin", kPassword);
    const auto me = server().call("GET", "/v1/me", "", {}, token).json();
    EXPECT_EQ(me.at("role").as_string(), "applicant");
    EXPECT_EQ(me.at("authorityCode").as_string(), "A1");
}

TEST_F(ServerApi, RSec3_BadInputGetsAClearJsonErrorAndTheServerKeepsServing)
{
    const std::string site = "0b6f7f3e-5d1c-4b8a-9e2f-1a2b3c4d5e6f";
    auto expectError = [](const HttpReply& r, int status, const std::string& code) {
        EXPECT_EQ(r.status, status) << r.body;
        EXPECT_EQ(r.code(), code) << r.body;
        const auto v = r.json();
        ASSERT_TRUE(v.is_object()) << r.body;
        EXPECT_EQ(v.at("v").as_integer(), 2);
        EXPECT_FALSE(v.at("message").as_string().empty());
        EXPECT_TRUE(v.has_string_field("field"));
    };
    expectError(server().call("POST", "/v1/login", "{\"user\": \"bat\","), 400, "malformed_json");
    expectError(server().call("POST", "/v1/login", R"({"user": 42, "password": "x", "site": "y"})"), 400,
                "wrong_type");
    expectError(server().call("POST", "/v1/login", R"({"password": "x", "site": "y"})"), 400,
                "missing_field");
    expectError(server().postJson(
                    "/v1/login", object({{"user", "bat"}, {"password", "x"}, {"site", site}, {"role", "x"}})),
                400, "unknown_field");
    expectError(server().call("GET", "/v1/no-such-thing"), 404, "unknown_endpoint");
    expectError(server().call("DELETE", "/v1/health"), 405, "method_not_allowed");
    expectError(server().call("POST", "/v1/login", "{}", {{"Content-Encoding", "gzip"}}), 400,
                "malformed_gzip");
    expectError(server().call("POST", "/v1/login", std::string(70 * 1024, ' ')), 413, "body_too_large");

    // The general JSON limit (16 MiB), on the sync seam: by Content-Length and by gzip expansion.
    const std::string token = server().login("bat", kPassword);
    expectError(server().call("POST", "/v1/push", std::string((16u << 20) + 1, ' '), {}, token), 413,
                "body_too_large");
    const auto bomb = tepei::server::gzip(std::string(17u << 20, ' '));
    ASSERT_TRUE(bomb.ok());
    expectError(server().call("POST", "/v1/push", *bomb, {{"Content-Encoding", "gzip"}}, token), 413,
                "body_too_large");
    expectError(server().call("POST", "/v1/push", "{}", {}, token), 400,
                "missing_field"); // the codec names "v"

    EXPECT_EQ(server().call("GET", "/v1/health").status, 200);
    const std::string log = server().log();
    EXPECT_NE(log.find("POST /v1/login 400"), std::string::npos);
    EXPECT_NE(log.find("error=malformed_json"), std::string::npos);
    EXPECT_NE(log.find("error=body_too_large"), std::string::npos);
}

TEST_F(ServerApi, RSync5_GzipRequestBodiesAndResponses)
{
    const auto body =
        object({{"user", "bat"}, {"password", kPassword}, {"site", "0b6f7f3e-5d1c-4b8a-9e2f-1a2b3c4d5e6f"}});
    const auto packed = tepei::server::gzip(body.serialize());
    ASSERT_TRUE(packed.ok());
    const auto login = server().call("POST", "/v1/login", *packed, {{"Content-Encoding", "gzip"}});
    ASSERT_EQ(login.status, 200) << login.body;
    const std::string token = login.json().at("token").as_string();

    const auto plain = server().call("GET", "/v1/orgs", "", {}, token);
    EXPECT_EQ(plain.headers.count("content-encoding"), 0u);
    const auto zipped = server().call("GET", "/v1/orgs", "", {{"Accept-Encoding", "gzip"}}, token);
    ASSERT_EQ(zipped.status, 200);
    ASSERT_EQ(zipped.headers.count("content-encoding"), 1u);
    EXPECT_EQ(zipped.headers.at("content-encoding"), "gzip");
    EXPECT_LT(zipped.body.size(), plain.body.size());
    const auto unpacked = tepei::server::gunzip(zipped.body, 1 << 20);
    ASSERT_TRUE(unpacked.ok());
    EXPECT_EQ(*unpacked, plain.body);
}

TEST(ServerStart, RSec1_SessionsExpire)
{
    TestServer server({{"--session-seconds", "1"}, false});
    server.seedOrgs();
    ASSERT_EQ(server.admin(
                  {"user", "add", "--login", "bat", "--role", "unit_reviewer", "--org", "W1", "--name", "B"},
                  kPassword),
              0);
    ASSERT_TRUE(server.start()) << server.log();
    const std::string token = server.login("bat", kPassword);
    ASSERT_FALSE(token.empty());
    EXPECT_EQ(server.call("GET", "/v1/me", "", {}, token).status, 200);
    std::this_thread::sleep_for(std::chrono::milliseconds(1200));
    const auto expired = server.call("GET", "/v1/me", "", {}, token);
    EXPECT_EQ(expired.status, 401);
    EXPECT_EQ(expired.code(), "session_expired");
    EXPECT_NE(expired.json().at("message").as_string().find("log in again"), std::string::npos);
}

TEST(ServerStart, RSec1_PlainHttpOnANonLoopbackAddressIsRefused)
{
    const auto dir = std::filesystem::temp_directory_path() / "tepei-refuse-test";
    const auto refused =
        tepei::test::runProgram(TEPEI_SERVER_EXE, {"--data", dir.string(), "--listen",
                                                   "0.0.0.0:" + std::to_string(tepei::test::freePort())});
    EXPECT_EQ(refused.code, 2);
    EXPECT_NE(refused.output.find("--tls-cert"), std::string::npos) << refused.output;
    const auto usage = tepei::test::runProgram(TEPEI_SERVER_EXE, {"--bogus"});
    EXPECT_EQ(usage.code, 2);
    EXPECT_NE(usage.output.find("usage: tepei-server"), std::string::npos) << usage.output;
    std::filesystem::remove_all(dir);
}

TEST(ServerCli, BothProgramsPrintTheirVersion)
{
    for (const char* exe : {TEPEI_SERVER_EXE, TEPEI_ADMIN_EXE}) {
        const auto version = tepei::test::runProgram(exe, {"--version"});
        EXPECT_EQ(version.code, 0) << exe << ": " << version.output;
        EXPECT_NE(version.output.find(tepei::model::productVersion()), std::string::npos) << version.output;
        EXPECT_EQ(version.output.find("needs a value"), std::string::npos) << version.output;
    }
}

TEST(AdminCli, ROrg1_BadCommandsFailWithClearErrors)
{
    TestServer server;
    server.seedOrgs();
    EXPECT_EQ(server.admin({"frobnicate"}), 2);
    EXPECT_EQ(server.admin({"org", "add", "--code", "W9", "--kind", "work_unit", "--name", "无上级"}), 1);
    EXPECT_EQ(
        server.admin({"user", "add", "--login", "x1", "--role", "applicant", "--org", "W1", "--name", "X"},
                     "password"),
        1);
    EXPECT_EQ(server.admin({"user", "add", "--login", "x1", "--role", "king", "--org", "W1", "--name", "X"},
                           kPassword),
              1);
    EXPECT_EQ(
        tepei::test::runProgram(TEPEI_ADMIN_EXE, {"--data", server.dir().string() + "/data", "user", "list"})
            .code,
        0);
}

} // namespace
