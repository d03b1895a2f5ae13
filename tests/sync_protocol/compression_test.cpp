// R-SYNC-5: bodies travel gzip-compressed; R-SEC-3: a decompression bomb or corrupt body is refused
// without inflating it.
#include <gtest/gtest.h>
#include <random>
#include <tepei/sync/compression.h>

namespace {
using tepei::sync::gzipCompress;
using tepei::sync::gzipDecompress;

std::string mixedText(std::size_t size)
{
    std::mt19937 random(7);
    const std::string words[] = {"巴特尔",      "蒙古族",   "主治医师",
                                 "application", "\"hlc\":", "1710892800000.3"};
    std::string text;
    while (text.size() < size)
        text += words[random() % std::size(words)];
    return text;
}

TEST(RSync5_Gzip, RoundTripsEmptySmallAndLargeBodies)
{
    for (const std::string& body : {std::string(), std::string("{}"), mixedText(3'000'000)}) {
        const std::string compressed = gzipCompress(body);
        ASSERT_GE(compressed.size(), 18u); // gzip header and trailer
        EXPECT_EQ(static_cast<unsigned char>(compressed[0]), 0x1f);
        EXPECT_EQ(static_cast<unsigned char>(compressed[1]), 0x8b);
        const auto restored = gzipDecompress(compressed, body.size());
        ASSERT_TRUE(restored.ok()) << restored.error().message;
        EXPECT_EQ(*restored, body);
    }
}

TEST(RSync5_Gzip, CompressesRepetitiveJson)
{
    const std::string body = mixedText(1'000'000);
    EXPECT_LT(gzipCompress(body).size(), body.size() / 4);
}

TEST(RSec3_Gzip, RefusesOutputBeyondTheLimit)
{
    const std::string body(1000, 'x');
    const std::string compressed = gzipCompress(body);
    EXPECT_TRUE(gzipDecompress(compressed, 1000).ok());
    const auto refused = gzipDecompress(compressed, 999);
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code, "too_large");
}

TEST(RSec3_Gzip, RefusesABombWithoutInflatingIt)
{
    const std::string bomb = gzipCompress(std::string(64u << 20, '\0'), 9); // 64 MiB of zeros, ~64 KiB packed
    ASSERT_LT(bomb.size(), 100'000u);
    const auto refused = gzipDecompress(bomb, 1u << 20);
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code, "too_large");
}

TEST(RSec3_Gzip, RefusesCorruptTruncatedAndTrailingInput)
{
    const std::string body = mixedText(10'000);
    const std::string compressed = gzipCompress(body);
    std::string corrupt = compressed;
    corrupt[corrupt.size() / 2] ^= 0x5a;
    corrupt[corrupt.size() / 2 + 1] ^= 0x33;
    std::string badCrc = compressed;
    badCrc[badCrc.size() - 6] ^= 0x01;
    for (const std::string& bad : {std::string(), std::string("not gzip at all"), corrupt, badCrc,
                                   compressed.substr(0, compressed.size() - 1),
                                   compressed.substr(0, compressed.size() / 2), compressed + "junk"}) {
        const auto refused = gzipDecompress(bad, 1u << 20);
        ASSERT_FALSE(refused.ok()) << bad.size();
        EXPECT_EQ(refused.error().code, "bad_encoding") << refused.error().message;
    }
}

} // namespace
