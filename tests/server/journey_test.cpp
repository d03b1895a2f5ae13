// Integration: the whole journey of R-APP-1..8 across every role on the real tepei-server, and the
// scope matrix of R-SEC-2 - every role against another scope's record, over push, pull, the record
// view and blobs: refused, and nothing leaked.
#include "programme.h"
#include "sync_actor.h"

#include <gtest/gtest.h>
#include <map>
#include <memory>
#include <tepei/model/campaign/campaign.h>
#include <tepei/model/kinds/application/application_kind.h>
#include <tepei/model/kinds/campaign/campaign_kind.h>
#include <tepei/model/samples/samples.h>
#include <tepei/sync/codec.h>
#include <tepei/sync/ids.h>
#include <tepei/sync/sha256.h>
#include <tuple>

namespace {

using namespace tepei;
using test::Actor;
using test::TestServer;

const std::string kPassword = "Grassland-Wind-24";

class Journey : public ::testing::Test {
protected:
    static void SetUpTestSuite()
    {
        s_server = std::make_unique<TestServer>();
        test::seedProgramme(*s_server, kPassword);
        ASSERT_TRUE(s_server->start()) << s_server->log();
        // One place for 呼和浩特市: the quota race.
        s_campaign = test::publishCampaign(*s_server, kPassword, 1);
    }
    static void TearDownTestSuite() { s_server.reset(); }

    static web::json::value form(const std::string& authority, const std::string& unit, std::uint64_t seed)
    {
        std::mt19937_64 rng{seed};
        return model::toJson(model::sampleApplication(rng, s_campaign, {authority, unit, "申报单位"}));
    }
    static sync::PushResult only(const sync::PushReply& reply)
    {
        EXPECT_EQ(reply.results.size(), 1u);
        return reply.results.empty() ? sync::PushResult{} : reply.results[0];
    }

    static std::unique_ptr<TestServer> s_server;
    static model::Campaign s_campaign;
};
std::unique_ptr<TestServer> Journey::s_server;
model::Campaign Journey::s_campaign;

TEST_F(Journey, RApp1_RApp8_ApplyReviewApproveAdmitAcrossAllRoles)
{
    const TestServer& s = *s_server;
    Actor applicant(s, "hh-applicant-1", kPassword, "applicant");
    Actor unit(s, "hh-unit", kPassword, "unit_reviewer");
    Actor authority(s, "hh-authority", kPassword, "authority_reviewer");
    Actor centre(s, "centre", kPassword, "centre_officer");
    Actor pku(s, "pku", kPassword, "training_unit_officer");
    const std::string id = sync::newUuidString();

    // R-APP-1/2: create (location, training mode, the whole form) and submit.
    const auto pushed =
        applicant.push({applicant.set(id, form("150100", "W-HH-1", 1)), applicant.command(id, "submit")});
    ASSERT_EQ(pushed.results.size(), 2u);
    for (const auto& r : pushed.results)
        EXPECT_EQ(r.status, sync::PushResult::Status::Accepted) << r.code << " " << r.message;

    // R-APP-3: the unit sees it in its queue (with its history) and approves what it saw.
    unit.sync();
    ASSERT_NE(model::findApplication(unit.view(), id), nullptr);
    EXPECT_EQ(model::findApplication(unit.view(), id)->state, model::AppState::Submitted);
    EXPECT_EQ(model::findApplication(unit.view(), id)->text("name"),
              form("150100", "W-HH-1", 1).at("name").as_string());
    EXPECT_EQ(only(unit.push({unit.review(id, "unit_approve")})).status, sync::PushResult::Status::Accepted);

    // R-APP-5: the authority approves against its quota; R-APP-6: records the paper copies.
    authority.sync();
    ASSERT_EQ(model::findApplication(authority.view(), id)->state, model::AppState::UnitApproved);
    only(authority.push({authority.review(id, "authority_approve")}));
    only(authority.push({authority.command(id, "record_paper_receipt")}));
    authority.sync();
    EXPECT_EQ(model::findApplication(authority.view(), id)->state, model::AppState::AuthorityApproved);
    EXPECT_TRUE(model::findApplication(authority.view(), id)->paperReceived);

    // R-QUO-3: the centre admits with training unit, major and period; the training unit sees it then.
    centre.sync();
    pku.sync();
    EXPECT_EQ(model::findApplication(pku.view(), id), nullptr);
    web::json::value admit = web::json::value::object();
    admit["training_unit"] = web::json::value::string("T-PKU");
    admit["major"] = web::json::value::string("生态学");
    admit["start"] = web::json::value::string("2024-09-01");
    EXPECT_EQ(only(centre.push({centre.command(id, "admit", admit)})).status,
              sync::PushResult::Status::Accepted);
    pku.sync();
    ASSERT_NE(model::findApplication(pku.view(), id), nullptr);
    EXPECT_EQ(model::findApplication(pku.view(), id)->state, model::AppState::Admitted);
    EXPECT_EQ(model::findApplication(pku.view(), id)->admission->end, (model::Date{2025, 8, 31}));

    // R-APP-8: the record view shows the whole history with who, device, decision.
    const auto view = s.call("GET", "/v1/records/" + id, "", {}, applicant.token());
    ASSERT_EQ(view.status, 200) << view.body;
    const auto history = view.json().at("history").as_array();
    ASSERT_EQ(history.size(), 6u);
    EXPECT_EQ(history.at(2).at("action").as_string(), "unit_approve");
    EXPECT_EQ(history.at(2).at("by").as_string(), unit.userId());
    EXPECT_EQ(history.at(2).at("site").as_string(), unit.site());
    EXPECT_EQ(view.json().at("state").as_string(), "admitted");
    // Every person's view, built pull by pull, is the server's view of their scope.
    for (Actor* actor : {&applicant, &unit, &authority, &centre, &pku})
        test::expectConverged(*actor);
}

TEST_F(Journey, RApp5_ReturnWithOpinionThenEditAndResubmitPassesTheUnitAgain)
{
    const TestServer& s = *s_server;
    Actor applicant(s, "bt-applicant", kPassword, "applicant");
    Actor unit(s, "bt-unit", kPassword, "unit_reviewer");
    Actor authority(s, "bt-authority", kPassword, "authority_reviewer");
    const std::string id = sync::newUuidString();
    applicant.push({applicant.set(id, form("150200", "W-BT-1", 2)), applicant.command(id, "submit")});
    unit.sync();
    only(unit.push({unit.review(id, "unit_approve")}));
    authority.sync();
    only(authority.push({authority.review(id, "authority_return", "学习计划过于笼统，请细化培养目标")}));
    applicant.sync();
    ASSERT_EQ(model::findApplication(applicant.view(), id)->state, model::AppState::AuthorityReturned);
    EXPECT_EQ(model::findApplication(applicant.view(), id)->history.back().comment,
              "学习计划过于笼统，请细化培养目标");
    web::json::value edit = web::json::value::object();
    edit["study_plan"] =
        web::json::value::string("细化后的学习计划：第一阶段系统学习草原生态修复理论，第二阶段参与课题。");
    applicant.push({applicant.set(id, edit), applicant.command(id, "submit")});
    unit.sync();
    EXPECT_EQ(model::findApplication(unit.view(), id)->state, model::AppState::Submitted);
    EXPECT_EQ(model::findApplication(unit.view(), id)->text("study_plan"), edit.at("study_plan").as_string());
    for (Actor* actor : {&applicant, &unit, &authority})
        test::expectConverged(*actor);
}

TEST_F(Journey, RQuo2_SecondApprovalForTheLastPlaceIsInTheLogAsRefusedAndShownToItsReviewer)
{
    const TestServer& s = *s_server;
    Actor applicant(s, "hh-applicant-2", kPassword, "applicant");
    Actor unit(s, "hh-unit", kPassword, "unit_reviewer");
    Actor authority(s, "hh-authority", kPassword, "authority_reviewer");
    // The first test took 呼和浩特市's single place, unless it runs later: take it here if free.
    const std::string first = sync::newUuidString();
    const std::string second = sync::newUuidString();
    applicant.push({applicant.set(first, form("150100", "W-HH-1", 3)), applicant.command(first, "submit")});
    unit.sync();
    unit.push({unit.review(first, "unit_approve")});
    authority.sync();
    const auto firstApproval = authority.review(first, "authority_approve");
    authority.push({firstApproval});
    // Another application of the same authority, approved by the unit, then by the authority.
    Actor applicant2(s, "hh-applicant-1", kPassword, "applicant");
    applicant2.push(
        {applicant2.set(second, form("150100", "W-HH-1", 4)), applicant2.command(second, "submit")});
    unit.sync();
    unit.push({unit.review(second, "unit_approve")});
    authority.sync();
    const auto late = authority.review(second, "authority_approve");
    EXPECT_EQ(only(authority.push({late})).status, sync::PushResult::Status::Accepted); // it is in the log...
    const auto pulled = authority.sync();
    const auto* verdict = test::findChange(pulled, late.id);
    ASSERT_NE(verdict, nullptr);
    EXPECT_FALSE(verdict->verdict.accepted); // ...with the verdict quota_full, shown to its reviewer
    EXPECT_EQ(verdict->verdict.code, "quota_full");
    EXPECT_FALSE(verdict->verdict.messageZh.empty());
    EXPECT_EQ(model::findApplication(authority.view(), second)->state, model::AppState::UnitApproved);
    EXPECT_EQ(model::quotaOf(authority.view(), s_campaign.id, "150100").approved, 1);
}

TEST_F(Journey, RSync3_RetriedPushChangesNothing)
{
    const TestServer& s = *s_server;
    Actor applicant(s, "bt-applicant", kPassword, "applicant");
    const std::string id = sync::newUuidString();
    const std::vector<sync::Change> batch{applicant.set(id, form("150200", "W-BT-1", 5))};
    const auto first = applicant.push(batch);
    const auto again = applicant.push(batch);
    ASSERT_EQ(again.results.size(), 1u);
    EXPECT_EQ(again.results[0].status, sync::PushResult::Status::Duplicate);
    EXPECT_EQ(again.results[0].seq, first.results[0].seq);
    EXPECT_EQ(again.lastSeq, first.lastSeq);
}

// A large push is stored while it is still being decoded; a change that turns out malformed near
// its end still leaves the log as it was (R-SEC-3), and the same push sent right is taken whole.
TEST_F(Journey, RSync3_LargePushWithAMalformedChangeAtItsEndStoresNothing)
{
    const TestServer& s = *s_server;
    Actor applicant(s, "bt-applicant", kPassword, "applicant");
    sync::PushRequest request;
    request.site = applicant.site();
    std::vector<std::string> ids;
    for (int i = 0; i < 150; ++i) {
        ids.push_back(sync::newUuidString());
        request.changes.push_back(applicant.set(ids.back(), form("150200", "W-BT-1", 100 + i)));
    }
    const std::string good = sync::encode(request);
    ASSERT_GE(good.size(), 256u * 1024); // large enough for the server to decode while it stores
    const std::int64_t lastSeq = applicant.push({}).lastSeq;

    std::string badType = good; // the last change's clock has the wrong type
    const auto hlc = badType.rfind("\"hlc\":\"");
    badType.replace(hlc, badType.find('"', hlc + 7) + 1 - hlc, "\"hlc\":12");
    const std::string truncated = good.substr(0, good.rfind("\"by\"")); // the message breaks off
    for (const auto& [body, code, field] : std::vector<std::tuple<std::string, std::string, std::string>>{
             {badType, "wrong_type", "changes[149].hlc"}, {truncated, "malformed_json", ""}}) {
        const auto reply = s.call("POST", "/v1/push", body, {}, applicant.token());
        EXPECT_EQ(reply.status, 400) << reply.body;
        EXPECT_EQ(reply.code(), code) << reply.body;
        EXPECT_EQ(reply.json().at("field").as_string(), field);
        EXPECT_EQ(applicant.push({}).lastSeq, lastSeq); // nothing entered the log
        const auto view = s.call("GET", "/v1/records/" + ids.front(), "", {}, applicant.token());
        EXPECT_EQ(view.code(), "record_not_found");
    }

    const auto reply = s.call("POST", "/v1/push", good, {}, applicant.token());
    ASSERT_EQ(reply.status, 200) << reply.body;
    const auto pushed = sync::decodePushReply(reply.body).value();
    ASSERT_EQ(pushed.results.size(), ids.size());
    for (std::size_t i = 0; i < ids.size(); ++i) {
        EXPECT_EQ(pushed.results[i].id, request.changes[i].id);
        EXPECT_EQ(pushed.results[i].status, sync::PushResult::Status::Accepted) << pushed.results[i].message;
        EXPECT_EQ(pushed.results[i].seq, lastSeq + 1 + static_cast<std::int64_t>(i));
    }
    const auto again =
        sync::decodePushReply(s.call("POST", "/v1/push", good, {}, applicant.token()).body).value();
    ASSERT_EQ(again.results.size(), ids.size());
    EXPECT_EQ(again.results.back().status, sync::PushResult::Status::Duplicate);
    EXPECT_EQ(again.lastSeq, pushed.lastSeq);
    // Pushed by hand from the applicant's device, which a pull does not send them back to (R-SYNC-5):
    // another device of the applicant's receives them.
    Actor phone(s, "bt-applicant", kPassword, "applicant");
    phone.sync();
    EXPECT_NE(model::findApplication(phone.view(), ids.back()), nullptr);
}

// A large push has its field values checked while it is still being decoded. Each change gets the
// same answer as when it is pushed alone (checked while stored): bad values, unknown fields, an
// unknown campaign, and an edit of a record the same push creates (R-SEC-2, R-SEC-3).
TEST_F(Journey, RSec3_FieldValuesOfALargePushAreJudgedAsInASmallOne)
{
    const TestServer& s = *s_server;
    Actor applicant(s, "bt-applicant", kPassword, "applicant");
    // The same 150 changes on fresh records each time it is called.
    const auto changes = [&] {
        std::vector<sync::Change> out;
        std::string created;
        for (int i = 0; i < 150; ++i) {
            web::json::value fields = form("150200", "W-BT-1", 300 + static_cast<std::uint64_t>(i));
            switch (i % 10) {
            case 1:
                fields["ethnicity"] = web::json::value::string("99"); // not in the list
                break;
            case 2:
                fields["nickname"] = web::json::value::string("小明"); // not on the form
                break;
            case 3:
                fields["mobile"] = web::json::value::number(13900001111); // not text
                break;
            case 4:
                fields["campaign"] = web::json::value::string("1999"); // no such campaign
                break;
            default:
                break;
            }
            if (i % 10 == 5) { // an edit of a record created earlier in the push: a bad value
                web::json::value edit = web::json::value::object();
                edit["ethnicity"] = web::json::value::string("99");
                out.push_back(applicant.set(created, edit));
                continue;
            }
            const std::string id = sync::newUuidString();
            if (i % 10 == 0)
                created = id;
            out.push_back(applicant.set(id, fields));
        }
        return out;
    };
    sync::PushRequest large;
    large.site = applicant.site();
    large.changes = changes();
    const std::string body = sync::encode(large);
    ASSERT_GE(body.size(), 256u * 1024); // large enough for the server to check while it decodes
    const auto reply = s.call("POST", "/v1/push", body, {}, applicant.token());
    ASSERT_EQ(reply.status, 200) << reply.body;
    const auto together = sync::decodePushReply(reply.body).value();
    ASSERT_EQ(together.results.size(), large.changes.size());

    const auto one = changes();
    std::map<std::string, int> codes;
    for (std::size_t i = 0; i < one.size(); ++i) {
        const auto alone = applicant.push({one[i]}); // small: checked while it is stored
        ASSERT_EQ(alone.results.size(), 1u);
        const sync::PushResult& a = alone.results[0];
        const sync::PushResult& t = together.results[i];
        EXPECT_EQ(t.status, a.status) << i << ": " << t.message << " / " << a.message;
        EXPECT_EQ(t.code, a.code) << i;
        EXPECT_EQ(t.message, a.message) << i;
        ++codes[t.status == sync::PushResult::Status::Refused ? t.code : "accepted"];
    }
    // Every kind of bad value was met, and the good changes went in.
    EXPECT_EQ(codes["field_not_in_list"], 30) << "bad values, in new records and in edits";
    EXPECT_EQ(codes["unknown_field"], 15);
    EXPECT_EQ(codes["field_wrong_type"], 15);
    EXPECT_EQ(codes["accepted"], 90)
        << "including the changes naming an unknown campaign: the fold refuses those";
}

// A large push is checked against the campaign as it is now: a campaign changed after the server
// started, twice, is the one its field values are judged by.
TEST_F(Journey, RSec3_ALargePushIsJudgedByTheCampaignAsItIsNow)
{
    const TestServer& s = *s_server;
    Actor centre(s, "centre", kPassword, "centre_officer");
    model::Campaign campaign = s_campaign;
    campaign.id = "2024-spring";
    const auto publish = [&] {
        web::json::value definition = web::json::value::object();
        definition = model::campaignPayload(campaign);
        const auto reply = centre.push({centre.set(campaign.id, definition, model::kKindCampaign)});
        ASSERT_EQ(reply.results.size(), 1u);
        ASSERT_EQ(reply.results[0].status, sync::PushResult::Status::Accepted) << reply.results[0].message;
    };
    publish();
    ASSERT_GE(campaign.trainingModes.size(), 2u);
    const std::string dropped = campaign.trainingModes.front().code;
    campaign.trainingModes.erase(campaign.trainingModes.begin()); // the mode the sample forms choose
    publish();

    Actor applicant(s, "bt-applicant", kPassword, "applicant");
    sync::PushRequest large;
    large.site = applicant.site();
    for (int i = 0; i < 150; ++i) {
        web::json::value fields = form("150200", "W-BT-1", 600 + static_cast<std::uint64_t>(i));
        ASSERT_EQ(fields.at("training_mode").as_string(), dropped);
        fields["campaign"] = web::json::value::string(campaign.id);
        large.changes.push_back(applicant.set(sync::newUuidString(), fields));
    }
    const std::string body = sync::encode(large);
    ASSERT_GE(body.size(), 256u * 1024);
    const auto reply = s.call("POST", "/v1/push", body, {}, applicant.token());
    ASSERT_EQ(reply.status, 200) << reply.body;
    const auto pushed = sync::decodePushReply(reply.body).value();
    ASSERT_EQ(pushed.results.size(), large.changes.size());
    for (const sync::PushResult& r : pushed.results) {
        EXPECT_EQ(r.status, sync::PushResult::Status::Refused);
        EXPECT_EQ(r.code, "field_not_in_list") << r.message;
    }
}

TEST_F(Journey, RSync1_NothingNewIsOneSmallRequest)
{
    const TestServer& s = *s_server;
    Actor unit(s, "bt-unit", kPassword, "unit_reviewer");
    unit.sync();
    const auto reply = s.call("GET", "/v1/pull?after=" + std::to_string(unit.cursor()) + "&limit=1000", "",
                              {{"Accept-Encoding", "gzip"}}, unit.token());
    ASSERT_EQ(reply.status, 200);
    EXPECT_LE(reply.body.size(), 1024u);
    EXPECT_TRUE(sync::decodePullReply(reply.body).value().changes.empty());
}

// --- R-SEC-2: the scope matrix ---

TEST_F(Journey, RSec2_ADraftIsItsApplicantsAloneUntilSubmitted)
{
    const TestServer& s = *s_server;
    Actor applicant(s, "hh-applicant-1", kPassword, "applicant");
    const std::string id = sync::newUuidString();
    applicant.push({applicant.set(id, form("150100", "W-HH-1", 6))});
    for (const auto& [login, role] :
         std::vector<std::pair<std::string, std::string>>{{"hh-unit", "unit_reviewer"},
                                                          {"hh-authority", "authority_reviewer"},
                                                          {"centre", "centre_officer"},
                                                          {"hh-applicant-2", "applicant"}}) {
        Actor other(s, login, kPassword, role);
        other.sync();
        EXPECT_EQ(model::findApplication(other.view(), id), nullptr) << login;
        EXPECT_EQ(s.call("GET", "/v1/records/" + id, "", {}, other.token()).status, 404) << login;
    }
}

TEST_F(Journey, RSec2_EveryRoleIsRefusedOnAnotherScopesRecordAndSeesNothingOfIt)
{
    const TestServer& s = *s_server;
    Actor owner(s, "hh-applicant-1", kPassword, "applicant");
    Actor hhUnit(s, "hh-unit", kPassword, "unit_reviewer");
    const std::string id = sync::newUuidString();
    // An attachment, uploaded by its applicant and cited by the form.
    const std::string pdf = "%PDF-1.4 certificate";
    const std::string sha = sync::sha256Hex(pdf);
    ASSERT_EQ(s.call("PUT", "/v1/blobs/" + sha + "?offset=0", pdf,
                     {{"X-Tepei-Blob-Size", std::to_string(pdf.size())}}, owner.token(),
                     "application/octet-stream")
                  .status,
              200);
    web::json::value fields = form("150100", "W-HH-1", 7);
    web::json::value row = web::json::value::object();
    row["kind"] = web::json::value::string("title_certificate");
    row["name"] = web::json::value::string("职称证书.pdf");
    row["sha256"] = web::json::value::string(sha);
    row["type"] = web::json::value::string("application/pdf");
    row["size"] = web::json::value::number(static_cast<int>(pdf.size()));
    fields["attachments"] = web::json::value::array({row});
    const auto created = owner.push({owner.set(id, fields), owner.command(id, "submit")});
    ASSERT_EQ(created.results[0].status, sync::PushResult::Status::Accepted) << created.results[0].message;
    hhUnit.sync();
    EXPECT_EQ(s.call("GET", "/v1/blobs/" + sha + "/content", "", {}, hhUnit.token()).status, 200);

    struct Outsider {
        std::string login, role, command;
    };
    for (const Outsider& o :
         std::vector<Outsider>{{"bt-unit", "unit_reviewer", "unit_approve"},
                               {"bt-authority", "authority_reviewer", "authority_approve"},
                               {"hh-applicant-2", "applicant", "withdraw"},
                               {"pku", "training_unit_officer", "complete"}}) {
        Actor other(s, o.login, kPassword, o.role);
        const auto before = other.pullPage(0, 5000);
        for (const auto& c : before.changes)
            EXPECT_NE(c.change.recordId, id) << o.login << " received another scope's change";
        EXPECT_EQ(s.call("GET", "/v1/records/" + id, "", {}, other.token()).status, 404) << o.login;
        EXPECT_EQ(s.call("GET", "/v1/blobs/" + sha + "/content", "", {}, other.token()).status, 403)
            << o.login;
        web::json::value args = web::json::value::object();
        args["digest"] =
            web::json::value::string(model::contentDigest(*model::findApplication(hhUnit.view(), id)));
        args["comment"] = web::json::value::string("x");
        const auto refused = only(other.push({other.command(id, o.command, args)}));
        EXPECT_EQ(refused.status, sync::PushResult::Status::Refused) << o.login;
        EXPECT_EQ(refused.code, "forbidden") << o.login;
        web::json::value edit = web::json::value::object();
        edit["mobile"] = web::json::value::string("13900000000");
        EXPECT_EQ(only(other.push({other.set(id, edit)})).status, sync::PushResult::Status::Refused)
            << o.login;
        // Nothing entered the log.
        EXPECT_EQ(other.pullPage(before.cursor).changes.size(), 0u) << o.login;
    }
}

TEST_F(Journey, RSec2_ForgedAuthorsForbiddenRolesAndBadValuesNeverEnterTheLog)
{
    const TestServer& s = *s_server;
    Actor applicant(s, "bt-applicant", kPassword, "applicant");
    Actor unit(s, "bt-unit", kPassword, "unit_reviewer");
    const std::string id = sync::newUuidString();
    applicant.push({applicant.set(id, form("150200", "W-BT-1", 8)), applicant.command(id, "submit")});
    unit.sync();
    const std::int64_t before = unit.push({}).lastSeq;

    auto forged = unit.review(id, "unit_approve");
    forged.author = applicant.userId();
    EXPECT_EQ(only(unit.push({forged})).code, "forged_author");
    EXPECT_EQ(only(unit.push({unit.review(id, "authority_approve")})).code, "role_not_permitted");
    web::json::value edit = web::json::value::object();
    edit["mobile"] = web::json::value::string("13900000000");
    EXPECT_EQ(only(unit.push({unit.set(id, edit)})).code, "role_not_permitted");
    web::json::value bad = web::json::value::object();
    bad["id_number"] = web::json::value::string("150102198001011234"); // wrong check digit
    const std::string other = sync::newUuidString();
    bad["campaign"] = web::json::value::string(s_campaign.id);
    bad["unit_code"] = web::json::value::string("W-BT-1");
    const auto invalid = only(applicant.push({applicant.set(other, bad)}));
    EXPECT_EQ(invalid.status, sync::PushResult::Status::Refused);
    web::json::value elsewhere = form("150100", "W-BT-1", 9); // another authority than the unit's
    EXPECT_EQ(only(applicant.push({applicant.set(sync::newUuidString(), elsewhere)})).code, "forbidden");
    auto ahead = applicant.set(sync::newUuidString(), form("150200", "W-BT-1", 10));
    ahead.hlc.wallMs = 32503680000000; // the year 3000
    EXPECT_EQ(only(applicant.push({ahead})).code, "clock_ahead");
    EXPECT_EQ(unit.push({}).lastSeq, before); // none of them entered the log
}

} // namespace
