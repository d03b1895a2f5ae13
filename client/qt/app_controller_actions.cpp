// AppController: the actions that are not about the session itself — creating an application,
// exporting the tables, choosing the campaign — and the refused-change notices (R-SYNC-3).
// Registration and the decisions on registered units: app_controller_units.cpp.

#include "app_controller.h"
#include "background.h"
#include "convert.h"

#include <QDateTime>
#include <QFile>
#include <QUrl>
#include <algorithm>
#include <tepei/model/kinds/application/application_kind.h>
#include <tepei/model/kinds/campaign/campaign_kind.h>
#include <tepei/sync/codec.h>
#include <tepei/sync/ids.h>

namespace tepei::qt {

namespace {

QString actionLabel(const std::string& action, bool english)
{
    if (action == "edit")
        return english ? QStringLiteral("Edit") : QStringLiteral("修改申报表");
    const auto a = model::appActionFromString(action);
    return a ? QString::fromUtf8(english ? model::labelEn(*a) : model::labelZh(*a)) : q(action);
}

} // namespace

QString AppController::createApplication(const QString& authority, const QString& trainingMode)
{
    const auto who = identity();
    if (!m_replica || !who || m_campaignId.isEmpty())
        return {};
    const std::string id = sync::newUuidString();
    web::json::value fields = web::json::value::object();
    fields[model::kFieldCampaign] = web::json::value::string(s(m_campaignId));
    fields[model::kFieldUnitCode] = web::json::value::string(who->orgCode);
    fields[model::kFieldAuthority] = web::json::value::string(s(authority));
    fields["training_mode"] = web::json::value::string(s(trainingMode));
    fields["name"] = web::json::value::string(who->displayName);
    auto verdict = m_replica->setFields(model::kKindApplication, id, fields);
    localChangeMade();
    if (!verdict || !verdict->accepted)
        return {};
    return q(id);
}

void AppController::exportSummary(const QString& fileUrl)
{
    exportTable(QStringLiteral("summary"), QString(), fileUrl);
}

void AppController::exportTable(const QString& table, const QString& authority, const QString& fileUrl)
{
    const QString path = localPath(fileUrl);
    if (!m_session || path.isEmpty())
        return;
    client::HttpRequest request;
    request.path = "/v1/exports/" + s(table) + ".xlsx?campaign=" + s(m_campaignId) +
                   (authority.isEmpty() ? std::string() : "&authority=" + s(authority));
    request.token = m_session->token;
    setBusy(true);
    auto transport = this->transport();
    runInBackground<QString>(
        this,
        [transport, request, path, english = m_english]() -> QString {
            auto response = transport->send(request);
            if (!response)
                return errorText(response.error(), english);
            if (response->status != 200) {
                return errorText(client::errorFromReply(*response, "the export", "try again later"), english);
            }
            QFile file(path);
            if (!file.open(QIODevice::WriteOnly) ||
                file.write(response->body.data(), static_cast<qint64>(response->body.size())) < 0)
                return english ? QStringLiteral("Cannot write %1; choose another folder").arg(path)
                               : QStringLiteral("无法写入 %1，请选择其他位置").arg(path);
            return {};
        },
        [this, path](QString error) {
            setBusy(false);
            emit exportFinished(
                error.isEmpty(),
                error.isEmpty()
                    ? pick(QStringLiteral("表格已保存到 %1"), QStringLiteral("Table saved to %1")).arg(path)
                    : error,
                error.isEmpty() ? path : QString());
        });
}

void AppController::chooseCampaign(const QString& id)
{
    m_chosenCampaign = id;
    refreshFromStore(true);
}

QVariantList AppController::campaigns() const
{
    std::vector<std::pair<int, QVariantMap>> found;
    if (m_replica) {
        m_replica->withStore([&](const client::LocalStore& st) {
            for (const std::string& id : st.campaignIds()) {
                if (const model::Campaign* c = model::findCampaign(st.tentative(), id))
                    found.emplace_back(
                        c->year,
                        QVariantMap{{"id", q(id)},
                                    {"title", q(m_english && !c->titleEn.empty() ? c->titleEn : c->title)}});
            }
        });
    }
    std::sort(found.begin(), found.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    QVariantList out;
    for (auto& [year, row] : found)
        out.push_back(std::move(row));
    return out;
}

namespace {
// The ids of the refused changes whose notices the person dismissed, one per line.
constexpr const char* kMetaNoticesDismissed = "notices_dismissed";
} // namespace

void AppController::dismissNotices()
{
    if (!m_replica)
        return;
    std::string ids;
    for (const QVariant& notice : m_notices)
        ids += s(notice.toMap().value("changeId").toString()) + '\n';
    (void)m_replica->withStore([&](client::LocalStore& st) {
        return st.setMeta(kMetaNoticesDismissed, st.meta(kMetaNoticesDismissed).value_or("") + ids);
    });
    refreshNotices();
}

void AppController::refreshNotices()
{
    QVariantList notices;
    const auto who = identity();
    if (m_replica && who) {
        m_replica->withStore([&](const client::LocalStore& st) {
            const std::string dismissed = '\n' + st.meta(kMetaNoticesDismissed).value_or("");
            const auto seen = [&](const std::string& changeId) {
                return dismissed.find('\n' + changeId + '\n') != std::string::npos;
            };
            if (auto rejected = st.rejected()) {
                for (const client::RejectedChange& r : *rejected) {
                    if (seen(r.changeId))
                        continue;
                    const model::Application* app = model::findApplication(st.tentative(), r.recordId);
                    notices.push_back(QVariantMap{
                        {"changeId", q(r.changeId)},
                        {"recordId", q(r.recordId)},
                        {"name", app ? q(app->text("name")) : QString()},
                        {"action", pick(QStringLiteral("上传的更改"), QStringLiteral("An uploaded change"))},
                        {"reason", errorText(r.reason, m_english)},
                        {"when",
                         QDateTime::fromMSecsSinceEpoch(r.rejectedAtMillis).toString("yyyy-MM-dd HH:mm")}});
                }
            }
            for (const auto& [id, app] : model::applications(st.tentative())) {
                for (const model::HistoryEntry& h : app.history) {
                    if (h.author != who->userId || h.verdict.accepted || seen(sync::toString(h.changeId)))
                        continue;
                    notices.push_back(QVariantMap{
                        {"changeId", q(sync::toString(h.changeId))},
                        {"recordId", q(id)},
                        {"name", q(app.text("name"))},
                        {"action", actionLabel(h.action, m_english)},
                        {"reason", reasonText(h.verdict.reason, m_english)},
                        {"when", QDateTime::fromMSecsSinceEpoch(h.hlc.wallMs).toString("yyyy-MM-dd HH:mm")}});
                }
            }
        });
    }
    if (notices != m_notices) {
        m_notices = notices;
        emit noticesChanged();
    }
}

} // namespace tepei::qt
