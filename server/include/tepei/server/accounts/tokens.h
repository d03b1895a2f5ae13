#pragma once
// Session tokens (R-SEC-1) and small crypto helpers. Thread-safe.

#include <cstdint>
#include <string>
#include <string_view>
#include <tepei/sync/result.h>
#include <tepei/sync/sha256.h>

namespace tepei::server {

// A new session token: 32 random bytes (RAND_bytes) as 64 lowercase hex characters. Only its
// hash is stored; the token itself exists on the client alone. Error: "crypto_failure".
Result<std::string> newSessionToken();

// A temporary password an administrator reads out to a person (issue #12 item 8): 12 characters
// from letters and digits that cannot be mistaken for each other (no 0/O, 1/l/I), with at least
// one letter and one digit, from RAND_bytes. Error: "crypto_failure".
Result<std::string> newTemporaryPassword();

// SHA-256 of `data` as 64 lowercase hex characters (token hashes, blob addresses), and whether a
// text is one: the protocol's (tepei/sync/sha256.h).
using sync::isSha256Hex;
using sync::sha256Hex;

std::string toHex(const unsigned char* data, std::size_t size);

// "2024-03-20T08:00:00Z" for milliseconds since the epoch (UTC, whole seconds).
std::string isoUtc(std::int64_t ms);

} // namespace tepei::server
