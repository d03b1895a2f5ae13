// The client core against the real tepei-server (R-SYNC-1, R-SYNC-3, R-SYNC-5): work offline then
// sync; the server stops mid-sync; a restart with a pending outbox; two devices converge. Tests
// end by asserting that a device's whole state equals the server's view of its scope
// (tests/support/sync_harness.h).
#include "programme.h"
#include "sync_actor.h"
#include "sync_harness.h"

#include <atomic>
#include <filesystem>
#include <functional>
#include <gtest/gtest.h>
#include <set>
#include <tepei/client/account/account.h>
#include <tepei/client/store/replica.h>
#include <tepei/client/sync/sync_engine.h>
#include <tepei/model/kinds/application/application_kind.h>
#include <tepei/model/kinds/campaign/campaign_kind.h>
#include <tepei/model/kinds/leave/leave_kind.h>
#include <tepei/model/samples/samples.h>
#include <tepei/sync/ids.h>
#include <thread>

namespace {

using namespace tepei;

// The real transport, with the server stopped right after the n-th request was answered.
class StopServerAfter final : public client::Transport {
public:
    StopServerAfter(std::shared_ptr<client::Transport> real, test::TestServer& server, int n)
        : m_real(std::move(real)), m_server(server), m_left(n)
    {}
    Result<client::HttpResponse> send(const client::HttpRequest& request) override
    {
        auto response = m_real->send(request);
        if (--m_left == 0)
            m_server.stop();
        return response;
    }
    std::size_t bytesSent() const override { return m_real->bytesSent(); }
    std::size_t bytesReceived() const override { return m_real->bytesReceived(); }

private:
    std::shared_ptr<client::Transport> m_real;
    test::TestServer& m_server;
    int m_left;
};
// The real transport, with each pull reply handed to `edit` (the number of the pull, from 1) before
// the engine sees it.
class EditPullReplies final : public client::Transport {
public:
    using Edit = std::function<void(int, client::HttpResponse&)>;
    EditPullReplies(std::shared_ptr<client::Transport> real, Edit edit)
        : m_real(std::move(real)), m_edit(std::move(edit))
    {}
    Result<client::HttpResponse> send(const client::HttpRequest& request) override
    {
        auto response = m_real->send(request);
        if (response && request.path.rfind("/v1/pull", 0) == 0)
            m_edit(++m_pulls, *response);
        return response;
    }
    std::size_t bytesSent() const override { return m_real->bytesSent(); }
    std::size_t bytesReceived() const override { return m_real->bytesReceived(); }

private:
    std::shared_ptr<client::Transport> m_real;
    Edit m_edit;
    std::atomic<int> m_pulls{0}; // one request in flight at a time, but from changing threads
};
namespace fs = std::filesystem;

const std::string kPassword = "Horse-Head-Fiddle-7";

class ClientSync : public ::testing::Test {
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
        m_dir = fs::temp_directory_path() / ("tepei-client-" + sync::newUuidString());
        fs::create_directories(m_dir);
        if (!s_server->running()) {
            ASSERT_TRUE(s_server->start());
        }
    }
    void TearDown() override { fs::remove_all(m_dir); }

    using Device = test::ClientDevice;
    static client::SyncOptions smallBatches()
    {
        client::SyncOptions options;
        options.pushBatch = 50;
        return options;
    }
    test::SyncHarness harness() const
    {
        return test::SyncHarness(*s_server, kPassword, m_dir, campaignClock());
    }
    Device open(const std::string& name, const std::string& login = {},
                const client::SyncOptions& options = smallBatches()) const
    {
        return harness().open(name, login, options);
    }
    // The devices live in February 2024, inside the 2024 campaign (its deadline is 2024-03-20).
    static sync::WallClock campaignClock()
    {
        static const auto start = std::chrono::steady_clock::now(); // one clock for every device
        return [] {
            const auto elapsed = std::chrono::steady_clock::now() - start;
            return 1706745600000 + std::chrono::duration_cast<std::chrono::milliseconds>(elapsed).count();
        };
    }
    static web::json::value form(std::uint64_t seed)
    {
        std::mt19937_64 rng{seed};
        return model::toJson(
            model::sampleApplication(rng, s_campaign, {"150100", "W-HH-1", "呼和浩特市第一医院"}));
    }
    // The device's whole confirmed state equals the server's view of its user's scope.
    void expectConverged(const Device& device) const { harness().expectConverged(device); }

    static std::unique_ptr<test::TestServer> s_server;
    static model::Campaign s_campaign;
    fs::path m_dir;
};
std::unique_ptr<test::TestServer> ClientSync::s_server;
model::Campaign ClientSync::s_campaign;

TEST_F(ClientSync, RSync1_WorkOfflineThenSyncWhenTheServerIsBack)
{
    Device laptop = open("laptop", "hh-applicant-1");
    ASSERT_TRUE(laptop.engine->syncOnce().ok());
    s_server->stop(); // the county office loses its connection
    const std::string id = sync::newUuidString();
    ASSERT_TRUE(laptop.replica->setFields(model::kKindApplication, id, form(1)).ok());
    const auto submitted = laptop.replica->command(model::kKindApplication, id, model::Command{"submit"});
    ASSERT_TRUE(submitted.ok());
    EXPECT_TRUE(submitted->accepted); // tentatively, offline
    const auto offline = laptop.engine->syncOnce();
    ASSERT_FALSE(offline.ok());
    EXPECT_EQ(offline.error().code, "offline");
    laptop.replica->withStore([](const client::LocalStore& s) { EXPECT_EQ(s.outboxSize(), 2u); });

    ASSERT_TRUE(s_server->start());
    const auto report = laptop.engine->syncOnce();
    ASSERT_TRUE(report.ok()) << report.error().code << ": " << report.error().message;
    EXPECT_EQ(report->pushed, 2u);
    expectConverged(laptop);
}

TEST_F(ClientSync, RSync3_ServerStoppingMidSyncLosesAndDuplicatesNothing)
{
    Device laptop = open("laptop", "hh-applicant-2");
    std::vector<std::string> ids;
    for (int i = 0; i < 40; ++i) {
        ids.push_back(sync::newUuidString());
        ASSERT_TRUE(laptop.replica->setFields(model::kKindApplication, ids.back(), form(100 + i)).ok());
        for (int e = 0; e < 9; ++e) {
            web::json::value edit = web::json::value::object();
            edit["mobile"] = web::json::value::string("1390000" + std::to_string(1000 + e));
            ASSERT_TRUE(laptop.replica->setFields(model::kKindApplication, ids.back(), edit).ok());
        }
    }
    // The connection drops after the third of eight push requests (50 changes each) was answered.
    auto cut = std::make_shared<StopServerAfter>(laptop.transport, *s_server, 3);
    client::SyncEngine interruptedEngine(*laptop.replica, cut,
                                         client::SyncOptions{.pushBatch = 50, .pullLimit = 2000});
    interruptedEngine.setToken(client::storedToken(*laptop.replica));
    const auto interrupted = interruptedEngine.syncOnce();
    ASSERT_FALSE(interrupted.ok());
    EXPECT_EQ(interrupted.error().code, "offline");
    // The three answered requests (12, 50, 50 changes) were confirmed from their replies, into the
    // log (R-SYNC-5); nothing else left the outbox.
    laptop.replica->withStore([](const client::LocalStore& s) {
        EXPECT_EQ(s.outboxSize(), 400u - 112u) << "only what the server confirmed leaves the outbox";
        EXPECT_EQ(s.confirmedAhead(), 112u) << "confirmed from the push replies, folded at the next pull";
    });
    ASSERT_TRUE(s_server->start());
    const auto resumed = laptop.engine->syncOnce();
    ASSERT_TRUE(resumed.ok()) << resumed.error().message;
    std::size_t total = 0;
    laptop.replica->withStore([&](const client::LocalStore& s) {
        for (const auto& id : ids) {
            ASSERT_NE(model::findApplication(s.confirmed(), id), nullptr);
            total += model::findApplication(s.confirmed(), id)->history.size();
        }
    });
    EXPECT_EQ(total, 400u) << "every change exactly once in the server's log";
    expectConverged(laptop);
}

TEST_F(ClientSync, RSync3_PullOfManyPagesCutMidwayResumesWhereItStopped)
{
    Device laptop = open("laptop", "bt-applicant");
    for (int i = 0; i < 30; ++i) {
        web::json::value fields = form(500 + static_cast<std::uint64_t>(i));
        fields["authority"] = web::json::value::string("150200");
        fields["unit_code"] = web::json::value::string("W-BT-1");
        const std::string id = sync::newUuidString();
        ASSERT_TRUE(laptop.replica->setFields(model::kKindApplication, id, fields).ok());
        web::json::value edit = web::json::value::object();
        edit["mobile"] = web::json::value::string("1390000" + std::to_string(2000 + i));
        ASSERT_TRUE(laptop.replica->setFields(model::kKindApplication, id, edit).ok());
    }
    ASSERT_TRUE(laptop.engine->syncOnce().ok());
    // A new device pulls pages of 10 (the next page is fetched while one is stored); the server
    // stops after the fourth page was answered.
    Device fresh = open("fresh", "bt-applicant");
    auto cut = std::make_shared<StopServerAfter>(fresh.transport, *s_server, 4);
    client::SyncEngine interrupted(*fresh.replica, cut,
                                   client::SyncOptions{.pushBatch = 50, .pullLimit = 10});
    interrupted.setToken(client::storedToken(*fresh.replica));
    const auto first = interrupted.syncOnce();
    ASSERT_FALSE(first.ok());
    EXPECT_EQ(first.error().code, "offline");
    const std::int64_t stoppedAt =
        fresh.replica->withStore([](const client::LocalStore& s) { return s.pullCursor(); });
    EXPECT_GT(stoppedAt, 0) << "the pages that arrived before the cut are kept";
    ASSERT_TRUE(s_server->start());
    const auto resumed = fresh.engine->syncOnce();
    ASSERT_TRUE(resumed.ok()) << resumed.error().message;
    ASSERT_TRUE(laptop.engine->syncOnce().ok());
    const auto state = [](const Device& d) {
        return d.replica->withStore(
            [](const client::LocalStore& s) { return s.confirmed().canonicalState(); });
    };
    EXPECT_EQ(state(fresh), state(laptop)) << "every change exactly once, in order";
}

// A pull reply names its cursor in headers too, so that the next page is asked for before this one
// is decoded. The real server's headers agree with its bodies; a reply without them is still
// pulled whole (the body leads to the next page); one whose headers contradict its body is
// refused, and the pages before it are kept.
TEST_F(ClientSync, RSync3_PullPagesFollowTheCursorHeadersAndTheBodyHasTheLastWord)
{
    Device laptop = open("laptop", "bt-applicant");
    for (int i = 0; i < 12; ++i) {
        web::json::value fields = form(700 + static_cast<std::uint64_t>(i));
        fields["authority"] = web::json::value::string("150200");
        fields["unit_code"] = web::json::value::string("W-BT-1");
        ASSERT_TRUE(laptop.replica->setFields(model::kKindApplication, sync::newUuidString(), fields).ok());
    }
    ASSERT_TRUE(laptop.engine->syncOnce().ok());
    const auto state = [](const Device& d) {
        return d.replica->withStore(
            [](const client::LocalStore& s) { return s.confirmed().canonicalState(); });
    };
    const auto cursorOf = [](const Device& d) {
        return d.replica->withStore([](const client::LocalStore& s) { return s.pullCursor(); });
    };
    const client::SyncOptions pagesOf5{.pushBatch = 50, .pullLimit = 5};

    std::atomic<int> agreeing{0};
    Device checked = open("checked", "bt-applicant");
    auto checking = std::make_shared<EditPullReplies>(checked.transport, [&](int, client::HttpResponse& r) {
        const auto body = web::json::value::parse(r.body);
        if (r.headers.count("Tepei-Cursor") && r.headers.count("Tepei-More") &&
            r.headers.at("Tepei-Cursor") == std::to_string(body.at("cursor").as_number().to_int64()) &&
            r.headers.at("Tepei-More") == (body.at("more").as_bool() ? "1" : "0"))
            ++agreeing;
    });
    client::SyncEngine withHeaders(*checked.replica, checking, pagesOf5);
    withHeaders.setToken(client::storedToken(*checked.replica));
    const auto pulled = withHeaders.syncOnce();
    ASSERT_TRUE(pulled.ok()) << pulled.error().message;
    EXPECT_GE(pulled->requests, 3u);
    EXPECT_EQ(agreeing.load(), static_cast<int>(pulled->requests)) << "every reply's headers match its body";
    EXPECT_EQ(state(checked), state(laptop));

    Device plain = open("plain", "bt-applicant");
    auto stripping = std::make_shared<EditPullReplies>(plain.transport, [](int, client::HttpResponse& r) {
        r.headers.erase("Tepei-Cursor");
        r.headers.erase("Tepei-More");
    });
    client::SyncEngine withoutHeaders(*plain.replica, stripping, pagesOf5);
    withoutHeaders.setToken(client::storedToken(*plain.replica));
    const auto followed = withoutHeaders.syncOnce();
    ASSERT_TRUE(followed.ok()) << followed.error().message;
    EXPECT_EQ(followed->requests, pulled->requests);
    EXPECT_EQ(state(plain), state(laptop));

    Device misled = open("misled", "bt-applicant");
    auto lying = std::make_shared<EditPullReplies>(misled.transport, [](int n, client::HttpResponse& r) {
        if (n == 2)
            r.headers["Tepei-Cursor"] = std::to_string(std::stoll(r.headers.at("Tepei-Cursor")) + 1);
    });
    client::SyncEngine contradicted(*misled.replica, lying, pagesOf5);
    contradicted.setToken(client::storedToken(*misled.replica));
    const auto refused = contradicted.syncOnce();
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code, "server_error");
    EXPECT_NE(refused.error().message.find("headers"), std::string::npos) << refused.error().message;
    EXPECT_GT(cursorOf(misled), 0) << "the page before the contradicting one is kept";
    EXPECT_LT(cursorOf(misled), cursorOf(checked)) << "nothing of the contradicting page is stored";
    ASSERT_TRUE(misled.engine->syncOnce().ok());
    EXPECT_EQ(state(misled), state(laptop));
}

TEST_F(ClientSync, RSync3_RestartWithAPendingOutboxSyncsAfterwards)
{
    const std::string id = sync::newUuidString();
    {
        Device laptop = open("laptop", "bt-applicant");
        web::json::value fields = form(7);
        fields["authority"] = web::json::value::string("150200");
        fields["unit_code"] = web::json::value::string("W-BT-1");
        ASSERT_TRUE(laptop.replica->setFields(model::kKindApplication, id, fields).ok());
    } // the laptop is switched off before it syncs
    Device laptop = open("laptop");
    ASSERT_TRUE(client::signInOffline(*laptop.replica, "bt-applicant", kPassword).ok());
    EXPECT_EQ(client::signInOffline(*laptop.replica, "bt-applicant", "wrong").error().code,
              "invalid_credentials");
    laptop.replica->withStore([](const client::LocalStore& s) { EXPECT_EQ(s.outboxSize(), 1u); });
    ASSERT_TRUE(laptop.engine->syncOnce().ok());
    expectConverged(laptop);
}

TEST_F(ClientSync, RSync2_TwoDevicesOfOnePersonConvergeToTheServersState)
{
    Device laptop = open("laptop", "hh-applicant-1");
    Device phone = open("phone", "hh-applicant-1");
    const std::string id = sync::newUuidString();
    ASSERT_TRUE(laptop.replica->setFields(model::kKindApplication, id, form(11)).ok());
    ASSERT_TRUE(laptop.engine->syncOnce().ok());
    ASSERT_TRUE(phone.engine->syncOnce().ok());
    // Both edit offline, the same field and different ones.
    web::json::value a = web::json::value::object();
    a["mobile"] = web::json::value::string("13911112222");
    a["address"] = web::json::value::string("呼和浩特市新城区");
    web::json::value b = web::json::value::object();
    b["mobile"] = web::json::value::string("13933334444");
    ASSERT_TRUE(laptop.replica->setFields(model::kKindApplication, id, a).ok());
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
    ASSERT_TRUE(phone.replica->setFields(model::kKindApplication, id, b).ok());
    ASSERT_TRUE(phone.engine->syncOnce().ok());
    ASSERT_TRUE(laptop.engine->syncOnce().ok());
    ASSERT_TRUE(phone.engine->syncOnce().ok());
    const std::string laptopState =
        laptop.replica->withStore([](const client::LocalStore& s) { return s.confirmed().canonicalState(); });
    const std::string phoneState =
        phone.replica->withStore([](const client::LocalStore& s) { return s.confirmed().canonicalState(); });
    EXPECT_EQ(laptopState, phoneState);
    laptop.replica->withStore([&](const client::LocalStore& s) {
        EXPECT_EQ(model::findApplication(s.confirmed(), id)->text("mobile"), "13933334444"); // the later edit
        EXPECT_EQ(model::findApplication(s.confirmed(), id)->text("address"), "呼和浩特市新城区");
    });
    expectConverged(laptop);
    expectConverged(phone);
}

TEST_F(ClientSync, RSync3_ChangeRefusedAtPushIsKeptWithItsReasonForItsAuthor)
{
    Device laptop = open("laptop", "hh-applicant-1");
    web::json::value fields = form(12);
    fields["unit_code"] = web::json::value::string("W-BT-1"); // not this applicant's unit
    ASSERT_TRUE(laptop.replica->setFields(model::kKindApplication, sync::newUuidString(), fields).ok());
    const auto report = laptop.engine->syncOnce();
    ASSERT_TRUE(report.ok());
    EXPECT_EQ(report->refused, 1u);
    laptop.replica->withStore([](const client::LocalStore& s) {
        EXPECT_EQ(s.outboxSize(), 0u);
        const auto rejected = s.rejected().value();
        ASSERT_EQ(rejected.size(), 1u);
        EXPECT_EQ(rejected[0].reason.code, "forbidden");
        EXPECT_FALSE(rejected[0].reason.message.empty());
    });
}

// Refusals in several batches of one push: every refused change leaves the outbox for the
// rejected list once the push is done, every other one is confirmed by the pull.
TEST_F(ClientSync, RSync3_RefusalsAcrossBatchesAreKeptAndTheRestIsConfirmed)
{
    Device laptop = open("laptop", "hh-applicant-1");
    std::vector<std::string> ids;
    for (int i = 0; i < 120; ++i) {
        web::json::value fields = form(200 + i);
        if (i % 50 == 10) // three, each in another batch: not this applicant's unit
            fields["unit_code"] = web::json::value::string("W-BT-1");
        ids.push_back(sync::newUuidString());
        ASSERT_TRUE(laptop.replica->setFields(model::kKindApplication, ids.back(), fields).ok());
    }
    const auto report = laptop.engine->syncOnce();
    ASSERT_TRUE(report.ok()) << report.error().message;
    EXPECT_EQ(report->refused, 3u);
    EXPECT_EQ(report->pushed, 117u);
    laptop.replica->withStore([&](const client::LocalStore& s) {
        EXPECT_EQ(s.outboxSize(), 0u);
        const auto rejected = s.rejected().value();
        std::set<std::string> refusedIds;
        for (const auto& r : rejected) {
            EXPECT_EQ(r.reason.code, "forbidden");
            refusedIds.insert(r.recordId);
        }
        EXPECT_EQ(refusedIds, (std::set<std::string>{ids[10], ids[60], ids[110]}));
        for (int i = 0; i < 120; ++i)
            EXPECT_EQ(model::findApplication(s.confirmed(), ids[i]) != nullptr, i % 50 != 10) << i;
    });
}

// A batch never grows past the bytes a request may carry, however many changes pushBatch allows:
// a server limit would otherwise refuse the same batch at every retry.
TEST_F(ClientSync, RSync3_PushBatchesStayUnderTheirByteLimit)
{
    client::SyncOptions options;
    options.pushBatch = 1000;
    options.maxPushBytes = 16 * 1024; // about six full forms
    Device laptop = open("laptop", "hh-applicant-1", options);
    for (int i = 0; i < 20; ++i)
        ASSERT_TRUE(
            laptop.replica->setFields(model::kKindApplication, sync::newUuidString(), form(300 + i)).ok());
    const auto report = laptop.engine->pushPending();
    ASSERT_TRUE(report.ok()) << report.error().message;
    EXPECT_EQ(report->pushed, 20u);
    EXPECT_GE(report->requests, 4u); // 20 forms of about 2.3 KB in requests of at most 16 KB
    EXPECT_LE(report->requests, 20u);
    ASSERT_TRUE(laptop.engine->syncOnce().ok());
    laptop.replica->withStore([](const client::LocalStore& s) { EXPECT_EQ(s.outboxSize(), 0u); });
}

// The application's journey on the real devices of four people, each offline in between: every
// device ends equal to the server's view of its own scope.
TEST_F(ClientSync, RApp3_ReviewJourneyOnRealDevicesEndsWithEveryDeviceEqualToItsScope)
{
    Device applicant = open("applicant", "hh-applicant-1");
    Device unit = open("unit", "hh-unit");
    Device authority = open("authority", "hh-authority");
    Device centre = open("centre", "centre");
    ASSERT_TRUE(applicant.engine->syncOnce().ok()); // the campaign
    const std::string id = sync::newUuidString();
    ASSERT_TRUE(applicant.replica->setFields(model::kKindApplication, id, form(21)).ok());
    const auto submitted = applicant.replica->command(model::kKindApplication, id, model::Command{"submit"});
    ASSERT_TRUE(submitted.ok() && submitted->accepted) << (submitted.ok() ? submitted->reason.en : "");
    ASSERT_TRUE(applicant.engine->syncOnce().ok());
    const auto review = [&](Device& reviewer, const char* action) {
        ASSERT_TRUE(reviewer.engine->syncOnce().ok());
        model::Command command{action};
        command.digest = reviewer.replica->withStore([&](const client::LocalStore& s) {
            const model::Application* app = model::findApplication(s.tentative(), id);
            return app ? model::contentDigest(*app) : std::string();
        });
        const auto verdict = reviewer.replica->command(model::kKindApplication, id, command);
        ASSERT_TRUE(verdict.ok() && verdict->accepted)
            << (verdict.ok() ? verdict->reason.en : verdict.error().message);
        ASSERT_TRUE(reviewer.engine->syncOnce().ok());
    };
    review(unit, "unit_approve");
    review(authority, "authority_approve");
    for (Device* device : {&applicant, &unit, &authority, &centre}) {
        ASSERT_TRUE(device->engine->syncOnce().ok());
        expectConverged(*device);
        device->replica->withStore([&](const client::LocalStore& s) {
            const model::Application* app = model::findApplication(s.confirmed(), id);
            ASSERT_NE(app, nullptr);
            EXPECT_EQ(app->state, model::AppState::AuthorityApproved);
        });
    }
}

// R-LV-2: a leave of 4 to 10 days on real devices: the trainee files it offline, the training unit
// approves in writing, the work unit and the centre file it (备案); every device ends equal to its
// scope, and the authority, who sees the application, sees no leave.
TEST_F(ClientSync, RLv2_LeaveFiledApprovedAndFiledForTheRecordOnRealDevices)
{
    Device trainee = open("trainee", "hh-applicant-2");
    Device school = open("school", "pku");
    Device unit = open("unit", "hh-unit");
    Device authority = open("authority", "hh-authority");
    Device centre = open("centre", "centre");
    ASSERT_TRUE(trainee.engine->syncOnce().ok());
    const std::string app = sync::newUuidString();
    ASSERT_TRUE(trainee.replica->setFields(model::kKindApplication, app, form(31)).ok());
    ASSERT_TRUE(trainee.replica->command(model::kKindApplication, app, model::Command{"submit"}).ok());
    ASSERT_TRUE(trainee.engine->syncOnce().ok());
    const auto act = [&](Device& who, const std::string& kind, const std::string& id,
                         model::Command command) {
        ASSERT_TRUE(who.engine->syncOnce().ok());
        command.digest = who.replica->withStore([&](const client::LocalStore& s) {
            if (kind == model::kKindLeave) {
                const model::LeaveRequest* leave = model::findLeave(s.tentative(), id);
                return leave ? model::leaveDigest(*leave) : std::string();
            }
            const model::Application* a = model::findApplication(s.tentative(), id);
            return a ? model::contentDigest(*a) : std::string();
        });
        const auto verdict = who.replica->command(kind, id, command);
        ASSERT_TRUE(verdict.ok() && verdict->accepted)
            << (verdict.ok() ? verdict->reason.en : verdict.error().message);
        ASSERT_TRUE(who.engine->syncOnce().ok());
    };
    act(unit, model::kKindApplication, app, model::Command{"unit_approve"});
    act(authority, model::kKindApplication, app, model::Command{"authority_approve"});
    model::Command admit{"admit"};
    admit.set(model::kArgTrainingUnit, "T-PKU")
        .set(model::kArgMajor, "草业科学")
        .set(model::kArgStart, "2024-09-01");
    act(centre, model::kKindApplication, app, admit);

    ASSERT_TRUE(trainee.engine->syncOnce().ok());
    const std::string leave = sync::newUuidString();
    web::json::value f = web::json::value::object();
    f[model::kLeaveApplication] = web::json::value::string(app);
    f[model::kLeaveType] = web::json::value::string("personal");
    f[model::kLeaveStart] = web::json::value::string("2024-09-28");
    f[model::kLeaveEnd] = web::json::value::string("2024-10-03"); // across a month end: 6 days
    f[model::kLeaveReason] = web::json::value::string("家中有事");
    const auto filed = trainee.replica->setFields(model::kKindLeave, leave, f);
    ASSERT_TRUE(filed.ok() && filed->accepted) << (filed.ok() ? filed->reason.en : filed.error().message);
    ASSERT_TRUE(trainee.engine->syncOnce().ok());
    model::Command approve{model::kLeaveApprove};
    approve.comment = "同意，请按时返校";
    act(school, model::kKindLeave, leave, approve);
    act(unit, model::kKindLeave, leave, model::Command{model::kLeaveAcknowledge});
    act(centre, model::kKindLeave, leave, model::Command{model::kLeaveAcknowledge});
    for (Device* device : {&trainee, &school, &unit, &centre, &authority}) {
        ASSERT_TRUE(device->engine->syncOnce().ok());
        expectConverged(*device);
        device->replica->withStore([&](const client::LocalStore& s) {
            const model::LeaveRequest* seen = model::findLeave(s.confirmed(), leave);
            if (device == &authority) {
                EXPECT_EQ(seen, nullptr);
                return;
            }
            ASSERT_NE(seen, nullptr);
            EXPECT_EQ(seen->status, model::LeaveStatus::Approved);
            EXPECT_EQ(seen->acknowledged.size(), 2u);
            EXPECT_TRUE(model::pendingFilings(s.confirmed(), *seen).empty());
        });
    }
}

} // namespace
