// AppController: registration (an applicant, or a work unit with its first reviewer account) and
// the recommending authority's decisions on the work units registered under it (issue #12 item 8,
// R-ORG-3). Accounts are not records of the change log: all of this is online, and says so.

#include "app_controller.h"
#include "background.h"
#include "convert.h"

#include <tepei/model/reference/reference.h>
#include <tepei/sync/messages.h>

namespace tepei::qt {

void AppController::postRegistration(const std::string& path, web::json::value body, const QString& done)
{
    if (m_serverUrl.isEmpty()) {
        emit registerFinished(false,
                              pick(QStringLiteral("注册需要联网：请先填写服务器地址"),
                                   QStringLiteral("Registering needs the server: enter its address first")));
        return;
    }
    body["v"] = web::json::value::number(sync::kProtocolVersion);
    client::HttpRequest request;
    request.method = "POST";
    request.path = path;
    request.body = body.serialize();
    setBusy(true);
    auto transport = this->transport();
    runInBackground<Result<client::HttpResponse>>(
        this, [transport, request] { return transport->send(request); },
        [this, done](Result<client::HttpResponse> response) {
            setBusy(false);
            if (!response) {
                emit registerFinished(false, errorText(response.error(), m_english));
            } else if (response->status == 201 || response->status == 200) {
                emit registerFinished(true, done);
            } else {
                const Error e = client::errorFromReply(*response, "the registration",
                                                       "try again later or tell the administrator");
                emit registerFinished(
                    false, errorText(e, m_english) +
                               (e.field.empty() ? QString() : QStringLiteral(" (%1)").arg(q(e.field))));
            }
        });
}

void AppController::registerApplicant(const QString& login, const QString& password,
                                      const QString& displayName, const QString& mobile,
                                      const QString& orgCode)
{
    web::json::value body = web::json::value::object();
    body["login"] = web::json::value::string(s(login.trimmed()));
    body["password"] = web::json::value::string(s(password));
    body["displayName"] = web::json::value::string(s(displayName.trimmed()));
    body["mobile"] = web::json::value::string(s(mobile.trimmed()));
    body["orgCode"] = web::json::value::string(s(orgCode.trimmed()));
    postRegistration("/v1/register/applicant", std::move(body),
                     pick(QStringLiteral("注册成功：请用新账号联网登录"),
                          QStringLiteral("Registered: sign in online with the new account")));
}

void AppController::registerUnit(const QString& login, const QString& password, const QString& displayName,
                                 const QString& mobile, const QString& unitName, const QString& authorityCode)
{
    web::json::value body = web::json::value::object();
    body["login"] = web::json::value::string(s(login.trimmed()));
    body["password"] = web::json::value::string(s(password));
    body["displayName"] = web::json::value::string(s(displayName.trimmed()));
    body["mobile"] = web::json::value::string(s(mobile.trimmed()));
    body["name"] = web::json::value::string(s(unitName.trimmed()));
    body["authorityCode"] = web::json::value::string(s(authorityCode));
    postRegistration("/v1/register/unit", std::move(body),
                     pick(QStringLiteral("注册已提交：%1审核通过后，即可用新账号联网登录")
                              .arg(organisationName(authorityCode)),
                          QStringLiteral("Registration sent: once %1 approves it, sign in online with the "
                                         "new account")
                              .arg(organisationName(authorityCode))));
}

QVariantList AppController::recommendingAuthorities() const
{
    QVariantList out;
    for (const model::Organisation& org : model::organisations()) {
        if (model::isRecommendingAuthority(org.code))
            out.push_back(QVariantMap{{"code", q(org.code)}, {"name", q(m_english ? org.en : org.zh)}});
    }
    return out;
}

void AppController::accountRequest(client::HttpRequest request,
                                   std::function<void(Result<client::HttpResponse>)> answered)
{
    if (!m_session || m_session->offline) {
        answered(Error{"session_expired", "this needs the server: sign in online first", {}});
        return;
    }
    request.token = m_session->token;
    setBusy(true);
    auto transport = this->transport();
    runInBackground<Result<client::HttpResponse>>(
        this, [transport, request] { return transport->send(request); },
        [this, answered](Result<client::HttpResponse> response) {
            setBusy(false);
            answered(std::move(response));
        });
}

void AppController::loadPendingUnits()
{
    client::HttpRequest request;
    request.path = "/v1/units/pending";
    accountRequest(request, [this](Result<client::HttpResponse> response) {
        if (!response)
            return emit pendingUnitsLoaded({}, errorText(response.error(), m_english));
        if (response->status != 200) {
            return emit pendingUnitsLoaded(
                {},
                errorText(client::errorFromReply(*response, "the list of registrations", "try again later"),
                          m_english));
        }
        std::error_code ec;
        const auto body = web::json::value::parse(response->body, ec);
        if (ec || !body.has_array_field("units"))
            return emit pendingUnitsLoaded(
                {}, errorText(Error{"server_error", "unreadable reply", {}}, m_english));
        emit pendingUnitsLoaded(toVariant(body.at("units")).toList(), QString());
    });
}

void AppController::decideUnit(const QString& code, bool approve, const QString& reason)
{
    client::HttpRequest request;
    request.method = "POST";
    request.path = "/v1/units/" + s(code) + (approve ? "/approve" : "/reject");
    if (!approve) {
        web::json::value body = web::json::value::object();
        body["v"] = web::json::value::number(sync::kProtocolVersion);
        body["reason"] = web::json::value::string(s(reason.trimmed()));
        request.body = body.serialize();
    }
    accountRequest(request, [this, approve](Result<client::HttpResponse> response) {
        if (!response)
            return emit unitDecided(false, errorText(response.error(), m_english));
        if (response->status != 200) {
            return emit unitDecided(
                false,
                errorText(client::errorFromReply(*response, "the decision", "try again later"), m_english));
        }
        emit unitDecided(true, approve
                                   ? pick(QStringLiteral("已通过：该单位的账号现在可以登录"),
                                          QStringLiteral("Approved: the unit's account can sign in now"))
                                   : pick(QStringLiteral("已不予通过：该单位的账号不能登录，登录时会被告知"),
                                          QStringLiteral("Not approved: the unit's account cannot sign in, "
                                                         "and is told so when it tries")));
    });
}

} // namespace tepei::qt
