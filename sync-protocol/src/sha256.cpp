#include <openssl/evp.h>
#include <stdexcept>
#include <tepei/sync/sha256.h>

namespace tepei::sync {

namespace {

// SHA-256 fetched from OpenSSL's provider once: EVP_sha256() makes every EVP_DigestInit_ex look
// the algorithm up again, which costs more than hashing a 2 KB form.
const EVP_MD* sha256Md()
{
    static EVP_MD* const md = EVP_MD_fetch(nullptr, "SHA256", nullptr);
    return md;
}

} // namespace

struct Sha256::Impl {
    struct FreeContext {
        void operator()(EVP_MD_CTX* context) const { EVP_MD_CTX_free(context); }
    };
    std::unique_ptr<EVP_MD_CTX, FreeContext> context{EVP_MD_CTX_new()};

    void start()
    {
        if (!context || !sha256Md() || EVP_DigestInit_ex(context.get(), sha256Md(), nullptr) != 1)
            throw std::runtime_error("OpenSSL could not start a SHA-256 digest");
    }
};

Sha256::Sha256() : m_impl(std::make_unique<Impl>())
{
    m_impl->start();
}

Sha256::~Sha256() = default;
Sha256::Sha256(Sha256&&) noexcept = default;
Sha256& Sha256::operator=(Sha256&&) noexcept = default;

void Sha256::update(const void* data, std::size_t size)
{
    if (size > 0 && EVP_DigestUpdate(m_impl->context.get(), data, size) != 1)
        throw std::runtime_error("OpenSSL SHA-256 update failed");
}

Sha256Digest Sha256::finish()
{
    Sha256Digest digest{};
    unsigned int length = 0;
    if (EVP_DigestFinal_ex(m_impl->context.get(), digest.data(), &length) != 1 || length != digest.size())
        throw std::runtime_error("OpenSSL SHA-256 final failed");
    m_impl->start();
    return digest;
}

std::string Sha256::finishHex()
{
    return toHex(finish());
}

std::string toHex(const Sha256Digest& digest)
{
    static constexpr char kHex[] = "0123456789abcdef";
    std::string hex(64, '0');
    for (std::size_t i = 0; i < digest.size(); ++i) {
        hex[2 * i] = kHex[digest[i] >> 4];
        hex[2 * i + 1] = kHex[digest[i] & 0xf];
    }
    return hex;
}

std::string sha256Hex(std::string_view data)
{
    Sha256Digest digest{};
    unsigned int length = 0;
    if (!sha256Md() ||
        EVP_Digest(data.data(), data.size(), digest.data(), &length, sha256Md(), nullptr) != 1 ||
        length != digest.size())
        throw std::runtime_error("OpenSSL could not compute a SHA-256 digest");
    return toHex(digest);
}

bool isSha256Hex(std::string_view text)
{
    if (text.size() != 64)
        return false;
    for (const char c : text) {
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')))
            return false;
    }
    return true;
}

} // namespace tepei::sync
