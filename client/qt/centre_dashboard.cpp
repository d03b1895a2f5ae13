#include "centre_dashboard.h"

#include "app_controller.h"
#include "convert.h"

#include <array>
#include <map>
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
    using S = model::AppState;
    switch (app.state) {
    case S::Submitted:
        ++c[3];
        break;
    case S::UnitReturned:
    case S::AuthorityReturned:
        ++c[4];
        break;
    case S::UnitApproved:
        ++c[2];
        break;
    case S::AuthorityApproved:
        ++c[1];
        c[5] += app.paperReceived ? 1 : 0;
        break;
    case S::Admitted:
    case S::Interrupted:
    case S::Disqualified:
    case S::Completed:
        ++c[1]; // approved, and admitted since
        ++c[6];
        c[5] += app.paperReceived ? 1 : 0;
        break;
    case S::Draft:
    case S::Withdrawn:
        break;
    }
}

QVariantMap rowOf(const QString& authority, const QString& name, const Counts& c)
{
    QVariantMap row{{"authority", authority}, {"name", name}};
    for (std::size_t i = 0; i < kColumns.size(); ++i)
        row.insert(QString::fromLatin1(kColumns[i]), c[i]);
    return row;
}

} // namespace

CentreDashboard::CentreDashboard(QObject* parent) : QObject(parent) {}

void CentreDashboard::setController(AppController* controller)
{
    if (controller == m_controller)
        return;
    if (m_controller)
        disconnect(m_controller, nullptr, this, nullptr);
    m_controller = controller;
    if (m_controller)
        connect(m_controller, &AppController::revisionChanged, this, &CentreDashboard::reload);
    emit controllerChanged();
    reload();
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

} // namespace tepei::qt
