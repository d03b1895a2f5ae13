#include "hex.h"

#include <charconv>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>
#include <tepei/sync/password_hash.h>

namespace tepei::sync {

namespace {

constexpr std::string_view kScheme = "pbkdf2-sha256";
constexpr std::size_t kSaltBytes = 16;
constexpr std::size_t kHashBytes = 32;

Error cryptoFailure(const char* what)
{
    return Error{"crypto_failure", std::string(what) + " failed in OpenSSL; check the OpenSSL installation",
                 ""};
}

std::string hex(const std::vector<unsigned char>& bytes)
{
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string out;
    out.reserve(bytes.size() * 2);
    for (const unsigned char b : bytes) {
        out += kDigits[b >> 4];
        out += kDigits[b & 0x0f];
    }
    return out;
}

bool fromHex(std::string_view text, std::vector<unsigned char>& out)
{
    if (text.size() % 2 != 0)
        return false;
    out.clear();
    for (std::size_t i = 0; i < text.size(); i += 2) {
        const int high = detail::hexValue(text[i]);
        const int low = detail::hexValue(text[i + 1]);
        if (high < 0 || low < 0)
            return false;
        out.push_back(static_cast<unsigned char>(high * 16 + low));
    }
    return true;
}

bool derive(std::string_view password, const std::vector<unsigned char>& salt, int iterations,
            std::vector<unsigned char>& out)
{
    out.assign(kHashBytes, 0);
    return PKCS5_PBKDF2_HMAC(password.data(), static_cast<int>(password.size()), salt.data(),
                             static_cast<int>(salt.size()), iterations, EVP_sha256(),
                             static_cast<int>(out.size()), out.data()) == 1;
}

} // namespace

Result<std::string> hashPassword(std::string_view password, int iterations)
{
    std::vector<unsigned char> salt(kSaltBytes);
    if (RAND_bytes(salt.data(), static_cast<int>(salt.size())) != 1)
        return cryptoFailure("RAND_bytes");
    std::vector<unsigned char> hash;
    if (!derive(password, salt, iterations, hash))
        return cryptoFailure("PKCS5_PBKDF2_HMAC");
    return std::string(kScheme) + "$" + std::to_string(iterations) + "$" + hex(salt) + "$" + hex(hash);
}

std::optional<PasswordHash> parsePasswordHash(std::string_view stored)
{
    std::vector<std::string_view> parts;
    for (std::size_t start = 0;;) {
        const auto end = stored.find('$', start);
        parts.push_back(
            stored.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
        if (end == std::string_view::npos)
            break;
        start = end + 1;
    }
    if (parts.size() != 4 || parts[0] != kScheme)
        return std::nullopt;
    PasswordHash parsed;
    const auto [p, ec] =
        std::from_chars(parts[1].data(), parts[1].data() + parts[1].size(), parsed.iterations);
    if (ec != std::errc() || p != parts[1].data() + parts[1].size() || parsed.iterations <= 0 ||
        !fromHex(parts[2], parsed.salt) || !fromHex(parts[3], parsed.hash) ||
        parsed.salt.size() < kSaltBytes || parsed.hash.size() != kHashBytes)
        return std::nullopt;
    return parsed;
}

Result<bool> passwordMatches(std::string_view password, const PasswordHash& stored)
{
    std::vector<unsigned char> hash;
    if (!derive(password, stored.salt, stored.iterations, hash))
        return cryptoFailure("PKCS5_PBKDF2_HMAC");
    return stored.hash.size() == hash.size() &&
           CRYPTO_memcmp(hash.data(), stored.hash.data(), hash.size()) == 0;
}

} // namespace tepei::sync
