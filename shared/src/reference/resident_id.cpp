#include <tepei/model/reference/resident_id.h>

namespace tepei::model {
namespace {

constexpr std::size_t kLength = 18;
constexpr int kWeights[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
constexpr char kCheckChars[] = "10X98765432";
constexpr int kEarliestBirthYear =
    1800; // GB 11643's own example is born 1880; catches typos like 0985; eligibility judges age

Reason idReason(const std::string& zhWhy, const std::string& enWhy)
{
    return Reason{"id_invalid", "身份证号码无效：" + zhWhy + "。请核对身份证后重新填写。",
                  "The resident ID number is not valid: " + enWhy +
                      ". Check the ID card and enter it again."};
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

} // namespace

const char* toString(Sex sex)
{
    return sex == Sex::Male ? "male" : "female";
}

std::optional<Sex> sexFromString(std::string_view code)
{
    if (code == "male")
        return Sex::Male;
    if (code == "female")
        return Sex::Female;
    return std::nullopt;
}

char residentIdCheckChar(std::string_view first17)
{
    if (first17.size() != 17)
        return '\0';
    int sum = 0;
    for (std::size_t i = 0; i < 17; ++i) {
        if (!isDigit(first17[i]))
            return '\0';
        sum += (first17[i] - '0') * kWeights[i];
    }
    return kCheckChars[sum % 11];
}

tepei::Result<ResidentIdInfo, Reason> parseResidentId(std::string_view id)
{
    if (id.size() != kLength) {
        const std::string n = std::to_string(id.size());
        return idReason("应为 18 位，实际为 " + n + " 位", "it must have 18 characters but has " + n);
    }
    for (std::size_t i = 0; i < 17; ++i) {
        if (!isDigit(id[i])) {
            const std::string pos = std::to_string(i + 1);
            return idReason("第 " + pos + " 位应为数字", "character " + pos + " must be a digit");
        }
    }
    const char given = id[17] == 'x' ? 'X' : id[17];
    if (!isDigit(given) && given != 'X')
        return idReason("第 18 位（校验码）应为数字或 X",
                        "character 18 (the check character) must be a digit or X");
    const std::string birthText = std::string(id.substr(6, 4)) + "-" + std::string(id.substr(10, 2)) + "-" +
                                  std::string(id.substr(12, 2));
    const auto birth = parseDate(birthText);
    if (!birth.ok() || birth->year < kEarliestBirthYear) {
        return idReason("第 7–14 位的出生日期 " + std::string(id.substr(6, 8)) + " 不是真实日期",
                        "the birth date in characters 7-14, " + std::string(id.substr(6, 8)) +
                            ", is not a real date");
    }
    const char expected = residentIdCheckChar(id.substr(0, 17));
    if (given != expected) {
        return idReason(std::string("校验码应为 ") + expected + "，实际为 " + given,
                        std::string("the check character should be ") + expected + " but is " + given);
    }
    const int sequenceLast = id[16] - '0';
    return ResidentIdInfo{*birth, sequenceLast % 2 == 1 ? Sex::Male : Sex::Female,
                          std::string(id.substr(0, 6))};
}

tepei::Result<ResidentIdInfo, Reason> parseResidentId(std::string_view id, const Date& today)
{
    auto info = parseResidentId(id);
    if (info.ok() && today < info->birthDate) {
        const std::string birth = toString(info->birthDate);
        return idReason("出生日期 " + birth + " 晚于今天", "the birth date " + birth + " is in the future");
    }
    return info;
}

std::string maskResidentId(std::string_view id)
{
    constexpr std::size_t kShown = 4;
    if (id.size() <= kShown)
        return std::string(id);
    return std::string(id.size() - kShown, '*') + std::string(id.substr(id.size() - kShown));
}

} // namespace tepei::model
