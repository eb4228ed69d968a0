// libFuzzer target: an actuals file (docs/files.md) through read_actuals,
// then `check` of 15 of the seed targets against it and both renderers.
// Invariants as for fuzz_targets_table.

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "tests/fuzz/fuzz_tables.hpp"

using namespace indicheck;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  // 15 of the seed's indicators, one of each kind of target and path: level words,
  // =/≤/≥ percentages, counts and areas with units, a half-year-only target, a
  // 重点工作 path, a cell with a space inside, an empty target, 一级 names of every kind.
  static const std::string target_text = fuzz::fixture_lines(
      "targets.tsv", {6, 8, 12, 14, 15, 20, 38, 39, 41, 46, 47, 66, 67, 71, 73});
  static const auto targets = [] {
    std::vector<Diagnostic> ds;
    auto t = read_targets("targets.tsv", target_text, ds);
    if (!t || !ds.empty()) fuzz::broken("the seed targets do not read cleanly");
    return *t;
  }();
  std::string_view content(reinterpret_cast<const char*>(data), size);
  std::vector<Diagnostic> ds;
  auto actuals = read_actuals("actuals.tsv", content, ds);
  fuzz::check_diagnostics(ds, size);
  if (!actuals) {
    fuzz::require(has_errors(ds), "a table was refused without an error");
    return 0;
  }
  for (const ActualRow& row : actuals->rows)
    fuzz::require(row.line >= 1 && row.line <= size + 1, "row line out of range");
  fuzz::check_and_render(targets, *actuals);
  return 0;
}
