// The rules of a leave request's commands (R-LV-1..3): who decides by the request's length, in
// which order, on which version of it; filing (备案) by the notified parties; the return (销假).
#include "leave_state.h"

#include <algorithm>
#include <tepei/model/kinds/campaign/campaign_kind.h>
#include <tepei/model/kinds/registry.h>
#include <tepei/model/rules/trainee.h>
#include <tepei/sync/sha256.h>

namespace tepei::model {

namespace {

std::string partiesZh(const std::vector<LeaveParty>& parties)
{
    std::string out;
    for (LeaveParty p : parties)
        out += (out.empty() ? "" : "、") + std::string(partyNameZh(p));
    return out;
}

std::string partiesEn(const std::vector<LeaveParty>& parties)
{
    std::string out;
    for (LeaveParty p : parties)
        out += (out.empty() ? "" : ", ") + std::string(toString(p));
    return out;
}

bool contains(const std::vector<LeaveParty>& parties, LeaveParty party)
{
    return std::find(parties.begin(), parties.end(), party) != parties.end();
}

bool decided(const LeaveRequest& leave, LeaveParty party)
{
    return std::any_of(leave.decisions.begin(), leave.decisions.end(),
                       [&](const LeaveDecision& d) { return d.party == party; });
}

Verdict closed(const LeaveRequest& leave)
{
    return refusal(
        "leave_closed", std::string("该请假申请已结束（") + toString(leave.status) + "），不能再审批",
        std::string("the leave request is ") + toString(leave.status) + " and takes no more decisions");
}

Verdict judgeDecision(const Fold& fold, const LeaveRequest& leave, const Command& cmd, LeaveParty party)
{
    const auto path = leavePathOf(fold, leave);
    if (!path)
        return Verdict::refuse(path.error());
    const std::string days = std::to_string(path->days);
    // Not this party's decision at all says more than that the request is over.
    if (!contains(path->approvers, party)) {
        return refusal("leave_party_not_required",
                       "请假 " + days + " 天，由" + partiesZh(path->approvers) + "审批，无需" +
                           partyNameZh(party) + "审批",
                       "a leave of " + days + " days is decided by " + partiesEn(path->approvers) +
                           ", not by the " + toString(party));
    }
    if (leave.status != LeaveStatus::Filed)
        return closed(leave);
    if (decided(leave, party))
        return refusal("leave_already_decided", std::string(partyNameZh(party)) + "已对该请假申请作出审批",
                       std::string("the ") + toString(party) + " has decided on this request already");
    if (cmd.digest != leaveDigest(leave)) {
        return refusal(
            "stale", "请假申请在您审阅后已被修改（日期、事由或材料），请重新查看后再审批",
            "the request changed after you saw it (dates, reason or proof); look at it again and decide");
    }
    const bool approving = cmd.name == kLeaveApprove;
    if (approving && path->approvers.size() > 1 && party == path->approvers.back()) {
        std::vector<LeaveParty> before(path->approvers.begin(), path->approvers.end() - 1);
        if (!std::all_of(before.begin(), before.end(), [&](LeaveParty p) { return decided(leave, p); }))
            return refusal("leave_not_yet",
                           "须待" + partiesZh(before) + "同意后，再由" + partyNameZh(party) + "审批",
                           std::string("the ") + toString(party) + " decides after the " + partiesEn(before));
    }
    if (cmd.comment.empty() && (!approving || path->written)) {
        return refusal("comment_required", "请填写书面审批意见",
                       "write the opinion: this decision is made in writing");
    }
    return Verdict::accept();
}

Verdict judgeAcknowledge(const Fold& fold, const LeaveRequest& leave, LeaveParty party)
{
    const auto path = leavePathOf(fold, leave);
    if (!path)
        return Verdict::refuse(path.error());
    if (!contains(path->notified, party))
        return refusal("leave_not_notified", std::string("该请假申请无需") + partyNameZh(party) + "备案",
                       std::string("the ") + toString(party) + " is not notified of this request");
    if (leave.status != LeaveStatus::Approved && leave.status != LeaveStatus::Returned)
        return refusal("leave_not_approved", "请假申请批准后才能备案",
                       "a request is filed once it is approved");
    if (contains(leave.acknowledged, party))
        return refusal("leave_already_filed", "已备案", "filed already");
    return Verdict::accept();
}

Verdict judgeReturn(const LeaveRequest& leave, const Command& cmd)
{
    if (leave.status != LeaveStatus::Approved)
        return refusal("leave_not_approved", "只有已批准的请假才能销假",
                       "only an approved leave is returned from");
    const auto returned = cmd.date(kArgReturned);
    if (!returned)
        return refusal("missing_field", "请填写实际返校日期（YYYY-MM-DD）", "give the day back (YYYY-MM-DD)");
    auto back = leaveReturn(leave.start, leave.end, *returned);
    return back ? Verdict::accept() : Verdict::refuse(back.error());
}

} // namespace

Verdict refusal(std::string code, std::string zh, std::string en)
{
    return Verdict::refuse(Reason{std::move(code), std::move(zh), std::move(en)});
}

const char* partyNameZh(LeaveParty party)
{
    switch (party) {
    case LeaveParty::TrainingUnit:
        return "培养单位";
    case LeaveParty::WorkUnit:
        return "派出单位";
    case LeaveParty::Centre:
        return "自治区人事人才公共服务中心";
    }
    return "";
}

std::optional<LeaveParty> partyOf(Role role)
{
    switch (role) {
    case Role::TrainingUnitOfficer:
        return LeaveParty::TrainingUnit;
    case Role::UnitReviewer:
        return LeaveParty::WorkUnit;
    case Role::CentreOfficer:
        return LeaveParty::Centre;
    default:
        return std::nullopt;
    }
}

Verdict judgeLeaveCommand(const Fold& fold, const LeaveRequest& leave, const Command& cmd,
                          const std::string& author)
{
    const auto role = cmd.issuingRole();
    if (!role)
        return refusal("role_missing", "操作未注明角色", "the command does not name its role");
    const auto party = partyOf(*role);
    if (cmd.name == kLeaveWithdraw) {
        if (!(*role == Role::Applicant && author == leave.owner) && *role != Role::TrainingUnitOfficer)
            return refusal("role_not_permitted", "只有学员本人或培养单位可以撤回请假申请",
                           "only the trainee or the training unit withdraws a leave request");
        if (leave.status != LeaveStatus::Filed)
            return closed(leave);
        if (!leave.decisions.empty())
            return refusal("leave_decided", "已有审批意见的请假申请不能撤回",
                           "a request with a decision cannot be withdrawn");
        return Verdict::accept();
    }
    if (cmd.name == kLeaveApprove || cmd.name == kLeaveRefuse || cmd.name == kLeaveAcknowledge) {
        if (!party)
            return refusal("role_not_permitted", "只有培养单位、派出单位和自治区人事人才公共服务中心审批请假",
                           "leave is decided by the training unit, the work unit and the centre");
        return cmd.name == kLeaveAcknowledge ? judgeAcknowledge(fold, leave, *party)
                                             : judgeDecision(fold, leave, cmd, *party);
    }
    if (cmd.name == kLeaveReturn) {
        if (*role != Role::TrainingUnitOfficer)
            return refusal("role_not_permitted", "销假由培养单位确认",
                           "the training unit confirms the return");
        return judgeReturn(leave, cmd);
    }
    return refusal("unknown_command", "未知的操作“" + cmd.name + "”",
                   "unknown command '" + cmd.name + "'; update the client");
}

void performLeaveCommand(Fold& fold, LeaveRequest& leave, const Command& cmd, const sync::Change& change,
                         std::int64_t seq)
{
    // The judge let only a deciding party's decision or filing through.
    const auto role = cmd.issuingRole();
    const LeaveParty party = (role ? partyOf(*role) : std::nullopt).value_or(LeaveParty::TrainingUnit);
    if (cmd.name == kLeaveWithdraw) {
        leave.status = LeaveStatus::Withdrawn;
    } else if (cmd.name == kLeaveRefuse) {
        leave.decisions.push_back({party, false, cmd.comment, change.author, seq, change.hlc});
        leave.status = LeaveStatus::Refused;
    } else if (cmd.name == kLeaveApprove) {
        leave.decisions.push_back({party, true, cmd.comment, change.author, seq, change.hlc});
        const auto path = leavePathOf(fold, leave);
        if (path && std::all_of(path->approvers.begin(), path->approvers.end(),
                                [&](LeaveParty p) { return decided(leave, p); }))
            leave.status = LeaveStatus::Approved;
    } else if (cmd.name == kLeaveAcknowledge) {
        leave.acknowledged.push_back(party);
    } else if (cmd.name == kLeaveReturn) {
        const Date back = *cmd.date(kArgReturned);
        const auto r = leaveReturn(leave.start, leave.end, back).value();
        leave.returned = back;
        leave.daysAway = r.actualDays;
        leave.lateReturn = r.late;
        leave.status = LeaveStatus::Returned;
    }
}

const char* toString(LeaveStatus status)
{
    switch (status) {
    case LeaveStatus::Filed:
        return "filed";
    case LeaveStatus::Approved:
        return "approved";
    case LeaveStatus::Refused:
        return "refused";
    case LeaveStatus::Withdrawn:
        return "withdrawn";
    case LeaveStatus::Returned:
        return "returned";
    }
    return "";
}

std::string leaveDigest(const LeaveRequest& leave)
{
    std::string text = leave.type + "\n" + toString(leave.start) + "\n" + toString(leave.end) + "\n" +
                       leave.reason + "\n" + leave.attachments.serialize();
    return sync::sha256Hex(text);
}

Result<LeavePath, Reason> leavePathOf(const Fold& fold, const LeaveRequest& leave)
{
    const Campaign* campaign = findCampaign(fold, leave.campaign);
    if (!campaign)
        return Reason{"campaign_unknown", "请假所属年度计划不存在", "the leave's campaign is unknown"};
    return leavePath(*campaign, leave.start, leave.end);
}

std::vector<LeaveParty> awaitingParties(const Fold& fold, const LeaveRequest& leave)
{
    std::vector<LeaveParty> next;
    const auto path = leavePathOf(fold, leave);
    if (!path || leave.status != LeaveStatus::Filed)
        return next;
    const std::size_t n = path->approvers.size();
    for (std::size_t i = 0; i + 1 < n; ++i) {
        if (!decided(leave, path->approvers[i]))
            next.push_back(path->approvers[i]);
    }
    if (next.empty() && n > 0 && !decided(leave, path->approvers.back()))
        next.push_back(path->approvers.back());
    return next;
}

bool interruptsTraining(const Fold& fold, const LeaveRequest& leave)
{
    const auto path = leavePathOf(fold, leave);
    return path && path->interruptsTraining &&
           (leave.status == LeaveStatus::Approved || leave.status == LeaveStatus::Returned);
}

std::vector<LeaveParty> pendingFilings(const Fold& fold, const LeaveRequest& leave)
{
    std::vector<LeaveParty> pending;
    const auto path = leavePathOf(fold, leave);
    if (!path || (leave.status != LeaveStatus::Approved && leave.status != LeaveStatus::Returned))
        return pending;
    for (LeaveParty p : path->notified) {
        if (!contains(leave.acknowledged, p))
            pending.push_back(p);
    }
    return pending;
}

const std::unordered_map<std::string, LeaveRequest>& leaveRequests(const Fold& fold)
{
    return static_cast<const LeaveState&>(fold.stateAt(kindIndex(kKindLeave))).all();
}

const LeaveRequest* findLeave(const Fold& fold, const std::string& id)
{
    const auto& all = leaveRequests(fold);
    const auto it = all.find(id);
    return it == all.end() ? nullptr : &it->second;
}

} // namespace tepei::model
