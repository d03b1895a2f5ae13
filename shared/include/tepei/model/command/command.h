#pragma once
// Command: a change that asks a record to do something (submit, approve, return, admit, ...), as
// opposed to a field set. Its payload on the wire (PROTOCOL.md) is one JSON object: the command's
// name, the issuing role, the author's comment, the content digest of what the author saw, and
// the command's own arguments beside them. This is the only place those keys are spelt: the
// client, the fold and the server read and write commands through this type. A plain value.

#include <cpprest/json.h>
#include <optional>
#include <string>
#include <string_view>
#include <tepei/model/kinds/application/workflow.h>
#include <tepei/model/reference/date.h>

namespace tepei::model {

// The kind of a command argument: what its value must be.
enum class ArgType {
    Text, // a non-empty string
    Date, // an ISO date, YYYY-MM-DD
};

// One argument a command takes, besides name, role, comment and digest.
struct ArgSpec {
    const char* name;
    ArgType type;
    bool required;
};

struct Command {
    std::string name;    // e.g. "unit_approve"
    std::string role;    // the issuing role's wire name, as sent (model::toString(Role))
    std::string comment; // the author's opinion or remark; may be empty
    std::string digest;  // content digest of the record as its author saw it; empty when none
    // The command's own arguments: an object (never holding name, role, comment or digest), or
    // null while there are none (most commands: no allocation for them in the fold).
    web::json::value args;

    // Reads a command from a change's payload; a payload that is not an object, or members of the
    // wrong type, give empty parts (the rules then refuse the command with a reason).
    static Command fromPayload(const web::json::value& payload);
    // The same, taking the payload's strings instead of copying them.
    static Command fromPayload(web::json::value&& payload);
    // The payload to send: the members above, empty ones left out.
    web::json::value toPayload() const;

    // The issuing role, if `role` names one.
    std::optional<Role> issuingRole() const { return roleFromString(role); }
    // A text argument, or empty when missing or not a string.
    std::string_view text(std::string_view arg) const;
    // A date argument, or nullopt when missing or not an ISO date.
    std::optional<Date> date(std::string_view arg) const;
    // Sets a text argument.
    Command& set(std::string_view arg, std::string value);

    // An argument's value to set (args becomes an object if it was null).
    web::json::value& arg(const std::string& key);

    // The first of `specs` this command's arguments do not satisfy, or null.
    const ArgSpec* missing(const std::vector<ArgSpec>& specs) const;
};

} // namespace tepei::model
