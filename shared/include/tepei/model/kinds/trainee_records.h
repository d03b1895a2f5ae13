#pragma once
// What the records that follow an admission share (leave requests, disbursements, follow-up
// entries; R-SEC-2 and issue #14 item 7): the scope matrix — such a record is seen by its
// trainee, the trainee's training unit, the trainee's work unit and the centre, and by nobody else
// — and, for the records written once and never edited, their single history line.

#include <ostream>
#include <string>
#include <tepei/model/access/principal.h>
#include <tepei/model/fold/fold.h>

namespace tepei::model {

// Whether `p` sees a record about the trainee `trainee` (user id) trained at `trainingUnit` and
// sent by `workUnit` (org codes).
bool seesTraineeRecord(const Principal& p, const std::string& trainee, const std::string& trainingUnit,
                       const std::string& workUnit);

// The history line of a record created once by `change` with `verdict` (action "record").
void recordCreated(Record& record, sync::Change& change, std::int64_t seq, const Verdict& verdict);

// The history lines of a record in canonical form (for KindState::canonical).
void canonicalHistory(std::ostream& out, const Record& record);

} // namespace tepei::model
