#include "engine/cell/evaluate.hpp"

#include <optional>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include "engine/base/message.hpp"
#include "engine/cell/grade_scale.hpp"
#include "engine/cell/parse_common.hpp"

namespace indicheck {

const char* said(VerdictKind v) {
  switch (v) {
    case VerdictKind::pass:
      return trc("verdict", "pass");
    case VerdictKind::fail:
      return trc("verdict", "fail");
    case VerdictKind::partial:
      return trc("verdict", "partial");
    case VerdictKind::manual:
      return trc("verdict", "manual");
    case VerdictKind::missing:
      return trc("verdict", "missing");
    case VerdictKind::error:
      return trc("verdict", "error");
    case VerdictKind::no_target:
      return trc("verdict", "no-target");
  }
  return trc("verdict", "error");
}

const char* to_string(VerdictKind v) {
  switch (v) {
    case VerdictKind::pass:
      return "pass";
    case VerdictKind::fail:
      return "fail";
    case VerdictKind::partial:
      return "partial";
    case VerdictKind::manual:
      return "manual";
    case VerdictKind::missing:
      return "missing";
    case VerdictKind::error:
      return "error";
    case VerdictKind::no_target:
      return "no-target";
  }
  return "error";
}

namespace {

std::string with_unit(const Number& v, const Unit& u) {
  return v.display() + u.symbol;
}

std::string describe_actual(const ActualForm& a) {
  struct Describe {
    std::string operator()(const ActualQuantity&) const { return tr("a figure"); }
    std::string operator()(const ActualDate&) const { return tr("a date"); }
    std::string operator()(const ActualLevel& l) const {
      return l.word == "是" ? tr("a yes/no answer") : tr("the level word '{}'", l.spelled);
    }
    std::string operator()(const ActualGrade&) const { return tr("a grade"); }
    std::string operator()(const ActualText& t) const { return tr("the text '{}'", t.text); }
    std::string operator()(const ActualNone&) const { return tr("nothing"); }
  };
  return std::visit(Describe{}, a);
}

class Judge {
 public:
  Judge(const Constraint& c, const Actual& a, const EvaluationContext& ctx)
      : c_(c), a_(a), ctx_(ctx) {
    if (!ctx.explain) return;  // batch: no per-row copies of strings it never reads
    v_.assumptions = c.assumptions;
    v_.assumptions.insert(v_.assumptions.end(), a.assumptions.begin(), a.assumptions.end());
  }

  Verdict run() {
    if (std::holds_alternative<NoTarget>(c_.form)) {
      v_.kind = VerdictKind::no_target;
      v_.explanation = tr("the table sets no target for this indicator");
      return std::move(v_);
    }
    if (auto* none = std::get_if<ActualNone>(&a_.form)) {
      v_.kind = VerdictKind::missing;
      v_.explanation =
          none->written.empty() || a_.written.find_first_not_of(" \t") == std::string::npos
              ? std::string(tr("no actual value was reported"))
              : tr("'{}' reports no value", none->written);
      return std::move(v_);
    }
    std::visit([this](const auto& form) { judge(form); }, c_.form);
    return std::move(v_);
  }

 private:
  void set(VerdictKind k, std::string why) {
    v_.kind = k;
    v_.explanation = std::move(why);
  }

  void judge(const NoTarget&) {}

  // The actual as a quantity in the unit of `like`; nullopt (and an error
  // verdict) when it is not a figure of the same dimension. `reference` is the
  // target's figure in `like`, for reading a bare fraction against a percent.
  std::optional<Number> actual_in(const Unit& like, const Number& reference) {
    const auto* q = std::get_if<ActualQuantity>(&a_.form);
    if (!q) {
      set(VerdictKind::error, like.symbol.empty()
                                  ? tr("the target needs a figure in numbers, but the actual is {}",
                                       describe_actual(a_.form))
                                  : tr("the target needs a figure in {}, but the actual is {}",
                                       like.symbol, describe_actual(a_.form)));
      return std::nullopt;
    }
    Unit unit = like;
    Number figure = q->value;
    if (!q->unit) {
      if (like.symbol == "%" && figure.sign() > 0 && figure < Number::integer(1)) {
        if (!fraction_of_percent(figure, reference)) return std::nullopt;
      } else if (!like.symbol.empty()) {
        v_.assumptions.push_back(tr("actual has no unit: read as {} (the target's unit)",
                                    q->value.canonical() + like.symbol));
      }
    } else if (q->unit->dimensionless() && !q->unit->symbol.empty() && !like.dimensionless() &&
               like.dimension != "ratio") {
      // A bare 万 after a figure multiplies the target's base unit: 500万 → 500万元.
      std::string base = ctx_.units->base_symbol(like.dimension);
      if (base.empty() && like.dimension.starts_with("count:")) base = like.dimension.substr(6);
      unit = Unit{q->unit->symbol + base, like.dimension, q->unit->factor, true};
      v_.assumptions.push_back(tr("'{}' alone read as {}", q->unit->symbol, unit.symbol));
    } else {
      unit = *q->unit;
    }
    if (unit.dimension != like.dimension) {
      set(VerdictKind::error,
          tr("cannot compare: the actual {} is {}, the target is {}", a_.written,
             describe_dimension(unit.dimension), describe_dimension(like.dimension)));
      return std::nullopt;
    }
    Number value = figure * unit.factor / like.factor;
    if (ctx_.explain && figure != q->value)
      converted_ = tr("{} = {}; ", q->value.canonical(), with_unit(value, like));
    else if (ctx_.explain && unit.symbol != like.symbol)
      converted_ = tr("{} = {}; ", q->value.canonical() + unit.symbol, with_unit(value, like));
    return value;
  }

  // A figure between 0 and 1 with no unit against a target in %: Excel's
  // fraction (0.96 for 96%) or a percentage (0.96%). The reading within a
  // factor of ten of the target's figure is taken, as an assumption; when
  // neither is, the verdict is an error that says why. `figure` becomes the
  // figure in %.
  bool fraction_of_percent(Number& figure, const Number& reference) {
    Number as_fraction = figure * Number::integer(100);
    auto near = [&](const Number& x) {
      return reference.sign() > 0 && x * Number::integer(10) > reference &&
             x < reference * Number::integer(10);
    };
    std::string written = figure.canonical();
    if (near(as_fraction)) {
      v_.assumptions.push_back(
          tr("actual {} has no unit: read as the fraction {}% (near the target's {}%; as a "
             "percentage it would be {}%)",
             written, as_fraction.canonical(), reference.canonical(), written));
      figure = as_fraction;
      return true;
    }
    if (near(figure)) {
      v_.assumptions.push_back(
          tr("actual has no unit: read as {} (the target's unit)", written + "%"));
      return true;
    }
    set(VerdictKind::error,
        tr("the actual {} has no unit: as a fraction it is {}%, as a percentage {}%, and neither "
           "is near the target's {}%: write the unit",
           written, as_fraction.canonical(), written, reference.canonical()));
    return false;
  }

  // ---- approximate actuals: 600余人 (more than), 约40% (within ±5%) --------

  struct Edge {
    std::optional<Number> at;  // empty: unbounded
    bool inclusive = true;
  };
  struct Interval {
    Edge low, high;
  };
  // Whether `a` starts at or after `b` (lower edges).
  static bool low_within(const Edge& a, const Edge& b) {
    if (!b.at) return true;
    if (!a.at) return false;
    return *a.at > *b.at || (*a.at == *b.at && (b.inclusive || !a.inclusive));
  }
  static bool high_within(const Edge& a, const Edge& b) {
    if (!b.at) return true;
    if (!a.at) return false;
    return *a.at < *b.at || (*a.at == *b.at && (b.inclusive || !a.inclusive));
  }
  // Whether everything in `a` lies below everything in `b`.
  static bool below(const Edge& a_high, const Edge& b_low) {
    if (!a_high.at || !b_low.at) return false;
    return *a_high.at < *b_low.at ||
           (*a_high.at == *b_low.at && !(a_high.inclusive && b_low.inclusive));
  }

  const ActualQuantity* approximate() const {
    const auto* q = std::get_if<ActualQuantity>(&a_.form);
    return q && q->reading != ActualQuantity::Reading::exact ? q : nullptr;
  }

  // Judges an approximate actual, `value` in `unit`, against the values the
  // target allows (`target`, described as `wanted`): pass when every value
  // the actual may stand for meets it, fail when none does, else manual.
  void judge_band(const ActualQuantity& q, const Number& value, const Unit& unit,
                  const Interval& target, const std::string& wanted) {
    Interval band;
    std::string reads;
    if (q.reading == ActualQuantity::Reading::more_than) {
      band = {Edge{value, false}, Edge{}};
      reads = tr("{} is more than {}", a_.written, with_unit(value, unit));
    } else {
      Number margin = (value * Number::ratio(1, 20)).abs();
      band = {Edge{value - margin, true}, Edge{value + margin, true}};
      reads = tr("{} is about {}, read as [{}, {}] (±5%)", a_.written, with_unit(value, unit),
                 with_unit(value - margin, unit), with_unit(value + margin, unit));
    }
    VerdictKind kind = VerdictKind::manual;
    std::string how;
    if (low_within(band.low, target.low) && high_within(band.high, target.high)) {
      kind = VerdictKind::pass;
      how = tr("every such value meets {}", wanted);
    } else if (below(band.high, target.low) || below(target.high, band.low)) {
      kind = VerdictKind::fail;
      how = tr("no such value meets {}", wanted);
    } else {
      how = tr("some such values meet {} and some do not: a person must judge", wanted);
    }
    set(kind, ctx_.explain ? converted_ + tr("{}; {}", reads, how) : std::string());
  }

  void judge(const QuantityConstraint& t) {
    auto a = actual_in(t.target.unit, t.target.value);
    if (!a) return;
    const Number& target = t.target.value;
    if (const auto* q = approximate()) {
      Interval allowed;
      Edge at{target, t.op != Comparator::lt && t.op != Comparator::gt};
      if (t.op != Comparator::lt && t.op != Comparator::le) allowed.low = at;
      if (t.op != Comparator::gt && t.op != Comparator::ge) allowed.high = at;
      return judge_band(*q, *a, t.target.unit, allowed,
                        std::string(to_symbol(t.op)) + with_unit(target, t.target.unit));
    }
    bool ok = holds(t.op, *a, target);
    if (!ctx_.explain) return set(ok ? VerdictKind::pass : VerdictKind::fail, {});
    std::string claim = with_unit(*a, t.target.unit) + " " + to_symbol(t.op) + " " +
                        with_unit(target, t.target.unit);
    if (ok) {
      set(VerdictKind::pass, converted_ + tr("{} holds", claim));
      return;
    }
    Number gap = (*a - target).abs();
    bool short_of =
        t.op == Comparator::eq ? *a < target : (t.op == Comparator::ge || t.op == Comparator::gt);
    std::string why =
        gap.is_zero() ? tr("{} does not hold (the bound itself is excluded)", claim)
        : short_of    ? tr("{} does not hold (short by {})", claim, with_unit(gap, t.target.unit))
                      : tr("{} does not hold (over by {})", claim, with_unit(gap, t.target.unit));
    set(VerdictKind::fail, converted_ + why);
  }

  void judge(const RangeConstraint& t) {
    auto a = actual_in(t.high.unit, t.high.value);
    if (!a) return;
    Number low = t.low.base_value() / t.high.unit.factor;
    const Number& high = t.high.value;
    std::string range = std::string(t.low_inclusive ? "[" : "(") + with_unit(low, t.high.unit) +
                        ", " + with_unit(high, t.high.unit) + (t.high_inclusive ? "]" : ")");
    if (const auto* q = approximate())
      return judge_band(*q, *a, t.high.unit,
                        Interval{Edge{low, t.low_inclusive}, Edge{high, t.high_inclusive}},
                        tr("the range {}", range));
    bool above_low = t.low_inclusive ? *a >= low : *a > low;
    bool below_high = t.high_inclusive ? *a <= high : *a < high;
    if (!ctx_.explain)
      return set(above_low && below_high ? VerdictKind::pass : VerdictKind::fail, {});
    std::string value = with_unit(*a, t.high.unit);
    if (above_low && below_high)
      set(VerdictKind::pass, converted_ + tr("{} lies in {}", value, range));
    else
      set(VerdictKind::fail,
          converted_ + (above_low ? tr("{} lies outside {} (above it)", value, range)
                                  : tr("{} lies outside {} (below it)", value, range)));
  }

  void judge(const LevelConstraint& t) {
    if (t.op != Comparator::eq) return judge_grade(t);
    if (const auto* g = std::get_if<ActualGrade>(&a_.form))
      return graded(g->grade, tr("the grade"));
    const auto* l = std::get_if<ActualLevel>(&a_.form);
    if (!(l && l->word == t.word) && judge_on_scale(t.word)) return;
    if (const auto* text = std::get_if<ActualText>(&a_.form);
        text && detail::is_sentence(text->text)) {
      set(VerdictKind::manual,
          tr("a person must judge whether '{}' means '{}'", a_.written, t.word));
      return;
    }
    if (!l || (l->word == "是") != (t.word == "是")) {
      set(VerdictKind::error, tr("the target is the level '{}', but the actual is {}", t.word,
                                 describe_actual(a_.form)));
      return;
    }
    if (l->word != t.word) {
      set(VerdictKind::fail, tr("reported '{}', a different level from the target '{}'",
                                l->modifier + l->word, t.word));
      return;
    }
    graded(l->grade, tr("'{}'", l->spelled));
  }

  // The actual's word when it is one: 优秀, 不合格, 未达标.
  std::string actual_word() const {
    if (const auto* t = std::get_if<ActualText>(&a_.form)) return t->text;
    if (const auto* l = std::get_if<ActualLevel>(&a_.form)) return l->spelled;
    return "";
  }

  // A target and an actual on one grade scale: the better or equal word
  // meets the target. False (no verdict) when they are not on one scale.
  bool judge_on_scale(const std::string& target) {
    auto t = on_scale(target);
    auto a = on_scale(actual_word());
    if (!t || !a || t->scale != a->scale) return false;
    const GradeScale& scale = *t->scale;
    std::string said = tr("'{}'", scale.words[a->rank]);
    if (scale.bands && t->rank == 0) {
      graded(band_grade(a->rank), said);
      return true;
    }
    bool ok = a->rank <= t->rank;
    set(ok ? VerdictKind::pass : VerdictKind::fail,
        ok ? tr("{} is at or above '{}' on the scale {}", said, target, scale_text(scale))
           : tr("{} is below '{}' on the scale {}", said, target, scale_text(scale)));
    return true;
  }

  // 达成 / 部分达成 / 未达成 by rank on the 10号 bands.
  static Grade band_grade(std::size_t rank) {
    return rank == 0 ? Grade::met : rank == 1 ? Grade::partly : Grade::not_met;
  }

  // A grade word with a comparator (≥良好, 良好及以上, 合格及以下): the actual's
  // word is ranked on the target's scale. A word of another scale, an unknown
  // short word or anything but a word is an error that says why; a sentence
  // is for a person.
  void judge_grade(const LevelConstraint& t) {
    auto target = on_scale(t.word);
    if (!target) {  // the grammar admits only scale words; kept safe all the same
      set(VerdictKind::error, tr("'{}' is a word of no grade scale", t.word));
      return;
    }
    const GradeScale& scale = *target->scale;
    std::string wanted = to_symbol(t.op) + t.word;
    std::optional<std::size_t> rank;
    std::string said = tr("'{}'", a_.written);
    const auto* level = std::get_if<ActualLevel>(&a_.form);
    if (auto a = on_scale(actual_word()); a && a->scale == &scale) {
      rank = a->rank;
      said = tr("'{}'", scale.words[a->rank]);
    } else if (const auto* g = std::get_if<ActualGrade>(&a_.form); g && scale.bands) {
      rank = g->grade == Grade::met ? 0 : g->grade == Grade::partly ? 1 : 2;
    } else if (auto w = level ? on_scale(level->word) : std::nullopt; w && w->scale == &scale) {
      // 基本合格, 未达标 spelled otherwise: the word's rank, then its modifier.
      if (t.op == Comparator::le || t.op == Comparator::lt) {
        set(VerdictKind::manual,
            tr("a person must judge whether '{}' meets '{}'", a_.written, wanted));
        return;
      }
      rank = w->rank;
      said = tr("'{}'", level->spelled);
    } else if (a) {
      set(VerdictKind::error,
          tr("'{}' is a word of the scale {}, not of the target's scale {}: the two do not compare",
             actual_word(), scale_text(*a->scale), scale_text(scale)));
      return;
    } else if (const auto* text = std::get_if<ActualText>(&a_.form);
               text && detail::is_sentence(text->text)) {
      set(VerdictKind::manual,
          tr("a person must judge whether '{}' meets '{}'", a_.written, wanted));
      return;
    } else {
      set(VerdictKind::error,
          tr("the target is '{}' on the scale {}, but the actual is {}, which is not a word of "
             "that scale",
             wanted, scale_text(scale), describe_actual(a_.form)));
      return;
    }
    // 达成及以上 is 达成: the band decides, 部分达成 is partial.
    if (scale.bands && target->rank == 0 && t.op == Comparator::ge)
      return graded(band_grade(*rank), said);
    std::string on = scale_text(scale);
    bool ok = false;
    std::string why;
    switch (t.op) {
      case Comparator::ge:
        ok = *rank <= target->rank;
        why = ok ? tr("{} is at or above '{}' on the scale {}", said, t.word, on)
                 : tr("{} is below '{}' on the scale {}", said, t.word, on);
        break;
      case Comparator::gt:
        ok = *rank < target->rank;
        why = ok ? tr("{} is above '{}' on the scale {}", said, t.word, on)
                 : tr("{} is not above '{}' on the scale {}", said, t.word, on);
        break;
      case Comparator::le:
        ok = *rank >= target->rank;
        why = ok ? tr("{} is at or below '{}' on the scale {}", said, t.word, on)
                 : tr("{} is above '{}' on the scale {}", said, t.word, on);
        break;
      case Comparator::lt:
        ok = *rank > target->rank;
        why = ok ? tr("{} is below '{}' on the scale {}", said, t.word, on)
                 : tr("{} is not below '{}' on the scale {}", said, t.word, on);
        break;
      case Comparator::eq:
        break;
    }
    if (ok && level && level->grade != Grade::met && !on_scale(level->spelled)) {
      // 基本合格 against ≥合格: the word is reached, only in part.
      return graded(level->grade, said);
    }
    set(ok ? VerdictKind::pass : VerdictKind::fail, why);
  }

  void graded(Grade g, const std::string& what) {
    switch (g) {
      case Grade::met:
        set(VerdictKind::pass, tr("{} meets the target", what));
        return;
      case Grade::partly:
        set(VerdictKind::partial, tr("{} meets the target only in part", what));
        return;
      case Grade::not_met:
        set(VerdictKind::fail, tr("{} does not meet the target", what));
        return;
    }
  }

  static std::tuple<int, int, int> key(const CalendarDate& d, int year) {
    return {year, d.month, d.day.value_or(detail::days_in_month(year, d.month))};
  }

  static std::string show(const std::tuple<int, int, int>& k, bool with_year) {
    auto [y, m, d] = k;
    return (with_year ? std::to_string(y) + "年" : std::string()) + std::to_string(m) + "月" +
           std::to_string(d) + "日";
  }

  void judge(const DeadlineConstraint& t) {
    if (const auto* text = std::get_if<ActualText>(&a_.form)) {
      for (const char* w : {"按时完成", "如期完成", "已按时完成", "按期完成"})
        if (text->text == w) {
          v_.assumptions.push_back(
              tr("no completion date reported: '{}' taken at its word", text->text));
          set(VerdictKind::pass, tr("reported as done in time ('{}')", text->text));
          return;
        }
      for (const char* w : {"未按时完成", "逾期完成", "未如期完成", "未按期完成"})
        if (text->text == w) {
          set(VerdictKind::fail, tr("reported as not done in time ('{}')", text->text));
          return;
        }
      for (const char* w : {"进行中", "正在进行", "未完成"})
        if (text->text == w) return under_way(t, text->text);
    }
    const auto* d = std::get_if<ActualDate>(&a_.form);
    if (!d) {
      set(VerdictKind::error, tr("the target is a deadline, but the actual is {} (expected a date)",
                                 describe_actual(a_.form)));
      return;
    }
    std::optional<int> year = t.by.year ? t.by.year : ctx_.year;
    if (!year && d->date.year) {
      year = d->date.year;
      v_.assumptions.push_back(
          tr("the target names no year and no table year is known: the actual's year {} is used",
             *year));
    }
    bool with_year = year.has_value();
    if (!year) {
      year = 2000;  // a leap year, so that 2月29日 exists: both sides lack one
      v_.assumptions.push_back(
          tr("neither the target nor the actual names a year: compared as dates in one year"));
    }
    int actual_year = d->date.year.value_or(*year);
    if (!d->date.year && with_year)
      v_.assumptions.push_back(tr("the actual date has no year: read as {}", *year));
    // 次年3月底前 falls in the year after the table's.
    int by_year = !t.by.year && t.by.next_year && ctx_.year ? *ctx_.year + 1 : *year;
    auto by = key(t.by, by_year);
    auto done = key(d->date, actual_year);
    if (t.from) {
      auto from = key(*t.from, t.from->year.value_or(*year));
      if (done < from) {
        set(VerdictKind::fail, tr("{} is before the period starts ({})", show(done, with_year),
                                  show(from, with_year)));
        return;
      }
    }
    if (done <= by)
      set(VerdictKind::pass,
          tr("{} is on or before {}", show(done, with_year), show(by, with_year)));
    else
      set(VerdictKind::fail,
          tr("{} is after the deadline {}", show(done, with_year), show(by, with_year)));
  }

  // Work reported as under way (进行中), no date of completion: judged at the
  // end of the period reported on. A deadline passed by then is missed; one
  // still ahead is for a person to follow; an unknown period or year leaves it
  // to a person too.
  void under_way(const DeadlineConstraint& t, const std::string& said) {
    if (!ctx_.period || !ctx_.year) {
      set(VerdictKind::manual,
          tr("'{}': the work is under way; the period reported on is not known, so a person must "
             "judge it against the deadline",
             said));
      return;
    }
    const int by_year = t.by.year.value_or(*ctx_.year + (t.by.next_year ? 1 : 0));
    auto by = key(t.by, by_year);
    auto end = *ctx_.period == Period::half ? std::tuple{*ctx_.year, 6, 30}
                                            : std::tuple{*ctx_.year, 12, 31};
    if (end >= by)
      set(VerdictKind::fail, tr("'{}' at the period's end {}: not finished by the deadline {}",
                                said, show(end, true), show(by, true)));
    else
      set(VerdictKind::manual,
          tr("'{}': the work is under way, and the deadline {} is still ahead at the period's end "
             "{}",
             said, show(by, true), show(end, true)));
  }

  void judge(const TextConstraint& t) {
    if (const auto* g = std::get_if<ActualGrade>(&a_.form))
      return graded(g->grade, tr("the grade"));
    std::string said;
    if (const auto* text = std::get_if<ActualText>(&a_.form)) said = text->text;
    if (said == t.text) {
      set(VerdictKind::pass, tr("the actual states the target '{}'", t.text));
      return;
    }
    if (judge_on_scale(t.text)) return;
    for (const char* neg : {"未", "没有", "不", "尚未"})
      if (!said.empty() && said == neg + t.text) {
        set(VerdictKind::fail, tr("the actual states the opposite of '{}'", t.text));
        return;
      }
    set(VerdictKind::manual, tr("a person must judge whether '{}' meets '{}'", a_.written, t.text));
  }

  const Constraint& c_;
  const Actual& a_;
  const EvaluationContext& ctx_;
  Verdict v_;
  std::string converted_;  // "800公顷 = 12000亩; " when the actual was converted
};

}  // namespace

Verdict evaluate(const Constraint& target, const Actual& actual, const EvaluationContext& context) {
  return Judge(target, actual, context).run();
}

}  // namespace indicheck
