#include "json_reader.h"

#include <algorithm>

namespace tepei::model::detail {

std::string joinPath(const std::string& parent, std::string_view key)
{
    return parent.empty() ? std::string(key) : parent + "." + std::string(key);
}

std::string indexPath(const std::string& parent, std::size_t index)
{
    return parent + "[" + std::to_string(index) + "]";
}

void JsonReader::add(std::string path, std::string zh, std::string en)
{
    m_problems.push_back(Problem{std::move(path), std::move(zh), std::move(en)});
}

const web::json::value* JsonReader::find(const web::json::value& obj, std::string_view key,
                                         const std::string& path, bool required)
{
    const std::string name(key);
    if (obj.is_object() && obj.has_field(name) && !obj.at(name).is_null())
        return &obj.at(name);
    if (required)
        add(joinPath(path, key), "缺少此项", "is missing");
    return nullptr;
}

std::optional<std::int64_t> JsonReader::integer(const web::json::value& obj, std::string_view key,
                                                const std::string& path, std::int64_t min, std::int64_t max,
                                                bool required)
{
    const web::json::value* value = find(obj, key, path, required);
    if (!value)
        return std::nullopt;
    if (value->is_integer() && value->as_number().is_int64()) {
        const std::int64_t number = value->as_number().to_int64();
        if (number >= min && number <= max)
            return number;
    }
    const std::string range = std::to_string(min) + " – " + std::to_string(max);
    add(joinPath(path, key), "应为 " + range + " 之间的整数", "must be an integer in " + range);
    return std::nullopt;
}

std::optional<std::string> JsonReader::string(const web::json::value& obj, std::string_view key,
                                              const std::string& path, bool required)
{
    const web::json::value* value = find(obj, key, path, required);
    if (!value)
        return std::nullopt;
    if (value->is_string() && (!required || !value->as_string().empty()))
        return value->as_string();
    add(joinPath(path, key), "应为非空文本", "must be a non-empty string");
    return std::nullopt;
}

std::optional<bool> JsonReader::boolean(const web::json::value& obj, std::string_view key,
                                        const std::string& path)
{
    const web::json::value* value = find(obj, key, path, true);
    if (!value)
        return std::nullopt;
    if (value->is_boolean())
        return value->as_bool();
    add(joinPath(path, key), "应为 true 或 false", "must be true or false");
    return std::nullopt;
}

std::optional<Date> JsonReader::date(const web::json::value& obj, std::string_view key,
                                     const std::string& path, bool required)
{
    const web::json::value* value = find(obj, key, path, required);
    if (!value)
        return std::nullopt;
    if (value->is_string()) {
        auto parsed = parseDate(value->as_string());
        if (parsed.ok())
            return *parsed;
    }
    add(joinPath(path, key), "应为 YYYY-MM-DD 格式的真实日期", "must be a real date as YYYY-MM-DD");
    return std::nullopt;
}

const web::json::value* JsonReader::array(const web::json::value& obj, std::string_view key,
                                          const std::string& path, bool required)
{
    const web::json::value* value = find(obj, key, path, required);
    if (!value)
        return nullptr;
    if (value->is_array())
        return value;
    add(joinPath(path, key), "应为数组", "must be an array");
    return nullptr;
}

bool JsonReader::onlyKnownKeys(const web::json::value& obj, std::initializer_list<std::string_view> known,
                               const std::string& path)
{
    if (!obj.is_object()) {
        add(path.empty() ? std::string("(root)") : path, "应为 JSON 对象", "must be a JSON object");
        return false;
    }
    for (const auto& member : obj.as_object()) {
        const std::string& key = member.first;
        if (std::find(known.begin(), known.end(), key) == known.end())
            add(joinPath(path, key), "不是已知的字段", "is not a known field");
    }
    return true;
}

Reason JsonReader::reason(const std::string& code, const std::string& whatZh, const std::string& whatEn) const
{
    std::string zh = whatZh + "无效：";
    std::string en = whatEn + " is not valid: ";
    for (std::size_t i = 0; i < m_problems.size(); ++i) {
        const Problem& p = m_problems[i];
        zh += (i ? "；" : "") + std::string("字段“") + p.path + "”" + p.zh;
        en += (i ? "; " : "") + std::string("field '") + p.path + "' " + p.en;
    }
    return Reason{code, zh + "。请改正这些字段后重试。", en + ". Correct these fields and try again."};
}

} // namespace tepei::model::detail
