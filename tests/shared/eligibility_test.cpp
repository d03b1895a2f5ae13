// R-ELG-1..7: eligibility, every boundary the notice names, every failed rule reported.
#include "form_fixture.h"

#include <algorithm>
#include <gtest/gtest.h>
#include <tepei/model/rules/eligibility.h>

namespace {
using namespace tepei::model;
using tepei::model::test::campaign2024;
using tepei::model::test::eligibleFields;
using tepei::model::test::str;
using web::json::value;

std::vector<std::string> codes(const FieldMap& fields, const Campaign& campaign = campaign2024())
{
    std::vector<std::string> out;
    for (const auto& reason : checkEligibility(fields, campaign)) {
        EXPECT_FALSE(reason.zh.empty()) << reason.code;
        EXPECT_FALSE(reason.en.empty()) << reason.code;
        out.push_back(reason.code);
    }
    return out;
}

// The fixture's applicant with another birth date and a matching ID number.
FieldMap bornOn(const char* isoDate)
{
    FieldMap fields = eligibleFields();
    fields["birth_date"] = str(isoDate);
    std::string first17 = "150102" + std::string(isoDate).substr(0, 4) + std::string(isoDate).substr(5, 2) +
                          std::string(isoDate).substr(8, 2) + "001";
    fields["id_number"] = value::string(first17 + residentIdCheckChar(first17));
    return fields;
}

TEST(RElg6_Eligibility, TheFixtureApplicantIsEligible)
{
    EXPECT_EQ(codes(eligibleFields()), std::vector<std::string>{});
    EXPECT_TRUE(isEligible(eligibleFields(), campaign2024()));
}

TEST(RElg1_Minority, HanIsRefusedAnyMinorityPasses)
{
    FieldMap fields = eligibleFields();
    fields["ethnicity"] = str("01");
    EXPECT_EQ(codes(fields), std::vector<std::string>{"not_minority"});
    const auto reasons = checkEligibility(fields, campaign2024());
    EXPECT_NE(reasons[0].zh.find("汉族"), std::string::npos);
    for (const char* minority : {"02", "03", "11", "31", "45", "52", "56"}) {
        fields["ethnicity"] = str(minority);
        EXPECT_TRUE(codes(fields).empty()) << minority;
    }
    fields["ethnicity"] = str("99");
    EXPECT_EQ(codes(fields), std::vector<std::string>{"not_minority"});
    fields.erase("ethnicity");
    EXPECT_EQ(codes(fields), std::vector<std::string>{"ethnicity_missing"});
}

TEST(RElg2_Age, FortyFiveOnReferenceDateIsEligible)
{
    EXPECT_TRUE(codes(bornOn("1979-01-01")).empty()); // 45th birthday on 2024-01-01
    EXPECT_TRUE(codes(bornOn("1978-01-02")).empty()); // 45 years and 364 days
}

TEST(RElg2_Age, FortySixOnReferenceDateIsTooOld)
{
    EXPECT_EQ(codes(bornOn("1978-01-01")), std::vector<std::string>{"too_old"}); // 46th birthday that day
    const auto reasons = checkEligibility(bornOn("1978-01-01"), campaign2024());
    EXPECT_NE(reasons[0].en.find("45 or younger; on 2024-01-01 the applicant is 46"), std::string::npos)
        << reasons[0].en;
}

TEST(RElg2_Age, BirthdayTheDayAfterTheReferenceDateStillCountsTheYoungerAge)
{
    // Turns 46 on 2024-01-02: still 45 on the reference date 2024-01-01.
    EXPECT_TRUE(codes(bornOn("1978-01-02")).empty());
    // Turns 46 on the reference date itself.
    EXPECT_EQ(codes(bornOn("1978-01-01")), std::vector<std::string>{"too_old"});
}

TEST(RElg2_Age, ReferenceDateComesFromTheCampaign)
{
    Campaign later = campaign2024();
    later.ageReferenceDate = Date{2024, 3, 20};
    EXPECT_EQ(codes(bornOn("1978-03-20"), later), std::vector<std::string>{"too_old"});
    EXPECT_TRUE(codes(bornOn("1978-03-21"), later).empty());
    later.maxAge = 46;
    EXPECT_TRUE(codes(bornOn("1978-03-20"), later).empty());
}

struct Qualification {
    const char* name;
    const char* degree;
    int years;
    const char* titleLevel;
    bool eligible;
};

TEST(RElg3_Qualification, MastersWithYearsOrAssociateSeniorTitle)
{
    const std::vector<Qualification> cases{
        {"master, 8 years", "master", 8, "intermediate", true},
        {"master, 7 years", "master", 7, "intermediate", false},
        {"doctor, 8 years", "doctor", 8, "none", true},
        {"doctor, 7 years", "doctor", 7, "junior", false},
        {"bachelor, 20 years", "bachelor", 20, "intermediate", false},
        {"bachelor, associate-senior", "bachelor", 2, "associate_senior", true},
        {"no degree, senior", "none", 0, "senior", true},
        {"master, 7 years, associate-senior", "master", 7, "associate_senior", true},
        {"bachelor, 30 years, intermediate", "bachelor", 30, "intermediate", false},
        {"master, 30 years, none", "master", 30, "none", true},
    };
    for (const auto& c : cases) {
        FieldMap fields = eligibleFields();
        fields["degree"] = str(c.degree);
        fields["years_in_profession"] = value::number(c.years);
        fields["title_level"] = str(c.titleLevel);
        const auto got = codes(fields);
        if (c.eligible) {
            EXPECT_TRUE(got.empty()) << c.name;
        } else {
            EXPECT_EQ(got, std::vector<std::string>{"qualification_insufficient"}) << c.name;
        }
    }
}

TEST(RElg3_Qualification, MissingValuesDoNotQualify)
{
    FieldMap fields = eligibleFields();
    fields.erase("years_in_profession");
    EXPECT_EQ(codes(fields), std::vector<std::string>{"qualification_insufficient"});
    const auto reason = checkEligibility(fields, campaign2024()).at(0);
    EXPECT_NE(reason.zh.find("硕士"), std::string::npos);
    EXPECT_NE(reason.zh.find("副高级"), std::string::npos);
}

TEST(RElg4_Declarations, HealthAndIntegrityMustBeDeclared)
{
    FieldMap fields = eligibleFields();
    fields["health_declared"] = value::boolean(false);
    fields.erase("integrity_declared");
    EXPECT_EQ(codes(fields), (std::vector<std::string>{"declaration_missing", "declaration_missing"}));
    fields["integrity_declared"] = value::boolean(true);
    EXPECT_EQ(codes(fields), std::vector<std::string>{"declaration_missing"});
}

TEST(RElg5_Scope, OneOfTheFiveScopesMustBeChosen)
{
    FieldMap fields = eligibleFields();
    for (const char* scope : {"1", "2", "3", "4", "5"}) {
        fields["priority_scope"] = str(scope);
        EXPECT_TRUE(codes(fields).empty()) << scope;
    }
    fields["priority_scope"] = value::number(5);
    EXPECT_TRUE(codes(fields).empty());
    fields["priority_scope"] = str("6");
    EXPECT_EQ(codes(fields), std::vector<std::string>{"scope_missing"});
    fields.erase("priority_scope");
    EXPECT_EQ(codes(fields), std::vector<std::string>{"scope_missing"});
}

TEST(RElg7_Identity, IdNumberMustBeValidAndAgreeWithTheForm)
{
    FieldMap fields = eligibleFields();
    fields["id_number"] = str("150102197901010016");
    EXPECT_EQ(codes(fields), std::vector<std::string>{"id_invalid"});
    fields.erase("id_number");
    EXPECT_EQ(codes(fields), std::vector<std::string>{"id_invalid"});

    fields = eligibleFields();
    fields["sex"] = str("female");
    EXPECT_EQ(codes(fields), std::vector<std::string>{"id_sex_mismatch"});

    fields = eligibleFields();
    fields["birth_date"] = str("1979-01-02");
    EXPECT_EQ(codes(fields), std::vector<std::string>{"id_birth_mismatch"});

    fields = eligibleFields();
    fields["id_number"] = str("15010219790230001"
                              "4"); // 30 February
    const auto reasons = checkEligibility(fields, campaign2024());
    ASSERT_EQ(reasons.size(), 1u);
    EXPECT_NE(reasons[0].en.find("19790230"), std::string::npos);
}

TEST(RElg6_Eligibility, EveryFailedRuleIsReportedNotJustTheFirst)
{
    FieldMap fields = bornOn("1970-06-15");
    fields["ethnicity"] = str("01");
    fields["degree"] = str("bachelor");
    fields["health_declared"] = value::boolean(false);
    fields.erase("priority_scope");
    fields["sex"] = str("female");
    const auto got = codes(fields);
    for (const char* expected : {"not_minority", "too_old", "qualification_insufficient",
                                 "declaration_missing", "scope_missing", "id_sex_mismatch"})
        EXPECT_NE(std::find(got.begin(), got.end(), expected), got.end()) << expected;
    EXPECT_EQ(got.size(), 6u);
    EXPECT_EQ(codes(FieldMap{}).size(),
              7u); // ethnicity, birth date, qualification, 2 declarations, scope, id
}

} // namespace
