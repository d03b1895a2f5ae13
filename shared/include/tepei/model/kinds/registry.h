#pragma once
// The registry of record kinds: every kind the model library knows, one line each in registry.cpp.
// Adding a kind is adding its folder under kinds/ and its line there; nothing else names it.
// registry.cpp holds nothing but that list, in a target of its own (tepei::model_kinds): a program
// that defines recordKinds() itself folds with its own kinds (tests/shared/kinds/ does).

#include <cstddef>
#include <string_view>
#include <tepei/model/fold/record_kind.h>
#include <vector>

namespace tepei::model {

// Every registered kind, in registration order (a fold keeps one state per kind, in this order).
const std::vector<const RecordKind*>& recordKinds();

inline constexpr std::size_t kNoKind = static_cast<std::size_t>(-1);
// The index of the kind with this wire name in recordKinds(), or kNoKind.
inline std::size_t kindIndex(std::string_view name)
{
    const auto& kinds = recordKinds();
    for (std::size_t i = 0; i < kinds.size(); ++i) {
        if (name == kinds[i]->name())
            return i;
    }
    return kNoKind;
}
// The kind with this wire name, or null.
inline const RecordKind* findKind(std::string_view name)
{
    const std::size_t index = kindIndex(name);
    return index == kNoKind ? nullptr : recordKinds()[index];
}

} // namespace tepei::model
