#pragma once
// Internal: a JSON text builder that appends to one std::string (no streams, no intermediate
// web::json::value), and the exact size of what it writes for a web::json::value.

#include <cpprest/json.h>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <tepei/sync/hlc.h>
#include <tepei/sync/ids.h>

namespace tepei::sync::detail {

// Appends text as a quoted JSON string, escaping '"', '\\' and control characters; other bytes
// (UTF-8) pass through unchanged.
void appendString(std::string& out, std::string_view text);
// Bytes appendString would write for text, quotes included.
std::size_t stringSize(std::string_view text);

void appendInt(std::string& out, std::int64_t number);
void appendUuid(std::string& out, const ChangeId& id); // quoted canonical form
void appendHlc(std::string& out, const Hlc& hlc);      // quoted "ms.counter"

// Appends any JSON value. Objects in their stored order, numbers in shortest round-trip form
// (a double always shows '.' or an exponent so that it reads back as a double), non-finite
// doubles as null.
void appendValue(std::string& out, const web::json::value& value);
// Bytes appendValue would write for a number.
std::size_t numberSize(const web::json::number& number);

} // namespace tepei::sync::detail
