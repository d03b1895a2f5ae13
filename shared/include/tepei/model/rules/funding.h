#pragma once
// R-FND-1, R-FND-2, R-TRN-1: programme funds in integer fen, from the campaign's amounts.
// Pure and thread-safe.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <tepei/model/campaign/campaign.h>
#include <tepei/model/reference/date.h>
#include <vector>

namespace tepei::model {

// A trainee to fund. `months` defaults to campaign.trainingPeriodMonths.
struct TraineeFunding {
    std::string traineeId;
    std::string trainingUnit; // name or code of the training unit (培养单位)
    std::optional<int> months;
};

// Amounts of one trainee, one training unit, or the total. Yearly amounts are pro rata by month,
// rounded to the nearest fen (exact for whole years).
struct FundingLine {
    std::string traineeId;    // empty on unit and total lines
    std::string trainingUnit; // empty on the total line
    int trainees = 0;
    std::int64_t tuitionHousingFen = 0;  // paid to the training unit
    std::int64_t livingAllowanceFen = 0; // paid to the training unit
    std::int64_t managementFeeFen = 0;   // paid to the ministry's service centre

    std::int64_t toTrainingUnitFen() const { return tuitionHousingFen + livingAllowanceFen; }
    std::int64_t totalFen() const { return tuitionHousingFen + livingAllowanceFen + managementFeeFen; }
    bool operator==(const FundingLine&) const = default;
};

struct FundingPlan {
    std::vector<FundingLine> perTrainee;      // in input order
    std::vector<FundingLine> perTrainingUnit; // sorted by trainingUnit
    FundingLine total;
};

FundingPlan fundingPlan(const Campaign& campaign, const std::vector<TraineeFunding>& trainees);

// Funding of one trainee for `months` months.
FundingLine traineeFunding(const Campaign& campaign, const std::string& traineeId,
                           const std::string& trainingUnit, int months);

enum class FundingItem { TuitionHousing, LivingAllowance, ManagementFee };
const char* toString(FundingItem item); // "tuition_housing", "living_allowance", "management_fee"
std::optional<FundingItem> fundingItemFromString(std::string_view text);

// A payment made for a trainee. Negative amounts are corrections (money that came back).
struct Disbursement {
    std::string traineeId;
    FundingItem item = FundingItem::TuitionHousing;
    std::int64_t amountFen = 0;
    Date date;
};

// R-TRN-1: the refund claimed on disqualification: all programme funds disbursed, i.e. the sum of
// the given disbursements (the caller passes the trainee's). Never below 0.
std::int64_t refundClaimFen(const std::vector<Disbursement>& disbursements);
// The same, counting only the disbursements for `traineeId`.
std::int64_t refundClaimFen(const std::vector<Disbursement>& disbursements, std::string_view traineeId);

// "49,000.00" style text for printing and export; negative amounts get a leading '-'.
std::string formatYuan(std::int64_t fen);
// The inverse, as people type it: "600", "600.5", "36,800.00", "-100" (at most two decimals,
// commas between digits allowed, spaces around ignored); nullopt for anything else.
std::optional<std::int64_t> parseYuan(std::string_view text);

} // namespace tepei::model
