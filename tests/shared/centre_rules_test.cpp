// The centre's rules in the fold (issue #12): an allocation change may not take back approved
// places (R-QUO-1); admission names one of the campaign's training units and a period whose end,
// if given, follows its start, by default one training period long (R-QUO-3); a campaign record
// of an earlier version, which lists no training units, admits as it did then.
#include "journey.h"

#include <tepei/model/kinds/application/application_kind.h>
#include <tepei/model/kinds/campaign/campaign_kind.h>

namespace {

using namespace tepei;
using test::Journey;

// Moves `places` of the journey's authority to the campaign's last authority (the total stays).
model::Campaign movePlaces(const Journey& j, int places)
{
    model::Campaign next = j.campaign;
    next.allocations.front().places -= places;
    next.allocations.back().places += places;
    return next;
}

std::string approvedApplication(Journey& j, const std::string& id)
{
    j.create(id);
    j.toUnitApproved(id);
    EXPECT_TRUE(j.review(j.authority, id, "authority_approve").accepted);
    return id;
}

web::json::value admission(const std::string& unit, const std::string& start, const std::string& end = {})
{
    web::json::value args = web::json::value::object();
    args[model::kArgTrainingUnit] = web::json::value::string(unit);
    args[model::kArgMajor] = web::json::value::string("草业科学");
    args[model::kArgStart] = web::json::value::string(start);
    if (!end.empty())
        args[model::kArgEnd] = web::json::value::string(end);
    return args;
}

TEST(RQuo1_Allocation, TheCentreMovesPlacesBetweenAuthoritiesAndTheAuthoritySeesTheNewQuota)
{
    Journey j;
    const int before = model::quotaOf(j.log.fold(), j.campaign.id, j.authorityCode).allocation;
    ASSERT_GE(before, 2);
    const model::Verdict moved = j.log.add(j.centre.publishCampaign(movePlaces(j, 1)));
    ASSERT_TRUE(moved.accepted) << moved.reason.en;
    EXPECT_EQ(model::quotaOf(j.log.fold(), j.campaign.id, j.authorityCode).allocation, before - 1);
    const std::string last = j.campaign.allocations.back().authorityCode;
    EXPECT_EQ(model::quotaOf(j.log.fold(), j.campaign.id, last).allocation,
              j.campaign.allocations.back().places + 1);
}

TEST(RQuo1_Allocation, AChangeBelowWhatAnAuthorityApprovedIsRefusedWithTheAuthorityNamed)
{
    Journey j;
    approvedApplication(j, "app-1");
    approvedApplication(j, "app-2");
    const int places = j.campaign.allocations.front().places;
    // Down to exactly the approved count: allowed. One below: refused, nothing changes.
    const model::Verdict cut = j.log.add(j.centre.publishCampaign(movePlaces(j, places - 1)));
    EXPECT_FALSE(cut.accepted);
    EXPECT_EQ(cut.reason.code, "allocation_below_approved");
    EXPECT_NE(cut.reason.zh.find("呼和浩特市已审核通过 2 人"), std::string::npos) << cut.reason.zh;
    EXPECT_NE(cut.reason.en.find("at least 2 places (not 1)"), std::string::npos) << cut.reason.en;
    EXPECT_EQ(model::quotaOf(j.log.fold(), j.campaign.id, j.authorityCode).allocation, places);
    EXPECT_TRUE(j.log.add(j.centre.publishCampaign(movePlaces(j, places - 2))).accepted);
    EXPECT_EQ(model::quotaOf(j.log.fold(), j.campaign.id, j.authorityCode).allocation, 2);
}

TEST(RQuo1_Allocation, ATotalDifferentFromThePlacesIsRefusedAndTheOldAllocationStays)
{
    Journey j;
    model::Campaign next = j.campaign;
    next.allocations.front().places += 1; // the total no longer equals places
    const model::Verdict refused = j.log.add(j.centre.publishCampaign(next));
    EXPECT_FALSE(refused.accepted);
    EXPECT_EQ(refused.reason.code, "campaign_invalid");
    EXPECT_NE(refused.reason.en.find("places"), std::string::npos) << refused.reason.en;
    EXPECT_EQ(*model::findCampaign(j.log.fold(), j.campaign.id), j.campaign);
}

TEST(RQuo3_Admission, AdmitsToOneOfTheCampaignsTrainingUnitsForOnePeriodByDefault)
{
    Journey j;
    ASSERT_FALSE(j.campaign.trainingUnits.empty());
    const std::string id = approvedApplication(j, "app-1");
    const std::string unit = j.campaign.trainingUnits.at(1).code;
    ASSERT_TRUE(j.log.add(j.centre.command(id, "admit", admission(unit, "2024-09-01"))).accepted);
    const model::Application& app = *model::findApplication(j.log.fold(), id);
    EXPECT_EQ(app.state, model::AppState::Admitted);
    ASSERT_TRUE(app.admission);
    EXPECT_EQ(app.admission->trainingUnit, unit);
    EXPECT_EQ(model::toString(app.admission->end), "2025-08-31"); // trainingPeriodMonths = 12
}

TEST(RQuo3_Admission, AGivenEndDateIsKept)
{
    Journey j;
    const std::string id = approvedApplication(j, "app-1");
    const auto unit = j.campaign.trainingUnits.front().code;
    ASSERT_TRUE(
        j.log.add(j.centre.command(id, "admit", admission(unit, "2024-09-01", "2025-07-15"))).accepted);
    EXPECT_EQ(model::toString(model::findApplication(j.log.fold(), id)->admission->end), "2025-07-15");
}

TEST(RQuo3_Admission, AnUnknownTrainingUnitOrAnEndBeforeTheStartIsRefusedAndNothingChanges)
{
    Journey j;
    const std::string id = approvedApplication(j, "app-1");
    const model::Verdict unknown =
        j.log.add(j.centre.command(id, "admit", admission("北京某大学", "2024-09-01")));
    EXPECT_EQ(unknown.reason.code, "training_unit_unknown");
    EXPECT_NE(unknown.reason.zh.find("北京大学"), std::string::npos) << unknown.reason.zh; // names the list
    const auto unit = j.campaign.trainingUnits.front().code;
    const model::Verdict backwards =
        j.log.add(j.centre.command(id, "admit", admission(unit, "2024-09-01", "2024-08-01")));
    EXPECT_EQ(backwards.reason.code, "admission_period_invalid");
    const model::Verdict notADate =
        j.log.add(j.centre.command(id, "admit", admission(unit, "2024-09-01", "明年")));
    EXPECT_EQ(notADate.reason.code, "admission_period_invalid");
    const model::Application& app = *model::findApplication(j.log.fold(), id);
    EXPECT_EQ(app.state, model::AppState::AuthorityApproved);
    EXPECT_FALSE(app.admission);
}

TEST(RQuo3_Admission, ACampaignRecordOfAnEarlierVersionWithoutTrainingUnitsAdmitsAsItDidThen)
{
    Journey j;
    model::Campaign legacy = j.campaign;
    legacy.trainingUnits.clear();
    ASSERT_TRUE(j.log.add(j.centre.publishCampaign(legacy)).accepted);
    const std::string id = approvedApplication(j, "app-1");
    EXPECT_TRUE(j.log.add(j.centre.command(id, "admit", admission("T1", "2024-09-01"))).accepted);
}

TEST(RQuo3_Campaign, TrainingUnitsRoundTripAndDuplicatesAreRefused)
{
    const model::Campaign campaign = test::campaign2024();
    auto again = model::parseCampaign(model::toJson(campaign));
    ASSERT_TRUE(again.ok());
    EXPECT_EQ(again->trainingUnits, campaign.trainingUnits);
    auto json = model::toJson(campaign);
    json["trainingUnits"][1]["code"] = json["trainingUnits"][0]["code"];
    auto duplicate = model::parseCampaign(json);
    ASSERT_FALSE(duplicate.ok());
    EXPECT_NE(duplicate.error().en.find("trainingUnits[1].code"), std::string::npos) << duplicate.error().en;
}

} // namespace
