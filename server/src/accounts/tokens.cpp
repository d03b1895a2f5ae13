// Session tokens and small helpers (R-SEC-1), on OpenSSL's libcrypto.
#include <ctime>
#include <openssl/rand.h>
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
