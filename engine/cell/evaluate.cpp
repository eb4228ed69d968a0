#include "engine/cell/evaluate.hpp"

#include <tuple>

#include "engine/cell/parse_common.hpp"

namespace indicheck {

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
    std::string operator()(const ActualQuantity&) const { return "a figure"; }
    std::string operator()(const ActualDate&) const { return "a date"; }
    std::string operator()(const ActualLevel& l) const {
      return l.word == "是" ? "a yes/no answer" : "the level word '" + l.spelled + "'";
    }
    std::string operator()(const ActualGrade&) const { return "a grade"; }
    std::string operator()(const ActualText& t) const { return "the text '" + t.text + "'"; }
    std::string operator()(const ActualNone&) const { return "nothing"; }
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
      v_.explanation = "the table sets no target for this indicator";
      return std::move(v_);
    }
    if (auto* none = std::get_if<ActualNone>(&a_.form)) {
      v_.kind = VerdictKind::missing;
      v_.explanation =
          none->written.empty() || a_.written.find_first_not_of(" \t") == std::string::npos
              ? "no actual value was reported"
              : "'" + none->written + "' reports no value";
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
  // verdict) when it is not a figure of the same dimension.
  std::optional<Number> actual_in(const Unit& like) {
    const auto* q = std::get_if<ActualQuantity>(&a_.form);
    if (!q) {
      set(VerdictKind::error, "the target needs a figure in " +
                                  (like.symbol.empty() ? std::string("numbers") : like.symbol) +
                                  ", but the actual is " + describe_actual(a_.form));
      return std::nullopt;
    }
    Unit unit = like;
    if (!q->unit) {
      if (!like.symbol.empty())
        v_.assumptions.push_back("actual has no unit: read as " + q->value.canonical() +
                                 like.symbol + " (the target's unit)");
    } else if (q->unit->dimensionless() && !q->unit->symbol.empty() && !like.dimensionless() &&
               like.dimension != "ratio") {
      // A bare 万 after a figure multiplies the target's base unit: 500万 → 500万元.
      std::string base = ctx_.units->base_symbol(like.dimension);
      if (base.empty() && like.dimension.starts_with("count:")) base = like.dimension.substr(6);
      unit = Unit{q->unit->symbol + base, like.dimension, q->unit->factor, true};
      v_.assumptions.push_back("'" + q->unit->symbol + "' alone read as " + unit.symbol);
    } else {
      unit = *q->unit;
    }
    if (unit.dimension != like.dimension) {
      set(VerdictKind::error, "cannot compare: the actual " + a_.written + " is " +
                                  describe_dimension(unit.dimension) + ", the target is " +
                                  describe_dimension(like.dimension));
      return std::nullopt;
    }
    Number value = q->value * unit.factor / like.factor;
    if (ctx_.explain && unit.symbol != like.symbol)
      converted_ = q->value.canonical() + unit.symbol + " = " + with_unit(value, like) + "; ";
    return value;
  }

  void judge(const QuantityConstraint& t) {
    auto a = actual_in(t.target.unit);
    if (!a) return;
    const Number& target = t.target.value;
    bool ok = holds(t.op, *a, target);
    if (!ctx_.explain) return set(ok ? VerdictKind::pass : VerdictKind::fail, {});
    std::string claim = with_unit(*a, t.target.unit) + " " + to_symbol(t.op) + " " +
                        with_unit(target, t.target.unit);
    if (ok) {
      set(VerdictKind::pass, converted_ + claim + " holds");
      return;
    }
    Number gap = (*a - target).abs();
    std::string how;
    if (t.op == Comparator::eq)
      how = *a < target ? "short by " : "over by ";
    else
      how = (t.op == Comparator::ge || t.op == Comparator::gt) ? "short by " : "over by ";
    std::string gap_text = gap.is_zero() ? "" : " (" + how + with_unit(gap, t.target.unit) + ")";
    if (gap.is_zero()) gap_text = " (the bound itself is excluded)";
    set(VerdictKind::fail, converted_ + claim + " does not hold" + gap_text);
  }

  void judge(const RangeConstraint& t) {
    auto a = actual_in(t.high.unit);
    if (!a) return;
    Number low = t.low.base_value() / t.high.unit.factor;
    const Number& high = t.high.value;
    bool above_low = t.low_inclusive ? *a >= low : *a > low;
    bool below_high = t.high_inclusive ? *a <= high : *a < high;
    if (!ctx_.explain)
      return set(above_low && below_high ? VerdictKind::pass : VerdictKind::fail, {});
    std::string range = std::string(t.low_inclusive ? "[" : "(") + with_unit(low, t.high.unit) +
                        ", " + with_unit(high, t.high.unit) + (t.high_inclusive ? "]" : ")");
    std::string value = with_unit(*a, t.high.unit);
    if (above_low && below_high)
      set(VerdictKind::pass, converted_ + value + " lies in " + range);
    else
      set(VerdictKind::fail, converted_ + value + " lies outside " + range +
                                 (above_low ? " (above it)" : " (below it)"));
  }

  void judge(const LevelConstraint& t) {
    if (const auto* g = std::get_if<ActualGrade>(&a_.form)) return graded(g->grade, "the grade");
    const auto* l = std::get_if<ActualLevel>(&a_.form);
    if (const auto* text = std::get_if<ActualText>(&a_.form);
        text && detail::is_sentence(text->text)) {
      set(VerdictKind::manual,
          "a person must judge whether '" + a_.written + "' means '" + t.word + "'");
      return;
    }
    if (!l) {
      set(VerdictKind::error, "the target is the level '" + t.word + "', but the actual is " +
                                  describe_actual(a_.form));
      return;
    }
    if ((l->word == "是") != (t.word == "是")) {
      set(VerdictKind::error, "the target is the level '" + t.word + "', but the actual is " +
                                  describe_actual(a_.form));
      return;
    }
    if (l->word != t.word) {
      set(VerdictKind::fail, "reported '" + l->modifier + l->word +
                                 "', a different level from the target '" + t.word + "'");
      return;
    }
    graded(l->grade, "'" + l->spelled + "'");
  }

  void graded(Grade g, const std::string& what) {
    switch (g) {
      case Grade::met:
        set(VerdictKind::pass, what + " meets the target");
        return;
      case Grade::partly:
        set(VerdictKind::partial, what + " meets the target only in part");
        return;
      case Grade::not_met:
        set(VerdictKind::fail, what + " does not meet the target");
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
          v_.assumptions.push_back("no completion date reported: '" + text->text +
                                   "' taken at its word");
          set(VerdictKind::pass, "reported as done in time ('" + text->text + "')");
          return;
        }
      for (const char* w : {"未按时完成", "未完成", "逾期完成", "未如期完成", "未按期完成"})
        if (text->text == w) {
          set(VerdictKind::fail, "reported as not done in time ('" + text->text + "')");
          return;
        }
    }
    const auto* d = std::get_if<ActualDate>(&a_.form);
    if (!d) {
      set(VerdictKind::error, "the target is a deadline, but the actual is " +
                                  describe_actual(a_.form) + " (expected a date)");
      return;
    }
    std::optional<int> year = t.by.year ? t.by.year : ctx_.year;
    if (!year && d->date.year) {
      year = d->date.year;
      v_.assumptions.push_back(
          "the target names no year and no table year is known: the actual's "
          "year " +
          std::to_string(*year) + " is used");
    }
    bool with_year = year.has_value();
    if (!year) {
      year = 2000;  // a leap year, so that 2月29日 exists: both sides lack one
      v_.assumptions.push_back(
          "neither the target nor the actual names a year: compared as dates "
          "in one year");
    }
    int actual_year = d->date.year.value_or(*year);
    if (!d->date.year && with_year)
      v_.assumptions.push_back("the actual date has no year: read as " + std::to_string(*year));
    auto by = key(t.by, *year);
    auto done = key(d->date, actual_year);
    if (t.from) {
      auto from = key(*t.from, *year);
      if (done < from) {
        set(VerdictKind::fail,
            show(done, with_year) + " is before the period starts (" + show(from, with_year) + ")");
        return;
      }
    }
    if (done <= by)
      set(VerdictKind::pass, show(done, with_year) + " is on or before " + show(by, with_year));
    else
      set(VerdictKind::fail,
          show(done, with_year) + " is after the deadline " + show(by, with_year));
  }

  void judge(const TextConstraint& t) {
    if (const auto* g = std::get_if<ActualGrade>(&a_.form)) return graded(g->grade, "the grade");
    std::string said;
    if (const auto* text = std::get_if<ActualText>(&a_.form)) said = text->text;
    if (said == t.text) {
      set(VerdictKind::pass, "the actual states the target '" + t.text + "'");
      return;
    }
    for (const char* neg : {"未", "没有", "不", "尚未"})
      if (!said.empty() && said == neg + t.text) {
        set(VerdictKind::fail, "the actual states the opposite of '" + t.text + "'");
        return;
      }
    set(VerdictKind::manual,
        "a person must judge whether '" + a_.written + "' meets '" + t.text + "'");
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
