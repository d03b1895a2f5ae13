// Validation of application form values (R-APP-2) against the field list in form_fields.cpp.

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <tepei/model/form/form.h>
#include <tepei/model/reference/reference.h>

namespace tepei::model {
namespace {

// Where a reason points: a field, or a column of one row of a rows field. Only turned into text
// when something fails (validation runs at every submission; labels are rarely needed).
struct Label {
    std::string_view zh;
    std::string_view en;
    std::size_t row = 0; // 1-based row of a rows field; 0 for the field itself
    const ColumnSpec* column = nullptr;

    Label atRow(std::size_t index) const { return Label{zh, en, index + 1, nullptr}; }
    Label atColumn(const ColumnSpec& c) const { return Label{zh, en, row, &c}; }
    std::string textZh() const
    {
        std::string text(zh);
        if (row > 0)
            text += "第 " + std::to_string(row) + " 行";
        if (column) {
            text += "的";
            text += column->labelZh;
        }
        return text;
    }
    std::string textEn() const
    {
        std::string text(en);
        if (row > 0)
            text += ", row " + std::to_string(row);
        if (column) {
            text += ", ";
            text += column->labelEn;
        }
        return text;
    }
};

Reason fieldReason(const std::string& code, const Label& label, const std::string& zhWhy,
                   const std::string& enWhy)
{
    return Reason{code, "“" + label.textZh() + "”" + zhWhy, label.textEn() + ": " + enWhy};
}

bool isTrimmedEmpty(const std::string& text)
{
    return text.find_first_not_of(" \t\r\n") == std::string::npos;
}

// Characters (code points) in text, or -1 if it is not valid UTF-8 or holds a control character
// (line breaks and tabs allowed when multiline). One pass: every text of every form goes through it.
int checkedLength(std::string_view text, bool multiline)
{
    constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
    constexpr std::uint64_t kHigh = 0x8080808080808080ULL;
    const auto continuation = [](unsigned char c) { return (c & 0xc0) == 0x80; };
    int count = 0;
    const auto* p = reinterpret_cast<const unsigned char*>(text.data());
    const auto* const end = p + text.size();
    while (p != end) {
        if (end - p >= 8) {
            // Eight printable ASCII bytes at once: no high bit, none below 0x20, no DEL (0x7f + 1
            // sets the high bit).
            std::uint64_t word = 0;
            std::memcpy(&word, p, sizeof word);
            if (((word | (word + kOnes)) & kHigh) == 0 && ((word - kOnes * 0x20) & ~word & kHigh) == 0) {
                p += 8;
                count += 8;
                continue;
            }
        }
        const unsigned char lead = *p;
        if (lead < 0x80) {
            if ((lead < 0x20 && !(multiline && (lead == '\n' || lead == '\r' || lead == '\t'))) ||
                lead == 0x7f)
                return -1;
            p += 1;
        } else if ((lead >> 5) == 0x6) {
            if (end - p < 2 || !continuation(p[1]))
                return -1;
            p += 2;
        } else if ((lead >> 4) == 0xe) { // most Chinese characters
            if (end - p < 3 || !continuation(p[1]) || !continuation(p[2]))
                return -1;
            p += 3;
        } else if ((lead >> 3) == 0x1e) {
            if (end - p < 4 || !continuation(p[1]) || !continuation(p[2]) || !continuation(p[3]))
                return -1;
            p += 4;
        } else {
            return -1;
        }
        ++count;
    }
    return count;
}

bool isMobile(std::string_view text)
{
    constexpr std::size_t kMobileDigits = 11;
    return text.size() == kMobileDigits && text[0] == '1' &&
           std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool isEmail(std::string_view text)
{
    const auto at = text.find('@');
    if (at == std::string_view::npos || at == 0 || text.find('@', at + 1) != std::string_view::npos)
        return false;
    const std::string_view domain = text.substr(at + 1);
    const auto dot = domain.rfind('.');
    if (dot == std::string_view::npos || dot == 0 || dot + 1 >= domain.size() ||
        domain.find("..") != domain.npos)
        return false;
    return std::all_of(text.begin(), text.end(), [](char c) { return c > ' ' && c < 0x7f; });
}

std::optional<Reason> checkText(const Label& label, const web::json::value& value, int maxChars,
                                bool multiline, std::string_view format)
{
    if (!value.is_string())
        return fieldReason("field_wrong_type", label, "应为文本", "must be text");
    const std::string& text = value.as_string();
    const int length = checkedLength(text, multiline);
    if (length < 0)
        return fieldReason("field_invalid_text", label, "含有无法识别的字符，请删除后重新输入",
                           "contains characters that cannot be used; remove them and type it again");
    if (maxChars > 0 && length > maxChars) {
        const std::string n = std::to_string(length), max = std::to_string(maxChars);
        return fieldReason("field_too_long", label, "共 " + n + " 字，超过上限 " + max + " 字，请删减",
                           "has " + n + " characters, more than the limit of " + max + "; shorten it");
    }
    if (format == formats::kMobile && !isMobile(text))
        return fieldReason("mobile_invalid", label, "应为 11 位手机号码（以 1 开头）",
                           "must be an 11-digit mobile number starting with 1");
    if (format == formats::kEmail && !isEmail(text))
        return fieldReason("email_invalid", label, "格式不正确，应类似 name@example.com",
                           "is not an e-mail address like name@example.com");
    if (format == formats::kResidentId) {
        auto id = parseResidentId(text);
        if (!id.ok())
            return id.error();
    }
    return std::nullopt;
}

std::optional<Reason> checkInt(const Label& label, const web::json::value& value, int min, int max)
{
    if (!value.is_integer() || !value.as_number().is_int64())
        return fieldReason("field_wrong_type", label, "应为整数", "must be a whole number");
    const std::int64_t number = value.as_number().to_int64();
    if (number < min || number > max) {
        const std::string range = std::to_string(min) + " – " + std::to_string(max);
        return fieldReason("field_out_of_range", label, "应在 " + range + " 之间", "must be in " + range);
    }
    return std::nullopt;
}

std::optional<Reason> checkDate(const Label& label, const web::json::value& value)
{
    if (!value.is_string())
        return fieldReason("field_wrong_type", label, "应为日期（YYYY-MM-DD）",
                           "must be a date (YYYY-MM-DD)");
    auto date = parseDate(value.as_string());
    if (!date.ok())
        return fieldReason("field_invalid_date", label, "：" + date.error().zh, date.error().en);
    return std::nullopt;
}

std::optional<Reason> checkEnum(const FieldSpec& spec, const Label& label, const web::json::value& value,
                                const Campaign& campaign)
{
    std::string code;
    if (value.is_string())
        code = value.as_string();
    else if (value.is_integer() && value.as_number().is_int64())
        code = std::to_string(value.as_number().to_int64());
    else
        return fieldReason("field_wrong_type", label, "应从列表中选择", "must be chosen from the list");
    bool known = false;
    if (spec.enumSource == lists::kTrainingMode) {
        known = findTrainingMode(campaign, code) != nullptr;
    } else if (spec.enumSource == lists::kAuthority) {
        known = std::any_of(campaign.allocations.begin(), campaign.allocations.end(),
                            [&](const Allocation& a) { return a.authorityCode == code; });
    } else if (const auto* list = referenceList(spec.enumSource)) {
        known = findByCode(*list, code) != nullptr;
    }
    if (!known)
        return fieldReason("field_not_in_list", label, "的值“" + code + "”不在可选列表中，请重新选择",
                           "\"" + code + "\" is not one of the choices; choose again");
    return std::nullopt;
}

std::optional<Reason> checkColumn(const ColumnSpec& column, const Label& row, const web::json::value& value)
{
    const Label label = row.atColumn(column);
    if (isEmptyValue(value)) {
        if (column.required)
            return fieldReason("field_required", label, "未填写", "is not filled in");
        return std::nullopt;
    }
    switch (column.type) {
    case FieldType::Int:
        return checkInt(label, value, column.minValue, column.maxValue);
    case FieldType::Date:
        return checkDate(label, value);
    default:
        return checkText(label, value, column.maxChars, false, {});
    }
}

std::optional<Reason> checkRow(const FieldSpec& spec, const Label& label, const web::json::value& row,
                               std::size_t index)
{
    const Label rowLabel = label.atRow(index);
    if (!row.is_object())
        return fieldReason("field_wrong_type", rowLabel, "格式不正确", "is not a row of values");
    for (const auto& member : row.as_object()) {
        const bool known = std::any_of(spec.columns.begin(), spec.columns.end(),
                                       [&](const ColumnSpec& c) { return c.id == member.first; });
        if (!known)
            return fieldReason("field_unknown", rowLabel, "含有未知栏目 " + member.first,
                               "has an unknown column " + member.first);
    }
    static const web::json::value kNull;
    const auto& members = row.as_object();
    auto member = [&](const std::string& id) -> const web::json::value& {
        const auto it = members.find(id);
        return it == members.end() ? kNull : it->second;
    };
    for (const auto& column : spec.columns) {
        if (auto reason = checkColumn(column, rowLabel, member(column.id)))
            return reason;
    }
    static const std::string kFrom = "from";
    static const std::string kTo = "to";
    const auto& from = member(kFrom);
    const auto& to = member(kTo);
    if (from.is_string() && to.is_string() && to.as_string() < from.as_string())
        return fieldReason("field_invalid_date", rowLabel, "的截止时间早于起始时间", "ends before it starts");
    return std::nullopt;
}

std::optional<Reason> checkRows(const FieldSpec& spec, const Label& label, const web::json::value& value)
{
    if (!value.is_array())
        return fieldReason("field_wrong_type", label, "应为若干行", "must be a list of rows");
    const auto& rows = value.as_array();
    if (spec.maxRows > 0 && rows.size() > static_cast<std::size_t>(spec.maxRows)) {
        const std::string max = std::to_string(spec.maxRows);
        return fieldReason("field_too_long", label, "最多 " + max + " 行",
                           "may have at most " + max + " rows");
    }
    for (std::size_t i = 0; i < rows.size(); ++i) {
        if (auto reason = checkRow(spec, label, rows.at(i), i))
            return reason;
    }
    return std::nullopt;
}

const web::json::value& fieldValue(const FormView& fields, std::string_view id)
{
    static const web::json::value kNull;
    const auto* value = fields.get(id);
    return value ? *value : kNull;
}

void crossFieldChecks(const FormView& fields, std::vector<std::pair<std::string, Reason>>& problems)
{
    const auto& level = fieldValue(fields, "title_level");
    if (level.is_string() && findTitleLevel(level.as_string()) && level.as_string() != "none") {
        for (const char* id : {"title", "title_date"}) {
            if (isEmptyValue(fieldValue(fields, id))) {
                const FieldSpec* spec = findField(id);
                problems.emplace_back(id, fieldReason("field_required", {spec->labelZh, spec->labelEn},
                                                      "未填写（已选择职称级别时必填）",
                                                      "is required when a title level is chosen"));
            }
        }
    }
    const auto& nonPublic = fieldValue(fields, "non_public");
    const auto& nature = fieldValue(fields, "unit_nature");
    if (nonPublic.is_boolean() && nature.is_string() &&
        nonPublic.as_bool() != isNonPublicNature(nature.as_string()) &&
        isEmptyValue(fieldValue(fields, "non_public_override_reason"))) {
        problems.emplace_back(
            "non_public_override_reason",
            Reason{"non_public_reason_missing", "“是否非公领域”与单位性质不一致，请填写“非公领域认定说明”。",
                   "The non-public setting differs from the nature of the employer; give the "
                   "reason in \"Reason for the non-public setting\"."});
    }
}

} // namespace

int utf8Length(std::string_view text)
{
    int count = 0;
    for (std::size_t i = 0; i < text.size();) {
        const auto lead = static_cast<unsigned char>(text[i]);
        const std::size_t size = lead < 0x80           ? 1
                                 : (lead >> 5) == 0x6  ? 2
                                 : (lead >> 4) == 0xe  ? 3
                                 : (lead >> 3) == 0x1e ? 4
                                                       : 0;
        if (size == 0 || i + size > text.size())
            return -1;
        for (std::size_t k = 1; k < size; ++k) {
            if ((static_cast<unsigned char>(text[i + k]) & 0xc0) != 0x80)
                return -1;
        }
        i += size;
        ++count;
    }
    return count;
}

bool isEmptyValue(const web::json::value& value)
{
    switch (value.type()) {
    case web::json::value::Null:
        return true;
    case web::json::value::String:
        return isTrimmedEmpty(value.as_string());
    case web::json::value::Array:
        return value.as_array().size() == 0;
    default:
        return false;
    }
}

FieldMap fieldMapFromJson(const web::json::value& object)
{
    FieldMap fields;
    if (object.is_object()) {
        for (const auto& member : object.as_object())
            fields.emplace(member.first, member.second);
    }
    return fields;
}

web::json::value toJson(const FieldMap& fields)
{
    auto json = web::json::value::object();
    for (const auto& [id, value] : fields)
        json[id] = value;
    return json;
}

std::optional<Reason> validateFieldValue(const FieldSpec& spec, const web::json::value& value,
                                         const Campaign& campaign)
{
    if (isEmptyValue(value))
        return std::nullopt;
    const Label label{spec.labelZh, spec.labelEn};
    switch (spec.type) {
    case FieldType::Text:
    case FieldType::LongText:
        return checkText(label, value, maxCharsFor(spec, campaign), spec.type == FieldType::LongText,
                         spec.format);
    case FieldType::Date:
        return checkDate(label, value);
    case FieldType::Int:
        return checkInt(label, value, spec.minValue, spec.maxValue);
    case FieldType::Bool:
        if (!value.is_boolean())
            return fieldReason("field_wrong_type", label, "应为“是”或“否”", "must be yes or no");
        return std::nullopt;
    case FieldType::Enum:
        return checkEnum(spec, label, value, campaign);
    case FieldType::Rows:
        return checkRows(spec, label, value);
    }
    return std::nullopt;
}

std::vector<std::pair<std::string, Reason>> validateForSubmission(const FieldMap& fields,
                                                                  const Campaign& campaign)
{
    return validateForSubmission(FormView(fields), campaign);
}

std::vector<std::pair<std::string, Reason>> validateForSubmission(const FormView& view,
                                                                  const Campaign& campaign)
{
    std::vector<std::pair<std::string, Reason>> problems;
    for (const std::string_view id : view.unknown()) {
        const std::string name(id);
        problems.emplace_back(name, Reason{"field_unknown", "申报表没有字段“" + name + "”。",
                                           "The application form has no field \"" + name + "\"."});
    }
    static const web::json::value kNull;
    for (const auto& spec : applicationFields()) {
        const auto* found = view.get(spec);
        const auto& value = found ? *found : kNull;
        if (isEmptyValue(value)) {
            if (spec.required)
                problems.emplace_back(spec.id, fieldReason("field_required", {spec.labelZh, spec.labelEn},
                                                           "未填写，提交前必须填写",
                                                           "must be filled in before submitting"));
        } else if (auto reason = validateFieldValue(spec, value, campaign)) {
            problems.emplace_back(spec.id, std::move(*reason));
        }
    }
    crossFieldChecks(view, problems);
    return problems;
}

} // namespace tepei::model
