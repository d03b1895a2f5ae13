#include "leave_board.h"

#include "app_controller.h"
#include "convert.h"
#include "follow_controller.h"
#include "leave_form_printer.h"

#include <QUrl>
#include <algorithm>
#include <tepei/model/kinds/application/application_kind.h>
#include <tepei/model/kinds/campaign/campaign_kind.h>
#include <tepei/model/kinds/leave/leave_kind.h>
#include <tepei/sync/ids.h>
#include <unordered_map>

namespace tepei::qt {

namespace {

QString partyLabel(model::LeaveParty party, bool en)
{
    if (!en)
        return QString::fromUtf8(model::partyNameZh(party));
    switch (party) {
    case model::LeaveParty::TrainingUnit:
        return QStringLiteral("training unit");
    case model::LeaveParty::WorkUnit:
        return QStringLiteral("work unit");
    case model::LeaveParty::Centre:
        return QStringLiteral("the centre");
    }
    return {};
}

QString partiesLabel(const std::vector<model::LeaveParty>& parties, bool en)
{
    QStringList names;
    for (model::LeaveParty p : parties)
        names << partyLabel(p, en);
    return names.join(en ? QStringLiteral(", ") : QStringLiteral("、"));
}

QString statusLabel(model::LeaveStatus status, bool en)
{
    switch (status) {
    case model::LeaveStatus::Filed:
        return en ? QStringLiteral("Being decided") : QStringLiteral("审批中");
    case model::LeaveStatus::Approved:
        return en ? QStringLiteral("Approved") : QStringLiteral("已批准");
    case model::LeaveStatus::Refused:
        return en ? QStringLiteral("Not approved") : QStringLiteral("未批准");
    case model::LeaveStatus::Withdrawn:
        return en ? QStringLiteral("Withdrawn") : QStringLiteral("已撤回");
    case model::LeaveStatus::Returned:
        return en ? QStringLiteral("Back (销假)") : QStringLiteral("已销假");
    }
    return {};
}

bool has(const std::vector<model::LeaveParty>& parties, std::optional<model::LeaveParty> party)
{
    return party && std::find(parties.begin(), parties.end(), *party) != parties.end();
}

// "3天以内：培养单位审批；4至10天：培养单位书面审批，派出单位、…备案；…" from the tiers.
QString policyText(const model::Campaign& campaign, bool en)
{
    QStringList parts;
    int from = 1;
    for (const model::LeaveTier& tier : campaign.leaveTiers) {
        QString span;
        if (!tier.maxDays)
            span =
                en ? QStringLiteral("over %1 days").arg(from - 1) : QStringLiteral("超过%1天").arg(from - 1);
        else if (from == 1)
            span = en ? QStringLiteral("up to %1 days").arg(*tier.maxDays)
                      : QStringLiteral("%1天以内").arg(*tier.maxDays);
        else
            span = en ? QStringLiteral("%1 to %2 days").arg(from).arg(*tier.maxDays)
                      : QStringLiteral("%1至%2天").arg(from).arg(*tier.maxDays);
        QString text = span + (en ? QStringLiteral(": ") : QStringLiteral("：")) +
                       partiesLabel(tier.approvers, en) +
                       (en ? (tier.written ? QStringLiteral(" decide in writing") : QStringLiteral(" decide"))
                           : (tier.written ? QStringLiteral("书面审批") : QStringLiteral("审批")));
        if (!tier.notified.empty())
            text += en ? QStringLiteral(", filed with ") + partiesLabel(tier.notified, en)
                       : QStringLiteral("，报") + partiesLabel(tier.notified, en) + QStringLiteral("备案");
        if (tier.interruptsTraining)
            text += en ? QStringLiteral(", and the training is interrupted") : QStringLiteral("，并中断培养");
        parts << text;
        from = tier.maxDays ? *tier.maxDays + 1 : from;
    }
    return parts.join(en ? QStringLiteral("; ") : QStringLiteral("；"));
}

// Who looks at the board.
struct Viewer {
    std::string userId;
    std::optional<model::Role> role;
    std::optional<model::LeaveParty> party;
    bool en = false;
    PrintedName person; // a user id as people read it (name and organisation)
};

// One request as the page shows it to `v`.
QVariantMap rowOf(const model::Fold& fold, const model::LeaveRequest& leave, const Viewer& v)
{
    const model::Application* app = model::findApplication(fold, leave.application);
    const auto path = model::leavePathOf(fold, leave);
    const auto awaiting = model::awaitingParties(fold, leave);
    const auto filings = model::pendingFilings(fold, leave);
    QVariantList decisions;
    for (const model::LeaveDecision& d : leave.decisions)
        decisions.push_back(QVariantMap{{"party", partyLabel(d.party, v.en)},
                                        {"approved", d.approved},
                                        {"comment", q(d.comment)},
                                        {"by", v.person(d.author)}});
    QString next;
    if (!awaiting.empty())
        next = v.en ? QStringLiteral("Awaiting: ") + partiesLabel(awaiting, v.en)
                    : QStringLiteral("待") + partiesLabel(awaiting, v.en) + QStringLiteral("审批");
    else if (!filings.empty())
        next = v.en ? QStringLiteral("To be filed by: ") + partiesLabel(filings, v.en)
                    : QStringLiteral("待") + partiesLabel(filings, v.en) + QStringLiteral("备案");
    const bool trainee = v.role == model::Role::Applicant && leave.owner == v.userId;
    const bool school = v.role == model::Role::TrainingUnitOfficer;
    const bool open = leave.status == model::LeaveStatus::Filed && leave.decisions.empty();
    const bool pending = std::any_of(leave.history.begin(), leave.history.end(),
                                     [](const model::HistoryEntry& h) { return h.seq == 0; });
    QVariantMap row;
    const std::initializer_list<std::pair<const char*, QVariant>> values{
        {"id", q(leave.id)},
        {"trainee", app ? q(app->text("name")) : q(leave.owner)},
        {"type",
         QVariant(leave.type == "sick" ? (v.en ? QStringLiteral("Sick leave") : QStringLiteral("病假"))
                                       : (v.en ? QStringLiteral("Personal leave") : QStringLiteral("事假")))},
        {"start", q(model::toString(leave.start))},
        {"end", q(model::toString(leave.end))},
        {"days", path ? path->days : 0},
        {"status", QString::fromLatin1(model::toString(leave.status))},
        {"statusLabel", statusLabel(leave.status, v.en)},
        {"awaitingLabel", next},
        {"actNow", has(awaiting, v.party)},
        {"fileNow", has(filings, v.party)},
        {"canWithdraw", open && (trainee || school)},
        {"canEdit", open && (trainee || school)},
        {"typeCode", q(leave.type)},
        {"reason", q(leave.reason)},
        {"application", q(leave.application)},
        {"canReturn", school && leave.status == model::LeaveStatus::Approved},
        {"late", leave.lateReturn},
        {"returned", leave.returned ? q(model::toString(*leave.returned)) : QString()},
        {"pending", pending},
        {"proofCount", leave.attachments.is_array() ? static_cast<int>(leave.attachments.size()) : 0},
        {"decisions", decisions}};
    for (const auto& [key, value] : values)
        row.insert(QString::fromLatin1(key), value);
    return row;
}

// A training on the page: the trainee, where and what, and the leave taken so far.
// The leave taken in one training so far: requests, and days approved (or away, once back).
struct LeaveTaken {
    int requests = 0;
    int daysOff = 0;
};

std::unordered_map<std::string, LeaveTaken> leaveTakenByApplication(const model::Fold& fold)
{
    std::unordered_map<std::string, LeaveTaken> taken;
    for (const auto& [id, leave] : model::leaveRequests(fold)) {
        LeaveTaken& t = taken[leave.application];
        ++t.requests;
        if (leave.status == model::LeaveStatus::Returned)
            t.daysOff += leave.daysAway;
        else if (leave.status == model::LeaveStatus::Approved)
            t.daysOff += model::daysBetweenInclusive(leave.start, leave.end);
    }
    return taken;
}

// A training on the page: the trainee, where and what, and the leave taken so far.
QVariantMap trainingOf(const model::Application& app, const LeaveTaken& taken,
                       const AppController& controller)
{
    const QString unit =
        app.admission ? controller.organisationName(q(app.admission->trainingUnit)) : QString();
    return QVariantMap{
        {"id", q(app.id)},
        {"name", q(app.text("name"))},
        {"trainingUnit", unit.isEmpty() && app.admission ? q(app.admission->trainingUnit) : unit},
        {"major", app.admission ? q(app.admission->major) : QString()},
        {"start", app.admission ? q(model::toString(app.admission->start)) : QString()},
        {"requests", taken.requests},
        {"daysOff", taken.daysOff}};
}

} // namespace

LeaveBoard::LeaveBoard(QObject* parent) : QObject(parent) {}

void LeaveBoard::setController(AppController* controller)
{
    if (followController(this, m_controller, controller, [this] { reload(); }))
        emit controllerChanged();
}

int LeaveBoard::awaitingCount() const
{
    return static_cast<int>(std::count_if(m_requests.begin(), m_requests.end(), [](const QVariant& r) {
        const QVariantMap m = r.toMap();
        return m.value(QStringLiteral("actNow")).toBool() || m.value(QStringLiteral("fileNow")).toBool();
    }));
}

void LeaveBoard::reload()
{
    m_requests.clear();
    m_trainings.clear();
    m_policy.clear();
    const auto who = m_controller && m_controller->replica() ? m_controller->identity() : std::nullopt;
    if (!who) {
        emit changed();
        return;
    }
    const bool en = m_controller->english();
    const auto role = model::roleFromString(who->role);
    AppController* controller = m_controller;
    const Viewer viewer{who->userId, role, role ? model::partyOf(*role) : std::nullopt, en,
                        [controller](const std::string& id) { return controller->personLabel(q(id)); }};
    std::vector<std::pair<std::string, QVariantMap>> rows;
    m_controller->replica()->withStore([&](const client::LocalStore& st) {
        const model::Fold& fold = st.tentative();
        if (const model::Campaign* campaign = model::findCampaign(fold, s(m_controller->campaignId())))
            m_policy = policyText(*campaign, en);
        // Only a trainee and a training unit file leave: only they need the trainings.
        const bool files = role == model::Role::Applicant || role == model::Role::TrainingUnitOfficer;
        const auto taken =
            files ? leaveTakenByApplication(fold) : std::unordered_map<std::string, LeaveTaken>{};
        for (const auto& [id, app] : model::applications(fold)) {
            if (!files)
                break;
            const bool mine = role == model::Role::Applicant && app.owner == who->userId;
            const bool ours = role == model::Role::TrainingUnitOfficer && app.admission &&
                              app.admission->trainingUnit == who->orgCode;
            if (app.state == model::AppState::Admitted && (mine || ours)) {
                const auto it = taken.find(id);
                m_trainings.push_back(
                    trainingOf(app, it == taken.end() ? LeaveTaken{} : it->second, *m_controller));
            }
        }
        for (const auto& [id, leave] : model::leaveRequests(fold))
            rows.emplace_back(model::toString(leave.start) + id, rowOf(fold, leave, viewer));
    });
    std::sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    for (auto& [key, row] : rows)
        m_requests.push_back(row);
    emit changed();
}

QString LeaveBoard::file(const QString& applicationId, const QString& type, const QString& start,
                         const QString& end, const QString& reason)
{
    if (!m_controller || !m_controller->replica())
        return m_controller ? m_controller->pick(QStringLiteral("请先登录"), QStringLiteral("Sign in first"))
                            : QString();
    // Bad input is refused here with the rules' reason and records nothing.
    if (const auto problem = checkRequest(s(applicationId), s(type), s(start.trimmed()), s(end.trimmed())))
        return reasonText(*problem, m_controller->english());
    web::json::value f = web::json::value::object();
    f[model::kLeaveApplication] = web::json::value::string(s(applicationId));
    f[model::kLeaveType] = web::json::value::string(s(type));
    f[model::kLeaveStart] = web::json::value::string(s(start.trimmed()));
    f[model::kLeaveEnd] = web::json::value::string(s(end.trimmed()));
    f[model::kLeaveReason] = web::json::value::string(s(reason.trimmed()));
    auto verdict = m_controller->replica()->setFields(model::kKindLeave, sync::newUuidString(), f);
    m_controller->localChangeMade();
    if (!verdict)
        return errorText(verdict.error(), m_controller->english());
    return verdict->accepted ? QString() : reasonText(verdict->reason, m_controller->english());
}

QString LeaveBoard::edit(const QString& id, const QString& type, const QString& start, const QString& end,
                         const QString& reason)
{
    if (!m_controller || !m_controller->replica())
        return {};
    const std::string application = m_controller->replica()->withStore([&](const client::LocalStore& st) {
        const model::LeaveRequest* leave = model::findLeave(st.tentative(), s(id));
        return leave ? leave->application : std::string();
    });
    if (const auto problem = checkRequest(application, s(type), s(start.trimmed()), s(end.trimmed())))
        return reasonText(*problem, m_controller->english());
    web::json::value f = web::json::value::object();
    f[model::kLeaveType] = web::json::value::string(s(type));
    f[model::kLeaveStart] = web::json::value::string(s(start.trimmed()));
    f[model::kLeaveEnd] = web::json::value::string(s(end.trimmed()));
    f[model::kLeaveReason] = web::json::value::string(s(reason.trimmed()));
    auto verdict = m_controller->replica()->setFields(model::kKindLeave, s(id), f);
    m_controller->localChangeMade();
    if (!verdict)
        return errorText(verdict.error(), m_controller->english());
    return verdict->accepted ? QString() : reasonText(verdict->reason, m_controller->english());
}

std::optional<model::Reason> LeaveBoard::checkRequest(const std::string& applicationId,
                                                      const std::string& type, const std::string& start,
                                                      const std::string& end) const
{
    if (auto bad = model::checkLeaveKind(type))
        return bad;
    const auto first = model::parseDate(start);
    if (!first)
        return first.error();
    const auto last = model::parseDate(end);
    if (!last)
        return last.error();
    return m_controller->replica()->withStore([&](const client::LocalStore& st)
                                                  -> std::optional<model::Reason> {
        const model::Fold& fold = st.tentative();
        const model::Application* app = model::findApplication(fold, applicationId);
        const model::Campaign* campaign = app ? model::findCampaign(fold, app->campaign) : nullptr;
        if (!campaign)
            return model::Reason{"leave_not_in_training", "请选择在培学员", "choose a trainee in training"};
        auto path = model::leavePath(*campaign, *first, *last);
        return path ? std::nullopt : std::optional<model::Reason>(path.error());
    });
}

QString LeaveBoard::command(const QString& id, const char* name, const QString& opinion,
                            const QString& returned)
{
    if (!m_controller || !m_controller->replica())
        return {};
    model::Command cmd;
    cmd.name = name;
    cmd.comment = s(opinion.trimmed());
    m_controller->replica()->withStore([&](const client::LocalStore& st) {
        if (const model::LeaveRequest* leave = model::findLeave(st.tentative(), s(id)))
            cmd.digest = model::leaveDigest(*leave); // the version this person decides on
    });
    if (!returned.isEmpty())
        cmd.set(model::kArgReturned, s(returned.trimmed()));
    auto verdict = m_controller->replica()->command(model::kKindLeave, s(id), std::move(cmd));
    m_controller->localChangeMade();
    if (!verdict)
        return errorText(verdict.error(), m_controller->english());
    return verdict->accepted ? QString() : reasonText(verdict->reason, m_controller->english());
}

QString LeaveBoard::decide(const QString& id, bool approve, const QString& opinion)
{
    const QString refused = command(id, approve ? model::kLeaveApprove : model::kLeaveRefuse, opinion, {});
    if (!refused.isEmpty() || !approve)
        return refused;
    // An approved leave beyond the last tier interrupts the training: the centre interrupts the
    // application in the same sync (a change of the application, seen by everyone who sees it).
    std::string application;
    m_controller->replica()->withStore([&](const client::LocalStore& st) {
        const model::LeaveRequest* leave = model::findLeave(st.tentative(), s(id));
        if (leave && model::interruptsTraining(st.tentative(), *leave))
            application = leave->application;
    });
    if (application.empty())
        return {};
    model::Command interrupt{"interrupt"};
    interrupt.comment =
        s(m_controller->pick(QStringLiteral("请假经批准超过规定天数，中断培养"),
                             QStringLiteral("Leave beyond the longest tier approved: training interrupted")));
    auto verdict =
        m_controller->replica()->command(model::kKindApplication, application, std::move(interrupt));
    m_controller->localChangeMade();
    if (!verdict)
        return errorText(verdict.error(), m_controller->english());
    return verdict->accepted ? QString() : reasonText(verdict->reason, m_controller->english());
}

QString LeaveBoard::acknowledge(const QString& id)
{
    return command(id, model::kLeaveAcknowledge, {}, {});
}

QString LeaveBoard::withdraw(const QString& id)
{
    return command(id, model::kLeaveWithdraw, {}, {});
}

QString LeaveBoard::confirmReturn(const QString& id, const QString& returned)
{
    if (returned.trimmed().isEmpty())
        return m_controller ? m_controller->pick(QStringLiteral("请填写实际返校日期（YYYY-MM-DD）"),
                                                 QStringLiteral("Enter the day back (YYYY-MM-DD)"))
                            : QString();
    return command(id, model::kLeaveReturn, {}, returned);
}

QString LeaveBoard::print(const QString& id, const QString& fileUrl)
{
    if (!m_controller || !m_controller->replica())
        return {};
    const PrintedName nameOf = [&](const std::string& code) {
        return model::findOrganisation(code) ? m_controller->organisationName(q(code))
                                             : m_controller->personLabel(q(code));
    };
    const QString path = localPath(fileUrl);
    return m_controller->replica()->withStore([&](const client::LocalStore& st) {
        const model::Fold& fold = st.tentative();
        const model::LeaveRequest* leave = model::findLeave(fold, s(id));
        const model::Application* app = leave ? model::findApplication(fold, leave->application) : nullptr;
        if (!leave || !app)
            return m_controller->pick(
                QStringLiteral("找不到该请假申请，请同步后重试"),
                QStringLiteral("The leave request is not on this device; sync and try again"));
        return printLeaveForm(fold, *leave, *app, nameOf, path, m_controller->nowMs());
    });
}

} // namespace tepei::qt
