#pragma once
// Internal: the strict JSON parser (json_parser.cpp) behind the codec and sync::parseJson.

#include <cpprest/json.h>
#include <string>
#include <string_view>
#include <vector>

namespace tepei::sync::detail {

// The value of text; on failure a null value and error says what was wrong and at which byte.
// With payloadSpans, also the exact text of every member named "body" of the objects in the
// root object's arrays (the payloads of a message's changes), in document order.
web::json::value parseJson(std::string_view text, std::string& error,
                           std::vector<std::string_view>* payloadSpans = nullptr);

} // namespace tepei::sync::detail
