// The SQLite store (migrations, accounts, sessions) and login throttling (R-SEC-1, R-ORG-1).
#include <gtest/gtest.h>
#include <random>
#include <tepei/model/log/sqlite.h>
#include <tepei/server/accounts/sqlite_store.h>
#include <tepei/server/accounts/throttle.h>
#include <tepei/server/log/record_log.h>
#include <tepei/sync/ids.h>
#include <thread>

namespace {
using namespace tepei::server;

class StoreTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        m_dir = std::filesystem::temp_directory_path() /
                ("tepei-store-test-" + std::to_string(std::random_device{}()));
        std::filesystem::create_directories(m_dir);
        auto store = SqliteStore::open(m_dir / "tepei.db");
        ASSERT_TRUE(store.ok()) << store.error().message;
        m_store = std::move(*store);
    }
    void TearDown() override
    {
        m_store.reset();
        std::filesystem::remove_all(m_dir);
    }
    std::filesystem::path m_dir;
    std::unique_ptr<SqliteStore> m_store;
};

TEST_F(StoreTest, MigrationsRecordTheSchemaVersionAndRefuseANewerDatabase)
{
    EXPECT_EQ(m_store->schemaVersion(), SqliteStore::latestSchemaVersion());
    m_store.reset();
    {
        using tepei::model::sqlite::Database;
        auto db = Database::open((m_dir / "tepei.db").string(), Database::Durability::Full);
        ASSERT_TRUE(db.ok());
        ASSERT_TRUE((*db)->exec("PRAGMA user_version=99").ok());
    }
    auto newer = SqliteStore::open(m_dir / "tepei.db");
    ASSERT_FALSE(newer.ok());
    EXPECT_EQ(newer.error().code, "schema_too_new");
}

TEST_F(StoreTest, ROrg1_OrgsNeedTheirParentAndUnitsActivateWithTheirUsers)
{
    ASSERT_TRUE(m_store->addOrg({"C0", OrgKind::Centre, "中心", "", AccountStatus::Active}).ok());
    auto orphan = m_store->addOrg({"W9", OrgKind::WorkUnit, "单位", "A9", AccountStatus::Active});
    ASSERT_FALSE(orphan.ok());
    EXPECT_EQ(orphan.error().code, "invalid_parent");
    // All or nothing: the second org fails, so the first is not kept either.
    auto batch = m_store->addOrgs({{"A1", OrgKind::Authority, "呼和浩特市", "C0", AccountStatus::Active},
                                   {"C0", OrgKind::Centre, "again", "", AccountStatus::Active}});
    ASSERT_FALSE(batch.ok());
    EXPECT_EQ(batch.error().code, "org_exists");
    ASSERT_FALSE(m_store->findOrg("A1")->has_value());

    ASSERT_TRUE(m_store->addOrg({"A1", OrgKind::Authority, "呼和浩特市", "C0", AccountStatus::Active}).ok());
    const Org unit{"W1", OrgKind::WorkUnit, "医院", "A1", AccountStatus::Pending};
    const User reviewer{"u-1", "Bat", "巴特", Role::UnitReviewer, "W1", "hash", AccountStatus::Pending, ""};
    ASSERT_TRUE(m_store->registerUnit(unit, reviewer).ok());
    auto taken =
        m_store->addUser({"u-2", "bat", "x", Role::Applicant, "W1", "hash", AccountStatus::Active, ""});
    ASSERT_FALSE(taken.ok());
    EXPECT_EQ(taken.error().code, "login_taken"); // logins compare case-insensitively

    ASSERT_TRUE(m_store->activateOrg("W1").ok());
    EXPECT_EQ((*m_store->findOrg("W1"))->status, AccountStatus::Active);
    EXPECT_EQ((*m_store->findUserByLogin("BAT"))->status, AccountStatus::Active);
    const Principal p = principalFor(**m_store->findUserById("u-1"), **m_store->findOrg("W1"));
    EXPECT_EQ(p.authorityCode, "A1");
}

TEST_F(StoreTest, RSec1_ThrottleLocksAfterFiveFailuresWithGrowingPauses)
{
    std::int64_t now = 1'000'000;
    LoginThrottle throttle(*m_store, [&] { return now; });
    for (int i = 0; i < 4; ++i) {
        ASSERT_TRUE(throttle.recordFailure("bat", "10.0.0.1").ok());
        EXPECT_EQ(*throttle.retryAfterMs("bat", "10.0.0.1"), 0);
    }
    ASSERT_TRUE(throttle.recordFailure("Bat", "10.0.0.1").ok()); // the fifth, any letter case
    EXPECT_EQ(*throttle.retryAfterMs("bat", "10.0.0.2"), 30'000);
    EXPECT_EQ(*throttle.retryAfterMs("someone-else", "10.0.0.1"), 0); // the address is not locked yet
    now += 30'000;
    EXPECT_EQ(*throttle.retryAfterMs("bat", "10.0.0.1"), 0);
    ASSERT_TRUE(throttle.recordFailure("bat", "10.0.0.1").ok());
    EXPECT_EQ(*throttle.retryAfterMs("bat", "10.0.0.1"), 60'000); // doubled
    EXPECT_EQ(LoginThrottle::lockMs(40, 5, ThrottlePolicy{}), ThrottlePolicy{}.maxLockMs);

    ASSERT_TRUE(throttle.recordSuccess("bat").ok());
    EXPECT_EQ(*throttle.retryAfterMs("bat", "10.0.0.9"), 0);
}

TEST_F(StoreTest, RSec1_ThrottleCountsPerAddressToo)
{
    std::int64_t now = 5'000'000;
    LoginThrottle throttle(*m_store, [&] { return now; });
    for (int i = 0; i < 20; ++i) {
        ASSERT_TRUE(throttle.recordFailure("user" + std::to_string(i), "10.0.0.7").ok());
    }
    EXPECT_GT(*throttle.retryAfterMs("fresh-user", "10.0.0.7"), 0);
    EXPECT_EQ(*throttle.retryAfterMs("fresh-user", "10.0.0.8"), 0);
}

// The change log's write-ahead log is copied into the database file by the log's own thread once
// it passes its threshold (not inside a commit), and the log reads the same afterwards (R-SYNC-3).
TEST_F(StoreTest, RSync3_ChangeLogIsCheckpointedInTheBackground)
{
    const std::string path = (m_dir / "records.db").string();
    const auto clock = [] { return std::int64_t{1706745600000}; };
    std::vector<tepei::sync::Change> changes;
    for (int i = 0; i < 60; ++i) {
        tepei::sync::Change change;
        change.id = tepei::sync::newUuid();
        change.author = "u-1";
        change.site = "site-1";
        change.hlc = tepei::sync::Hlc{1706745600000, static_cast<std::uint32_t>(i)};
        change.recordKind = "application";
        change.recordId = tepei::sync::newUuidString();
        change.op = tepei::sync::ChangeOp::Set;
        change.payload = web::json::value::object();
        change.payload["study_plan"] = web::json::value::string(std::string(4000, 'x'));
        changes.push_back(std::move(change));
    }
    {
        auto log = RecordLog::open(path, clock, 64 * 1024);
        ASSERT_TRUE(log.ok()) << log.error().message;
        const auto before = std::filesystem::file_size(path);
        ASSERT_TRUE((*log)->appendTrusted(changes).ok()); // about 300 KB of log: past the threshold
        bool copied = false;
        for (int i = 0; i < 100 && !copied; ++i) {
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
            copied = std::filesystem::file_size(path) > before + 200 * 1024;
        }
        EXPECT_TRUE(copied) << "the changes reached the database file while the log was open";
        EXPECT_EQ((*log)->read([](const tepei::model::Fold& state) { return state.lastSeq(); }), 60);
    }
    auto reopened = RecordLog::open(path, clock);
    ASSERT_TRUE(reopened.ok());
    EXPECT_EQ((*reopened)->read([](const tepei::model::Fold& state) { return state.lastSeq(); }), 60);
}

} // namespace
