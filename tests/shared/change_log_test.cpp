// The change log on SQLite (R-SYNC-2, R-SYNC-3): its component migration, WAL, one transaction per
// append, idempotent appends, payload texts kept as sent, verdicts that survive a restart.
#include "log_builder.h"

#include <filesystem>
#include <tepei/model/kinds/application/application_kind.h>
#include <tepei/model/kinds/campaign/campaign_kind.h>
#include <tepei/model/log/sqlite_change_log.h>
#include <tepei/sync/codec.h>

namespace {

using namespace tepei;
using test::Device;

class ChangeLogTest : public test::StoreFileTest {
protected:
    std::unique_ptr<model::SqliteChangeLog> open()
    {
        auto store = model::SqliteChangeLog::open(path(), {});
        EXPECT_TRUE(store.ok()) << (store.ok() ? "" : store.error().message);
        return store.ok() ? std::move(store).value() : nullptr;
    }
};

TEST_F(ChangeLogTest, RSync3_RetriedBatchIsAppendedOnceWithItsOriginalSeq)
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
TEST_F(ChangeLogTest, RSync3_ChangesFromASourceKeepTheirPayloadTextAndAFailingSourceStoresNothing)
{
    auto store = open();
    ASSERT_TRUE(store->append(journey()).ok());
    const std::string before = store->state().canonicalState();
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
    EXPECT_EQ(model::findApplication(store->state(), "app-2"), nullptr);
    EXPECT_EQ(store->state().canonicalState(), before);
    EXPECT_EQ(open()->state().canonicalState(), before); // the file holds nothing of it either

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
    EXPECT_EQ(model::findApplication(store->state(), "app-2")->state, model::AppState::Submitted);
    const auto stored = store->storedChangesAt({4, 5});
    ASSERT_TRUE(stored.ok());
    EXPECT_EQ((*stored)[1].payloadJson, submitText);
    auto parsed = sync::parseJson((*stored)[0].payloadJson); // written by the store: the same values
    ASSERT_TRUE(parsed.ok());
    EXPECT_EQ(parsed->serialize(), second.serialize());
}
// What a server's pull relays: the changes at the given seqs, in seq order, each once, with its
// verdict and payload text; seqs not in the log are skipped. Runs of seqs are read as ranges.
TEST_F(ChangeLogTest, RSync1_StoredChangesAtGivesEachAskedSeqOnceInOrder)
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
TEST_F(ChangeLogTest, RSync3_AcceptedChangesAndVerdictsSurviveARestart)
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
        before = store->state().canonicalState();
    }
    auto reopened = open();
    EXPECT_EQ(reopened->state().canonicalState(), before);
    EXPECT_EQ(reopened->lastSeq(), 4);
    EXPECT_EQ(model::findApplication(reopened->state(), "app-1")->state, model::AppState::Submitted);
}

TEST_F(ChangeLogTest, RSync2_ItsTablesAreAComponentOfTheirOwnInWalMode)
{
    open().reset();
    auto db = model::sqlite::Database::open(path(), model::sqlite::Database::Durability::Full).value();
    auto version = db->prepare("SELECT version FROM schema_versions WHERE component = 'change_log'");
    ASSERT_TRUE(version.ok() && version->step().value());
    EXPECT_EQ(version->columnInt(0), static_cast<std::int64_t>(model::changeLogMigrations().size()));
    auto mode = db->prepare("PRAGMA journal_mode");
    ASSERT_TRUE(mode.ok() && mode->step().value());
    EXPECT_EQ(mode->columnText(0), "wal");
    // A server's log holds no client table.
    EXPECT_FALSE(db->exec("SELECT * FROM outbox").ok());
    EXPECT_FALSE(db->exec("SELECT * FROM records").ok());
}

TEST_F(ChangeLogTest, RSync2_ALogWrittenByANewerVersionIsRefusedUntouched)
{
    open().reset();
    {
        auto db = model::sqlite::Database::open(path(), model::sqlite::Database::Durability::Full).value();
        ASSERT_TRUE(db->exec("UPDATE schema_versions SET version = 99 WHERE component = 'change_log'").ok());
    }
    auto refused = model::SqliteChangeLog::open(path(), {});
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code, "schema_too_new");
}

TEST_F(ChangeLogTest, RSync2_MigrationThatFailsLeavesTheVersionWhereItWas)
{
    auto db = model::sqlite::Database::open(path(), model::sqlite::Database::Durability::Full);
    ASSERT_TRUE(db.ok());
    const std::vector<std::string_view> migrations{"CREATE TABLE a (x INTEGER);",
                                                   "CREATE TABLE b (y INTEGER); NOT SQL"};
    const auto st = model::sqlite::migrateComponent(**db, "test", migrations, 0);
    ASSERT_FALSE(st.ok());
    EXPECT_EQ(st.error().code, "migration_failed");
    auto version = (*db)->prepare("SELECT version FROM schema_versions WHERE component = 'test'");
    ASSERT_TRUE(version.ok() && version->step().value());
    EXPECT_EQ(version->columnInt(0), 1);
    EXPECT_FALSE((*db)->exec("SELECT * FROM b").ok()); // the failed step was rolled back whole
}

} // namespace
