// A strict JSON (RFC 8259) parser that builds web::json::value directly. cpprestsdk's own parser
// reads about 100 MB/s of change records here; every push, pull and replica load parses megabytes
// of them, so the codec parses with this one. Same values as web::json::value::parse gives
// (objects sorted by key, integers as int64 or uint64 when they fit, else double), but stricter:
// raw control characters in strings, lone surrogates, leading zeros and nesting deeper than
// kMaxDepth are errors, and an error names what was wrong and at which byte.

#include "json_parser.h"

#include "hex.h"

#include <charconv>
#include <cstring>
#include <iterator>

namespace tepei::sync::detail {

namespace {

constexpr int kMaxDepth = 64;

class Parser {
public:
    Parser(std::string_view text, std::vector<std::string_view>* payloadSpans,
           const ArrayStream* stream = nullptr)
        : m_begin(text.data()), m_p(text.data()), m_end(text.data() + text.size()),
          m_payloadSpans(payloadSpans), m_stream(stream)
    {}

    web::json::value parseDocument()
    {
        skipSpace();
        web::json::value root = parseValue(0);
        if (!failed()) {
            skipSpace();
            if (m_p != m_end)
                fail("unexpected text after the end of the JSON value");
        }
        return root;
    }

    bool failed() const { return !m_error.empty(); }
    const std::string& error() const { return m_error; }

private:
    void fail(std::string_view what)
    {
        if (m_error.empty())
            m_error = std::string(what) + " at byte " + std::to_string(m_p - m_begin);
    }

    void skipSpace()
    {
        while (m_p != m_end && (*m_p == ' ' || *m_p == '\n' || *m_p == '\r' || *m_p == '\t'))
            ++m_p;
    }

    bool literal(std::string_view word)
    {
        if (static_cast<std::size_t>(m_end - m_p) < word.size() ||
            std::memcmp(m_p, word.data(), word.size()) != 0) {
            fail("unknown word (expected true, false or null)");
            return false;
        }
        m_p += word.size();
        return true;
    }

    web::json::value parseValue(int depth)
    {
        if (m_p == m_end) {
            fail("the text ends where a value was expected");
            return {};
        }
        switch (*m_p) {
        case '{':
            return parseObject(depth + 1);
        case '[':
            return parseArray(depth + 1);
        case '"': {
            std::string text;
            if (!parseString(text))
                return {};
            return web::json::value::string(std::move(text));
        }
        case 't':
            return literal("true") ? web::json::value::boolean(true) : web::json::value();
        case 'f':
            return literal("false") ? web::json::value::boolean(false) : web::json::value();
        case 'n':
            return literal("null") ? web::json::value::null() : web::json::value();
        default:
            if (*m_p == '-' || (*m_p >= '0' && *m_p <= '9'))
                return parseNumber();
            fail("unexpected character where a value was expected");
            return {};
        }
    }

    web::json::value parseObject(int depth)
    {
        if (depth > kMaxDepth) {
            fail("objects and arrays nest too deeply");
            return {};
        }
        ++m_p; // '{'
        std::vector<std::pair<std::string, web::json::value>> members;
        skipSpace();
        if (m_p != m_end && *m_p == '}') {
            ++m_p;
            return web::json::value::object(std::move(members));
        }
        for (;;) {
            if (m_p == m_end || *m_p != '"') {
                fail("expected a quoted member name");
                return {};
            }
            std::string name;
            if (!parseString(name))
                return {};
            skipSpace();
            if (m_p == m_end || *m_p != ':') {
                fail("expected ':' after a member name");
                return {};
            }
            ++m_p;
            skipSpace();
            if (m_stream && depth == 1 && name == m_stream->key && m_p != m_end && *m_p == '[') {
                streamArray(depth + 1, members);
                if (failed())
                    return {};
                members.emplace_back(std::move(name), web::json::value::array());
                const Next after = next('}');
                if (after == Next::More)
                    continue;
                return after == Next::End ? web::json::value::object(std::move(members)) : web::json::value();
            }
            const char* const valueStart = m_p;
            web::json::value value = parseValue(depth);
            if (failed())
                return {};
            if (m_payloadSpans && depth == kChangeDepth && name == "body")
                m_payloadSpans->emplace_back(valueStart, static_cast<std::size_t>(m_p - valueStart));
            members.emplace_back(std::move(name), std::move(value));
            const Next after = next('}');
            if (after == Next::More)
                continue;
            if (after != Next::End)
                return {};
            // Sorted by name, as web::json::value::parse leaves objects.
            web::json::value object = web::json::value::object(std::move(members));
            if (m_stream)
                noteRepeatedNames(object);
            return object;
        }
    }

    // Counts objects that repeat a member name (a sorted object has the twins side by side).
    void noteRepeatedNames(const web::json::value& object)
    {
        const auto& members = object.as_object();
        for (auto it = members.begin(); it != members.end() && std::next(it) != members.end(); ++it) {
            if (it->first == std::next(it)->first) {
                ++m_repeatedNames;
                return;
            }
        }
    }

    enum class Next { More, End, Failed };

    // After an object's member or an array's element: past the ',' before the next one, or past
    // the closing `close` ('}' or ']').
    Next next(char close)
    {
        skipSpace();
        if (m_p != m_end && *m_p == ',') {
            ++m_p;
            skipSpace();
            return Next::More;
        }
        if (m_p != m_end && *m_p == close) {
            ++m_p;
            return Next::End;
        }
        fail(close == '}' ? "expected ',' or '}' in an object" : "expected ',' or ']' in an array");
        return Next::Failed;
    }

    // The array of ArrayStream's key, each element handed to the sink (with the payload span the
    // element recorded) and dropped.
    void streamArray(int depth, const JsonMembers& before)
    {
        if (depth > kMaxDepth) {
            fail("objects and arrays nest too deeply");
            return;
        }
        std::vector<std::string_view> spans;
        std::vector<std::string_view>* const outer = m_payloadSpans;
        m_payloadSpans = &spans;
        ++m_p; // '['
        skipSpace();
        if (m_p != m_end && *m_p == ']') {
            ++m_p;
            m_payloadSpans = outer;
            return;
        }
        for (;;) {
            spans.clear();
            const std::size_t repeated = m_repeatedNames;
            web::json::value element = parseValue(depth);
            if (failed())
                break;
            // An element that repeats a name somewhere gets no payload text: its reader then walks
            // the values itself, and reports the name where it is.
            const bool clean = repeated == m_repeatedNames;
            if (!m_stream->sink(element, spans.empty() || !clean ? std::string_view{} : spans.back(),
                                before)) {
                fail("stopped by the reader");
                break;
            }
            if (next(']') != Next::More)
                break;
        }
        m_payloadSpans = outer;
    }

    web::json::value parseArray(int depth)
    {
        if (depth > kMaxDepth) {
            fail("objects and arrays nest too deeply");
            return {};
        }
        ++m_p; // '['
        std::vector<web::json::value> elements;
        skipSpace();
        if (m_p != m_end && *m_p == ']') {
            ++m_p;
            return web::json::value::array(std::move(elements));
        }
        for (;;) {
            elements.push_back(parseValue(depth));
            if (failed())
                return {};
            const Next after = next(']');
            if (after == Next::More)
                continue;
            return after == Next::End ? web::json::value::array(std::move(elements)) : web::json::value();
        }
    }

    // Four hex digits after "\u"; -1 if they are not.
    long hex4()
    {
        if (m_end - m_p < 4)
            return -1;
        long code = 0;
        for (int i = 0; i < 4; ++i) {
            const int digit = hexValue(m_p[i]);
            if (digit < 0)
                return -1;
            code = code * 16 + digit;
        }
        m_p += 4;
        return code;
    }

    static void appendUtf8(std::string& out, unsigned long code)
    {
        if (code < 0x80) {
            out.push_back(static_cast<char>(code));
        } else if (code < 0x800) {
            out.push_back(static_cast<char>(0xC0 | (code >> 6)));
            out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
        } else if (code < 0x10000) {
            out.push_back(static_cast<char>(0xE0 | (code >> 12)));
            out.push_back(static_cast<char>(0x80 | ((code >> 6) & 0x3F)));
            out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
        } else {
            out.push_back(static_cast<char>(0xF0 | (code >> 18)));
            out.push_back(static_cast<char>(0x80 | ((code >> 12) & 0x3F)));
            out.push_back(static_cast<char>(0x80 | ((code >> 6) & 0x3F)));
            out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
        }
    }

    bool escape(std::string& out)
    {
        ++m_p; // '\\'
        if (m_p == m_end) {
            fail("the text ends inside an escape");
            return false;
        }
        const char c = *m_p++;
        switch (c) {
        case '"':
        case '\\':
        case '/':
            out.push_back(c);
            return true;
        case 'b':
            out.push_back('\b');
            return true;
        case 'f':
            out.push_back('\f');
            return true;
        case 'n':
            out.push_back('\n');
            return true;
        case 'r':
            out.push_back('\r');
            return true;
        case 't':
            out.push_back('\t');
            return true;
        case 'u':
            break;
        default:
            fail("unknown escape in a string");
            return false;
        }
        const long first = hex4();
        if (first < 0) {
            fail("\\u must be followed by four hex digits");
            return false;
        }
        if (first >= 0xDC00 && first <= 0xDFFF) {
            fail("a \\u escape is half of a character (a lone low surrogate)");
            return false;
        }
        if (first < 0xD800 || first > 0xDBFF) {
            appendUtf8(out, static_cast<unsigned long>(first));
            return true;
        }
        // A high surrogate must be followed by a low one: together one character above U+FFFF.
        long second = -1;
        if (m_end - m_p >= 2 && m_p[0] == '\\' && m_p[1] == 'u') {
            m_p += 2;
            second = hex4();
        }
        if (second < 0xDC00 || second > 0xDFFF) {
            fail("a \\u escape is half of a character (a high surrogate without its low half)");
            return false;
        }
        appendUtf8(out, 0x10000 + ((static_cast<unsigned long>(first) - 0xD800) << 10) +
                            (static_cast<unsigned long>(second) - 0xDC00));
        return true;
    }

    bool parseString(std::string& out)
    {
        ++m_p; // opening quote
        const char* run = m_p;
        for (;;) {
            // Plain bytes in one go: the common case is a string without escapes.
            while (m_p != m_end && *m_p != '"' && *m_p != '\\' && static_cast<unsigned char>(*m_p) >= 0x20)
                ++m_p;
            out.append(run, m_p);
            if (m_p == m_end) {
                fail("the text ends inside a string");
                return false;
            }
            if (*m_p == '"') {
                ++m_p;
                return true;
            }
            if (*m_p != '\\') {
                fail("a control character must be escaped inside a string");
                return false;
            }
            if (!escape(out))
                return false;
            run = m_p;
        }
    }

    web::json::value parseNumber()
    {
        const char* const start = m_p;
        if (*m_p == '-')
            ++m_p;
        const auto digits = [&] {
            const char* from = m_p;
            while (m_p != m_end && *m_p >= '0' && *m_p <= '9')
                ++m_p;
            return m_p - from;
        };
        const char* const intStart = m_p;
        const auto intDigits = digits();
        if (intDigits == 0) {
            fail("a number needs digits");
            return {};
        }
        if (intDigits > 1 && *intStart == '0') {
            fail("a number must not start with 0");
            return {};
        }
        bool integral = true;
        if (m_p != m_end && *m_p == '.') {
            ++m_p;
            integral = false;
            if (digits() == 0) {
                fail("a number needs digits after '.'");
                return {};
            }
        }
        if (m_p != m_end && (*m_p == 'e' || *m_p == 'E')) {
            ++m_p;
            integral = false;
            if (m_p != m_end && (*m_p == '+' || *m_p == '-'))
                ++m_p;
            if (digits() == 0) {
                fail("a number needs digits in its exponent");
                return {};
            }
        }
        if (integral) {
            std::int64_t signedValue = 0;
            if (const auto r = std::from_chars(start, m_p, signedValue); r.ec == std::errc{} && r.ptr == m_p)
                return web::json::value::number(signedValue);
            std::uint64_t unsignedValue = 0;
            if (*start != '-') {
                if (const auto r = std::from_chars(start, m_p, unsignedValue);
                    r.ec == std::errc{} && r.ptr == m_p)
                    return web::json::value::number(unsignedValue);
            }
        }
        double value = 0;
        const auto r = std::from_chars(start, m_p, value);
        if (r.ec != std::errc{} || r.ptr != m_p) {
            fail("the number is out of range");
            return {};
        }
        return web::json::value::number(value);
    }

    // Depth of an object inside the root object's arrays: a change of a message.
    static constexpr int kChangeDepth = 3;

    const char* const m_begin;
    const char* m_p;
    const char* const m_end;
    std::vector<std::string_view>* m_payloadSpans;
    const ArrayStream* const m_stream;
    std::size_t m_repeatedNames = 0; // objects with a repeated member name (counted when streaming)
    std::string m_error;
};

web::json::value run(Parser& parser, std::string& error)
{
    web::json::value value = parser.parseDocument();
    if (parser.failed()) {
        error = parser.error();
        return {};
    }
    error.clear();
    return value;
}

} // namespace

web::json::value parseJson(std::string_view text, std::string& error,
                           std::vector<std::string_view>* payloadSpans)
{
    Parser parser(text, payloadSpans);
    return run(parser, error);
}

web::json::value parseJsonStreaming(std::string_view text, std::string& error, const ArrayStream& stream)
{
    Parser parser(text, nullptr, &stream);
    return run(parser, error);
}

} // namespace tepei::sync::detail
