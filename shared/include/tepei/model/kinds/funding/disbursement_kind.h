#pragma once
// The disbursement kind (R-FND-1, R-FND-2, R-TRN-1, R-SEC-2): only the centre records a
// disbursement; the trainee, the trainee's training unit, the trainee's work unit and the centre
// see it, nobody else.

#include <optional>
#include <tepei/model/fold/record_kind.h>
#include <tepei/model/kinds/funding/disbursement.h>

namespace tepei::model {

const RecordKind& disbursementKind();

// From which seq `principal` sees `record` (its whole history), or never.
std::optional<std::int64_t> visibleFrom(const Principal& principal, const DisbursementRecord& record);

} // namespace tepei::model
