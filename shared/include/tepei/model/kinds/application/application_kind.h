#pragma once
// The application kind: the form's field sets and the workflow's commands (workflow.h), folded by
// the rules of the notice (R-APP-*, R-ELG-*, R-QUO-*), seen by its applicant and by the reviewers
// and officers whose scope it enters (R-SEC-2).

#include <optional>
#include <tepei/model/access/principal.h>
#include <tepei/model/command/command.h>
#include <tepei/model/fold/record_kind.h>
#include <tepei/model/kinds/application/application.h>

namespace tepei::model {

const RecordKind& applicationKind();

// The arguments of the admit command (R-QUO-3), besides name, role and comment.
inline constexpr const char* kArgTrainingUnit = "training_unit"; // the training unit's org code
inline constexpr const char* kArgMajor = "major";                // the major or direction
inline constexpr const char* kArgStart = "start";                // the period's first day, ISO
// The period's last day, ISO; optional: by default the day before start + the campaign's period.
inline constexpr const char* kArgEnd = "end";

// The arguments of the disqualify command (R-TRN-1): the ground (one of the campaign's
// disqualificationGrounds), the facts found, and the text of the public criticism (通报批评).
inline constexpr const char* kArgGround = "ground";
inline constexpr const char* kArgFacts = "facts";
inline constexpr const char* kArgCriticism = "criticism";


// From which seq of the log `principal` may see the application, or nullopt for never (R-SEC-2):
// its applicant always; the work unit's and the authority's reviewers and the centre once it was
// submitted (a draft is its applicant's alone); the training unit once the trainee is admitted
// there. A record that becomes visible is sent with its whole history.
std::optional<std::int64_t> visibleFrom(const Principal& principal, const Application& app);

// An application field set's member names and values ("unknown_field", "invalid_value", ...)
// against its campaign (null: unknown, only the names are checked).
Status<> checkApplicationFields(const sync::Change& change, const Campaign* campaign);

// What a command of the workflow needs besides its state and role, checked before the rest: a
// written opinion for a return ("comment_required"); the training unit, major and start date of
// an admission ("admission_incomplete"), and an end date, if given, after the start
// ("admission_period_invalid"). The client asks before it queues a command; the fold
// refuses with the same reason.
std::optional<Reason> checkCommandArguments(AppAction action, const Command& command);

// R-QUO-3: the admission's training unit is one of the campaign's ("training_unit_unknown"). A
// campaign that lists none (a record of an earlier version) admits to any, as it did then.
std::optional<Reason> checkAdmission(const Command& command, const Campaign& campaign);

// R-TRN-1: a disqualification names one of the campaign's grounds, the facts and the text of the
// public criticism ("disqualification_incomplete"). A campaign that lists no grounds (a record of
// an earlier version) disqualifies without them, as it did then.
std::optional<Reason> checkDisqualification(const Command& command, const Campaign& campaign);

// The admission an accepted admit command makes: its arguments, the end defaulting to the day
// before start + the campaign's training period.
Admission admissionOf(const Command& command, const Campaign& campaign);

} // namespace tepei::model
