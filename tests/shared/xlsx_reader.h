#pragma once
// Test support: reads back what an export wrote. A .xlsx is a zip of XML parts; this opens it
// with the `unzip` command (scripts/setup-debian.sh installs it) and reads the workbook's sheet
// names, each sheet's cells (shared strings resolved, numbers as written) and its raw XML, so
// that tests check the file a person would open, not the code that wrote it.

#include <array>
#include <cctype>
#include <cstdint>
#include <cstdio>
#include <map>
#include <memory>
#include <regex>
#include <string>
#include <vector>

namespace tepei::test {

// "A", "B", ..., "Z", "AA", ... for a 0-based column index.
inline std::string columnName(int col)
{
    std::string name;
    for (++col; col > 0; col = (col - 1) / 26)
        name.insert(name.begin(), static_cast<char>('A' + (col - 1) % 26));
    return name;
}

inline std::string xmlUnescape(const std::string& text)
{
    static const std::array<std::pair<const char*, const char*>, 5> entities{
        {{"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&apos;", "'"}, {"&amp;", "&"}}};
    std::string out = text;
    for (const auto& [entity, plain] : entities) {
        for (std::size_t at = out.find(entity); at != std::string::npos; at = out.find(entity, at + 1))
            out.replace(at, std::char_traits<char>::length(entity), plain);
    }
    return out;
}

// A spreadsheet amount as written ("2450000", "49000", "123.45") in integer fen, without
// floating point; -1 if it is not such a number.
inline std::int64_t fenOfCell(const std::string& text)
{
    static const std::regex amount(R"((\d+)(?:\.(\d{1,2}))?)");
    std::smatch m;
    if (!std::regex_match(text, m, amount))
        return -1;
    std::string cents = m[2].str();
    cents.resize(2, '0');
    return std::stoll(m[1].str()) * 100 + std::stoll(cents);
}

struct XlsxSheet {
    std::string name;
    std::string xml;                          // the sheet part, for layout checks
    std::map<std::string, std::string> cells; // "A1" -> text, or the number as written

    // The cell at a 0-based column in a 1-based row, or "".
    std::string at(int col, int row) const
    {
        const auto it = cells.find(columnName(col) + std::to_string(row));
        return it == cells.end() ? std::string() : it->second;
    }
    // The cells of a 1-based row from column A up to `columns`.
    std::vector<std::string> row(int row, int columns) const
    {
        std::vector<std::string> out;
        for (int col = 0; col < columns; ++col)
            out.push_back(at(col, row));
        return out;
    }
    // The 1-based row whose first cell is `first`, or 0.
    int findRow(const std::string& first) const
    {
        for (const auto& [ref, value] : cells) {
            if (value == first && ref[0] == 'A' && std::isdigit(static_cast<unsigned char>(ref[1])))
                return std::stoi(ref.substr(1));
        }
        return 0;
    }
    // Whether any cell contains `part`.
    bool contains(const std::string& part) const
    {
        for (const auto& [ref, value] : cells) {
            if (value.find(part) != std::string::npos)
                return true;
        }
        return false;
    }
};

class XlsxFile {
public:
    explicit XlsxFile(std::string path) : m_path(std::move(path))
    {
        readSharedStrings();
        readSheets();
    }

    // The raw text of one part of the zip ("xl/workbook.xml"), or "" if absent.
    std::string part(const std::string& name) const
    {
        const std::string command = "unzip -p '" + m_path + "' '" + name + "' 2>/dev/null";
        std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"), pclose);
        std::string out;
        if (!pipe)
            return out;
        std::array<char, 65536> buffer;
        std::size_t n = 0;
        while ((n = std::fread(buffer.data(), 1, buffer.size(), pipe.get())) > 0)
            out.append(buffer.data(), n);
        return out;
    }

    const std::vector<XlsxSheet>& sheets() const { return m_sheets; }
    std::vector<std::string> sheetNames() const
    {
        std::vector<std::string> names;
        for (const auto& sheet : m_sheets)
            names.push_back(sheet.name);
        return names;
    }
    const XlsxSheet* sheet(const std::string& name) const
    {
        for (const auto& sheet : m_sheets) {
            if (sheet.name == name)
                return &sheet;
        }
        return nullptr;
    }
    const std::vector<std::string>& sharedStrings() const { return m_strings; }

private:
    void readSharedStrings()
    {
        const std::string xml = part("xl/sharedStrings.xml");
        static const std::regex item(R"(<si>([\s\S]*?)</si>)");
        static const std::regex run(R"(<t(?: [^>]*)?>([\s\S]*?)</t>)");
        for (auto it = std::sregex_iterator(xml.begin(), xml.end(), item); it != std::sregex_iterator();
             ++it) {
            const std::string si = (*it)[1].str();
            std::string text;
            for (auto t = std::sregex_iterator(si.begin(), si.end(), run); t != std::sregex_iterator(); ++t)
                text += xmlUnescape((*t)[1].str());
            m_strings.push_back(text);
        }
    }

    void readSheets()
    {
        const std::string workbook = part("xl/workbook.xml");
        const std::string rels = part("xl/_rels/workbook.xml.rels");
        static const std::regex sheetTag(R"re(<sheet name="([^"]*)" sheetId="\d+" r:id="(rId\d+)"/>)re");
        for (auto it = std::sregex_iterator(workbook.begin(), workbook.end(), sheetTag);
             it != std::sregex_iterator(); ++it) {
            XlsxSheet sheet;
            sheet.name = xmlUnescape((*it)[1].str());
            const std::regex target("Id=\"" + (*it)[2].str() + "\"[^>]*Target=\"([^\"]+)\"");
            std::smatch m;
            if (std::regex_search(rels, m, target))
                sheet.xml = part("xl/" + m[1].str());
            readCells(sheet);
            m_sheets.push_back(std::move(sheet));
        }
    }

    void readCells(XlsxSheet& sheet) const
    {
        static const std::regex cell(R"re(<c r="([A-Z]+\d+)"([^>]*?)(?:/>|>([\s\S]*?)</c>))re");
        static const std::regex value(R"(<v>([\s\S]*?)</v>)");
        for (auto it = std::sregex_iterator(sheet.xml.begin(), sheet.xml.end(), cell);
             it != std::sregex_iterator(); ++it) {
            const std::string inner = (*it)[3].str();
            std::smatch v;
            if (!std::regex_search(inner, v, value))
                continue;
            std::string text = xmlUnescape(v[1].str());
            if ((*it)[2].str().find("t=\"s\"") != std::string::npos) {
                const auto index = static_cast<std::size_t>(std::stoul(text));
                text = index < m_strings.size() ? m_strings[index] : std::string();
            }
            sheet.cells[(*it)[1].str()] = text;
        }
    }

    std::string m_path;
    std::vector<std::string> m_strings;
    std::vector<XlsxSheet> m_sheets;
};

} // namespace tepei::test
