// The SQLite replica store (R-SYNC-2, R-SYNC-3): numbered migrations, WAL, one transaction per
// batch, idempotent appends, an outbox that survives restarts, history arriving out of order.
#include "log_builder.h"

#include <filesystem>
#include <tepei/model/kinds/application/application_kind.h>
#include <tepei/model/kinds/campaign/campaign_kind.h>
#include <tepei/model/log/store.h>
#include <tepei/sync/codec.h>

namespace {

using namespace tepei;
using test::Device;
namespace fs = std::filesystem;

class ReplicaStoreTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        m_dir = fs::temp_directory_path() / ("tepei-store-" + sync::newUuidString());
        fs::create_directories(m_dir);
    }
    void TearDown() override { fs::remove_all(m_dir); }

    std::string path() const { return (m_dir / "replica.db").string(); }
    std::unique_ptr<model::ReplicaStore>
    open(model::ReplicaStore::Summaries summaries = model::ReplicaStore::Summaries::Kept)
    {
        auto store = model::ReplicaStore::open(path(), model::sqlite::Database::Durability::Full, summaries);
        EXPECT_TRUE(store.ok()) << (store.ok() ? "" : store.error().message);
        return store.ok() ? std::move(store).value() : nullptr;
    }
    std::vector<sync::Change> journey()
    {
        std::mt19937_64 rng{11};
        auto fields = model::sampleApplication(rng, m_campaign, {"150100", "U1", "单位"});
        return {m_centre.publishCampaign(m_campaign), m_applicant.set("app-1", model::toJson(fields)),
                m_applicant.command("app-1", "submit")};
    }

    fs::path m_dir;
    model::Campaign m_campaign = test::campaign2024();
    Device m_centre{"centre", "centre_officer"};
    Device m_applicant{"applicant", "applicant"};
};

TEST_F(ReplicaStoreTest, RSync2_MigrationsRunInOrderAndRecordTheSchemaVersion)
{
    {
        auto store = open();
        EXPECT_EQ(store->database().userVersion(), static_cast<int>(model::replicaStoreMigrations().size()));
        auto mode = store->database().prepare("PRAGMA journal_mode");
        ASSERT_TRUE(mode.ok());
        ASSERT_TRUE(mode->step().value());
        EXPECT_EQ(mode->columnText(0), "wal");
    }
    auto again = open(); // reopening migrates nothing and keeps the version
    EXPECT_EQ(again->database().userVersion(), static_cast<int>(model::replicaStoreMigrations().size()));
}

TEST_F(ReplicaStoreTest, RSync2_NewStoreHasPagesThatHoldSeveralChangesAndCheckpointsEvery64MB)
{
    auto store = open();
    const auto pragma = [&](const std::string& name) {
        auto stmt = store->database().prepare("PRAGMA " + name);
        EXPECT_TRUE(stmt.ok() && stmt->step().value());
        return stmt.ok() ? stmt->columnInt(0) : 0;
    };
    EXPECT_EQ(pragma("page_size"), 16384);
    EXPECT_EQ(pragma("wal_autocheckpoint") * pragma("page_size"), 64 << 20);
}

TEST_F(ReplicaStoreTest, RSync2_StoreWrittenByANewerVersionIsRefusedUntouched)
{
    open().reset();
    {
        auto db = model::sqlite::Database::open(path(), model::sqlite::Database::Durability::Full);
        ASSERT_TRUE(db.ok());
        ASSERT_TRUE((*db)->exec("PRAGMA user_version=99").ok());
    }
    auto refused = model::ReplicaStore::open(path(), model::sqlite::Database::Durability::Full);
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code, "schema_too_new");
    auto db = model::sqlite::Database::open(path(), model::sqlite::Database::Durability::Full);
    EXPECT_EQ((*db)->userVersion(), 99);
}

TEST_F(ReplicaStoreTest, RSync2_MigrationThatFailsLeavesTheVersionWhereItWas)
{
    auto db = model::sqlite::Database::open(path(), model::sqlite::Database::Durability::Full);
    ASSERT_TRUE(db.ok());
    const std::vector<std::string_view> migrations{"CREATE TABLE a (x INTEGER);",
                                                   "CREATE TABLE b (y INTEGER); NOT SQL"};
    const auto st = model::sqlite::migrate(**db, migrations);
    ASSERT_FALSE(st.ok());
    EXPECT_EQ(st.error().code, "migration_failed");
    EXPECT_EQ((*db)->userVersion(), 1);
    EXPECT_FALSE((*db)->exec("SELECT * FROM b").ok()); // the failed step was rolled back whole
}

TEST_F(ReplicaStoreTest, RSync3_RetriedBatchIsAppendedOnceWithItsOriginalSeq)
{
    auto store = open();
    const auto batch = journey();
    const auto first = store->append(batch);
    ASSERT_TRUE(first.ok());
    EXPECT_EQ(first->back().seq, 3);
    const auto retry = store->append(batch);
    ASSERT_TRUE(retry.ok());
    for (std::size_t i = 0; i < batch.size(); ++i) {
        EXPECT_TRUE((*retry)[i].duplicate);
        EXPECT_EQ((*retry)[i].seq, (*first)[i].seq);
    }
    EXPECT_EQ(store->lastSeq(), 3);
}

TEST_F(ReplicaStoreTest, RSync3_ChangesFromASourceKeepTheirPayloadTextAndAFailingSourceStoresNothing)
{
    auto store = open();
    ASSERT_TRUE(store->append(journey()).ok());
    const std::string before = store->confirmed().canonicalState();
    std::mt19937_64 rng{12};
    const auto second = model::toJson(model::sampleApplication(rng, m_campaign, {"150200", "U2", "单位二"}));

    // A source that gives one batch (a new application, its payload text as a message held it,
    // spaces and all), then fails as a decoder would on a malformed change further on.
    int calls = 0;
    const model::AppendSource failing{
        [&]() -> Result<sync::ChangeBatch> {
            if (calls++ > 0)
                return Error{"malformed_json", "the message is not valid JSON: at byte 900", {}};
            return sync::ChangeBatch{{m_applicant.set("app-2", second)}, {}};
        },
        {}};
    const auto refused = store->append(failing);
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code, "malformed_json");
    EXPECT_EQ(store->lastSeq(), 3);
    EXPECT_EQ(model::findApplication(store->confirmed(), "app-2"), nullptr);
    EXPECT_EQ(store->confirmed().canonicalState(), before);
    EXPECT_EQ(open()->confirmed().canonicalState(), before); // the file holds nothing of it either

    // The same source without the failure, in two batches; the submit's text is kept as given.
    const std::string submitText = R"({ "name" : "submit" })";
    std::vector<sync::ChangeBatch> batches;
    batches.push_back({{m_applicant.set("app-2", second)}, {}});
    batches.push_back({{m_applicant.command("app-2", "submit")}, {submitText}});
    batches.emplace_back();
    std::size_t next = 0;
    std::size_t returned = 0; // batches given back once stored
    const auto appended =
        store->append({[&]() -> Result<sync::ChangeBatch> { return std::move(batches[next++]); },
                       [&](sync::ChangeBatch&& spent) { returned += spent.changes.size(); }});
    ASSERT_TRUE(appended.ok()) << appended.error().message;
    ASSERT_EQ(appended->size(), 2u);
    EXPECT_EQ(returned, 2u);
    EXPECT_EQ((*appended)[0].seq, 4);
    EXPECT_EQ((*appended)[1].seq, 5);
    EXPECT_TRUE((*appended)[1].verdict.accepted) << (*appended)[1].verdict.reason.en;
    EXPECT_EQ(model::findApplication(store->confirmed(), "app-2")->state, model::AppState::Submitted);
    const auto stored = store->storedChangesAt({4, 5});
    ASSERT_TRUE(stored.ok());
    EXPECT_EQ((*stored)[1].payloadJson, submitText);
    auto parsed = sync::parseJson((*stored)[0].payloadJson); // written by the store: the same values
    ASSERT_TRUE(parsed.ok());
    EXPECT_EQ(parsed->serialize(), second.serialize());
}

// What a server's pull relays: the changes at the given seqs, in seq order, each once, with its
// verdict and payload text; seqs not in the log are skipped. Runs of seqs are read as ranges.
TEST_F(ReplicaStoreTest, RSync1_StoredChangesAtGivesEachAskedSeqOnceInOrder)
{
    auto store = open();
    std::vector<sync::Change> changes = journey();
    web::json::value edit = web::json::value::object();
    edit["mobile"] = web::json::value::string("13800000000");
    changes.push_back(m_applicant.set("app-1", edit)); // refused: submitted forms are not editable
    changes.push_back(m_applicant.command("app-1", "withdraw"));
    ASSERT_TRUE(store->append(changes).ok());
    const auto all = store->changesAfter(0, 100);
    ASSERT_TRUE(all.ok());
    ASSERT_EQ(all->size(), 5u);
    const auto stored = store->storedChangesAt({5, 2, 3, 99, 1, 3, 0});
    ASSERT_TRUE(stored.ok()) << stored.error().message;
    std::vector<std::int64_t> seqs;
    for (const auto& c : *stored)
        seqs.push_back(c.seq);
    EXPECT_EQ(seqs, (std::vector<std::int64_t>{1, 2, 3, 5}));
    for (const auto& c : *stored) {
        const sync::ConfirmedChange& expected = (*all)[static_cast<std::size_t>(c.seq - 1)];
        EXPECT_EQ(c.change.id, expected.change.id);
        EXPECT_EQ(c.verdict, expected.verdict) << c.seq;
        EXPECT_EQ(sync::parseJson(c.payloadJson)->serialize(), expected.change.payload.serialize()) << c.seq;
    }
    EXPECT_TRUE(store->storedChangesAt({}).value().empty());
    const auto refusedEdit = store->storedChangesAt({4});
    ASSERT_EQ(refusedEdit->size(), 1u);
    EXPECT_EQ(refusedEdit->front().verdict.code, "not_editable");
}

TEST_F(ReplicaStoreTest, RSync3_AcceptedChangesAndVerdictsSurviveARestart)
{
    std::string before;
    {
        auto store = open();
        const auto appended = store->append(journey());
        ASSERT_TRUE(appended.ok());
        for (const auto& a : *appended)
            EXPECT_TRUE(a.verdict.accepted) << a.seq << " " << a.verdict.reason.en;
        web::json::value edit = web::json::value::object();
        edit["mobile"] = web::json::value::string("13800000000");
        const auto refused = store->append({m_applicant.set("app-1", edit)});
        EXPECT_EQ(refused->front().verdict.reason.code, "not_editable");
        before = store->confirmed().canonicalState();
    }
    auto reopened = open();
    EXPECT_EQ(reopened->confirmed().canonicalState(), before);
    EXPECT_EQ(reopened->lastSeq(), 4);
    const auto rows = reopened->records(model::kKindApplication, 0, 10);
    ASSERT_TRUE(rows.ok());
    ASSERT_EQ(rows->size(), 1u);
    EXPECT_EQ(rows->front().state, "submitted");
    EXPECT_EQ(rows->front().authority, "150100");
}

// The server's log keeps no summary rows: it answers from the fold, and a row per stored change
// would cost every push. Rows an earlier version wrote are removed on open, never left to go stale.
TEST_F(ReplicaStoreTest, RSync3_AStoreWithoutSummariesWritesNoneAndRemovesOldOnes)
{
    const auto countRows = [](model::ReplicaStore& store) {
        auto stmt = store.database().cached("SELECT COUNT(*) FROM records");
        EXPECT_TRUE(stmt.ok());
        auto row = (*stmt)->step();
        EXPECT_TRUE(row.ok() && *row);
        const std::int64_t count = (*stmt)->columnInt(0);
        (*stmt)->reset();
        return count;
    };
    std::string state;
    {
        auto kept = open();
        ASSERT_TRUE(kept->append(journey()).ok());
        EXPECT_EQ(countRows(*kept), 1);
        state = kept->confirmed().canonicalState();
    }
    auto server = open(model::ReplicaStore::Summaries::NotKept);
    EXPECT_EQ(countRows(*server), 0);
    EXPECT_EQ(server->confirmed().canonicalState(), state); // the log and its fold are untouched
    web::json::value edit = web::json::value::object();
    edit["mobile"] = web::json::value::string("13800000000");
    std::mt19937_64 rng{12};
    const auto more = server->append(
        {m_applicant.set("app-2",
                         model::toJson(model::sampleApplication(rng, m_campaign, {"150100", "U1", "单位"}))),
         m_applicant.command("app-2", "submit")});
    ASSERT_TRUE(more.ok());
    EXPECT_TRUE(more->back().verdict.accepted) << more->back().verdict.reason.en;
    EXPECT_EQ(countRows(*server), 0);
    const auto rows = server->records(model::kKindApplication, 0, 10);
    ASSERT_FALSE(rows.ok());
    EXPECT_EQ(rows.error().code, "summaries_not_kept");
    server.reset();
    // Opened as a client's again, the rows are rebuilt from the log.
    auto client = open();
    const auto rebuilt = client->records(model::kKindApplication, 0, 10);
    ASSERT_TRUE(rebuilt.ok());
    EXPECT_EQ(rebuilt->size(), 2u);
}

TEST_F(ReplicaStoreTest, RSync3_PendingChangeSurvivesACrashUntilConfirmed)
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
    auto server = model::ReplicaStore::open(":memory:", model::sqlite::Database::Durability::Normal).value();
    ASSERT_TRUE(server->append(client->outbox()).ok());
    std::vector<model::PulledChange> page;
    for (const auto& c : server->changesAfter(0, 10).value())
        page.push_back({c, model::fromChangeVerdict(c.verdict)});
    ASSERT_TRUE(client->applyPulled(page, 3).ok());
    EXPECT_EQ(client->outboxSize(), 0u);
    EXPECT_EQ(client->confirmed().canonicalState(), server->confirmed().canonicalState());
    EXPECT_EQ(client->pullCursor(), 3);
}

TEST_F(ReplicaStoreTest, RSync3_ChangeRefusedAtPushLeavesTheOutboxAndIsKeptWithItsReason)
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

TEST_F(ReplicaStoreTest, RSec2_HistoryArrivingBelowTheCursorIsFoldedInOrder)
{
    auto server = model::ReplicaStore::open(":memory:", model::sqlite::Database::Durability::Normal).value();
    ASSERT_TRUE(server->append(journey()).ok());
    const auto log = server->changesAfter(0, 10).value();
    auto reviewer = open();
    // The reviewer first sees only the campaign and the submission (seq 1 and 3), as a filtered
    // pull would give before the record entered its scope, then the record's earlier history.
    ASSERT_TRUE(reviewer->applyPulled({{log[0], std::nullopt}}, 1).ok());
    ASSERT_TRUE(reviewer->applyPulled({{log[2], model::fromChangeVerdict(log[2].verdict)}}, 3).ok());
    ASSERT_TRUE(reviewer->applyPulled({{log[1], model::fromChangeVerdict(log[1].verdict)}}, 3).ok());
    EXPECT_EQ(reviewer->confirmed().canonicalState(), server->confirmed().canonicalState());
    EXPECT_EQ(reviewer->pullCursor(), 3);
    open().reset();
    EXPECT_EQ(open()->confirmed().canonicalState(), server->confirmed().canonicalState());
}

} // namespace
