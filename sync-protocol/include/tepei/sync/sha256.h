#pragma once
// SHA-256 (FIPS 180-4) through OpenSSL's EVP interface: blob addresses and content digests.

#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

namespace tepei::sync {

using Sha256Digest = std::array<std::uint8_t, 32>;

// Streaming SHA-256: update() any number of times, then finish() once. Movable, not copyable;
// one instance is not safe for concurrent use (use one per thread). Throws std::runtime_error
// only if OpenSSL cannot provide SHA-256 at all. A moved-from object may only be destroyed or
// assigned to.
class Sha256 {
public:
    Sha256();
    ~Sha256();
    Sha256(Sha256&&) noexcept;
    Sha256& operator=(Sha256&&) noexcept;
    Sha256(const Sha256&) = delete;
    Sha256& operator=(const Sha256&) = delete;

    void update(const void* data, std::size_t size);
    void update(std::string_view data) { update(data.data(), data.size()); }

    // The digest of everything passed to update(). The object then starts over, empty.
    Sha256Digest finish();
    // finish() as 64 lowercase hex digits.
    std::string finishHex();

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

// One-shot digest of data as 64 lowercase hex digits.
std::string sha256Hex(std::string_view data);

// 64 lowercase hex digits for the digest.
std::string toHex(const Sha256Digest& digest);

// Whether text is exactly 64 lowercase hex digits (the form of blob addresses).
bool isSha256Hex(std::string_view text);

} // namespace tepei::sync
