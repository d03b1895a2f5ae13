#pragma once
// Password hashes (R-SEC-1): PBKDF2-HMAC-SHA256 with a random salt, written as
// "pbkdf2-sha256$<iterations>$<salt hex>$<hash hex>" so that the cost can be raised later. The
// server stores its users' passwords so; a client keeps its offline verifier in the same form.
// Hashing takes as long as its iterations make it (~0.3 s at 600,000): never on a thread that must
// stay responsive. Thread-safe.

#include <optional>
#include <string>
#include <string_view>
#include <tepei/sync/result.h>
#include <vector>

namespace tepei::sync {

struct PasswordHash {
    int iterations = 0;
    std::vector<unsigned char> salt; // at least 16 bytes
    std::vector<unsigned char> hash; // 32 bytes
};

// A new hash of `password` with a random 16-byte salt. Errors: "crypto_failure" (OpenSSL has no
// randomness or fails).
Result<std::string> hashPassword(std::string_view password, int iterations);

// The parts of a stored hash, or nullopt when it is not of the form above.
std::optional<PasswordHash> parsePasswordHash(std::string_view stored);

// Whether `password` gives `stored`'s hash, compared in constant time. Errors: "crypto_failure".
Result<bool> passwordMatches(std::string_view password, const PasswordHash& stored);

} // namespace tepei::sync
