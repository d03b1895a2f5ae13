#pragma once
// Internals of `tepei-admin demo`: who and what the demo data set holds (R-ORG-1, R-QUO-1). Pure
// and deterministic: the same campaign, count and seed give the same organisations, logins, forms
// and ids, so that seeding twice with --force finds everything already there and adds nothing.

#include <boost/uuid/uuid.hpp>
#include <cstdint>
#include <string>
#include <tepei/model/campaign/campaign.h>
#include <tepei/model/form/form.h>
#include <tepei/server/access/principal.h>
#include <vector>

namespace tepei::server::demo {

// The one password every demo user shares (printed by the command and in README.md).
inline constexpr const char* kDefaultPassword = "tepei-demo-2024";

// What happens to one demo application: every state of the workflow, and the refusals worth
// showing (an approval over the authority's quota, a submission the eligibility rules refuse).
enum class Story {
    Draft,
    Ineligible,        // draft whose submission was refused (R-ELG-2: too old)
    Submitted,         // waiting for the work unit
    UnitReturned,      // returned by the unit with a comment
    UnitApproved,      // waiting for the authority
    OverQuota,         // unit approved; the authority's approval was refused: quota full (R-QUO-2)
    AuthorityReturned, // returned by the authority with an opinion (退回意见)
    Resubmitted,       // returned by the unit, edited, resubmitted and approved by the unit again
    AuthorityApproved, // takes a place; paper copies not yet received
    PaperReceived,     // takes a place; the centre recorded the stamped paper copies
    Admitted,
    Interrupted,
    Disqualified,
    Completed,
    Withdrawn,
};
const char* toString(Story story); // snake_case, e.g. "over_quota"

// Every story, in workflow order (for reports).
const std::vector<Story>& allStories();

struct Applicant {
    int number = 0;        // 1-based
    std::string login;     // "applicant-007"
    std::string authority; // recommending authority code
    std::string unitCode;  // work unit org code
    std::string unitName;
    Story story = Story::Draft;
    model::FieldMap form; // complete, from model::sampleApplication
};

// The centre, every recommending authority of reference.h (parent: the centre), two work units
// per authority with realistic names (codes "<authority>-01", "-02"), and the campaign's training
// units (kind training_unit, codes "T-PKU", ...). Parents come before children.
std::vector<Org> demoOrgs(const model::Campaign& campaign);

// The org code of the campaign's training unit with this Chinese name; the campaign's first
// training unit for a name it does not list; "" when it lists none.
std::string trainingUnitCode(const model::Campaign& campaign, const std::string& name);

// `count` applicants over the campaign's authorities. Places first: each authority's allocation
// is filled (by admitted, approved, paper received, completed, interrupted, disqualified stories)
// as far as count/4 allows; then three over-quota approvals at full authorities and two ineligible
// drafts; the rest cycle through the pre-admission stories. Numbered by authority.
std::vector<Applicant> planApplicants(const model::Campaign& campaign, const std::vector<Org>& orgs,
                                      int count, std::uint64_t seed);

// The users: "centre" (centre officer), "admin" (administrator), "authority-<code>",
// "unit-<unit code>", "training-<slug>" and the applicants, all active with `passwordHash`.
std::vector<User> demoUsers(const std::vector<Org>& orgs, const std::vector<Applicant>& applicants,
                            const std::string& passwordHash);

// Name-based (SHA-1) UUIDs in the demo's namespace: stable ids for users, sites, records, changes.
boost::uuids::uuid stableUuid(const std::string& name);
std::string stableUuidString(const std::string& name);
// The user id of a demo login (stableUuidString("user/" + login)).
std::string userIdOf(const std::string& login);

} // namespace tepei::server::demo
