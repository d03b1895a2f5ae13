#pragma once
// Synthetic but realistic programme data: the demo data set (tepei-admin demo), the tests and the
// benchmarks all draw their applicants from here, so that one generator is kept true to the form.
// Every person is invented; resident ID numbers have correct GB 11643 check digits.
// Deterministic: the same random engine state gives the same person.

#include <random>
#include <string>
#include <tepei/model/campaign/campaign.h>
#include <tepei/model/form/form.h>

namespace tepei::model {

struct SampleOptions {
    std::string authority; // recommending authority code (单位所在地)
    std::string unitCode;  // work unit org code
    std::string employer;  // work unit name, as the applicant writes it
    bool eligible = true;  // false: too old for the campaign (fails R-ELG-2 only)
};

// A complete application form that passes validateForSubmission, and checkEligibility unless
// options.eligible is false. Includes the system fields "campaign" and "unit_code".
FieldMap sampleApplication(std::mt19937_64& rng, const Campaign& campaign, const SampleOptions& options);

// A resident ID number for the birth date and sex, in the given 6-digit region.
std::string sampleResidentId(std::mt19937_64& rng, const Date& birth, bool male, const std::string& region);

// A plausible host university or institute outside the region (培养单位).
std::string sampleTrainingUnit(std::mt19937_64& rng);

} // namespace tepei::model
