#pragma once
// R-LV-2, R-LV-3: the leave form 附件3 (特培学员请销假审批表) printed to PDF, laid out like the
// paper form (FORMS.md): the trainee and both units, the leave (kind, dates, days, reason, proof),
// one opinion box per party filled from the decisions on record (opinion, person, date) or saying
// that the tier does not need it, the filings (备案), and the 销假 section.

#include "printed_name.h"

#include <QString>
#include <cstdint>
#include <tepei/model/kinds/application/application.h>
#include <tepei/model/kinds/leave/leave.h>

namespace tepei::qt {

// Writes the form of `leave` (its application `app`, both in `fold`) to `path`. Returns an error
// text for the user, or an empty string. `printedAtMs`: the print time in the footer.
QString printLeaveForm(const model::Fold& fold, const model::LeaveRequest& leave,
                       const model::Application& app, const PrintedName& nameOf, const QString& path,
                       std::int64_t printedAtMs);

} // namespace tepei::qt
