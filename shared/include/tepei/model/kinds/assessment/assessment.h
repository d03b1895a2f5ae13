#pragma once
// The completion assessment (结业考核, R-TRN-2) as the fold keeps it: at the end of the period the
// training unit records whether the trainee passed, the day and its comments (required when the
// trainee did not pass). One per trainee, written once by the officer of the trainee's training
// unit; an interrupted or disqualified trainee gets none (the notice: 中断培养 … 不进行结业考核).
// The centre issues the completion certificate on a pass (R-TRN-2's certificate is later work).

#include <optional>
#include <string>
#include <tepei/model/fold/fold.h>
#include <tepei/model/reference/date.h>
#include <tepei/model/reference/reason.h>

namespace tepei::model {

inline constexpr const char* kKindAssessment = "assessment";

// Fields of an assessment (one Set change that creates it).
inline constexpr const char* kAssessApplication = "application";
inline constexpr const char* kAssessResult = "result";     // "passed" | "failed"
inline constexpr const char* kAssessDate = "date";         // YYYY-MM-DD
inline constexpr const char* kAssessComments = "comments"; // required when failed

struct AssessmentRecord : Record {
    // Record::owner: the training unit's officer who recorded it.
    std::string application;
    std::string trainee;
    std::string trainingUnit;
    std::string workUnit;
    bool passed = false;
    Date date{};
    std::string comments;
};

web::json::value assessmentPayload(const std::string& application, bool passed, const std::string& date,
                                   const std::string& comments);

// What the rules would say of a new assessment with these fields at the end of `fold`'s log.
std::optional<Reason> checkNewAssessment(const Fold& fold, const web::json::value& payload);

// The trainee's assessment, or null.
const AssessmentRecord* assessmentOf(const Fold& fold, const std::string& application);
const AssessmentRecord* findAssessment(const Fold& fold, const std::string& id);

} // namespace tepei::model
