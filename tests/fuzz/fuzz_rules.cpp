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

using namespace indicheck;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  std::vector<Diagnostic> ds;
  auto set = rules::load_rules_text("fuzz.rules", text, ds);
  fuzz::check_diagnostics(ds, size);
  (void)set;

  std::vector<Diagnostic> parse_ds;
  rules::SourceFile source("fuzz.rules", text);
  rules::RuleFile file = rules::parse_rule_file(source, parse_ds);
  fuzz::check_diagnostics(parse_ds, size);
  if (has_errors(parse_ds)) return 0;
  std::string once = rules::format_rule_file(file);
  std::vector<Diagnostic> again_ds;
  rules::SourceFile again_source("fuzz.rules", once);
  rules::RuleFile again = rules::parse_rule_file(again_source, again_ds);
  fuzz::require(!has_errors(again_ds), "fmt output does not parse");
  fuzz::require(rules::format_rule_file(again) == once, "fmt is not idempotent");
  return 0;
}
