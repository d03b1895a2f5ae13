#pragma once
// Internal: the strict JSON parser (json_parser.cpp) behind the codec and sync::parseJson.

#include <cpprest/json.h>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace tepei::sync::detail {

// The value of text; on failure a null value and error says what was wrong and at which byte.
// With payloadSpans, also the exact text of every member named "body" of the objects in the
// root object's arrays (the payloads of a message's changes), in document order.
web::json::value parseJson(std::string_view text, std::string& error,
                           std::vector<std::string_view>* payloadSpans = nullptr);

using JsonMembers = std::vector<std::pair<std::string, web::json::value>>;

// The elements of the root object's array member `key`, handed over one by one while the rest of
// the text is still unread, instead of kept in the root (where `key` stays an empty array). The
// sink gets each element, the text of its "body" member (empty if it has none, or if the element
// repeats a member name anywhere: its reader must then walk it), and the root's members read
// before the array; returning false stops the parse.
struct ArrayStream {
    std::string_view key;
    std::function<bool(web::json::value& element, std::string_view payloadText, const JsonMembers& before)>
        sink;
};

// parseJson streaming the array stream.key to stream.sink. A stopped parse fails with error
// "stopped by the reader".
web::json::value parseJsonStreaming(std::string_view text, std::string& error, const ArrayStream& stream);

} // namespace tepei::sync::detail
