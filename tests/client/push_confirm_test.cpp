// No echo (R-SYNC-5, issue #15): the push reply confirms a device's changes with their seqs and
// verdicts, and a pull never sends a device what it pushed itself, while a fresh device of the same
// person (another site) still gets everything. A push whose reply is lost is confirmed by the
// duplicate reply of the next one. Real tepei-server on loopback, real SQLite replicas; every
// test ends with the device's state equal to the server's view of its scope.
#include "programme.h"
#include "sync_harness.h"

#include <atomic>
#include <filesystem>
#include <gtest/gtest.h>
#include <mutex>
#include <random>
#include <tepei/client/account/account.h>
#include <tepei/client/sync/sync_engine.h>
#include <tepei/model/kinds/application/application_kind.h>
#include <tepei/model/samples/samples.h>
#include <tepei/sync/codec.h>
#include <tepei/sync/ids.h>
#include <thread>

namespace {

using namespace tepei;
namespace fs = std::filesystem;

const std::string kPassword = "Camel-Bell-Steppe-5";

// The real transport, counting what the pull replies bring: changes, those of `site`, and bytes.
class CountPulls final : public test::RelayTransport {
public:
    CountPulls(std::shared_ptr<client::Transport> real, std::string site)
        : RelayTransport(std::move(real)), m_site(std::move(site))
    {}
    Result<client::HttpResponse> send(const client::HttpRequest& request) override
    {
        auto response = RelayTransport::send(request);
        if (response && request.path.rfind("/v1/pull", 0) == 0 && response->status == 200) {
            m_pullBytes += response->body.size();
            if (auto page = sync::decodePullReply(response->body)) {
                m_changes += page->changes.size();
                for (const auto& c : page->changes)
                    m_own += c.change.site == m_site;
            }
        }
        return response;
    }

    std::atomic<std::size_t> m_changes{0}, m_own{0}, m_pullBytes{0};

private:
    std::string m_site;
};

// The real transport that delivers the first push but loses its reply (the link broke after the
// server had taken it), then behaves.
class LoseFirstPushReply final : public test::RelayTransport {
public:
    using RelayTransport::RelayTransport;
    Result<client::HttpResponse> send(const client::HttpRequest& request) override
    {
        auto response = RelayTransport::send(request);
        if (request.path == "/v1/push" && !m_lost.exchange(true))
            return Error{"offline", "the link broke before the push reply arrived", {}};
        return response;
    }

private:
    std::atomic<bool> m_lost{false};
};

// The real transport over a link on which no connection lasts long enough for a push request
// larger than maxBytes: such a request is cut before the server has all of it. Every push request
// tried is noted: how many changes, and whether it was cut.
class ShortLivedLink final : public test::RelayTransport {
public:
    ShortLivedLink(std::shared_ptr<client::Transport> real, std::size_t maxBytes)
        : RelayTransport(std::move(real)), m_maxBytes(maxBytes)
    {}
    Result<client::HttpResponse> send(const client::HttpRequest& request) override
    {
        if (request.path == "/v1/push") {
            const auto push = sync::decodePushRequest(request.body);
            const bool cut = request.body.size() > m_maxBytes;
            {
                std::lock_guard lock(m_mutex);
                m_tried.push_back({push ? push->changes.size() : 0, cut});
            }
            if (cut)
                return Error{"offline", "the link dropped in the middle of the request", {}};
        }
        return RelayTransport::send(request);
    }
    struct Tried {
        std::size_t changes = 0;
        bool cut = false;
    };
    std::vector<Tried> tried() const
    {
        std::lock_guard lock(m_mutex);
        return m_tried;
    }

private:
    std::size_t m_maxBytes;
    mutable std::mutex m_mutex;
    std::vector<Tried> m_tried;
};

class RSync5_NoEcho : public ::testing::Test {
protected:
    static void SetUpTestSuite()
    {
        s_server = std::make_unique<test::TestServer>();
        test::seedProgramme(*s_server, kPassword);
        ASSERT_TRUE(s_server->start()) << s_server->log();
        s_campaign = test::publishCampaign(*s_server, kPassword, 5);
    }
    static void TearDownTestSuite() { s_server.reset(); }
    void SetUp() override
    {
        m_dir = fs::temp_directory_path() / ("tepei-echo-" + sync::newUuidString());
        fs::create_directories(m_dir);
    }
    void TearDown() override { fs::remove_all(m_dir); }

    // An applicant of the test's own, so that its scope holds only what the test made.
    static std::string newApplicant()
    {
        static int n = 0;
        const std::string login = "echo-applicant-" + std::to_string(++n);
        EXPECT_EQ(s_server->admin({"user", "add", "--login", login, "--role", "applicant", "--org", "W-HH-1",
                                   "--name", "巴特尔"},
                                  kPassword),
                  0);
        return login;
    }
    test::SyncHarness harness() const
    {
        return test::SyncHarness(*s_server, kPassword, m_dir, [] {
            static const auto start = std::chrono::steady_clock::now();
            return 1706745600000 + std::chrono::duration_cast<std::chrono::milliseconds>(
                                       std::chrono::steady_clock::now() - start)
                                       .count();
        });
    }
    static client::SyncOptions batchesOf(std::size_t n)
    {
        client::SyncOptions options;
        options.pushBatch = n;
        options.pullLimit = 7;
        return options;
    }
    // `apps` complete applications, and one more that is submitted incomplete (the rules refuse it
    // at its place in the log: a verdict, not a push refusal).
    static void workOffline(test::ClientDevice& device, int apps)
    {
        std::mt19937_64 rng{15};
        for (int i = 0; i < apps; ++i) {
            const auto fields = model::toJson(
                model::sampleApplication(rng, s_campaign, {"150100", "W-HH-1", "呼和浩特市第一医院"}));
            ASSERT_TRUE(
                device.replica->setFields(model::kKindApplication, sync::newUuidString(), fields).ok());
        }
        const std::string draft = sync::newUuidString();
        web::json::value fields = web::json::value::object();
        fields[model::kFieldCampaign] = web::json::value::string(s_campaign.id);
        fields[model::kFieldUnitCode] = web::json::value::string("W-HH-1");
        fields["name"] = web::json::value::string("巴特尔");
        ASSERT_TRUE(device.replica->setFields(model::kKindApplication, draft, fields).ok());
        const auto submitted =
            device.replica->command(model::kKindApplication, draft, model::Command{"submit"});
        ASSERT_TRUE(submitted.ok());
        EXPECT_FALSE(submitted->accepted) << "an incomplete form cannot be submitted";
    }
    // Every change of the device's confirmed log: seq, id and verdict code ("" when accepted).
    static std::vector<std::string> confirmedLog(const test::ClientDevice& device)
    {
        return device.replica->withStore([](const client::LocalStore& s) {
            std::vector<std::string> rows;
            auto all = s.log().changesAfter(0, 100000);
            EXPECT_TRUE(all.ok());
            for (const auto& c : all.value())
                rows.push_back(std::to_string(c.seq) + " " + sync::toString(c.change.id) + " " +
                               c.verdict.code);
            return rows;
        });
    }

    static std::unique_ptr<test::TestServer> s_server;
    static model::Campaign s_campaign;
    fs::path m_dir;
};
std::unique_ptr<test::TestServer> RSync5_NoEcho::s_server;
model::Campaign RSync5_NoEcho::s_campaign;

TEST_F(RSync5_NoEcho, RSync5_PushReplyConfirmsWithoutEcho)
{
    const std::string login = newApplicant();
    test::ClientDevice laptop = harness().open("laptop", login, batchesOf(8));
    ASSERT_TRUE(laptop.engine->syncOnce().ok()); // the campaign
    const std::size_t campaignChanges = confirmedLog(laptop).size();
    auto counting = std::make_shared<CountPulls>(laptop.transport, laptop.replica->site());
    laptop.engine = std::make_unique<client::SyncEngine>(*laptop.replica, counting, batchesOf(8));
    laptop.engine->setToken(client::storedToken(*laptop.replica));
    workOffline(laptop, 30);

    const auto cycle = laptop.engine->syncOnce();
    ASSERT_TRUE(cycle.ok()) << cycle.error().message;
    EXPECT_EQ(cycle->pushed, 32u); // 31 field sets and the refused submission: all in the log
    EXPECT_EQ(cycle->refused, 0u);
    EXPECT_EQ(cycle->pulled, 0u) << "the pull brought the device's own changes back";
    EXPECT_EQ(counting->m_changes.load(), 0u);
    EXPECT_EQ(counting->m_own.load(), 0u);
    EXPECT_LT(counting->m_pullBytes.load(), 200u) << "a pull with nothing new is one small reply";
    laptop.replica->withStore([](const client::LocalStore& s) {
        EXPECT_EQ(s.outboxSize(), 0u);
        EXPECT_EQ(s.confirmedAhead(), 0u) << "the pull cursor passed every confirmed change";
    });
    const auto mine = confirmedLog(laptop);
    ASSERT_EQ(mine.size(), campaignChanges + 32);
    EXPECT_EQ(
        std::count_if(mine.begin(), mine.end(), [](const std::string& row) { return row.back() != ' '; }), 1)
        << "the refused submission carries the rules' verdict from the push reply";
    harness().expectConverged(laptop);

    // A fresh device of the same person (another site), or this one after losing its replica,
    // gets everything, with the same seqs and verdicts.
    test::ClientDevice phone = harness().open("phone", login, batchesOf(8));
    const auto pulled = phone.engine->syncOnce();
    ASSERT_TRUE(pulled.ok()) << pulled.error().message;
    EXPECT_EQ(pulled->pulled, campaignChanges + 32);
    EXPECT_EQ(confirmedLog(phone), mine);
    harness().expectConverged(phone);
}

TEST_F(RSync5_NoEcho, RSync5_LostPushReplyIsConfirmedByTheDuplicateReply)
{
    const std::string login = newApplicant();
    test::ClientDevice laptop = harness().open("laptop", login, batchesOf(100));
    ASSERT_TRUE(laptop.engine->syncOnce().ok());
    auto lossy = std::make_shared<LoseFirstPushReply>(laptop.transport);
    laptop.engine = std::make_unique<client::SyncEngine>(*laptop.replica, lossy, batchesOf(100));
    laptop.engine->setToken(client::storedToken(*laptop.replica));
    workOffline(laptop, 5);

    const auto broken = laptop.engine->syncOnce();
    ASSERT_FALSE(broken.ok()) << "the reply was lost";
    EXPECT_EQ(laptop.replica->withStore([](const client::LocalStore& s) { return s.outboxSize(); }), 7u)
        << "nothing leaves the outbox without the server's word";
    // Meanwhile the phone of the same person syncs: another site, so it is sent everything.
    test::ClientDevice phone = harness().open("phone", login, batchesOf(100));
    ASSERT_TRUE(phone.engine->syncOnce().ok());

    auto counting = std::make_shared<CountPulls>(laptop.transport, laptop.replica->site());
    laptop.engine = std::make_unique<client::SyncEngine>(*laptop.replica, counting, batchesOf(100));
    laptop.engine->setToken(client::storedToken(*laptop.replica));
    const auto again = laptop.engine->syncOnce();
    ASSERT_TRUE(again.ok()) << again.error().message;
    EXPECT_EQ(again->pushed, 7u) << "every change came back duplicate, with its seq and verdict";
    EXPECT_EQ(counting->m_own.load(), 0u);
    EXPECT_EQ(confirmedLog(laptop), confirmedLog(phone));
    harness().expectConverged(laptop);
}

TEST_F(RSync5_NoEcho, RSync5_AnOlderClientIsToldToUpdate)
{
    // GET /v1/health names the protocol; an older client's messages get 426, saying to update.
    auto http = client::makeHttpTransport(client::ServerConfig{s_server->baseUri()});
    const auto health = http->send({"GET", "/v1/health", "", "application/json", "", {}});
    ASSERT_TRUE(health.ok());
    EXPECT_EQ(web::json::value::parse(health->body).at("protocol").as_integer(), sync::kProtocolVersion);
    EXPECT_EQ(sync::kProtocolVersion, 2);
    const auto signIn = http->send(
        {"POST", "/v1/login", R"({"v":1,"user":"x","password":"y","site":"s"})", "application/json", "", {}});
    ASSERT_TRUE(signIn.ok());
    EXPECT_EQ(signIn->status, 426) << signIn->body;
    const std::string login = newApplicant();
    test::ClientDevice laptop = harness().open("laptop", login, batchesOf(100));
    const auto old = http->send({"POST",
                                 "/v1/push",
                                 R"({"v":1,"site":"s","changes":[]})",
                                 "application/json",
                                 client::storedToken(*laptop.replica),
                                 {}});
    ASSERT_TRUE(old.ok());
    EXPECT_EQ(old->status, 426);
    const auto error = sync::decodeErrorReply(old->body);
    ASSERT_TRUE(error.ok()) << old->body;
    EXPECT_EQ(error->code, "unsupported_version");
    EXPECT_NE(error->message.find("update tepei-client"), std::string::npos) << error->message;
    EXPECT_NE(error->message.find("更新"), std::string::npos) << error->message;

    // The client's own engine, facing that 426, tells its user in Chinese to update tepei-client.
    struct Older final : test::RelayTransport {
        using RelayTransport::RelayTransport;
        Result<client::HttpResponse> send(const client::HttpRequest& request) override
        {
            client::HttpRequest older = request;
            if (older.body.rfind("{\"v\":2", 0) == 0)
                older.body.replace(0, 6, "{\"v\":1");
            return RelayTransport::send(older);
        }
    };
    auto older = std::make_shared<Older>(laptop.transport);
    workOffline(laptop, 1);
    client::SyncEngine engine(*laptop.replica, older, batchesOf(100));
    engine.setToken(client::storedToken(*laptop.replica));
    std::atomic<bool> told{false};
    std::string message;
    engine.setStatusCallback([&](const client::SyncStatus& status) {
        if (status.phase == client::SyncPhase::NeedsUpdate && !told) {
            message = status.message;
            told = true;
        }
    });
    engine.start();
    for (int i = 0; i < 200 && !told; ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    engine.stop();
    ASSERT_TRUE(told.load());
    EXPECT_NE(message.find("tepei-client"), std::string::npos) << message;
    EXPECT_NE(message.find("请安装新版本"), std::string::npos) << message;
    EXPECT_EQ(laptop.replica->withStore([](const client::LocalStore& s) { return s.outboxSize(); }), 3u)
        << "the changes stay on the device";
}

} // namespace

namespace {

// R-SYNC-6: push requests adapt to the link. On a link that cuts every request over about two
// applications, a cut request makes the next one half its size (down to one change), answered
// ones make it grow again, and everything arrives once.
TEST_F(RSync5_NoEcho, RSync6_PushBatchesShrinkAfterACutAndGrowAfterSuccesses)
{
    const std::string login = newApplicant();
    test::ClientDevice laptop = harness().open("laptop", login, batchesOf(32));
    ASSERT_TRUE(laptop.engine->syncOnce().ok());
    auto link = std::make_shared<ShortLivedLink>(laptop.transport, 6000);
    client::SyncEngine engine(*laptop.replica, link, batchesOf(32));
    engine.setToken(client::storedToken(*laptop.replica));
    workOffline(laptop, 24); // 24 forms of about 2.5 KB, and a draft submitted
    bool synced = false;
    for (int cycle = 0; cycle < 100 && !synced; ++cycle)
        synced = engine.syncOnce().ok();
    ASSERT_TRUE(synced) << "the push never got through the link";
    const auto tried = link->tried();
    ASSERT_GE(tried.size(), 3u);
    EXPECT_EQ(tried.front().changes, 8u) << "the first request: a quarter of pushBatch";
    EXPECT_TRUE(tried.front().cut);
    bool grew = false;
    for (std::size_t i = 1; i < tried.size(); ++i) {
        if (tried[i - 1].cut)
            EXPECT_LE(tried[i].changes, std::max<std::size_t>(1, tried[i - 1].changes / 2)) << "after " << i;
        else
            grew = grew || tried[i].changes > tried[i - 1].changes;
    }
    EXPECT_TRUE(grew) << "answered requests let the next ones grow";
    EXPECT_LE(engine.pushSize(), 32u);
    harness().expectConverged(laptop);
}

} // namespace
