#include "json_reader.h"

#include "json_parser.h"
#include "json_writer.h"

#include <cstring>

namespace tepei::sync::detail {

namespace {

// At most maxBytes of text, never cutting a UTF-8 sequence (error texts must stay valid UTF-8).
std::string_view clip(std::string_view text, std::size_t maxBytes = 64)
{
    if (text.size() <= maxBytes)
        return text;
    std::size_t n = maxBytes;
    while (n > 0 && (static_cast<unsigned char>(text[n]) & 0xC0) == 0x80)
        --n;
    return text.substr(0, n);
}

const char* typeName(const web::json::value& value)
{
    switch (value.type()) {
    case web::json::value::Null:
        return "null";
    case web::json::value::Boolean:
        return "a boolean";
    case web::json::value::Number:
        return "a number";
    case web::json::value::String:
        return "a string";
    case web::json::value::Object:
        return "an object";
    case web::json::value::Array:
        return "an array";
    }
    return "a value";
}

bool matchesIdentifier(std::string_view text, bool digits)
{
    for (const char c : text) {
        if (!((c >= 'a' && c <= 'z') || c == '_' || (digits && c >= '0' && c <= '9')))
            return false;
    }
    return !text.empty();
}

} // namespace

std::string joinPath(std::string_view path, std::string_view name)
{
    std::string joined(path);
    if (!joined.empty() && !name.empty())
        joined.push_back('.');
    joined.append(clip(name));
    return joined;
}

std::string indexPath(std::string_view path, std::size_t index)
{
    return std::string(path) + "[" + std::to_string(index) + "]";
}

std::size_t invalidUtf8Offset(std::string_view text)
{
    const auto* const begin = reinterpret_cast<const unsigned char*>(text.data());
    const auto* const end = begin + text.size();
    const auto* p = begin;
    while (p != end) {
        // ASCII fast path, eight bytes at a time.
        while (end - p >= 8) {
            std::uint64_t word;
            std::memcpy(&word, p, 8);
            if (word & 0x8080808080808080ULL)
                break;
            p += 8;
        }
        if (p == end)
            break;
        const unsigned char c = *p;
        if (c < 0x80) {
            ++p;
            continue;
        }
        std::size_t length = 0;
        unsigned char low = 0x80;
        unsigned char high = 0xBF;
        if (c >= 0xC2 && c <= 0xDF) {
            length = 2;
        } else if (c >= 0xE0 && c <= 0xEF) {
            length = 3;
            if (c == 0xE0)
                low = 0xA0; // overlong
            if (c == 0xED)
                high = 0x9F; // surrogates
        } else if (c >= 0xF0 && c <= 0xF4) {
            length = 4;
            if (c == 0xF0)
                low = 0x90; // overlong
            if (c == 0xF4)
                high = 0x8F; // above U+10FFFF
        } else {
            return static_cast<std::size_t>(p - begin);
        }
        if (static_cast<std::size_t>(end - p) < length || p[1] < low || p[1] > high)
            return static_cast<std::size_t>(p - begin);
        for (std::size_t i = 2; i < length; ++i) {
            if ((p[i] & 0xC0) != 0x80)
                return static_cast<std::size_t>(p - begin);
        }
        p += length;
    }
    return std::string_view::npos;
}

void Reader::fail(std::string code, std::string message, std::string field)
{
    if (!m_error)
        m_error = Error{std::move(code), std::move(message), std::move(field)};
}

void Reader::failType(std::string_view path, std::string_view expected)
{
    fail("wrong_type", "expected " + std::string(expected) + (path.empty() ? "" : " at " + std::string(path)),
         std::string(path));
}

void Reader::failMissing(std::string_view path, std::string_view name)
{
    fail("missing_field", "the required field '" + std::string(name) + "' is missing", joinPath(path, name));
}

void Reader::failUnknown(std::string_view path, std::string_view key)
{
    fail("unknown_field", "'" + std::string(clip(key)) + "' is not a field of this message",
         joinPath(path, key));
}

void Reader::failDuplicate(std::string_view path, std::string_view key)
{
    fail("duplicate_field", "the field '" + std::string(clip(key)) + "' appears more than once",
         joinPath(path, key));
}

namespace {

// Size and UTF-8: what every message is checked for before it is parsed.
bool admissible(Reader& reader, std::string_view text, const DecodeLimits& limits)
{
    if (text.size() > limits.maxMessageBytes) {
        reader.fail("too_large",
                    "the message has " + std::to_string(text.size()) + " bytes; the limit is " +
                        std::to_string(limits.maxMessageBytes),
                    {});
        return false;
    }
    if (const auto bad = invalidUtf8Offset(text); bad != std::string_view::npos) {
        reader.fail("bad_encoding", "the message is not valid UTF-8 (byte " + std::to_string(bad) + ")", {});
        return false;
    }
    return true;
}

} // namespace

web::json::value Reader::parseObject(std::string_view text, const DecodeLimits& limits,
                                     std::vector<std::string_view>* payloadSpans)
{
    if (!admissible(*this, text, limits))
        return {};
    std::string error;
    return checkRoot(parseJson(text, error, payloadSpans), error);
}

web::json::value Reader::parseObject(std::string_view text, const DecodeLimits& limits,
                                     const ArrayStream& stream)
{
    if (!admissible(*this, text, limits))
        return {};
    std::string error;
    return checkRoot(parseJsonStreaming(text, error, stream), error);
}

web::json::value Reader::checkRoot(web::json::value root, const std::string& parseError)
{
    if (!ok())
        return {}; // the stream's sink failed first: its error says more than "stopped"
    if (!parseError.empty()) {
        fail("malformed_json", "the message is not valid JSON: " + parseError, {});
        return {};
    }
    if (!root.is_object()) {
        failType({}, "a JSON object");
        return {};
    }
    return root;
}

void Reader::version(const web::json::value& root, int& out)
{
    if (!ok())
        return;
    const auto& object = root.as_object();
    const auto found = object.find("v");
    if (found == object.end())
        return failMissing({}, "v");
    versionValue(found->second, out);
}

void Reader::versionValue(const web::json::value& v, int& out)
{
    if (!ok())
        return;
    if (!v.is_integer())
        return failType("v", "an integer");
    const auto& number = v.as_number();
    if (!number.is_int64() || number.to_int64() != kProtocolVersion) {
        return fail("unsupported_version",
                    "sync protocol version " + v.serialize() +
                        " is not supported; this side speaks version " + std::to_string(kProtocolVersion) +
                        ": update tepei-client to the current version, then sync again (changes not yet "
                        "uploaded stay on the device) / 同步协议版本不符：请将特培客户端 tepei-client "
                        "更新到最新版本后再同步，尚未上传的更改仍保存在本机",
                    "v");
    }
    out = kProtocolVersion;
}

bool Reader::present(const web::json::value* value, std::string_view path, std::string_view name)
{
    if (!ok())
        return false;
    if (value == nullptr) {
        failMissing(path, name);
        return false;
    }
    return true;
}

void Reader::string(const web::json::value* value, std::string_view path, std::string_view name,
                    std::size_t maxBytes, std::string& out, bool allowEmpty)
{
    if (!present(value, path, name))
        return;
    if (!value->is_string())
        return failType(joinPath(path, name), "a string");
    const std::string& text = value->as_string();
    if (text.size() > maxBytes) {
        return fail("too_large",
                    "'" + std::string(name) + "' has " + std::to_string(text.size()) +
                        " bytes; the limit is " + std::to_string(maxBytes),
                    joinPath(path, name));
    }
    if (text.empty() && !allowEmpty)
        return fail("invalid_value", "'" + std::string(name) + "' must not be empty", joinPath(path, name));
    out = text;
}

void Reader::integer(const web::json::value* value, std::string_view path, std::string_view name,
                     std::int64_t min, std::int64_t max, std::int64_t& out)
{
    if (!present(value, path, name))
        return;
    if (!value->is_integer())
        return failType(joinPath(path, name), "an integer");
    const auto& number = value->as_number();
    if (!number.is_int64() || number.to_int64() < min || number.to_int64() > max) {
        return fail("out_of_range",
                    "'" + std::string(name) + "' is " + value->serialize() + "; it must be from " +
                        std::to_string(min) + " to " + std::to_string(max),
                    joinPath(path, name));
    }
    out = number.to_int64();
}

void Reader::boolean(const web::json::value* value, std::string_view path, std::string_view name, bool& out)
{
    if (!present(value, path, name))
        return;
    if (!value->is_boolean())
        return failType(joinPath(path, name), "a boolean");
    out = value->as_bool();
}

void Reader::uuid(const web::json::value* value, std::string_view path, std::string_view name, ChangeId& out)
{
    if (!present(value, path, name))
        return;
    if (!value->is_string())
        return failType(joinPath(path, name), "a UUID string");
    auto parsed = parseUuid(value->as_string());
    if (!parsed)
        return fail(parsed.error().code, parsed.error().message, joinPath(path, name));
    out = *parsed;
}

void Reader::hlc(const web::json::value* value, std::string_view path, std::string_view name, Hlc& out)
{
    if (!present(value, path, name))
        return;
    if (!value->is_string())
        return failType(joinPath(path, name), "a clock time string \"<ms>.<counter>\"");
    auto parsed = parseHlc(value->as_string());
    if (!parsed)
        return fail(parsed.error().code, parsed.error().message, joinPath(path, name));
    out = *parsed;
}

void Reader::identifier(const web::json::value* value, std::string_view path, std::string_view name,
                        std::size_t maxBytes, bool digits, std::string& out)
{
    std::string text;
    string(value, path, name, maxBytes, text);
    if (!ok())
        return;
    if (!matchesIdentifier(text, digits)) {
        return fail("invalid_value",
                    "'" + std::string(clip(text)) + "' is not a valid " + std::string(name) + "; use " +
                        (digits ? "[a-z0-9_]" : "[a-z_]") + " only",
                    joinPath(path, name));
    }
    out = std::move(text);
}

web::json::array* Reader::array(web::json::value* value, std::string_view path, std::string_view name,
                                std::size_t maxItems)
{
    if (!present(value, path, name))
        return nullptr;
    if (!value->is_array()) {
        failType(joinPath(path, name), "an array");
        return nullptr;
    }
    auto& items = value->as_array();
    if (items.size() > maxItems) {
        fail("too_large",
             "'" + std::string(name) + "' has " + std::to_string(items.size()) + " elements; the limit is " +
                 std::to_string(maxItems),
             joinPath(path, name));
        return nullptr;
    }
    return &items;
}

bool Reader::measure(const web::json::value& value, std::size_t maxBytes, std::size_t& size,
                     std::string_view path)
{
    switch (value.type()) {
    case web::json::value::Null:
        size += 4;
        break;
    case web::json::value::Boolean:
        size += value.as_bool() ? 4 : 5;
        break;
    case web::json::value::Number:
        size += numberSize(value.as_number());
        break;
    case web::json::value::String:
        size += stringSize(value.as_string());
        break;
    case web::json::value::Object: {
        const auto& object = value.as_object();
        size += object.empty() ? 2 : 1 + object.size();
        const std::string* previous = nullptr;
        for (const auto& [key, element] : object) {
            // Parsed objects are sorted by key, so a repeated key sits next to its twin.
            if (previous != nullptr && *previous == key) {
                failDuplicate(path, key);
                return false;
            }
            previous = &key;
            size += stringSize(key) + 1;
            if (size > maxBytes || !measure(element, maxBytes, size, path))
                return false;
        }
        break;
    }
    case web::json::value::Array: {
        const auto& items = value.as_array();
        size += items.size() == 0 ? 2 : 1 + items.size();
        for (const auto& element : items) {
            if (size > maxBytes || !measure(element, maxBytes, size, path))
                return false;
        }
        break;
    }
    }
    return size <= maxBytes;
}

void Reader::payload(web::json::value* value, std::string_view path, std::string_view name, ChangeOp op,
                     std::size_t maxBytes, web::json::value& out, std::optional<std::size_t> encodedBytes)
{
    if (!present(value, path, name))
        return;
    const std::string here = joinPath(path, name);
    if (!value->is_object())
        return failType(here, std::string("an object, not ") + typeName(*value));
    const auto& object = value->as_object();
    if (op == ChangeOp::Set) {
        for (const auto& [key, element] : object) {
            if (key.size() > kMaxFieldNameBytes) {
                return fail("too_large",
                            "a field name is longer than " + std::to_string(kMaxFieldNameBytes) + " bytes",
                            joinPath(here, key));
            }
            if (!matchesIdentifier(key, true)) {
                return fail("invalid_value",
                            "'" + std::string(clip(key)) + "' is not a valid field name; use [a-z0-9_] only",
                            joinPath(here, key));
            }
        }
    } else {
        const auto found = object.find("name");
        if (found == object.end())
            return failMissing(here, "name");
        std::string command;
        identifier(&found->second, here, "name", kMaxFieldNameBytes, true, command);
        if (!ok())
            return;
    }
    std::size_t size = encodedBytes.value_or(0);
    if (encodedBytes ? size > maxBytes : !measure(*value, maxBytes, size, here)) {
        return fail("too_large", "the payload is larger than " + std::to_string(maxBytes) + " bytes", here);
    }
    out = std::move(*value);
}

} // namespace tepei::sync::detail
