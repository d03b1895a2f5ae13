#include "leave_form_printer.h"

#include "print_sheet.h"

#include <QDateTime>
#include <QPageLayout>
#include <QPageSize>
#include <algorithm>
#include <tepei/model/reference/date.h>

namespace tepei::qt {

using namespace print;

namespace {

const char* partyTitle(model::LeaveParty party)
{
    switch (party) {
    case model::LeaveParty::TrainingUnit:
        return "培养单位意见";
    case model::LeaveParty::WorkUnit:
        return "派出单位意见";
    case model::LeaveParty::Centre:
        return "内蒙古自治区\n人事人才公共\n服务中心意见";
    }
    return "";
}

QString dateZh(const model::Date& d)
{
    return QStringLiteral("%1年%2月%3日").arg(d.year).arg(d.month).arg(d.day);
}

QString when(const sync::Hlc& hlc)
{
    return QDateTime::fromMSecsSinceEpoch(hlc.wallMs).toString(QStringLiteral("yyyy年M月d日"));
}

QString proofText(const web::json::value& rows)
{
    QStringList names;
    if (rows.is_array()) {
        for (const auto& row : rows.as_array()) {
            if (row.is_object() && row.has_string_field("name"))
                names << q(row.at("name").as_string());
        }
    }
    return names.isEmpty() ? QStringLiteral("（无）") : names.join(QStringLiteral("；"));
}

// One party's box: its decision on record, or why there is none.
QString opinionText(const model::LeaveRequest& leave, const model::LeavePath& path, model::LeaveParty party,
                    const PrintedName& nameOf)
{
    for (const model::LeaveDecision& d : leave.decisions) {
        if (d.party == party) {
            return QStringLiteral("%1。%2\n\n审批人：%3    日期：%4")
                .arg(d.approved ? QStringLiteral("同意") : QStringLiteral("不同意"), q(d.comment),
                     nameOf(d.author), when(d.hlc));
        }
    }
    const bool approver =
        std::find(path.approvers.begin(), path.approvers.end(), party) != path.approvers.end();
    const bool notified = std::find(path.notified.begin(), path.notified.end(), party) != path.notified.end();
    if (notified) {
        const bool filed = std::find(leave.acknowledged.begin(), leave.acknowledged.end(), party) !=
                           leave.acknowledged.end();
        return filed ? QStringLiteral("已备案") : QStringLiteral("（备案，尚未备案）");
    }
    if (!approver)
        return QStringLiteral("（请假 %1 天，无需本单位审批）").arg(path.days);
    return leave.status == model::LeaveStatus::Filed ? QStringLiteral("（待审批）")
                                                     : QStringLiteral("（未审批）");
}

void printReturn(Sheet& sheet, const model::LeaveRequest& leave, const PrintedName& nameOf)
{
    const int w = sheet.width();
    sheet.sectionBar(QStringLiteral("销假"));
    if (!leave.returned) {
        sheet.row({{QStringLiteral("实际返回日期"), kLabelWidth},
                   {QStringLiteral("（尚未销假）"), w - kLabelWidth}},
                  {true, false});
        return;
    }
    const int half = (w - 2 * kLabelWidth) / 2;
    QString days = QStringLiteral("%1 天").arg(leave.daysAway);
    if (leave.lateReturn)
        days += QStringLiteral("（超过批准的结束日期 %1）").arg(dateZh(leave.end));
    sheet.row({{QStringLiteral("实际返回日期"), kLabelWidth},
               {dateZh(*leave.returned), half},
               {QStringLiteral("实际天数"), kLabelWidth},
               {days, w - 2 * kLabelWidth - half}},
              {true, false, true, false});
    const model::HistoryEntry* confirmed = nullptr;
    for (const model::HistoryEntry& h : leave.history) {
        if (h.action == model::kLeaveReturn && h.verdict.accepted)
            confirmed = &h;
    }
    sheet.row({{QStringLiteral("确认单位"), kLabelWidth},
               {QStringLiteral("培养单位    确认人：%1    日期：%2")
                    .arg(confirmed ? nameOf(confirmed->author) : QString(),
                         confirmed ? when(confirmed->hlc) : QString()),
                w - kLabelWidth}},
              {true, false});
}

} // namespace

QString printLeaveForm(const model::Fold& fold, const model::LeaveRequest& leave,
                       const model::Application& app, const PrintedName& nameOf, const QString& path,
                       std::int64_t printedAtMs)
{
    const auto tier = model::leavePathOf(fold, leave);
    if (!tier)
        return q(tier.error().zh);
    QPdfWriter writer(path);
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setPageMargins(QMarginsF(15, 15, 15, 12), QPageLayout::Millimeter);
    writer.setResolution(kDpi);
    writer.setTitle(QStringLiteral("特培学员请销假审批表"));
    writer.setCreator(QStringLiteral("Tepei 特培"));
    QPainter painter;
    if (!painter.begin(&writer))
        return QStringLiteral("无法写入 %1：请选择可写的位置后重新打印").arg(path);
    const QString footer =
        QStringLiteral("请假编号：%1    打印时间：%2    第 %3 页")
            .arg(q(leave.id), QDateTime::fromMSecsSinceEpoch(printedAtMs).toString("yyyy-MM-dd HH:mm"),
                 QStringLiteral("%1"));
    Sheet sheet(writer, painter, footer);
    sheet.title(QStringLiteral("特培学员请销假审批表"), QStringLiteral("附件3"));
    const int w = sheet.width();
    const int half = (w - 2 * kLabelWidth) / 2;
    const auto pair = [&](const QString& l1, const QString& v1, const QString& l2, const QString& v2) {
        sheet.row({{l1, kLabelWidth}, {v1, half}, {l2, kLabelWidth}, {v2, w - 2 * kLabelWidth - half}},
                  {true, false, true, false});
    };
    const auto wide = [&](const QString& label, const QString& value, int minHeight = 70) {
        sheet.row({{label, kLabelWidth}, {value, w - kLabelWidth}}, {true, false}, minHeight);
    };
    pair(QStringLiteral("姓名"), q(app.text("name")), QStringLiteral("培养专业"),
         app.admission ? q(app.admission->major) : QString());
    pair(QStringLiteral("派出单位"), nameOf(leave.workUnit), QStringLiteral("培养单位"),
         nameOf(leave.trainingUnit));
    pair(QStringLiteral("请假类别"), leave.type == "sick" ? QStringLiteral("病假") : QStringLiteral("事假"),
         QStringLiteral("天数"), QStringLiteral("%1 天").arg(tier->days));
    wide(QStringLiteral("请假起止日期"), dateZh(leave.start) + QStringLiteral(" 至 ") + dateZh(leave.end));
    wide(QStringLiteral("事由"), q(leave.reason), 200);
    wide(QStringLiteral("证明材料"), proofText(leave.attachments));
    sheet.sectionBar(QStringLiteral("审批意见"));
    for (model::LeaveParty party :
         {model::LeaveParty::TrainingUnit, model::LeaveParty::WorkUnit, model::LeaveParty::Centre}) {
        sheet.row({{QString::fromUtf8(partyTitle(party)), kLabelWidth},
                   {opinionText(leave, *tier, party, nameOf), w - kLabelWidth - 520},
                   {QStringLiteral("（盖章）\n\n\n\n"), 520}},
                  {true, false, false}, 360);
    }
    printReturn(sheet, leave, nameOf);
    sheet.finishPage();
    if (!painter.end())
        return QStringLiteral("打印未完成：请检查磁盘空间后重试");
    return {};
}

} // namespace tepei::qt
