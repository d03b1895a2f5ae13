// R-SYNC-2: the hybrid logical clock orders events and refuses times too far ahead.
#include <tepei/sync/hlc.h>
#include <tepei/sync/ids.h>

#include <gtest/gtest.h>

namespace {
using tepei::sync::Hlc;
using tepei::sync::HlcClock;

TEST(RSync2_Hlc, NowIsMonotonicWhenPhysicalClockStandsStillOrGoesBack)
{
    std::int64_t physical = 1000;
    HlcClock clock([&] { return physical; });
    const Hlc a = clock.now();
    const Hlc b = clock.now();
    physical = 900; // the wall clock steps back
    const Hlc c = clock.now();
    EXPECT_LT(a, b);
    EXPECT_LT(b, c);
    EXPECT_EQ(c.wallMs, 1000);
}

TEST(RSync2_Hlc, UpdateMovesPastRemoteTime)
{
    std::int64_t physical = 1000;
    HlcClock clock([&] { return physical; });
    const auto merged = clock.update(Hlc{1500, 7});
    ASSERT_TRUE(merged.ok());
    EXPECT_EQ(*merged, (Hlc{1500, 8}));
    EXPECT_LT((Hlc{1500, 8}), clock.now());
}

TEST(RSync2_Hlc, RefusesRemoteTimeTooFarAheadAndKeepsItsClock)
{
    std::int64_t physical = 1000;
    HlcClock clock([&] { return physical; }, 60'000);
    const Hlc before = clock.now();
    const auto refused = clock.update(Hlc{1000 + 60'001, 0});
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code, "clock_ahead");
    EXPECT_EQ(clock.last(), before);
    EXPECT_TRUE(clock.update(Hlc{1000 + 60'000, 0}).ok());
}

TEST(RSync2_Hlc, TextFormRoundTripsAndRejectsGarbage)
{
    const Hlc hlc{1710892800000, 3};
    const auto parsed = tepei::sync::parseHlc(tepei::sync::toString(hlc));
    ASSERT_TRUE(parsed.ok());
    EXPECT_EQ(*parsed, hlc);
    for (const char* bad : {"", "1", "1.", ".1", "a.1", "1.b", "-1.0", "1.2.3", "1.99999999999"})
        EXPECT_FALSE(tepei::sync::parseHlc(bad).ok()) << bad;
}

TEST(RSync2_Ids, UuidsAreUniqueAndRoundTrip)
{
    const auto a = tepei::sync::newUuid();
    const auto b = tepei::sync::newUuid();
    EXPECT_NE(a, b);
    const auto parsed = tepei::sync::parseUuid(tepei::sync::toString(a));
    ASSERT_TRUE(parsed.ok());
    EXPECT_EQ(*parsed, a);
    EXPECT_FALSE(tepei::sync::parseUuid("not-a-uuid").ok());
    EXPECT_FALSE(tepei::sync::parseUuid("0f8fad5b-d9cb-469f-a165-70867728950g").ok());
}
} // namespace
