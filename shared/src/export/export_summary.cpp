// R-APP-6: the trainee summary table (附件2 学员汇总表), one sheet per authority plus 汇总.
#include "xlsx_book.h"

#include <algorithm>
#include <cstdio>
#include <optional>
#include <set>
#include <tepei/model/export/export_xlsx.h>
#include <tepei/model/kinds/application/application_kind.h>
#include <tepei/model/kinds/campaign/campaign_kind.h>
#include <tepei/model/reference/reference.h>

namespace tepei::model {

namespace {

// A column of 附件2. `field` names the form field whose label heads the column; `heading` is set
// only where FORMS.md's table heading is not the form's label (the table shortens 工作单位名称 to
// 工作单位 and shows the birth date as 出生年月) or where the column is no form field.
struct SummaryColumn {
    const char* field;
    const char* heading;
    double width;
};

const std::vector<SummaryColumn>& summaryColumns()
{
    static const std::vector<SummaryColumn> columns{
        {nullptr, "序号", 5},
        {"name", nullptr, 8},
        {"sex", nullptr, 5},
        {"ethnicity", nullptr, 7},
        {"birth_date", "出生年月", 8},
        {"id_number", nullptr, 20},
        {"education", nullptr, 10},
        {"degree", nullptr, 7},
        {"title", nullptr, 12},
        {"profession", nullptr, 12},
        {"years_in_profession", nullptr, 8},
        {"employer", "工作单位", 20},
        {"unit_nature", nullptr, 9},
        {"grassroots", "是否基层", 6},
        {"non_public", "是否非公", 6},
        {"priority_scope", nullptr, 8},
        {"training_mode", nullptr, 12},
        {"training_unit_1", "拟培养单位", 18},
        {"training_direction", nullptr, 14},
        {"mobile", nullptr, 13},
        {nullptr, "备注", 12},
    };
    return columns;
}

std::string headingOf(const SummaryColumn& column)
{
    if (column.heading)
        return column.heading;
    const FieldSpec* spec = findField(column.field);
    return spec ? spec->labelZh : column.field;
}

// One cell of a data row: text, or a whole number.
struct Cell {
    std::string text;
    std::optional<std::int64_t> number;
    bool centred = false;
};

Cell textCell(std::string text, bool centred = false)
{
    return Cell{std::move(text), std::nullopt, centred};
}

Cell numberCell(std::optional<std::int64_t> number)
{
    return number ? Cell{{}, number, true} : Cell{{}, std::nullopt, true};
}

// The Chinese name of a code in a list; an unknown code is shown as it is rather than dropped.
std::string zhOf(const RefItem* item, const std::string& code)
{
    return item ? item->zh : code;
}

std::string yesNo(std::optional<bool> flag)
{
    return flag ? (*flag ? "是" : "否") : "";
}

// 出生年月 as Chinese tables write it: "1985.06".
std::string yearMonth(const std::optional<Date>& date)
{
    if (!date)
        return {};
    char text[16];
    std::snprintf(text, sizeof text, "%04d.%02d", date->year, date->month);
    return text;
}

std::string remarks(const Application& app)
{
    std::string text;
    if (app.state != AppState::AuthorityApproved)
        text = labelZh(app.state); // a place that later became a trainee, or was lost
    if (app.paperReceived)
        text += (text.empty() ? "" : "；") + std::string("纸质材料已收到");
    return text;
}

std::vector<Cell> summaryCells(std::int64_t index, const Application& app, const Campaign& campaign)
{
    const ApplicationForm form = formFromFields(app.values);
    std::string units = form.trainingUnit1;
    if (!form.trainingUnit2.empty() && form.trainingUnit2 != form.trainingUnit1)
        units += "；" + form.trainingUnit2;
    const std::string sex = form.sex ? toString(*form.sex) : "";
    const std::string scope = form.priorityScope ? std::to_string(*form.priorityScope) : "";
    return {
        numberCell(index),
        textCell(form.name, true),
        textCell(zhOf(findByCode(sexes(), sex), sex), true),
        textCell(zhOf(findEthnicGroup(form.ethnicity), form.ethnicity), true),
        textCell(yearMonth(form.birthDate), true),
        textCell(form.idNumber, true),
        textCell(zhOf(findEducationLevel(form.education), form.education), true),
        textCell(zhOf(findDegree(form.degree), form.degree), true),
        textCell(form.title.empty() ? zhOf(findTitleLevel(form.titleLevel), form.titleLevel) : form.title),
        textCell(form.profession),
        numberCell(form.yearsInProfession ? std::optional<std::int64_t>(*form.yearsInProfession)
                                          : std::nullopt),
        textCell(form.employer),
        textCell(zhOf(findUnitNature(form.unitNature), form.unitNature), true),
        textCell(yesNo(form.grassroots), true),
        textCell(yesNo(effectiveNonPublic(app.values)), true),
        textCell(scope, true),
        textCell(zhOf(findTrainingMode(campaign, form.trainingMode), form.trainingMode)),
        textCell(units),
        textCell(form.trainingDirection),
        textCell(form.mobile, true),
        textCell(remarks(app)),
    };
}

// The applications holding one of `authority`'s places in the campaign, by first submission.
std::vector<const Application*> placesOf(const Fold& state, const Campaign& campaign,
                                         const std::string& authority)
{
    std::vector<const Application*> rows;
    for (const auto& [id, app] : model::applications(state)) {
        if (app.campaign == campaign.id && countsAgainstQuota(app.state) && app.quotaAuthority == authority)
            rows.push_back(&app);
    }
    std::sort(rows.begin(), rows.end(), [](const Application* a, const Application* b) {
        return a->submittedSeq != b->submittedSeq ? a->submittedSeq < b->submittedSeq : a->id < b->id;
    });
    return rows;
}

// "注：重点选拔范围 1．…；2．…", from reference.h.
std::string priorityScopeLegend()
{
    std::string text = "注：重点选拔范围";
    for (const RefItem& item : priorityScopes())
        text += (item.code == priorityScopes().front().code ? " " : "；") + item.code + "．" + item.zh;
    return text + "。";
}

struct SummarySheet {
    std::string subtitle;                                         // the authority's line under the title
    std::string stampingUnit;                                     // 填报单位（盖章）
    std::vector<std::pair<std::string, const Application*>> rows; // (authority name, application)
    bool withAuthority = false; // the 汇总 sheet: a 推荐单位 column after 序号
};

void writeFooter(xlsx::Sheet& sheet, const xlsx::Formats& f, int row, int columns, const std::string& unit)
{
    const int quarter = columns / 4;
    const std::vector<std::string> blocks{"填报单位（盖章）：" + unit, "填报人：", "联系电话：",
                                          "填报日期：        年    月    日"};
    for (int i = 0; i < 4; ++i) {
        const int last = i == 3 ? columns - 1 : (i + 1) * quarter - 1;
        sheet.merge(row, i * quarter, last, blocks[static_cast<std::size_t>(i)], f.footer);
    }
    sheet.rowHeight(row, 24);
}

void writeSummarySheet(xlsx::Sheet& sheet, const xlsx::Formats& f, const Campaign& campaign,
                       const SummarySheet& content)
{
    std::vector<std::string> headings;
    std::vector<double> widths;
    for (const SummaryColumn& column : summaryColumns()) {
        headings.push_back(headingOf(column));
        widths.push_back(column.width);
    }
    if (content.withAuthority) {
        headings.insert(headings.begin() + 1, "推荐单位");
        widths.insert(widths.begin() + 1, 16);
    }
    const int columns = static_cast<int>(headings.size());
    sheet.columnWidths(widths);
    sheet.merge(0, 0, columns - 1,
                std::to_string(campaign.year) + "年度“内蒙古少数民族地区专业技术人才特培计划”学员汇总表",
                f.title);
    sheet.rowHeight(0, 32);
    sheet.merge(1, 0, columns - 1, content.subtitle, f.subtitle);
    for (int col = 0; col < columns; ++col)
        sheet.text(2, col, headings[static_cast<std::size_t>(col)], f.header);
    sheet.rowHeight(2, 30);
    int row = 3;
    for (const auto& [authorityName, app] : content.rows) {
        std::vector<Cell> cells = summaryCells(row - 2, *app, campaign);
        if (content.withAuthority)
            cells.insert(cells.begin() + 1, textCell(authorityName));
        for (int col = 0; col < columns; ++col) {
            const Cell& cell = cells[static_cast<std::size_t>(col)];
            if (cell.number)
                sheet.integer(row, col, *cell.number, f.integer);
            else
                sheet.text(row, col, cell.text, cell.centred ? f.centred : f.text);
        }
        ++row;
    }
    if (content.rows.empty())
        sheet.merge(row++, 0, columns - 1, "（暂无审核通过的申报人）", f.centred);
    sheet.merge(row, 0, columns - 1, priorityScopeLegend(), f.note);
    sheet.rowHeight(row, 54);
    writeFooter(sheet, f, row + 2, columns, content.stampingUnit);
    sheet.printLikePaper(2, true);
}

std::optional<tepei::Error> checkAuthorities(const std::vector<std::string>& authorities)
{
    if (authorities.empty())
        return tepei::Error{"invalid_value", "name at least one recommending authority to export",
                            "authorities"};
    std::set<std::string> seen;
    for (const std::string& code : authorities) {
        if (!seen.insert(code).second)
            return tepei::Error{"invalid_value", "the authority " + code + " is named twice; name each once",
                                "authorities"};
    }
    return std::nullopt;
}

} // namespace

tepei::Result<std::string> writeSummaryTable(const Fold& state, const Campaign& campaign,
                                             const std::vector<std::string>& authorities,
                                             const std::string& path, const OrgNames& orgNames)
{
    if (auto bad = checkAuthorities(authorities))
        return *bad;
    auto book = xlsx::Book::create(path);
    if (!book)
        return book.error();
    std::vector<SummarySheet> sheets;
    SummarySheet total;
    total.withAuthority = true;
    total.stampingUnit = organisationName(std::string(kCentreOrgCode), orgNames);
    for (const std::string& code : authorities) {
        const std::string name = organisationName(code, orgNames);
        SummarySheet sheet;
        for (const Application* app : placesOf(state, campaign, code)) {
            sheet.rows.emplace_back(name, app);
            total.rows.emplace_back(name, app);
        }
        sheet.subtitle = "推荐单位：" + name + "　　分配名额：" +
                         std::to_string(allocationFor(campaign, code)) + "　　审核通过：" +
                         std::to_string(sheet.rows.size()) + "人";
        sheet.stampingUnit = name;
        sheets.push_back(std::move(sheet));
    }
    total.subtitle = "汇总：" + std::to_string(authorities.size()) + "个推荐单位，共" +
                     std::to_string(total.rows.size()) + "人";
    const xlsx::Formats& f = (*book)->formats();
    if (authorities.size() > 1) {
        auto sheet = (*book)->addSheet("汇总");
        if (!sheet)
            return sheet.error();
        writeSummarySheet(*sheet, f, campaign, total);
    }
    for (std::size_t i = 0; i < authorities.size(); ++i) {
        auto sheet = (*book)->addSheet(organisationName(authorities[i], orgNames));
        if (!sheet)
            return sheet.error();
        writeSummarySheet(*sheet, f, campaign, sheets[i]);
    }
    return (*book)->commit();
}

} // namespace tepei::model
