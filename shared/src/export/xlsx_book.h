#pragma once
// Internal to the exports (export_xlsx.h): a thin owner of one libxlsxwriter workbook with the
// formats the paper-like tables share, cell writers that remember the first error, and the
// write-to-temporary-then-rename commit. Not thread-safe; one Book per export.

#include <cstdint>
#include <memory>
#include <string>
#include <tepei/sync/result.h>
#include <vector>
#include <xlsxwriter.h>

namespace tepei::model::xlsx {

// The formats of the tables. Owned by the workbook.
struct Formats {
    lxw_format* title = nullptr;      // 16 pt bold, centred (merged over the table's width)
    lxw_format* subtitle = nullptr;   // left, no border
    lxw_format* header = nullptr;     // bold, centred, wrapped, bordered, grey
    lxw_format* text = nullptr;       // bordered, wrapped, centred vertically
    lxw_format* centred = nullptr;    // bordered, centred
    lxw_format* integer = nullptr;    // bordered whole number, centred
    lxw_format* money = nullptr;      // bordered "#,##0.00", right
    lxw_format* totalLabel = nullptr; // bordered, bold, centred
    lxw_format* totalInteger = nullptr;
    lxw_format* totalMoney = nullptr;
    lxw_format* footer = nullptr; // no border, left
    lxw_format* note = nullptr;   // no border, left, wrapped, small
};

class Book;

// One worksheet of a Book. Rows and columns count from 0.
class Sheet {
public:
    Sheet(Book& book, lxw_worksheet* sheet) : m_book(&book), m_sheet(sheet) {}

    void text(int row, int col, const std::string& value, lxw_format* format);
    void integer(int row, int col, std::int64_t value, lxw_format* format);
    // An amount of money given in integer fen, written as a number of yuan. This is the one place
    // where money becomes a floating-point value: fen / 100 at the cell, nowhere in any sum.
    void yuan(int row, int col, std::int64_t fen, lxw_format* format);
    void merge(int row, int firstCol, int lastCol, const std::string& value, lxw_format* format);
    void rowHeight(int row, double points);
    void columnWidths(const std::vector<double>& widths);
    // A4 (landscape or portrait), narrow margins, one page wide, row `headerRow` repeated on every
    // printed page and frozen on screen, page numbers in the footer.
    void printLikePaper(int headerRow, bool landscape);

private:
    Book* m_book;
    lxw_worksheet* m_sheet;
};

class Book {
public:
    // A workbook that will become `path` on commit(). Errors: "export_failed".
    static tepei::Result<std::unique_ptr<Book>> create(const std::string& path);
    ~Book(); // without commit(): the workbook is discarded and `path` left as it was
    Book(const Book&) = delete;
    Book& operator=(const Book&) = delete;

    // A new sheet named `name`. Errors: "export_failed" (a name Excel refuses, or taken).
    tepei::Result<Sheet> addSheet(const std::string& name);
    const Formats& formats() const { return m_formats; }

    // Records the first failure of a cell write (commit reports it).
    void check(lxw_error error, const char* what);

    // Writes the workbook to a temporary file beside the path and renames it onto the path.
    // Returns the path. Errors: "export_failed" (the first cell failure, or the file).
    tepei::Result<std::string> commit();

private:
    Book(std::string path, std::string temp, lxw_workbook* workbook);
    void makeFormats();

    std::string m_path;
    std::string m_temp;
    lxw_workbook* m_workbook;
    Formats m_formats;
    std::string m_error;
};

} // namespace tepei::model::xlsx
