// The deterministic fold: field sets merge per field by (HLC, site); commands get verdicts at
// their place in the log (R-SYNC-2, R-SYNC-3, R-APP-3..8, R-QUO-2, R-ELG-6).
#include "journey.h"

#include <tepei/model/form/form.h>
#include <tepei/model/kinds/application/application_kind.h>
#include <tepei/model/kinds/campaign/campaign_kind.h>

namespace {

using namespace tepei;
using test::Device;
using test::Log;

using test::fieldsJson;
using test::Journey;

TEST(RApp5_Fold, WholeJourneyFromDraftToAuthorityApproval)
{
    Journey j;
    const auto id = j.create("app-1");
    EXPECT_EQ(j.state(id), model::AppState::Draft);
    j.toUnitApproved(id);
    EXPECT_EQ(j.state(id), model::AppState::UnitApproved);
    EXPECT_TRUE(j.review(j.authority, id, "authority_approve").accepted);
    EXPECT_EQ(j.state(id), model::AppState::AuthorityApproved);
    EXPECT_EQ(model::quotaOf(j.log.fold(), j.campaign.id, j.authorityCode).approved, 1);
}

TEST(RApp8_Fold, HistoryKeepsWhoWhenDeviceDecisionAndComment)
{
    Journey j;
    const auto id = j.create("app-1");
    ASSERT_TRUE(j.log.add(j.applicant.command(id, "submit")).accepted);
    ASSERT_TRUE(j.review(j.unit, id, "unit_return", "请补充职称证书").accepted);
    const auto& history = model::findApplication(j.log.fold(), id)->history;
    ASSERT_EQ(history.size(), 3u);
    const model::HistoryEntry& ret = history.back();
    EXPECT_EQ(ret.action, "unit_return");
    EXPECT_EQ(ret.author, "unit-1");
    EXPECT_EQ(ret.site, j.unit.site());
    EXPECT_EQ(ret.comment, "请补充职称证书");
    EXPECT_STREQ(ret.before, model::toString(model::AppState::Submitted));
    EXPECT_STREQ(ret.after, model::toString(model::AppState::UnitReturned));
    EXPECT_EQ(ret.seq, 4);
    // An edit's line names the fields it set; a command's names none.
    web::json::value edit = web::json::value::object();
    edit["mobile"] = web::json::value::string("13900000001");
    edit["profession"] = web::json::value::string("心血管内科");
    ASSERT_TRUE(j.log.add(j.applicant.set(id, edit)).accepted);
    const model::HistoryEntry& edited = model::findApplication(j.log.fold(), id)->history.back();
    EXPECT_EQ(edited.action, "edit");
    EXPECT_EQ(edited.fieldCount(), 2u);
    EXPECT_EQ(edited.fields, "mobile\nprofession\n");
    EXPECT_EQ(history[1].fieldCount(), 0u);
    EXPECT_GT(history.front().fieldCount(), 30u); // the whole form
}

TEST(RSync2_Fold, ConcurrentEditsConvergeOnTheLaterClockWhateverTheLogOrder)
{
    const model::Campaign campaign = test::campaign2024();
    Device centre{"centre-1", "centre_officer"};
    Device laptop{"applicant-1", "applicant"};
    Device phone{"applicant-1", "applicant"};
    std::mt19937_64 rng{1};
    auto fields =
        model::sampleApplication(rng, campaign, {campaign.allocations[0].authorityCode, "U1", "单位"});
    const auto publish = centre.publishCampaign(campaign);
    const auto create = laptop.set("app-1", model::toJson(fields));
    web::json::value early = web::json::value::object();
    early["mobile"] = web::json::value::string("13900000001");
    web::json::value late = web::json::value::object();
    late["mobile"] = web::json::value::string("13900000002");
    laptop.setTime(1704067200000 + 50'000);
    phone.setTime(1704067200000 + 90'000);
    const auto a = laptop.set("app-1", early);
    const auto b = phone.set("app-1", late); // later clock: wins in either log order

    Log forward;
    Log backward;
    for (const auto* c : {&publish, &create, &a, &b})
        forward.add(*c);
    for (const auto* c : {&publish, &create, &b, &a})
        backward.add(*c);
    EXPECT_EQ(model::findApplication(forward.fold(), "app-1")->text("mobile"), "13900000002");
    EXPECT_EQ(model::findApplication(backward.fold(), "app-1")->text("mobile"), "13900000002");
    EXPECT_EQ(model::contentDigest(*model::findApplication(forward.fold(), "app-1")),
              model::contentDigest(*model::findApplication(backward.fold(), "app-1")));
}

TEST(RSync3_Fold, ChangeAppliedTwiceIsAppliedOnce)
{
    Journey j;
    const auto id = j.create("app-1");
    const auto submit = j.applicant.command(id, "submit");
    EXPECT_TRUE(j.log.add(submit).accepted);
    const auto historyBefore = model::findApplication(j.log.fold(), id)->history.size();
    EXPECT_TRUE(j.log.add(submit).accepted); // the same change again
    EXPECT_EQ(model::findApplication(j.log.fold(), id)->history.size(), historyBefore);
    EXPECT_EQ(j.state(id), model::AppState::Submitted);
}

TEST(RSync3_Fold, DuplicatesOfALongHistoryAreAppliedOnce)
{
    // A record edited a hundred times: its early, middle and latest changes come again.
    Journey j;
    const auto id = j.create("app-1");
    std::vector<sync::Change> edits;
    for (int i = 0; i < 100; ++i) {
        web::json::value edit = web::json::value::object();
        edit["mobile"] = web::json::value::string("139" + std::to_string(10000000 + i));
        edits.push_back(j.applicant.set(id, edit));
        ASSERT_TRUE(j.log.add(edits.back()).accepted);
    }
    const std::string before = j.log.fold().canonicalState();
    for (const int i : {0, 31, 32, 50, 99})
        EXPECT_TRUE(j.log.add(edits[static_cast<std::size_t>(i)]).accepted) << "edit " << i;
    EXPECT_EQ(j.log.fold().canonicalState(), before);
    EXPECT_EQ(model::findApplication(j.log.fold(), id)->text("mobile"), "13910000099");
}

TEST(RSync3_Fold, ARefusedChangeAppliedAgainKeepsItsVerdict)
{
    Journey j;
    // A review of a record this replica does not have yet is refused; when the record exists,
    // the same change again still has its first verdict and changes nothing.
    const auto early = j.unit.command("app-1", "unit_approve");
    const model::Verdict first = j.log.add(early);
    EXPECT_EQ(first.reason.code, "record_unknown");
    j.create("app-1");
    ASSERT_TRUE(j.log.add(j.applicant.command("app-1", "submit")).accepted);
    const model::Verdict again = j.log.add(early);
    EXPECT_FALSE(again.accepted);
    EXPECT_EQ(again.reason.code, "record_unknown");
    EXPECT_EQ(j.state("app-1"), model::AppState::Submitted);
    // A refusal that is in the record's history: the same change again gives the same reason.
    const auto stale = j.unit.command("app-1", "unit_approve", [] {
        web::json::value args = web::json::value::object();
        args["digest"] = web::json::value::string("not-what-was-seen");
        return args;
    }());
    EXPECT_EQ(j.log.add(stale).reason.code, "stale_content");
    const auto lines = model::findApplication(j.log.fold(), "app-1")->history.size();
    EXPECT_EQ(j.log.add(stale).reason.code, "stale_content");
    EXPECT_EQ(model::findApplication(j.log.fold(), "app-1")->history.size(), lines);
}

TEST(RQuo2_Fold, LastPlaceCanBeTakenOneMoreIsRefusedAsQuotaFull)
{
    Journey j;
    const model::Campaign small = test::withAllocation(j.campaign, j.authorityCode, 2);
    ASSERT_TRUE(j.log.add(j.centre.publishCampaign(small)).accepted);
    for (const char* id : {"a", "b", "c"}) {
        j.create(id);
        j.toUnitApproved(id);
    }
    EXPECT_TRUE(j.review(j.authority, "a", "authority_approve").accepted);
    EXPECT_TRUE(j.review(j.authority, "b", "authority_approve").accepted); // the last place
    const model::Verdict third = j.review(j.authority, "c", "authority_approve");
    EXPECT_FALSE(third.accepted);
    EXPECT_EQ(third.reason.code, "quota_full");
    EXPECT_FALSE(third.reason.zh.empty());
    EXPECT_EQ(j.state("c"), model::AppState::UnitApproved); // refused: nothing moved
    const auto quota = model::quotaOf(j.log.fold(), j.campaign.id, j.authorityCode);
    EXPECT_EQ(quota.approved, 2);
    EXPECT_EQ(quota.remaining, 0);
    EXPECT_EQ(quota.pending, 1); // unit-approved, waiting for the authority
    EXPECT_FALSE(
        model::findApplication(j.log.fold(), "c")->history.back().verdict.accepted); // shown, not dropped
}

TEST(RSync2_Fold, ApprovalOfContentThatChangedMeanwhileIsRefusedAsStale)
{
    Journey j;
    const auto id = j.create("app-1");
    j.toUnitApproved(id);
    // Reviewer A reads the application offline and approves what was shown to them...
    web::json::value seen = web::json::value::object();
    seen["digest"] = web::json::value::string(j.digest(id));
    const auto offlineApproval = j.authority.command(id, "authority_approve", seen);
    // ...while reviewer B returns it, the applicant changes the plan, and the unit approves again.
    Device other{"authority-2", "authority_reviewer"};
    ASSERT_TRUE(j.review(other, id, "authority_return", "学习计划不够具体").accepted);
    web::json::value edit = web::json::value::object();
    edit["study_plan"] = web::json::value::string("修改后的学习计划：赴北京大学开展为期一年的进修。");
    ASSERT_TRUE(j.log.add(j.applicant.set(id, edit)).accepted);
    j.toUnitApproved(id);
    const model::Verdict late = j.log.add(offlineApproval);
    EXPECT_FALSE(late.accepted);
    EXPECT_EQ(late.reason.code, "stale_content");
    EXPECT_EQ(j.state(id), model::AppState::UnitApproved);
}

TEST(RSync3_Fold, EditOfSubmittedApplicationIsRefusedAndKeptInHistory)
{
    Journey j;
    const auto id = j.create("app-1");
    ASSERT_TRUE(j.log.add(j.applicant.command(id, "submit")).accepted);
    web::json::value edit = web::json::value::object();
    edit["mobile"] = web::json::value::string("13800000000");
    const model::Verdict v = j.log.add(j.applicant.set(id, edit));
    EXPECT_FALSE(v.accepted);
    EXPECT_EQ(v.reason.code, "not_editable");
    EXPECT_NE(model::findApplication(j.log.fold(), id)->text("mobile"), "13800000000");
    EXPECT_EQ(model::findApplication(j.log.fold(), id)->history.back().verdict.reason.code, "not_editable");
}

TEST(RApp5_Fold, ReturnNeedsAWrittenOpinionAndResubmissionPassesTheUnitAgain)
{
    Journey j;
    const auto id = j.create("app-1");
    j.toUnitApproved(id);
    const model::Verdict silent = j.review(j.authority, id, "authority_return");
    EXPECT_FALSE(silent.accepted);
    EXPECT_EQ(silent.reason.code, "comment_required");
    ASSERT_TRUE(j.review(j.authority, id, "authority_return", "请补充业绩证明").accepted);
    EXPECT_EQ(j.state(id), model::AppState::AuthorityReturned);
    ASSERT_TRUE(j.log.add(j.applicant.command(id, "submit")).accepted);
    EXPECT_EQ(j.state(id), model::AppState::Submitted); // back to the unit (R-APP-5 decision)
}

TEST(RApp7_Fold, DeadlineDayItselfCountsTheDayAfterIsRefused)
{
    Journey j;
    const auto a = j.create("a");
    const auto b = j.create("b");
    // 23:59 China time on the deadline day is 15:59 UTC.
    const model::Date deadline = j.campaign.deadline;
    const std::int64_t deadlineEndUtc =
        (model::toDayNumber(deadline) + 1) * 86'400'000LL - 8 * 3'600'000LL - 60'000;
    j.applicant.setTime(deadlineEndUtc - 1000);
    EXPECT_TRUE(j.log.add(j.applicant.command(a, "submit")).accepted);
    j.applicant.setTime(deadlineEndUtc + 60'000);
    const model::Verdict late = j.log.add(j.applicant.command(b, "submit"));
    EXPECT_FALSE(late.accepted);
    EXPECT_EQ(late.reason.code, "deadline_passed");
}

TEST(RElg6_Fold, IneligibleApplicationCannotBeSubmitted)
{
    Journey j;
    auto fields = model::sampleApplication(j.rng, j.campaign, {j.authorityCode, "U001", "测试单位", false});
    ASSERT_TRUE(j.log.add(j.applicant.set("old", model::toJson(fields))).accepted);
    const model::Verdict v = j.log.add(j.applicant.command("old", "submit"));
    EXPECT_FALSE(v.accepted);
    EXPECT_EQ(v.reason.code, "too_old");
}

TEST(RSec2_Fold, WorkUnitAndLocationAreLockedOnceSubmitted)
{
    Journey j;
    const auto id = j.create("app-1");
    EXPECT_FALSE(j.review(j.unit, id, "unit_return", "x").accepted); // a draft is not the unit's yet
    ASSERT_TRUE(j.log.add(j.applicant.command(id, "submit")).accepted);
    ASSERT_TRUE(j.review(j.unit, id, "unit_return", "请修改").accepted);
    web::json::value move = web::json::value::object();
    move["authority"] = web::json::value::string(j.campaign.allocations[1].authorityCode);
    const model::Verdict v = j.log.add(j.applicant.set(id, move));
    EXPECT_FALSE(v.accepted);
    EXPECT_EQ(v.reason.code, "field_locked");
}

TEST(RSync2_Fold, ServerVerdictIsTakenAsGivenByAPartialReplica)
{
    Journey j;
    const auto id = j.create("app-1");
    model::Fold partial;
    for (const auto& c : j.log.changes())
        partial.apply(c, model::Verdict::accept());
    const auto submit = j.applicant.command(id, "submit");
    const model::Verdict given = model::Verdict::refuse({"quota_full", "名额已满", "quota full"});
    EXPECT_EQ(partial.apply({99, submit, {}}, given).reason.code, "quota_full");
    EXPECT_EQ(model::findApplication(partial, id)->state, model::AppState::Draft);
}

} // namespace

namespace {

TEST(RTrn3_Fold, TheWorkUnitRecordsTheReturnAndItsFollowUpSupportAfterTraining)
{
    Journey j;
    const auto id = j.create("app-1");
    j.toUnitApproved(id);
    ASSERT_TRUE(j.review(j.authority, id, "authority_approve").accepted);
    web::json::value admit = web::json::value::object();
    admit["training_unit"] = web::json::value::string("T-PKU");
    admit["major"] = web::json::value::string("草业科学");
    admit["start"] = web::json::value::string("2024-09-01");
    ASSERT_TRUE(j.log.add(j.centre.command(id, "admit", admit)).accepted);
    web::json::value followUp = web::json::value::object();
    followUp["comment"] = web::json::value::string("已返岗，原岗位和待遇保留；优先推荐申报高级职称");
    const model::Verdict early = j.log.add(j.unit.command(id, "record_return", followUp));
    EXPECT_FALSE(early.accepted); // still in training
    EXPECT_EQ(early.reason.code, "not_allowed_in_state");
    ASSERT_TRUE(j.log.add(j.centre.command(id, "complete")).accepted);
    EXPECT_EQ(j.log.add(j.applicant.command(id, "record_return", followUp)).reason.code,
              "role_not_permitted");
    ASSERT_TRUE(j.log.add(j.unit.command(id, "record_return", followUp)).accepted);
    const model::Application& app = *model::findApplication(j.log.fold(), id);
    EXPECT_TRUE(app.returnedToUnit);
    EXPECT_EQ(app.state, model::AppState::Completed);
    EXPECT_EQ(app.history.back().comment, "已返岗，原岗位和待遇保留；优先推荐申报高级职称");
}

} // namespace
