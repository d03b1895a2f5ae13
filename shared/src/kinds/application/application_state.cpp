// The application kind's fold step: field sets merge per field as last-writer-wins registers;
// commands go through the workflow (workflow.h) and the rules of the notice at their place in
// the log.
#include "application_state.h"

#include <algorithm>
#include <tepei/model/kinds/application/application_kind.h>
#include <tepei/model/kinds/campaign/campaign_kind.h>
#include <tepei/model/rules/deadline.h>
#include <tepei/model/rules/eligibility.h>

namespace tepei::model {

namespace {

Reason reason(std::string code, std::string zh, std::string en)
{
    return Reason{std::move(code), std::move(zh), std::move(en)};
}

bool isPreAdmission(AppAction action)
{
    switch (action) {
    case AppAction::Submit:
    case AppAction::UnitApprove:
    case AppAction::UnitReturn:
    case AppAction::AuthorityApprove:
    case AppAction::AuthorityReturn:
        return true;
    default:
        return false;
    }
}

bool needsEligibility(AppAction action)
{
    return action == AppAction::Submit || action == AppAction::UnitApprove ||
           action == AppAction::AuthorityApprove;
}

} // namespace

std::string_view memberText(const web::json::value& payload, const char* name)
{
    if (!payload.is_object())
        return {};
    const auto& object = payload.as_object();
    const auto it = object.find(name);
    return it != object.end() && it->second.is_string() ? std::string_view(it->second.as_string())
                                                        : std::string_view();
}

Record* ApplicationState::find(const std::string& id)
{
    const auto it = m_applications.find(id);
    return it == m_applications.end() ? nullptr : &it->second;
}

void ApplicationState::invalidate()
{
    for (auto& [id, app] : m_applications)
        app.checks.reset(); // the rules' answers may depend on the campaign's numbers
}

int ApplicationState::approved(const std::string& campaign, const std::string& authority) const
{
    const auto it = m_approved.find({campaign, authority});
    return it == m_approved.end() ? 0 : it->second;
}

std::vector<std::pair<std::string, int>> ApplicationState::approvedIn(const std::string& campaign) const
{
    std::vector<std::pair<std::string, int>> out;
    for (auto it = m_approved.lower_bound({campaign, std::string()});
         it != m_approved.end() && it->first.first == campaign; ++it) {
        if (it->second > 0)
            out.emplace_back(it->first.second, it->second);
    }
    return out;
}

Verdict ApplicationState::apply(Fold& fold, sync::Change& change, Record*& record, std::int64_t seq,
                                const std::optional<Verdict>& given)
{
    if (change.op == sync::ChangeOp::Set)
        return setFields(fold, change, record, seq, given);
    return command(fold, change, static_cast<Application*>(record), seq, given);
}

Application* ApplicationState::create(const sync::Change& change, const std::string& campaignId)
{
    Application& created = m_applications.try_emplace(change.recordId).first->second;
    created.id = change.recordId;
    created.owner = change.author;
    created.campaign = campaignId;
    created.values.reserve(change.payload.size());
    return &created;
}

Verdict ApplicationState::setFields(Fold& fold, sync::Change& change, Record*& record, std::int64_t seq,
                                    const std::optional<Verdict>& given)
{
    if (!record) {
        const std::string campaignId(memberText(change.payload, kFieldCampaign));
        if (!given && !findCampaign(fold, campaignId)) {
            return Verdict::refuse(reason("campaign_unknown",
                                          "新增申报表须选择有效的年度计划“" + campaignId + "”",
                                          "a new application must name a known campaign (got '" + campaignId +
                                              "'); sync to receive the campaign, then try again"));
        }
        if (given && !given->accepted)
            return *given;
        record = create(change, campaignId);
    }
    Application& app = static_cast<Application&>(*record);
    // Each member's place on the form (null: not a form field), looked up once.
    m_specs.clear();
    const std::uint32_t site = fold.siteIndex(change.site);
    HistoryEntry& entry = Fold::record(app, change, seq, toString(app.state));
    entry.action = "edit";
    const auto& members = change.payload.as_object();
    std::size_t namesBytes = 0;
    for (const auto& [name, value] : members)
        namesBytes += name.size() + 1;
    entry.fields.reserve(namesBytes);
    for (const auto& [name, value] : members) {
        m_specs.push_back(findField(name));
        entry.fields.append(name).push_back('\n');
    }
    const Verdict verdict = given ? *given : checkFieldSet(app, change);
    if (verdict.accepted) {
        takeValues(fold, app, change, FieldStamp{change.hlc, site});
        app.checks.reset(); // the content changed
    }
    entry.verdict = verdict;
    return verdict;
}

void ApplicationState::takeValues(const Fold& fold, Application& app, sync::Change& change,
                                  const FieldStamp& stamp)
{
    const FieldSpec* const first = applicationFields().data();
    app.stamps.form.resize(applicationFields().size());
    // A new record's members come sorted by name, as the map is: each is appended at the end.
    const bool appending = app.values.empty();
    auto hint = app.values.end();
    std::size_t i = 0;
    for (auto& [name, value] : change.payload.as_object()) {
        const FieldSpec* spec = m_specs[i++];
        FieldStamp* current = nullptr;
        if (spec)
            current = &app.stamps.form[static_cast<std::size_t>(spec - first)];
        else if (name == kFieldCampaign)
            continue; // fixed at creation
        else if (name == kFieldUnitCode)
            current = &app.stamps.unitCode;
        else
            current = &app.stamps.other[name];
        if (current->written() && !fold.newer(stamp, *current))
            continue; // an older write that lost to the one already here
        *current = stamp;
        if (current == &app.stamps.unitCode)
            app.unitCode = value.is_string() ? value.as_string() : std::string();
        else if (appending)
            hint = std::next(app.values.insert_or_assign(hint, std::move(name), std::move(value)));
        else if (const auto existing = app.values.find(name); existing != app.values.end())
            existing->second = std::move(value);
        else
            app.values.emplace(std::move(name), std::move(value));
    }
}

Verdict ApplicationState::checkFieldSet(const Application& app, const sync::Change& change) const
{
    if (!isEditable(app.state)) {
        return Verdict::refuse(reason("not_editable",
                                      std::string("申报表当前状态为“") + labelZh(app.state) + "”，不能修改",
                                      std::string("the application is ") + toString(app.state) +
                                          " and cannot be edited; ask for it to be returned first"));
    }
    std::size_t i = 0;
    for (const auto& [name, value] : change.payload.as_object()) {
        const FieldSpec* spec = m_specs[i++];
        if (!spec && name != kFieldCampaign && name != kFieldUnitCode) {
            return Verdict::refuse(
                reason("unknown_field", "申报表没有字段“" + name + "”",
                       "the application form has no field '" + name + "'; update the client"));
        }
        if (app.submittedSeq > 0 &&
            ((!spec && name == kFieldUnitCode) || (spec && spec->id == kFieldAuthority))) {
            return Verdict::refuse(reason("field_locked", "申报表提交后不能更改工作单位或所在地",
                                          "the work unit and its location cannot change once the application "
                                          "was submitted; withdraw it and create a new one"));
        }
    }
    return Verdict::accept();
}

Verdict ApplicationState::command(Fold& fold, sync::Change& change, Application* app, std::int64_t seq,
                                  const std::optional<Verdict>& given)
{
    if (!app) {
        return Verdict::refuse(
            reason("record_unknown", "申报表不存在或尚未同步", "no such application; sync and try again"));
    }
    Command cmd = Command::fromPayload(std::move(change.payload));
    HistoryEntry& entry = Fold::record(*app, change, seq, toString(app->state));
    const Verdict verdict = judge(fold, *app, cmd, change.hlc, given);
    if (verdict.accepted) {
        const AppAction action = appActionFromString(cmd.name).value();
        const AppState next = transition(app->state, action, *cmd.issuingRole()).value();
        perform(*app, cmd, action, next, seq, *findCampaign(fold, app->campaign));
        if (action == AppAction::Disqualify) // R-TRN-1
            app->disqualification =
                Disqualification{std::string(cmd.text(kArgGround)), std::string(cmd.text(kArgFacts)),
                                 std::string(cmd.text(kArgCriticism)), seq, change.hlc};
    }
    entry.action = std::move(cmd.name);
    entry.role = std::move(cmd.role);
    entry.comment = std::move(cmd.comment);
    entry.after = toString(app->state);
    entry.verdict = verdict;
    return verdict;
}

Verdict ApplicationState::judge(const Fold& fold, const Application& app, const Command& cmd,
                                const sync::Hlc& hlc, const std::optional<Verdict>& given) const
{
    const auto action = appActionFromString(cmd.name);
    const auto role = cmd.issuingRole();
    const Campaign* camp = findCampaign(fold, app.campaign);
    if (given) {
        // A server's acceptance of a command this replica cannot even parse: keep the state.
        if (given->accepted && (!action || !role || !camp || !transition(app.state, *action, *role)))
            return Verdict::refuse(reason("unknown_command", "无法解读的操作，请升级客户端",
                                          "this client cannot apply the command; update the client"));
        return *given;
    }
    if (!action) {
        return Verdict::refuse(reason("unknown_command", "未知的操作“" + cmd.name + "”",
                                      "unknown command '" + cmd.name + "'; update the client"));
    }
    if (!role)
        return Verdict::refuse(
            reason("role_missing", "操作未注明角色", "the command does not name its role"));
    if (!camp) {
        return Verdict::refuse(
            reason("campaign_unknown", "申报表所属年度计划不存在", "the application's campaign is unknown"));
    }
    if (auto next = transition(app.state, *action, *role); !next)
        return Verdict::refuse(next.error());
    return checkCommand(app, cmd, *action, *camp, hlc, fold.receivedMs());
}

Verdict ApplicationState::checkCommand(const Application& app, const Command& cmd, AppAction action,
                                       const Campaign& camp, const sync::Hlc& hlc,
                                       std::int64_t receivedMs) const
{
    if (isPreAdmission(action)) {
        // Made at hlc, received at receivedMs: late within the campaign's offline grace still counts.
        if (auto late = checkDeadlineReceived(camp, hlc.wallMs, receivedMs))
            return Verdict::refuse(*late);
    }
    if (requiresDigest(action) && cmd.digest != contentDigest(app)) {
        return Verdict::refuse(
            reason("stale_content", "申报内容在您审核后已被修改，请重新审核最新内容",
                   "the application changed after you reviewed it; open it again, review the "
                   "current content and decide again"));
    }
    if (auto missing = checkCommandArguments(action, cmd))
        return Verdict::refuse(*missing);
    if (action == AppAction::Admit) {
        if (auto unknown = checkAdmission(cmd, camp))
            return Verdict::refuse(*unknown);
    }
    if (action == AppAction::Disqualify) {
        if (auto incomplete = checkDisqualification(cmd, camp))
            return Verdict::refuse(*incomplete);
    }
    if (auto refused = checkContent(app, action, camp); !refused.accepted)
        return refused;
    if (action == AppAction::AuthorityApprove) {
        if (auto full = checkQuota(camp, app.authority(), approved(app.campaign, app.authority())))
            return Verdict::refuse(*full);
    }
    return Verdict::accept();
}

Verdict ApplicationState::checkContent(const Application& app, AppAction action, const Campaign& camp) const
{
    ContentChecks& checks = app.checks.get();
    std::optional<FormView> view; // the form indexed once for the rules that read all of it
    const auto form = [&]() -> const FormView& {
        if (!view)
            view.emplace(app.values);
        return *view;
    };
    if (action == AppAction::Submit) {
        if (!checks.incomplete)
            checks.incomplete = validateForSubmission(form(), camp);
        if (!checks.incomplete->empty())
            return Verdict::refuse(checks.incomplete->front().second);
    }
    if (needsEligibility(action)) {
        if (!checks.ineligible)
            checks.ineligible = checkEligibility(form(), camp);
        if (!checks.ineligible->empty())
            return Verdict::refuse(checks.ineligible->front());
    }
    return Verdict::accept();
}

void ApplicationState::perform(Application& app, const Command& cmd, AppAction action, AppState next,
                               std::int64_t seq, const Campaign& camp)
{
    const bool counted = countsAgainstQuota(app.state);
    if (!counted && countsAgainstQuota(next)) {
        app.quotaAuthority = app.authority();
        ++m_approved[{app.campaign, app.quotaAuthority}];
    } else if (counted && !countsAgainstQuota(next)) {
        --m_approved[{app.campaign, app.quotaAuthority}];
        app.quotaAuthority.clear();
    }
    if (action == AppAction::RecordPaperReceipt)
        app.paperReceived = true;
    if (action == AppAction::RecordReturn)
        app.returnedToUnit = true;
    if (action == AppAction::Submit && app.submittedSeq == 0)
        app.submittedSeq = seq;
    if (action == AppAction::Admit) {
        app.admission = admissionOf(cmd, camp);
        app.admittedSeq = seq;
    }
    app.state = next;
}

void ApplicationState::canonical(std::ostream& out, const Fold& fold) const
{
    std::vector<const Application*> apps;
    apps.reserve(m_applications.size());
    for (const auto& [id, app] : m_applications)
        apps.push_back(&app);
    std::sort(apps.begin(), apps.end(), [](const auto* a, const auto* b) { return a->id < b->id; });
    for (const auto& [key, count] : m_approved)
        out << "quota " << key.first << ' ' << key.second << ' ' << count << '\n';
    for (const Application* app : apps) {
        out << "application " << app->id << " owner=" << app->owner << " campaign=" << app->campaign
            << " state=" << toString(app->state) << " quota=" << app->quotaAuthority
            << " paper=" << app->paperReceived << " returned=" << app->returnedToUnit << '\n';
        if (app->disqualification)
            out << "  disqualified " << app->disqualification->ground << ' ' << app->disqualification->seq
                << '\n';
        out << "  unit_code=" << app->unitCode << '\n';
        for (const auto& [name, stamp] : app->stamps.sorted()) {
            const auto value = app->values.find(name);
            out << "  " << name << '='
                << (value == app->values.end() ? std::string() : value->second.serialize()) << " @"
                << sync::toString(stamp.hlc) << '/' << fold.siteName(stamp.site) << '\n';
        }
        for (const HistoryEntry& h : app->history)
            out << "  #" << h.seq << ' ' << h.action << ' ' << h.author << ' ' << h.verdict.accepted << ' '
                << h.verdict.reason.code << (h.receivedMs ? " recv " + std::to_string(h.receivedMs) : "")
                << '\n';
    }
}

} // namespace tepei::model
