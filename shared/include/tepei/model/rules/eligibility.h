#pragma once
// Eligibility (一、选拔条件, R-ELG-1..7), computed from the form's fields and the campaign. The same
// function runs live while the form is filled and again at every review step (R-ELG-6).

#include <tepei/model/campaign/campaign.h>
#include <tepei/model/form/form.h>
#include <tepei/model/reference/reason.h>
#include <vector>

namespace tepei::model {

// Every failed rule, each with a reason a person can read (not just the first); empty when the
// applicant is eligible. Pure and thread-safe. Reason codes:
//   R-ELG-1 "ethnicity_missing", "not_minority" (汉族 or an unknown code)
//   R-ELG-2 "birth_date_missing", "too_old" (older than campaign.maxAge full years on
//           campaign.ageReferenceDate)
//   R-ELG-3 "qualification_insufficient": neither (degree >= campaign.minDegreeForYearsRule and
//           years_in_profession >= campaign.minYearsWithMasters) nor title level >=
//           campaign.minTitleLevel
//   R-ELG-4 "declaration_missing" (once for health_declared, once for integrity_declared unless true)
//   R-ELG-5 "scope_missing" (no priority scope 1..5)
//   R-ELG-7 "id_invalid" (missing or malformed ID number), "id_birth_mismatch", "id_sex_mismatch"
std::vector<Reason> checkEligibility(const FieldMap& fields, const Campaign& campaign);
// The same on a form already indexed.
std::vector<Reason> checkEligibility(const FormView& fields, const Campaign& campaign);

// checkEligibility(fields, campaign).empty().
bool isEligible(const FieldMap& fields, const Campaign& campaign);

} // namespace tepei::model
