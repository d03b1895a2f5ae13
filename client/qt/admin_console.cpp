// AdminConsole: the administrator's lists and changes, online (admin_console.h).
#include "admin_console.h"

#include "app_controller.h"
#include "convert.h"

#include <QDateTime>
#include <tepei/model/kinds/application/workflow.h>
#include <tepei/sync/messages.h>

namespace tepei::qt {

namespace {

namespace json = web::json;

// "2026-12-01T08:00:00Z" as local time for people; "" for none.
QString localTime(const QVariant& iso)
{
    if (iso.isNull() || iso.toString().isEmpty())
        return {};
    return QDateTime::fromString(iso.toString(), Qt::ISODate).toLocalTime().toString("yyyy-MM-dd HH:mm");
}

struct Label {
    const char* code;
    const char* zh;
    const char* en;
};

constexpr Label kKinds[] = {{"centre", "服务中心", "Centre"},
                            {"authority", "推荐单位（盟市）", "Recommending authority"},
                            {"work_unit", "工作单位", "Work unit"},
                            {"training_unit", "培养单位", "Training unit"}};
constexpr Label kStatuses[] = {{"active", "正常", "Active"},
                               {"pending", "待审核", "Awaiting approval"},
                               {"rejected", "注册未通过", "Registration refused"},
                               {"disabled", "已停用", "Disabled"}};
constexpr Label kActions[] = {{"org_add", "新增单位", "Organisation added"},
                              {"user_add", "新增账号", "Account added"},
                              {"user_disable", "停用账号", "Account disabled"},
                              {"user_enable", "启用账号", "Account enabled"},
                              {"password_reset", "重置密码", "Password reset"},
                              {"unit_approve", "通过单位注册", "Unit registration approved"},
                              {"unit_reject", "退回单位注册", "Unit registration refused"}};

template <std::size_t N> QString labelOf(const Label (&labels)[N], const QString& code, bool english)
{
    for (const Label& l : labels)
        if (code == QLatin1String(l.code))
            return QString::fromUtf8(english ? l.en : l.zh);
    return code;
}

QVariantList listOf(const QString& body, const char* key)
{
    std::error_code ec;
    const auto v = json::value::parse(s(body), ec);
    if (ec || !v.has_array_field(key))
        return {};
    return toVariant(v.at(key)).toList();
}

} // namespace

AdminConsole::AdminConsole(QObject* parent) : QObject(parent) {}

void AdminConsole::setController(AppController* controller)
{
    if (m_controller == controller)
        return;
    if (m_controller)
        disconnect(m_controller, nullptr, this, nullptr);
    m_controller = controller;
    if (controller) {
        // Labels are in the interface language, and the lists are the signed-in person's.
        connect(controller, &AppController::languageChanged, this, &AdminConsole::reload);
        connect(controller, &AppController::sessionChanged, this, &AdminConsole::reload);
    }
    emit controllerChanged();
    reload();
}

QString AdminConsole::pick(const char* zh, const char* en) const
{
    return QString::fromUtf8(m_controller && m_controller->english() ? en : zh);
}

void AdminConsole::setFilter(const QString& filter)
{
    if (filter == m_filter)
        return;
    m_filter = filter;
    refilter();
}

QVariantList AdminConsole::filtered(const QVariantList& rows, const QStringList& keys) const
{
    const QString needle = m_filter.trimmed();
    if (needle.isEmpty())
        return rows;
    QVariantList out;
    for (const QVariant& row : rows) {
        const QVariantMap m = row.toMap();
        for (const QString& key : keys) {
            if (m.value(key).toString().contains(needle, Qt::CaseInsensitive)) {
                out.push_back(row);
                break;
            }
        }
    }
    return out;
}

// The rows shown are kept, filtered once when the filter or a list changes, rather than at each
// read: a page reads them several times per change (the list, its counts).
void AdminConsole::refilter()
{
    m_shownUsers = filtered(m_users, {"displayName", "login", "orgName", "orgCode", "roleLabel", "mobile"});
    m_shownOrgs = filtered(m_orgs, {"code", "name", "parentName", "kindLabel"});
    m_shownDevices = filtered(m_devices, {"displayName", "login", "orgName", "site", "address"});
    emit listsChanged();
}

QVariantList AdminConsole::roleChoices() const
{
    QVariantList out;
    const bool en = m_controller && m_controller->english();
    for (const auto role :
         {model::Role::Applicant, model::Role::UnitReviewer, model::Role::AuthorityReviewer,
          model::Role::CentreOfficer, model::Role::TrainingUnitOfficer, model::Role::Administrator}) {
        out.push_back(
            QVariantMap{{"code", QString::fromUtf8(model::toString(role))},
                        {"label", QString::fromUtf8(en ? model::labelEn(role) : model::labelZh(role))}});
    }
    return out;
}

QVariantList AdminConsole::orgKindChoices() const
{
    QVariantList out;
    for (const Label& l : kKinds)
        out.push_back(QVariantMap{{"code", l.code}, {"label", pick(l.zh, l.en)}});
    return out;
}

QVariantList AdminConsole::orgsForRole(const QString& role) const
{
    const QString kind = role == "applicant" || role == "unit_reviewer" ? "work_unit"
                         : role == "authority_reviewer"                 ? "authority"
                         : role == "training_unit_officer"              ? "training_unit"
                                                                        : "centre";
    QVariantList out;
    for (const QVariant& row : m_orgs) {
        const QVariantMap m = row.toMap();
        if (m.value("kind") == kind && m.value("status") == "active")
            out.push_back(QVariantMap{{"code", m.value("code")}, {"name", m.value("name")}});
    }
    return out;
}

QVariantList AdminConsole::parentsForKind(const QString& kind) const
{
    const QString parentKind = kind == "work_unit" ? "authority" : kind == "authority" ? "centre" : QString();
    QVariantList out;
    for (const QVariant& row : m_orgs) {
        const QVariantMap m = row.toMap();
        if (!parentKind.isEmpty() && m.value("kind") == parentKind && m.value("status") == "active")
            out.push_back(QVariantMap{{"code", m.value("code")}, {"name", m.value("name")}});
    }
    return out;
}

void AdminConsole::get(const std::string& path, void (AdminConsole::*read)(const QString& body))
{
    if (!m_controller)
        return;
    client::HttpRequest request;
    request.path = path;
    ++m_pending;
    emit stateChanged();
    QPointer<AdminConsole> self(this);
    m_controller->accountRequest(request, [self, read](Result<client::HttpResponse> response) {
        if (!self)
            return;
        --self->m_pending;
        const bool en = self->m_controller && self->m_controller->english();
        if (!response) {
            self->m_error = errorText(response.error(), en);
        } else if (response->status != 200) {
            self->m_error = errorText(
                client::errorFromReply(*response, "the administrator's lists", "try again later"), en);
        } else {
            (self->*read)(q(response->body));
            if (self->m_pending == 0) {
                self->m_error.clear();
                self->m_loadedAt = QDateTime::currentDateTime().toString("yyyy-MM-dd HH:mm");
            }
        }
        emit self->stateChanged();
    });
}

void AdminConsole::reload()
{
    if (!m_controller || !m_controller->signedIn())
        return;
    // The organisations first: the users' rows name them.
    get("/v1/admin/orgs", &AdminConsole::readOrgs);
    get("/v1/admin/users", &AdminConsole::readUsers);
    get("/v1/admin/devices", &AdminConsole::readDevices);
    get("/v1/admin/audit?limit=200", &AdminConsole::readAudit);
}

void AdminConsole::loadMoreAudit()
{
    if (m_audit.isEmpty() || !m_auditMore)
        return;
    const auto last = m_audit.back().toMap().value("id").toLongLong();
    get("/v1/admin/audit?limit=200&before=" + std::to_string(last), &AdminConsole::appendAudit);
}

void AdminConsole::readOrgs(const QString& body)
{
    QVariantList rows = listOf(body, "orgs");
    QMap<QString, QString> names;
    for (const QVariant& row : rows)
        names.insert(row.toMap().value("code").toString(), row.toMap().value("name").toString());
    const bool en = m_controller && m_controller->english();
    for (QVariant& row : rows) {
        QVariantMap m = row.toMap();
        m["kindLabel"] = labelOf(kKinds, m.value("kind").toString(), en);
        m["statusLabel"] = labelOf(kStatuses, m.value("status").toString(), en);
        m["parentName"] = names.value(m.value("parent").toString());
        row = m;
    }
    m_orgs = rows;
    refilter();
}

void AdminConsole::readUsers(const QString& body)
{
    QVariantList rows = listOf(body, "users");
    const bool en = m_controller && m_controller->english();
    for (QVariant& row : rows) {
        QVariantMap m = row.toMap();
        const auto role = model::roleFromString(s(m.value("role").toString()));
        m["roleLabel"] = role ? QString::fromUtf8(en ? model::labelEn(*role) : model::labelZh(*role))
                              : m.value("role").toString();
        m["statusLabel"] = labelOf(kStatuses, m.value("status").toString(), en);
        m["lastSync"] = localTime(m.value("lastSync"));
        row = m;
    }
    m_users = rows;
    refilter();
}

void AdminConsole::readDevices(const QString& body)
{
    QVariantList rows = listOf(body, "devices");
    for (QVariant& row : rows) {
        QVariantMap m = row.toMap();
        m["firstSync"] = localTime(m.value("firstSync"));
        m["lastSync"] = localTime(m.value("lastSync"));
        row = m;
    }
    m_devices = rows;
    refilter();
}

QString AdminConsole::personLabel(const QString& userId, const QString& login) const
{
    for (const QVariant& row : m_users) {
        const QVariantMap m = row.toMap();
        if (m.value("userId") == userId)
            return QStringLiteral("%1（%2）").arg(m.value("displayName").toString(), login);
    }
    return userId == QLatin1String("tepei-admin")
               ? pick("服务器命令行 tepei-admin", "tepei-admin on the server")
               : login;
}

QString AdminConsole::detailText(const QString& action, const QString& detail) const
{
    // The server writes "<role> <org code> <name>" for a new account and "<kind> <name>" for a new
    // organisation: shown with the labels and names of this page.
    const bool en = m_controller && m_controller->english();
    QStringList words = detail.split(QLatin1Char(' '));
    if (action == QLatin1String("user_add") && words.size() >= 3) {
        const auto role = model::roleFromString(s(words[0]));
        QString org = words[1];
        for (const QVariant& row : m_orgs)
            if (row.toMap().value("code") == words[1])
                org = row.toMap().value("name").toString();
        const QString who = words.mid(2).join(QLatin1Char(' '));
        return QStringLiteral("%1 · %2 · %3")
            .arg(who, role ? QString::fromUtf8(en ? model::labelEn(*role) : model::labelZh(*role)) : words[0],
                 org);
    }
    if (action == QLatin1String("org_add") && words.size() >= 2)
        return labelOf(kKinds, words[0], en) + QStringLiteral(" · ") + words.mid(1).join(QLatin1Char(' '));
    return detail;
}

void AdminConsole::appendAudit(const QString& body)
{
    std::error_code ec;
    const auto v = json::value::parse(s(body), ec);
    m_auditMore = !ec && v.has_boolean_field("more") && v.at("more").as_bool();
    const bool en = m_controller && m_controller->english();
    for (QVariant row : listOf(body, "entries")) {
        QVariantMap m = row.toMap();
        m["at"] = localTime(m.value("at"));
        m["actor"] = personLabel(m.value("actorId").toString(), m.value("actorLogin").toString());
        m["actionLabel"] = labelOf(kActions, m.value("action").toString(), en);
        m["detail"] = detailText(m.value("action").toString(), m.value("detail").toString());
        m_audit.push_back(m);
    }
    emit listsChanged();
}

void AdminConsole::readAudit(const QString& body)
{
    m_audit.clear();
    appendAudit(body);
}

void AdminConsole::post(const std::string& path, json::value body, const QString& done)
{
    if (!m_controller)
        return;
    body["v"] = json::value::number(sync::kProtocolVersion);
    client::HttpRequest request;
    request.method = "POST";
    request.path = path;
    request.body = body.serialize();
    ++m_pending;
    emit stateChanged();
    QPointer<AdminConsole> self(this);
    m_controller->accountRequest(request, [self, done](Result<client::HttpResponse> response) {
        if (!self)
            return;
        --self->m_pending;
        emit self->stateChanged();
        const bool en = self->m_controller && self->m_controller->english();
        if (!response)
            return emit self->actionFinished(false, errorText(response.error(), en), QString());
        if (response->status != 200 && response->status != 201) {
            const Error e =
                client::errorFromReply(*response, "the change", "check the entries and try again");
            const QString field = e.field.empty() ? QString() : QStringLiteral("（%1）").arg(q(e.field));
            return emit self->actionFinished(false, errorText(e, en) + field, QString());
        }
        std::error_code ec;
        const auto reply = json::value::parse(response->body, ec);
        const QString password = !ec && reply.has_string_field("temporaryPassword")
                                     ? q(reply.at("temporaryPassword").as_string())
                                     : QString();
        emit self->actionFinished(true, done, password);
        self->reload();
    });
}

namespace {
json::value fields(std::initializer_list<std::pair<const char*, QString>> values)
{
    json::value v = json::value::object();
    for (const auto& [key, value] : values)
        v[key] = json::value::string(s(value.trimmed()));
    return v;
}
} // namespace

void AdminConsole::addOrg(const QString& code, const QString& kind, const QString& name,
                          const QString& parent, const QString& reason)
{
    json::value body = fields({{"code", code}, {"kind", kind}, {"name", name}, {"reason", reason}});
    if (!parent.isEmpty())
        body["parent"] = json::value::string(s(parent));
    post("/v1/admin/orgs", std::move(body),
         pick("已新增单位", "Organisation added") +
             QStringLiteral("：%1 %2").arg(code.trimmed(), name.trimmed()));
}

void AdminConsole::addUser(const QString& login, const QString& displayName, const QString& role,
                           const QString& orgCode, const QString& mobile, const QString& reason)
{
    json::value body = fields({{"login", login},
                               {"displayName", displayName},
                               {"role", role},
                               {"orgCode", orgCode},
                               {"reason", reason}});
    if (!mobile.trimmed().isEmpty())
        body["mobile"] = json::value::string(s(mobile.trimmed()));
    post("/v1/admin/users", std::move(body),
         pick("已新增账号 %1：请把下面的临时密码告知本人，本人用它登录",
              "Account %1 added: give the temporary "
              "password below to the person, who "
              "signs in with it")
             .arg(login.trimmed()));
}

void AdminConsole::setUserEnabled(const QString& userId, bool enabled, const QString& reason)
{
    post("/v1/admin/users/" + s(userId) + (enabled ? "/enable" : "/disable"), fields({{"reason", reason}}),
         enabled
             ? pick("账号已启用：本人现在可以登录", "Account enabled: the person can sign in again")
             : pick("账号已停用：本人已退出登录，且不能再登录", "Account disabled: the person is signed out "
                                                                "and cannot sign in"));
}

void AdminConsole::resetPassword(const QString& userId, const QString& reason)
{
    post("/v1/admin/users/" + s(userId) + "/password", fields({{"reason", reason}}),
         pick("密码已重置：请把下面的临时密码告知本人；本人在各设备上已退出登录，需用新密码重新登录",
              "Password reset: give the temporary password below to the person; they are signed out on "
              "every device and sign in with it"));
}

} // namespace tepei::qt
