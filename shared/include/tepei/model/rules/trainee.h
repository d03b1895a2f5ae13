#pragma once
// Rules of trainee management that follow admission (R-LV-3, R-TRN-5, R-ORG-2). Pure and
// thread-safe; the leave tiers themselves are in leave.h (R-LV-2).

#include <optional>
#include <string>
#include <tepei/model/reference/date.h>
#include <tepei/model/reference/reason.h>
#include <tepei/sync/result.h>

namespace tepei::model {

// Returning from leave (销假, R-LV-3): the actual days away, start and return day both counted.
// Refused ("return_before_start") when the return date lies before the leave's first day.
// `late` tells that the trainee came back after the approved last day: the leave form's 销假
// section shows it, and the days beyond the approved ones need an approval of their own.
struct LeaveReturn {
    int actualDays = 0;
    int daysBeyondApproved = 0; // 0 when back on or before the approved last day
    bool late = false;
};
Result<LeaveReturn, Reason> leaveReturn(const Date& start, const Date& approvedEnd, const Date& returned);

// A change of training time, major or training unit (R-TRN-5). It takes effect only once both the
// centre and the ministry's service centre (人社部留学人员和专家服务中心) have agreed; the centre
// records the ministry's agreement (R-ORG-2: the ministry needs no account).
struct TrainingChangeRequest {
    std::string what;                   // "time", "major" or "training_unit"
    std::string newValue;               // the new period, major or training unit
    std::optional<Date> centreAgreed;   // when the centre agreed
    std::optional<Date> ministryAgreed; // when the ministry's service centre agreed (recorded)
};
// nullopt when the change may take effect; otherwise why not ("change_kind_unknown",
// "change_value_missing", "awaiting_centre_agreement", "awaiting_ministry_agreement").
std::optional<Reason> checkTrainingChange(const TrainingChangeRequest& request);

} // namespace tepei::model
