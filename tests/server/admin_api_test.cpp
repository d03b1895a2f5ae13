// Integration: the administrator's endpoints on the real tepei-server (issue #12 item 8, R-ORG-1,
// R-SEC-1, R-SEC-2): only the administrator may call them; organisations and accounts are added,
// disabled, enabled and given a new password, each with a reason and a line of the audit log;
// bad input changes nothing; the devices that synced are listed with their last sync.
#include "server_fixture.h"

#include <gtest/gtest.h>
#include <memory>
#include <set>

namespace {
using tepei::test::HttpReply;
using tepei::test::TestServer;
namespace json = web::json;

const std::string kPassword = "Steppe-Horse-88";
const std::string kSite = "0b6f7f3e-5d1c-4b8a-9e2f-1a2b3c4d5e6f";

json::value object(std::initializer_list<std::pair<std::string, std::string>> fields)
{
    json::value v = json::value::object();
    for (const auto& [k, val] : fields)
        v[k] = json::value::string(val);
    return v;
}

class AdminApi : public ::testing::Test {
protected:
    static void SetUpTestSuite()
    {
        s_server = std::make_unique<TestServer>();
        s_server->seedOrgs();
        for (const auto& [login, role, org] :
             {std::tuple{"root", "administrator", "C0"}, std::tuple{"tuya", "authority_reviewer", "A1"},
              std::tuple{"wulan", "centre_officer", "C0"}}) {
            ASSERT_EQ(s_server->admin({"user", "add", "--login", login, "--role", role, "--org", org,
                                       "--name", std::string("名") + login},
                                      kPassword),
                      0);
        }
        ASSERT_TRUE(s_server->start()) << s_server->log();
        s_admin = s_server->login("root", kPassword);
        ASSERT_FALSE(s_admin.empty());
    }
    static void TearDownTestSuite()
    {
        EXPECT_EQ(s_server->stop(), 0);
        s_server.reset();
    }
    static TestServer& server() { return *s_server; }
    static json::value users()
    {
        const auto reply = server().call("GET", "/v1/admin/users", "", {}, s_admin);
        EXPECT_EQ(reply.status, 200) << reply.body;
        return reply.json().at("users");
    }
    static json::value userByLogin(const std::string& login)
    {
        const json::value all = users(); // kept: a range-for over a temporary's array dangles
        for (const auto& u : all.as_array())
            if (u.at("login").as_string() == login)
                return u;
        return json::value::null();
    }
    static std::vector<std::string> auditActions()
    {
        const auto reply = server().call("GET", "/v1/admin/audit", "", {}, s_admin);
        EXPECT_EQ(reply.status, 200) << reply.body;
        std::vector<std::string> out;
        const json::value body = reply.json();
        for (const auto& line : body.at("entries").as_array())
            out.push_back(line.at("action").as_string() + " " + line.at("target").as_string());
        return out;
    }
    static HttpReply loginReply(const std::string& login, const std::string& password)
    {
        return server().postJson("/v1/login",
                                 object({{"user", login}, {"password", password}, {"site", kSite}}));
    }

    static std::unique_ptr<TestServer> s_server;
    static std::string s_admin;
};
std::unique_ptr<TestServer> AdminApi::s_server;
std::string AdminApi::s_admin;

TEST_F(AdminApi, RSec2_OnlyTheAdministratorMayCallTheAdminEndpoints)
{
    for (const std::string login : {"tuya", "wulan"}) {
        const std::string token = server().login(login, kPassword);
        ASSERT_FALSE(token.empty());
        for (const std::string path :
             {"/v1/admin/orgs", "/v1/admin/users", "/v1/admin/audit", "/v1/admin/devices"})
            EXPECT_EQ(server().call("GET", path, "", {}, token).status, 403) << login << " " << path;
        const auto add = server().postJson("/v1/admin/users",
                                           object({{"login", "sneaky"},
                                                   {"displayName", "x"},
                                                   {"role", "administrator"},
                                                   {"orgCode", "C0"},
                                                   {"reason", "想要"}}),
                                           token);
        EXPECT_EQ(add.status, 403);
        EXPECT_EQ(add.code(), "forbidden");
    }
    EXPECT_EQ(server().call("GET", "/v1/admin/users").status, 401); // no session at all
    EXPECT_TRUE(userByLogin("sneaky").is_null());
}

TEST_F(AdminApi, ROrg1_TheAdministratorAddsAnOrganisationAndAnAccountWithATemporaryPassword)
{
    const auto noReason = server().postJson(
        "/v1/admin/orgs",
        object(
            {{"code", "W7"}, {"kind", "work_unit"}, {"name", "旗医院"}, {"parent", "A1"}, {"reason", "  "}}),
        s_admin);
    EXPECT_EQ(noReason.code(), "comment_required");
    const auto badParent = server().postJson("/v1/admin/orgs",
                                             object({{"code", "W7"},
                                                     {"kind", "work_unit"},
                                                     {"name", "旗医院"},
                                                     {"parent", "T1"},
                                                     {"reason", "新单位"}}),
                                             s_admin);
    EXPECT_EQ(badParent.code(), "invalid_parent");
    const auto added = server().postJson("/v1/admin/orgs",
                                         object({{"code", "W7"},
                                                 {"kind", "work_unit"},
                                                 {"name", "旗医院"},
                                                 {"parent", "A1"},
                                                 {"reason", "新单位，盟人社局来函"}}),
                                         s_admin);
    ASSERT_EQ(added.status, 201) << added.body;
    EXPECT_EQ(server()
                  .postJson("/v1/admin/orgs",
                            object({{"code", "W7"},
                                    {"kind", "work_unit"},
                                    {"name", "again"},
                                    {"parent", "A1"},
                                    {"reason", "再加"}}),
                            s_admin)
                  .code(),
              "org_exists");
    const json::value orgs = server().call("GET", "/v1/admin/orgs", "", {}, s_admin).json().at("orgs");
    bool found = false;
    for (const auto& o : orgs.as_array())
        found = found || (o.at("code").as_string() == "W7" && o.at("name").as_string() == "旗医院");
    EXPECT_TRUE(found);

    // A role must sit in an organisation of its kind.
    const auto wrongKind = server().postJson("/v1/admin/users",
                                             object({{"login", "nara"},
                                                     {"displayName", "娜拉"},
                                                     {"role", "unit_reviewer"},
                                                     {"orgCode", "A1"},
                                                     {"reason", "新审核人"}}),
                                             s_admin);
    EXPECT_EQ(wrongKind.code(), "invalid_value");
    EXPECT_EQ(wrongKind.json().at("field").as_string(), "orgCode");
    const auto user = server().postJson("/v1/admin/users",
                                        object({{"login", "nara"},
                                                {"displayName", "娜拉"},
                                                {"role", "unit_reviewer"},
                                                {"orgCode", "W7"},
                                                {"mobile", "13800000001"},
                                                {"reason", "新审核人"}}),
                                        s_admin);
    ASSERT_EQ(user.status, 201) << user.body;
    const std::string temporary = user.json().at("temporaryPassword").as_string();
    EXPECT_EQ(temporary.size(), 12u);
    const auto login = loginReply("nara", temporary);
    ASSERT_EQ(login.status, 200) << login.body;
    EXPECT_EQ(login.json().at("orgCode").as_string(), "W7");
    EXPECT_EQ(userByLogin("nara").at("orgName").as_string(), "旗医院");
    EXPECT_FALSE(userByLogin("nara").has_field("passwordHash"));

    const auto actions = auditActions();
    ASSERT_GE(actions.size(), 2u);
    EXPECT_EQ(actions[0], "user_add nara");
    EXPECT_EQ(actions[1], "org_add W7");
}

TEST_F(AdminApi, RSec1_ADisabledAccountCannotSignInAndAResetPasswordEndsSessions)
{
    ASSERT_EQ(server().admin({"user", "add", "--login", "sumiya", "--role", "unit_reviewer", "--org", "W1",
                              "--name", "苏米雅"},
                             kPassword),
              0);
    const std::string id = userByLogin("sumiya").at("userId").as_string();
    const std::string session = server().login("sumiya", kPassword);
    ASSERT_FALSE(session.empty());

    const std::string disable = "/v1/admin/users/" + id + "/disable";
    EXPECT_EQ(server().postJson(disable, object({{"reason", ""}}), s_admin).code(), "comment_required");
    EXPECT_EQ(server().call("GET", "/v1/me", "", {}, session).status, 200); // the refusal changed nothing
    ASSERT_EQ(server().postJson(disable, object({{"reason", "调离本单位"}}), s_admin).status, 200);
    EXPECT_EQ(server().call("GET", "/v1/me", "", {}, session).status, 401); // its session ended
    const auto refused = loginReply("sumiya", kPassword);
    EXPECT_EQ(refused.status, 403);
    EXPECT_EQ(refused.code(), "account_disabled");
    EXPECT_EQ(userByLogin("sumiya").at("status").as_string(), "disabled");
    EXPECT_EQ(server().postJson(disable, object({{"reason", "再次"}}), s_admin).code(), "invalid_state");

    ASSERT_EQ(server()
                  .postJson("/v1/admin/users/" + id + "/enable", object({{"reason", "回到本单位"}}), s_admin)
                  .status,
              200);
    const std::string again = server().login("sumiya", kPassword);
    ASSERT_FALSE(again.empty());
    const auto reset = server().postJson("/v1/admin/users/" + id + "/password",
                                         object({{"reason", "忘记密码，电话核实"}}), s_admin);
    ASSERT_EQ(reset.status, 200) << reset.body;
    EXPECT_EQ(server().call("GET", "/v1/me", "", {}, again).status, 401);
    EXPECT_EQ(loginReply("sumiya", kPassword).code(), "invalid_credentials");
    EXPECT_EQ(loginReply("sumiya", reset.json().at("temporaryPassword").as_string()).status, 200);

    // The administrator cannot lock themselves out, and an unknown id is named as such.
    const std::string self = userByLogin("root").at("userId").as_string();
    EXPECT_EQ(
        server().postJson("/v1/admin/users/" + self + "/disable", object({{"reason", "x"}}), s_admin).code(),
        "cannot_change_self");
    EXPECT_EQ(server().postJson("/v1/admin/users/nobody/password", object({{"reason", "x"}}), s_admin).status,
              404);

    const auto actions = auditActions();
    ASSERT_GE(actions.size(), 3u);
    EXPECT_EQ(actions[0], "password_reset sumiya");
    EXPECT_EQ(actions[1], "user_enable sumiya");
    EXPECT_EQ(actions[2], "user_disable sumiya");
    const auto page = server().call("GET", "/v1/admin/audit?limit=1", "", {}, s_admin).json();
    EXPECT_EQ(page.at("entries").size(), 1u);
    EXPECT_TRUE(page.at("more").as_bool());
    EXPECT_EQ(page.at("entries").at(0).at("reason").as_string(), "忘记密码，电话核实");
    EXPECT_EQ(page.at("entries").at(0).at("actorLogin").as_string(), "root");
    EXPECT_EQ(server().call("GET", "/v1/admin/audit?limit=x", "", {}, s_admin).code(), "invalid_value");
}

TEST_F(AdminApi, ROrg1_TheDevicesThatSyncedAreListedWithTheirLastSync)
{
    const std::string token = server().login("tuya", kPassword);
    ASSERT_EQ(server().call("GET", "/v1/pull?after=0", "", {}, token).status, 200);
    const auto reply = server().call("GET", "/v1/admin/devices", "", {}, s_admin);
    ASSERT_EQ(reply.status, 200) << reply.body;
    bool found = false;
    const json::value body = reply.json();
    for (const auto& d : body.at("devices").as_array()) {
        if (d.at("login").as_string() != "tuya")
            continue;
        found = true;
        EXPECT_EQ(d.at("site").as_string(), kSite);
        EXPECT_EQ(d.at("address").as_string(), "127.0.0.1");
        EXPECT_EQ(d.at("lastSync").as_string().back(), 'Z');
    }
    EXPECT_TRUE(found) << reply.body;
    EXPECT_EQ(userByLogin("tuya").at("devices").as_integer(), 1);
    EXPECT_TRUE(userByLogin("wulan").at("lastSync").is_null()); // never synced
}

} // namespace
