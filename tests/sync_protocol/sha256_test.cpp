// R-SYNC-4: blobs are addressed by SHA-256; known FIPS 180-2 vectors and streaming equivalence.
#include <gtest/gtest.h>
#include <tepei/sync/sha256.h>

namespace {
using namespace tepei::sync;

TEST(RSync4_Sha256, KnownVectors)
{
    EXPECT_EQ(sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    EXPECT_EQ(sha256Hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    EXPECT_EQ(sha256Hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
              "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    EXPECT_EQ(sha256Hex(std::string(1'000'000, 'a')),
              "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST(RSync4_Sha256, StreamingInChunksEqualsOneShotAndFinishStartsOver)
{
    const std::string data(1'000'000, 'a');
    Sha256 hash;
    for (std::size_t at = 0; at < data.size(); at += 65'537)
        hash.update(std::string_view(data).substr(at, 65'537));
    EXPECT_EQ(hash.finishHex(), "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
    hash.update("ab");
    hash.update("c");
    EXPECT_EQ(toHex(hash.finish()), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    Sha256 moved = std::move(hash);
    EXPECT_EQ(moved.finishHex(), sha256Hex(""));
}

TEST(RSync4_Sha256, RecognisesBlobAddresses)
{
    EXPECT_TRUE(isSha256Hex(sha256Hex("abc")));
    EXPECT_FALSE(isSha256Hex("BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD"));
    EXPECT_FALSE(isSha256Hex(sha256Hex("abc").substr(1)));
    EXPECT_FALSE(isSha256Hex(sha256Hex("abc") + "0"));
    EXPECT_FALSE(isSha256Hex("../../etc/passwd"));
}

} // namespace
