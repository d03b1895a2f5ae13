// R-FND-2, R-TRN-1: the funding workbook — the plan against what was disbursed, per trainee and per
// training unit, with the refund claims of disqualified trainees, and every disbursement recorded.
#include "export_common.h"

#include <algorithm>
#include <map>
#include <tepei/model/kinds/funding/disbursement.h>

namespace tepei::model {

using namespace tables;

namespace {

struct Funded {
    const Application* app = nullptr;
    TraineeFundingStatus status;
};

// The plan's five amounts from `col` on: 学费住宿费, 生活补贴, 拨付培养单位小计, 管理费, 合计.
void writeAmounts(xlsx::Sheet& sheet, int row, int col, const FundingLine& line, lxw_format* format)
{
    sheet.yuan(row, col, line.tuitionHousingFen, format);
    sheet.yuan(row, col + 1, line.livingAllowanceFen, format);
    sheet.yuan(row, col + 2, line.toTrainingUnitFen(), format);
    sheet.yuan(row, col + 3, line.managementFeeFen, format);
    sheet.yuan(row, col + 4, line.totalFen(), format);
}

const std::vector<std::string>& amountHeadings()
{
    static const std::vector<std::string> headings{"学费住宿费（元）", "生活补贴（元）",
                                                   "拨付培养单位小计（元）", "管理费（元）", "合计（元）"};
    return headings;
}

void add(FundingLine& sum, const FundingLine& line)
{
    sum.trainees += line.trainees;
    sum.tuitionHousingFen += line.tuitionHousingFen;
    sum.livingAllowanceFen += line.livingAllowanceFen;
    sum.managementFeeFen += line.managementFeeFen;
}

void writeTraineeSheet(xlsx::Sheet& sheet, const xlsx::Formats& f, const Campaign& campaign,
                       const std::vector<Funded>& trainees, const OrgNames& orgNames)
{
    std::vector<std::string> headings{"序号", "姓名", "推荐单位", "培养单位", "培养专业", "培养期限", "月数"};
    headings.insert(headings.end(), amountHeadings().begin(), amountHeadings().end());
    headings.insert(headings.end(),
                    {"已拨付（元）", "剩余计划（元）", "状态", "应退经费（元）", "已退还（元）"});
    sheet.columnWidths({5, 9, 14, 20, 14, 23, 6, 14, 12, 16, 12, 14, 14, 14, 10, 14, 14});
    writeTitle(
        sheet, f, static_cast<int>(headings.size()), campaign.title + "经费计划表（按学员）",
        "金额单位：元。学费住宿费和生活补贴拨付培养单位，管理费拨付人力资源和社会保障部留学人员和专家"
        "服务中心。中断培养或取消培养资格的学员，计划停止于已拨付金额；取消培养资格的学员应退还已拨付的"
        "全部特培经费。");
    writeHeader(sheet, f, 2, headings);
    FundingLine plan;
    std::int64_t paid = 0, remaining = 0, claimed = 0, refunded = 0;
    int row = 3;
    for (std::size_t i = 0; i < trainees.size(); ++i, ++row) {
        const Application& app = *trainees[i].app;
        const TraineeFundingStatus& s = trainees[i].status;
        const Admission& admission = *app.admission;
        sheet.integer(row, 0, static_cast<std::int64_t>(i) + 1, f.integer);
        sheet.text(row, 1, app.text("name"), f.centred);
        sheet.text(row, 2, organisationName(app.quotaAuthority, orgNames), f.text);
        sheet.text(row, 3, trainingUnitName(campaign, admission.trainingUnit, orgNames), f.text);
        sheet.text(row, 4, admission.major, f.text);
        sheet.text(row, 5, toString(admission.start) + "至" + toString(admission.end), f.centred);
        sheet.integer(row, 6, periodMonths(admission.start, admission.end), f.integer);
        writeAmounts(sheet, row, 7, s.plan, f.money);
        sheet.yuan(row, 12, s.disbursed.totalFen(), f.money);
        sheet.yuan(row, 13, s.remainingFen(), f.money);
        sheet.text(row, 14, labelZh(app.state), f.centred);
        sheet.yuan(row, 15, s.refundClaimFen, f.money);
        sheet.yuan(row, 16, s.refundedFen, f.money);
        add(plan, s.plan);
        paid += s.disbursed.totalFen();
        remaining += s.remainingFen();
        claimed += s.refundClaimFen;
        refunded += s.refundedFen;
    }
    sheet.merge(row, 0, 6, "合计（" + std::to_string(trainees.size()) + "人）", f.totalLabel);
    writeAmounts(sheet, row, 7, plan, f.totalMoney);
    sheet.yuan(row, 12, paid, f.totalMoney);
    sheet.yuan(row, 13, remaining, f.totalMoney);
    sheet.text(row, 14, "", f.totalLabel);
    sheet.yuan(row, 15, claimed, f.totalMoney);
    sheet.yuan(row, 16, refunded, f.totalMoney);
    sheet.printLikePaper(2, true);
}

void writeUnitSheet(xlsx::Sheet& sheet, const xlsx::Formats& f, const Campaign& campaign,
                    const std::vector<Funded>& trainees, const OrgNames& orgNames)
{
    struct Unit {
        FundingLine plan;
        std::int64_t paid = 0;
    };
    std::map<std::string, Unit> units; // by code, as fundingPlan orders them
    Unit total;
    for (const Funded& t : trainees) {
        for (Unit* u : {&units[t.app->admission->trainingUnit], &total}) {
            add(u->plan, t.status.plan);
            u->paid += t.status.disbursed.totalFen();
        }
    }
    std::vector<std::string> headings{"序号", "培养单位", "人数"};
    headings.insert(headings.end(), amountHeadings().begin(), amountHeadings().end());
    headings.insert(headings.end(), {"已拨付（元）", "剩余计划（元）"});
    sheet.columnWidths({5, 28, 6, 14, 12, 16, 12, 14, 14, 14});
    writeTitle(sheet, f, static_cast<int>(headings.size()), campaign.title + "经费计划表（按培养单位）",
               "金额单位：元。");
    writeHeader(sheet, f, 2, headings);
    const auto line = [&](int row, const Unit& u, lxw_format* integer, lxw_format* money) {
        sheet.integer(row, 2, u.plan.trainees, integer);
        writeAmounts(sheet, row, 3, u.plan, money);
        sheet.yuan(row, 8, u.paid, money);
        sheet.yuan(row, 9, u.plan.totalFen() - u.paid, money);
    };
    int row = 3;
    for (const auto& [code, unit] : units) {
        sheet.integer(row, 0, row - 2, f.integer);
        sheet.text(row, 1, trainingUnitName(campaign, code, orgNames), f.text);
        line(row++, unit, f.integer, f.money);
    }
    sheet.merge(row, 0, 1, "合计", f.totalLabel);
    line(row, total, f.totalInteger, f.totalMoney);
    sheet.printLikePaper(2, true);
}

// 拨付明细: every disbursement and refund of the trainees, by date, then in the log's order.
void writeDetailSheet(xlsx::Sheet& sheet, const xlsx::Formats& f, const Campaign& campaign, const Fold& state,
                      const std::vector<Funded>& trainees, const OrgNames& orgNames)
{
    std::vector<std::pair<const DisbursementRecord*, const Application*>> rows;
    for (const Funded& t : trainees) {
        for (const DisbursementRecord* r : disbursementsOf(state, t.app->id))
            rows.emplace_back(r, t.app);
    }
    const auto seqOf = [](const DisbursementRecord* r) { return r->history.empty() ? 0 : r->history[0].seq; };
    std::stable_sort(rows.begin(), rows.end(), [&](const auto& a, const auto& b) {
        return a.first->date != b.first->date ? a.first->date < b.first->date
                                              : seqOf(a.first) < seqOf(b.first);
    });
    const std::vector<std::string> headings{"序号", "拨付日期",   "姓名", "培养单位",
                                            "项目", "金额（元）", "说明"};
    sheet.columnWidths({5, 11, 9, 20, 14, 14, 36});
    writeTitle(sheet, f, static_cast<int>(headings.size()), campaign.title + "经费拨付明细",
               "金额单位：元。负数为冲减；“退还经费”为取消培养资格的学员退回的特培经费。");
    writeHeader(sheet, f, 2, headings);
    int row = 3;
    for (const auto& [r, app] : rows) {
        sheet.integer(row, 0, row - 2, f.integer);
        sheet.text(row, 1, toString(r->date), f.centred);
        sheet.text(row, 2, app->text("name"), f.centred);
        sheet.text(row, 3, trainingUnitName(campaign, r->trainingUnit, orgNames), f.text);
        sheet.text(row, 4, itemNameZh(r->item), f.centred);
        sheet.yuan(row, 5, r->amountFen, f.money);
        sheet.text(row, 6, r->note, f.text);
        ++row;
    }
    sheet.printLikePaper(2, false);
}

} // namespace

tepei::Result<std::string> writeFundingPlan(const Fold& state, const Campaign& campaign,
                                            const std::vector<std::string>& authorities,
                                            const std::string& path, const OrgNames& orgNames)
{
    std::vector<Funded> trainees;
    for (const Application* app : traineesOf(state, campaign, authorities)) {
        if (auto status = traineeFundingOf(state, app->id))
            trainees.push_back(Funded{app, std::move(*status)});
    }
    auto book = xlsx::Book::create(path);
    if (!book)
        return book.error();
    const xlsx::Formats& f = (*book)->formats();
    auto perTrainee = (*book)->addSheet("按学员");
    if (!perTrainee)
        return perTrainee.error();
    writeTraineeSheet(*perTrainee, f, campaign, trainees, orgNames);
    auto perUnit = (*book)->addSheet("按培养单位");
    if (!perUnit)
        return perUnit.error();
    writeUnitSheet(*perUnit, f, campaign, trainees, orgNames);
    auto details = (*book)->addSheet("拨付明细");
    if (!details)
        return details.error();
    writeDetailSheet(*details, f, campaign, state, trainees, orgNames);
    return (*book)->commit();
}

} // namespace tepei::model
