#include <cstdio>
#include <tepei/model/reference/date.h>

namespace tepei::model {
namespace {

Reason dateReason(std::string_view text, const std::string& zhWhy, const std::string& enWhy)
{
    const std::string shown(text);
    return Reason{"date_invalid",
                  "日期“" + shown + "”无效：" + zhWhy +
                      "。请按 YYYY-MM-DD 格式填写真实日期，例如 1985-06-15。",
                  "The date \"" + shown + "\" is not valid: " + enWhy +
                      ". Enter a real date as YYYY-MM-DD, for example 1985-06-15."};
}

int digitsAt(std::string_view text, std::size_t pos, std::size_t count, bool& ok)
{
    int value = 0;
    for (std::size_t i = pos; i < pos + count; ++i) {
        const char c = text[i];
        if (c < '0' || c > '9') {
            ok = false;
            return 0;
        }
        value = value * 10 + (c - '0');
    }
    return value;
}

} // namespace

bool isLeapYear(int year)
{
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int daysInMonth(int year, int month)
{
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12)
        return 0;
    return month == 2 && isLeapYear(year) ? 29 : kDays[month - 1];
}

bool isValidDate(const Date& date)
{
    return date.year >= 1 && date.year <= 9999 && date.month >= 1 && date.month <= 12 && date.day >= 1 &&
           date.day <= daysInMonth(date.year, date.month);
}

tepei::Result<Date, Reason> parseDate(std::string_view iso)
{
    if (iso.size() != 10 || iso[4] != '-' || iso[7] != '-')
        return dateReason(iso, "格式应为 YYYY-MM-DD", "the form must be YYYY-MM-DD");
    bool ok = true;
    const Date date{digitsAt(iso, 0, 4, ok), digitsAt(iso, 5, 2, ok), digitsAt(iso, 8, 2, ok)};
    if (!ok)
        return dateReason(iso, "年、月、日只能是数字", "year, month and day must be digits");
    if (date.year < 1)
        return dateReason(iso, "年份不能为 0000", "the year cannot be 0000");
    if (date.month < 1 || date.month > 12)
        return dateReason(iso, "月份应在 01 到 12 之间", "the month must be 01 to 12");
    if (date.day < 1 || date.day > daysInMonth(date.year, date.month)) {
        const std::string max = std::to_string(daysInMonth(date.year, date.month));
        return dateReason(iso, "该月只有 " + max + " 天", "that month has only " + max + " days");
    }
    return date;
}

std::string toString(const Date& date)
{
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", date.year, date.month, date.day);
    return buffer;
}

// Howard Hinnant's days_from_civil / civil_from_days.
std::int64_t toDayNumber(const Date& date)
{
    const std::int64_t y = date.year - (date.month <= 2 ? 1 : 0);
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const std::int64_t yoe = y - era * 400;
    const std::int64_t mp = (date.month + 9) % 12;
    const std::int64_t doy = (153 * mp + 2) / 5 + date.day - 1;
    const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

Date fromDayNumber(std::int64_t days)
{
    const std::int64_t z = days + 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const std::int64_t doe = z - era * 146097;
    const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const std::int64_t mp = (5 * doy + 2) / 153;
    const int day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
    const int month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
    const int year = static_cast<int>(yoe + era * 400 + (month <= 2 ? 1 : 0));
    return Date{year, month, day};
}

int daysBetweenInclusive(const Date& a, const Date& b)
{
    return static_cast<int>(toDayNumber(b) - toDayNumber(a)) + 1;
}

Date addDays(const Date& date, int days)
{
    return fromDayNumber(toDayNumber(date) + days);
}

int fullYearsOnDate(const Date& birth, const Date& on)
{
    if (on < birth)
        return -1;
    int years = on.year - birth.year;
    // Comparing (month, day) pairs makes a 29 February birthday fall on 1 March in common years.
    if (on.month < birth.month || (on.month == birth.month && on.day < birth.day))
        --years;
    return years;
}

Date chinaDateOf(std::int64_t utcMillis)
{
    constexpr std::int64_t kMillisPerDay = 86'400'000;
    constexpr std::int64_t kChinaOffsetMillis = 8 * 3'600'000;
    const std::int64_t local = utcMillis + kChinaOffsetMillis;
    std::int64_t days = local / kMillisPerDay;
    if (local % kMillisPerDay < 0)
        --days;
    return fromDayNumber(days);
}

Date addMonths(const Date& date, int months)
{
    const int index = date.year * 12 + (date.month - 1) + months;
    Date out{index / 12, index % 12 + 1, date.day};
    out.day = std::min(out.day, daysInMonth(out.year, out.month));
    return out;
}

} // namespace tepei::model
