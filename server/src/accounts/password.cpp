// Password hashing, session tokens and SHA-256 (R-SEC-1), on OpenSSL's libcrypto.
#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <ctime>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>
#include <openssl/sha.h>
#include <tepei/server/accounts/password.h>
#include <tepei/server/accounts/tokens.h>
#include <vector>

namespace tepei::server {

namespace {
constexpr std::string_view kScheme = "pbkdf2-sha256";
constexpr std::size_t kSaltBytes = 16;
constexpr std::size_t kHashBytes = 32;

Error cryptoFailure(const char* what)
{
    return Error{"crypto_failure",
                 std::string(what) + " failed in OpenSSL; check the server's OpenSSL installation", ""};
}

bool fromHex(std::string_view hex, std::vector<unsigned char>& out)
{
    if (hex.size() % 2 != 0) {
        return false;
    }
    out.clear();
    for (std::size_t i = 0; i < hex.size(); i += 2) {
        unsigned value = 0;
        auto [p, ec] = std::from_chars(hex.data() + i, hex.data() + i + 2, value, 16);
        if (ec != std::errc() || p != hex.data() + i + 2) {
            return false;
        }
        out.push_back(static_cast<unsigned char>(value));
    }
    return true;
}

bool derive(std::string_view password, const std::vector<unsigned char>& salt, int iterations,
            std::array<unsigned char, kHashBytes>& out)
{
    return PKCS5_PBKDF2_HMAC(password.data(), static_cast<int>(password.size()), salt.data(),
                             static_cast<int>(salt.size()), iterations, EVP_sha256(),
                             static_cast<int>(out.size()), out.data()) == 1;
}

struct ParsedHash {
    int iterations = 0;
    std::vector<unsigned char> salt;
    std::vector<unsigned char> hash;
};

Result<ParsedHash> parseHash(std::string_view stored)
{
    const Error invalid{"invalid_hash",
                        "the stored password hash is not in the form pbkdf2-sha256$iter$salt$hash; "
                        "reset the user's password with tepei-admin",
                        ""};
    std::vector<std::string_view> parts;
    for (std::size_t start = 0;;) {
        const auto end = stored.find('$', start);
        parts.push_back(
            stored.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
        if (end == std::string_view::npos) {
            break;
        }
        start = end + 1;
    }
    ParsedHash parsed;
    if (parts.size() != 4 || parts[0] != kScheme) {
        return invalid;
    }
    auto [p, ec] = std::from_chars(parts[1].data(), parts[1].data() + parts[1].size(), parsed.iterations);
    if (ec != std::errc() || p != parts[1].data() + parts[1].size() || !fromHex(parts[2], parsed.salt) ||
        !fromHex(parts[3], parsed.hash) || parsed.salt.size() < kSaltBytes ||
        parsed.hash.size() != kHashBytes) {
        return invalid;
    }
    return parsed;
}

Error weakParameters(int iterations)
{
    return Error{"weak_hash_parameters",
                 "the password hash uses " + std::to_string(iterations) +
                     " iterations, fewer than the minimum " + std::to_string(kMinPasswordIterations) +
                     "; reset the password with tepei-admin",
                 ""};
}
} // namespace

Result<std::string> hashPassword(std::string_view password, int iterations)
{
    if (iterations < kMinPasswordIterations) {
        return weakParameters(iterations);
    }
    std::vector<unsigned char> salt(kSaltBytes);
    if (RAND_bytes(salt.data(), static_cast<int>(salt.size())) != 1) {
        return cryptoFailure("RAND_bytes");
    }
    std::array<unsigned char, kHashBytes> hash{};
    if (!derive(password, salt, iterations, hash)) {
        return cryptoFailure("PKCS5_PBKDF2_HMAC");
    }
    return std::string(kScheme) + "$" + std::to_string(iterations) + "$" + toHex(salt.data(), salt.size()) +
           "$" + toHex(hash.data(), hash.size());
}

Result<bool> verifyPassword(std::string_view password, std::string_view stored)
{
    auto parsed = parseHash(stored);
    if (!parsed) {
        return parsed.error();
    }
    if (parsed->iterations < kMinPasswordIterations) {
        return weakParameters(parsed->iterations);
    }
    std::array<unsigned char, kHashBytes> hash{};
    if (!derive(password, parsed->salt, parsed->iterations, hash)) {
        return cryptoFailure("PKCS5_PBKDF2_HMAC");
    }
    return CRYPTO_memcmp(hash.data(), parsed->hash.data(), kHashBytes) == 0;
}

int passwordIterations(std::string_view stored)
{
    auto parsed = parseHash(stored);
    return parsed ? parsed->iterations : 0;
}

Status<> checkPasswordPolicy(std::string_view password, std::string_view login)
{
    auto weak = [](std::string why) {
        return Error{"weak_password",
                     "the password " + why +
                         "; choose at least 8 characters mixing letters and digits "
                         "that are not a name, a date or a common password",
                     "password"};
    };
    if (password.size() < 8) {
        return weak("is shorter than 8 characters");
    }
    if (password.size() > 256) {
        return weak("is longer than 256 bytes");
    }
    std::string lower(password);
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](unsigned char c) { return std::tolower(c); });
    if (std::all_of(lower.begin(), lower.end(), [&](char c) { return c == lower[0]; })) {
        return weak("repeats one character");
    }
    const auto step = lower[1] - lower[0];
    bool sequence = step == 1 || step == -1;
    for (std::size_t i = 1; sequence && i < lower.size(); ++i) {
        sequence = lower[i] - lower[i - 1] == step;
    }
    if (sequence) {
        return weak("is a plain sequence");
    }
    static const std::array<std::string_view, 12> common = {
        "password", "password1", "passw0rd", "qwertyui", "qwerty123", "1q2w3e4r",
        "iloveyou", "admin123",  "88888888", "a1234567", "abc12345",  "woaini1314"};
    if (std::find(common.begin(), common.end(), lower) != common.end()) {
        return weak("is a well-known password");
    }
    std::string lowerLogin(login);
    std::transform(lowerLogin.begin(), lowerLogin.end(), lowerLogin.begin(),
                   [](unsigned char c) { return std::tolower(c); });
    if (lowerLogin.size() >= 3 && lower.find(lowerLogin) != std::string::npos) {
        return weak("contains the login name");
    }
    return Ok{};
}

Result<std::string> newSessionToken()
{
    std::array<unsigned char, 32> bytes{};
    if (RAND_bytes(bytes.data(), static_cast<int>(bytes.size())) != 1) {
        return cryptoFailure("RAND_bytes");
    }
    return toHex(bytes.data(), bytes.size());
}

std::string sha256Hex(std::string_view data)
{
    std::array<unsigned char, SHA256_DIGEST_LENGTH> digest{};
    SHA256(reinterpret_cast<const unsigned char*>(data.data()), data.size(), digest.data());
    return toHex(digest.data(), digest.size());
}

bool isSha256Hex(std::string_view text)
{
    return text.size() == 64 && std::all_of(text.begin(), text.end(), [](char c) {
               return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
           });
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
