#include <tepei/client/account/account.h>
#include <tepei/sync/codec.h>
#include <tepei/sync/password_hash.h>
#include <vector>

namespace tepei::client {

namespace {

constexpr const char* kMetaToken = "session_token";
constexpr const char* kMetaExpires = "session_expires";

std::string verifierKey(const std::string& login)
{
    return "verifier:" + login;
}

std::string identityKey(const std::string& login)
{
    return "identity:" + login;
}

} // namespace

std::string makeVerifier(const std::string& password, int iterations)
{
    auto hash = sync::hashPassword(password, iterations);
    return hash ? std::move(hash).value() : std::string(); // none: offline sign-in is not offered
}

bool checkVerifier(const std::string& verifier, const std::string& password)
{
    const auto parsed = sync::parsePasswordHash(verifier);
    if (!parsed)
        return false;
    const auto matches = sync::passwordMatches(password, *parsed);
    return matches && *matches;
}

Result<Session> signInOnline(Transport& transport, ClientReplica& replica, const std::string& login,
                             const std::string& password)
{
    sync::LoginRequest request;
    request.user = login;
    request.password = password;
    request.site = replica.site();
    HttpRequest http;
    http.method = "POST";
    http.path = "/v1/login";
    http.body = sync::encode(request);
    auto response = transport.send(http);
    if (!response)
        return response.error();
    if (response->status != 200)
        return errorFromReply(*response, "the sign-in", "try again later or tell the administrator");
    auto reply = sync::decodeLoginReply(response->body);
    if (!reply)
        return reply.error();
    Session session;
    session.identity = Identity{reply->userId, login, reply->displayName, reply->role, reply->orgCode};
    session.token = reply->token;
    session.expiresAt = reply->expiresAt;
    const std::string verifier = makeVerifier(password, kVerifierIterations);
    if (auto st = replica.setIdentity(session.identity); !st)
        return st.error();
    const Status<> stored = replica.withStore([&](LocalStore& store) -> Status<> {
        for (const auto& [key, value] : {std::pair<std::string, std::string>{verifierKey(login), verifier},
                                         {identityKey(login), session.identity.userId},
                                         {kMetaToken, session.token},
                                         {kMetaExpires, session.expiresAt}}) {
            if (auto st = store.setMeta(key, value); !st)
                return st.error();
        }
        return Ok{};
    });
    if (!stored)
        return stored.error();
    return session;
}

Result<Session> signInOffline(ClientReplica& replica, const std::string& login, const std::string& password)
{
    const auto verifier = replica.withStore([&](const LocalStore& s) { return s.meta(verifierKey(login)); });
    const auto identity = replica.identity();
    if (!verifier || !identity || identity->login != login)
        return offlineLoginUnavailable(login);
    if (!checkVerifier(*verifier, password))
        return Error{
            "invalid_credentials", "the user name or password is wrong; check them and try again", {}};
    Session session;
    session.identity = *identity;
    session.token = storedToken(replica);
    session.offline = true;
    return session;
}

Error offlineLoginUnavailable(const std::string& login)
{
    return Error{"offline_login_unavailable",
                 "'" + login +
                     "' has not signed in on this device before; connect to the network and sign in once "
                     "online, after which signing in offline works",
                 {}};
}

std::string storedToken(const ClientReplica& replica)
{
    return replica.withStore([](const LocalStore& s) { return s.meta(kMetaToken).value_or(""); });
}

Status<> forgetToken(ClientReplica& replica)
{
    return replica.withStore([](LocalStore& s) { return s.setMeta(kMetaToken, ""); });
}

} // namespace tepei::client
