#pragma once
// The leave kind (R-LV-1..3, R-SEC-2): who may file, edit and decide a leave request, and who sees
// one — the trainee, the trainee's training unit, the trainee's work unit and the centre, nobody
// else.

#include <optional>
#include <tepei/model/fold/record_kind.h>
#include <tepei/model/kinds/leave/leave.h>

namespace tepei::model {

const RecordKind& leaveKind();

// From which seq `principal` sees `leave` (its whole history), or never.
std::optional<std::int64_t> visibleFrom(const Principal& principal, const LeaveRequest& leave);

} // namespace tepei::model
