#pragma once
// Reason: why the rules refused something, in words a person can act on.

#include <string>
#include <tepei/sync/result.h>

namespace tepei::model {

// A refusal or failure of a domain rule: a stable snake_case code (never renamed once shipped,
// the sync log stores it in verdicts), and a message in Simplified Chinese and in English that
// says what happened and what to do about it.
struct Reason {
    std::string code;
    std::string zh;
    std::string en;

    bool operator==(const Reason&) const = default;
};

// The protocol-level error for a reason: code, message = the English text, and the offending
// field's path when the caller knows it (e.g. "fields.birth_date").
tepei::Error toError(const Reason& reason, std::string field = {});

} // namespace tepei::model
