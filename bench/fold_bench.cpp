// Fold throughput (issue #3 target: >= 500,000 changes/s on the 2-core machine).
#include "workload.h"

#include <algorithm>
#include <benchmark/benchmark.h>

namespace {

void BM_Fold100k(benchmark::State& state)
{
    const auto workload = tepei::bench::makeWorkload(static_cast<std::size_t>(state.range(0)));
    std::vector<tepei::sync::ConfirmedChange> log;
    for (std::size_t i = 0; i < workload.changes.size(); ++i)
        log.push_back({static_cast<std::int64_t>(i) + 1, workload.changes[i], {}});
    constexpr std::size_t kPage = 1000;
    for (auto _ : state) {
        // The fold takes each change's payload as the store hands it over: the store reads a change
        // from its log (or a pulled page), decodes it and folds it at once, so the fold meets
        // freshly decoded changes. Here each page of 1,000 is copied just before it is folded;
        // copying the pages and destroying the state are not part of the measure.
        state.PauseTiming();
        auto fold = std::make_unique<tepei::model::Fold>();
        std::vector<tepei::sync::ConfirmedChange> page;
        for (std::size_t first = 0; first < log.size(); first += kPage) {
            page.assign(log.begin() + static_cast<std::ptrdiff_t>(first),
                        log.begin() + static_cast<std::ptrdiff_t>(std::min(log.size(), first + kPage)));
            state.ResumeTiming();
            for (auto& c : page)
                benchmark::DoNotOptimize(fold->apply(std::move(c)));
            state.PauseTiming();
        }
        page.clear();
        fold.reset();
        state.ResumeTiming();
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * log.size()));
    state.counters["changes"] = static_cast<double>(log.size());
}
BENCHMARK(BM_Fold100k)->Arg(100000)->Unit(benchmark::kMillisecond);

} // namespace

BENCHMARK_MAIN();
