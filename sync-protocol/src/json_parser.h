#pragma once
// Internal: the strict JSON parser (json_parser.cpp) behind the codec and sync::parseJson.

#include <cpprest/json.h>
#include <string>
#include <string_view>

namespace tepei::sync::detail {

// The value of text; on failure a null value and error says what was wrong and at which byte.
web::json::value parseJson(std::string_view text, std::string& error);

} // namespace tepei::sync::detail
