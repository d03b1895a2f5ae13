#pragma once
// Internal: pieces shared by the codec's translation units.

#include <cstdint>
#include <string>
#include <tepei/sync/change.h>

namespace tepei::sync::detail {

// Appends the JSON form of a change; with "seq" first when seq is not null.
void writeChange(std::string& out, const Change& change, const std::int64_t* seq,
                 const ChangeVerdict* verdict);

} // namespace tepei::sync::detail
