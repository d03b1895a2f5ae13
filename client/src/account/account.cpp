#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>
#include <tepei/client/account/account.h>
#include <tepei/sync/codec.h>
#include <vector>

namespace tepei::client {

namespace {

constexpr const char* kMetaToken = "session_token";
constexpr const char* kMetaExpires = "session_expires";

std::string hex(const unsigned char* data, std::size_t size)
{
    static const char* digits = "0123456789abcdef";
    std::string out;
    out.reserve(size * 2);
    for (std::size_t i = 0; i < size; ++i) {
        out += digits[data[i] >> 4];
        out += digits[data[i] & 0x0f];
    }
    return out;
}

std::vector<unsigned char> unhex(const std::string& text)
{
    std::vector<unsigned char> out;
    for (std::size_t i = 0; i + 1 < text.size(); i += 2)
        out.push_back(static_cast<unsigned char>(std::stoi(text.substr(i, 2), nullptr, 16)));
    return out;
}

std::vector<unsigned char> derive(const std::string& password, const std::vector<unsigned char>& salt,
                                  int iterations)
{
    std::vector<unsigned char> out(32);
    PKCS5_PBKDF2_HMAC(password.data(), static_cast<int>(password.size()), salt.data(),
                      static_cast<int>(salt.size()), iterations, EVP_sha256(), static_cast<int>(out.size()),
                      out.data());
    return out;
}

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
    std::vector<unsigned char> salt(16);
    RAND_bytes(salt.data(), static_cast<int>(salt.size()));
    const auto hash = derive(password, salt, iterations);
    return "pbkdf2-sha256$" + std::to_string(iterations) + "$" + hex(salt.data(), salt.size()) + "$" +
           hex(hash.data(), hash.size());
}

bool checkVerifier(const std::string& verifier, const std::string& password)
{
    const auto p1 = verifier.find('$');
    const auto p2 = verifier.find('$', p1 + 1);
    const auto p3 = verifier.find('$', p2 + 1);
    if (p1 == std::string::npos || p2 == std::string::npos || p3 == std::string::npos ||
        verifier.substr(0, p1) != "pbkdf2-sha256")
        return false;
    const int iterations = std::stoi(verifier.substr(p1 + 1, p2 - p1 - 1));
    const auto salt = unhex(verifier.substr(p2 + 1, p3 - p2 - 1));
    const auto expected = unhex(verifier.substr(p3 + 1));
    const auto actual = derive(password, salt, iterations);
    return expected.size() == actual.size() &&
           CRYPTO_memcmp(expected.data(), actual.data(), actual.size()) == 0;
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
    if (response->status != 200) {
        auto error = sync::decodeErrorReply(response->body);
        if (!error) {
            return Error{"server_error",
                         "the server answered " + std::to_string(response->status) +
                             " to the sign-in; try again later or tell the administrator",
                         {}};
        }
        return Error{error->code, error->message, error->field};
    }
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
    if (!verifier || !identity || identity->login != login) {
        return Error{"offline_login_unavailable",
                     "'" + login +
                         "' has not signed in on this device before; connect to the network and sign in "
                         "once online, after which signing in offline works",
                     {}};
    }
    if (!checkVerifier(*verifier, password))
        return Error{
            "invalid_credentials", "the user name or password is wrong; check them and try again", {}};
    Session session;
    session.identity = *identity;
    session.token = storedToken(replica);
    session.offline = true;
    return session;
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
