// AppController: the actions that are not about the session itself — creating an application,
// registering, exporting the summary table — and the refused-change notices (R-SYNC-3).

#include "app_controller.h"
#include "background.h"
#include "convert.h"

#include <QDateTime>
#include <QFile>
#include <QUrl>
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

void AppController::registerApplicant(const QString& login, const QString& password,
                                      const QString& displayName, const QString& mobile,
                                      const QString& orgCode)
{
    if (m_serverUrl.isEmpty()) {
        emit registerFinished(false,
                              pick(QStringLiteral("注册需要联网：请先填写服务器地址"),
                                   QStringLiteral("Registering needs the server: enter its address first")));
        return;
    }
    web::json::value body = web::json::value::object();
    body["v"] = web::json::value::number(sync::kProtocolVersion);
    body["login"] = web::json::value::string(s(login.trimmed()));
    body["password"] = web::json::value::string(s(password));
    body["displayName"] = web::json::value::string(s(displayName.trimmed()));
    body["mobile"] = web::json::value::string(s(mobile.trimmed()));
    body["orgCode"] = web::json::value::string(s(orgCode.trimmed()));
    client::HttpRequest request;
    request.method = "POST";
    request.path = "/v1/register/applicant";
    request.body = body.serialize();
    setBusy(true);
    auto transport = this->transport();
    runInBackground<Result<client::HttpResponse>>(
        this, [transport, request] { return transport->send(request); },
        [this](Result<client::HttpResponse> response) {
            setBusy(false);
            if (!response) {
                emit registerFinished(false, errorText(response.error(), m_english));
            } else if (response->status == 201 || response->status == 200) {
                emit registerFinished(
                    true, pick(QStringLiteral("注册成功：请用新账号联网登录"),
                               QStringLiteral("Registered: sign in online with the new account")));
            } else {
                const Error e = client::errorFromReply(*response, "the registration",
                                                       "try again later or tell the administrator");
                emit registerFinished(
                    false, errorText(e, m_english) +
                               (e.field.empty() ? QString() : QStringLiteral(" (%1)").arg(q(e.field))));
            }
        });
}

void AppController::exportSummary(const QString& fileUrl)
{
    const QString path = localPath(fileUrl);
    if (!m_session || path.isEmpty())
        return;
    client::HttpRequest request;
    request.path = "/v1/exports/summary.xlsx?campaign=" + s(m_campaignId);
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
            emit exportFinished(error.isEmpty(), error.isEmpty()
                                                     ? pick(QStringLiteral("汇总表已保存到 %1"),
                                                            QStringLiteral("Summary table saved to %1"))
                                                           .arg(path)
                                                     : error);
        });
}

void AppController::refreshNotices()
{
    QVariantList notices;
    const auto who = identity();
    if (m_replica && who) {
        m_replica->withStore([&](const client::LocalStore& st) {
            if (auto rejected = st.rejected()) {
                for (const client::RejectedChange& r : *rejected) {
                    const model::Application* app = model::findApplication(st.tentative(), r.recordId);
                    notices.push_back(QVariantMap{
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
                    if (h.author != who->userId || h.verdict.accepted)
                        continue;
                    notices.push_back(QVariantMap{
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
