// Session tokens and small helpers (R-SEC-1), on OpenSSL's libcrypto.
#include <array>
#include <ctime>
#include <openssl/rand.h>
#include <string_view>
#include <tepei/server/accounts/tokens.h>

namespace tepei::server {

namespace {

Error cryptoFailure(const char* what)
{
    return Error{"crypto_failure",
                 std::string(what) + " failed in OpenSSL; check the server's OpenSSL installation", ""};
}

} // namespace

Result<std::string> newSessionToken()
{
    std::array<unsigned char, 32> bytes{};
    if (RAND_bytes(bytes.data(), static_cast<int>(bytes.size())) != 1) {
        return cryptoFailure("RAND_bytes");
    }
    return toHex(bytes.data(), bytes.size());
}

Result<std::string> newTemporaryPassword()
{
    static constexpr std::string_view alphabet = "ABCDEFGHJKMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";
    for (;;) {
        std::array<unsigned char, 32> bytes{};
        if (RAND_bytes(bytes.data(), static_cast<int>(bytes.size())) != 1) {
            return cryptoFailure("RAND_bytes");
        }
        std::string out;
        bool letter = false, digit = false;
        for (unsigned char b : bytes) {
            if (out.size() == 12)
                break;
            if (b >= 256 - 256 % alphabet.size())
                continue; // keeps the choice uniform
            const char c = alphabet[b % alphabet.size()];
            (c >= '2' && c <= '9' ? digit : letter) = true;
            out += c;
        }
        if (out.size() == 12 && letter && digit)
            return out;
    }
}

std::string toHex(const unsigned char* data, std::size_t size)
{
    static constexpr char digits[] = "0123456789abcdef";
    std::string out;
    out.reserve(size * 2);
    for (std::size_t i = 0; i < size; ++i) {
        out += digits[data[i] >> 4];
        out += digits[data[i] & 0xf];
    }
    return out;
}

std::string isoUtc(std::int64_t ms)
{
    const std::time_t seconds = static_cast<std::time_t>(ms / 1000);
    std::tm tm{};
    gmtime_r(&seconds, &tm);
    char buffer[32];
    std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buffer;
}

} // namespace tepei::server
