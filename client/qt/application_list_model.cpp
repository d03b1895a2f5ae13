#include "application_list_model.h"

#include "app_controller.h"
#include "centre_dashboard.h"
#include "convert.h"

#include <tepei/model/kinds/application/application_kind.h>
#include <tepei/model/kinds/application/workflow.h>
#include <tepei/model/kinds/campaign/campaign_kind.h>
#include <tepei/model/rules/eligibility.h>

namespace tepei::qt {

ApplicationListModel::ApplicationListModel(QObject* parent) : QAbstractListModel(parent) {}

void ApplicationListModel::setController(AppController* controller)
{
    if (controller == m_controller)
        return;
    if (m_controller)
        disconnect(m_controller, nullptr, this, nullptr);
    m_controller = controller;
    if (m_controller) {
        connect(m_controller, &AppController::revisionChanged, this, &ApplicationListModel::reload);
        connect(m_controller, &AppController::sessionChanged, this, &ApplicationListModel::reload);
    }
    emit controllerChanged();
    reload();
}

#define TEPEI_SETTER(name, member, type)                                                                     \
    void ApplicationListModel::name(type value)                                                              \
    {                                                                                                        \
        if (member == value)                                                                                 \
            return;                                                                                          \
        member = value;                                                                                      \
        emit queryChanged();                                                                                 \
        reload();                                                                                            \
    }
TEPEI_SETTER(setScope, m_scope, const QString&)
TEPEI_SETTER(setAwaitingOnly, m_awaitingOnly, bool)
TEPEI_SETTER(setSort, m_sort, const QString&)
TEPEI_SETTER(setGrassrootsOnly, m_grassrootsOnly, bool)
TEPEI_SETTER(setNonPublicOnly, m_nonPublicOnly, bool)
TEPEI_SETTER(setSearch, m_search, const QString&)
TEPEI_SETTER(setAuthority, m_authority, const QString&)
TEPEI_SETTER(setColumn, m_column, const QString&)
#undef TEPEI_SETTER

client::RecordFilter ApplicationListModel::filter() const
{
    client::RecordFilter f;
    const auto who = m_controller ? m_controller->identity() : std::nullopt;
    if (!who)
        return f;
    if (m_scope == QLatin1String("unit")) {
        f.unitCode = who->orgCode;
        if (m_awaitingOnly)
            f.states = {model::toString(model::AppState::Submitted)};
    } else if (m_scope == QLatin1String("authority")) {
        f.authority = who->orgCode;
        if (m_awaitingOnly)
            f.states = {model::toString(model::AppState::UnitApproved)};
    } else if (m_scope == QLatin1String("centre")) {
        f.authority = s(m_authority); // the column is kept row by row: it reads this device's state
    } else {
        f.owner = who->userId;
    }
    if (m_scope != QLatin1String("centre"))
        f.nameContains = s(m_search.trimmed()); // the centre's search reads more than the name: keep()
    f.order = m_sort == QLatin1String("recent") ? client::RecordFilter::Order::Recent
                                                : client::RecordFilter::Order::Name;
    return f;
}

bool ApplicationListModel::keep(const Row& row) const
{
    if (m_scope == QLatin1String("centre")) {
        const auto state = model::appStateFromString(s(row.state));
        if (!state || !inColumn(s(m_column), *state, row.paperReceived))
            return false;
        const QString text = m_search.trimmed();
        if (!text.isEmpty() && !row.name.contains(text) && !row.employer.contains(text) &&
            !row.idNumber.contains(text, Qt::CaseInsensitive))
            return false;
    }
    if (m_grassrootsOnly && !row.grassroots)
        return false;
    if (m_nonPublicOnly && !row.nonPublic)
        return false;
    if (m_sort == QLatin1String("preferred"))
        return (row.grassroots || row.nonPublic) == (m_pass == 0);
    return true;
}

namespace {

template <class Store>
void describe(const Store& st, const model::Application& app, bool english, QString& state, QString& employer,
              QString& mode, bool& pending, bool& grassroots, bool& nonPublic, bool& eligible)
{
    state = QString::fromLatin1(model::toString(app.state));
    employer = q(app.text("employer"));
    mode = q(app.text("training_mode"));
    for (const model::HistoryEntry& h : app.history)
        pending = pending || h.seq == 0;
    const auto g = app.values.find("grassroots");
    grassroots = g != app.values.end() && g->second.is_boolean() && g->second.as_bool();
    nonPublic = model::effectiveNonPublic(app.values);
    const model::Campaign* c = model::findCampaign(st.tentative(), app.campaign);
    eligible = c && model::isEligible(app.values, *c);
    if (c) {
        if (const model::RefItem* item = model::findTrainingMode(*c, s(mode)))
            mode = q(english ? item->en : item->zh);
    }
}

} // namespace

std::vector<ApplicationListModel::Row> ApplicationListModel::unsyncedRows() const
{
    // Applications created on this device and not yet confirmed are not in the derived table.
    std::vector<Row> rows;
    const auto who = m_controller ? m_controller->identity() : std::nullopt;
    if (!who || m_scope != QLatin1String("mine") || m_pass != 0)
        return rows;
    const bool en = m_controller->english();
    m_controller->replica()->withStore([&](const client::LocalStore& st) {
        for (const auto& [id, app] : model::applications(st.tentative())) {
            if (app.owner != who->userId || model::findApplication(st.confirmed(), id))
                continue;
            Row row;
            row.id = q(id);
            row.name = q(app.text("name"));
            describe(st, app, en, row.state, row.employer, row.trainingMode, row.pending, row.grassroots,
                     row.nonPublic, row.eligible);
            row.authority = m_controller->organisationName(q(app.authority()));
            if (keep(row) && (m_search.isEmpty() || row.name.contains(m_search.trimmed())))
                rows.push_back(std::move(row));
        }
    });
    return rows;
}

std::vector<ApplicationListModel::Row> ApplicationListModel::nextPage()
{
    std::vector<Row> rows;
    const bool en = m_controller->english();
    const client::RecordFilter f = filter();
    while (!m_exhausted && static_cast<int>(rows.size()) < kPageSize / 2) {
        auto page = m_controller->replica()->withStore([&](client::LocalStore& st) {
            auto summaries = st.summaries().query(f, m_offset, kPageSize);
            std::vector<Row> found;
            if (!summaries)
                return std::make_pair(found, 0);
            for (const client::RecordSummary& r : *summaries) {
                Row row;
                row.id = q(r.id);
                row.name = q(r.name);
                row.state = q(r.state);
                row.authority = m_controller->organisationName(q(r.authority));
                if (const model::Application* app = model::findApplication(st.tentative(), r.id)) {
                    describe(st, *app, en, row.state, row.employer, row.trainingMode, row.pending,
                             row.grassroots, row.nonPublic, row.eligible);
                    row.paperReceived = app->paperReceived;
                    row.idNumber = q(app->text("id_number"));
                }
                if (keep(row))
                    found.push_back(std::move(row));
            }
            return std::make_pair(found, static_cast<int>(summaries->size()));
        });
        m_offset += page.second;
        for (Row& row : page.first)
            rows.push_back(std::move(row));
        if (page.second < kPageSize) {
            if (m_sort == QLatin1String("preferred") && m_pass == 0) {
                m_pass = 1;
                m_offset = 0;
            } else {
                m_exhausted = true;
            }
        }
    }
    return rows;
}

void ApplicationListModel::reload()
{
    beginResetModel();
    m_rows.clear();
    m_offset = 0;
    m_pass = 0;
    m_exhausted = !(m_controller && m_controller->replica() && m_controller->identity());
    if (!m_exhausted) {
        m_rows = unsyncedRows();
        for (Row& row : nextPage())
            m_rows.push_back(std::move(row));
    }
    endResetModel();
    emit countChanged();
}

bool ApplicationListModel::canFetchMore(const QModelIndex& parent) const
{
    return !parent.isValid() && !m_exhausted;
}

void ApplicationListModel::fetchMore(const QModelIndex& parent)
{
    if (parent.isValid() || m_exhausted)
        return;
    std::vector<Row> rows = nextPage();
    if (rows.empty())
        return;
    beginInsertRows({}, count(), count() + static_cast<int>(rows.size()) - 1);
    for (Row& row : rows)
        m_rows.push_back(std::move(row));
    endInsertRows();
    emit countChanged();
}

int ApplicationListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : count();
}

QHash<int, QByteArray> ApplicationListModel::roleNames() const
{
    return {{IdRole, "recordId"},           {NameRole, "name"},
            {StateRole, "state"},           {StateLabelRole, "stateLabel"},
            {PendingRole, "pending"},       {EmployerRole, "employer"},
            {AuthorityRole, "authority"},   {TrainingModeRole, "trainingMode"},
            {GrassrootsRole, "grassroots"}, {NonPublicRole, "nonPublic"},
            {EligibleRole, "eligible"},     {PaperReceivedRole, "paperReceived"},
            {IdNumberRole, "idNumber"}};
}

QString ApplicationListModel::idAt(int row) const
{
    return row >= 0 && row < count() ? m_rows[static_cast<std::size_t>(row)].id : QString();
}

QVariantMap ApplicationListModel::get(int row) const
{
    QVariantMap out;
    const auto names = roleNames();
    for (auto it = names.begin(); it != names.end(); ++it)
        out.insert(QString::fromLatin1(it.value()), data(index(row), it.key()));
    return out;
}

QVariant ApplicationListModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= count())
        return {};
    const Row& row = m_rows[static_cast<std::size_t>(index.row())];
    switch (role) {
    case IdRole:
        return row.id;
    case NameRole:
        return row.name;
    case StateRole:
        return row.state;
    case StateLabelRole:
        return m_controller ? m_controller->stateLabel(row.state) : row.state;
    case PendingRole:
        return row.pending;
    case EmployerRole:
        return row.employer;
    case AuthorityRole:
        return row.authority;
    case TrainingModeRole:
        return row.trainingMode;
    case GrassrootsRole:
        return row.grassroots;
    case NonPublicRole:
        return row.nonPublic;
    case EligibleRole:
        return row.eligible;
    case PaperReceivedRole:
        return row.paperReceived;
    case IdNumberRole:
        return row.idNumber;
    default:
        return {};
    }
}

} // namespace tepei::qt
