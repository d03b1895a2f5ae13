#pragma once
// Signing in. Online: the server checks the password and returns a session token; the client
// then keeps a verifier of the password (PBKDF2-HMAC-SHA256, the server's strength) so the same
// user can sign in again on this device without a connection (ARCHITECTURE.md "Security").
// Both calls are slow on purpose (the hash takes a fraction of a second): never on the GUI thread.

#include <string>
#include <tepei/client/store/replica.h>
#include <tepei/client/sync/transport.h>

namespace tepei::client {

struct Session {
    Identity identity;
    std::string token;     // empty after an offline sign-in: sync asks to sign in online again
    std::string expiresAt; // ISO-8601 UTC
    bool offline = false;
};

// Errors: the server's ("invalid_credentials", "too_many_attempts", "account_pending", ...),
// "offline" when the server cannot be reached.
Result<Session> signInOnline(Transport& transport, ClientReplica& replica, const std::string& login,
                             const std::string& password);

// Errors: "offline_login_unavailable" (this user never signed in online on this device),
// "invalid_credentials".
Result<Session> signInOffline(ClientReplica& replica, const std::string& login, const std::string& password);
// The error of an offline sign-in by a user who never signed in online on this device.
Error offlineLoginUnavailable(const std::string& login);

// The token of the last online sign-in, if it is stored (it may have expired).
std::string storedToken(const ClientReplica& replica);
Status<> forgetToken(ClientReplica& replica);

// Password verifier: "pbkdf2-sha256$<iterations>$<salt hex>$<hash hex>". Exposed for tests.
std::string makeVerifier(const std::string& password, int iterations);
bool checkVerifier(const std::string& verifier, const std::string& password);
inline constexpr int kVerifierIterations = 600000;

} // namespace tepei::client
