// Password hashes as the server keeps them (R-SEC-1): the shared format (tepei/sync/password_hash.h)
// with the server's minimum cost, and the password policy.
#include <algorithm>
#include <array>
#include <cctype>
#include <tepei/server/accounts/password.h>
#include <tepei/sync/password_hash.h>

namespace tepei::server {

namespace {

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
    return sync::hashPassword(password, iterations);
}

Result<bool> verifyPassword(std::string_view password, std::string_view stored)
{
    const auto parsed = sync::parsePasswordHash(stored);
    if (!parsed) {
        return Error{"invalid_hash",
                     "the stored password hash is not in the form pbkdf2-sha256$iter$salt$hash; "
                     "reset the user's password with tepei-admin",
                     ""};
    }
    if (parsed->iterations < kMinPasswordIterations) {
        return weakParameters(parsed->iterations);
    }
    return sync::passwordMatches(password, *parsed);
}

int passwordIterations(std::string_view stored)
{
    const auto parsed = sync::parsePasswordHash(stored);
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

} // namespace tepei::server
