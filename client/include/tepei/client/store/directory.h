#pragma once
// The people a person meets in their records, by user id (GET /v1/directory, PROTOCOL.md): the
// server names exactly those in the caller's scope. The sync engine keeps the last reply in the
// replica's meta table, so that history, decisions and printed forms show names also offline.

#include <cstdint>
#include <string>
#include <tepei/client/store/local_store.h>
#include <tepei/sync/result.h>
#include <unordered_map>

namespace tepei::client {

struct Person {
    std::string userId;
    std::string displayName;
    std::string role;    // the model's role name, e.g. "unit_reviewer"
    std::string orgCode; // the person's organisation
    std::string orgName; // its name, as the server has it
};
using Directory = std::unordered_map<std::string, Person>;

// Keeps a directory reply's body (checked: {"v":2,"people":[...]}); a reply equal to the one kept
// changes nothing. Errors: "bad_reply", storage.
Status<> storeDirectory(LocalStore& store, const std::string& body);
// The directory as last stored (empty before the first one).
Directory loadDirectory(const LocalStore& store);
// Moves each time a different directory is stored; 0 before the first (to tell whether it changed
// without reading or parsing it).
std::int64_t directoryVersion(const LocalStore& store);

} // namespace tepei::client
