#include "centre_dashboard.h"

#include "app_controller.h"
#include "convert.h"
#include "follow_controller.h"

#include <array>
#include <cstdlib>
#include <map>
#include <optional>
#include <tepei/model/kinds/application/application_kind.h>
#include <tepei/model/kinds/campaign/campaign_kind.h>

namespace tepei::qt {

namespace {

// The columns, in the order of the table.
constexpr std::array<const char*, 7> kColumns{
    "allocation", "approved", "awaitingAuthority", "awaitingUnit", "returned", "paperReceived", "admitted"};
using Counts = std::array<int, kColumns.size()>;

// Which columns an application counts in (allocation aside).
void count(const model::Application& app, Counts& c)
{
    for (std::size_t i = 1; i < kColumns.size(); ++i)
        c[i] += inColumn(kColumns[i], app.state, app.paperReceived) ? 1 : 0;
}

QVariantMap rowOf(const QString& authority, const QString& name, const Counts& c)
{
    QVariantMap row{{"authority", authority}, {"name", name}};
    for (std::size_t i = 0; i < kColumns.size(); ++i)
        row.insert(QString::fromLatin1(kColumns[i]), c[i]);
    return row;
}

} // namespace

bool inColumn(std::string_view column, model::AppState state, bool paperReceived)
{
    using S = model::AppState;
    const bool admitted =
        state == S::Admitted || state == S::Interrupted || state == S::Disqualified || state == S::Completed;
    if (column == "approved")
        return state == S::AuthorityApproved || admitted; // approved, and admitted since
    if (column == "awaitingAuthority")
        return state == S::UnitApproved;
    if (column == "awaitingUnit")
        return state == S::Submitted;
    if (column == "returned")
        return state == S::UnitReturned || state == S::AuthorityReturned;
    if (column == "paperReceived")
        return paperReceived && (state == S::AuthorityApproved || admitted);
    if (column == "admitted")
        return admitted;
    return column.empty() && state != S::Draft; // no column: every submitted application
}

CentreDashboard::CentreDashboard(QObject* parent) : QObject(parent) {}

void CentreDashboard::setController(AppController* controller)
{
    if (followController(this, m_controller, controller, [this] { reload(); }))
        emit controllerChanged();
}

void CentreDashboard::reload()
{
    m_rows.clear();
    m_total.clear();
    if (!m_controller || !m_controller->replica()) {
        emit changed();
        return;
    }
    const std::string campaignId = s(m_controller->campaignId());
    std::vector<std::pair<std::string, Counts>> table;
    Counts total{};
    m_controller->replica()->withStore([&](const client::LocalStore& st) {
        const model::Fold& fold = st.tentative();
        const model::Campaign* campaign = model::findCampaign(fold, campaignId);
        if (!campaign)
            return;
        std::map<std::string, std::size_t> at;
        for (const model::Allocation& a : campaign->allocations) {
            at[a.authorityCode] = table.size();
            Counts c{};
            c[0] = a.places;
            table.emplace_back(a.authorityCode, c);
        }
        for (const auto& [id, app] : model::applications(fold)) {
            const auto row = app.campaign == campaignId ? at.find(app.authority()) : at.end();
            if (row != at.end())
                count(app, table[row->second].second);
        }
    });
    for (const auto& [code, c] : table) {
        m_rows.push_back(rowOf(q(code), m_controller->organisationName(q(code)), c));
        for (std::size_t i = 0; i < total.size(); ++i)
            total[i] += c[i];
    }
    m_total = rowOf(QString(), m_controller->pick(QStringLiteral("合计"), QStringLiteral("Total")), total);
    emit changed();
}

QString CentreDashboard::saveAllocation(const QVariantList& places)
{
    if (!m_controller || !m_controller->replica())
        return {};
    const bool en = m_controller->english();
    const std::string campaignId = s(m_controller->campaignId());
    auto replica = m_controller->replica();
    std::optional<model::Campaign> current;
    std::vector<std::pair<std::string, int>> approved;
    replica->withStore([&](const client::LocalStore& st) {
        if (const model::Campaign* c = model::findCampaign(st.tentative(), campaignId))
            current = *c;
        approved = model::approvedPlaces(st.tentative(), campaignId);
    });
    if (!current)
        return m_controller->pick(QStringLiteral("尚无年度计划的数据：请联网同步后再调整名额"),
                                  QStringLiteral("No campaign data yet: sync, then change the allocation"));
    model::Campaign next = *current;
    for (const QVariant& item : places) {
        const QVariantMap edit = item.toMap();
        for (model::Allocation& a : next.allocations) {
            if (q(a.authorityCode) == edit.value("authority").toString())
                a.places = edit.value("places").toInt();
        }
    }
    if (next == *current)
        return m_controller->pick(QStringLiteral("名额分配没有变化"),
                                  QStringLiteral("The allocation has not changed"));
    int sum = 0;
    for (const model::Allocation& a : next.allocations)
        sum += a.places;
    if (sum != next.places) {
        return m_controller
            ->pick(QStringLiteral("名额合计 %1，应等于本年度总名额 %2：请再%3 %4 个名额后保存"),
                   QStringLiteral("The places add up to %1 but the campaign has %2: %3 %4 places, then save"))
            .arg(sum)
            .arg(next.places)
            .arg(sum < next.places ? m_controller->pick(QStringLiteral("分配"), QStringLiteral("hand out"))
                                   : m_controller->pick(QStringLiteral("减少"), QStringLiteral("take back")))
            .arg(std::abs(sum - next.places));
    }
    auto valid = model::parseCampaign(model::toJson(next));
    if (!valid)
        return reasonText(valid.error(), en);
    if (auto cut = model::checkAllocationChange(next, approved))
        return reasonText(*cut, en);
    auto verdict = replica->setFields(model::kKindCampaign, campaignId, model::campaignPayload(next));
    m_controller->localChangeMade();
    if (!verdict)
        return errorText(verdict.error(), en);
    return verdict->accepted ? QString() : reasonText(verdict->reason, en);
}

} // namespace tepei::qt
