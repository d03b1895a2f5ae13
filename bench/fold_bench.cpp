// Fold throughput (issue #3 target: >= 500,000 changes/s on the 2-core machine).
#include "workload.h"

#include <benchmark/benchmark.h>

namespace {

void BM_Fold100k(benchmark::State& state)
{
    const auto workload = tepei::bench::makeWorkload(static_cast<std::size_t>(state.range(0)));
    std::vector<tepei::sync::ConfirmedChange> log;
    for (std::size_t i = 0; i < workload.changes.size(); ++i)
        log.push_back({static_cast<std::int64_t>(i) + 1, workload.changes[i], {}});
    for (auto _ : state) {
        // The fold takes each change's payload (as the store hands it over after reading the log);
        // copying the log and destroying the state are not part of the measure.
        state.PauseTiming();
        auto input = std::make_unique<std::vector<tepei::sync::ConfirmedChange>>(log);
        auto fold = std::make_unique<tepei::model::Fold>();
        state.ResumeTiming();
        for (auto& c : *input)
            benchmark::DoNotOptimize(fold->apply(std::move(c)));
        state.PauseTiming();
        fold.reset();
        input.reset();
        state.ResumeTiming();
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * log.size()));
    state.counters["changes"] = static_cast<double>(log.size());
}
BENCHMARK(BM_Fold100k)->Arg(100000)->Unit(benchmark::kMillisecond);

} // namespace

BENCHMARK_MAIN();
