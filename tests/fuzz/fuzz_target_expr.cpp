// libFuzzer target: a target expression (指标值) through parse_target, then
// the renderers `indicheck parse` uses. Invariants: parse never throws; a
// constraint's kind() is a documented kind; a parse error is located inside
// the text; an accepted target evaluates against a fixed set of actuals
// without throwing, to a known verdict kind.

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <variant>

#include "engine/cell/evaluate.hpp"
#include "engine/cell/parse.hpp"
#include "engine/report/render.hpp"
#include "tests/fuzz/fuzz_common.hpp"

using namespace indicheck;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view written(reinterpret_cast<const char*>(data), size);
  auto parsed = parse_target(written);
  if (auto* e = std::get_if<ParseError>(&parsed)) {
    fuzz::check_parse_error(*e, written);
    return 0;
  }
  const Constraint& c = std::get<Constraint>(parsed);
  fuzz::check_kind(c);
  fuzz::require(c.written == written, "Constraint::written differs from the input");
  (void)describe(c);
  (void)to_json(c).dump();
  // One actual of each form: every kind of constraint meets each of them.
  static const char* const actuals[] = {"96%",        "12000亩",  "800公顷", "2024年11月30日",
                                        "健全",       "基本健全", "否",      "达成预期指标",
                                        "按计划完成", "/",        ""};
  EvaluationContext context;
  context.year = 2024;
  for (const char* a : actuals) {
    auto actual = parse_actual(a);
    fuzz::require(std::holds_alternative<Actual>(actual), "a fixed actual failed to parse");
    Verdict v = evaluate(c, std::get<Actual>(actual), context);
    fuzz::check_verdict(v.kind);
    (void)describe(v);
  }
  return 0;
}
