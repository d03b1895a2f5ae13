#pragma once
// Whether a principal may make a change (R-SEC-2, R-SEC-3): the checks every change passes (its
// author is the caller, it was made on the caller's device, its clock is not too far ahead), then
// its record kind's own rules (tepei/model/fold/record_kind.h). A refused change never enters
// the log.

#include <tepei/model/fold/fold.h>
#include <tepei/server/access/principal.h>
#include <tepei/sync/change.h>
#include <tepei/sync/hlc.h>

namespace tepei::server {

// Errors: "forged_author", "site_mismatch", "clock_ahead", "unknown_kind", and the kind's
// ("forbidden" outside scope, "role_not_permitted", "role_mismatch", "invalid_value",
// "unknown_field", ...). `ahead`: the kind's content check of this change, made earlier (see
// model::RecordKind::checkContent).
Status<> authorize(const Principal& principal, const sync::Change& change, const model::Fold& state,
                   const sync::HlcClock& clock, const model::ContentCheck* ahead = nullptr);

} // namespace tepei::server
