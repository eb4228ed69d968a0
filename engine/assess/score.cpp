#include "engine/assess/score.hpp"
#include "engine/cell/verdict.hpp"

#include <algorithm>
#include <set>

#include "engine/base/message.hpp"
#include "engine/cell/bare_target.hpp"
#include "engine/cell/evaluate.hpp"
#include "engine/cell/parse.hpp"

namespace indicheck {

const char* to_string(OnTrack o) {
  switch (o) {
    case OnTrack::certain:
      return "certain";
    case OnTrack::possible:
      return "possible";
    case OnTrack::impossible:
      return "impossible";
  }
  return "possible";
}

const char* chinese(OnTrack o) {
  switch (o) {
    case OnTrack::certain:
      return "确定能";
    case OnTrack::possible:
      return "有可能";
    case OnTrack::impossible:
      return "不可能";
  }
  return "有可能";
}

std::string grade_of(const Number& total) {
  if (total >= Number::integer(90)) return "优";
  if (total >= Number::integer(80)) return "良";
  if (total >= Number::integer(60)) return "中";
  return "差";
}

namespace {

const Number kZero = Number::integer(0);
const Number kOne = Number::integer(1);
const Number kHundred = Number::integer(100);

// Figures in explanations: exact when they have a finite decimal form, else the fraction.
std::string fig(const Number& n) {
  return n.canonical();
}
// The value to 2 places, and whether that is the value itself.
std::pair<std::string, bool> to_2(const Number& n) {
  std::string printed = n.to_fixed(2);
  bool exact = Number::parse_decimal(printed) == n;
  return {exact ? n.canonical() : printed, exact};
}
// A sum of scores: exact when it is a finite decimal, else "≈" and 2 places.
std::string approx(const Number& n) {
  return n.is_finite_decimal() ? n.canonical() : "≈" + n.to_fixed(2);
}
// "= 9.85", or "≈ 1.82" when printing to 2 places rounds the exact value.
std::string equals(const Number& n) {
  auto [text, exact] = to_2(n);
  return (exact ? "= " : "≈ ") + text;
}
// A fraction as a percentage: "96%", "≈33.33%".
std::string percent(const Number& fraction) {
  auto [text, exact] = to_2(fraction * kHundred);
  return (exact ? "" : "≈") + text + "%";
}
// "= 96%", "≈ 33.33%".
std::string equals_percent(const Number& fraction) {
  auto [text, exact] = to_2(fraction * kHundred);
  return (exact ? "= " : "≈ ") + text + "%";
}

Number min(const Number& a, const Number& b) {
  return a < b ? a : b;
}
Number max(const Number& a, const Number& b) {
  return a < b ? b : a;
}

// The printed value of a total, as a Number (half-up to 2 places).
Number printed(const Number& n) {
  return *Number::parse_decimal(n.to_fixed(2));
}

Score make_score(const Number& weight, const Number& points, std::string explanation) {
  Score s;
  s.weight = weight;
  s.points = points;
  s.explanation = std::move(explanation);
  return s;
}

// The actual in the target's unit. The evaluator has accepted the pair (the
// verdict is pass or fail), so the dimensions agree; a bare 万 carries its
// multiplier in its factor, and an actual without a unit is in the target's.
Number in_unit(const ActualQuantity& q, const Unit& like) {
  if (!q.unit) return q.value;
  return q.value * q.unit->factor / like.factor;
}

// A quantitative indicator reduced to one comparison: actual `a` against the
// bound `t` it missed or met, and which way is better.
struct Comparison {
  Number a, t;
  Direction direction;  // higher_better, lower_better or exact
  std::string unit;
};

std::optional<Comparison> comparison_of(const Constraint& c, const Actual& actual,
                                        Direction wanted) {
  const auto* q = std::get_if<ActualQuantity>(&actual.form);
  if (!q) return std::nullopt;
  if (const auto* t = std::get_if<QuantityConstraint>(&c.form)) {
    Direction d = wanted;
    if (d == Direction::from_comparator) {
      switch (t->op) {
        case Comparator::ge:
        case Comparator::gt:
          d = Direction::higher_better;
          break;
        case Comparator::le:
        case Comparator::lt:
          d = Direction::lower_better;
          break;
        case Comparator::eq:
          d = Direction::exact;
          break;
      }
    }
    return Comparison{in_unit(*q, t->target.unit), t->target.value, d, t->target.unit.symbol};
  }
  if (const auto* r = std::get_if<RangeConstraint>(&c.form)) {
    Number a = in_unit(*q, r->high.unit);
    Number low = r->low.base_value() / r->high.unit.factor;
    // Inside the range is met; below it is short of the low end, above it over the high end.
    if (a < low) return Comparison{a, low, Direction::higher_better, r->high.unit.symbol};
    return Comparison{a, r->high.value, Direction::lower_better, r->high.unit.symbol};
  }
  return std::nullopt;
}

bool has_control_word(const ScoringScheme& scheme, const std::string& name) {
  return std::any_of(scheme.control_words.begin(), scheme.control_words.end(),
                     [&](const std::string& w) { return name.find(w) != std::string::npos; });
}

// What exceeding an `=` target means for this indicator: met or a miss.
EqMiss eq_over_rule(const IndicatorScoring& cfg, const ScoringScheme& scheme,
                    const std::string& name) {
  if (cfg.eq_miss != EqMiss::by_name) return cfg.eq_miss;
  if (scheme.default_eq_miss != EqMiss::by_name) return scheme.default_eq_miss;
  return has_control_word(scheme, name) ? EqMiss::over_is_miss : EqMiss::over_is_met;
}

// The ratio rule for a miss: higher-better weight × a/t, lower-better weight × t/a.
// A ratio is taken only between positive figures, so nothing divides by zero:
// a higher-better miss with a target ≤ 0 or an actual ≤ 0 scores 0, and a
// lower-better miss with a target ≤ 0 scores 0 (its actual is above the target,
// so a positive target means a positive actual).
Score ratio_miss(const Number& weight, const Comparison& c, bool higher) {
  if (higher) {
    if (c.t.sign() <= 0 || c.a.sign() <= 0)
      return make_score(weight, kZero,
                        c.t.sign() <= 0 ? tr("missed, and the target is not above 0: no ratio, 0")
                                        : tr("missed, and the actual is not above 0: no ratio, 0"));
    Number points = min(weight, weight * c.a / c.t);
    return make_score(weight, points,
                      fig(weight) + " × " + fig(c.a) + "/" + fig(c.t) + " " + equals(points));
  }
  if (c.t.sign() <= 0)
    return make_score(
        weight, kZero,
        tr("missed a lower-is-better target of {}{} (not above 0): no ratio, 0", fig(c.t), c.unit));
  Number points = min(weight, weight * c.t / c.a);
  return make_score(weight, points,
                    fig(weight) + " × " + fig(c.t) + "/" + fig(c.a) + " " + equals(points));
}

Score local_miss(const Number& weight, const Comparison& c, bool higher, const LocalScheme& s) {
  if (const auto* off = std::get_if<PointsOffPerUnit>(&s)) {
    Number shortfall = higher ? c.t - c.a : c.a - c.t;
    Number units = shortfall / off->unit;
    std::string units_text =
        "(" + fig(higher ? c.t : c.a) + " − " + fig(higher ? c.a : c.t) + ")/" + fig(off->unit);
    if (off->whole_units) {
      auto v = units.value();
      Number::Integer whole = numerator(v) / denominator(v);
      if (Number(Number::Rational(whole)) < units) whole += 1;
      units = Number(Number::Rational(whole));
      units_text = "⌈" + units_text + "⌉";
    }
    Number points = max(kZero, weight - off->points * units);
    return make_score(weight, points,
                      points.is_zero() ? tr("local: {} − {} × {} {} (not below 0)", fig(weight),
                                            fig(off->points), units_text, equals(points))
                                       : tr("local: {} − {} × {} {}", fig(weight), fig(off->points),
                                            units_text, equals(points)));
  }
  const auto& bands = std::get<StepBands>(s);
  bool ratio = higher ? (c.t.sign() > 0 && c.a.sign() >= 0) : (c.t.sign() > 0 && c.a.sign() > 0);
  Number completion = !ratio ? kZero : higher ? c.a / c.t : c.t / c.a;
  std::string done = ratio ? (higher ? fig(c.a) + "/" + fig(c.t) : fig(c.t) + "/" + fig(c.a)) +
                                 " " + equals_percent(completion)
                           : std::string(tr("0 (no ratio)"));
  for (const StepBand& step : bands.steps) {
    if (completion >= step.at_least) {
      Number points = min(weight, weight * step.fraction);
      return make_score(weight, points,
                        tr("local: completion {} ≥ {}: {} × {} {}", done, percent(step.at_least),
                           fig(weight), percent(step.fraction), equals(points)));
    }
  }
  return make_score(weight, kZero, tr("local: completion {} is below every step: 0", done));
}

void flag_over(Score& s, const Comparison& c, const ScoringScheme& scheme) {
  if (c.t.sign() <= 0 || c.a <= c.t * (kOne + scheme.over_margin)) return;
  s.review = true;
  s.notes.push_back(
      tr("over-achieved: {}{} is {} of the target, beyond the {} margin; explain "
         "it (超额完成须说明原因); scored at the weight, not above",
         fig(c.a), c.unit, percent(c.a / c.t), percent(scheme.over_margin)));
}

// The score of one quantitative indicator whose verdict is pass or fail.
Score score_quantity(const Number& weight, const Comparison& c, bool met,
                     const IndicatorScoring& cfg, const std::string& name,
                     const ScoringScheme& scheme) {
  bool higher = c.direction != Direction::lower_better;
  if (met) {
    Score s = make_score(weight, weight, tr("met: the full {}", fig(weight)));
    if (c.direction != Direction::lower_better) flag_over(s, c, scheme);
    return s;
  }
  if (c.direction == Direction::exact && c.a > c.t) {
    EqMiss rule = eq_over_rule(cfg, scheme, name);
    const char* why =
        cfg.eq_miss != EqMiss::by_name ? tr(" (超出 in its 指标 rule)")
        : scheme.default_eq_miss != EqMiss::by_name
            ? tr(" (超出 in 评分)")
            : (rule == EqMiss::over_is_miss ? tr(" (a cost/control indicator by its name)")
                                            : tr(" (an output indicator by its name)"));
    if (rule == EqMiss::over_is_met) {
      Score s = make_score(
          weight, weight,
          tr("above the = target counts as over-achievement{}: the full {}", why, fig(weight)));
      flag_over(s, c, scheme);
      return s;
    }
    higher = false;
    Score s =
        cfg.scheme ? local_miss(weight, c, higher, *cfg.scheme) : ratio_miss(weight, c, higher);
    s.notes.push_back(tr("above the = target counts as a miss{}", why));
    return s;
  }
  return cfg.scheme ? local_miss(weight, c, higher, *cfg.scheme) : ratio_miss(weight, c, higher);
}

Score score_band(const Number& weight, VerdictKind v, const QualitativePoints& q) {
  const Number& f = v == VerdictKind::pass      ? q.met
                    : v == VerdictKind::partial ? q.partly
                                                : q.not_met;
  const char* band = v == VerdictKind::pass      ? "达成 [80%,100%]"
                     : v == VerdictKind::partial ? "部分达成 [60%,80%)"
                                                 : "未达成 [0,60%)";
  Number points = weight * f;
  return make_score(
      weight, points,
      std::string(band) + ": " + fig(weight) + " × " + percent(f) + " " + equals(points));
}

// The score of one indicator, or nullopt with `why` when it is not scored.
std::optional<Score> score_one(const IndicatorResult& res, const Number& weight,
                               const IndicatorScoring& cfg, const ScoringScheme& scheme) {
  const VerdictKind v = res.verdict.kind;
  switch (v) {
    case VerdictKind::no_target:
      return std::nullopt;
    case VerdictKind::missing:
      return make_score(weight, kZero, tr("nothing reported: 0"));
    case VerdictKind::error:
      return make_score(weight, kZero, tr("the actual cannot be judged against the target: 0"));
    case VerdictKind::manual: {
      Score s = make_score(weight, kZero,
                           tr("a person must judge it: 0 until then (the total is provisional)"));
      s.pending = true;
      return s;
    }
    default:
      break;
  }
  auto target = parse_target(res.target());
  if (auto* t = std::get_if<Constraint>(&target)) apply_bare_reading(*t, res.indicator->path());
  auto actual = parse_actual(res.actual());
  const auto* c = res.judged_target ? &*res.judged_target : std::get_if<Constraint>(&target);
  const auto* a = res.judged_actual ? &*res.judged_actual : std::get_if<Actual>(&actual);
  if (!c || !a)
    return make_score(weight, kZero, tr("the actual cannot be judged against the target: 0"));
  if (std::holds_alternative<DeadlineConstraint>(c->form))
    return v == VerdictKind::pass
               ? make_score(weight, weight, tr("met the deadline: the full {}", fig(weight)))
               : make_score(weight, kZero, tr("missed the deadline: 0"));
  if (auto cmp = comparison_of(*c, *a, cfg.direction))
    return score_quantity(weight, *cmp, v == VerdictKind::pass, cfg, res.indicator->name, scheme);
  // Levels, graded answers and matching phrases: the three bands.
  return score_band(weight, v, scheme.qualitative);
}

// Equal shares of `total` in hundredths (so each prints exactly and they add up
// to `total`); the first indicators in table order take the spare hundredths.
std::vector<Number> split_evenly(const Number& total, std::size_t n) {
  std::vector<Number> shares;
  if (n == 0) return shares;
  auto cents = (total * kHundred).value();
  Number::Integer whole = numerator(cents) / denominator(cents);
  Number::Integer each = whole / n, spare = whole % n;
  Number rest = total * kHundred - Number(Number::Rational(whole));  // below one hundredth
  for (std::size_t i = 0; i < n; ++i) {
    Number::Integer c = each + (Number::Integer(i) < spare ? 1 : 0);
    Number share = Number(Number::Rational(c)) / kHundred;
    if (i == 0) share = share + rest / kHundred;
    shares.push_back(share);
  }
  return shares;
}

const IndicatorScoring& config_of(const ScoringScheme& scheme, const Indicator& ind) {
  static const IndicatorScoring kDefault;
  auto it = scheme.indicators.find(ind.path_text());
  return it == scheme.indicators.end() ? kDefault : it->second;
}

Diagnostic scheme_diagnostic(const ScoringScheme& scheme, const SourceLocation& where, Code code,
                             std::string message) {
  if (where.file.empty()) return make_diagnostic(code, scheme.source, 1, 1, std::move(message));
  return make_diagnostic(code, where, std::move(message));
}

void score_year(Report& r, const ScoringScheme& scheme) {
  Scoring total;
  total.scheme = scheme.name;
  bool explicit_weights = false;
  for (const auto& [key, cfg] : scheme.indicators)
    if (cfg.weight) explicit_weights = true;

  // Which indicator carries the 预算执行率 block.
  std::optional<std::size_t> carrier;
  for (std::size_t i = 0; i < r.results.size(); ++i)
    if (r.results[i].indicator->name == scheme.execution_indicator) {
      carrier = i;
      break;
    }

  // Weights: explicit ones, or the default split.
  std::vector<std::optional<Number>> weight(r.results.size());
  auto scorable = [&](std::size_t i) {
    const IndicatorResult& res = r.results[i];
    return res.verdict.kind != VerdictKind::no_target &&
           !config_of(scheme, *res.indicator).not_applicable;
  };
  if (explicit_weights) {
    total.assumptions.push_back(
        tr("weights as given for each indicator; the default split is not used"));
    for (std::size_t i = 0; i < r.results.size(); ++i)
      weight[i] = config_of(scheme, *r.results[i].indicator).weight;
  } else {
    std::string split;
    for (const auto& c : scheme.split) split += c.name + " " + fig(c.weight) + ", ";
    split += scheme.execution_indicator + " " + fig(scheme.execution_weight);
    total.assumptions.push_back(
        tr("no weights given: the default split of {} ({}), each category's weight spread "
           "evenly (in hundredths) over its scored indicators",
           scheme.name, split));
    std::set<std::string> unnamed;
    for (const CategoryWeight& cat : scheme.split) {
      std::vector<std::size_t> members;
      for (std::size_t i = 0; i < r.results.size(); ++i) {
        const std::string& l1 = r.results[i].indicator->level1;
        if (carrier == i) continue;
        if (std::find(cat.level1.begin(), cat.level1.end(), l1) != cat.level1.end() && scorable(i))
          members.push_back(i);
      }
      if (members.empty()) {
        total.assumptions.push_back(
            tr("{} {}: no scored indicator in the table; dropped, the "
               "total is rescaled to 100",
               cat.name, fig(cat.weight)));
        continue;
      }
      auto shares = split_evenly(cat.weight, members.size());
      for (std::size_t k = 0; k < members.size(); ++k) weight[members[k]] = shares[k];
    }
    if (carrier) weight[*carrier] = scheme.execution_weight;
    for (std::size_t i = 0; i < r.results.size(); ++i) {
      const std::string& l1 = r.results[i].indicator->level1;
      bool named = std::any_of(scheme.split.begin(), scheme.split.end(), [&](const auto& c) {
        return std::find(c.level1.begin(), c.level1.end(), l1) != c.level1.end();
      });
      if (!named && carrier != i && unnamed.insert(l1).second)
        total.assumptions.push_back(
            tr("{}: not in the default split; its indicators carry no "
               "weight (give weights to score them)",
               l1));
    }
  }

  // Unknown keys are the scheme author's mistake: say so.
  for (const auto& [key, cfg] : scheme.indicators) {
    // An init-capture: clang 14 cannot capture a structured binding.
    bool found = std::any_of(
        r.results.begin(), r.results.end(),
        [&name = key](const IndicatorResult& res) { return res.indicator->path_text() == name; });
    if (!found)
      r.diagnostics.push_back(scheme_diagnostic(scheme, cfg.where, Code::score_key_unmatched,
                                                tr("scoring for '{}' matches no indicator", key)));
  }

  // The block from the funds figures.
  std::optional<Score> block;
  if (scheme.execution) {
    const auto& [executed, budget] = *scheme.execution;
    total.executed = executed;
    total.budget = budget;
    Number w = carrier && weight[*carrier] ? *weight[*carrier] : scheme.execution_weight;
    if (budget.sign() <= 0) {
      r.diagnostics.push_back(scheme_diagnostic(
          scheme, scheme.execution_at, Code::score_budget_not_positive,
          tr("预算数 is {}: 预算执行率 (执行数 / 预算数) cannot be computed", fig(budget))));
      block = make_score(w, kZero, tr("预算数 is {}: no 预算执行率, 0", fig(budget)));
    } else {
      Number points = min(w, w * executed / budget);
      block = make_score(
          w, points,
          fig(w) + " × min(1, " + fig(executed) + "/" + fig(budget) + ") " + equals(points));
      if (executed > budget)
        block->notes.push_back(tr("执行数 above 预算数: 预算执行率 capped at 100%"));
    }
  }

  Number weight_sum = kZero, given_sum = kZero;
  for (std::size_t i = 0; i < r.results.size(); ++i) {
    IndicatorResult& res = r.results[i];
    const IndicatorScoring& cfg = config_of(scheme, *res.indicator);
    if (weight[i]) given_sum = given_sum + *weight[i];
    if (cfg.not_applicable) {
      res.unscored = std::string(tr("not applicable: dropped, the total is rescaled to 100"));
      continue;
    }
    if (res.verdict.kind == VerdictKind::no_target) {
      res.unscored = std::string(tr("no target set"));
      continue;
    }
    if (!weight[i]) {
      // A published 分值 on a row dropped by E4005: given, but not read.
      if (res.dropped_rows && std::any_of(res.dropped_rows->begin(), res.dropped_rows->end(),
                                          [](const ActualRow* row) { return bool(row->weight); }))
        res.unscored = trn("its 分值 was on the row dropped by {}",
                           "its 分值 was on one of the rows dropped by {}",
                           res.dropped_rows->size(), id_of(Code::assess_key_ambiguous));
      else
        res.unscored = explicit_weights
                           ? std::string(tr("no weight given"))
                           : tr("{} carries no weight in the split", res.indicator->level1);
      continue;
    }
    if (block && carrier == i) {
      res.score = block;
      res.score->notes.push_back(tr("the 预算执行率 block, from the funds figures"));
    } else {
      res.score = score_one(res, *weight[i], cfg, scheme);
    }
    if (!res.score) continue;
    weight_sum = weight_sum + res.score->weight;
    total.points = total.points + res.score->points;
    if (res.score->pending) ++total.pending;
  }
  if (block && !carrier) {
    total.execution = block;
    weight_sum = weight_sum + block->weight;
    given_sum = given_sum + block->weight;
    total.points = total.points + block->points;
  }
  if (explicit_weights && given_sum != kHundred)
    r.diagnostics.push_back(scheme_diagnostic(
        scheme, scheme.weights_at, Code::score_weights_not_100,
        tr("the weights sum to {}, not 100; the total is rescaled to 100", fig(given_sum))));

  // Per 一级指标.
  for (const IndicatorResult& res : r.results) {
    if (!res.score) continue;
    auto it = std::find_if(total.by_category.begin(), total.by_category.end(),
                           [&](const CategoryScore& c) { return c.name == res.indicator->level1; });
    if (it == total.by_category.end()) {
      total.by_category.push_back(CategoryScore{res.indicator->level1, kZero, kZero});
      it = total.by_category.end() - 1;
    }
    it->weight = it->weight + res.score->weight;
    it->points = it->points + res.score->points;
  }
  if (total.execution)
    total.by_category.push_back(CategoryScore{scheme.execution_indicator, total.execution->weight,
                                              total.execution->points});

  total.weight = weight_sum;
  if (weight_sum.sign() <= 0) {
    total.explanation = tr("nothing was scored: no total");
  } else {
    total.total = total.points * kHundred / weight_sum;
    std::string sum = tr("{} of {} points", approx(total.points), fig(weight_sum));
    if (weight_sum != kHundred) sum += " × 100/" + fig(weight_sum) + " " + equals(total.total);
    Number graded = scheme.grade_printed_total ? printed(total.total) : total.total;
    total.grade = grade_of(graded);
    total.explanation =
        scheme.grade_printed_total
            ? tr("{}: {} (优 ≥ 90, 良 ≥ 80, 中 ≥ 60, 差 < 60)", sum, total.grade)
            : tr("{}: {} (优 ≥ 90, 良 ≥ 80, 中 ≥ 60, 差 < 60, on the exact total: 定级 按精确总分)",
                 sum, total.grade);
    if (total.pending > 0)
      total.explanation =
          tr("{}; provisional: {} indicator(s) a person must judge score 0 until then",
             total.explanation, total.pending);
  }
  r.scoring = std::move(total);
}

// How a target behaves between mid-year and year end (docs/scoring.md,
// "Mid-year: on track?"). A floor on a figure that accumulates (≥100个) once
// reached stays reached; a ceiling on one (≤220万元) once passed stays passed,
// but being under it at mid-year settles nothing; a rate (%) and a range can
// move either way until year end. `=` on a figure that accumulates is a floor.
enum class TargetKind { floor, ceiling, moving, other };

TargetKind kind_of(const Constraint& c) {
  if (const auto* q = std::get_if<QuantityConstraint>(&c.form)) {
    if (q->target.unit.dimension == "ratio") return TargetKind::moving;
    // `=7项` on an output that accumulates is reached as a floor is.
    return q->op == Comparator::le || q->op == Comparator::lt ? TargetKind::ceiling
                                                              : TargetKind::floor;
  }
  if (std::holds_alternative<RangeConstraint>(c.form)) return TargetKind::moving;
  return TargetKind::other;  // deadlines, levels, phrases: done is done
}

// The outlook of an indicator against its full-year target alone, when the
// half-year verdict does not decide it: nullopt leaves it to the half-year rules.
std::optional<Outlook> against_year(const Constraint& yc, const Actual& a, const Indicator& ind,
                                    const OnTrackRule& rule, std::optional<int> year,
                                    bool no_half_target) {
  EvaluationContext ctx;
  ctx.year = year;
  ctx.period = Period::half;  // the half-year actual, at mid-year
  ctx.explain = false;
  VerdictKind v = evaluate(yc, a, ctx).kind;
  const std::string& t = ind.year_target.text;
  TargetKind k = kind_of(yc);
  const std::string head = no_half_target
                               ? tr("no half-year target; against the full-year target {}", t)
                               : tr("against the full-year target {}", t);
  if (v == VerdictKind::pass) {
    if ((k == TargetKind::floor || k == TargetKind::other) && rule.already_met_is_certain)
      return Outlook{OnTrack::certain,
                     tr("the half-year actual already meets the full-year target {}", t)};
    if (k == TargetKind::ceiling && no_half_target)
      return Outlook{OnTrack::possible,
                     tr("{}: within it so far, but the figure accumulates until year end", head)};
    if (k == TargetKind::moving && no_half_target)
      return Outlook{OnTrack::possible,
                     tr("{}: met at mid-year, but a rate or an exact figure can still move", head)};
    return std::nullopt;
  }
  if (v == VerdictKind::fail && k == TargetKind::ceiling)
    return Outlook{OnTrack::impossible,
                   tr("{}: already above it, and the figure only accumulates", head)};
  if (!no_half_target) return std::nullopt;
  const bool deadline = std::holds_alternative<DeadlineConstraint>(yc.form);
  if (v == VerdictKind::fail && deadline)
    return Outlook{OnTrack::impossible, tr("{}: the deadline has already passed unmet", head)};
  // Work under way (进行中) with the deadline after mid-year: a person follows it.
  if (v == VerdictKind::manual && deadline && year)
    return Outlook{OnTrack::possible, tr("{}: under way, with the deadline still ahead", head)};
  if (v == VerdictKind::fail)
    return Outlook{OnTrack::possible, tr("{}: not met yet; it can still be by year end", head)};
  return Outlook{OnTrack::possible,
                 tr("{}: the verdict is {}, so progress cannot be measured", head, said(v))};
}

Outlook outlook_of(const IndicatorResult& res, const ScoringScheme& scheme,
                   std::optional<int> year) {
  const OnTrackRule& rule = scheme.on_track;
  const Indicator& ind = *res.indicator;
  auto year_target = parse_target(ind.year_target.text);
  auto actual = parse_actual(res.actual());
  auto* yc = std::get_if<Constraint>(&year_target);
  if (yc) apply_bare_reading(*yc, ind.path());
  const auto* a = std::get_if<Actual>(&actual);
  bool no_half_target = res.verdict.kind == VerdictKind::no_target;
  if (yc && a && !std::holds_alternative<NoTarget>(yc->form) &&
      !std::holds_alternative<ActualNone>(a->form))
    if (auto o = against_year(*yc, *a, ind, rule, year, no_half_target)) return *o;
  // A met half-year ceiling or rate is on schedule, not yet certain.
  auto half_target = parse_target(res.target());
  auto* hc = std::get_if<Constraint>(&half_target);
  if (hc) apply_bare_reading(*hc, ind.path());
  bool settles_late =
      hc && (kind_of(*hc) == TargetKind::ceiling || kind_of(*hc) == TargetKind::moving);
  switch (res.verdict.kind) {
    case VerdictKind::pass:
      if (settles_late)
        return {OnTrack::possible,
                tr("the half-year target is met; a ceiling or a rate is settled only at year end")};
      return rule.half_met_is_certain
                 ? Outlook{OnTrack::certain, tr("the half-year target is met: on schedule")}
                 : Outlook{OnTrack::possible, tr("the half-year target is met")};
    case VerdictKind::fail:
      break;
    case VerdictKind::no_target:
      return {OnTrack::possible, tr("no half-year target to measure progress against")};
    default:
      return {OnTrack::possible, tr("the half-year verdict is {}: progress cannot be measured",
                                    said(res.verdict.kind))};
  }
  std::optional<Comparison> cmp;
  if (hc && a) cmp = comparison_of(*hc, *a, config_of(scheme, ind).direction);
  if (!cmp) {
    if (hc && std::holds_alternative<DeadlineConstraint>(hc->form) &&
        ind.year_target.text == res.target())
      return {OnTrack::impossible, tr("the deadline, the same for the year, is already missed")};
    return {OnTrack::possible, tr("missed at half-year; it can still be put right by year-end")};
  }
  if (cmp->direction == Direction::exact && cmp->a > cmp->t &&
      eq_over_rule(config_of(scheme, ind), scheme, ind.name) == EqMiss::over_is_met)
    return {OnTrack::certain,
            tr("above the = half-year target {}: ahead of schedule", res.target())};
  bool higher = cmp->direction == Direction::higher_better ||
                (cmp->direction == Direction::exact && cmp->a < cmp->t);
  if (cmp->t.sign() <= 0 || (!higher && cmp->a.sign() <= 0))
    return {OnTrack::possible, tr("missed at half-year against a target of {}{}: no progress ratio",
                                  fig(cmp->t), cmp->unit)};
  Number progress = higher ? (cmp->a.sign() < 0 ? kZero : cmp->a / cmp->t) : cmp->t / cmp->a;
  std::string ratio = (higher ? fig(cmp->a) + "/" + fig(cmp->t) : fig(cmp->t) + "/" + fig(cmp->a)) +
                      " " + equals_percent(progress);
  if (progress < rule.impossible_below)
    return {OnTrack::impossible,
            tr("progress {}, below {}", ratio, percent(rule.impossible_below))};
  return {OnTrack::possible, tr("progress {}, at least {}", ratio, percent(rule.impossible_below))};
}

}  // namespace

std::vector<std::string> scheme_problems(const ScoringScheme& s) {
  std::vector<std::string> out;
  auto in_band = [&](const Number& f, int lo, int hi, bool hi_inclusive, const char* band) {
    Number l = Number::ratio(lo, 100), h = Number::ratio(hi, 100);
    if (f < l || f > h || (!hi_inclusive && f == h))
      out.push_back(tr("the point taken in {} is {}, outside the band", band, percent(f)));
  };
  in_band(s.qualitative.met, 80, 100, true, "达成 [80%,100%]");
  in_band(s.qualitative.partly, 60, 80, false, "部分达成 [60%,80%)");
  in_band(s.qualitative.not_met, 0, 60, false, "未达成 [0,60%)");
  for (const auto& c : s.split)
    if (c.weight.sign() < 0) out.push_back(tr("the weight of {} is negative", c.name));
  if (s.execution_weight.sign() < 0) out.push_back(tr("the 预算执行率 weight is negative"));
  if (s.over_margin.sign() < 0) out.push_back(tr("the over-achievement margin is negative"));
  for (const auto& [key, cfg] : s.indicators) {
    if (cfg.weight && cfg.weight->sign() < 0)
      out.push_back(tr("the weight of '{}' is negative", key));
    if (!cfg.scheme) continue;
    if (const auto* off = std::get_if<PointsOffPerUnit>(&*cfg.scheme)) {
      if (off->unit.sign() <= 0)
        out.push_back(tr("'{}': the unit of points off must be above 0", key));
      if (off->points.sign() < 0) out.push_back(tr("'{}': points off must not be negative", key));
    } else {
      const auto& steps = std::get<StepBands>(*cfg.scheme).steps;
      for (std::size_t i = 0; i < steps.size(); ++i) {
        if (steps[i].fraction.sign() < 0 || steps[i].fraction > kOne)
          out.push_back(tr("'{}': a step's fraction must lie in [0, 1]", key));
        if (i > 0 && !(steps[i].at_least < steps[i - 1].at_least))
          out.push_back(tr("'{}': steps must be written from the highest completion down", key));
      }
    }
  }
  return out;
}

void assess(Report& r, const ScoringScheme& scheme) {
  auto problems = scheme_problems(scheme);
  for (auto& p : problems)
    r.diagnostics.push_back(
        make_diagnostic(Code::score_scheme_invalid, scheme.source, 1, 1, std::move(p)));
  if (problems.empty()) {
    if (r.period == Period::year)
      score_year(r, scheme);
    else
      for (IndicatorResult& res : r.results)
        if (!res.target().empty() || !res.indicator->year_target.text.empty())
          res.outlook = outlook_of(res, scheme, r.year);
  }
  for (IndicatorResult& res : r.results) {
    bool missed =
        res.verdict.kind == VerdictKind::fail || res.verdict.kind == VerdictKind::partial ||
        res.verdict.kind == VerdictKind::missing || res.verdict.kind == VerdictKind::error;
    bool review = res.score && res.score->review;
    res.needs_reason = (missed || review) && res.reason().empty();
  }
}

ScoringScheme scoring_scheme(const Report& report) {
  ScoringScheme scheme = report.rule_scheme.value_or(ScoringScheme{});
  for (const auto& [path, j] : report.judgements) {
    if (!j.weight && !j.direction && !j.not_applicable && !j.eq_miss && !j.local) continue;
    IndicatorScoring s;
    s.weight = j.weight;
    s.not_applicable = j.not_applicable;
    s.eq_miss = j.eq_miss.value_or(EqMiss::by_name);
    s.scheme = j.local;
    if (j.direction) s.direction = *j.direction;
    scheme.indicators[path] = s;
  }
  return scheme;
}

}  // namespace indicheck
