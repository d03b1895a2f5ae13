#pragma once
// The registry of record kinds: every kind the model library knows, one line each in registry.cpp.
// Adding a kind is adding its folder under kinds/ and its line there; nothing else names it.

#include <cstddef>
#include <string_view>
#include <tepei/model/fold/record_kind.h>
#include <vector>

namespace tepei::model {

// Every registered kind, in registration order (a fold keeps one state per kind, in this order).
const std::vector<const RecordKind*>& recordKinds();

inline constexpr std::size_t kNoKind = static_cast<std::size_t>(-1);
// The index of the kind with this wire name in recordKinds(), or kNoKind.
std::size_t kindIndex(std::string_view name);
// The kind with this wire name, or null.
const RecordKind* findKind(std::string_view name);

} // namespace tepei::model
