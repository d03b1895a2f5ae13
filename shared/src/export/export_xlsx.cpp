// R-QUO-1, R-QUO-3: the quota table (附件1); R-QUO-3: the admitted trainees; the helpers every
// table shares (export_common.h). The summary table (附件2) is in export_summary.cpp, the funding
// workbook in export_funding.cpp.
#include "export_common.h"

#include <algorithm>
#include <tepei/model/export/export_xlsx.h>
#include <tepei/model/kinds/application/application_kind.h>
#include <tepei/model/kinds/campaign/campaign_kind.h>
#include <tepei/model/reference/reference.h>
#include <tepei/model/rules/funding.h>

namespace tepei::model {

namespace tables {

// A training unit's name: the server's (orgNames), then the campaign's list, then its code.
std::string trainingUnitName(const Campaign& campaign, const std::string& code, const OrgNames& orgNames)
{
    if (const auto it = orgNames.find(code); it != orgNames.end() && !it->second.empty())
        return it->second;
    const RefItem* unit = findTrainingUnit(campaign, code);
    return unit ? unit->zh : code;
}

bool selected(const std::vector<std::string>& authorities, const std::string& code)
{
    return authorities.empty() ||
           std::find(authorities.begin(), authorities.end(), code) != authorities.end();
}

void writeTitle(xlsx::Sheet& sheet, const xlsx::Formats& f, int columns, const std::string& title,
                const std::string& subtitle)
{
    sheet.merge(0, 0, columns - 1, title, f.title);
    sheet.rowHeight(0, 32);
    sheet.merge(1, 0, columns - 1, subtitle, f.subtitle);
}

void writeHeader(xlsx::Sheet& sheet, const xlsx::Formats& f, int row,
                 const std::vector<std::string>& headings)
{
    for (std::size_t col = 0; col < headings.size(); ++col)
        sheet.text(row, static_cast<int>(col), headings[col], f.header);
    sheet.rowHeight(row, 30);
}

// Trainees of the campaign (admitted and every later state) whose place belongs to a selected
// authority, in order of admission.
std::vector<const Application*> traineesOf(const Fold& state, const Campaign& campaign,
                                           const std::vector<std::string>& authorities)
{
    std::vector<const Application*> trainees;
    for (const auto& [id, app] : model::applications(state)) {
        if (app.campaign == campaign.id && app.admission && app.admittedSeq > 0 &&
            selected(authorities, app.quotaAuthority))
            trainees.push_back(&app);
    }
    std::sort(trainees.begin(), trainees.end(), [](const Application* a, const Application* b) {
        return a->admittedSeq != b->admittedSeq ? a->admittedSeq < b->admittedSeq : a->id < b->id;
    });
    return trainees;
}

} // namespace tables

using namespace tables;

namespace {

// 录取学员名单: who each trainee is (附件2's identity columns), where and what they train, when.
void writeAdmittedSheet(xlsx::Sheet& sheet, const xlsx::Formats& f, const Campaign& campaign,
                        const std::vector<const Application*>& trainees, const OrgNames& orgNames)
{
    const std::vector<std::string> headings{"序号",     "姓名",     "性别",     "民族",
                                            "身份证号", "推荐单位", "工作单位", "培养单位",
                                            "培养专业", "开始日期", "结束日期", "状态"};
    sheet.columnWidths({5, 9, 5, 8, 21, 14, 26, 20, 16, 11, 11, 10});
    writeTitle(sheet, f, static_cast<int>(headings.size()), campaign.title + "录取学员名单",
               "共录取 " + std::to_string(trainees.size()) + " 人，按录取先后排列。");
    writeHeader(sheet, f, 2, headings);
    int row = 3;
    for (std::size_t i = 0; i < trainees.size(); ++i, ++row) {
        const Application& app = *trainees[i];
        const Admission& admission = *app.admission;
        const std::string sex = app.text("sex");
        const RefItem* sexItem = findByCode(sexes(), sex);
        const RefItem* ethnic = findEthnicGroup(app.text("ethnicity"));
        sheet.integer(row, 0, static_cast<std::int64_t>(i) + 1, f.integer);
        sheet.text(row, 1, app.text("name"), f.centred);
        sheet.text(row, 2, sexItem ? sexItem->zh : sex, f.centred);
        sheet.text(row, 3, ethnic ? ethnic->zh : app.text("ethnicity"), f.centred);
        sheet.text(row, 4, app.text("id_number"), f.centred);
        sheet.text(row, 5, organisationName(app.quotaAuthority, orgNames), f.text);
        sheet.text(row, 6, app.text("employer"), f.text);
        sheet.text(row, 7, trainingUnitName(campaign, admission.trainingUnit, orgNames), f.text);
        sheet.text(row, 8, admission.major, f.text);
        sheet.text(row, 9, toString(admission.start), f.centred);
        sheet.text(row, 10, toString(admission.end), f.centred);
        sheet.text(row, 11, labelZh(app.state), f.centred);
    }
    sheet.printLikePaper(2, true);
}

} // namespace

std::string organisationName(const std::string& code, const OrgNames& orgNames)
{
    if (const auto it = orgNames.find(code); it != orgNames.end() && !it->second.empty())
        return it->second;
    const Organisation* org = findOrganisation(code);
    return org ? org->zh : code;
}

tepei::Result<std::string> writeQuotaTable(const Fold& state, const Campaign& campaign,
                                           const std::vector<std::string>& authorities,
                                           const std::string& path, const OrgNames& orgNames)
{
    auto book = xlsx::Book::create(path);
    if (!book)
        return book.error();
    auto created = (*book)->addSheet("名额分配表");
    if (!created)
        return created.error();
    xlsx::Sheet& sheet = *created;
    const xlsx::Formats& f = (*book)->formats();
    const std::vector<std::string> headings{"序号",       "推荐单位", "分配名额",
                                            "已审核通过", "待审核",   "剩余名额"};
    sheet.columnWidths({6, 32, 11, 12, 10, 11});
    writeTitle(sheet, f, static_cast<int>(headings.size()),
               std::to_string(campaign.year) + "年度“内蒙古少数民族专业技术人才特殊培养计划”学员名额分配表",
               "本年度计划选派特培学员" + std::to_string(campaign.places) + "名。");
    writeHeader(sheet, f, 2, headings);
    QuotaStatus sum;
    int row = 3;
    for (const Allocation& allocation : campaign.allocations) {
        if (!selected(authorities, allocation.authorityCode))
            continue;
        const QuotaStatus quota = model::quotaOf(state, campaign.id, allocation.authorityCode);
        sheet.integer(row, 0, row - 2, f.integer);
        sheet.text(row, 1, organisationName(allocation.authorityCode, orgNames), f.text);
        const int values[] = {quota.allocation, quota.approved, quota.pending, quota.remaining};
        for (int col = 0; col < 4; ++col)
            sheet.integer(row, col + 2, values[col], f.integer);
        sum.allocation += quota.allocation;
        sum.approved += quota.approved;
        sum.pending += quota.pending;
        sum.remaining += quota.remaining;
        ++row;
    }
    sheet.merge(row, 0, 1, "合计", f.totalLabel);
    const int totals[] = {sum.allocation, sum.approved, sum.pending, sum.remaining};
    for (int col = 0; col < 4; ++col)
        sheet.integer(row, col + 2, totals[col], f.totalInteger);
    sheet.printLikePaper(2, false);
    return (*book)->commit();
}

tepei::Result<std::string> writeAdmittedList(const Fold& state, const Campaign& campaign,
                                             const std::vector<std::string>& authorities,
                                             const std::string& path, const OrgNames& orgNames)
{
    auto book = xlsx::Book::create(path);
    if (!book)
        return book.error();
    auto sheet = (*book)->addSheet("录取学员名单");
    if (!sheet)
        return sheet.error();
    writeAdmittedSheet(*sheet, (*book)->formats(), campaign, traineesOf(state, campaign, authorities),
                       orgNames);
    return (*book)->commit();
}

} // namespace tepei::model
