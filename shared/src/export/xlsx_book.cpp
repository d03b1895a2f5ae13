// The workbook owner behind the exports: shared formats, cell writers, atomic commit.
#include "xlsx_book.h"

#include <filesystem>
#include <random>
#include <system_error>

namespace tepei::model::xlsx {

namespace {

constexpr std::uint8_t kPaperA4 = 9;  // Excel's paper code for A4
constexpr const char* kFont = "宋体"; // the usual font of printed government tables
constexpr std::uint32_t kHeaderFill = 0xD9D9D9;

tepei::Error exportFailed(const std::string& message)
{
    return tepei::Error{"export_failed", message, {}};
}

std::string tempPathFor(const std::string& path)
{
    std::random_device random;
    return path + ".tmp-" + std::to_string(random()) + std::to_string(random());
}

lxw_format* bordered(lxw_workbook* workbook)
{
    lxw_format* format = workbook_add_format(workbook);
    format_set_font_name(format, kFont);
    format_set_font_size(format, 10);
    format_set_border(format, LXW_BORDER_THIN);
    format_set_align(format, LXW_ALIGN_VERTICAL_CENTER);
    format_set_text_wrap(format);
    return format;
}

lxw_format* plain(lxw_workbook* workbook, double size)
{
    lxw_format* format = workbook_add_format(workbook);
    format_set_font_name(format, kFont);
    format_set_font_size(format, size);
    format_set_align(format, LXW_ALIGN_VERTICAL_CENTER);
    return format;
}

} // namespace

void Sheet::text(int row, int col, const std::string& value, lxw_format* format)
{
    m_book->check(worksheet_write_string(m_sheet, static_cast<lxw_row_t>(row), static_cast<lxw_col_t>(col),
                                         value.c_str(), format),
                  "a text cell");
}

void Sheet::integer(int row, int col, std::int64_t value, lxw_format* format)
{
    // Counts (people, places, months) are far below 2^53: exact as a double.
    m_book->check(worksheet_write_number(m_sheet, static_cast<lxw_row_t>(row), static_cast<lxw_col_t>(col),
                                         static_cast<double>(value), format),
                  "a number cell");
}

void Sheet::yuan(int row, int col, std::int64_t fen, lxw_format* format)
{
    // fen / 100 is the nearest double to the exact decimal amount, which Excel shows exactly with
    // two decimals; no arithmetic is ever done on the double.
    m_book->check(worksheet_write_number(m_sheet, static_cast<lxw_row_t>(row), static_cast<lxw_col_t>(col),
                                         static_cast<double>(fen) / 100.0, format),
                  "an amount cell");
}

void Sheet::merge(int row, int firstCol, int lastCol, const std::string& value, lxw_format* format)
{
    if (firstCol == lastCol) {
        text(row, firstCol, value, format);
        return;
    }
    m_book->check(worksheet_merge_range(m_sheet, static_cast<lxw_row_t>(row),
                                        static_cast<lxw_col_t>(firstCol), static_cast<lxw_row_t>(row),
                                        static_cast<lxw_col_t>(lastCol), value.c_str(), format),
                  "a merged cell");
}

void Sheet::rowHeight(int row, double points)
{
    m_book->check(worksheet_set_row(m_sheet, static_cast<lxw_row_t>(row), points, nullptr), "a row height");
}

void Sheet::columnWidths(const std::vector<double>& widths)
{
    for (std::size_t col = 0; col < widths.size(); ++col) {
        m_book->check(worksheet_set_column(m_sheet, static_cast<lxw_col_t>(col), static_cast<lxw_col_t>(col),
                                           widths[col], nullptr),
                      "a column width");
    }
}

void Sheet::printLikePaper(int headerRow, bool landscape)
{
    worksheet_set_paper(m_sheet, kPaperA4);
    if (landscape)
        worksheet_set_landscape(m_sheet);
    else
        worksheet_set_portrait(m_sheet);
    worksheet_set_margins(m_sheet, 0.4, 0.4, 0.6, 0.6);
    worksheet_center_horizontally(m_sheet);
    worksheet_fit_to_pages(m_sheet, 1, 0); // one page wide, as many pages tall as needed
    m_book->check(
        worksheet_repeat_rows(m_sheet, static_cast<lxw_row_t>(headerRow), static_cast<lxw_row_t>(headerRow)),
        "the repeated header row");
    m_book->check(worksheet_set_footer(m_sheet, "&C第 &P 页，共 &N 页"), "the page footer");
    worksheet_freeze_panes(m_sheet, static_cast<lxw_row_t>(headerRow + 1), 0);
}

tepei::Result<std::unique_ptr<Book>> Book::create(const std::string& path)
{
    if (path.empty())
        return exportFailed("no file name was given for the export; give the path of the .xlsx to write");
    std::string temp = tempPathFor(path);
    lxw_workbook* workbook = workbook_new(temp.c_str());
    if (!workbook)
        return exportFailed("cannot start the workbook for " + path + " (out of memory?); try again");
    return std::unique_ptr<Book>(new Book(path, std::move(temp), workbook));
}

Book::Book(std::string path, std::string temp, lxw_workbook* workbook)
    : m_path(std::move(path)), m_temp(std::move(temp)), m_workbook(workbook)
{
    makeFormats();
}

Book::~Book()
{
    if (m_workbook)
        lxw_workbook_free(m_workbook); // nothing was written to disk yet
}

void Book::makeFormats()
{
    Formats& f = m_formats;
    f.title = plain(m_workbook, 16);
    format_set_bold(f.title);
    format_set_align(f.title, LXW_ALIGN_CENTER);
    f.subtitle = plain(m_workbook, 11);
    f.header = bordered(m_workbook);
    format_set_bold(f.header);
    format_set_align(f.header, LXW_ALIGN_CENTER);
    format_set_bg_color(f.header, kHeaderFill);
    f.text = bordered(m_workbook);
    f.centred = bordered(m_workbook);
    format_set_align(f.centred, LXW_ALIGN_CENTER);
    f.integer = bordered(m_workbook);
    format_set_align(f.integer, LXW_ALIGN_CENTER);
    format_set_num_format(f.integer, "0");
    f.money = bordered(m_workbook);
    format_set_align(f.money, LXW_ALIGN_RIGHT);
    format_set_num_format(f.money, "#,##0.00");
    f.totalLabel = bordered(m_workbook);
    format_set_bold(f.totalLabel);
    format_set_align(f.totalLabel, LXW_ALIGN_CENTER);
    f.totalInteger = bordered(m_workbook);
    format_set_bold(f.totalInteger);
    format_set_align(f.totalInteger, LXW_ALIGN_CENTER);
    format_set_num_format(f.totalInteger, "0");
    f.totalMoney = bordered(m_workbook);
    format_set_bold(f.totalMoney);
    format_set_align(f.totalMoney, LXW_ALIGN_RIGHT);
    format_set_num_format(f.totalMoney, "#,##0.00");
    f.footer = plain(m_workbook, 11);
    f.note = plain(m_workbook, 9);
    format_set_text_wrap(f.note);
    format_set_align(f.note, LXW_ALIGN_VERTICAL_TOP);
}

tepei::Result<Sheet> Book::addSheet(const std::string& name)
{
    if (const lxw_error invalid = workbook_validate_sheet_name(m_workbook, name.c_str());
        invalid != LXW_NO_ERROR) {
        return exportFailed("Excel does not accept the sheet name '" + name + "' (" + lxw_strerror(invalid) +
                            "); name each authority only once");
    }
    lxw_worksheet* sheet = workbook_add_worksheet(m_workbook, name.c_str());
    if (!sheet)
        return exportFailed("cannot add the sheet '" + name + "'");
    return Sheet(*this, sheet);
}

void Book::check(lxw_error error, const char* what)
{
    if (error != LXW_NO_ERROR && m_error.empty())
        m_error = std::string("cannot write ") + what + ": " + lxw_strerror(error);
}

tepei::Result<std::string> Book::commit()
{
    lxw_workbook* workbook = m_workbook;
    m_workbook = nullptr; // workbook_close frees it, whatever it returns
    if (!m_error.empty()) {
        lxw_workbook_free(workbook);
        return exportFailed(m_error + "; the export was not written, report this as a fault");
    }
    const lxw_error closed = workbook_close(workbook);
    std::error_code ec;
    if (closed != LXW_NO_ERROR) {
        std::filesystem::remove(m_temp, ec);
        return exportFailed("cannot write " + m_path + " (" + lxw_strerror(closed) +
                            "); check that the folder exists, is writable and has free space");
    }
    std::filesystem::rename(m_temp, m_path, ec);
    if (ec) {
        const std::string why = ec.message();
        std::filesystem::remove(m_temp, ec);
        return exportFailed(
            "cannot move the finished export onto " + m_path + " (" + why +
            "); check that the file is not open in another program and the folder is writable");
    }
    return m_path;
}

} // namespace tepei::model::xlsx
