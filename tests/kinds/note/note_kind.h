#pragma once
// A record kind that exists only in this test: a note (a text its author writes, and closes). It
// shows what adding a kind takes: this folder and one line in the registry (../registry.cpp).

#include <tepei/model/fold/record_kind.h>

namespace tepei::test {

inline constexpr const char* kKindNote = "note"; // Set {"text": ...}; command "close"

struct Note : model::Record {
    std::string text;
    bool closed = false;
};

const model::RecordKind& noteKind();

// The notes of a fold, or null.
const Note* findNote(const model::Fold& state, const std::string& id);

} // namespace tepei::test
