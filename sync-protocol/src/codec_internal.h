#pragma once
// Internal: pieces shared by the codec's translation units.

#include <cstdint>
#include <string>
#include <string_view>
#include <tepei/sync/change.h>

namespace tepei::sync::detail {

// Appends the JSON form of a change; with "seq" first when seq is not null, then "recv" when
// receivedMs is not 0.
void writeChange(std::string& out, const Change& change, const std::int64_t* seq,
                 const ChangeVerdict* verdict, std::int64_t receivedMs = 0);
// The same with the payload given as JSON text, copied as it is (change.payload is not used).
void writeChange(std::string& out, const Change& change, const std::int64_t* seq,
                 const ChangeVerdict* verdict, std::string_view payloadJson, std::int64_t receivedMs = 0);

// Appends a refused verdict as {"code":…,"zh":…,"en":…} (the form of a pulled change's "refused").
void writeVerdict(std::string& out, const ChangeVerdict& verdict);

class Reader;
// Reads that form into a refused verdict; errors name fields under path.
void readVerdict(Reader& reader, web::json::value& json, const std::string& path, ChangeVerdict& out);

} // namespace tepei::sync::detail
