#pragma once
// The disbursement record (经费拨付, R-FND-1, R-FND-2, R-TRN-1) as the fold keeps it: one payment
// the centre made for one trainee — tuition and housing or the monthly living allowance paid to the
// training unit, the management fee paid to the ministry's service centre — or a refund the centre
// received from a disqualified trainee against the claim. Amounts are integer fen; a negative
// amount corrects an earlier payment of the same item (money that came back) and needs a note.
//
// A disbursement is written once and never edited (a mistake is corrected by another record). It
// is judged at its place in the log against the trainee's plan (rules/funding.h, from the
// campaign's amounts and the admission's period): a payment beyond the plan is refused with the
// numbers, and for an interrupted or disqualified trainee the remaining plan stops.

#include <cstdint>
#include <optional>
#include <string>
#include <tepei/model/fold/fold.h>
#include <tepei/model/reference/date.h>
#include <tepei/model/rules/funding.h>
#include <unordered_map>
#include <vector>

namespace tepei::model {

inline constexpr const char* kKindDisbursement = "disbursement";

// Fields of a disbursement (one Set change that creates it).
inline constexpr const char* kPayApplication = "application"; // the trainee's admitted application
inline constexpr const char* kPayItem = "item";               // FundingItem's name, or "refund"
inline constexpr const char* kPayAmount = "amount_fen";       // integer fen, non-zero
inline constexpr const char* kPayDate = "date";               // YYYY-MM-DD, the day of payment
inline constexpr const char* kPayNote = "note";               // voucher number, month paid, remark
inline constexpr const char* kItemRefund = "refund";          // a refund received (R-TRN-1)

struct DisbursementRecord : Record {
    // Record::owner: the centre officer who recorded it.
    std::string application;
    std::string trainee; // the application's applicant: sees the record
    std::string campaign;
    std::string trainingUnit; // org code, from the admission: sees the record
    std::string workUnit;     // org code of the applicant's unit: sees the record
    std::string item;         // "tuition_housing" | "living_allowance" | "management_fee" | "refund"
    std::int64_t amountFen = 0;
    Date date{};
    std::string note;
};

// The fields of a new disbursement (the Set change that records it); `note` left out when empty.
web::json::value disbursementPayload(const std::string& application, std::string_view item, std::int64_t fen,
                                     const std::string& date, const std::string& note = {});

// What the rules would say of a new disbursement with these fields at the end of `fold`'s log:
// nullopt when it would be recorded, else the reason (over_plan, funding_stopped, ...). A client
// asks before it queues one, so that a refused payment is never recorded.
std::optional<Reason> checkNewDisbursement(const Fold& fold, const web::json::value& payload);

// What a trainee's funding stands at, from the records the fold holds (R-FND-2, R-TRN-1).
struct TraineeFundingStatus {
    FundingLine plan;                // the whole plan for the admission's period (stopped: what was paid)
    FundingLine disbursed;           // paid to date, corrections included
    bool stopped = false;            // interrupted or disqualified: nothing more is paid
    std::int64_t refundClaimFen = 0; // disqualified: every programme fund disbursed to date
    std::int64_t refundedFen = 0;    // refunds received against the claim

    std::int64_t remainingFen() const { return plan.totalFen() - disbursed.totalFen(); }
    std::int64_t refundOutstandingFen() const { return refundClaimFen - refundedFen; }
};

// Whole months of an admission's period (start to end, both days counted; a month begun counts).
int periodMonths(const Date& start, const Date& end);

// The funding of an admitted application, or nullopt when it is not one (or its campaign is not
// on this replica).
std::optional<TraineeFundingStatus> traineeFundingOf(const Fold& fold, const std::string& application);

// Every disbursement of the fold, by id; one by id (null if none); a trainee's, in log order.
const std::unordered_map<std::string, DisbursementRecord>& disbursements(const Fold& fold);
const DisbursementRecord* findDisbursement(const Fold& fold, const std::string& id);
std::vector<const DisbursementRecord*> disbursementsOf(const Fold& fold, const std::string& application);

// The plan of one item, its name in both languages ("学费和住宿费", "Tuition and housing", ...).
std::int64_t planOf(const FundingLine& line, FundingItem item);
const char* itemNameZh(std::string_view item);
const char* itemNameEn(std::string_view item);

} // namespace tepei::model
