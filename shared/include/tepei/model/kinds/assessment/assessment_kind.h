#pragma once
// The assessment kind (R-TRN-2, R-SEC-2): only the officer of the trainee's training unit records
// one; the trainee, the training unit, the work unit and the centre see it, nobody else.

#include <optional>
#include <tepei/model/fold/record_kind.h>
#include <tepei/model/kinds/assessment/assessment.h>

namespace tepei::model {

const RecordKind& assessmentKind();

} // namespace tepei::model
