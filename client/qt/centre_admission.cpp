#include "centre_admission.h"

#include "app_controller.h"
#include "convert.h"
#include "follow_controller.h"
#include "xlsx_table.h"

#include <QDate>
#include <QDateTime>
#include <QRegularExpression>
#include <algorithm>
#include <tepei/model/kinds/application/application_kind.h>
#include <tepei/model/kinds/campaign/campaign_kind.h>
#include <tepei/sync/ids.h>

namespace tepei::qt {

namespace {

constexpr const char* kFieldIdNumber = "id_number";
constexpr const char* kFieldIntended = "training_unit_1";
constexpr const char* kFieldDirection = "training_direction";

// A table's cells: tabs when a line has one (what Excel copies), otherwise commas.
QStringList cellsOf(const QString& line)
{
    QStringList cells = line.contains(QLatin1Char('\t'))
                            ? line.split(QLatin1Char('\t'))
                            : line.split(QRegularExpression(QStringLiteral("[,，]")));
    for (QString& cell : cells)
        cell = cell.trimmed();
    return cells;
}

bool isHeader(const QStringList& cells)
{
    const QString first = cells.value(0);
    return first.contains(QStringLiteral("身份证")) || first.contains(QStringLiteral("姓名")) ||
           first.contains(QStringLiteral("ID"), Qt::CaseInsensitive) ||
           first.contains(QStringLiteral("Name"), Qt::CaseInsensitive);
}

// A date as people write it in a table (2024-09-01, 2024/9/1, 2024.9.1), as ISO; or the text.
QString isoDate(const QString& text)
{
    static const QRegularExpression form(QStringLiteral("^(\\d{4})[-/.年](\\d{1,2})[-/.月](\\d{1,2})日?$"));
    const auto m = form.match(text);
    if (!m.hasMatch())
        return text;
    const QDate date(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt());
    return date.isValid() ? date.toString(Qt::ISODate) : text;
}

} // namespace

CentreAdmission::CentreAdmission(QObject* parent) : QObject(parent) {}

void CentreAdmission::setController(AppController* controller)
{
    if (followController(this, m_controller, controller, [this] { reload(); }))
        emit controllerChanged();
}

void CentreAdmission::reload()
{
    m_units.clear();
    m_candidates.clear();
    if (!m_controller || !m_controller->replica()) {
        emit changed();
        return;
    }
    const std::string campaignId = s(m_controller->campaignId());
    const bool en = m_controller->english();
    std::vector<QVariantMap> rows;
    m_controller->replica()->withStore([&](const client::LocalStore& st) {
        const model::Campaign* campaign = model::findCampaign(st.tentative(), campaignId);
        if (!campaign)
            return;
        for (const model::RefItem& unit : campaign->trainingUnits)
            m_units.push_back(QVariantMap{{"code", q(unit.code)}, {"name", q(en ? unit.en : unit.zh)}});
        for (const auto& [id, app] : model::applications(st.tentative())) {
            if (app.campaign != campaignId || app.state != model::AppState::AuthorityApproved)
                continue;
            rows.push_back(QVariantMap{{"recordId", q(id)},
                                       {"name", q(app.text("name"))},
                                       {"idNumber", q(app.text(kFieldIdNumber))},
                                       {"employer", q(app.text("employer"))},
                                       {"authority", q(app.authority())},
                                       {"paperReceived", app.paperReceived},
                                       {"intended", q(app.text(kFieldIntended))},
                                       {"direction", q(app.text(kFieldDirection))}});
        }
    });
    for (QVariantMap& row : rows)
        row.insert("authorityName", m_controller->organisationName(row.value("authority").toString()));
    std::sort(rows.begin(), rows.end(), [](const QVariantMap& a, const QVariantMap& b) {
        const auto key = [](const QVariantMap& r) {
            return std::make_pair(r.value("authorityName").toString(), r.value("name").toString());
        };
        return key(a) < key(b);
    });
    for (QVariantMap& row : rows)
        m_candidates.push_back(std::move(row));
    emit changed();
}

int CentreAdmission::previewAccepted() const
{
    return static_cast<int>(std::count_if(m_planned.begin(), m_planned.end(),
                                          [](const Planned& p) { return p.row.value("ok").toBool(); }));
}

QString CentreAdmission::defaultEnd(const QString& start) const
{
    const auto date = model::parseDate(s(start.trimmed()));
    if (!date || !m_controller || !m_controller->replica())
        return {};
    const std::string campaignId = s(m_controller->campaignId());
    const int months = m_controller->replica()->withStore([&](const client::LocalStore& st) {
        const model::Campaign* campaign = model::findCampaign(st.tentative(), campaignId);
        return campaign ? campaign->trainingPeriodMonths : 0;
    });
    return months > 0 ? q(model::toString(model::addDays(model::addMonths(*date, months), -1))) : QString();
}

model::Command CentreAdmission::admission(const QString& unit, const QString& major, const QString& start,
                                          const QString& end) const
{
    model::Command command;
    command.name = model::toString(model::AppAction::Admit);
    command.set(model::kArgTrainingUnit, s(unit.trimmed()))
        .set(model::kArgMajor, s(major.trimmed()))
        .set(model::kArgStart, s(start.trimmed()));
    if (!end.trimmed().isEmpty())
        command.set(model::kArgEnd, s(end.trimmed()));
    return command;
}

void CentreAdmission::judgeInOrder(std::vector<Planned>& planned) const
{
    const auto who = m_controller->identity();
    auto replica = m_controller->replica();
    const bool en = m_controller->english();
    replica->withStore([&](const client::LocalStore& st) {
        model::Fold trial = st.tentative(); // a copy: the real state is not touched
        for (Planned& p : planned) {
            if (p.row.contains("ok"))
                continue; // already refused while reading the row
            p.command.role = who ? who->role : std::string();
            sync::Change change;
            change.id = sync::newUuid();
            change.author = who ? who->userId : std::string();
            change.site = replica->site();
            change.hlc = sync::Hlc{QDateTime::currentMSecsSinceEpoch(), 0};
            change.recordKind = model::kKindApplication;
            change.recordId = p.recordId;
            change.op = sync::ChangeOp::Command;
            change.payload = p.command.toPayload();
            const model::Verdict verdict = trial.applyTentative(change);
            p.row.insert("ok", verdict.accepted);
            p.row.insert("message", verdict.accepted
                                        ? (en ? QStringLiteral("Will be admitted") : QStringLiteral("将录取"))
                                        : reasonText(verdict.reason, en));
        }
    });
}

QVariantMap CentreAdmission::admitOne(const std::string& recordId, model::Command command)
{
    const bool en = m_controller->english();
    auto verdict = m_controller->replica()->command(model::kKindApplication, recordId, std::move(command));
    if (!verdict)
        return {{"ok", false}, {"message", errorText(verdict.error(), en)}};
    return {{"ok", verdict->accepted},
            {"message", verdict->accepted ? (en ? QStringLiteral("Admitted (uploaded at the next sync)")
                                                : QStringLiteral("已录取（下次同步时上传）"))
                                          : reasonText(verdict->reason, en)}};
}

QVariantList CentreAdmission::admit(const QStringList& recordIds, const QString& trainingUnit,
                                    const QString& major, const QString& start, const QString& end)
{
    QVariantList results;
    if (!m_controller || !m_controller->replica())
        return results;
    std::vector<Planned> planned;
    for (const QString& id : recordIds) {
        Planned p;
        p.recordId = s(id);
        p.row = QVariantMap{{"recordId", id}};
        QString ownMajor = major;
        for (const QVariant& c : m_candidates) {
            if (c.toMap().value("recordId") != id)
                continue;
            p.row.insert("name", c.toMap().value("name"));
            if (ownMajor.trimmed().isEmpty())
                ownMajor = c.toMap().value("direction").toString(); // the applicant's own 培养方向
        }
        p.command = admission(trainingUnit, ownMajor, start, end);
        planned.push_back(std::move(p));
    }
    judgeInOrder(planned);
    bool queued = false;
    for (Planned& p : planned) {
        if (p.row.value("ok").toBool()) {
            const QVariantMap real = admitOne(p.recordId, p.command);
            p.row.insert(real);
            queued = true;
        }
        results.push_back(p.row);
    }
    if (queued)
        m_controller->localChangeMade();
    return results;
}

void CentreAdmission::judge(const QString& table)
{
    std::vector<std::pair<int, QStringList>> rows;
    const QStringList lines = table.split(QRegularExpression(QStringLiteral("\r?\n")));
    for (int i = 0; i < lines.size(); ++i) {
        const QStringList cells = cellsOf(lines[i]);
        if (cells.join(QString()).isEmpty() || (rows.empty() && isHeader(cells)))
            continue;
        rows.emplace_back(i + 1, cells);
    }
    judgeRows(rows);
}

QString CentreAdmission::judgeFile(const QString& fileUrl)
{
    const bool en = m_controller && m_controller->english();
    auto sheet = readFirstSheet(localPath(fileUrl));
    if (!sheet) {
        clearPreview();
        return errorText(sheet.error(), en);
    }
    // The header row: the first that names the applicant (身份证号 or 姓名) and the training unit.
    for (std::size_t h = 0; h < sheet->size(); ++h) {
        const QStringList& header = (*sheet)[h];
        const auto find = [&](std::initializer_list<const char*> names, const char* unless = nullptr) {
            for (const char* name : names)
                for (int c = 0; c < header.size(); ++c)
                    if (header[c].contains(QString::fromUtf8(name)) &&
                        !(unless && header[c].contains(QString::fromUtf8(unless))))
                        return c;
            return -1;
        };
        const int id = find({"身份证"});
        const int name = find({"姓名"});
        const int unit = find({"培养单位"}, "意向");
        if ((id < 0 && name < 0) || unit < 0)
            continue;
        const int major = find({"培养专业", "培养方向"}, "拟");
        const int start = find({"开始"});
        const int end = find({"结束"});
        std::vector<std::pair<int, QStringList>> rows;
        for (std::size_t r = h + 1; r < sheet->size(); ++r) {
            const QStringList& row = (*sheet)[r];
            if (row.join(QString()).trimmed().isEmpty())
                continue;
            const QString key = id >= 0 && !row.value(id).isEmpty() ? row.value(id) : row.value(name);
            rows.emplace_back(static_cast<int>(r) + 1,
                              QStringList{key, row.value(unit), major < 0 ? QString() : row.value(major),
                                          excelDate(start < 0 ? QString() : row.value(start)),
                                          excelDate(end < 0 ? QString() : row.value(end))});
        }
        judgeRows(rows);
        return {};
    }
    clearPreview();
    return en ? QStringLiteral("The first sheet has no header row with 身份证号 (or 姓名) and 培养单位; add "
                               "those column headers (see the table to paste) and import again")
              : QStringLiteral("第一个工作表中没有含“身份证号”（或“姓名”）和“培养单位”的表头行：请加上这些列"
                               "标题后重新导入");
}

void CentreAdmission::judgeRows(const std::vector<std::pair<int, QStringList>>& rows)
{
    m_planned.clear();
    if (!m_controller || !m_controller->replica()) {
        emit previewChanged();
        return;
    }
    const bool en = m_controller->english();
    const std::string campaignId = s(m_controller->campaignId());
    m_controller->replica()->withStore([&](const client::LocalStore& st) {
        const model::Campaign* campaign = model::findCampaign(st.tentative(), campaignId);
        for (const auto& [line, cells] : rows)
            m_planned.push_back(readRow(st.tentative(), campaign, cells, line, en));
    });
    judgeInOrder(m_planned);
    m_preview.clear();
    for (const Planned& p : m_planned)
        m_preview.push_back(p.row);
    emit previewChanged();
}

CentreAdmission::Planned CentreAdmission::readRow(const model::Fold& state, const model::Campaign* campaign,
                                                  const QStringList& cells, int line, bool en) const
{
    Planned p;
    const QString key = cells.value(0);
    QString unit = cells.value(1);
    p.row = QVariantMap{{"line", line},
                        {"unitName", unit},
                        {"major", cells.value(2)},
                        {"start", isoDate(cells.value(3))},
                        {"end", isoDate(cells.value(4))}};
    if (campaign) {
        for (const model::RefItem& item : campaign->trainingUnits) {
            if (unit == q(item.code) || unit == q(item.zh) ||
                unit.compare(q(item.en), Qt::CaseInsensitive) == 0) {
                unit = q(item.code);
                p.row.insert("unitName", q(en ? item.en : item.zh));
            }
        }
    }
    const bool byId = QRegularExpression(QStringLiteral("^\\d{17}[\\dXx]$")).match(key).hasMatch();
    std::vector<const model::Application*> found;
    for (const auto& [id, app] : model::applications(state)) {
        if (campaign && app.campaign == campaign->id &&
            (byId ? q(app.text(kFieldIdNumber)).compare(key, Qt::CaseInsensitive) == 0
                  : q(app.text("name")) == key))
            found.push_back(&app);
    }
    p.row.insert(byId ? "idNumber" : "name", key);
    if (found.size() != 1) {
        p.row.insert("ok", false);
        p.row.insert(
            "message",
            found.empty()
                ? (en ? QStringLiteral("No application of this campaign has %1 %2; check the row")
                            .arg(byId ? QStringLiteral("the ID number") : QStringLiteral("the name"), key)
                      : QStringLiteral("本年度没有%1为“%2”的申报，请核对该行")
                            .arg(byId ? QStringLiteral("身份证号") : QStringLiteral("姓名"), key))
                : (en ? QStringLiteral("%1 applicants are named %2; give the ID number instead")
                            .arg(found.size())
                            .arg(key)
                      : QStringLiteral("有 %1 位申报人名为“%2”，请改用身份证号").arg(found.size()).arg(key)));
        return p;
    }
    p.recordId = found.front()->id;
    p.row.insert("recordId", q(p.recordId));
    p.row.insert("name", q(found.front()->text("name")));
    p.row.insert("idNumber", q(found.front()->text(kFieldIdNumber)));
    p.command = admission(unit, p.row.value("major").toString(), p.row.value("start").toString(),
                          p.row.value("end").toString());
    return p;
}

QVariantList CentreAdmission::admitPreviewed()
{
    QVariantList results;
    bool queued = false;
    for (Planned& p : m_planned) {
        if (p.row.value("ok").toBool()) {
            p.row.insert(admitOne(p.recordId, p.command));
            queued = true;
        }
        results.push_back(p.row);
    }
    clearPreview();
    if (queued)
        m_controller->localChangeMade();
    return results;
}

void CentreAdmission::clearPreview()
{
    m_planned.clear();
    m_preview.clear();
    emit previewChanged();
}

} // namespace tepei::qt
