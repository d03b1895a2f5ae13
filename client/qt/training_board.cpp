#include "training_board.h"

#include "app_controller.h"
#include "convert.h"
#include "follow_controller.h"

#include <algorithm>
#include <tepei/model/kinds/application/application_kind.h>
#include <tepei/model/kinds/assessment/assessment_kind.h>
#include <tepei/model/kinds/campaign/campaign_kind.h>
#include <tepei/model/kinds/follow_up/follow_up_kind.h>
#include <tepei/model/kinds/funding/disbursement_kind.h>
#include <tepei/sync/ids.h>

namespace tepei::qt {

namespace {

QString yuan(std::int64_t fen)
{
    return q(model::formatYuan(fen));
}

// What the centre would usually pay next of an item: a month's allowance, a year's tuition and
// housing or management fee, at most what remains of the plan (campaign data, R-FND-1).
std::int64_t suggestion(model::FundingItem item, const model::Campaign& campaign, std::int64_t remaining)
{
    std::int64_t usual = 0;
    switch (item) {
    case model::FundingItem::TuitionHousing:
        usual = campaign.tuitionHousingPerYearFen;
        break;
    case model::FundingItem::LivingAllowance:
        usual = campaign.livingAllowancePerMonthFen;
        break;
    case model::FundingItem::ManagementFee:
        usual = campaign.managementFeePerYearFen;
        break;
    }
    return std::max<std::int64_t>(0, std::min(usual, remaining));
}

QVariantList itemsOf(const model::TraineeFundingStatus& status, const model::Campaign& campaign, bool en)
{
    QVariantList items;
    for (auto item : {model::FundingItem::TuitionHousing, model::FundingItem::LivingAllowance,
                      model::FundingItem::ManagementFee}) {
        const std::int64_t plan = model::planOf(status.plan, item);
        const std::int64_t paid = model::planOf(status.disbursed, item);
        const char* code = model::toString(item);
        items.push_back(QVariantMap{{"item", code},
                                    {"label", en ? model::itemNameEn(code) : model::itemNameZh(code)},
                                    {"plan", yuan(plan)},
                                    {"paid", yuan(paid)},
                                    {"remaining", yuan(plan - paid)},
                                    {"suggestion", yuan(suggestion(item, campaign, plan - paid))}});
    }
    return items;
}

QVariantList paymentsOf(const model::Fold& fold, const std::string& application, bool en)
{
    QVariantList payments;
    for (const model::DisbursementRecord* r : model::disbursementsOf(fold, application)) {
        payments.push_back(
            QVariantMap{{"date", q(model::toString(r->date))},
                        {"itemLabel", en ? model::itemNameEn(r->item) : model::itemNameZh(r->item)},
                        {"amount", yuan(r->amountFen)},
                        {"note", q(r->note)},
                        {"waiting", !r->history.empty() && r->history.front().seq == 0}});
    }
    return payments;
}

void addFollowUps(QVariantMap& row, const model::Fold& fold, const model::Application& app, bool en,
                  bool followsUp)
{
    QVariantList entries;
    for (const model::FollowUpRecord* r : model::followUpsOf(fold, app.id)) {
        const model::FollowUpEntryKind* kind = model::findFollowUpEntry(r->entry);
        entries.push_back(
            QVariantMap{{"label", kind ? QString::fromUtf8(en ? kind->en : kind->zh) : q(r->entry)},
                        {"date", q(model::toString(r->date))},
                        {"text", q(r->text)},
                        {"waiting", !r->history.empty() && r->history.front().seq == 0}});
    }
    const auto back = model::returnedToPost(fold, app.id);
    row.insert("followUps", entries);
    row.insert("returned", back ? q(model::toString(*back)) : QString());
    row.insert("canRecordReturn", followsUp && !back);
    row.insert("canRecordSupport", followsUp && back.has_value());
}

void addAssessment(QVariantMap& row, const model::Fold& fold, const model::Application& app, bool en,
                   bool assesses)
{
    const model::AssessmentRecord* a = model::assessmentOf(fold, app.id);
    row.insert("canAssess", assesses && !a && app.state == model::AppState::Admitted);
    if (!a) {
        row.insert("assessment", QVariant());
        return;
    }
    const QString label = a->passed ? (en ? QStringLiteral("Passed") : QStringLiteral("合格"))
                                    : (en ? QStringLiteral("Not passed") : QStringLiteral("不合格"));
    row.insert("assessment", QVariantMap{{"passed", a->passed},
                                         {"label", label},
                                         {"date", q(model::toString(a->date))},
                                         {"comments", q(a->comments)},
                                         {"waiting", !a->history.empty() && a->history.front().seq == 0}});
}

void addDisqualification(QVariantMap& row, const model::Application& app,
                         const model::TraineeFundingStatus& status, const model::Campaign& campaign, bool en)
{
    row.insert("disqualified", app.state == model::AppState::Disqualified);
    row.insert("refundClaim", yuan(status.refundClaimFen));
    row.insert("refunded", yuan(status.refundedFen));
    row.insert("outstanding", yuan(status.refundOutstandingFen()));
    row.insert("outstandingFen", static_cast<double>(status.refundOutstandingFen()));
    if (!app.disqualification)
        return;
    const model::RefItem* ground = model::findDisqualificationGround(campaign, app.disqualification->ground);
    row.insert("ground", q(app.disqualification->ground));
    row.insert("groundLabel", ground ? q(en ? ground->en : ground->zh) : QString());
    row.insert("facts", q(app.disqualification->facts));
    row.insert("criticism", q(app.disqualification->criticism));
}

struct UnitSum {
    QString name;
    int trainees = 0;
    std::int64_t plan = 0;
    std::int64_t paid = 0;
};

QVariantMap totalRow(const UnitSum& u);

// Per training unit (in the rows' order) and the total row, from the trainees' rows.
QVariantList totalsOf(const QVariantList& trainees, bool en)
{
    std::vector<UnitSum> units;
    UnitSum total{en ? QStringLiteral("Total") : QStringLiteral("合计")};
    for (const QVariant& t : trainees) {
        const QVariantMap row = t.toMap();
        if (units.empty() || units.back().name != row.value("trainingUnitName").toString())
            units.push_back(UnitSum{row.value("trainingUnitName").toString()});
        for (UnitSum* u : {&units.back(), &total}) {
            ++u->trainees;
            u->plan += static_cast<std::int64_t>(row.value("planFen").toDouble());
            u->paid += static_cast<std::int64_t>(row.value("paidFen").toDouble());
        }
    }
    QVariantList out;
    for (const UnitSum& u : units)
        out.push_back(totalRow(u));
    if (!units.empty())
        out.push_back(totalRow(total));
    return out;
}

QVariantMap totalRow(const UnitSum& u)
{
    return QVariantMap{{"name", u.name},
                       {"trainees", u.trainees},
                       {"plan", yuan(u.plan)},
                       {"paid", yuan(u.paid)},
                       {"remaining", yuan(u.plan - u.paid)}};
}

QVariantMap rowOf(const model::Fold& fold, const model::Application& app,
                  const model::TraineeFundingStatus& status, const model::Campaign& campaign, bool en,
                  bool manages, bool followsUp, bool assesses)
{
    const bool admitted = app.state == model::AppState::Admitted;
    QVariantMap row{{"id", q(app.id)},
                    {"name", q(app.text("name"))},
                    {"idNumber", q(app.text("id_number"))},
                    {"employer", q(app.text("employer"))},
                    {"trainingUnit", q(app.admission->trainingUnit)},
                    {"major", q(app.admission->major)},
                    {"start", q(model::toString(app.admission->start))},
                    {"end", q(model::toString(app.admission->end))},
                    {"months", model::periodMonths(app.admission->start, app.admission->end)},
                    {"state", model::toString(app.state)},
                    {"stateLabel", en ? model::labelEn(app.state) : model::labelZh(app.state)},
                    {"stopped", status.stopped},
                    {"plan", yuan(status.plan.totalFen())},
                    {"paid", yuan(status.disbursed.totalFen())},
                    {"remaining", yuan(status.remainingFen())},
                    {"remainingFen", static_cast<double>(status.remainingFen())},
                    {"planFen", static_cast<double>(status.plan.totalFen())},
                    {"paidFen", static_cast<double>(status.disbursed.totalFen())},
                    {"items", itemsOf(status, campaign, en)},
                    {"payments", paymentsOf(fold, app.id, en)},
                    {"canPay", manages && !status.stopped},
                    {"canDisqualify", manages && admitted},
                    {"canRefund", manages && status.refundOutstandingFen() > 0}};
    addDisqualification(row, app, status, campaign, en);
    addFollowUps(row, fold, app, en, followsUp);
    addAssessment(row, fold, app, en, assesses);
    if (const model::RefItem* unit = model::findTrainingUnit(campaign, app.admission->trainingUnit))
        row.insert("trainingUnitName", q(en ? unit->en : unit->zh)); // the campaign's list first
    return row;
}

} // namespace

TrainingBoard::TrainingBoard(QObject* parent) : QObject(parent) {}

void TrainingBoard::setController(AppController* controller)
{
    if (followController(this, m_controller, controller, [this] { reload(); }))
        emit controllerChanged();
}

void TrainingBoard::reload()
{
    m_trainees.clear();
    m_totals.clear();
    m_grounds.clear();
    const auto who = m_controller && m_controller->replica() ? m_controller->identity() : std::nullopt;
    m_manages = who && who->role == model::toString(model::Role::CentreOfficer);
    m_followsUp = who && who->role == model::toString(model::Role::UnitReviewer);
    m_assesses = who && who->role == model::toString(model::Role::TrainingUnitOfficer);
    if (!who) {
        emit changed();
        return;
    }
    const bool en = m_controller->english();
    const std::string campaignId = s(m_controller->campaignId());
    std::vector<QVariantMap> rows;
    m_controller->replica()->withStore([&](const client::LocalStore& st) {
        const model::Fold& fold = st.tentative();
        const model::Campaign* campaign = model::findCampaign(fold, campaignId);
        if (!campaign)
            return;
        for (const model::RefItem& g : campaign->disqualificationGrounds) // campaign data (R-TRN-1)
            m_grounds.push_back(QVariantMap{{"code", q(g.code)}, {"label", q(en ? g.en : g.zh)}});
        for (const auto& [id, app] : model::applications(fold)) {
            if (app.campaign != campaignId || !app.admission)
                continue; // not a trainee (an admission made offline counts: it shows as waiting)
            if (who->role == model::toString(model::Role::Applicant) && app.owner != who->userId)
                continue;
            const auto status = model::traineeFundingOf(fold, id);
            if (!status)
                continue;
            rows.push_back(rowOf(fold, app, *status, *campaign, en, m_manages, m_followsUp, m_assesses));
        }
    });
    for (QVariantMap& row : rows) {
        if (row.value("trainingUnitName").toString().isEmpty())
            row.insert("trainingUnitName",
                       m_controller->organisationName(row.value("trainingUnit").toString()));
    }
    std::sort(rows.begin(), rows.end(), [](const QVariantMap& a, const QVariantMap& b) {
        const auto key = [](const QVariantMap& r) {
            return std::make_pair(r.value("trainingUnitName").toString(), r.value("name").toString());
        };
        return key(a) < key(b);
    });
    for (QVariantMap& row : rows)
        m_trainees.push_back(std::move(row));
    m_totals = totalsOf(m_trainees, en);
    emit changed();
}

QString TrainingBoard::record(const char* kind, const web::json::value& payload,
                              const std::optional<model::Reason>& problem)
{
    const bool en = m_controller->english();
    if (problem)
        return reasonText(*problem, en);
    auto verdict = m_controller->replica()->setFields(kind, sync::newUuidString(), payload);
    m_controller->localChangeMade();
    if (!verdict)
        return errorText(verdict.error(), en);
    return verdict->accepted ? QString() : reasonText(verdict->reason, en);
}

QString TrainingBoard::recordPayment(const QString& applicationId, const QString& item,
                                     const QString& yuanText, const QString& date, const QString& note)
{
    if (!m_controller || !m_controller->replica())
        return {};
    const auto fen = model::parseYuan(s(yuanText));
    if (!fen) {
        return m_controller
            ->pick(QStringLiteral("金额“%1”无法识别：请填写以元为单位的数字，如 600 或 36800.00"),
                   QStringLiteral("'%1' is not an amount: type it in yuan, e.g. 600 or 36800.00"))
            .arg(yuanText);
    }
    const web::json::value payload =
        model::disbursementPayload(s(applicationId), s(item), *fen, s(date.trimmed()), s(note.trimmed()));
    const auto problem = m_controller->replica()->withStore(
        [&](const client::LocalStore& st) { return model::checkNewDisbursement(st.tentative(), payload); });
    return record(model::kKindDisbursement, payload, problem);
}

QVariantList TrainingBoard::supportKinds() const
{
    const bool en = m_controller && m_controller->english();
    QVariantList out;
    for (const model::FollowUpEntryKind& k : model::followUpEntries()) {
        if (std::string_view(k.code) != model::kEntryReturn)
            out.push_back(QVariantMap{{"code", k.code}, {"label", QString::fromUtf8(en ? k.en : k.zh)}});
    }
    return out;
}

QString TrainingBoard::recordFollowUp(const QString& applicationId, const QString& entry, const QString& date,
                                      const QString& text)
{
    if (!m_controller || !m_controller->replica())
        return {};
    const web::json::value payload =
        model::followUpPayload(s(applicationId), s(entry), s(date.trimmed()), s(text.trimmed()));
    const auto problem = m_controller->replica()->withStore(
        [&](const client::LocalStore& st) { return model::checkNewFollowUp(st.tentative(), payload); });
    return record(model::kKindFollowUp, payload, problem);
}

QString TrainingBoard::recordAssessment(const QString& applicationId, bool passed, const QString& date,
                                        const QString& comments)
{
    if (!m_controller || !m_controller->replica())
        return {};
    const web::json::value payload =
        model::assessmentPayload(s(applicationId), passed, s(date.trimmed()), s(comments.trimmed()));
    const auto problem = m_controller->replica()->withStore(
        [&](const client::LocalStore& st) { return model::checkNewAssessment(st.tentative(), payload); });
    return record(model::kKindAssessment, payload, problem);
}

QString TrainingBoard::disqualify(const QString& applicationId, const QString& ground, const QString& facts,
                                  const QString& criticism)
{
    if (!m_controller || !m_controller->replica())
        return {};
    const bool en = m_controller->english();
    model::Command command;
    command.name = model::toString(model::AppAction::Disqualify);
    command.role = model::toString(model::Role::CentreOfficer);
    command.set(model::kArgGround, s(ground))
        .set(model::kArgFacts, s(facts.trimmed()))
        .set(model::kArgCriticism, s(criticism.trimmed()));
    // Only a trainee in training is disqualified, on one of the campaign's grounds: anything else is
    // refused here, not queued.
    const auto problem =
        m_controller->replica()->withStore([&](const client::LocalStore& st) -> std::optional<model::Reason> {
            const model::Application* app = model::findApplication(st.tentative(), s(applicationId));
            const model::Campaign* campaign =
                app ? model::findCampaign(st.tentative(), app->campaign) : nullptr;
            if (!app || !campaign)
                return model::Reason{"record_unknown", "本机没有该学员的记录，请同步后再试",
                                     "this trainee is not on this device; sync and try again"};
            if (auto next =
                    model::transition(app->state, model::AppAction::Disqualify, model::Role::CentreOfficer);
                !next)
                return next.error();
            return model::checkDisqualification(command, *campaign);
        });
    if (problem)
        return reasonText(*problem, en);
    auto verdict =
        m_controller->replica()->command(model::kKindApplication, s(applicationId), std::move(command));
    m_controller->localChangeMade();
    if (!verdict)
        return errorText(verdict.error(), en);
    return verdict->accepted ? QString() : reasonText(verdict->reason, en);
}

} // namespace tepei::qt
