// libFuzzer target: a targets file (docs/files.md) through read_targets, then
// `check` against the seed actuals and both renderers. Invariants: nothing
// throws; every diagnostic is located (line ≥ 1, column ≥ 1, inside the file)
// and renders; a table that reads is checked into a report with one result
// per indicator whose tallies add up.

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "tests/fuzz/fuzz_tables.hpp"

using namespace indicheck;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const std::string actual_text = fuzz::fixture("actuals-year.tsv");
  static const auto actuals = [] {
    std::vector<Diagnostic> ds;
    auto t = read_actuals("actuals.tsv", actual_text, ds);
    if (!t || !ds.empty()) fuzz::broken("the seed actuals do not read cleanly");
    return *t;
  }();
  std::string_view content(reinterpret_cast<const char*>(data), size);
  std::vector<Diagnostic> ds;
  auto targets = read_targets("targets.tsv", content, ds);
  fuzz::check_diagnostics(ds, size);
  if (!targets) {
    fuzz::require(has_errors(ds), "a table was refused without an error");
    return 0;
  }
  for (const Indicator& ind : targets->indicators)
    fuzz::require(ind.line >= 1 && ind.line <= size + 1, "indicator line out of range");
  fuzz::check_and_render(*targets, actuals);
  return 0;
}
