// libFuzzer target: an actual value (实际完成值) through parse_actual and
// evaluate, as `indicheck eval` runs it. Invariants: parse never throws; a
// parse error is located inside the text; the actual evaluates against one
// target of each kind to a known verdict kind, with or without explanations,
// and both give the same kind (batch relies on it).

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <variant>
#include <vector>

#include "engine/cell/evaluate.hpp"
#include "engine/cell/parse.hpp"
#include "engine/report/render.hpp"
#include "tests/fuzz/fuzz_common.hpp"

using namespace indicheck;

namespace {

const std::vector<Constraint>& targets() {
  static const std::vector<Constraint> all = [] {
    std::vector<Constraint> out;
    for (const char* t : {"≥95%", "=12000亩", "80%-100%", "2024年12月底前", "健全", "是",
                          "通过专家验收", "≤500万元", "5000人次以上", "(0,3‰]", ""}) {
      auto parsed = parse_target(t);
      if (!std::holds_alternative<Constraint>(parsed)) fuzz::broken("a fixed target failed");
      out.push_back(std::get<Constraint>(parsed));
    }
    return out;
  }();
  return all;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view written(reinterpret_cast<const char*>(data), size);
  auto parsed = parse_actual(written);
  if (auto* e = std::get_if<ParseError>(&parsed)) {
    fuzz::check_parse_error(*e, written);
    return 0;
  }
  const Actual& a = std::get<Actual>(parsed);
  fuzz::require(a.written == written, "Actual::written differs from the input");
  EvaluationContext explain, quiet;
  explain.year = quiet.year = 2024;
  quiet.explain = false;
  for (const Constraint& c : targets()) {
    Verdict full = evaluate(c, a, explain);
    Verdict kind_only = evaluate(c, a, quiet);
    fuzz::check_verdict(full.kind);
    fuzz::require(full.kind == kind_only.kind, "explain=false changed the verdict kind");
    (void)describe(full);
    (void)to_json(full).dump();
  }
  return 0;
}
