// The first worksheet of an .xlsx file, read with minizip and QXmlStreamReader (xlsx_table.h).
#include "xlsx_table.h"

#include <QDate>
#include <QXmlStreamReader>
#include <memory>
#include <minizip/unzip.h>

namespace tepei::qt {

namespace {

struct ZipCloser {
    void operator()(void* zip) const { unzClose(zip); }
};
using Zip = std::unique_ptr<void, ZipCloser>;

Error invalid(const QString& what)
{
    return Error{"xlsx_invalid",
                 ("the file is not a workbook Excel or WPS can save (" + what +
                  "); open it in Excel or WPS, save it again as .xlsx and import that file")
                     .toStdString(),
                 "file"};
}

// The bytes of one part of the zip, or nothing when the part is not there.
Result<std::optional<QByteArray>> part(void* zip, const char* name)
{
    if (unzLocateFile(zip, name, 0) != UNZ_OK)
        return std::optional<QByteArray>();
    if (unzOpenCurrentFile(zip) != UNZ_OK)
        return invalid(QStringLiteral("part %1 cannot be read").arg(QLatin1String(name)));
    QByteArray out;
    char buffer[16384];
    for (;;) {
        const int n = unzReadCurrentFile(zip, buffer, sizeof buffer);
        if (n < 0) {
            unzCloseCurrentFile(zip);
            return invalid(QStringLiteral("part %1 is damaged").arg(QLatin1String(name)));
        }
        if (n == 0)
            break;
        out.append(buffer, n);
    }
    unzCloseCurrentFile(zip);
    return std::optional<QByteArray>(std::move(out));
}

// The texts of <si> entries, rich text runs joined.
QStringList sharedStrings(const QByteArray& xml)
{
    QStringList out;
    QXmlStreamReader r(xml);
    QString current;
    bool inPhonetic = false;
    while (!r.atEnd()) {
        r.readNext();
        if (r.isStartElement() && r.name() == QLatin1String("si"))
            current.clear();
        else if (r.isStartElement() && r.name() == QLatin1String("rPh"))
            inPhonetic = true; // pronunciation hints are not the text
        else if (r.isEndElement() && r.name() == QLatin1String("rPh"))
            inPhonetic = false;
        else if (r.isStartElement() && r.name() == QLatin1String("t") && !inPhonetic)
            current += r.readElementText();
        else if (r.isEndElement() && r.name() == QLatin1String("si"))
            out.push_back(current);
    }
    return out;
}

// "AB12" -> 27 (0-based column), -1 when there are no letters.
int columnOf(QStringView ref)
{
    int column = 0;
    int letters = 0;
    for (QChar c : ref) {
        if (c < QLatin1Char('A') || c > QLatin1Char('Z'))
            break;
        column = column * 26 + (c.unicode() - 'A' + 1);
        ++letters;
    }
    return letters ? column - 1 : -1;
}

// The path of the workbook's first sheet: workbook.xml names its relationship id, the
// relationships file its target.
QString firstSheetPath(const QByteArray& workbook, const QByteArray& rels)
{
    QString id;
    for (QXmlStreamReader r(workbook); !r.atEnd() && id.isEmpty();) {
        if (r.readNext() == QXmlStreamReader::StartElement && r.name() == QLatin1String("sheet")) {
            for (const auto& a : r.attributes())
                if (a.name() == QLatin1String("id"))
                    id = a.value().toString();
        }
    }
    for (QXmlStreamReader r(rels); !r.atEnd() && !id.isEmpty();) {
        if (r.readNext() == QXmlStreamReader::StartElement && r.name() == QLatin1String("Relationship") &&
            r.attributes().value(QLatin1String("Id")) == id) {
            const QString target = r.attributes().value(QLatin1String("Target")).toString();
            return target.startsWith(QLatin1Char('/')) ? target.mid(1) : QStringLiteral("xl/") + target;
        }
    }
    return QStringLiteral("xl/worksheets/sheet1.xml");
}

std::vector<QStringList> sheetRows(const QByteArray& xml, const QStringList& strings)
{
    std::vector<QStringList> rows;
    QXmlStreamReader r(xml);
    QString type;
    int column = 0;
    QString value;
    while (!r.atEnd()) {
        r.readNext();
        if (r.isStartElement() && r.name() == QLatin1String("row")) {
            const int number = r.attributes().value(QLatin1String("r")).toInt();
            while (number > 0 && static_cast<int>(rows.size()) < number - 1)
                rows.emplace_back(); // empty rows Excel does not write
            rows.emplace_back();
        } else if (r.isStartElement() && r.name() == QLatin1String("c")) {
            type = r.attributes().value(QLatin1String("t")).toString();
            const int at = columnOf(r.attributes().value(QLatin1String("r")));
            column = at >= 0 ? at : (rows.empty() ? 0 : static_cast<int>(rows.back().size()));
            value.clear();
        } else if (r.isStartElement() && (r.name() == QLatin1String("v") || r.name() == QLatin1String("t"))) {
            value += r.readElementText();
        } else if (r.isEndElement() && r.name() == QLatin1String("c") && !rows.empty()) {
            QString text = value;
            if (type == QLatin1String("s")) {
                bool ok = false;
                const int index = value.toInt(&ok);
                text = ok && index >= 0 && index < strings.size() ? strings[index] : QString();
            } else if (type == QLatin1String("b")) {
                text = value == QLatin1String("1") ? QStringLiteral("TRUE") : QStringLiteral("FALSE");
            }
            QStringList& row = rows.back();
            while (row.size() <= column)
                row.push_back(QString());
            row[column] = text.trimmed();
        }
    }
    return rows;
}

} // namespace

Result<std::vector<QStringList>> readFirstSheet(const QString& path)
{
    Zip zip(unzOpen64(path.toLocal8Bit().constData()));
    if (!zip)
        return Error{
            "file_unreadable",
            ("cannot open " + path +
             " as an .xlsx workbook; check that the file exists and was saved as .xlsx (not .xls or .csv)")
                .toStdString(),
            "file"};
    auto workbook = part(zip.get(), "xl/workbook.xml");
    if (!workbook)
        return workbook.error();
    if (!*workbook)
        return invalid(QStringLiteral("it has no xl/workbook.xml"));
    auto rels = part(zip.get(), "xl/_rels/workbook.xml.rels");
    if (!rels)
        return rels.error();
    const QString sheetPath = firstSheetPath(**workbook, rels->value_or(QByteArray()));
    auto strings = part(zip.get(), "xl/sharedStrings.xml");
    if (!strings)
        return strings.error();
    auto sheet = part(zip.get(), sheetPath.toUtf8().constData());
    if (!sheet)
        return sheet.error();
    if (!*sheet)
        return invalid(QStringLiteral("its first sheet %1 is missing").arg(sheetPath));
    return sheetRows(**sheet, *strings ? sharedStrings(**strings) : QStringList());
}

QString excelDate(const QString& cell)
{
    bool ok = false;
    const double days = cell.toDouble(&ok);
    // 1 is 1900-01-01 (Excel counts a 29 February 1900 that never was: from 61 on, day 0 is
    // 1899-12-30); 2958465 is 9999-12-31.
    if (!ok || days < 61 || days > 2958465)
        return cell;
    return QDate(1899, 12, 30).addDays(static_cast<qint64>(days)).toString(Qt::ISODate);
}

} // namespace tepei::qt
