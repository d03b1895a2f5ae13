#include <iostream>
#include <mutex>
#include <tepei/server/accounts/tokens.h>
#include <tepei/server/api/context.h>

namespace tepei::server {

LogSink stderrLog()
{
    auto mutex = std::make_shared<std::mutex>();
    return [mutex](const std::string& line) {
        const auto now = std::chrono::duration_cast<std::chrono::milliseconds>(
                             std::chrono::system_clock::now().time_since_epoch())
                             .count();
        std::lock_guard lock(*mutex);
        std::cerr << isoUtc(now) << ' ' << line << '\n' << std::flush;
    };
}

Result<Principal> authenticate(ServerContext& context, const std::string& token)
{
    const Error unknown{"auth_required",
                        "the session token is not valid (logged out or never issued); log in again",
                        "Authorization"};
    if (token.size() != 64) {
        return unknown;
    }
    auto session = context.accounts.findSession(sha256Hex(token));
    if (!session) {
        return session.error();
    }
    if (!*session) {
        return unknown;
    }
    if ((*session)->expiresMs <= context.clock()) {
        return Error{"session_expired",
                     "the session expired at " + isoUtc((*session)->expiresMs) + "; log in again",
                     "Authorization"};
    }
    auto user = context.accounts.findUserById((*session)->userId);
    if (!user) {
        return user.error();
    }
    if (!*user || (*user)->status != AccountStatus::Active) {
        return unknown;
    }
    auto org = context.accounts.findOrg((*user)->orgCode);
    if (!org) {
        return org.error();
    }
    Principal principal = principalFor(**user, org->value_or(Org{}));
    principal.site = (*session)->site;
    principal.expiresMs = (*session)->expiresMs;
    return principal;
}

} // namespace tepei::server
