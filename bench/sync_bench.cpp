// Sync over the wire against the real tepei-server on loopback (issue #4 targets, measured, never
// asserted): push of 10,000 applications; a fresh device's pull of them; a sync with nothing new;
// one field changed in 100 applications; 20 concurrent clients pushing batches of 100 and pulling,
// on one server or spread over two server processes on one database. The store is SQLite unless
// TEPEI_TEST_STORE=postgresql and TEPEI_TEST_PG_DIR name a running test cluster
// (scripts/pg-test-cluster.sh start DIR): then every server keeps its data in PostgreSQL.
// Bytes are what crossed the wire (gzip bodies), as counted by the client's transport.
#include "postgres_db.h"
#include "programme.h"

#include <algorithm>
#include <atomic>
#include <benchmark/benchmark.h>
#include <chrono>
#include <filesystem>
#include <map>
#include <tepei/client/account/account.h>
#include <tepei/client/store/replica.h>
#include <tepei/client/sync/sync_engine.h>
#include <tepei/model/kinds/application/application_kind.h>
#include <tepei/model/kinds/campaign/campaign_kind.h>
#include <tepei/model/samples/samples.h>
#include <tepei/sync/codec.h>
#include <tepei/sync/ids.h>
#include <thread>

namespace {

using namespace tepei;
namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;
const std::string kPassword = "Bench-Steppe-2024";

sync::WallClock campaignClock()
{
    static const auto start = Clock::now();
    return [] {
        return 1706745600000 +
               std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start).count();
    };
}

double seconds(Clock::duration d)
{
    return std::chrono::duration<double>(d).count();
}

// One server with the programme and campaign, shared by the benchmarks of this process.
struct World {
    test::TestServer server;
    model::Campaign campaign;
    fs::path dir = fs::temp_directory_path() / ("tepei-bench-" + sync::newUuidString());
    World()
    {
        test::seedProgramme(server, kPassword);
        server.start();
        campaign = test::publishCampaign(server, kPassword, 5);
        fs::create_directories(dir);
    }
    ~World() { fs::remove_all(dir); }

    struct Device {
        std::unique_ptr<client::ClientReplica> replica;
        std::shared_ptr<client::Transport> transport;
        std::unique_ptr<client::SyncEngine> engine;
    };
    // A bulk upload on a good link (the default push batch, 1000, suits poor ones).
    static client::SyncOptions bulkOptions()
    {
        client::SyncOptions options;
        options.pushBatch = 5000;
        options.pullLimit = 2000;
        return options;
    }
    Device device(const std::string& login, const client::SyncOptions& options = bulkOptions())
    {
        Device d;
        d.replica =
            client::ClientReplica::open((dir / (sync::newUuidString() + ".db")).string(), campaignClock())
                .value();
        d.transport = client::makeHttpTransport(client::ServerConfig{server.baseUri()});
        d.engine = std::make_unique<client::SyncEngine>(*d.replica, d.transport, options);
        d.engine->setToken(client::signInOnline(*d.transport, *d.replica, login, kPassword).value().token);
        return d;
    }
};

World& world()
{
    static World w;
    return w;
}

// A server of its own for each load test, with twenty applicants of their own (each a small scope,
// as in the field) and nothing of the other benchmarks in its log; with `servers` 2, a second
// tepei-server process on the same PostgreSQL database (TEPEI_TEST_STORE=postgresql) as well.
struct LoadWorld {
    World world;
    std::unique_ptr<test::TestServer> second;
    std::vector<std::string> uris;
};

LoadWorld& loadWorld(int servers)
{
    static std::map<int, std::unique_ptr<LoadWorld>> worlds;
    auto& slot = worlds[servers];
    if (!slot) {
        slot = std::make_unique<LoadWorld>();
        World& w = slot->world;
        for (int c = 0; c < 20; ++c) {
            w.server.admin({"user", "add", "--login", "load-" + std::to_string(c), "--role", "applicant",
                            "--org", c % 2 ? "W-HH-1" : "W-BT-1", "--name", "load"},
                           kPassword);
        }
        slot->uris.push_back(w.server.baseUri());
        if (servers > 1) {
            test::TestServer::Options options;
            options.storeUrl = w.server.storeUrl();
            slot->second = std::make_unique<test::TestServer>(options);
            slot->second->start();
            slot->uris.push_back(slot->second->baseUri());
        }
    }
    return *slot;
}

void report(benchmark::State& state, const client::Transport& t, std::size_t sent0, std::size_t received0,
            std::size_t requests)
{
    state.counters["MB_up"] = static_cast<double>(t.bytesSent() - sent0) / 1e6;
    state.counters["MB_down"] = static_cast<double>(t.bytesReceived() - received0) / 1e6;
    state.counters["requests"] = static_cast<double>(requests);
}

void BM_Push10kApplicationsThenFreshDevicePull(benchmark::State& state)
{
    World& w = world();
    static int applicants = 0;
    for (auto _ : state) {
        // Every repetition is an applicant of its own, so that each fresh device pulls 10,000.
        const std::string login = "bulk-" + std::to_string(++applicants);
        state.PauseTiming();
        w.server.admin(
            {"user", "add", "--login", login, "--role", "applicant", "--org", "W-HH-1", "--name", "bulk"},
            kPassword);
        state.ResumeTiming();
        auto laptop = w.device(login);
        std::mt19937_64 rng{1};
        for (int i = 0; i < 10000; ++i) {
            auto fields = model::toJson(
                model::sampleApplication(rng, w.campaign, {"150100", "W-HH-1", "呼和浩特市第一医院"}));
            (void)laptop.replica->setFields(model::kKindApplication, sync::newUuidString(), fields).value();
        }
        // Push only (the client's own path): the changes travel up in batches of 1,250 then 5,000 (each
        // under the 12 MiB a request may carry) and the
        // server authorizes, folds and stores them durably.
        const auto t0 = Clock::now();
        const auto pushedReport = laptop.engine->pushPending();
        if (!pushedReport || pushedReport->pushed != 10000)
            state.SkipWithError("push failed");
        const std::size_t requests = pushedReport ? pushedReport->requests : 0;
        const auto pushed = Clock::now() - t0;
        state.counters["push_s"] = seconds(pushed);
        report(state, *laptop.transport, 0, 0, requests);
        // A fresh device of the same applicant pulls everything into its replica.
        auto fresh = w.device(login);
        const std::size_t sent0 = fresh.transport->bytesSent();
        const std::size_t received0 = fresh.transport->bytesReceived();
        const auto t1 = Clock::now();
        const auto pulled = fresh.engine->syncOnce();
        state.counters["pull_s"] = seconds(Clock::now() - t1);
        state.counters["pull_MB_down"] =
            static_cast<double>(fresh.transport->bytesReceived() - received0) / 1e6;
        state.counters["pull_MB_up"] = static_cast<double>(fresh.transport->bytesSent() - sent0) / 1e6;
        state.counters["pulled"] = pulled ? static_cast<double>(pulled->pulled) : -1;
        // Nothing new: one request.
        const std::size_t s2 = fresh.transport->bytesSent();
        const std::size_t r2 = fresh.transport->bytesReceived();
        const auto idle = fresh.engine->syncOnce();
        state.counters["idle_requests"] = idle ? static_cast<double>(idle->requests) : -1;
        state.counters["idle_bytes"] =
            static_cast<double>(fresh.transport->bytesSent() - s2 + fresh.transport->bytesReceived() - r2);
        state.SetIterationTime(seconds(pushed));
    }
}
// Five repetitions (the machine's speed varies from run to run): the median is the figure.
BENCHMARK(BM_Push10kApplicationsThenFreshDevicePull)
    ->Iterations(1)
    ->Repetitions(5)
    ->UseManualTime()
    ->Unit(benchmark::kMillisecond);

// The whole sync cycle of a device that made N applications offline (issue #15, R-SYNC-5), with
// the client's default options: the push, the confirmation of what it pushed, and the pull after
// it, which brings none of the device's own changes back (pulled: changes the pull received).
void BM_OfflineCycle(benchmark::State& state)
{
    World& w = world();
    static int applicants = 0;
    const int n = static_cast<int>(state.range(0));
    for (auto _ : state) {
        state.PauseTiming();
        const std::string login = "cycle-" + std::to_string(++applicants);
        w.server.admin(
            {"user", "add", "--login", login, "--role", "applicant", "--org", "W-HH-1", "--name", "cycle"},
            kPassword);
        auto laptop = w.device(login, client::SyncOptions{});
        (void)laptop.engine->syncOnce(); // the campaign, as a device that signed in has it
        std::mt19937_64 rng{4};
        for (int i = 0; i < n; ++i) {
            auto fields = model::toJson(
                model::sampleApplication(rng, w.campaign, {"150100", "W-HH-1", "呼和浩特市第一医院"}));
            (void)laptop.replica->setFields(model::kKindApplication, sync::newUuidString(), fields).value();
        }
        const std::size_t up0 = laptop.transport->bytesSent();
        const std::size_t down0 = laptop.transport->bytesReceived();
        state.ResumeTiming();
        const auto t0 = Clock::now();
        const auto cycle = laptop.engine->syncOnce();
        const auto took = Clock::now() - t0;
        if (!cycle || cycle->pushed != static_cast<std::size_t>(n))
            state.SkipWithError("the cycle failed");
        state.SetIterationTime(seconds(took));
        state.counters["cycle_s"] = seconds(took);
        state.counters["pulled"] = cycle ? static_cast<double>(cycle->pulled) : -1;
        state.counters["requests"] = cycle ? static_cast<double>(cycle->requests) : -1;
        state.counters["MB_up"] = static_cast<double>(laptop.transport->bytesSent() - up0) / 1e6;
        state.counters["MB_down"] = static_cast<double>(laptop.transport->bytesReceived() - down0) / 1e6;
    }
}
BENCHMARK(BM_OfflineCycle)
    ->ArgName("apps")
    ->Arg(2500)
    ->Arg(5000)
    ->Arg(10000)
    ->Iterations(1)
    ->Repetitions(3)
    ->UseManualTime()
    ->Unit(benchmark::kMillisecond);

void BM_OneFieldIn100Applications(benchmark::State& state)
{
    World& w = world();
    auto laptop = w.device("hh-applicant-2");
    auto phone = w.device("hh-applicant-2");
    std::mt19937_64 rng{2};
    std::vector<std::string> ids;
    for (int i = 0; i < 100; ++i) {
        ids.push_back(sync::newUuidString());
        (void)laptop.replica->setFields(
            model::kKindApplication, ids.back(),
            model::toJson(model::sampleApplication(rng, w.campaign, {"150100", "W-HH-1", "单位"})));
    }
    (void)laptop.engine->syncOnce();
    (void)phone.engine->syncOnce();
    for (auto _ : state) {
        for (const auto& id : ids) {
            web::json::value edit = web::json::value::object();
            edit["mobile"] = web::json::value::string("1390000" + std::to_string(1000 + (rng() % 9000)));
            (void)laptop.replica->setFields(model::kKindApplication, id, edit);
        }
        const std::size_t up0 = laptop.transport->bytesSent();
        const std::size_t down0 = laptop.transport->bytesReceived();
        const auto t0 = Clock::now();
        const auto r = laptop.engine->syncOnce();
        state.SetIterationTime(seconds(Clock::now() - t0));
        state.counters["KB_up"] = static_cast<double>(laptop.transport->bytesSent() - up0) / 1e3;
        state.counters["KB_down"] = static_cast<double>(laptop.transport->bytesReceived() - down0) / 1e3;
        const std::size_t phoneDown0 = phone.transport->bytesReceived();
        const std::size_t phoneUp0 = phone.transport->bytesSent();
        (void)phone.engine->syncOnce();
        state.counters["other_device_KB_down"] =
            static_cast<double>(phone.transport->bytesReceived() - phoneDown0) / 1e3;
        state.counters["other_device_KB_up"] =
            static_cast<double>(phone.transport->bytesSent() - phoneUp0) / 1e3;
        state.counters["requests"] = r ? static_cast<double>(r->requests) : -1;
    }
}
BENCHMARK(BM_OneFieldIn100Applications)->Iterations(3)->UseManualTime()->Unit(benchmark::kMillisecond);

// Load: twenty light clients (the load generator must not eat the server's two cores with client
// replicas of its own) each push 25 batches of 100 changes and pull after each; push latency is
// measured per request, from sending the batch to having the reply decoded.
void BM_TwentyConcurrentClients(benchmark::State& state)
{
    const int servers = static_cast<int>(state.range(0));
    if (servers > 1 && !test::onPostgresql()) {
        state.SkipWithError(
            "two servers share one log only on PostgreSQL: run with TEPEI_TEST_STORE=postgresql");
        return;
    }
    LoadWorld& load = loadWorld(servers);
    World& w = load.world;
    constexpr int kClients = 20;
    constexpr int kRounds = 25;
    constexpr int kBatch = 100;
    struct LoadClient {
        std::shared_ptr<client::Transport> transport;
        std::string token, userId, site;
        std::vector<std::string> records;
        std::int64_t cursor = 0;
    };
    std::vector<LoadClient> clients(kClients);
    std::mt19937_64 rng{3};
    for (int c = 0; c < kClients; ++c) {
        auto device = w.device("load-" + std::to_string(c));
        const bool hh = c % 2;
        for (int i = 0; i < 10; ++i) {
            clients[c].records.push_back(sync::newUuidString());
            (void)device.replica->setFields(
                model::kKindApplication, clients[c].records.back(),
                model::toJson(model::sampleApplication(
                    rng, w.campaign, {hh ? "150100" : "150200", hh ? "W-HH-1" : "W-BT-1", "单位"})));
        }
        (void)device.engine->syncOnce();
        // Spread over the servers as a load balancer would (a session is valid on each).
        clients[c].transport = client::makeHttpTransport(
            client::ServerConfig{load.uris[static_cast<std::size_t>(c) % load.uris.size()]});
        clients[c].token = client::storedToken(*device.replica);
        clients[c].userId = device.replica->identity()->userId;
        clients[c].site = device.replica->site();
        clients[c].cursor =
            device.replica->withStore([](const client::LocalStore& s) { return s.pullCursor(); });
    }
    for (auto _ : state) {
        std::vector<std::vector<double>> latencies(kClients);
        std::atomic<long> accepted{0};
        const auto t0 = Clock::now();
        std::vector<std::thread> threads;
        for (int c = 0; c < kClients; ++c) {
            threads.emplace_back([&, c] {
                LoadClient& lc = clients[c];
                auto clock = campaignClock();
                for (int round = 0; round < kRounds; ++round) {
                    sync::PushRequest request;
                    request.site = lc.site;
                    for (int i = 0; i < kBatch; ++i) {
                        sync::Change change;
                        change.id = sync::newUuid();
                        change.author = lc.userId;
                        change.site = lc.site;
                        change.hlc = sync::Hlc{clock(), static_cast<std::uint32_t>(i)};
                        change.recordKind = model::kKindApplication;
                        change.recordId = lc.records[static_cast<std::size_t>(i % 10)];
                        change.op = sync::ChangeOp::Set;
                        change.payload = web::json::value::object();
                        change.payload["mobile"] =
                            web::json::value::string("139" + std::to_string(10000000 + round * 1000 + i));
                        request.changes.push_back(std::move(change));
                    }
                    const auto p0 = Clock::now();
                    const auto pushed = lc.transport->send(
                        {"POST", "/v1/push", sync::encode(request), "application/json", lc.token, {}});
                    if (pushed && pushed->status == 200) {
                        if (auto reply = sync::decodePushReply(pushed->body)) {
                            for (const auto& r : reply->results)
                                accepted += r.status == sync::PushResult::Status::Accepted;
                        }
                    }
                    latencies[c].push_back(seconds(Clock::now() - p0) * 1000);
                    const auto pulled =
                        lc.transport->send({"GET",
                                            "/v1/pull?after=" + std::to_string(lc.cursor) + "&limit=5000",
                                            "",
                                            "application/json",
                                            lc.token,
                                            {}});
                    if (pulled && pulled->status == 200) {
                        if (auto page = sync::decodePullReply(pulled->body))
                            lc.cursor = page->cursor;
                    }
                }
            });
        }
        for (auto& t : threads)
            t.join();
        const double wall = seconds(Clock::now() - t0);
        state.SetIterationTime(wall);
        std::vector<double> all;
        for (auto& l : latencies)
            all.insert(all.end(), l.begin(), l.end());
        std::sort(all.begin(), all.end());
        state.counters["accepted_per_s"] = static_cast<double>(accepted) / wall;
        state.counters["push_p50_ms"] = all[all.size() / 2];
        state.counters["push_p99_ms"] = all[all.size() * 99 / 100];
    }
}
BENCHMARK(BM_TwentyConcurrentClients)
    ->ArgName("servers")
    ->Arg(1)
    ->Arg(2)
    ->Iterations(1)
    ->UseManualTime()
    ->Unit(benchmark::kMillisecond);

} // namespace

BENCHMARK_MAIN();
