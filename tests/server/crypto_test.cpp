// R-SEC-1: passwords only as slow salted hashes; random session tokens.
#include <chrono>
#include <gtest/gtest.h>
#include <set>
#include <tepei/server/accounts/password.h>
#include <tepei/server/accounts/tokens.h>

namespace {
using namespace tepei::server;

TEST(RSec1_Password, HashVerifiesTheRightPasswordOnlyAndHasTheStoredFormat)
{
    const auto t0 = std::chrono::steady_clock::now();
    const auto hash = hashPassword("Grassland-2024");
    const auto ms =
        std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - t0);
    ASSERT_TRUE(hash.ok());
    std::cout << "one PBKDF2-HMAC-SHA256 hash with " << kMinPasswordIterations
              << " iterations: " << ms.count() << " ms\n";
    // pbkdf2-sha256$600000$<32 hex salt>$<64 hex hash>
    EXPECT_EQ(hash->rfind("pbkdf2-sha256$600000$", 0), 0u) << *hash;
    EXPECT_EQ(hash->size(), std::string("pbkdf2-sha256$600000$").size() + 32 + 1 + 64);
    EXPECT_EQ(passwordIterations(*hash), 600000);

    auto right = verifyPassword("Grassland-2024", *hash);
    ASSERT_TRUE(right.ok());
    EXPECT_TRUE(*right);
    auto wrong = verifyPassword("Grassland-2025", *hash);
    ASSERT_TRUE(wrong.ok());
    EXPECT_FALSE(*wrong);
}

TEST(RSec1_Password, MinimumIterationsAreEnforcedForNewAndStoredHashes)
{
    auto weak = hashPassword("Grassland-2024", 1000);
    ASSERT_FALSE(weak.ok());
    EXPECT_EQ(weak.error().code, "weak_hash_parameters");

    // A stored hash with too few iterations is refused, not trusted.
    const std::string stored = "pbkdf2-sha256$1000$00112233445566778899aabbccddeeff$" + std::string(64, 'a');
    auto verified = verifyPassword("whatever1", stored);
    ASSERT_FALSE(verified.ok());
    EXPECT_EQ(verified.error().code, "weak_hash_parameters");

    auto garbage = verifyPassword("whatever1", "md5$abc");
    ASSERT_FALSE(garbage.ok());
    EXPECT_EQ(garbage.error().code, "invalid_hash");
}

TEST(RSec1_Password, SaltMakesEqualPasswordsHashDifferently)
{
    // Two hashes of the same password must differ (random salt). Costs two hashes.
    const auto a = hashPassword("Grassland-2024");
    const auto b = hashPassword("Grassland-2024");
    ASSERT_TRUE(a.ok() && b.ok());
    EXPECT_NE(*a, *b);
}

TEST(RSec1_PasswordPolicy, RefusesWeakPasswordsWithAReason)
{
    for (const char* weak : {"short1", "aaaaaaaaaa", "12345678", "abcdefgh", "87654321", "password",
                             "Qwerty123", "bat-hero-2024"}) {
        auto s = checkPasswordPolicy(weak, "bat-hero");
        ASSERT_FALSE(s.ok()) << weak;
        EXPECT_EQ(s.error().code, "weak_password") << weak;
        EXPECT_EQ(s.error().field, "password");
        EXPECT_FALSE(s.error().message.empty());
    }
    EXPECT_TRUE(checkPasswordPolicy("Grassland-2024", "bat-hero").ok());
}

TEST(RSec1_Tokens, SessionTokensAre32RandomBytesInHex)
{
    std::set<std::string> seen;
    for (int i = 0; i < 100; ++i) {
        auto token = newSessionToken();
        ASSERT_TRUE(token.ok());
        EXPECT_TRUE(isSha256Hex(*token)); // 64 lowercase hex characters
        seen.insert(*token);
    }
    EXPECT_EQ(seen.size(), 100u);
    EXPECT_EQ(sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    EXPECT_EQ(isoUtc(1710892800000), "2024-03-20T00:00:00Z");
}

} // namespace
