// Actions for grammar/actual_grammar.hpp.

#include <tao/pegtl.hpp>

#include "engine/base/diagnostic.hpp"
#include "engine/base/limits.hpp"
#include "engine/cell/parse.hpp"
#include "engine/cell/parse_actions.hpp"
#include "engine/cell/parse_common.hpp"

namespace indicheck {

namespace {

namespace pg = tao::pegtl;
namespace g = grammar;
namespace ga = grammar::actual;
using detail::Failure;

enum class Form { none, date, quantity, grade, level, yes_no, placeholder, text };

struct Parts {
  Form form = Form::none;
  std::string number, unit, year, month, day, level, modifier, text;
  std::size_t number_byte = 0, month_byte = 0, day_byte = 0;
  Grade grade = Grade::met;
  std::string done, op, about;  // 已完成, ≥, 约 / 左右 before or after a figure
  bool more = false;            // 余, 多
  bool year_alone = false;      // 2024年
};

template <typename Rule>
struct action : pg::nothing<Rule> {};

template <Form F>
using fresh = detail::fresh<Parts, F>;
template <>
struct action<ga::date> : fresh<Form::date> {};
template <>
struct action<ga::quantity_value> : fresh<Form::quantity> {};
template <>
struct action<ga::official_grade> : fresh<Form::grade> {};
template <>
struct action<ga::graded_level> : fresh<Form::level> {};
template <>
struct action<ga::yes_no> : fresh<Form::yes_no> {};
template <>
struct action<ga::placeholder> : fresh<Form::placeholder> {};
template <>
struct action<ga::prefixed_quantity> : fresh<Form::quantity> {};
template <>
struct action<ga::year_alone> {
  static void apply0(Parts& p) { p.year_alone = true; }
};
template <>
struct action<ga::done_prefix> : detail::record<&Parts::done> {};
template <>
struct action<ga::value_comparator> : detail::record<&Parts::op> {};
template <>
struct action<g::about_prefix> : detail::record<&Parts::about> {};
template <>
struct action<g::about_suffix> : detail::record<&Parts::about> {};
template <>
struct action<g::more_mark> {
  static void apply0(Parts& p) { p.more = true; }
};

template <>
struct action<ga::text> : detail::take_text<Form::text> {};

template <>
struct action<g::number> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, Parts& p) {
    p.number = in.string();
    p.number_byte = in.position().byte;
  }
};
template <>
struct action<g::unit> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, Parts& p) {
    p.unit = in.string();
  }
};

template <auto Field>
using record = detail::record<Field>;
template <auto Field, auto Byte>
using record_at = detail::record_at<Field, Byte>;
template <>
struct action<g::year_number> : record<&Parts::year> {};
template <>
struct action<g::month_number> : record_at<&Parts::month, &Parts::month_byte> {};
template <>
struct action<g::day_number> : record_at<&Parts::day, &Parts::day_byte> {};
template <>
struct action<g::level_word> : record<&Parts::level> {};
template <>
struct action<g::yes_word> : record<&Parts::level> {};
template <>
struct action<ga::modifier> : record<&Parts::modifier> {};
// In a numeric date the month is a bare digit pair between separators.
template <>
struct action<g::numeric_month> : record_at<&Parts::month, &Parts::month_byte> {};

template <>
struct action<g::no_word> {
  static void apply0(Parts& p) {
    p.level = "是";
    p.modifier = "否";
  }
};
template <Grade G>
struct set_grade {
  static void apply0(Parts& p) { p.grade = G; }
};
template <>
struct action<ga::grade_met> : set_grade<Grade::met> {};
template <>
struct action<ga::grade_partly> : set_grade<Grade::partly> {};
template <>
struct action<ga::grade_not_met> : set_grade<Grade::not_met> {};
template <>
struct action<ga::partly_modifier> : set_grade<Grade::partly> {};
template <>
struct action<ga::not_modifier> : set_grade<Grade::not_met> {};

ActualForm build(const Parts& p, const UnitTable& units, std::vector<std::string>& assumptions) {
  switch (p.form) {
    case Form::quantity: {
      auto value = detail::read_number(p.number);
      if (!value)
        throw Failure{p.number_byte, Code::number_too_long,
                      tr("a number may have at most {} digits", kCellLimits.max_digits)};
      ActualQuantity q{*value, std::nullopt};
      if (!p.unit.empty()) q.unit = detail::read_unit(p.unit, units, assumptions);
      std::string figure = p.number + p.unit;
      if (!p.done.empty())
        assumptions.push_back(
            tr("'{}' before the figure left out: the value is {}", p.done, figure));
      if (!p.op.empty())
        assumptions.push_back(
            tr("the value is written as a comparison '{}{}': its figure {} is taken as the value "
               "reached",
               p.op, figure, figure));
      if (!p.about.empty())
        q.reading = ActualQuantity::Reading::about;
      else if (p.more)
        q.reading = ActualQuantity::Reading::more_than;
      return q;
    }
    case Form::date: {
      CalendarDate d;
      if (!p.year.empty()) d.year = detail::read_small_number(p.year);
      if (p.year_alone) {
        assumptions.push_back(
            tr("a year alone: '{}年' read as its last day, {}年12月31日", p.year, p.year));
        d.month = 12;
        return ActualDate{d};
      }
      d.month = detail::read_small_number(p.month);
      if (d.month < 1 || d.month > 12)
        throw Failure{p.month_byte, Code::no_such_month, tr("there is no month {}", d.month)};
      if (!p.day.empty()) {
        int day = detail::read_small_number(p.day);
        if (day < 1 || day > detail::days_in_month(d.year.value_or(2000), d.month))
          throw Failure{p.day_byte, Code::no_such_day,
                        tr("there is no day {} in month {}", day, d.month)};
        d.day = day;
      }
      return ActualDate{d};
    }
    case Form::grade:
      return ActualGrade{p.grade};
    case Form::level:
      return ActualLevel{p.level, p.modifier, p.modifier.empty() ? Grade::met : p.grade,
                         p.modifier + p.level};
    case Form::yes_no:
      // 否 is the not-met end of the 是 scale, spelled as one word.
      return ActualLevel{"是", p.modifier, p.modifier.empty() ? Grade::met : Grade::not_met,
                         p.modifier.empty() ? "是" : "否"};
    case Form::placeholder:
      return ActualNone{p.text};
    case Form::text: {
      std::size_t bad = detail::damaged_text_at(p.text);
      if (bad == std::string::npos) return ActualText{p.text};
      std::string_view t = p.text;
      for (std::string_view op : {"≥", "≤", ">", "<", "=", "＞", "＜", "＝", "≧", "≦"})
        if (t.starts_with(op))
          throw Failure{0, Code::actual_is_comparison,
                        tr("an actual is a value, not a comparison: write the figure reached")};
      if (bad > 0)
        throw Failure{0, Code::actual_prefix,
                      tr("'{}' before the number is not part of a value: write the figure alone",
                         p.text.substr(0, bad))};
      throw Failure{0, Code::actual_unreadable, tr("expected a number, a date or a level word")};
    }
    case Form::none:
      break;
  }
  throw std::logic_error("actual parsed into no form");
}

// The quick path: `96%`, `1200个`, `9.45亩`, a quantity with nothing around it.
// The full grammar tries a date first, then quantity_value, which is this same
// quantity rule followed by the end. So when the text is not a date and this
// rule matches it whole, the full grammar reads it the same way, with the same
// actions, and build() gives the same Actual. A text normalise would change
// is left to the general path.
struct quick_quantity : pg::seq<pg::not_at<ga::date>, g::quantity, pg::eof> {};

}  // namespace

std::variant<Actual, ParseError> parse_actual(std::string_view written, const UnitTable& units) {
  auto quick = detail::read_quick<quick_quantity, action, Parts>(written, "actual", [&](Parts& p) {
    p.form = Form::quantity;
    Actual a;
    a.form = build(p, units, a.assumptions);
    return a;
  });
  if (quick) return std::move(*quick);
  return parse_actual_by_grammar(written, units);
}

std::variant<Actual, ParseError> parse_actual_by_grammar(std::string_view written,
                                                         const UnitTable& units) {
  return detail::read_by_grammar<Actual, ga::grammar, action, Parts>(
      written, Code::actual_too_long, N_("a value may be at most {} bytes long"), "actual",
      [&](std::vector<std::string> assumptions) {
        Actual a;
        a.form = ActualNone{std::string(written)};
        a.written = std::string(written);
        a.assumptions = std::move(assumptions);
        return a;
      },
      [&](Parts& p, const std::string& normalised) {
        // A placeholder keeps the whole cell, as normalised, for its text.
        if (p.form == Form::placeholder) p.text = normalised;
        Actual a;
        a.form = build(p, units, a.assumptions);
        return a;
      });
}

}  // namespace indicheck
