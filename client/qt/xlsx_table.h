#pragma once
// Reads the first worksheet of an .xlsx file as rows of cell texts (issue #12 item 4: the
// centre's bulk admission from a table filled in Excel). The file is a zip (minizip) of XML parts
// (QXmlStreamReader): the workbook names its first sheet, shared strings hold the texts. Cells
// read as Excel stores them: texts as written, numbers in their shortest decimal form (a date is
// a serial number of days; excelDate() turns one into ISO). Empty rows are kept as empty lists so
// that row numbers match the ones Excel shows. Any thread.

#include <QString>
#include <QStringList>
#include <tepei/sync/result.h>
#include <vector>

namespace tepei::qt {

// Errors: "file_unreadable" (no such file, not a zip), "xlsx_invalid" (a part is missing or its
// XML broken), each with a message that says what to do.
Result<std::vector<QStringList>> readFirstSheet(const QString& path);

// An Excel date serial ("45536", "45536.5") as an ISO date ("2024-09-01"); the text itself when
// it is not a number of days between 1900 and 9999.
QString excelDate(const QString& cell);

} // namespace tepei::qt
