#include <algorithm>
#include <cctype>
#include <tepei/server/accounts/throttle.h>

namespace tepei::server {

namespace {
std::string userKey(const std::string& login)
{
    std::string key = "user:" + login;
    std::transform(key.begin(), key.end(), key.begin(), [](unsigned char c) { return std::tolower(c); });
    return key;
}
std::string addressKey(const std::string& address)
{
    return "addr:" + address;
}
} // namespace

LoginThrottle::LoginThrottle(AccountStore& store, sync::WallClock clock, ThrottlePolicy policy)
    : m_store(store), m_clock(std::move(clock)), m_policy(policy)
{}

std::int64_t LoginThrottle::lockMs(int failures, int freeFailures, const ThrottlePolicy& policy)
{
    if (failures < freeFailures) {
        return 0;
    }
    std::int64_t lock = policy.baseLockMs;
    for (int i = freeFailures; i < failures && lock < policy.maxLockMs; ++i) {
        lock *= 2;
    }
    return std::min(lock, policy.maxLockMs);
}

Result<std::int64_t> LoginThrottle::waitFor(const std::string& key, int freeFailures, std::int64_t now)
{
    auto attempts = m_store.loginAttempts(key);
    if (!attempts) {
        return attempts.error();
    }
    if (attempts->lastFailureMs < now - m_policy.forgetAfterMs) {
        return std::int64_t{0};
    }
    const std::int64_t until = attempts->lastFailureMs + lockMs(attempts->failures, freeFailures, m_policy);
    return std::max<std::int64_t>(0, until - now);
}

Result<std::int64_t> LoginThrottle::retryAfterMs(const std::string& login, const std::string& address)
{
    const std::int64_t now = m_clock();
    auto user = waitFor(userKey(login), m_policy.freeFailuresPerUser, now);
    if (!user) {
        return user.error();
    }
    auto addr = waitFor(addressKey(address), m_policy.freeFailuresPerAddress, now);
    if (!addr) {
        return addr.error();
    }
    return std::max(*user, *addr);
}

Status<> LoginThrottle::recordFailure(const std::string& login, const std::string& address)
{
    const std::int64_t now = m_clock();
    for (const auto& key : {userKey(login), addressKey(address)}) {
        if (auto r = m_store.recordLoginFailure(key, now, now - m_policy.forgetAfterMs); !r) {
            return r.error();
        }
    }
    return Ok{};
}

Status<> LoginThrottle::recordSuccess(const std::string& login)
{
    return m_store.clearLoginFailures(userKey(login));
}

} // namespace tepei::server
