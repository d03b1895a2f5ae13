#pragma once
// Internal: strict reading of JSON objects that collects every problem (with the field's path)
// instead of stopping at the first, so one reason can name all bad fields.

#include <cpprest/json.h>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <tepei/model/reference/date.h>
#include <tepei/model/reference/reason.h>
#include <vector>

namespace tepei::model::detail {

struct Problem {
    std::string path;
    std::string zh;
    std::string en;
};

class JsonReader {
public:
    // Field accessors: a missing required key, a wrong type or a value out of range records a
    // problem and returns std::nullopt. An absent optional key returns std::nullopt silently.
    std::optional<std::int64_t> integer(const web::json::value& obj, std::string_view key,
                                        const std::string& path, std::int64_t min, std::int64_t max,
                                        bool required = true);
    std::optional<std::string> string(const web::json::value& obj, std::string_view key,
                                      const std::string& path, bool required = true);
    std::optional<bool> boolean(const web::json::value& obj, std::string_view key, const std::string& path);
    std::optional<Date> date(const web::json::value& obj, std::string_view key, const std::string& path,
                             bool required = true);
    // The array at `key`, or nullptr (problem recorded unless absent and optional).
    const web::json::value* array(const web::json::value& obj, std::string_view key, const std::string& path,
                                  bool required = true);
    // Records a problem for every key of `obj` not in `known`; false when obj is not an object.
    bool onlyKnownKeys(const web::json::value& obj, std::initializer_list<std::string_view> known,
                       const std::string& path);

    void add(std::string path, std::string zh, std::string en);
    bool ok() const { return m_problems.empty(); }
    const std::vector<Problem>& problems() const { return m_problems; }

    // One reason naming every problem: "<code>", "<what> is not valid: field 'a': ...; ...".
    Reason reason(const std::string& code, const std::string& whatZh, const std::string& whatEn) const;

private:
    const web::json::value* find(const web::json::value& obj, std::string_view key, const std::string& path,
                                 bool required);
    std::vector<Problem> m_problems;
};

std::string joinPath(const std::string& parent, std::string_view key);
std::string indexPath(const std::string& parent, std::size_t index);

} // namespace tepei::model::detail
