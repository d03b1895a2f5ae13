#pragma once
// The application record (申报表, FORMS.md) as the fold keeps it: the form's current values with
// their last-writer stamps, the workflow state (workflow.h), the quota it takes, the admission,
// and the history. ApplicationState is the kind's state in a fold; the free functions below read
// it from any fold.

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <tepei/model/campaign/campaign.h>
#include <tepei/model/fold/fold.h>
#include <tepei/model/form/form.h>
#include <tepei/model/kinds/application/workflow.h>
#include <tepei/model/rules/quota.h>
#include <unordered_map>
#include <utility>
#include <vector>

namespace tepei::model {

inline constexpr const char* kKindApplication = "application"; // Set form fields; commands of workflow.h

// Fields of an application record that are not on the printed form but drive the fold and scope.
inline constexpr const char* kFieldCampaign = "campaign";  // campaign id, required when created
inline constexpr const char* kFieldUnitCode = "unit_code"; // the applicant's work unit (org code)
inline constexpr const char* kFieldAttachments =
    "attachments"; // section 10: [{kind, name, sha256, type, size}]
// Fields that decide who may see a record (R-SEC-2); locked once the application was submitted.
inline constexpr const char* kFieldAuthority = "authority";

// The stamps of one record's fields: the form's fields by their index in applicationFields() (a
// flat array: the fold touches every field of every change), unit_code, and by name any field this
// build does not know (a newer client's, accepted by the server).
struct FieldStamps {
    std::vector<FieldStamp> form;
    FieldStamp unitCode;
    std::map<std::string, FieldStamp> other;

    // Every written stamp with its field name, sorted by name.
    std::vector<std::pair<std::string, FieldStamp>> sorted() const;
};

struct Admission {
    std::string trainingUnit;
    std::string major;
    Date start{};
    Date end{};
};

// R-TRN-1: why and how the centre disqualified a trainee (the disqualify command's arguments).
struct Disqualification {
    std::string ground; // DisqualificationGround::code
    std::string facts;
    std::string criticism; // the text of the public criticism
    std::int64_t seq = 0;
    sync::Hlc hlc; // when the centre decided
};

// What depends only on an application's content (and its campaign), computed when first needed
// and kept until the content or the campaign changes: the digest, and the rules that read the
// whole form (R-ELG-6 re-checks them at every review step; the answer only changes with the
// content). A cache, not state: a copy of an application starts without it and computes its own,
// so copies never share it (a client's tentative fold is a copy, read on another thread).
struct ContentChecks {
    std::string digest;
    std::optional<std::vector<std::pair<std::string, Reason>>> incomplete;
    std::optional<std::vector<Reason>> ineligible;
};
class ContentCache {
public:
    ContentCache() = default;
    ContentCache(const ContentCache&) {}
    ContentCache& operator=(const ContentCache&)
    {
        m_checks.reset();
        return *this;
    }
    ContentCache(ContentCache&&) noexcept = default;
    ContentCache& operator=(ContentCache&&) noexcept = default;
    ~ContentCache() = default;

    ContentChecks& get()
    {
        if (!m_checks)
            m_checks = std::make_unique<ContentChecks>();
        return *m_checks;
    }
    void reset() { m_checks.reset(); }

private:
    std::unique_ptr<ContentChecks> m_checks;
};

struct Application : Record {
    // Record::owner: the applicant.
    std::string campaign;
    std::string unitCode;
    AppState state = AppState::Draft;
    FieldMap values;               // the form's fields (FORMS.md), current values
    FieldStamps stamps;            // per field (and unit_code): who wrote the current value
    std::string quotaAuthority;    // the authority whose quota it takes, once approved
    std::int64_t submittedSeq = 0; // seq of the first accepted submission: reviewers see it from then on
    std::int64_t admittedSeq = 0;  // seq of the admission: the training unit sees it from then on
    bool paperReceived = false;
    bool returnedToUnit = false; // R-TRN-3: the work unit recorded the trainee's return
    std::optional<Admission> admission;
    std::optional<Disqualification> disqualification;
    mutable ContentCache checks; // the fold's cache of ContentChecks

    // The recommending authority chosen on the form (单位所在地); empty if not yet chosen.
    std::string authority() const;
    // A text field's value, or empty.
    std::string text(const std::string& field) const;
};

// The applications of a fold, by id.
const std::unordered_map<std::string, Application>& applications(const Fold& state);
// One of them, or null.
const Application* findApplication(const Fold& state, const std::string& id);
// The quota row (附件1) of an authority in a campaign, as the fold has it.
QuotaStatus quotaOf(const Fold& state, const std::string& campaignId, const std::string& authority);
// Per authority, the places the campaign's approvals hold now (authorities with none left out):
// what an allocation change may not cut below (checkAllocationChange).
std::vector<std::pair<std::string, int>> approvedPlaces(const Fold& state, const std::string& campaignId);
// SHA-256 (hex) of the application's form content: what a reviewer's approval refers to.
std::string contentDigest(const Application& app);

} // namespace tepei::model
