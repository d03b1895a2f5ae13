// The client opening a large replica (issue #5 target: a 10,000-application replica opens and
// shows the first page of the queue in <= 1.5 s): ClientReplica::open refolds the stored log, then
// the queue's first page is one query of the derived table (list views page; they never load all).
#include "workload.h"

#include <benchmark/benchmark.h>
#include <filesystem>
#include <sys/resource.h>
#include <tepei/client/store/local_store.h>
#include <tepei/client/store/record_summaries.h>
#include <tepei/client/store/replica.h>
#include <tepei/model/log/sqlite_change_log.h>

namespace {

namespace fs = std::filesystem;

void BM_OpenReplicaOf10kApplicationsAndShowFirstQueuePage(benchmark::State& state)
{
    const fs::path dir = fs::temp_directory_path() / ("tepei-client-bench-" + tepei::sync::newUuidString());
    fs::create_directories(dir);
    const std::string path = (dir / "replica.db").string();
    {
        // The replica an authority reviewer's laptop holds at the height of the campaign.
        const auto workload = tepei::bench::makeWorkload(100000);
        auto log = tepei::model::SqliteChangeLog::open(path, {}).value();
        (void)log->append(workload.changes).value();
    }
    for (auto _ : state) {
        auto replica = tepei::client::ClientReplica::open(path, tepei::sync::systemWallClock()).value();
        tepei::client::RecordFilter queue;
        queue.states = {"unit_approved"};
        queue.order = tepei::client::RecordFilter::Order::Recent;
        const auto page = replica->withStore(
            [&](tepei::client::LocalStore& s) { return s.summaries().query(queue, 0, 50).value(); });
        benchmark::DoNotOptimize(page);
        state.counters["first_page_rows"] = static_cast<double>(page.size());
    }
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    state.counters["max_rss_MB"] = static_cast<double>(usage.ru_maxrss) / 1024.0;
    fs::remove_all(dir);
}
BENCHMARK(BM_OpenReplicaOf10kApplicationsAndShowFirstQueuePage)->Unit(benchmark::kMillisecond)->Iterations(3);

} // namespace

BENCHMARK_MAIN();
