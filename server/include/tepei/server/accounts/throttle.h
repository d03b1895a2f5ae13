#pragma once
// Failed-login throttling (R-SEC-1): per login name and per source address, counted in the
// AccountStore so that restarts do not reset them. After `freeFailures` failures a key is locked
// for baseLockMs, doubling with each further failure up to maxLockMs. Keys are login names as
// typed, whether or not such a user exists, so a lockout reveals nothing about existence.
// Thread-safe as far as the store is.

#include <cstdint>
#include <string>
#include <tepei/server/accounts/account_store.h>
#include <tepei/sync/hlc.h>

namespace tepei::server {

struct ThrottlePolicy {
    int freeFailuresPerUser = 5;
    int freeFailuresPerAddress = 20; // an office behind one NAT address shares this
    std::int64_t baseLockMs = 30'000;
    std::int64_t maxLockMs = 60 * 60'000;
    std::int64_t forgetAfterMs = 24 * 60 * 60'000; // failures older than this start a new count
};

class LoginThrottle {
public:
    // `store` must outlive the throttle; `clock` gives ms since the epoch.
    LoginThrottle(AccountStore& store, sync::WallClock clock, ThrottlePolicy policy = {});

    // Milliseconds until a login attempt for `login` from `address` is allowed; 0 = now.
    Result<std::int64_t> retryAfterMs(const std::string& login, const std::string& address);
    Status<> recordFailure(const std::string& login, const std::string& address);
    // A successful login clears the user's count (not the address's).
    Status<> recordSuccess(const std::string& login);

    // Lock length after `failures` failures when `freeFailures` are free (0 = not locked).
    static std::int64_t lockMs(int failures, int freeFailures, const ThrottlePolicy& policy);

private:
    Result<std::int64_t> waitFor(const std::string& key, int freeFailures, std::int64_t now);

    AccountStore& m_store;
    sync::WallClock m_clock;
    ThrottlePolicy m_policy;
};

} // namespace tepei::server
