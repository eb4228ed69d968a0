// libFuzzer target: a rule file (docs/rules.md) through parse_rule_file and
// load_rules_text (parse and check, as `indicheck lint`), then
// format_rule_file (as `indicheck fmt`) when it parses cleanly.
// Invariants: nothing throws; every diagnostic is located inside the file;
// fmt is idempotent: a formatted file parses cleanly and formats to itself.

#include <cstddef>
#include <cstdint>
#include <string>

#include "engine/rules/load.hpp"
#include "engine/rules/syntax.hpp"
#include "tests/fuzz/fuzz_common.hpp"
#include "tests/fuzz/fuzz_fmt.hpp"

using namespace indicheck;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  std::vector<Diagnostic> ds;
  auto set = rules::load_rules_text("fuzz.rules", text, ds);
  fuzz::check_diagnostics(ds, size);
  (void)set;

  fuzz::check_fmt(text);
  return 0;
}
