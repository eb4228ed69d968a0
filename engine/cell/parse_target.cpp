// Actions for grammar/target_grammar.hpp: they record the pieces of a target
// as matched; build() then gives them meaning (units, comparators, dates) and
// raises the errors that need more than syntax.

#include <tao/pegtl.hpp>

#include "engine/base/diagnostic.hpp"
#include "engine/base/limits.hpp"
#include "engine/cell/bare_target.hpp"
#include "engine/cell/parse.hpp"
#include "engine/cell/parse_actions.hpp"
#include "engine/cell/parse_common.hpp"

namespace indicheck {

namespace {

namespace pg = tao::pegtl;
namespace g = grammar;
namespace gt = grammar::target;
using detail::Failure;

struct RawQuantity {
  std::string number;
  std::size_t number_byte = 0;
  std::string unit;
  std::size_t unit_byte = 0;
};

enum class Form {
  none,
  bracket_range,
  deadline,
  comparison,
  word_comparison,
  numeric,
  level,
  grade,
  approximate,
  text
};

struct Parts {
  Form form = Form::none;
  std::optional<Comparator> op;
  std::string op_text;
  std::size_t op_byte = 0;
  bool op_is_reach = false;  // 达到: may pair with 以上
  std::optional<Comparator> suffix;
  std::string suffix_text;
  std::size_t suffix_byte = 0;
  std::vector<RawQuantity> quantities;
  RawQuantity pending;
  bool low_inclusive = true;
  bool high_inclusive = true;
  std::string year, from_year, month, from_month, day, quarter;
  std::size_t date_byte = 0, month_byte = 0, day_byte = 0;
  bool month_end = false;  // 底 / 末
  bool before = false;     // 前 / 之前 / 以前
  std::string before_text;
  std::size_t before_byte = 0;
  bool next_year = false;   // 次年
  bool whole_year = false;  // 2024年内
  std::string about;        // 约, 左右, 余: an approximate figure
  std::string level;
  std::size_t level_byte = 0;
  std::string text;
};

template <typename Rule>
struct action : pg::nothing<Rule> {};

template <Form F>
using fresh = detail::fresh<Parts, F>;

template <>
struct action<gt::bracket_range> : fresh<Form::bracket_range> {};
template <>
struct action<gt::deadline> : fresh<Form::deadline> {};
template <>
struct action<gt::month_span> : fresh<Form::none> {};
template <>
struct action<gt::year_end> : fresh<Form::none> {};
template <>
struct action<gt::this_year_end> : fresh<Form::none> {};
template <>
struct action<gt::dated_deadline> : fresh<Form::none> {};
template <>
struct action<gt::month_period> : fresh<Form::none> {};
template <>
struct action<gt::whole_year> : fresh<Form::none> {};
template <>
struct action<gt::numeric_deadline> : fresh<Form::none> {};
template <>
struct action<gt::quarter_deadline> : fresh<Form::none> {};
template <>
struct action<gt::compared_month> : fresh<Form::none> {};
template <>
struct action<gt::compared_quarter> : fresh<Form::none> {};
template <>
struct action<gt::compared_day> : fresh<Form::none> {};
template <>
struct action<gt::compared_year> : fresh<Form::none> {};
template <>
struct action<gt::compared_year_end> : fresh<Form::none> {};
template <>
struct action<gt::compared_numeric> : fresh<Form::none> {};
template <>
struct action<gt::approximate> : fresh<Form::approximate> {};
template <>
struct action<gt::whole_year_mark> {
  static void apply0(Parts& p) { p.whole_year = true; }
};
template <>
struct action<g::next_year> {
  static void apply0(Parts& p) { p.next_year = true; }
};
template <>
struct action<g::quarter_number> : detail::record<&Parts::quarter> {};
template <>
struct action<gt::before_mark> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, Parts& p) {
    p.before = true;
    p.before_text = in.string();
    p.before_byte = in.position().byte;
  }
};
template <>
struct action<g::about_prefix> : detail::record<&Parts::about> {};
template <>
struct action<g::about_suffix> : detail::record<&Parts::about> {};
template <>
struct action<g::more_mark> : detail::record<&Parts::about> {};
template <>
struct action<gt::symbolic_comparison> : fresh<Form::comparison> {};
template <>
struct action<gt::word_comparison> : fresh<Form::word_comparison> {};
template <>
struct action<gt::numeric> : fresh<Form::numeric> {};
template <>
struct action<gt::level> : fresh<Form::level> {};
template <>
struct action<gt::grade_comparison> : fresh<Form::grade> {};

template <>
struct action<gt::text> : detail::take_text<Form::text> {};

template <>
struct action<g::number> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, Parts& p) {
    p.pending.number = in.string();
    p.pending.number_byte = in.position().byte;
  }
};
template <>
struct action<g::bracket_number> : action<g::number> {};

template <>
struct action<g::unit> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, Parts& p) {
    p.pending.unit = in.string();
    p.pending.unit_byte = in.position().byte;
  }
};

template <>
struct action<g::quantity> {
  template <typename ActionInput>
  static void apply(const ActionInput& /*in*/, Parts& p) {
    p.quantities.push_back(std::move(p.pending));
    p.pending = {};
  }
};
template <>
struct action<g::bracket_quantity> : action<g::quantity> {};
template <>
struct action<gt::range_high> : action<g::quantity> {};

// A comparator before the figure; 达到 may pair with 以上.
template <detail::ComparatorRule Rule>
struct action<Rule> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, Parts& p) {
    p.op = detail::comparator_of<Rule>;
    p.op_text = in.string();
    p.op_byte = in.position().byte;
    p.op_is_reach = p.op_text == "达到";
  }
};

template <Comparator Op>
struct set_suffix {
  template <typename ActionInput>
  static void apply(const ActionInput& in, Parts& p) {
    p.suffix = Op;
    p.suffix_text = in.string();
    p.suffix_byte = in.position().byte;
  }
};
template <>
struct action<g::suffix_ge> : set_suffix<Comparator::ge> {};
template <>
struct action<g::suffix_le> : set_suffix<Comparator::le> {};
template <>
struct action<gt::grade_below> : set_suffix<Comparator::le> {};

template <>
struct action<g::open_exclusive> {
  static void apply0(Parts& p) { p.low_inclusive = false; }
};
template <>
struct action<g::close_exclusive> {
  static void apply0(Parts& p) { p.high_inclusive = false; }
};

template <>
struct action<g::year_number> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, Parts& p) {
    if (!p.year.empty()) p.from_year = p.year;  // 2020年1月--2020年11月
    p.year = in.string();
    if (p.from_year.empty()) p.date_byte = in.position().byte;
  }
};
template <>
struct action<g::month_number> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, Parts& p) {
    if (!p.month.empty()) p.from_month = p.month;  // 1-12月
    p.month = in.string();
    p.month_byte = in.position().byte;
    if (p.year.empty()) p.date_byte = in.position().byte;
  }
};
template <>
struct action<g::numeric_month> : action<g::month_number> {};
template <>
struct action<g::day_number> : detail::record_at<&Parts::day, &Parts::day_byte> {};
template <>
struct action<gt::end_mark> {
  static void apply0(Parts& p) { p.month_end = true; }
};
template <>
struct action<gt::compared_end> : action<gt::end_mark> {};
template <>
struct action<g::level_word> : detail::record_at<&Parts::level, &Parts::level_byte> {};
template <>
struct action<g::yes_word> : action<g::level_word> {};
template <>
struct action<g::grade_word> : action<g::level_word> {};

// ---- meaning ------------------------------------------------------------------

class Builder {
 public:
  Builder(const Parts& p, const UnitTable& units) : p_(p), units_(units) {}

  Constraint build() {
    Constraint c;
    c.form = form();
    c.assumptions = std::move(assumptions_);
    return c;
  }

 private:
  Quantity quantity(const RawQuantity& raw) {
    auto value = detail::read_number(raw.number);
    if (!value)
      throw Failure{raw.number_byte, Code::number_too_long,
                    tr("a number may have at most {} digits", kCellLimits.max_digits)};
    return Quantity{*value, detail::read_unit(raw.unit, units_, assumptions_)};
  }

  ConstraintForm form() {
    switch (p_.form) {
      case Form::bracket_range:
      case Form::numeric:
        if (p_.quantities.size() == 2) return range();
        return comparison();
      case Form::comparison:
      case Form::word_comparison:
        if (!p_.level.empty()) return compared_level();
        return comparison();
      case Form::deadline:
        return deadline();
      case Form::level:
        return LevelConstraint{p_.level};
      case Form::grade:
        return LevelConstraint{p_.level, comparator().value()};  // the grammar wants one
      case Form::approximate:
        throw Failure{0, Code::target_approximate,
                      tr("'{}' makes the figure approximate, and a target is a bound: write "
                         "the bound meant, such as ≥, ≤ or a range",
                         p_.about)};
      case Form::text:
        return text();
      case Form::none:
        break;
    }
    throw std::logic_error("target parsed into no form");
  }

  static std::string bare_assumption(const Quantity& q) {
    return bare_reading_assumption(q, Comparator::eq, "");
  }

  // The comparator written before and after the figure or word; nullopt when
  // neither is.
  std::optional<Comparator> comparator() const {
    if (p_.op && p_.suffix) {
      // 达到95%以上 says ≥ twice; any other pair is a contradiction or a typo.
      if (!(p_.op_is_reach && *p_.suffix == Comparator::ge))
        throw Failure{
            p_.suffix_byte, Code::comparator_repeated,
            tr("'{}' repeats the comparator '{}': write only one", p_.suffix_text, p_.op_text)};
      return Comparator::ge;
    }
    return p_.op ? p_.op : p_.suffix;
  }

  ConstraintForm comparison() {
    Quantity q = quantity(p_.quantities.at(0));
    if (auto op = comparator()) return QuantityConstraint{*op, std::move(q), false, {}};
    std::string note = bare_assumption(q);
    assumptions_.push_back(note);
    return QuantityConstraint{Comparator::eq, std::move(q), true, std::move(note)};
  }

  ConstraintForm compared_level() {
    if (p_.op != Comparator::eq)
      throw Failure{p_.op_byte, Code::level_with_comparator,
                    tr("a level word such as '{}' takes no comparator other than '='", p_.level)};
    if (p_.suffix)
      throw Failure{p_.suffix_byte, Code::level_with_suffix,
                    tr("a level word takes no '{}'", p_.suffix_text)};
    return LevelConstraint{p_.level};
  }

  ConstraintForm range() {
    Quantity low = quantity(p_.quantities[0]);
    Quantity high = quantity(p_.quantities[1]);
    // 80-100% writes the unit once: the bound without one takes the other's.
    if (low.unit.symbol.empty() && !high.unit.symbol.empty()) {
      low.unit = high.unit;
      assumptions_.push_back(tr("range lower bound has no unit: read as {}", low.written()));
    } else if (high.unit.symbol.empty() && !low.unit.symbol.empty()) {
      high.unit = low.unit;
      assumptions_.push_back(tr("range upper bound has no unit: read as {}", high.written()));
    }
    if (low.unit.dimension != high.unit.dimension)
      throw Failure{
          p_.quantities[1].number_byte, Code::range_kinds_differ,
          tr("the range bounds differ in kind: {} and {}", describe_dimension(low.unit.dimension),
             describe_dimension(high.unit.dimension))};
    if (low.base_value() > high.base_value())
      throw Failure{p_.quantities[0].number_byte, Code::range_empty,
                    tr("the range is empty: {} is above {}", low.written(), high.written())};
    return RangeConstraint{std::move(low), p_.low_inclusive, std::move(high), p_.high_inclusive};
  }

  ConstraintForm deadline() {
    DeadlineConstraint d;
    if (!p_.year.empty()) d.by.year = detail::read_small_number(p_.year);
    d.by.next_year = p_.next_year;
    d.by.month = p_.month.empty() ? 12 : detail::read_small_number(p_.month);
    if (!p_.quarter.empty()) {
      int q = detail::read_small_number(p_.quarter);
      d.by.month = q * 3;
      if (p_.before)
        assumptions_.push_back(
            tr("'第{}季度前' read as by the end of that quarter: {}月{}日 included", q, d.by.month,
               detail::days_in_month(2001, d.by.month)));
    }
    if (p_.whole_year) d.from = CalendarDate{d.by.year, 1, 1, false};
    if (d.by.month < 1 || d.by.month > 12)
      throw Failure{p_.month_byte, Code::no_such_month, tr("there is no month {}", d.by.month)};
    if (!p_.day.empty()) {
      int day = detail::read_small_number(p_.day);
      // With no year, February may have 29 days (the table's year decides later).
      int max = detail::days_in_month(d.by.year.value_or(2000), d.by.month);
      if (day < 1 || day > max)
        throw Failure{p_.day_byte, Code::no_such_day,
                      tr("there is no day {} in month {}", day, d.by.month)};
      d.by.day = day;
    }
    if (!p_.from_month.empty()) {
      int from = detail::read_small_number(p_.from_month);
      std::optional<int> from_year = d.by.year;
      if (!p_.from_year.empty()) from_year = detail::read_small_number(p_.from_year);
      // A period may run into the next year (2023年10月至2024年3月), never backwards.
      bool backwards = from_year != d.by.year && from_year && d.by.year ? *from_year > *d.by.year
                                                                        : from > d.by.month;
      if (from < 1 || from > 12 || backwards)
        throw Failure{p_.date_byte, Code::month_span_backwards,
                      tr("the months {}-{} are not a period", dated(from_year, from),
                         dated(d.by.year, d.by.month))};
      d.from = CalendarDate{from_year, from, 1, false};
    }
    if (p_.before && !p_.op && p_.day.empty() && !p_.month_end && p_.quarter.empty() &&
        p_.from_month.empty())
      assumptions_.push_back(
          tr("'{}月前' read as by the end of that month: {}月底 included", d.by.month, d.by.month));
    if (d.by.next_year)
      assumptions_.push_back(tr("次年: the year after the table's year"));
    else if (!d.by.year)
      assumptions_.push_back(tr("no year given: the table's year applies"));
    if (p_.op) d.by = compared_by(d.by);
    return d;
  }

  // The latest date a comparator before a date allows: ≤ takes the date
  // written to its end (≤2024年11月 is by 11月30日), < stops the day before it
  // starts (<2024年12月 is by 11月30日, <2024年11月30日 by 11月29日). ≥, > and =
  // give no latest date, so no deadline: refused, saying what to write.
  CalendarDate compared_by(CalendarDate end) const {
    switch (*p_.op) {
      case Comparator::ge:
      case Comparator::gt:
        throw Failure{p_.op_byte, Code::date_comparator_no_deadline,
                      tr("'{}' before a date sets only the earliest date allowed, and a time "
                         "target needs the latest: write the deadline (≤2024年11月, "
                         "2024年11月底前) or the period (2024年3月至2024年11月)",
                         p_.op_text)};
      case Comparator::eq:
        throw Failure{p_.op_byte, Code::date_comparator_no_deadline,
                      tr("'{}' before a date leaves open whether an earlier date meets it: "
                         "write the deadline (≤2024年11月, 2024年11月底前)",
                         p_.op_text)};
      case Comparator::le:
      case Comparator::lt:
        break;
    }
    // ≤2024年11月前: 前 says the comparator again.
    if (p_.before)
      throw Failure{
          p_.before_byte, Code::comparator_repeated,
          tr("'{}' repeats the comparator '{}': write only one", p_.before_text, p_.op_text)};
    return *p_.op == Comparator::lt ? day_before(first_day(end)) : end;
  }

  // The first day of the date as written, whose last day is `end`: the day,
  // 底 (the last day), the quarter's or the month's first, the year's first.
  CalendarDate first_day(CalendarDate end) const {
    if (end.day) return end;
    if (p_.month_end) {
      if (!end.year && end.month == 2)
        throw Failure{p_.op_byte, Code::date_comparator_no_deadline,
                      tr("the day before 2月底 depends on the year: write the year or the day "
                         "(≤2月27日)")};
      end.day = detail::days_in_month(end.year.value_or(2001), end.month);
      return end;
    }
    if (!p_.quarter.empty())
      end.month -= 2;
    else if (p_.month.empty())
      end.month = 1;
    end.day = 1;
    return end;
  }

  // The day before a month's first is that month's end (底, no day), as
  // <2024年3月 is 2024年2月底; so is the day before 1月1日: <2024年1月 is 2023年12月底.
  CalendarDate day_before(CalendarDate first) const {
    if (*first.day > 1)
      return CalendarDate{first.year, first.month, *first.day - 1, first.next_year};
    if (first.month > 1)
      return CalendarDate{first.year, first.month - 1, std::nullopt, first.next_year};
    if (first.year) return CalendarDate{*first.year - 1, 12, std::nullopt, false};
    if (first.next_year) return CalendarDate{std::nullopt, 12, std::nullopt, false};
    throw Failure{p_.op_byte, Code::date_comparator_no_deadline,
                  tr("before 1月1日 is the year before the table's: write the year "
                     "(<2025年1月1日)")};
  }

  // A month for a message: 11, or 2020年11月 when the period names years.
  std::string dated(std::optional<int> year, int month) const {
    if (p_.from_year.empty() || !year) return std::to_string(month);
    return std::to_string(*year) + "年" + std::to_string(month) + "月";
  }

  ConstraintForm text() {
    std::size_t bad = detail::damaged_text_at(p_.text);
    if (bad != std::string::npos) {
      if (bad > 0)
        throw Failure{0, Code::not_a_comparator,
                      tr("'{}' is not a comparator: expected one such as ≥, ≤, = or 不低于",
                         p_.text.substr(0, bad))};
      throw Failure{0, Code::target_unreadable,
                    tr("expected a comparator, a number, a level word or a phrase")};
    }
    return TextConstraint{p_.text};
  }

  const Parts& p_;
  const UnitTable& units_;
  std::vector<std::string> assumptions_;
};

// The quick path: `≥95%`, `=12000亩`, a symbolic comparator and one quantity
// with nothing around it. The full grammar tries bracket ranges and deadlines
// first: no range starts with a comparator, and the only deadlines that do are
// a comparator before a date (`≤2024年`, `≤11月底`, `≤3季度` would read as a
// quantity here), left out first. Then symbolic_comparison reads the
// comparator and `compared`, whose first choice is this same quantity rule,
// and finds no suffix at the end. So when this rule matches the whole text,
// the full grammar matches it the same way, with the same actions, and Builder
// gives the same Constraint. A text normalise would change is left to the
// general path.
struct quick_comparison
    : pg::seq<pg::not_at<gt::date_comparison>, g::symbolic_comparator, g::quantity, pg::eof> {};

}  // namespace

std::variant<Constraint, ParseError> parse_target(std::string_view written,
                                                  const UnitTable& units) {
  auto quick =
      detail::read_quick<quick_comparison, action, Parts>(written, "target", [&](Parts& p) {
        p.form = Form::comparison;
        return Builder(p, units).build();
      });
  if (quick) return std::move(*quick);
  return parse_target_by_grammar(written, units);
}

std::variant<Constraint, ParseError> parse_target_by_grammar(std::string_view written,
                                                             const UnitTable& units) {
  return detail::read_by_grammar<Constraint, gt::grammar, action, Parts>(
      written, Code::target_too_long, N_("a target may be at most {} bytes long"), "target",
      [&](std::vector<std::string> assumptions) {
        return Constraint{NoTarget{}, std::string(written), std::move(assumptions)};
      },
      [&](const Parts& p, const std::string& /*normalised*/) { return Builder(p, units).build(); });
}

}  // namespace indicheck
