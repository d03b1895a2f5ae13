// R-ELG-7: resident ID numbers (GB 11643-1999, ISO 7064 MOD 11-2 check character).
#include <gtest/gtest.h>
#include <tepei/model/reference/resident_id.h>

namespace {
using namespace tepei::model;

struct ValidId {
    const char* id;
    Date birth;
    Sex sex;
};

TEST(RElg7_ResidentId, ValidNumbersYieldBirthDateSexAndRegion)
{
    const std::vector<ValidId> cases{
        {"150102197901010015", {1979, 1, 1}, Sex::Male},
        {"150102197901010023", {1979, 1, 1}, Sex::Female},
        {"11010519491231002X", {1949, 12, 31}, Sex::Female},
        {"15010219790101004X", {1979, 1, 1}, Sex::Female},
        {"150203197801011231", {1978, 1, 1}, Sex::Male},
        {"152625198002290031", {1980, 2, 29}, Sex::Male},
        {"440524188001010014", {1880, 1, 1}, Sex::Male}, // GB 11643's own example; eligibility judges age
    };
    for (const auto& c : cases) {
        const auto info = parseResidentId(c.id);
        ASSERT_TRUE(info.ok()) << c.id << ": " << info.error().en;
        EXPECT_EQ(info->birthDate, c.birth) << c.id;
        EXPECT_EQ(info->sex, c.sex) << c.id;
        EXPECT_EQ(info->regionCode, std::string(c.id).substr(0, 6));
    }
    EXPECT_TRUE(parseResidentId("11010519491231002x").ok());
}

TEST(RElg7_ResidentId, CheckCharacterIsComputed)
{
    EXPECT_EQ(residentIdCheckChar("11010519491231002"), 'X');
    EXPECT_EQ(residentIdCheckChar("15010219790101001"), '5');
    EXPECT_EQ(residentIdCheckChar("1501021979010100"), '\0');
    EXPECT_EQ(residentIdCheckChar("1501021979010100a"), '\0');
}

struct BadId {
    const char* id;
    const char* expected; // part of the English reason
};

TEST(RElg7_ResidentId, InvalidNumbersSayExactlyWhatIsWrong)
{
    const std::vector<BadId> cases{
        {"", "must have 18 characters but has 0"},
        {"15010219790101001", "must have 18 characters but has 17"},
        {"1501021979010100155", "must have 18 characters but has 19"},
        {"15010219790101001A", "character 18 (the check character) must be a digit or X"},
        {"1501021979O1010015", "character 11 must be a digit"},
        {"150102197901010016", "the check character should be 5 but is 6"},
        {"110105194912310021", "the check character should be X but is 1"},
        {"150102197901010015X", "must have 18"},
        {"150102197902300014", "the birth date in characters 7-14, 19790230, is not a real date"},
        {"150102198102290019", "19810229, is not a real date"},
        {"150102197913010012", "19791301, is not a real date"},
        {"150102179912310019", "17991231, is not a real date"}, // before 1800: a typo, not a person
    };
    for (const auto& c : cases) {
        const auto info = parseResidentId(c.id);
        ASSERT_FALSE(info.ok()) << c.id;
        EXPECT_EQ(info.error().code, "id_invalid");
        EXPECT_NE(info.error().en.find(c.expected), std::string::npos) << c.id << ": " << info.error().en;
        EXPECT_NE(info.error().zh.find("身份证号码无效"), std::string::npos);
    }
}

TEST(RElg7_ResidentId, BirthDateInTheFutureIsRefused)
{
    const char* born2000 = "150102200001010057";
    EXPECT_TRUE(parseResidentId(born2000, Date{2000, 1, 1}).ok());
    const auto future = parseResidentId(born2000, Date{1999, 12, 31});
    ASSERT_FALSE(future.ok());
    EXPECT_NE(future.error().en.find("in the future"), std::string::npos);
}

TEST(RTrn2_ResidentId, MaskedForTheCertificateExceptLastFour)
{
    EXPECT_EQ(maskResidentId("11010519491231002X"), "**************002X");
    EXPECT_EQ(maskResidentId("002X"), "002X");
    EXPECT_EQ(maskResidentId(""), "");
}

TEST(RElg7_Sex, CodesMatchTheReferenceList)
{
    EXPECT_STREQ(toString(Sex::Male), "male");
    EXPECT_STREQ(toString(Sex::Female), "female");
    EXPECT_EQ(sexFromString("female"), Sex::Female);
    EXPECT_FALSE(sexFromString("男").has_value());
}

} // namespace
