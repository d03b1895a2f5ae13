#include "form_printer.h"

#include "convert.h"
#include "print_sheet.h"

#include <QBuffer>
#include <QDateTime>
#include <QFont>
#include <QFontMetrics>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <tepei/model/kinds/application/application_kind.h>
#include <tepei/model/kinds/application/workflow.h>
#include <tepei/model/kinds/campaign/campaign_kind.h>
#include <tepei/model/reference/reference.h>

namespace tepei::qt {

using namespace print; // the page, its rows and fonts

namespace {

void printRows(Sheet& sheet, const model::FieldSpec& spec, const web::json::value& value)
{
    const int w = sheet.width();
    const int colW = spec.columns.empty() ? w : w / static_cast<int>(spec.columns.size());
    QList<QPair<QString, int>> header;
    QList<bool> labels;
    for (const model::ColumnSpec& c : spec.columns) {
        header.push_back({QString::fromUtf8(c.labelZh), colW});
        labels.push_back(true);
    }
    sheet.row(header, labels);
    const QList<bool> plain(header.size(), false);
    if (!value.is_array() || value.as_array().size() == 0) {
        sheet.row({{QStringLiteral("（无）"), w}}, {false});
        return;
    }
    for (const auto& item : value.as_array()) {
        QList<QPair<QString, int>> cells;
        for (const model::ColumnSpec& c : spec.columns) {
            QString text = item.is_object() && item.has_field(c.id) ? cellText(item.at(c.id)) : QString();
            if (c.id == "to" && text.isEmpty())
                text = QStringLiteral("至今");
            cells.push_back({text, colW});
        }
        sheet.row(cells, plain);
    }
}

// The last accepted decision of a reviewer role: its comment, who, when and the decision.
const model::HistoryEntry* lastDecision(const model::Application& app, model::AppAction approve,
                                        model::AppAction giveBack)
{
    const model::HistoryEntry* found = nullptr;
    for (const model::HistoryEntry& h : app.history) {
        const auto a = model::appActionFromString(h.action);
        if (a && (*a == approve || *a == giveBack) && h.verdict.accepted)
            found = &h;
    }
    return found;
}

void printOpinion(Sheet& sheet, const QString& title, const model::HistoryEntry* h, const PrintedName& nameOf)
{
    const int w = sheet.width();
    QString text = QStringLiteral("（尚无审核意见）");
    if (h) {
        const auto a = model::appActionFromString(h->action);
        text = QStringLiteral("%1。%2\n\n审核人：%3    日期：%4")
                   .arg(QString::fromUtf8(a ? model::labelZh(*a) : ""), q(h->comment), nameOf(h->author),
                        QDateTime::fromMSecsSinceEpoch(h->hlc.wallMs).toString("yyyy年M月d日"));
    }
    sheet.row(
        {{title, kLabelWidth}, {text, w - kLabelWidth - 520}, {QStringLiteral("（盖章）\n\n\n\n"), 520}},
        {true, false, false}, 420);
}

} // namespace

QString printedValue(const model::FieldSpec& spec, const model::Application& app,
                     const model::Campaign& campaign)
{
    const auto it = app.values.find(spec.id);
    if (it == app.values.end() || it->second.is_null())
        return {};
    const web::json::value& v = it->second;
    if (spec.type == model::FieldType::Bool)
        return boolText(v);
    if (spec.type != model::FieldType::Enum)
        return cellText(v);
    const std::string code =
        v.is_integer() ? std::to_string(v.as_number().to_int64()) : cellText(v).toStdString();
    if (spec.enumSource == model::lists::kTrainingMode) {
        const model::RefItem* item = model::findTrainingMode(campaign, code);
        return item ? q(item->zh) : q(code);
    }
    if (spec.enumSource == model::lists::kAuthority) {
        const model::Organisation* org = model::findOrganisation(code);
        return org ? q(org->zh) : q(code);
    }
    const auto* list = model::referenceList(spec.enumSource);
    const model::RefItem* item = list ? model::findByCode(*list, code) : nullptr;
    return item ? q(item->zh) : q(code);
}

namespace {

// 附件证明材料: each document's kind and file name (its digest, type and size are for the system).
void printAttachments(Sheet& sheet, const model::Application& app)
{
    const int w = sheet.width();
    sheet.row(
        {{QStringLiteral("材料类别"), kLabelWidth * 2}, {QStringLiteral("文件名"), w - kLabelWidth * 2}},
        {true, true});
    const auto it = app.values.find(model::kFieldAttachments);
    if (it == app.values.end() || !it->second.is_array() || it->second.as_array().size() == 0) {
        sheet.row({{QStringLiteral("（未附材料）"), w}}, {false});
        return;
    }
    for (const auto& item : it->second.as_array()) {
        if (!item.is_object())
            continue;
        const std::string code = item.has_field("kind") ? item.at("kind").as_string() : std::string("other");
        const model::RefItem* kind = model::findAttachmentKind(code);
        const QString name = item.has_field("name") ? q(item.at("name").as_string()) : QString();
        sheet.row({{kind ? q(kind->zh) : q(code), kLabelWidth * 2}, {name, w - kLabelWidth * 2}},
                  {false, false});
    }
}

// One section of the form: short fields two to a row, long text, flags and tables full width.
void printSection(Sheet& sheet, const model::SectionSpec& section, const model::Application& app,
                  const model::Campaign& campaign)
{
    const int w = sheet.width();
    const int valueW = (w - 2 * kLabelWidth) / 2;
    sheet.sectionBar(QStringLiteral("%1、%2").arg(section.number).arg(QString::fromUtf8(section.titleZh)));
    QList<QPair<QString, int>> pending;
    auto flush = [&] {
        if (pending.isEmpty())
            return;
        while (pending.size() < 4)
            pending.push_back({QString(), pending.size() % 2 == 0 ? kLabelWidth : valueW});
        sheet.row(pending, {true, false, true, false});
        pending.clear();
    };
    for (const model::FieldSpec& spec : model::applicationFields()) {
        if (spec.section != section.number)
            continue;
        const QString label = QString::fromUtf8(spec.labelZh);
        const bool wide = spec.type == model::FieldType::LongText || spec.type == model::FieldType::Rows ||
                          spec.type == model::FieldType::Bool || spec.maxChars > 100;
        if (!wide) {
            pending.push_back({label, kLabelWidth});
            pending.push_back({printedValue(spec, app, campaign), valueW});
            if (pending.size() == 4)
                flush();
            continue;
        }
        flush();
        if (spec.id == model::kFieldAttachments) {
            printAttachments(sheet, app);
        } else if (spec.type == model::FieldType::Rows) {
            sheet.row({{label, w}}, {true});
            const auto it = app.values.find(spec.id);
            printRows(sheet, spec, it == app.values.end() ? web::json::value::null() : it->second);
        } else {
            sheet.row({{label, kLabelWidth}, {printedValue(spec, app, campaign), w - kLabelWidth}},
                      {true, false}, spec.type == model::FieldType::LongText ? 200 : 70);
        }
    }
    flush();
}

} // namespace

namespace {

// Lays the form out on `writer`, its footer saying "第 n 页，共 total 页"; returns the pages used.
int layOutForm(QPdfWriter& writer, QPainter& painter, const model::Application& app,
               const model::Campaign& campaign, const QString& digest, std::int64_t printedAtMs, int total,
               const PrintedName& nameOf)
{
    const QString footer =
        QStringLiteral("申报编号：%1    打印时间：%2    第 %5 页，共 %4 页\n内容摘要：%3")
            .arg(q(app.id), QDateTime::fromMSecsSinceEpoch(printedAtMs).toString("yyyy-MM-dd HH:mm"), digest)
            .arg(total);
    Sheet sheet(writer, painter, footer);
    const model::Organisation* org = model::findOrganisation(app.authority());
    sheet.title(q(campaign.title) + QStringLiteral("申报表"),
                QStringLiteral("推荐单位：%1").arg(org ? q(org->zh) : q(app.authority())));
    for (const model::SectionSpec& section : model::applicationSections()) {
        if (section.number == 9) { // 审核意见: from the review history
            sheet.sectionBar(QStringLiteral("9、审核意见"));
            printOpinion(sheet, QStringLiteral("所在单位意见"),
                         lastDecision(app, model::AppAction::UnitApprove, model::AppAction::UnitReturn),
                         nameOf);
            printOpinion(
                sheet, QStringLiteral("盟市/厅局\n审核意见"),
                lastDecision(app, model::AppAction::AuthorityApprove, model::AppAction::AuthorityReturn),
                nameOf);
        } else {
            printSection(sheet, section, app, campaign);
        }
    }
    const int w = sheet.width();
    sheet.row({{QStringLiteral("申报人签字"), kLabelWidth},
               {QString(), w / 2 - kLabelWidth},
               {QStringLiteral("日期"), kLabelWidth},
               {QStringLiteral("        年      月      日"), w - w / 2 - kLabelWidth}},
              {true, false, true, false}, 110);
    sheet.finishPage();
    return sheet.pages();
}

void setUp(QPdfWriter& writer, const QString& title)
{
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setPageMargins(QMarginsF(15, 15, 15, 12), QPageLayout::Millimeter);
    writer.setResolution(kDpi);
    writer.setTitle(title);
    writer.setCreator(QStringLiteral("Tepei 特培"));
}

} // namespace

QString printApplicationForm(const model::Application& app, const model::Campaign& campaign,
                             const QString& digest, const QString& path, std::int64_t printedAtMs,
                             const PrintedName& nameOf)
{
    const QString title = q(campaign.title) + QStringLiteral("申报表");
    int total = 0;
    { // a first pass, to memory, counts the pages
        QBuffer scratch;
        scratch.open(QIODevice::WriteOnly);
        QPdfWriter counting(&scratch);
        setUp(counting, title);
        QPainter painter(&counting);
        total = layOutForm(counting, painter, app, campaign, digest, printedAtMs, 0, nameOf);
    }
    QPdfWriter writer(path);
    setUp(writer, title);
    QPainter painter;
    if (!painter.begin(&writer))
        return QStringLiteral("无法写入 %1：请选择可写的位置后重新打印").arg(path);
    layOutForm(writer, painter, app, campaign, digest, printedAtMs, total, nameOf);
    if (!painter.end())
        return QStringLiteral("打印未完成：请检查磁盘空间后重试");
    return {};
}

} // namespace tepei::qt
