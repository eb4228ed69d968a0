// Micro-benchmarks of the batch path: parsing a target and an actual, judging
// a pair, and whole blocks of rows; and the xlsx report's growth with the
// table (it must stay linear: docs/reliability.md, "Report sizes"). Google Benchmark; built only
// with -DINDICHECK_BENCH=ON (not part of the tests: timings are not pass/fail).
//
//   cmake -S . -B build-perf -DINDICHECK_BENCH=ON && cmake --build build-perf --target
//   indicheck_bench nice -n 19 build-perf/indicheck_bench --benchmark_min_time=0.5
//
// The comparison with the peers is ../shared/bench/run.sh (docs/performance.md).

#include <benchmark/benchmark.h>

#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <vector>

#include "engine/assess/pipeline.hpp"
#include "engine/batch/batch.hpp"
#include "engine/cell/evaluate.hpp"
#include "engine/cell/parse.hpp"
#include "engine/report/render.hpp"

namespace {

using namespace indicheck;

// Cells in the shapes of ../shared/bench/gen.py: percentages, counts, areas,
// money, levels; a few with spaces and errors.
const std::vector<std::pair<std::string, std::string>> kPairs = {
    {"≥95%", "96%"},         {"=100%", "100%"},         {"≤10%", "12.5%"},
    {"≥1200个", "1250个"},   {"=350人次", "350"},       {"＞＝800项", "790项"},
    {"=12000亩", "800公顷"}, {"≥6300平方米", "9.45亩"}, {"≤500万元", "4980000元"},
    {"健全", "基本健全"},    {"=合规", "合规"},         {" ≥ 95 %", "9 6%"},
    {"≥95%%", "96%"},        {"=7项", "7个"},           {"≥95%", "N/A"}};

void parse_target_fast(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(parse_target("≥95.5%"));
}
BENCHMARK(parse_target_fast);

void parse_target_grammar(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(parse_target("不低于95.5%"));
}
BENCHMARK(parse_target_grammar);

void parse_actual_fast(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(parse_actual("9.45亩"));
}
BENCHMARK(parse_actual_fast);

void parse_actual_grammar(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(parse_actual("基本健全"));
}
BENCHMARK(parse_actual_grammar);

void evaluate_explained(benchmark::State& state) {
  Constraint c = std::get<Constraint>(parse_target("=12000亩"));
  Actual a = std::get<Actual>(parse_actual("800公顷"));
  EvaluationContext ctx;
  ctx.explain = state.range(0) != 0;
  for (auto _ : state) benchmark::DoNotOptimize(evaluate(c, a, ctx));
}
BENCHMARK(evaluate_explained)->Arg(0)->Arg(1);

// Judge::judge over the pairs above; Arg 1: fast paths on, 0: off.
void judge_pairs(benchmark::State& state) {
  batch::Judge judge({}, 1u << 14, state.range(0) != 0);
  for (auto _ : state)
    for (const auto& [t, a] : kPairs) benchmark::DoNotOptimize(judge.judge(t, a));
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(kPairs.size()));
}
BENCHMARK(judge_pairs)->Arg(0)->Arg(1);

// A block of 20 000 rows with distinct count and area targets (so caches do
// not hide the parsing), through process_block as batch runs it.
void process_rows(benchmark::State& state) {
  std::string block;
  for (int i = 0; i < 20000; ++i) {
    const auto& [t, a] = kPairs[static_cast<std::size_t>(i) % kPairs.size()];
    std::string target = t, actual = a;
    if (i % 3 == 0) target = "≥" + std::to_string(100 + i) + "个";
    if (i % 3 == 0) actual = std::to_string(100 + i * 7 % 211 + i) + "个";
    block += std::to_string(100000 + i / 12) + "\t产出指标\t数量指标\t培训人次\t全年\t" + target +
             "\t" + actual + "\n";
  }
  batch::HeaderProblem error;
  auto columns = batch::map_header(
      "dept_id\tlevel1\tlevel2\tindicator\tperiod\ttarget_expr\tactual", '\t', &error);
  for (auto _ : state) {
    batch::Judge judge;
    batch::Tallies tallies;
    benchmark::DoNotOptimize(
        batch::process_block(block, 2, *columns, judge, tallies, nullptr, nullptr));
  }
  state.SetItemsProcessed(state.iterations() * 20000);
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(block.size()));
}
BENCHMARK(process_rows)->Unit(benchmark::kMillisecond);

// A targets and an actuals file of N indicators with distinct names, in a
// folder of their own that lives as long as the object.
struct Tables {
  explicit Tables(int n) {
    std::filesystem::create_directories(dir);
    std::ofstream targets(dir / "targets.tsv"), actuals(dir / "actuals.tsv");
    targets << "一级指标\t二级指标\t三级指标\t全年指标值\n";
    actuals << "指标\t实际值\n";
    for (int i = 0; i < n; ++i) {
      const std::string name = "培训人次" + std::to_string(i);
      targets << "产出指标\t数量指标\t" << name << "\t≥" << 100 + i % 97 << "人次\n";
      actuals << name << "\t" << 90 + i % 113 << "人次\n";
    }
  }
  ~Tables() { std::filesystem::remove_all(dir); }
  // The report points into the pipeline's targets: `pipeline` must outlive it.
  std::optional<Report> assess(Pipeline& pipeline) const {
    std::vector<Diagnostic> ds;
    if (!pipeline.load({}, (dir / "targets.tsv").string(), "bench", ds)) return std::nullopt;
    auto actuals = pipeline.read_actuals({(dir / "actuals.tsv").string()}, ds);
    if (!actuals || has_errors(ds)) return std::nullopt;
    return pipeline.assess(*actuals, Period::year);
  }
  const std::filesystem::path dir = std::filesystem::temp_directory_path() / "indicheck-bench";
};

// check without the report: reading both tables, matching each actual row to
// its indicator, judging and scoring. Reported with BigO: the matching must
// stay linear (when every row was compared with every indicator, 100 000 of
// each took minutes; golden bad-check-100000-indicators keeps the output).
void check_tables(benchmark::State& state) {
  const auto n = static_cast<int>(state.range(0));
  const Tables tables(n);
  for (auto _ : state) {
    Pipeline pipeline;
    if (!tables.assess(pipeline)) return state.SkipWithError("the generated tables do not read");
  }
  state.SetComplexityN(n);
}
BENCHMARK(check_tables)
    ->Arg(10000)
    ->Arg(20000)
    ->Arg(40000)
    ->Unit(benchmark::kMillisecond)
    ->Complexity(benchmark::oN);

// The xlsx 自评表 of N indicators (check --format xlsx without the reading):
// reported with BigO, so a writer that turns quadratic (each figure found by
// searching the whole sheet took 7 minutes at 40 000) shows as N² here.
void xlsx_report(benchmark::State& state) {
  const auto n = static_cast<int>(state.range(0));
  const Tables tables(n);
  Pipeline pipeline;
  const std::optional<Report> report = tables.assess(pipeline);
  if (!report) return state.SkipWithError("the generated tables do not read");
  const std::string out = (tables.dir / "r.xlsx").string();
  for (auto _ : state)
    if (std::string why = write_xlsx(*report, out); !why.empty())
      return state.SkipWithError(why.c_str());
  state.SetComplexityN(n);
}
BENCHMARK(xlsx_report)
    ->Arg(5000)
    ->Arg(10000)
    ->Arg(20000)
    ->Unit(benchmark::kMillisecond)
    ->Complexity(benchmark::oN);

}  // namespace

BENCHMARK_MAIN();
