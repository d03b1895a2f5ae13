// Campaign data (R-QUO-1, R-APP-7, R-FND-1, R-LV-2): the numbers of the notice live in
// data/campaigns/2024.json, load strictly and round-trip.
#include "campaign_fixture.h"

#include <gtest/gtest.h>
#include <numeric>
#include <tepei/model/campaign/campaign.h>
#include <tepei/model/reference/reference.h>

namespace {
using namespace tepei::model;
using tepei::model::test::campaign2024;
using web::json::value;

value campaignJson()
{
    return toJson(campaign2024());
}

std::string refusal(const value& json)
{
    const auto parsed = parseCampaign(json);
    EXPECT_FALSE(parsed.ok());
    if (parsed.ok())
        return {};
    EXPECT_EQ(parsed.error().code, "campaign_invalid");
    EXPECT_FALSE(parsed.error().zh.empty());
    return parsed.error().en;
}

TEST(RQuo1_Campaign, The2024FileHasTheNoticesNumbers)
{
    const Campaign& c = campaign2024();
    EXPECT_EQ(c.id, "2024");
    EXPECT_EQ(c.year, 2024);
    EXPECT_EQ(c.deadline, (Date{2024, 3, 20}));
    EXPECT_EQ(c.ageReferenceDate, (Date{2024, 1, 1}));
    EXPECT_EQ(c.maxAge, 45);
    EXPECT_EQ(c.minYearsWithMasters, 8);
    EXPECT_EQ(c.minDegreeForYearsRule, "master");
    EXPECT_EQ(c.minTitleLevel, "associate_senior");
    EXPECT_EQ(c.places, 50);
    EXPECT_EQ(c.trainingPeriodMonths, 12);
    EXPECT_EQ(c.tuitionHousingPerYearFen, 3'680'000);
    EXPECT_EQ(c.livingAllowancePerMonthFen, 60'000);
    EXPECT_EQ(c.managementFeePerYearFen, 500'000);
    EXPECT_EQ(c.attachmentMaxBytes, 20 * 1024 * 1024);
    EXPECT_EQ(c.studyPlanMaxChars, 1500);
    EXPECT_EQ(c.achievementsMaxChars, 2000);
    ASSERT_EQ(c.trainingModes.size(), 3u);
    EXPECT_EQ(c.trainingModes[0].zh, "高校访问学者");
    ASSERT_EQ(c.leaveTiers.size(), 4u);
    EXPECT_EQ(c.leaveTiers[0].maxDays, 3);
    EXPECT_EQ(c.leaveTiers[1].maxDays, 10);
    EXPECT_EQ(c.leaveTiers[2].maxDays, 30);
    EXPECT_FALSE(c.leaveTiers[3].maxDays.has_value());
    EXPECT_NE(c.note.find("SAMPLE"), std::string::npos);
}

TEST(RQuo1_Campaign, SampleAllocationCoversEveryRecommendingAuthorityAndSumsToPlaces)
{
    const Campaign& c = campaign2024();
    const int sum = std::accumulate(c.allocations.begin(), c.allocations.end(), 0,
                                    [](int acc, const Allocation& a) { return acc + a.places; });
    EXPECT_EQ(sum, c.places);
    for (const auto& a : c.allocations)
        EXPECT_TRUE(isRecommendingAuthority(a.authorityCode)) << a.authorityCode;
    for (const auto& org : organisations()) {
        if (org.kind == OrgKind::Centre)
            continue;
        const bool listed = std::any_of(c.allocations.begin(), c.allocations.end(),
                                        [&](const Allocation& a) { return a.authorityCode == org.code; });
        EXPECT_TRUE(listed) << org.code;
    }
}

TEST(RQuo1_Campaign, RoundTripsThroughJson)
{
    const auto again = parseCampaign(campaignJson());
    ASSERT_TRUE(again.ok()) << again.error().en;
    EXPECT_EQ(*again, campaign2024());
    const auto text = campaignJson().serialize();
    const auto third = parseCampaign(value::parse(text));
    ASSERT_TRUE(third.ok());
    EXPECT_EQ(*third, campaign2024());
}

TEST(RApp7_Campaign, TheOfflineGraceIsTheCampaignsAndSevenDaysWhenItsFileNamesNone)
{
    EXPECT_EQ(campaign2024().deadlineGraceDays, 7);
    auto json = campaignJson();
    json["deadlineGraceDays"] = value::number(3);
    EXPECT_EQ(parseCampaign(json)->deadlineGraceDays, 3);
    json.erase("deadlineGraceDays");
    EXPECT_EQ(parseCampaign(json)->deadlineGraceDays, kDefaultDeadlineGraceDays);
    EXPECT_EQ(kDefaultDeadlineGraceDays, 7);
    json["deadlineGraceDays"] = value::number(-1);
    EXPECT_NE(refusal(json).find("deadlineGraceDays"), std::string::npos);
}

TEST(RQuo1_Campaign, AllocationsThatDoNotSumToPlacesAreRefused)
{
    auto json = campaignJson();
    json["allocations"][0]["places"] = value::number(json["allocations"][0]["places"].as_integer() + 1);
    const std::string en = refusal(json);
    EXPECT_NE(en.find("field 'allocations' add up to 51 places but the campaign has 50"), std::string::npos)
        << en;

    auto fewer = campaignJson();
    fewer["places"] = value::number(49);
    EXPECT_NE(refusal(fewer).find("'allocations'"), std::string::npos);
}

TEST(RQuo1_Campaign, DuplicateAuthorityRefused)
{
    auto json = campaignJson();
    json["allocations"][1]["authorityCode"] = json["allocations"][0]["authorityCode"];
    EXPECT_NE(refusal(json).find("allocations[1].authorityCode' is a duplicate"), std::string::npos);
}

TEST(RElg2_Campaign, AgeReferenceDateDefaultsToFirstOfJanuary)
{
    auto json = campaignJson();
    json.erase("ageReferenceDate");
    json["year"] = value::number(2025);
    const auto parsed = parseCampaign(json);
    ASSERT_TRUE(parsed.ok()) << parsed.error().en;
    EXPECT_EQ(parsed->ageReferenceDate, (Date{2025, 1, 1}));
}

TEST(RElg3_Campaign, DegreeAndTitleMayBeGivenInChinese)
{
    auto json = campaignJson();
    json["minDegreeForYearsRule"] = value::string("硕士");
    json["minTitleLevel"] = value::string("副高级");
    const auto parsed = parseCampaign(json);
    ASSERT_TRUE(parsed.ok()) << parsed.error().en;
    EXPECT_EQ(parsed->minDegreeForYearsRule, "master");
    EXPECT_EQ(parsed->minTitleLevel, "associate_senior");
}

struct Malformed {
    const char* field;
    value bad;
    const char* expected; // part of the English reason
};

TEST(RApp7_Campaign, MalformedFieldsAreRefusedNamingTheField)
{
    const std::vector<Malformed> cases{
        {"deadline", value::string("2024-02-30"), "field 'deadline' must be a real date"},
        {"deadline", value::number(20240320), "field 'deadline' must be a real date"},
        {"ageReferenceDate", value::string("2024-1-1"), "field 'ageReferenceDate' must be a real date"},
        {"maxAge", value::string("45"), "field 'maxAge' must be an integer"},
        {"maxAge", value::number(45.5), "field 'maxAge' must be an integer"},
        {"places", value::number(0), "field 'places' must be an integer"},
        {"id", value::string(""), "field 'id' must be a non-empty string"},
        {"minDegreeForYearsRule", value::string("master's"),
         "field 'minDegreeForYearsRule' \"master's\" is not"},
        {"minTitleLevel", value::string("高级"), "field 'minTitleLevel'"},
        {"tuitionHousingPerYearFen", value::number(-1),
         "field 'tuitionHousingPerYearFen' must be an integer"},
        {"livingAllowancePerMonthFen", value::number(600.5), "field 'livingAllowancePerMonthFen'"},
        {"trainingModes", value::array(), "field 'trainingModes' must list at least one"},
        {"attachmentTypes", value::string("application/pdf"), "field 'attachmentTypes' must be an array"},
        {"studyPlanMaxChars", value::null(), "field 'studyPlanMaxChars' is missing"},
        {"surprise", value::number(1), "field 'surprise' is not a known field"},
    };
    for (const auto& c : cases) {
        auto json = campaignJson();
        json[c.field] = c.bad;
        const std::string en = refusal(json);
        EXPECT_NE(en.find(c.expected), std::string::npos) << c.field << ": " << en;
    }
}

TEST(RLv2_Campaign, LeaveTiersMustAscendAndEndOpen)
{
    auto unordered = campaignJson();
    unordered["leaveTiers"][1]["maxDays"] = value::number(3);
    EXPECT_NE(refusal(unordered).find("leaveTiers[1].maxDays' must be greater"), std::string::npos);

    auto closed = campaignJson();
    closed["leaveTiers"][3]["maxDays"] = value::number(365);
    EXPECT_NE(refusal(closed).find("leaveTiers[3].maxDays' must be null"), std::string::npos);

    auto badParty = campaignJson();
    badParty["leaveTiers"][0]["approvers"][0] = value::string("dean");
    EXPECT_NE(refusal(badParty).find("leaveTiers[0].approvers[0]' must be training_unit"), std::string::npos);

    auto noApprover = campaignJson();
    noApprover["leaveTiers"][0]["approvers"] = value::array();
    EXPECT_NE(refusal(noApprover).find("leaveTiers[0].approvers' must name at least one"), std::string::npos);
}

TEST(RApp7_Campaign, EveryProblemIsReportedAtOnce)
{
    auto json = campaignJson();
    json["maxAge"] = value::string("old");
    json["deadline"] = value::string("soon");
    const std::string en = refusal(json);
    EXPECT_NE(en.find("'maxAge'"), std::string::npos);
    EXPECT_NE(en.find("'deadline'"), std::string::npos);
    EXPECT_NE(refusal(value::array()).find("must be a JSON object"), std::string::npos);
}

TEST(RApp7_Campaign, UnreadableFilesGiveAReason)
{
    const auto missing = loadCampaign("/nonexistent/tepei/campaign.json");
    ASSERT_FALSE(missing.ok());
    EXPECT_EQ(missing.error().code, "campaign_unreadable");
    const auto notJson = loadCampaign(std::string(TEPEI_DATA_DIR) + "/../CMakeLists.txt");
    ASSERT_FALSE(notJson.ok());
    EXPECT_EQ(notJson.error().code, "campaign_unreadable");
}

} // namespace
