#include <algorithm>
#include <cstdio>
#include <map>
#include <numeric>
#include <tepei/model/rules/funding.h>

namespace tepei::model {
namespace {

constexpr int kMonthsPerYear = 12; // calendar fact, not a campaign number

// A yearly amount for `months` months, rounded half up to the fen.
std::int64_t proRata(std::int64_t perYearFen, int months)
{
    return (perYearFen * months + kMonthsPerYear / 2) / kMonthsPerYear;
}

void addTo(FundingLine& sum, const FundingLine& line)
{
    sum.trainees += line.trainees;
    sum.tuitionHousingFen += line.tuitionHousingFen;
    sum.livingAllowanceFen += line.livingAllowanceFen;
    sum.managementFeeFen += line.managementFeeFen;
}

} // namespace

FundingLine traineeFunding(const Campaign& campaign, const std::string& traineeId,
                           const std::string& trainingUnit, int months)
{
    FundingLine line;
    line.traineeId = traineeId;
    line.trainingUnit = trainingUnit;
    line.trainees = 1;
    line.tuitionHousingFen = proRata(campaign.tuitionHousingPerYearFen, months);
    line.livingAllowanceFen = campaign.livingAllowancePerMonthFen * months;
    line.managementFeeFen = proRata(campaign.managementFeePerYearFen, months);
    return line;
}

FundingPlan fundingPlan(const Campaign& campaign, const std::vector<TraineeFunding>& trainees)
{
    FundingPlan plan;
    std::map<std::string, FundingLine> units;
    for (const auto& trainee : trainees) {
        const FundingLine line = traineeFunding(campaign, trainee.traineeId, trainee.trainingUnit,
                                                trainee.months.value_or(campaign.trainingPeriodMonths));
        plan.perTrainee.push_back(line);
        FundingLine& unit = units[trainee.trainingUnit];
        unit.trainingUnit = trainee.trainingUnit;
        addTo(unit, line);
        addTo(plan.total, line);
    }
    for (auto& [name, line] : units)
        plan.perTrainingUnit.push_back(std::move(line));
    return plan;
}

const char* toString(FundingItem item)
{
    switch (item) {
    case FundingItem::TuitionHousing:
        return "tuition_housing";
    case FundingItem::LivingAllowance:
        return "living_allowance";
    case FundingItem::ManagementFee:
        return "management_fee";
    }
    return "tuition_housing";
}

std::optional<FundingItem> fundingItemFromString(std::string_view text)
{
    for (auto item :
         {FundingItem::TuitionHousing, FundingItem::LivingAllowance, FundingItem::ManagementFee}) {
        if (text == toString(item))
            return item;
    }
    return std::nullopt;
}

std::int64_t refundClaimFen(const std::vector<Disbursement>& disbursements)
{
    const std::int64_t sum =
        std::accumulate(disbursements.begin(), disbursements.end(), std::int64_t{0},
                        [](std::int64_t acc, const Disbursement& d) { return acc + d.amountFen; });
    return std::max<std::int64_t>(0, sum);
}

std::int64_t refundClaimFen(const std::vector<Disbursement>& disbursements, std::string_view traineeId)
{
    std::vector<Disbursement> own;
    std::copy_if(disbursements.begin(), disbursements.end(), std::back_inserter(own),
                 [&](const Disbursement& d) { return d.traineeId == traineeId; });
    return refundClaimFen(own);
}

std::string formatYuan(std::int64_t fen)
{
    const bool negative = fen < 0;
    const std::uint64_t magnitude =
        negative ? 0 - static_cast<std::uint64_t>(fen) : static_cast<std::uint64_t>(fen);
    const std::string digits = std::to_string(magnitude / 100);
    std::string grouped;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0)
            grouped += ',';
        grouped += digits[i];
    }
    char cents[4];
    std::snprintf(cents, sizeof cents, "%02u", static_cast<unsigned>(magnitude % 100));
    return (negative ? "-" : "") + grouped + "." + cents;
}

std::optional<std::int64_t> parseYuan(std::string_view text)
{
    while (!text.empty() && text.front() == ' ')
        text.remove_prefix(1);
    while (!text.empty() && text.back() == ' ')
        text.remove_suffix(1);
    const bool negative = !text.empty() && text.front() == '-';
    if (negative)
        text.remove_prefix(1);
    std::int64_t yuan = 0;
    std::size_t i = 0, digits = 0;
    constexpr std::int64_t kLimit = std::int64_t{1} << 50; // far beyond any programme's funds
    for (; i < text.size() && text[i] != '.'; ++i) {
        if (text[i] == ',' && digits > 0 && i + 1 < text.size() && text[i + 1] >= '0' && text[i + 1] <= '9')
            continue;
        if (text[i] < '0' || text[i] > '9' || yuan > kLimit)
            return std::nullopt;
        yuan = yuan * 10 + (text[i] - '0');
        ++digits;
    }
    std::int64_t fen = 0;
    if (i < text.size()) { // the decimals
        const std::string_view decimals = text.substr(i + 1);
        if (decimals.empty() || decimals.size() > 2)
            return std::nullopt;
        for (char c : decimals) {
            if (c < '0' || c > '9')
                return std::nullopt;
        }
        fen = (decimals[0] - '0') * 10 + (decimals.size() == 2 ? decimals[1] - '0' : 0);
    }
    if (digits == 0)
        return std::nullopt;
    const std::int64_t total = yuan * 100 + fen;
    return negative ? -total : total;
}

} // namespace tepei::model
