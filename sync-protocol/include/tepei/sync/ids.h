#pragma once
// Identifiers: random (version 4) UUIDs from Boost.Uuid.

#include <boost/uuid/uuid.hpp>
#include <string>
#include <string_view>
#include <tepei/sync/result.h>

namespace tepei::sync {

using ChangeId = boost::uuids::uuid;
// A device (replica) identifier, the UUID string of the installation.
using SiteId = std::string;

// A new random UUID. Thread-safe: each thread has its own generator, seeded from the OS.
boost::uuids::uuid newUuid();
std::string newUuidString();

// Canonical lowercase 8-4-4-4-12 form.
std::string toString(const boost::uuids::uuid& id);

// Parses the canonical 36-character form; anything else is an error with code "invalid_uuid".
Result<boost::uuids::uuid> parseUuid(std::string_view text);

} // namespace tepei::sync
