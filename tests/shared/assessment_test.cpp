// The completion assessment in the fold (R-TRN-2): the training unit records it once, with a result
// and a date after the training began, comments required when not passed; an interrupted or
// disqualified trainee gets none; a refused one changes nothing.
#include "admitted_trainee.h"

#include <tepei/model/kinds/assessment/assessment_kind.h>

namespace {

using namespace tepei;

struct Assessed : test::AdmittedTrainee {
    int next = 0;
    model::Verdict assess(bool passed, const std::string& date, const std::string& comments = "")
    {
        return log.add(school.set("assess-" + std::to_string(++next),
                                  model::assessmentPayload(app, passed, date, comments),
                                  model::kKindAssessment));
    }
};

TEST(RTrn2_Assessment, TheTrainingUnitRecordsOneResultWithItsDate)
{
    Assessed t;
    EXPECT_EQ(t.assess(false, "2025-08-25").reason.code, "comment_required");
    EXPECT_EQ(t.assess(true, "2024-08-01").reason.code, "date_invalid"); // before the training began
    EXPECT_EQ(model::assessmentOf(t.log.fold(), t.app), nullptr);
    ASSERT_TRUE(t.assess(true, "2025-08-25", "完成进修计划").accepted);
    const model::AssessmentRecord* a = model::assessmentOf(t.log.fold(), t.app);
    ASSERT_NE(a, nullptr);
    EXPECT_TRUE(a->passed);
    EXPECT_EQ(model::toString(a->date), "2025-08-25");
    EXPECT_EQ(a->trainingUnit, "T-PKU");
    EXPECT_EQ(t.assess(false, "2025-08-26", "复核").reason.code, "assessment_recorded");
}

TEST(RTrn2_Assessment, AnInterruptedTraineeGetsNone)
{
    Assessed t;
    ASSERT_TRUE(t.log.add(t.centre.command(t.app, "interrupt")).accepted);
    const model::Verdict none = t.assess(true, "2025-08-25");
    EXPECT_EQ(none.reason.code, "no_assessment");
    EXPECT_NE(none.reason.zh.find("不进行结业考核"), std::string::npos) << none.reason.zh;
    EXPECT_EQ(model::assessmentOf(t.log.fold(), t.app), nullptr);
}

} // namespace
