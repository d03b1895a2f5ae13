#pragma once
// The application workflow (R-APP-1..7, R-QUO-3, R-TRN-1, R-TRN-2) as an explicit state machine:
// one table of (state, action, role) -> next state. The fold applies it to commands in log order;
// the UI reads it to offer only the actions that can succeed. Pure and thread-safe.

#include <optional>
#include <string_view>
#include <tepei/model/reference/reason.h>
#include <tepei/sync/result.h>
#include <vector>

namespace tepei::model {

// R-ORG-3
enum class Role {
    Applicant,
    UnitReviewer,
    AuthorityReviewer,
    CentreOfficer,
    TrainingUnitOfficer,
    Administrator
};

enum class AppState {
    Draft,
    Submitted,         // waiting for the work unit
    UnitReturned,      // back with the applicant
    UnitApproved,      // waiting for the recommending authority (paper copy on its way)
    AuthorityReturned, // back with the applicant (退回意见)
    AuthorityApproved, // counts against the authority's quota; waiting for the centre
    Admitted,          // trainee (录取)
    Interrupted,       // 中断培养 (leave over the last tier's limit)
    Disqualified,      // 取消培养资格 (R-TRN-1)
    Completed,         // 结业 (R-TRN-2)
    Withdrawn,
};

enum class AppAction {
    Submit,
    Withdraw,
    UnitApprove,
    UnitReturn,
    AuthorityApprove,
    AuthorityReturn,
    RecordPaperReceipt, // R-APP-6 decision: the stamped paper copies arrived; state unchanged
    Admit,
    Interrupt,
    Disqualify,
    Complete,
    RecordReturn, // R-TRN-3 decision: the work unit records the trainee's return and its follow-up
                  // support (the comment); the state is unchanged
};

// snake_case names used in the sync log and the API, e.g. "unit_reviewer", "authority_approved",
// "unit_approve". fromString gives std::nullopt for an unknown name.
const char* toString(Role role);
const char* toString(AppState state);
const char* toString(AppAction action);
std::optional<Role> roleFromString(std::string_view text);
std::optional<AppState> appStateFromString(std::string_view text);
std::optional<AppAction> appActionFromString(std::string_view text);
template <class E>
std::optional<E> fromString(std::string_view text); // specialised for Role, AppState, AppAction
template <> std::optional<Role> fromString<Role>(std::string_view text);
template <> std::optional<AppState> fromString<AppState>(std::string_view text);
template <> std::optional<AppAction> fromString<AppAction>(std::string_view text);

// Chinese and English display names (申报人, 已提交, 单位审核通过, ...).
const char* labelZh(Role role);
const char* labelEn(Role role);
const char* labelZh(AppState state);
const char* labelEn(AppState state);
const char* labelZh(AppAction action);
const char* labelEn(AppAction action);

struct Transition {
    AppState from;
    AppAction action;
    Role role;
    AppState to;

    bool operator==(const Transition&) const = default;
};

// Every allowed (from, action, role) with its result. Decisions: a resubmission after any return
// passes the unit again (returned -> Submitted, R-APP-5); Withdraw by the applicant from any state
// before admission; RecordPaperReceipt by the authority or the centre keeps AuthorityApproved.
const std::vector<Transition>& transitionTable();

// The next state, or why not: "not_allowed_in_state" (no role may do this in this state) or
// "role_not_permitted" (the action exists here but for another role). Quota, deadline, digest and
// eligibility checks are separate rules applied by the caller.
tepei::Result<AppState, Reason> transition(AppState from, AppAction action, Role role);

// The actions `role` may take in `state`, in table order (for menus and buttons).
std::vector<AppAction> allowedActions(AppState state, Role role);

// The applicant may edit the form: Draft, UnitReturned, AuthorityReturned.
bool isEditable(AppState state);

// No action leads out of it: Interrupted, Disqualified, Completed, Withdrawn.
bool isTerminal(AppState state);

// Reviews carry the content digest of what was reviewed (unit/authority approve and return).
bool requiresDigest(AppAction action);

// Returns need a written opinion (退回意见): UnitReturn, AuthorityReturn.
bool requiresComment(AppAction action);

// States that hold one of the authority's places (R-QUO-2): AuthorityApproved, Admitted,
// Interrupted, Disqualified, Completed.
bool countsAgainstQuota(AppState state);

} // namespace tepei::model
