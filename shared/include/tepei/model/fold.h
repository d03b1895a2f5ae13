#pragma once
// The deterministic fold (ARCHITECTURE.md "Records are a log of changes"). State on every replica
// is the fold of the server's confirmed log in sequence order by these rules; a client folds its
// own pending changes on top, as tentative. Same log + same rules = same state, byte for byte.
//
// Field sets merge as last-writer-wins registers per field, ordered by (HLC, site id). Commands
// are checked by the rules at their place in the log and get a verdict: accepted, or refused with
// a stable reason code (quota full, stale content, not editable, deadline passed, ...). A refused
// change stays in the log and in the record's history; nothing is silently undone.
//
// Authorization (who may write which record) is not the fold's business: the server refuses such
// changes at push and they never enter the log (R-SEC-2).
//
// Thread safety: a Fold is a plain value; use it from one thread or guard it.

#include <algorithm>
#include <cpprest/json.h>
#include <cstdint>
#include <cstring>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <tepei/model/campaign.h>
#include <tepei/model/form.h>
#include <tepei/model/quota.h>
#include <tepei/model/reason.h>
#include <tepei/model/workflow.h>
#include <tepei/sync/change.h>
#include <tepei/sync/change_id_set.h>
#include <unordered_map>
#include <vector>

namespace tepei::model {

// Record kinds the fold understands.
inline constexpr const char* kKindCampaign = "campaign";       // Set {"definition": <campaign JSON>}
inline constexpr const char* kKindApplication = "application"; // Set form fields; commands of workflow.h

// Fields of an application record that are not on the printed form but drive the fold and scope.
inline constexpr const char* kFieldCampaign = "campaign";  // campaign id, required when created
inline constexpr const char* kFieldUnitCode = "unit_code"; // the applicant's work unit (org code)
// Fields that decide who may see a record (R-SEC-2); locked once the application was submitted.
inline constexpr const char* kFieldAuthority = "authority";

struct Verdict {
    bool accepted = true;
    Reason reason; // empty code when accepted

    static Verdict accept() { return {}; }
    static Verdict refuse(Reason reason) { return Verdict{false, std::move(reason)}; }
};

// The verdict as the protocol carries it, and back.
sync::ChangeVerdict toChangeVerdict(const Verdict& verdict);
Verdict fromChangeVerdict(const sync::ChangeVerdict& verdict);

// When a field's current value was written: the last-writer-wins order is (hlc, site).
struct FieldStamp {
    static constexpr std::uint32_t kNever = ~std::uint32_t{0};
    sync::Hlc hlc;
    std::uint32_t site = kNever; // index into the fold's site table (Fold::siteName); kNever: unwritten

    bool written() const { return site != kNever; }
};

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

// One line of a record's audit trail (R-APP-8): who, when, from which device, what, the comment,
// and the verdict. Field sets appear as action "edit" with the fields they touched.
struct HistoryEntry {
    std::int64_t seq = 0; // 0 while tentative
    sync::ChangeId changeId;
    std::string author;
    std::string site;
    sync::Hlc hlc;
    std::string action;
    std::string role;
    // The names of the fields an edit set, each followed by '\n' (one allocation per line, not one
    // per name: a full form sets about 45).
    std::string fields;
    std::string comment;
    Verdict verdict;
    AppState before = AppState::Draft;
    AppState after = AppState::Draft;

    std::size_t fieldCount() const
    {
        return static_cast<std::size_t>(std::count(fields.begin(), fields.end(), '\n'));
    }
};

struct Admission {
    std::string trainingUnit;
    std::string major;
    Date start{};
    Date end{};
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

struct Application {
    std::string id;
    std::string owner; // author of the change that created it: the applicant
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
    std::vector<HistoryEntry> history;
    mutable ContentCache checks; // the fold's cache of ContentChecks

    // The recommending authority chosen on the form (单位所在地); empty if not yet chosen.
    std::string authority() const;
    // A text field's value, or empty.
    std::string text(const std::string& field) const;
};

class Fold {
public:
    Fold() = default;

    // Applies the next change of the confirmed log. Changes must come in increasing seq; a change
    // whose id was already folded is a duplicate and changes nothing (its earlier verdict is returned).
    // With `given`, the verdict is the server's and the rules are not evaluated: a client whose
    // scope holds only part of the log (R-SEC-2) cannot recompute every verdict (an authority's
    // quota depends on records it may not see), so it takes the server's. Without it, the rules
    // decide: that is the server, and every replica that holds the whole log.
    Verdict apply(const sync::ConfirmedChange& confirmed, const std::optional<Verdict>& given = std::nullopt);
    // The same, taking the change's payload instead of copying it (the fast path).
    Verdict apply(sync::ConfirmedChange&& confirmed, const std::optional<Verdict>& given = std::nullopt);
    // Applies one of this replica's own pending changes on top of the confirmed state (seq 0).
    Verdict applyTentative(const sync::Change& change);

    std::int64_t lastSeq() const { return m_lastSeq; }
    const Campaign* campaign(const std::string& id) const;
    const std::unordered_map<std::string, Campaign>& campaigns() const { return m_campaigns; }
    const Application* application(const std::string& id) const;
    const std::unordered_map<std::string, Application>& applications() const { return m_applications; }
    QuotaStatus quota(const std::string& campaignId, const std::string& authority) const;

    // SHA-256 (hex) of the application's form content: what a reviewer's approval refers to.
    std::string contentDigest(const Application& app) const;

    // Every record in a canonical text form (sorted), for comparing replicas byte for byte.
    std::string canonicalState() const;

    const std::string& siteName(std::uint32_t index) const { return m_sites[index]; }

private:
    Verdict applyOnce(sync::Change& change, std::int64_t seq, const std::optional<Verdict>& given);
    // The verdict the change with this id got when it was folded before, or nullptr if it is new.
    const Verdict* earlierVerdict(const sync::ChangeId& id, const Application* app) const;
    // app: the change's application, or null; set to the new one when the change creates it.
    Verdict dispatch(sync::Change& change, Application*& app, std::int64_t seq,
                     const std::optional<Verdict>& given);
    Verdict applyCampaign(const sync::Change& change, const std::optional<Verdict>& given);
    Verdict setApplicationFields(sync::Change& change, Application*& app, std::int64_t seq,
                                 const std::optional<Verdict>& given);
    std::uint32_t siteIndex(const std::string& site);
    bool newer(const FieldStamp& candidate, const FieldStamp& current) const;
    Verdict checkFieldSet(const Application& app, const sync::Change& change,
                          const std::vector<const FieldSpec*>& specs) const;
    Verdict applicationCommand(sync::Change& change, Application* app, std::int64_t seq,
                               const std::optional<Verdict>& given);
    Verdict checkCommand(const Application& app, const sync::Change& change, AppAction action, Role role,
                         const Campaign& campaign) const;
    // Appends the change's line to the record's history (taking the change's author and site) and
    // returns it for the caller to complete.
    HistoryEntry& record(Application& app, sync::Change& change, std::int64_t seq);

    std::unordered_map<std::string, Campaign> m_campaigns;
    std::unordered_map<std::string, Application> m_applications;
    // (campaign, authority) -> places taken, kept in step with Application::quotaAuthority.
    std::map<std::pair<std::string, std::string>, int> m_approved;
    struct IdHash {
        std::size_t operator()(const sync::ChangeId& id) const noexcept
        {
            std::uint64_t head = 0;
            std::memcpy(&head, id.data, sizeof head);
            return static_cast<std::size_t>(head); // random UUIDs: their bytes are the hash
        }
    };
    // Room a record's history gets at its first line, and then at once when that is full.
    static constexpr std::size_t kHistoryFirstLines = 4;
    static constexpr std::size_t kHistoryLifeLines = 16;
    // Histories up to this long are searched for a duplicate change id; longer ones are indexed.
    static constexpr std::size_t kHistoryScanLimit = 32;
    // Ids of folded changes that are not in a short history: changes of other kinds, refusals
    // that found no record, and every change of a record whose history is longer than the limit.
    sync::ChangeIdSet m_applied;
    std::unordered_map<sync::ChangeId, Verdict, IdHash> m_refused; // verdicts of refused ones (few)
    std::vector<std::string> m_sites;                              // site table for FieldStamp
    std::unordered_map<std::string, std::uint32_t> m_siteIndex;
    std::uint32_t m_lastSite = FieldStamp::kNever; // the site siteIndex() found last
    // The application the last change touched. Not copied with the fold (a copy's applications are
    // its own): a copy starts without it.
    struct LastApplication {
        Application* app = nullptr;
        LastApplication() = default;
        LastApplication(const LastApplication&) {}
        LastApplication& operator=(const LastApplication&)
        {
            app = nullptr;
            return *this;
        }
        ~LastApplication() = default;
    };
    LastApplication m_lastApplication;
    std::vector<const FieldSpec*> m_specScratch; // setApplicationFields' per-member field specs
    mutable std::string m_digestScratch;         // contentDigest's canonical text
    std::int64_t m_lastSeq = 0;
};

} // namespace tepei::model
