#pragma once
// A scoring scheme: how the year-end scores and the mid-year outlook are
// computed (财预〔2020〕10号 by default, docs/scoring.md). Apart from
// engine/assess/score.hpp so that a rule file's 评分 and 指标 clauses
// (engine/rules/load.hpp) can carry one without the report model.

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "engine/base/diagnostic.hpp"
#include "engine/base/number.hpp"

namespace indicheck {

// Which way is better for a quantitative indicator.
enum class Direction {
  from_comparator,  // ≥ > → higher_better, ≤ < → lower_better, = → exact, range: towards it
  higher_better,    // 正向: a miss scores weight × actual/target
  lower_better,     // 反向: a miss scores weight × target/actual
  exact,            // =: below scores as higher_better; above as EqMiss says
};

// An `=` target missed from above.
enum class EqMiss {
  by_name,  // over_is_miss when the name has a scheme control word (成本, 控制率, …), else
            // over_is_met
  over_is_met,   // output indicators: over-achievement counts as met (flagged past the margin)
  over_is_miss,  // cost and control indicators: weight × target/actual
};

// Local schemes (used for a missed quantitative target instead of the ratio).
// "每少1个百分点扣0.5分": weight − points × shortfall/unit, never below 0. The
// shortfall is in the target's unit (percentage points for %).
struct PointsOffPerUnit {
  Number unit = Number::integer(1);
  Number points;
  bool whole_units = false;  // true: a started unit counts whole (shortfall/unit rounded up)
};
// Step bands on completion (actual/target, or target/actual for lower-is-better):
// the first step whose `at_least` the completion reaches gives weight × fraction;
// below every step: 0. Steps are tried in the order given (write them descending).
struct StepBand {
  Number at_least;  // completion, 1 = 100%
  Number fraction;  // of the weight
};
struct StepBands {
  std::vector<StepBand> steps;
};
using LocalScheme = std::variant<PointsOffPerUnit, StepBands>;

// Scoring of one indicator, keyed by its path text (Indicator::path_text()).
struct IndicatorScoring {
  std::optional<Number> weight;  // 分值; any given weight switches off the default split
  Direction direction = Direction::from_comparator;
  bool not_applicable = false;  // dropped; the total is rescaled to 100
  EqMiss eq_miss = EqMiss::by_name;
  std::optional<LocalScheme> scheme;
  SourceLocation where;  // where it was written (a rule file), for diagnostics
};

// Points taken inside each qualitative band, as a fraction of the weight.
// 达成 [80%,100%], 部分达成 [60%,80%), 未达成 [0,60%).
struct QualitativePoints {
  Number met = Number::integer(1);       // 达成: the top of its band
  Number partly = Number::ratio(7, 10);  // 部分达成: the middle of its band
  Number not_met = Number::integer(0);   // 未达成: the bottom of its band
};

// A 一级指标 group of the default split: `weight` is spread over the scored
// indicators whose 一级指标 is one of `level1`.
struct CategoryWeight {
  std::string name;
  Number weight;
  std::vector<std::string> level1;
};

// Mid-year: whether the full-year target is on track (docs/scoring.md).
struct OnTrackRule {
  // The half-year actual already meets the full-year target → 确定能.
  bool already_met_is_certain = true;
  // The half-year target is met → 确定能 (else 有可能).
  bool half_met_is_certain = true;
  // A missed quantitative half-year target: progress (actual/target, or
  // target/actual for lower-is-better) below this → 不可能, else 有可能.
  Number impossible_below = Number::ratio(1, 2);
};

struct ScoringScheme {
  std::string name = "财预〔2020〕10号";
  std::string source = "<scoring>";  // the file it came from, for diagnostics
  // The first table cell a weight was taken from (an actuals row's or the
  // targets' 分值), where a warning about the weights' sum (W4102) stands;
  // empty when no table gave one.
  SourceLocation weights_at;
  // Used only when no indicator is given a weight.
  std::vector<CategoryWeight> split = {
      {"产出", Number::integer(50), {"产出", "产出指标", "履职", "履职指标", "履职效能"}},
      {"效益", Number::integer(30), {"效益", "效益指标"}},
      {"满意度", Number::integer(10), {"满意度", "满意度指标"}},
  };
  // The 预算执行率 block: the indicator of this name carries it (with the default
  // split, its weight is execution_weight); without one, a block of its own.
  std::string execution_indicator = "预算执行率";
  Number execution_weight = Number::integer(10);
  std::optional<std::pair<Number, Number>> execution;  // (全年执行数, 全年预算数), same unit
  // Where the 全年预算数 stands (a published table's cell), where an error
  // about it (E4101) stands; empty when it has no place.
  SourceLocation execution_at;
  QualitativePoints qualitative;
  // Met beyond target × (1 + margin): flagged for review, never scored above the weight.
  Number over_margin = Number::ratio(1, 5);
  // EqMiss::by_name: an `=` indicator whose 三级指标 contains one of these is a
  // cost/control indicator, so exceeding its target is a miss.
  // An `=` indicator without its own EqMiss: by_name, or as the rule file's 评分 says.
  EqMiss default_eq_miss = EqMiss::by_name;
  std::vector<std::string> control_words = {"成本", "控制",   "调整率", "偏差率",
                                            "结余", "变动率", "发生率", "费用"};
  std::map<std::string, IndicatorScoring> indicators;  // by Indicator::path_text()
  // Grade the total as printed (rounded half-up to 2 places), so a printed
  // 90.00 never reads 良; false: grade the exact total.
  bool grade_printed_total = true;
  OnTrackRule on_track;
};

}  // namespace indicheck
