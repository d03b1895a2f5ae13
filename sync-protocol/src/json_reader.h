#pragma once
// Internal: strict reading of parsed JSON into protocol values. A Reader keeps the first error
// and turns every later call into a no-op, so decoders read field after field and check once.
// Paths for error fields are only built when something fails.

#include "json_parser.h"

#include <array>
#include <cpprest/json.h>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <tepei/sync/change.h>
#include <tepei/sync/codec.h>
#include <tepei/sync/result.h>

namespace tepei::sync::detail {

std::string joinPath(std::string_view path, std::string_view name);
std::string indexPath(std::string_view path, std::size_t index);

// Offset of the first byte that is not part of well-formed UTF-8 (no overlongs, no surrogates,
// nothing above U+10FFFF), or std::string_view::npos.
std::size_t invalidUtf8Offset(std::string_view text);

class Reader {
public:
    bool ok() const { return !m_error.has_value(); }
    const Error& error() const { return *m_error; }
    // Records an error unless one is recorded already.
    void fail(std::string code, std::string message, std::string field);

    // Size limit, UTF-8, JSON syntax; the root must be an object. Returns Null on failure.
    web::json::value parseObject(std::string_view text, const DecodeLimits& limits,
                                 std::vector<std::string_view>* payloadSpans = nullptr);
    // The same, handing the elements of one array member to stream.sink as they are parsed
    // (json_parser.h). Errors the sink records in this reader take precedence over the parser's.
    web::json::value parseObject(std::string_view text, const DecodeLimits& limits,
                                 const ArrayStream& stream);
    // Reads "v" of a message root before anything else (a newer peer may add fields).
    void version(const web::json::value& root, int& out);
    // The same for the value of "v" itself.
    void versionValue(const web::json::value& v, int& out);

    // Matches the members of object against names: slot i points at the member named names[i],
    // or is null. Unknown or repeated names fail.
    template <std::size_t N>
    std::array<web::json::value*, N>
    fields(web::json::value& object, const std::array<std::string_view, N>& names, std::string_view path)
    {
        std::array<web::json::value*, N> slots{};
        if (!ok())
            return slots;
        if (!object.is_object()) {
            failType(path, "an object");
            return slots;
        }
        for (auto& [key, value] : object.as_object()) {
            std::size_t i = 0;
            while (i < N && names[i] != key)
                ++i;
            if (i == N) {
                failUnknown(path, key);
                return slots;
            }
            if (slots[i] != nullptr) {
                failDuplicate(path, key);
                return slots;
            }
            slots[i] = &value;
        }
        return slots;
    }

    // Required fields: a null value fails with missing_field.
    void string(const web::json::value* value, std::string_view path, std::string_view name,
                std::size_t maxBytes, std::string& out, bool allowEmpty = false);
    void integer(const web::json::value* value, std::string_view path, std::string_view name,
                 std::int64_t min, std::int64_t max, std::int64_t& out);
    void boolean(const web::json::value* value, std::string_view path, std::string_view name, bool& out);
    void uuid(const web::json::value* value, std::string_view path, std::string_view name, ChangeId& out);
    void hlc(const web::json::value* value, std::string_view path, std::string_view name, Hlc& out);
    // A string matching [a-z_]+ (charset "a-z_") or [a-z0-9_]+ ("a-z0-9_"), 1..maxBytes.
    void identifier(const web::json::value* value, std::string_view path, std::string_view name,
                    std::size_t maxBytes, bool digits, std::string& out);
    // An array of at most maxItems elements; null on failure.
    web::json::array* array(web::json::value* value, std::string_view path, std::string_view name,
                            std::size_t maxItems);
    // A change payload for op: validates its shape and size, then moves it into out.
    void payload(web::json::value* value, std::string_view path, std::string_view name, ChangeOp op,
                 std::size_t maxBytes, web::json::value& out,
                 std::optional<std::size_t> encodedBytes = std::nullopt);

    void failType(std::string_view path, std::string_view expected);
    void failMissing(std::string_view path, std::string_view name);

private:
    void failUnknown(std::string_view path, std::string_view key);
    void failDuplicate(std::string_view path, std::string_view key);
    bool present(const web::json::value* value, std::string_view path, std::string_view name);
    web::json::value checkRoot(web::json::value root, const std::string& parseError);
    bool measure(const web::json::value& value, std::size_t maxBytes, std::size_t& size,
                 std::string_view path);

    std::optional<Error> m_error;
};

// Reads a change object (with "seq" when seq is not null, which then must be present).
// payloadBytes: the size of its payload's text in the message when the parser recorded it (then
// the payload is not measured again).
void readChange(Reader& reader, web::json::value& json, std::string_view path, const DecodeLimits& limits,
                Change& out, std::int64_t* seq, ChangeVerdict* verdict,
                std::optional<std::size_t> payloadBytes = std::nullopt, std::int64_t* received = nullptr);

} // namespace tepei::sync::detail
