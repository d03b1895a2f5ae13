#pragma once
// The follow-up kind (R-TRN-3, R-SEC-2): only the trainee's work unit records an entry; the
// trainee, the training unit, the work unit and the centre see it, nobody else.

#include <optional>
#include <tepei/model/fold/record_kind.h>
#include <tepei/model/kinds/follow_up/follow_up.h>

namespace tepei::model {

const RecordKind& followUpKind();

std::optional<std::int64_t> visibleFrom(const Principal& principal, const FollowUpRecord& record);

} // namespace tepei::model
