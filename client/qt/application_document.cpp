#include "application_document.h"

#include "app_controller.h"
#include "convert.h"
#include "form_printer.h"

#include <QDateTime>
#include <QUrl>
#include <tepei/model/kinds/application/application_kind.h>
#include <tepei/model/kinds/application/workflow.h>
#include <tepei/model/kinds/campaign/campaign_kind.h>
#include <tepei/model/reference/reference.h>
#include <tepei/model/rules/deadline.h>
#include <tepei/model/rules/eligibility.h>

namespace tepei::qt {

namespace {

// A history line's state, by its wire name, as the user reads it.
QString historyStateLabel(const char* state, bool en)
{
    const auto known = model::appStateFromString(state);
    if (!known)
        return QString::fromUtf8(state);
    return QString::fromUtf8(en ? model::labelEn(*known) : model::labelZh(*known));
}

// A value from QML as the field's JSON type; text that is not a number stays text for an Int
// field, so that validation can say what is wrong with it.
web::json::value jsonFor(const model::FieldSpec& spec, const QVariant& value)
{
    web::json::value json = toJson(value);
    if (json.is_string() && json.as_string().empty())
        return web::json::value::null();
    if (spec.type == model::FieldType::Int && json.is_string()) {
        bool ok = false;
        const int number = q(json.as_string()).trimmed().toInt(&ok);
        if (ok)
            return web::json::value::number(number);
    }
    if (spec.type == model::FieldType::Rows && json.is_array()) {
        for (auto& row : json.as_array()) {
            if (!row.is_object())
                continue;
            for (const model::ColumnSpec& column : spec.columns) {
                if (!row.has_field(column.id))
                    continue;
                auto& cell = row[column.id];
                if (cell.is_string() && cell.as_string().empty())
                    cell = web::json::value::null();
                else if (column.type == model::FieldType::Int && cell.is_string()) {
                    bool ok = false;
                    const int number = q(cell.as_string()).trimmed().toInt(&ok);
                    if (ok)
                        cell = web::json::value::number(number);
                }
            }
        }
    }
    return json;
}

} // namespace

ApplicationDocument::ApplicationDocument(QObject* parent) : QObject(parent), m_fields(new FormModel(this)) {}

bool ApplicationDocument::english() const
{
    return m_controller && m_controller->english();
}

void ApplicationDocument::setController(AppController* controller)
{
    if (controller == m_controller)
        return;
    if (m_controller)
        disconnect(m_controller, nullptr, this, nullptr);
    m_controller = controller;
    if (m_controller) {
        connect(m_controller, &AppController::revisionChanged, this, [this] {
            if (m_edits.empty())
                reload();
        });
        connect(m_controller, &AppController::languageChanged, this, [this] {
            recheck();
            m_fields->allChanged();
            emit loaded();
        });
    }
    emit controllerChanged();
    reload();
}

void ApplicationDocument::setRecordId(const QString& id)
{
    if (id == m_recordId)
        return;
    m_recordId = id;
    m_edits.clear();
    emit recordIdChanged();
    reload();
}

void ApplicationDocument::reload()
{
    m_app.reset();
    m_campaign.reset();
    m_digest.clear();
    m_pending = false;
    if (m_controller && m_controller->replica() && !m_recordId.isEmpty()) {
        const std::string id = s(m_recordId);
        m_controller->replica()->withStore([&](const client::LocalStore& st) {
            const model::Fold& fold = st.tentative();
            if (const model::Application* app = model::findApplication(fold, id)) {
                m_app = *app;
                m_digest = q(model::contentDigest(*app));
                if (const model::Campaign* c = model::findCampaign(fold, app->campaign))
                    m_campaign = *c;
            }
        });
        if (m_app) {
            for (const model::HistoryEntry& h : m_app->history)
                m_pending = m_pending || h.seq == 0;
        }
    }
    recheck();
    m_fields->allChanged();
    emit loaded();
}

model::FieldMap ApplicationDocument::merged() const
{
    model::FieldMap values = m_app ? m_app->values : model::FieldMap{};
    for (const auto& [key, value] : m_edits)
        values.insert_or_assign(key, value);
    return values;
}

void ApplicationDocument::recheck()
{
    m_errors.clear();
    m_eligibility.clear();
    m_problems.clear();
    if (m_campaign) {
        const bool en = english();
        const model::FieldMap values = merged();
        for (const auto& [key, value] : values) {
            if (const model::FieldSpec* spec = model::findField(key)) {
                if (auto reason = model::validateFieldValue(*spec, value, *m_campaign))
                    m_errors[key] = reasonText(*reason, en);
            }
        }
        for (const model::Reason& r : model::checkEligibility(values, *m_campaign))
            m_eligibility.push_back(reasonText(r, en));
        for (const auto& problem : model::validateForSubmission(values, *m_campaign))
            m_problems.push_back(reasonText(problem.second, en)); // the reason names its field
    }
    emit checked();
}

QVariant ApplicationDocument::value(const std::string& fieldId) const
{
    const model::FieldSpec* spec = model::findField(fieldId);
    const auto edit = m_edits.find(fieldId);
    web::json::value json;
    if (edit != m_edits.end()) {
        json = edit->second;
    } else if (m_app) {
        const auto it = m_app->values.find(fieldId);
        if (it != m_app->values.end())
            json = it->second;
    }
    if (spec && spec->type == model::FieldType::Enum && json.is_number())
        return QString::number(json.as_number().to_int64());
    return toVariant(json);
}

QString ApplicationDocument::error(const std::string& fieldId) const
{
    const auto it = m_errors.find(fieldId);
    return it == m_errors.end() ? QString() : it->second;
}

QString ApplicationDocument::setValue(const QString& fieldId, const QVariant& value)
{
    const model::FieldSpec* spec = model::findField(s(fieldId));
    if (!spec || !editable())
        return {};
    const web::json::value json = jsonFor(*spec, value);
    const auto current = m_app ? m_app->values.find(spec->id) : model::FieldMap::const_iterator{};
    const bool same = m_app && current != m_app->values.end() ? current->second == json : json.is_null();
    if (same)
        m_edits.erase(spec->id);
    else
        m_edits.insert_or_assign(spec->id, json);
    recheck();
    m_fields->fieldChanged(spec->id);
    m_fields->errorsChanged(); // cross-field messages may move with any field
    return error(spec->id);
}

QString ApplicationDocument::save()
{
    if (m_edits.empty())
        return {};
    if (!m_controller || !m_controller->replica())
        return QStringLiteral("not signed in");
    web::json::value fields = web::json::value::object();
    for (const auto& [key, value] : m_edits)
        fields[key] = value;
    auto verdict = m_controller->replica()->setFields(model::kKindApplication, s(m_recordId), fields);
    if (!verdict)
        return errorText(verdict.error(), english());
    if (!verdict->accepted)
        return reasonText(verdict->reason, english());
    m_edits.clear();
    m_controller->localChangeMade(); // reloads through revisionChanged
    return {};
}

void ApplicationDocument::discard()
{
    m_edits.clear();
    reload();
}

QString ApplicationDocument::act(const QString& action, const QString& comment)
{
    const auto a = model::appActionFromString(s(action));
    if (!m_controller || !m_controller->replica() || !m_app || !a)
        return QStringLiteral("unknown action");
    model::Command command;
    command.name = s(action);
    command.comment = s(comment.trimmed());
    if (model::requiresDigest(*a))
        command.digest = s(m_digest); // what this reviewer saw
    if (const auto missing = model::checkCommandArguments(*a, command))
        return reasonText(*missing, english());
    if (*a == model::AppAction::Submit) {
        if (const QString saved = save(); !saved.isEmpty())
            return saved;
    }
    auto verdict =
        m_controller->replica()->command(model::kKindApplication, s(m_recordId), std::move(command));
    m_controller->localChangeMade();
    if (!verdict)
        return errorText(verdict.error(), english());
    return verdict->accepted ? QString() : reasonText(verdict->reason, english());
}

QString ApplicationDocument::state() const
{
    return m_app ? QString::fromLatin1(model::toString(m_app->state)) : QString();
}

QString ApplicationDocument::stateLabel() const
{
    if (!m_app)
        return {};
    QString label =
        QString::fromUtf8(english() ? model::labelEn(m_app->state) : model::labelZh(m_app->state));
    if (m_pending)
        label += english() ? QStringLiteral(" (not yet uploaded)") : QStringLiteral("（待上传）");
    return label;
}

bool ApplicationDocument::editable() const
{
    const auto who = m_controller ? m_controller->identity() : std::nullopt;
    return m_app && model::isEditable(m_app->state) && who && who->userId == m_app->owner;
}

QString ApplicationDocument::name() const
{
    return m_app ? q(m_app->text("name")) : QString();
}

QString ApplicationDocument::authorityName() const
{
    return m_app && m_controller ? m_controller->organisationName(q(m_app->authority())) : QString();
}

bool ApplicationDocument::grassroots() const
{
    const QVariant v = value("grassroots");
    return v.isValid() && v.toBool();
}

bool ApplicationDocument::nonPublic() const
{
    return model::effectiveNonPublic(merged());
}

QVariantList ApplicationDocument::history() const
{
    QVariantList out;
    if (!m_app)
        return out;
    const bool en = english();
    const std::string me = m_controller && m_controller->identity() ? m_controller->identity()->userId : "";
    const auto replica = m_controller ? m_controller->replica() : nullptr;
    const std::string here = replica ? replica->site() : std::string();
    for (const model::HistoryEntry& h : m_app->history) {
        const auto action = model::appActionFromString(h.action);
        const auto role = model::roleFromString(h.role);
        // A change in force says nothing more; one refused says why; one not uploaded says so.
        QString verdict = h.verdict.accepted
                              ? QString()
                              : (en ? QStringLiteral("Not in force: ") : QStringLiteral("未生效：")) +
                                    reasonText(h.verdict.reason, en);
        if (h.seq == 0)
            verdict += en ? QStringLiteral("Not uploaded yet") : QStringLiteral("尚未上传");
        QString when = QDateTime::fromMSecsSinceEpoch(h.hlc.wallMs).toString("yyyy-MM-dd HH:mm");
        if (m_campaign && model::lateReceipt(*m_campaign, h.hlc.wallMs, h.receivedMs)) // R-APP-7
            when += (en ? QStringLiteral(" (made offline; the server received it on %1)")
                        : QStringLiteral("（离线办理，服务器于 %1 收到）"))
                        .arg(QDateTime::fromMSecsSinceEpoch(h.receivedMs).toString("yyyy-MM-dd HH:mm"));
        out.push_back(QVariantMap{
            {"who", h.author == me ? (en ? QStringLiteral("me") : QStringLiteral("本人"))
                                   : m_controller->personLabel(q(h.author))},
            {"role",
             role ? QString::fromUtf8(en ? model::labelEn(*role) : model::labelZh(*role)) : QString()},
            {"when", when},
            {"device", h.site == here ? (en ? QStringLiteral("this device") : QStringLiteral("本机"))
                                      : (en ? QStringLiteral("another device") : QStringLiteral("其他设备"))},
            {"action",
             action ? QString::fromUtf8(en ? model::labelEn(*action) : model::labelZh(*action))
                    : (en ? (h.fieldCount() == 1 ? QStringLiteral("Edited 1 field")
                                                 : QStringLiteral("Edited %1 fields").arg(h.fieldCount()))
                          : QStringLiteral("修改 %1 项").arg(h.fieldCount()))},
            {"decision", historyStateLabel(h.after, en)},
            {"comment", q(h.comment)},
            {"actionCode", q(h.action)},
            {"accepted", h.verdict.accepted},
            {"verdict", verdict}});
    }
    return out;
}

QVariantList ApplicationDocument::actions() const
{
    QVariantList out;
    const auto who = m_controller ? m_controller->identity() : std::nullopt;
    const auto role = who ? model::roleFromString(who->role) : std::nullopt;
    if (!m_app || !role)
        return out;
    const bool en = english();
    for (model::AppAction a : model::allowedActions(m_app->state, *role)) {
        if (*role == model::Role::Applicant && who->userId != m_app->owner)
            continue;
        if (a == model::AppAction::RecordPaperReceipt && m_app->paperReceived)
            continue; // recorded once; the page says when and by whom
        if (a == model::AppAction::RecordReturn)
            continue; // R-TRN-3: the return has a form of its own (学员培养: 登记返岗), not a comment box
        QString why;
        if (a == model::AppAction::AuthorityApprove &&
            m_controller->quota(q(m_app->authority())).value("remaining").toInt() <= 0) {
            why = en ? QStringLiteral(
                           "All places of this authority are approved: an approval would be refused. "
                           "Ask the centre if the allocation should change.")
                     : QStringLiteral("本推荐单位的名额已全部审核通过，再通过将被拒绝；如需调整名额请联系自治"
                                      "区人事人才公共服务中心");
        }
        out.push_back(QVariantMap{{"action", QString::fromLatin1(model::toString(a))},
                                  {"label", QString::fromUtf8(en ? model::labelEn(a) : model::labelZh(a))},
                                  {"needsComment", model::requiresComment(a)},
                                  {"enabled", why.isEmpty()},
                                  {"why", why}});
    }
    return out;
}

QString ApplicationDocument::paperReceipt() const
{
    if (!m_app || !m_app->paperReceived || !m_controller)
        return {};
    for (auto it = m_app->history.rbegin(); it != m_app->history.rend(); ++it) {
        if (it->action != model::toString(model::AppAction::RecordPaperReceipt) || !it->verdict.accepted)
            continue;
        const QString when =
            QDateTime::fromMSecsSinceEpoch(it->hlc.wallMs).toString(QStringLiteral("yyyy-MM-dd"));
        return english() ? QStringLiteral("Paper copies received on %1 (recorded by %2)")
                               .arg(when, m_controller->personLabel(q(it->author)))
                         : QStringLiteral("纸质材料已于 %1 收到（%2 登记）")
                               .arg(when, m_controller->personLabel(q(it->author)));
    }
    return english() ? QStringLiteral("Paper copies received") : QStringLiteral("纸质材料已收到");
}

QString ApplicationDocument::print(const QString& fileUrl) const
{
    if (!m_controller || !m_app || !m_campaign)
        return QStringLiteral("no application");
    const QString path = localPath(fileUrl);
    AppController* controller = m_controller;
    return printApplicationForm(
        *m_app, *m_campaign, m_digest, path, controller->nowMs(),
        [controller](const std::string& id) { return controller->personLabel(q(id)); });
}

} // namespace tepei::qt
