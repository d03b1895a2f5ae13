#pragma once
// R-ELG-7: the 18-character resident identity number (公民身份号码, GB 11643-1999): a 6-digit
// region code, the birth date as YYYYMMDD, a 3-digit sequence whose last digit is odd for men and
// even for women, and a check character (ISO 7064 MOD 11-2; "X" stands for 10).

#include <optional>
#include <string>
#include <string_view>
#include <tepei/model/reference/date.h>
#include <tepei/model/reference/reason.h>
#include <tepei/sync/result.h>

namespace tepei::model {

enum class Sex { Male, Female };
const char* toString(Sex sex); // "male", "female": the codes of the "sex" reference list
std::optional<Sex> sexFromString(std::string_view code);

struct ResidentIdInfo {
    Date birthDate;
    Sex sex = Sex::Male;
    std::string regionCode; // first six digits (GB/T 2260 code of the place of first registration)

    bool operator==(const ResidentIdInfo&) const = default;
};

// Validates an ID number and derives what it encodes. A lower-case "x" is accepted as "X".
// Refusal code "id_invalid"; the message says exactly what is wrong: the length, a non-digit at
// a position, an impossible birth date, or the check character expected versus given.
tepei::Result<ResidentIdInfo, Reason> parseResidentId(std::string_view id);

// As above, and also refuses a birth date after `today` (the date of the check).
tepei::Result<ResidentIdInfo, Reason> parseResidentId(std::string_view id, const Date& today);

// The check character ('0'..'9' or 'X') for the first 17 digits; '\0' if `first17` is not 17 digits.
char residentIdCheckChar(std::string_view first17);

// For printing (completion certificate): every character but the last four replaced by '*'.
std::string maskResidentId(std::string_view id);

} // namespace tepei::model
