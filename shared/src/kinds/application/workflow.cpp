#include <algorithm>
#include <array>
#include <string>
#include <tepei/model/kinds/application/workflow.h>

namespace tepei::model {
namespace {

struct Names {
    const char* code;
    const char* zh;
    const char* en;
};

constexpr std::array<Names, 6> kRoles{{
    {"applicant", "申报人", "Applicant"},
    {"unit_reviewer", "工作单位审核人", "Work unit reviewer"},
    {"authority_reviewer", "推荐单位审核人", "Recommending authority reviewer"},
    {"centre_officer", "服务中心工作人员", "Centre officer"},
    {"training_unit_officer", "培养单位工作人员", "Training unit officer"},
    {"administrator", "系统管理员", "System administrator"},
}};

constexpr std::array<Names, 11> kStates{{
    {"draft", "草稿", "Draft"},
    {"submitted", "已提交，待单位审核", "Submitted, awaiting the work unit"},
    {"unit_returned", "单位退回", "Returned by the work unit"},
    {"unit_approved", "单位审核通过，待推荐单位审核", "Approved by the work unit, awaiting the authority"},
    {"authority_returned", "推荐单位退回", "Returned by the recommending authority"},
    {"authority_approved", "推荐单位审核通过", "Approved by the recommending authority"},
    {"admitted", "已录取", "Admitted"},
    {"interrupted", "中断培养", "Training interrupted"},
    {"disqualified", "取消培养资格", "Disqualified"},
    {"completed", "已结业", "Completed"},
    {"withdrawn", "已撤回", "Withdrawn"},
}};

constexpr std::array<Names, 12> kActions{{
    {"submit", "提交", "Submit"},
    {"withdraw", "撤回申报", "Withdraw the application"},
    {"unit_approve", "单位审核通过", "Approve (work unit)"},
    {"unit_return", "单位审核退回", "Return (work unit)"},
    {"authority_approve", "申报材料审核通过", "Approve (recommending authority)"},
    {"authority_return", "申报材料审核退回", "Return (recommending authority)"},
    {"record_paper_receipt", "登记纸质材料已收到", "Record receipt of the paper copies"},
    {"admit", "录取", "Admit"},
    {"interrupt", "中断培养", "Interrupt the training"},
    {"disqualify", "取消培养资格", "Disqualify"},
    {"complete", "结业", "Complete the training"},
    {"record_return", "登记返岗及跟踪支持", "Record the return to the unit and the follow-up support"},
}};

template <class E, std::size_t N>
std::optional<E> lookup(const std::array<Names, N>& names, std::string_view text)
{
    for (std::size_t i = 0; i < N; ++i) {
        if (text == names[i].code)
            return static_cast<E>(i);
    }
    return std::nullopt;
}

template <class E, std::size_t N> const Names& namesOf(const std::array<Names, N>& names, E value)
{
    const auto index = static_cast<std::size_t>(value);
    return names[index < N ? index : 0];
}

std::vector<Transition> buildTable()
{
    using A = AppAction;
    using R = Role;
    using S = AppState;
    std::vector<Transition> table{
        {S::Draft, A::Submit, R::Applicant, S::Submitted},
        {S::UnitReturned, A::Submit, R::Applicant, S::Submitted},
        {S::AuthorityReturned, A::Submit, R::Applicant, S::Submitted},
        {S::Submitted, A::UnitApprove, R::UnitReviewer, S::UnitApproved},
        {S::Submitted, A::UnitReturn, R::UnitReviewer, S::UnitReturned},
        {S::UnitApproved, A::AuthorityApprove, R::AuthorityReviewer, S::AuthorityApproved},
        {S::UnitApproved, A::AuthorityReturn, R::AuthorityReviewer, S::AuthorityReturned},
        {S::AuthorityApproved, A::RecordPaperReceipt, R::AuthorityReviewer, S::AuthorityApproved},
        {S::AuthorityApproved, A::RecordPaperReceipt, R::CentreOfficer, S::AuthorityApproved},
        {S::Completed, A::RecordReturn, R::UnitReviewer, S::Completed},
        {S::Interrupted, A::RecordReturn, R::UnitReviewer, S::Interrupted},
        {S::AuthorityApproved, A::Admit, R::CentreOfficer, S::Admitted},
        {S::Admitted, A::Interrupt, R::CentreOfficer, S::Interrupted},
        {S::Admitted, A::Disqualify, R::CentreOfficer, S::Disqualified},
        {S::Admitted, A::Complete, R::CentreOfficer, S::Completed},
    };
    for (S from : {S::Draft, S::Submitted, S::UnitReturned, S::UnitApproved, S::AuthorityReturned,
                   S::AuthorityApproved})
        table.push_back({from, A::Withdraw, R::Applicant, S::Withdrawn});
    return table;
}

} // namespace

const char* toString(Role role)
{
    return namesOf(kRoles, role).code;
}
const char* toString(AppState state)
{
    return namesOf(kStates, state).code;
}
const char* toString(AppAction action)
{
    return namesOf(kActions, action).code;
}
const char* labelZh(Role role)
{
    return namesOf(kRoles, role).zh;
}
const char* labelEn(Role role)
{
    return namesOf(kRoles, role).en;
}
const char* labelZh(AppState state)
{
    return namesOf(kStates, state).zh;
}
const char* labelEn(AppState state)
{
    return namesOf(kStates, state).en;
}
const char* labelZh(AppAction action)
{
    return namesOf(kActions, action).zh;
}
const char* labelEn(AppAction action)
{
    return namesOf(kActions, action).en;
}

std::optional<Role> roleFromString(std::string_view text)
{
    return lookup<Role>(kRoles, text);
}
std::optional<AppState> appStateFromString(std::string_view text)
{
    return lookup<AppState>(kStates, text);
}
std::optional<AppAction> appActionFromString(std::string_view text)
{
    return lookup<AppAction>(kActions, text);
}
template <> std::optional<Role> fromString<Role>(std::string_view text)
{
    return roleFromString(text);
}
template <> std::optional<AppState> fromString<AppState>(std::string_view text)
{
    return appStateFromString(text);
}
template <> std::optional<AppAction> fromString<AppAction>(std::string_view text)
{
    return appActionFromString(text);
}

const std::vector<Transition>& transitionTable()
{
    static const std::vector<Transition> table = buildTable();
    return table;
}

tepei::Result<AppState, Reason> transition(AppState from, AppAction action, Role role)
{
    bool actionExists = false;
    for (const auto& t : transitionTable()) {
        if (t.from != from || t.action != action)
            continue;
        if (t.role == role)
            return t.to;
        actionExists = true;
    }
    const std::string actZh = labelZh(action), actEn = labelEn(action);
    if (!actionExists) {
        return Reason{"not_allowed_in_state",
                      "申报处于“" + std::string(labelZh(from)) + "”状态，不能“" + actZh +
                          "”。请刷新后查看当前状态。",
                      "\"" + actEn + "\" is not possible while the application is \"" + labelEn(from) +
                          "\". Refresh to see its current state."};
    }
    return Reason{"role_not_permitted",
                  std::string(labelZh(role)) + "无权执行“" + actZh + "”。此操作须由相应的审核单位完成。",
                  "The role \"" + std::string(labelEn(role)) + "\" may not \"" + actEn +
                      "\" here; the responsible party has to do it."};
}

std::vector<AppAction> allowedActions(AppState state, Role role)
{
    std::vector<AppAction> actions;
    for (const auto& t : transitionTable()) {
        if (t.from == state && t.role == role &&
            std::find(actions.begin(), actions.end(), t.action) == actions.end())
            actions.push_back(t.action);
    }
    return actions;
}

bool isEditable(AppState state)
{
    return state == AppState::Draft || state == AppState::UnitReturned ||
           state == AppState::AuthorityReturned;
}

bool isTerminal(AppState state)
{
    return state == AppState::Interrupted || state == AppState::Disqualified ||
           state == AppState::Completed || state == AppState::Withdrawn;
}

bool requiresDigest(AppAction action)
{
    return action == AppAction::UnitApprove || action == AppAction::UnitReturn ||
           action == AppAction::AuthorityApprove || action == AppAction::AuthorityReturn;
}

bool requiresComment(AppAction action)
{
    return action == AppAction::UnitReturn || action == AppAction::AuthorityReturn;
}

bool countsAgainstQuota(AppState state)
{
    switch (state) {
    case AppState::AuthorityApproved:
    case AppState::Admitted:
    case AppState::Interrupted:
    case AppState::Disqualified:
    case AppState::Completed:
        return true;
    default:
        return false;
    }
}

} // namespace tepei::model
