// Replica store throughput (issue #3 target: apply a 10,000-change batch at >= 50,000 changes/s).
// The server path (append: dedupe by id, seq, fold with verdicts, one durable transaction; a
// server's log keeps no summary rows) and the client path (applyPulled of pages of the confirmed
// log, with summary rows).
#include "workload.h"

#include <benchmark/benchmark.h>
#include <filesystem>
#include <tepei/client/store/local_store.h>
#include <tepei/model/log/sqlite_change_log.h>

namespace {

namespace fs = std::filesystem;
using tepei::client::LocalStore;
using tepei::model::SqliteChangeLog;
using Durability = tepei::model::sqlite::Database::Durability;

std::string freshPath()
{
    const fs::path dir = fs::temp_directory_path() / ("tepei-bench-" + tepei::sync::newUuidString());
    fs::create_directories(dir);
    return (dir / "replica.db").string();
}

void BM_ServerAppend10kBatch(benchmark::State& state)
{
    const auto workload = tepei::bench::makeWorkload(10000);
    for (auto _ : state) {
        state.PauseTiming();
        const std::string path = freshPath();
        auto store = SqliteChangeLog::open(path, {}).value();
        state.ResumeTiming();
        auto result = store->append(workload.changes);
        if (!result.ok())
            state.SkipWithError(result.error().message.c_str());
        state.PauseTiming();
        store.reset();
        fs::remove_all(fs::path(path).parent_path());
        state.ResumeTiming();
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * workload.changes.size()));
}
BENCHMARK(BM_ServerAppend10kBatch)->Unit(benchmark::kMillisecond);

void BM_ClientApplyPulled10k(benchmark::State& state)
{
    const auto workload = tepei::bench::makeWorkload(10000);
    auto server = SqliteChangeLog::open(":memory:", {Durability::Normal, 0}).value();
    (void)server->append(workload.changes).value();
    const auto log = server->changesAfter(0, 1'000'000).value();
    const std::size_t pageSize = 2000;
    for (auto _ : state) {
        state.PauseTiming();
        const std::string path = freshPath();
        auto client = LocalStore::open(path, Durability::Full).value();
        state.ResumeTiming();
        for (std::size_t first = 0; first < log.size(); first += pageSize) {
            std::vector<tepei::model::PulledChange> page;
            for (std::size_t i = first; i < std::min(log.size(), first + pageSize); ++i)
                page.push_back({log[i], tepei::model::fromChangeVerdict(log[i].verdict)});
            if (auto st = client->applyPulled(page, page.back().confirmed.seq); !st)
                state.SkipWithError(st.error().message.c_str());
        }
        state.PauseTiming();
        client.reset();
        fs::remove_all(fs::path(path).parent_path());
        state.ResumeTiming();
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * log.size()));
}
BENCHMARK(BM_ClientApplyPulled10k)->Unit(benchmark::kMillisecond);

void BM_OpenReplicaOf10kApplications(benchmark::State& state)
{
    // Opening refolds the stored log: what a client pays at start-up.
    const auto workload = tepei::bench::makeWorkload(100000);
    const std::string path = freshPath();
    {
        auto log = SqliteChangeLog::open(path, {}).value();
        (void)log->append(workload.changes).value();
    }
    for (auto _ : state)
        benchmark::DoNotOptimize(LocalStore::open(path, Durability::Full).value());
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * workload.changes.size()));
    fs::remove_all(fs::path(path).parent_path());
}
BENCHMARK(BM_OpenReplicaOf10kApplications)->Unit(benchmark::kMillisecond);

} // namespace

BENCHMARK_MAIN();
