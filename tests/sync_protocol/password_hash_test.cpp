// R-SEC-1: one password-hash format for the server's accounts and the client's offline verifier.
#include <gtest/gtest.h>
#include <tepei/sync/password_hash.h>

namespace {

using namespace tepei;

TEST(RSec1_PasswordHash, AHashVerifiesItsPasswordAndNoOther)
{
    const auto stored = sync::hashPassword("tepei-demo-2024", 1000);
    ASSERT_TRUE(stored.ok());
    EXPECT_EQ(stored->rfind("pbkdf2-sha256$1000$", 0), 0u) << *stored;
    const auto parsed = sync::parsePasswordHash(*stored);
    ASSERT_TRUE(parsed.has_value());
    EXPECT_EQ(parsed->iterations, 1000);
    EXPECT_EQ(parsed->salt.size(), 16u);
    EXPECT_TRUE(sync::passwordMatches("tepei-demo-2024", *parsed).value());
    EXPECT_FALSE(sync::passwordMatches("tepei-demo-2025", *parsed).value());
    // A fresh salt each time: the same password never hashes the same twice.
    EXPECT_NE(sync::hashPassword("tepei-demo-2024", 1000).value(), *stored);
}

TEST(RSec1_PasswordHash, AnythingElseIsNotAHash)
{
    const std::string good = sync::hashPassword("x", 1000).value();
    for (const std::string& bad :
         {std::string(), std::string("plain"), "bcrypt" + good.substr(13), good.substr(0, good.size() - 2),
          good + "$", std::string("pbkdf2-sha256$0$") + good.substr(good.find('$', 14) + 1),
          std::string("pbkdf2-sha256$1000$zz$") + good.substr(good.rfind('$') + 1)})
        EXPECT_FALSE(sync::parsePasswordHash(bad).has_value()) << bad;
}

} // namespace
