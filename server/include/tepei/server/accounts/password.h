#pragma once
// Password hashing (R-SEC-1): the format of tepei/sync/password_hash.h (PBKDF2-HMAC-SHA256, a
// 16-byte random salt) with at least 600,000 iterations, so the cost can be raised later. Hashing and
// verifying take ~0.3 s on purpose: never call them on a thread that must stay responsive. All functions are
// thread-safe.

#include <string>
#include <string_view>
#include <tepei/sync/result.h>

namespace tepei::server {

inline constexpr int kMinPasswordIterations = 600'000;

// Hashes `password`. Errors: "weak_hash_parameters" if iterations < kMinPasswordIterations,
// "crypto_failure" if OpenSSL fails (no randomness).
Result<std::string> hashPassword(std::string_view password, int iterations = kMinPasswordIterations);

// Whether `password` matches `stored`, compared in constant time. Errors: "invalid_hash" for a
// stored value of another format, "weak_hash_parameters" for fewer than the minimum iterations
// (such a hash is refused rather than trusted).
Result<bool> verifyPassword(std::string_view password, std::string_view stored);

// Iterations recorded in a stored hash, or 0 if it cannot be parsed.
int passwordIterations(std::string_view stored);

// Refuses passwords that are too short (< 8), too long (> 256 bytes), all one character, a plain
// sequence (12345678, abcdefgh), a well-known password, or containing the login name. Error code
// "weak_password" with field "password" and a message saying what to choose instead.
Status<> checkPasswordPolicy(std::string_view password, std::string_view login);

} // namespace tepei::server
