// Dates underpin the age (R-ELG-2), deadline (R-APP-7) and leave (R-LV-2) rules.
#include <gtest/gtest.h>
#include <tepei/model/reference/date.h>

namespace {
using namespace tepei::model;

TEST(Date, ParsesStrictIsoDates)
{
    const auto d = parseDate("2024-02-29");
    ASSERT_TRUE(d.ok());
    EXPECT_EQ(*d, (Date{2024, 2, 29}));
    EXPECT_EQ(toString(*d), "2024-02-29");
    EXPECT_EQ(toString(Date{5, 1, 9}), "0005-01-09");
}

TEST(Date, RefusesMalformedAndImpossibleDates)
{
    for (const char* bad :
         {"", "2024-2-29", "2024/02/29", "20240229", "2024-02-30", "2023-02-29", "1900-02-29", "2024-13-01",
          "2024-00-10", "2024-04-31", "0000-01-01", "2024-01-1a", " 2024-01-01", "2024-01-01T00:00"}) {
        const auto d = parseDate(bad);
        ASSERT_FALSE(d.ok()) << bad;
        EXPECT_EQ(d.error().code, "date_invalid");
        EXPECT_FALSE(d.error().zh.empty());
    }
    EXPECT_TRUE(parseDate("2000-02-29").ok());
}

TEST(Date, DayArithmetic)
{
    EXPECT_EQ(toDayNumber(Date{1970, 1, 1}), 0);
    EXPECT_EQ(fromDayNumber(-1), (Date{1969, 12, 31}));
    EXPECT_EQ(addDays(Date{2024, 2, 28}, 1), (Date{2024, 2, 29}));
    EXPECT_EQ(addDays(Date{2023, 2, 28}, 1), (Date{2023, 3, 1}));
    EXPECT_EQ(addDays(Date{2024, 12, 31}, 1), (Date{2025, 1, 1}));
    EXPECT_EQ(addDays(Date{2024, 3, 1}, -1), (Date{2024, 2, 29}));
    EXPECT_EQ(daysBetweenInclusive(Date{2024, 3, 1}, Date{2024, 3, 1}), 1);
    EXPECT_EQ(daysBetweenInclusive(Date{2024, 2, 28}, Date{2024, 3, 1}), 3);
    EXPECT_EQ(daysBetweenInclusive(Date{2024, 1, 1}, Date{2024, 12, 31}), 366);
    EXPECT_EQ(daysBetweenInclusive(Date{2024, 3, 2}, Date{2024, 3, 1}), 0);
    for (std::int64_t n = -800000; n < 800000; n += 997)
        EXPECT_EQ(toDayNumber(fromDayNumber(n)), n);
}

TEST(RElg2_FullYears, CountsCompletedYears)
{
    EXPECT_EQ(fullYearsOnDate(Date{1979, 1, 1}, Date{2024, 1, 1}), 45);
    EXPECT_EQ(fullYearsOnDate(Date{1979, 1, 2}, Date{2024, 1, 1}), 44);
    EXPECT_EQ(fullYearsOnDate(Date{1978, 12, 31}, Date{2024, 1, 1}), 45);
    EXPECT_EQ(fullYearsOnDate(Date{1979, 1, 1}, Date{1979, 1, 1}), 0);
    EXPECT_EQ(fullYearsOnDate(Date{1979, 1, 2}, Date{1979, 1, 1}), -1);
}

TEST(RElg2_FullYears, LeapDayBirthdayTurnsOlderOnFirstOfMarchInCommonYears)
{
    const Date birth{1980, 2, 29};
    EXPECT_EQ(fullYearsOnDate(birth, Date{2023, 2, 28}), 42);
    EXPECT_EQ(fullYearsOnDate(birth, Date{2023, 3, 1}), 43);
    EXPECT_EQ(fullYearsOnDate(birth, Date{2024, 2, 28}), 43);
    EXPECT_EQ(fullYearsOnDate(birth, Date{2024, 2, 29}), 44);
}

TEST(RApp7_ChinaDate, InstantsMapToTheDateInUtcPlus8)
{
    // 2024-03-20T15:59:59.999Z is 23:59:59.999 in Beijing; one millisecond later it is 21 March.
    const std::int64_t lastMillisOf20th = 1710950399999;
    EXPECT_EQ(chinaDateOf(lastMillisOf20th), (Date{2024, 3, 20}));
    EXPECT_EQ(chinaDateOf(lastMillisOf20th + 1), (Date{2024, 3, 21}));
    EXPECT_EQ(chinaDateOf(0), (Date{1970, 1, 1}));
    EXPECT_EQ(chinaDateOf(-8 * 3600 * 1000 - 1), (Date{1969, 12, 31}));
}

} // namespace
