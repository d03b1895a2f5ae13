#pragma once
// Calendar dates (proleptic Gregorian), ISO text form, and the date arithmetic the rules need.
// All functions are pure and thread-safe.

#include <compare>
#include <cstdint>
#include <string>
#include <string_view>
#include <tepei/model/reference/reason.h>
#include <tepei/sync/result.h>

namespace tepei::model {

// A calendar date. Compares chronologically. Functions below assume a valid date (see
// isValidDate); parseDate only ever yields valid ones.
struct Date {
    int year = 0;
    int month = 0;
    int day = 0;

    auto operator<=>(const Date&) const = default;
};

bool isLeapYear(int year);
int daysInMonth(int year, int month); // 0 for a month outside 1..12
bool isValidDate(const Date& date);   // year 1..9999, real month and day (29 Feb in leap years only)

// Strict ISO 8601 calendar date "YYYY-MM-DD": exactly ten characters, zero-padded, a real date.
// Refusal code: "date_invalid", naming the text and what is wrong with it.
tepei::Result<Date, Reason> parseDate(std::string_view iso);

// "YYYY-MM-DD".
std::string toString(const Date& date);

// Days since 1970-01-01 (negative before), and back.
std::int64_t toDayNumber(const Date& date);
Date fromDayNumber(std::int64_t days);

// Calendar days from a to b counting both ends: the same day is 1, a to the next day is 2.
// When b is before a the result is b - a + 1 (zero or negative); callers refuse that case.
int daysBetweenInclusive(const Date& a, const Date& b);

// The date `days` days after (negative: before) the given one.
Date addDays(const Date& date, int days);

// The same day `months` months later; the last day of the month when that day does not exist
// (31 January + 1 month = 28 or 29 February).
Date addMonths(const Date& date, int months);

// Age in full years on the date `on` (周岁). Someone born on 29 February becomes a year older on
// 1 March in non-leap years. -1 when `on` is before `birth`.
int fullYearsOnDate(const Date& birth, const Date& on);

// The calendar date in China (UTC+8, no daylight saving) at the given instant, in milliseconds
// since the Unix epoch. Deadlines are China dates.
Date chinaDateOf(std::int64_t utcMillis);

} // namespace tepei::model
