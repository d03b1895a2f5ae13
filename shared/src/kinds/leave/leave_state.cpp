// The leave kind's fold: a request's fields merge per field by (HLC, site) until the first
// decision; decisions, withdrawal, filing (备案) and the return (销假) are judged at their place in
// the log (R-LV-1..3, R-SYNC-2).
#include "leave_state.h"

#include <algorithm>
#include <tepei/model/kinds/application/application.h>
#include <tepei/model/kinds/campaign/campaign_kind.h>
#include <tepei/model/rules/trainee.h>

namespace tepei::model {

namespace {

const char* const kFields[] = {kLeaveApplication, kLeaveType,   kLeaveStart,
                               kLeaveEnd,         kLeaveReason, kLeaveAttachments};

bool knownField(const std::string& name)
{
    return std::any_of(std::begin(kFields), std::end(kFields), [&](const char* f) { return name == f; });
}

// Takes the payload's members that win over what the request holds (later HLC, then site).
void takeFields(Fold& fold, LeaveRequest& leave, const web::json::value& payload, const sync::Change& change,
                std::string& names)
{
    const FieldStamp stamp{change.hlc, fold.siteIndex(change.site)};
    for (const auto& [name, value] : payload.as_object()) {
        if (!knownField(name) || name == kLeaveApplication)
            continue;
        FieldStamp& current = leave.stamps[name];
        if (current.written() && !fold.newer(stamp, current))
            continue;
        current = stamp;
        names += name + "\n";
        if (name == kLeaveAttachments) {
            leave.attachments = value;
            continue;
        }
        const std::string text = value.is_string() ? value.as_string() : std::string();
        if (name == kLeaveType)
            leave.type = text;
        else if (name == kLeaveReason)
            leave.reason = text;
        else if (auto date = parseDate(text); date && name == kLeaveStart)
            leave.start = *date;
        else if (date && name == kLeaveEnd)
            leave.end = *date;
    }
}

// What makes a request decidable: an allowed kind, real dates in order, a tier for its length.
std::optional<Reason> problemOf(const Fold& fold, const LeaveRequest& leave)
{
    if (auto bad = checkLeaveKind(leave.type))
        return bad;
    if (!isValidDate(leave.start) || !isValidDate(leave.end)) {
        return Reason{"leave_dates_missing", "请填写请假的开始和结束日期（YYYY-MM-DD）",
                      "give the leave's first and last day (YYYY-MM-DD)"};
    }
    auto path = leavePathOf(fold, leave);
    if (!path)
        return path.error();
    return std::nullopt;
}

// A new request names an application in training: it takes its trainee and parties from it.
Result<LeaveRequest, Reason> newRequest(const Fold& fold, const sync::Change& change)
{
    const web::json::value& payload = change.payload;
    const std::string appId = payload.has_string_field(kLeaveApplication)
                                  ? payload.at(kLeaveApplication).as_string()
                                  : std::string();
    const Application* app = findApplication(fold, appId);
    if (!app || app->state != AppState::Admitted || !app->admission) {
        return Reason{"leave_not_in_training",
                      "只有在培学员可以请假：请假申请须注明本人已录取、正在培养的申报表",
                      "only a trainee in training may ask for leave: name the admitted application"};
    }
    LeaveRequest leave;
    leave.id = change.recordId;
    leave.owner = app->owner;
    leave.application = app->id;
    leave.campaign = app->campaign;
    leave.trainingUnit = app->admission->trainingUnit;
    leave.workUnit = app->unitCode;
    return leave;
}

} // namespace

Record* LeaveState::find(const std::string& id)
{
    auto it = m_requests.find(id);
    return it == m_requests.end() ? nullptr : &it->second;
}

Verdict LeaveState::apply(Fold& fold, sync::Change& change, Record*& record, std::int64_t seq,
                          const std::optional<Verdict>& given)
{
    if (change.op == sync::ChangeOp::Set)
        return setFields(fold, change, record, seq, given);
    return command(fold, change, static_cast<LeaveRequest*>(record), seq, given);
}

Verdict LeaveState::setFields(Fold& fold, sync::Change& change, Record*& record, std::int64_t seq,
                              const std::optional<Verdict>& given)
{
    auto* existing = static_cast<LeaveRequest*>(record);
    if (!change.payload.is_object())
        return refusal("malformed_payload", "请假申请内容无法解读", "the leave request cannot be read");
    Result<LeaveRequest, Reason> candidate =
        existing ? Result<LeaveRequest, Reason>(*existing) : newRequest(fold, change);
    if (!candidate)
        return given && given->accepted ? refusal("record_unknown", "请假申请所属的申报表尚未同步",
                                                  "the leave's application is not on this replica; sync")
                                        : Verdict::refuse(candidate.error());
    Verdict verdict = Verdict::accept();
    if (existing && (existing->status != LeaveStatus::Filed || !existing->decisions.empty())) {
        verdict =
            refusal("leave_decided", "该请假申请已有审批意见，不能再修改；如需改期请撤回后重新申请或另行申请",
                    "the request has a decision already and can no longer be edited; file a new one");
    } else if (existing && change.payload.has_field(kLeaveApplication) &&
               change.payload.at(kLeaveApplication) != web::json::value::string(existing->application)) {
        verdict =
            refusal("field_locked", "请假申请所属的学员不能更改", "a leave request's trainee cannot change");
    }
    std::string names;
    if (verdict.accepted) {
        takeFields(fold, *candidate, change.payload, change, names);
        if (auto problem = problemOf(fold, *candidate))
            verdict = Verdict::refuse(*problem);
    }
    if (given)
        verdict = *given;
    if (!verdict.accepted)
        return verdict;
    LeaveRequest& stored = m_requests.insert_or_assign(change.recordId, std::move(*candidate)).first->second;
    record = &stored;
    HistoryEntry& entry = Fold::record(stored, change, seq, existing ? "filed" : "");
    entry.action = existing ? "edit" : "file";
    entry.fields = std::move(names);
    entry.after = toString(stored.status);
    entry.verdict = verdict;
    return verdict;
}

Verdict LeaveState::command(Fold& fold, sync::Change& change, LeaveRequest* leave, std::int64_t seq,
                            const std::optional<Verdict>& given)
{
    if (!leave)
        return refusal("record_unknown", "请假申请不存在或尚未同步",
                       "no such leave request; sync and try again");
    Command cmd = Command::fromPayload(std::move(change.payload));
    const char* before = toString(leave->status);
    const Verdict verdict = given ? *given : judgeLeaveCommand(fold, *leave, cmd, change.author);
    if (verdict.accepted)
        performLeaveCommand(fold, *leave, cmd, change, seq); // before the history takes the author
    HistoryEntry& entry = Fold::record(*leave, change, seq, before);
    entry.action = std::move(cmd.name);
    entry.role = std::move(cmd.role);
    entry.comment = std::move(cmd.comment);
    entry.after = toString(leave->status);
    entry.verdict = verdict;
    return verdict;
}

void LeaveState::canonical(std::ostream& out, const Fold&) const
{
    std::vector<const LeaveRequest*> sorted;
    for (const auto& [id, leave] : m_requests)
        sorted.push_back(&leave);
    std::sort(sorted.begin(), sorted.end(), [](auto* a, auto* b) { return a->id < b->id; });
    for (const LeaveRequest* l : sorted) {
        out << "leave " << l->id << " owner=" << l->owner << " app=" << l->application << " type=" << l->type
            << " " << toString(l->start) << ".." << toString(l->end) << " status=" << toString(l->status)
            << " digest=" << leaveDigest(*l) << " returned=" << (l->returned ? toString(*l->returned) : "-")
            << " late=" << l->lateReturn << "\n";
        for (const LeaveDecision& d : l->decisions)
            out << "  decision " << toString(d.party) << " " << d.approved << " seq=" << d.seq
                << " by=" << d.author << " " << d.comment << "\n";
        for (LeaveParty p : l->acknowledged)
            out << "  filed " << toString(p) << "\n";
        for (const HistoryEntry& h : l->history)
            out << "  h " << h.seq << " " << h.action << " " << h.verdict.accepted << " "
                << h.verdict.reason.code << " " << h.site << "\n";
    }
}

} // namespace tepei::model
