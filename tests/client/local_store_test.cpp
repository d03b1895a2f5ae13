// The client's replica file (R-SYNC-2, R-SYNC-3): an outbox that survives restarts, refusals kept
// with their reason, history arriving out of order, list rows, and files of the previous version.
#include "log_builder.h"

#include <filesystem>
#include <tepei/client/store/local_store.h>
#include <tepei/model/kinds/application/application_kind.h>
#include <tepei/model/kinds/campaign/campaign_kind.h>
#include <tepei/model/log/sqlite_change_log.h>
#include <tepei/sync/codec.h>

namespace {

using namespace tepei;
using test::Device;
namespace fs = std::filesystem;

class LocalStoreTest : public test::StoreFileTest {
protected:
    std::unique_ptr<client::LocalStore> open()
    {
        auto store = client::LocalStore::open(path(), model::sqlite::Database::Durability::Full);
        EXPECT_TRUE(store.ok()) << (store.ok() ? "" : store.error().message);
        return store.ok() ? std::move(store).value() : nullptr;
    }
};

TEST_F(LocalStoreTest, RSync3_PendingChangeSurvivesACrashUntilConfirmed)
{
    const auto changes = journey();
    {
        auto client = open();
        for (const auto& c : changes)
            ASSERT_TRUE(client->enqueue(c).ok());
        EXPECT_EQ(model::findApplication(client->tentative(), "app-1")->state, model::AppState::Submitted);
        EXPECT_EQ(model::findApplication(client->confirmed(), "app-1"), nullptr);
    } // the process dies here
    auto client = open();
    ASSERT_EQ(client->outboxSize(), 3u);
    EXPECT_EQ(model::findApplication(client->tentative(), "app-1")->state, model::AppState::Submitted);
    // The server takes them; the next pull confirms them and empties the outbox.
    auto server = model::SqliteChangeLog::open(":memory:", {}).value();
    ASSERT_TRUE(server->append(client->outbox()).ok());
    std::vector<model::PulledChange> page;
    for (const auto& c : server->changesAfter(0, 10).value())
        page.push_back({c, model::fromChangeVerdict(c.verdict)});
    ASSERT_TRUE(client->applyPulled(page, 3).ok());
    EXPECT_EQ(client->outboxSize(), 0u);
    EXPECT_EQ(client->confirmed().canonicalState(), server->state().canonicalState());
    EXPECT_EQ(client->pullCursor(), 3);
}
TEST_F(LocalStoreTest, RSync3_ChangeRefusedAtPushLeavesTheOutboxAndIsKeptWithItsReason)
{
    auto client = open();
    const auto change = journey()[1];
    ASSERT_TRUE(client->enqueue(change).ok());
    ASSERT_TRUE(client->rejectPending(change.id, Error{"forbidden", "outside your scope", {}}, 1000).ok());
    EXPECT_EQ(client->outboxSize(), 0u);
    open().reset();
    auto reopened = open();
    const auto rejected = reopened->rejected();
    ASSERT_TRUE(rejected.ok());
    ASSERT_EQ(rejected->size(), 1u);
    EXPECT_EQ(rejected->front().reason.code, "forbidden");
    EXPECT_EQ(rejected->front().recordId, "app-1");
}
TEST_F(LocalStoreTest, RSec2_HistoryArrivingBelowTheCursorIsFoldedInOrder)
{
    auto server = model::SqliteChangeLog::open(":memory:", {}).value();
    ASSERT_TRUE(server->append(journey()).ok());
    const auto log = server->changesAfter(0, 10).value();
    auto reviewer = open();
    // The reviewer first sees only the campaign and the submission (seq 1 and 3), as a filtered
    // pull would give before the record entered its scope, then the record's earlier history.
    ASSERT_TRUE(reviewer->applyPulled({{log[0], std::nullopt}}, 1).ok());
    ASSERT_TRUE(reviewer->applyPulled({{log[2], model::fromChangeVerdict(log[2].verdict)}}, 3).ok());
    ASSERT_TRUE(reviewer->applyPulled({{log[1], model::fromChangeVerdict(log[1].verdict)}}, 3).ok());
    EXPECT_EQ(reviewer->confirmed().canonicalState(), server->state().canonicalState());
    EXPECT_EQ(reviewer->pullCursor(), 3);
    open().reset();
    EXPECT_EQ(open()->confirmed().canonicalState(), server->state().canonicalState());
}

} // namespace

namespace {

// A client replica written by the previous version (commit 5ce3e45: one combined schema counted
// in user_version) opens with its log, its pull cursor, its identity and its list rows
// (tests/fixtures/legacy-5ce3e45/README.md).
TEST(LegacyReplica, RSync2_AReplicaOfThePreviousVersionOpensWithItsStateAndCursor)
{
    const fs::path fixture =
        fs::path(TEPEI_DATA_DIR) / ".." / "tests" / "fixtures" / "legacy-5ce3e45" / "client-replica.db";
    const fs::path dir = fs::temp_directory_path() / ("tepei-legacy-" + sync::newUuidString());
    fs::create_directories(dir);
    fs::copy_file(fixture, dir / "replica.db");
    {
        auto store = client::LocalStore::open((dir / "replica.db").string(),
                                              model::sqlite::Database::Durability::Full);
        ASSERT_TRUE(store.ok()) << store.error().message;
        EXPECT_EQ((*store)->pullCursor(), 723);
        EXPECT_EQ(model::applications((*store)->confirmed()).size(), 4u);
        EXPECT_EQ((*store)->lastSeq(), 31);
        EXPECT_EQ((*store)->outboxSize(), 0u);
        ASSERT_TRUE((*store)->meta("identity").has_value());
        EXPECT_NE((*store)->meta("identity")->find("unit-150100-01"), std::string::npos);
        client::RecordFilter all;
        const auto rows = (*store)->summaries().query(all, 0, 100);
        ASSERT_TRUE(rows.ok());
        EXPECT_EQ(rows->size(), 4u);
        EXPECT_EQ((*store)->campaignIds(), std::vector<std::string>{"2024"});
    }
    // Opened again (now with its components recorded), it is the same.
    auto again =
        client::LocalStore::open((dir / "replica.db").string(), model::sqlite::Database::Durability::Full);
    ASSERT_TRUE(again.ok());
    EXPECT_EQ((*again)->pullCursor(), 723);
    again->reset();
    fs::remove_all(dir);
}

} // namespace
