#pragma once
// The fmt invariant the rule-file fuzz targets share: a file that parses
// formats to a file that parses cleanly and formats to itself.

#include <string>
#include <vector>

#include "engine/rules/syntax.hpp"
#include "tests/fuzz/fuzz_common.hpp"

namespace indicheck::fuzz {

inline void check_fmt(const std::string& text) {
  std::vector<Diagnostic> parse_ds;
  rules::SourceFile source("fuzz.rules", text);
  rules::RuleFile file = rules::parse_rule_file(source, parse_ds);
  check_diagnostics(parse_ds, text.size());
  if (has_errors(parse_ds)) return;
  std::string once = rules::format_rule_file(file);
  std::vector<Diagnostic> again_ds;
  rules::SourceFile again_source("fuzz.rules", once);
  rules::RuleFile again = rules::parse_rule_file(again_source, again_ds);
  require(!has_errors(again_ds), "fmt output does not parse");
  require(rules::format_rule_file(again) == once, "fmt is not idempotent");
}

}  // namespace indicheck::fuzz
