// Reference data: ethnic groups (R-ELG-1), organisations (R-ORG-1), bilingual names (R-L10N-1).
#include <gtest/gtest.h>
#include <set>
#include <tepei/model/reference/reference.h>

namespace {
using namespace tepei::model;

TEST(RElg1_EthnicGroups, FiftySixGroupsInGbt3304Order)
{
    const auto& groups = ethnicGroups();
    ASSERT_EQ(groups.size(), 56u);
    for (std::size_t i = 0; i < groups.size(); ++i) {
        const std::string code = (i + 1 < 10 ? "0" : "") + std::to_string(i + 1);
        EXPECT_EQ(groups[i].code, code);
    }
    EXPECT_EQ(findEthnicGroup("01")->zh, "汉族");
    EXPECT_EQ(findEthnicGroup("02")->zh, "蒙古族");
    EXPECT_EQ(findEthnicGroup("52")->zh, "鄂伦春族");
    EXPECT_EQ(findEthnicGroup("56")->zh, "基诺族");
    EXPECT_EQ(findEthnicGroup("57"), nullptr);
}

TEST(RElg1_EthnicGroups, HanIsNotAMinorityAndTheOther55Are)
{
    EXPECT_FALSE(isMinority("01"));
    int minorities = 0;
    for (const auto& group : ethnicGroups())
        minorities += isMinority(group.code) ? 1 : 0;
    EXPECT_EQ(minorities, 55);
    EXPECT_FALSE(isMinority(""));
    EXPECT_FALSE(isMinority("2"));
    EXPECT_FALSE(isMinority("蒙古族"));
}

TEST(RElg3_Ranks, DegreeAndTitleOrdering)
{
    EXPECT_GT(*degreeRank("doctor"), *degreeRank("master"));
    EXPECT_GT(*degreeRank("master"), *degreeRank("bachelor"));
    EXPECT_GT(*degreeRank("bachelor"), *degreeRank("none"));
    EXPECT_GT(*titleLevelRank("senior"), *titleLevelRank("associate_senior"));
    EXPECT_GT(*titleLevelRank("associate_senior"), *titleLevelRank("intermediate"));
    EXPECT_GT(*titleLevelRank("intermediate"), *titleLevelRank("junior"));
    EXPECT_GT(*titleLevelRank("junior"), *titleLevelRank("none"));
    EXPECT_FALSE(degreeRank("硕士").has_value());
    EXPECT_EQ(findByCodeOrZh(degrees(), "硕士")->code, "master");
    EXPECT_EQ(findByCodeOrZh(titleLevels(), "副高级")->code, "associate_senior");
}

TEST(RElg5_UnitNature, NonPublicSectorIsDerivedFromTheNature)
{
    EXPECT_TRUE(isNonPublicNature("private_enterprise"));
    EXPECT_TRUE(isNonPublicNature("social_organisation"));
    EXPECT_FALSE(isNonPublicNature("government"));
    EXPECT_FALSE(isNonPublicNature("public_institution"));
    EXPECT_FALSE(isNonPublicNature("state_enterprise"));
    EXPECT_FALSE(isNonPublicNature("other"));
    EXPECT_FALSE(isNonPublicNature("unknown"));
    EXPECT_EQ(unitNatures().size(), 6u);
}

TEST(RElg5_PriorityScopes, FiveScopesWithTheNoticeText)
{
    ASSERT_EQ(priorityScopes().size(), 5u);
    EXPECT_EQ(findPriorityScope("5")->zh, "其他具有地方优势特色的专业和领域");
    EXPECT_NE(findPriorityScope("1")->zh.find("乡村振兴"), std::string::npos);
    EXPECT_EQ(findPriorityScope("6"), nullptr);
}

TEST(ROrg1_Organisations, CentreLeaguesCitiesAndDepartments)
{
    EXPECT_EQ(findOrganisation(kCentreOrgCode)->kind, OrgKind::Centre);
    EXPECT_FALSE(isRecommendingAuthority(kCentreOrgCode));
    int leagues = 0, separate = 0, departments = 0;
    for (const auto& org : organisations()) {
        leagues += org.kind == OrgKind::LeagueCity;
        separate += org.kind == OrgKind::SeparateCity;
        departments += org.kind == OrgKind::Department || org.kind == OrgKind::University;
    }
    EXPECT_EQ(leagues, 12);
    EXPECT_EQ(separate, 2);
    EXPECT_GE(departments, 5);
    EXPECT_EQ(findOrganisation("150100")->zh, "呼和浩特市");
    EXPECT_EQ(findOrganisation("152900")->zh, "阿拉善盟");
    EXPECT_EQ(findOrganisation("150781")->zh, "满洲里市");
    EXPECT_EQ(findOrganisation("152501")->zh, "二连浩特市");
    EXPECT_TRUE(isRecommendingAuthority("D07"));
    EXPECT_EQ(findOrganisation("D07")->zh, "内蒙古大学");
}

TEST(RL10n1_Reference, EveryEntryHasUniqueCodeAndBothNames)
{
    for (auto id :
         {lists::kSex, lists::kEthnicity, lists::kPoliticalStatus, lists::kEducation, lists::kDegree,
          lists::kTitleLevel, lists::kPriorityScope, lists::kUnitNature, lists::kLeaveKind}) {
        const auto* list = referenceList(id);
        ASSERT_NE(list, nullptr) << id;
        std::set<std::string> codes;
        for (const auto& item : *list) {
            EXPECT_TRUE(codes.insert(item.code).second) << id << " " << item.code;
            EXPECT_FALSE(item.zh.empty()) << id << " " << item.code;
            EXPECT_FALSE(item.en.empty()) << id << " " << item.code;
        }
    }
    std::set<std::string> orgCodes;
    for (const auto& org : organisations()) {
        EXPECT_TRUE(orgCodes.insert(org.code).second) << org.code;
        EXPECT_FALSE(org.en.empty()) << org.code;
    }
    EXPECT_EQ(referenceList(lists::kTrainingMode), nullptr); // campaign-driven
    EXPECT_EQ(politicalStatuses().front().zh, "中共党员");
    EXPECT_EQ(politicalStatuses().back().zh, "群众");
    EXPECT_EQ(defaultTrainingModes().size(), 3u);
}

} // namespace
