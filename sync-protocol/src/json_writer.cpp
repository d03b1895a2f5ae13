#include "json_writer.h"

#include <array>
#include <charconv>
#include <cmath>
#include <cstring>

namespace tepei::sync::detail {

namespace {

// 0: copy as is; 1: short escape (\n ...); 2: \u00XX.
constexpr std::array<std::uint8_t, 256> makeEscapeTable()
{
    std::array<std::uint8_t, 256> table{};
    for (int c = 0; c < 0x20; ++c)
        table[c] = 2;
    table['"'] = 1;
    table['\\'] = 1;
    table['\b'] = 1;
    table['\f'] = 1;
    table['\n'] = 1;
    table['\r'] = 1;
    table['\t'] = 1;
    return table;
}
constexpr auto kEscape = makeEscapeTable();

char shortEscape(unsigned char c)
{
    switch (c) {
    case '"':
        return '"';
    case '\\':
        return '\\';
    case '\b':
        return 'b';
    case '\f':
        return 'f';
    case '\n':
        return 'n';
    case '\r':
        return 'r';
    default:
        return 't';
    }
}

constexpr char kHex[] = "0123456789abcdef";

// Formats a number into buffer (at least 40 bytes); returns the length.
std::size_t formatNumber(char* buffer, const web::json::number& number)
{
    char* const end = buffer + 40;
    if (number.is_integral()) {
        const auto result = number.is_int64() ? std::to_chars(buffer, end, number.to_int64())
                                              : std::to_chars(buffer, end, number.to_uint64());
        return static_cast<std::size_t>(result.ptr - buffer);
    }
    const double value = number.to_double();
    if (!std::isfinite(value)) {
        std::char_traits<char>::copy(buffer, "null", 4);
        return 4;
    }
    char* last = std::to_chars(buffer, end - 2, value).ptr;
    if (std::string_view(buffer, static_cast<std::size_t>(last - buffer)).find_first_of(".e") ==
        std::string_view::npos) {
        *last++ = '.';
        *last++ = '0';
    }
    return static_cast<std::size_t>(last - buffer);
}

} // namespace

namespace {

// Whether any of the 8 bytes in word needs escaping ('"', '\\' or below 0x20): the usual
// "has a zero byte" and "has a byte less than n" bit tricks, so that plain text is scanned a word
// at a time.
bool needsEscape(std::uint64_t word)
{
    constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
    constexpr std::uint64_t kHigh = 0x8080808080808080ULL;
    const std::uint64_t quote = word ^ (kOnes * '"');
    const std::uint64_t backslash = word ^ (kOnes * '\\');
    const std::uint64_t hasQuote = (quote - kOnes) & ~quote;
    const std::uint64_t hasBackslash = (backslash - kOnes) & ~backslash;
    const std::uint64_t hasControl = (word - kOnes * 0x20) & ~word;
    return ((hasQuote | hasBackslash | hasControl) & kHigh) != 0;
}

} // namespace

void appendString(std::string& out, std::string_view text)
{
    out.push_back('"');
    const char* run = text.data();
    const char* const end = text.data() + text.size();
    const char* p = run;
    for (;;) {
        // Skip plain bytes 8 at a time, then look at the word that needs escaping byte by byte.
        while (end - p >= 8) {
            std::uint64_t word = 0;
            std::memcpy(&word, p, sizeof word);
            if (needsEscape(word))
                break;
            p += 8;
        }
        const char* const stop = end - p >= 8 ? p + 8 : end;
        for (; p != stop; ++p) {
            const auto c = static_cast<unsigned char>(*p);
            if (kEscape[c] == 0) [[likely]]
                continue;
            out.append(run, p);
            if (kEscape[c] == 1) {
                out.push_back('\\');
                out.push_back(shortEscape(c));
            } else {
                const char escaped[6] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 0xf]};
                out.append(escaped, 6);
            }
            run = p + 1;
        }
        if (p == end)
            break;
    }
    out.append(run, end);
    out.push_back('"');
}

std::size_t stringSize(std::string_view text)
{
    std::size_t size = text.size() + 2;
    for (const char ch : text) {
        const auto kind = kEscape[static_cast<unsigned char>(ch)];
        size += kind == 0 ? 0 : (kind == 1 ? 1 : 5);
    }
    return size;
}

void appendInt(std::string& out, std::int64_t number)
{
    char buffer[24];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, number);
    out.append(buffer, result.ptr);
}

void appendUuid(std::string& out, const ChangeId& id)
{
    char text[38];
    std::size_t at = 0;
    text[at++] = '"';
    for (std::size_t i = 0; i < 16; ++i) {
        if (i == 4 || i == 6 || i == 8 || i == 10)
            text[at++] = '-';
        text[at++] = kHex[id.data[i] >> 4];
        text[at++] = kHex[id.data[i] & 0xf];
    }
    text[at++] = '"';
    out.append(text, at);
}

void appendHlc(std::string& out, const Hlc& hlc)
{
    char buffer[24];
    out.push_back('"');
    out.append(buffer, std::to_chars(buffer, buffer + sizeof buffer, hlc.wallMs).ptr);
    out.push_back('.');
    out.append(buffer, std::to_chars(buffer, buffer + sizeof buffer, hlc.counter).ptr);
    out.push_back('"');
}

std::size_t numberSize(const web::json::number& number)
{
    char buffer[40];
    return formatNumber(buffer, number);
}

void appendValue(std::string& out, const web::json::value& value)
{
    switch (value.type()) {
    case web::json::value::Null:
        out.append("null");
        break;
    case web::json::value::Boolean:
        out.append(value.as_bool() ? "true" : "false");
        break;
    case web::json::value::Number: {
        char buffer[40];
        out.append(buffer, formatNumber(buffer, value.as_number()));
        break;
    }
    case web::json::value::String:
        appendString(out, value.as_string());
        break;
    case web::json::value::Object: {
        out.push_back('{');
        bool first = true;
        for (const auto& [key, element] : value.as_object()) {
            if (!first)
                out.push_back(',');
            first = false;
            appendString(out, key);
            out.push_back(':');
            appendValue(out, element);
        }
        out.push_back('}');
        break;
    }
    case web::json::value::Array: {
        out.push_back('[');
        bool first = true;
        for (const auto& element : value.as_array()) {
            if (!first)
                out.push_back(',');
            first = false;
            appendValue(out, element);
        }
        out.push_back(']');
        break;
    }
    }
}

} // namespace tepei::sync::detail
