// libFuzzer target: an actuals file (docs/files.md) through read_actuals,
// then `check` of the seed targets against it and both renderers.
// Invariants as for fuzz_targets_table.

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "tests/fuzz/fuzz_tables.hpp"

using namespace indicheck;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const std::string target_text = fuzz::fixture("targets.tsv");
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
