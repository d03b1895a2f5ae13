// Data written by the previous version (commit 5ce3e45, before the record kinds and the split of
// the store) opens, migrates and serves the same state (R-SYNC-2). The fixture is the data
// directory of that version's `tepei-admin demo` (tests/fixtures/legacy-5ce3e45/README.md).
#include <filesystem>
#include <gtest/gtest.h>
#include <tepei/model/kinds/application/application_kind.h>
#include <tepei/model/kinds/campaign/campaign_kind.h>
#include <tepei/model/log/sqlite_change_log.h>
#include <tepei/server/log/record_log.h>
#include <tepei/sync/ids.h>

namespace {

using namespace tepei;
namespace fs = std::filesystem;

const fs::path kFixture = fs::path(TEPEI_DATA_DIR) / ".." / "tests" / "fixtures" / "legacy-5ce3e45";

TEST(LegacyData, RSync2_AServerLogOfThePreviousVersionOpensWithItsStateAndVerdicts)
{
    const fs::path dir = fs::temp_directory_path() / ("tepei-legacy-" + sync::newUuidString());
    fs::create_directories(dir);
    fs::copy_file(kFixture / "server-data" / "records.db", dir / "records.db");
    {
        auto log = server::RecordLog::open((dir / "records.db").string(), sync::systemWallClock());
        ASSERT_TRUE(log.ok()) << log.error().message;
        const auto changes = (*log)->read([](const model::Fold& state) {
            EXPECT_EQ(state.lastSeq(), 723);
            EXPECT_EQ(model::applications(state).size(), 200u);
            EXPECT_NE(model::findCampaign(state, "2024"), nullptr);
            int refused = 0;
            for (const auto& [id, app] : model::applications(state))
                for (const auto& line : app.history)
                    refused += line.verdict.accepted ? 0 : 1;
            EXPECT_EQ(refused, 5); // 3 quota_full, 2 too_old, as the previous version judged
            return state.canonicalState();
        });
        // Today's rules, folding the same log afresh, reach the same state the stored verdicts give.
        auto store = model::SqliteChangeLog::open((dir / "records.db").string(), {});
        ASSERT_TRUE(store.ok());
        model::Fold fresh;
        for (auto& change : (*store)->changesAfter(0, 100000).value())
            fresh.apply(std::move(change));
        EXPECT_EQ(fresh.canonicalState(), changes);
    }
    fs::remove_all(dir);
}

} // namespace
