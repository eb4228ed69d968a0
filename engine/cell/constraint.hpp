#pragma once
// Typed constraints: what a written target (指标值) means once parsed.

#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "engine/base/number.hpp"
#include "engine/base/unit.hpp"

namespace indicheck {

enum class Comparator { eq, lt, le, gt, ge };

// "=", "<", "<=", ">", ">=" — the JSON and explanation spelling.
const char* to_string(Comparator op);
// "=", "<", "≤", ">", "≥" — the spelling for people.
const char* to_symbol(Comparator op);
bool holds(Comparator op, const Number& actual, const Number& target);
// `actual op target` for any ordered type (the fast paths' exact integers).
template <typename T>
bool holds_ordered(Comparator op, const T& actual, const T& target) {
  switch (op) {
    case Comparator::eq:
      return actual == target;
    case Comparator::lt:
      return actual < target;
    case Comparator::le:
      return actual <= target;
    case Comparator::gt:
      return actual > target;
    case Comparator::ge:
      return actual >= target;
  }
  return false;
}

struct Quantity {
  Number value;  // as written, in `unit`
  Unit unit;
  // The value in the dimension's base unit.
  Number base_value() const { return value * unit.factor; }
  std::string written() const { return value.canonical() + unit.symbol; }
};

// `≥95%`, `=12000亩`, `不低于95%`, `5000人次以上`.
struct QuantityConstraint {
  Comparator op;
  Quantity target;
  // Written with no comparator (`95%`): `op` is a reading, by the indicator's
  // name when it is known (engine/cell/bare_target.hpp), else `=`.
  bool bare = false;
  // When bare: the constraint's assumption that says the reading, exactly as
  // said (in the run's language), so that a later reading (the indicator's
  // name, a rule's 裸值) replaces that one by equality, not by its words.
  std::string bare_note;
};

// `80%-100%`, `[80%,100%)`, `80%至100%`.
struct RangeConstraint {
  Quantity low;
  bool low_inclusive;
  Quantity high;
  bool high_inclusive;
};

// A calendar date; `day` empty means the month's last day; `year` empty means
// the table's year.
struct CalendarDate {
  std::optional<int> year;
  int month;
  std::optional<int> day;
  bool next_year = false;  // 次年: no `year`, the year after the table's
};

// `2024年12月底前`, `11月底前`, `2023年底`, `2024-12-31前`, `第三季度末` (a deadline);
// `1-12月`, `2024年内`, `2024年3月至2024年10月` (a period: `from` is its first day).
struct DeadlineConstraint {
  CalendarDate by;                   // latest date allowed, inclusive
  std::optional<CalendarDate> from;  // earliest date allowed, inclusive
};

// A qualitative level on its ordered scale: met (健全), partly (基本健全), not (不健全).
// A grade word may carry a comparator (≥良好, 良好及以上, 合格及以下): then the
// actual is ranked on the word's grade scale (engine/cell/grade_scale.hpp).
struct LevelConstraint {
  std::string word;
  Comparator op = Comparator::eq;  // eq: the word alone, or `=` before it
};

// A phrase or sentence a person must judge (`通过专家验收`).
struct TextConstraint {
  std::string text;
};

// Empty cell: the table sets no target here.
struct NoTarget {};

using ConstraintForm = std::variant<QuantityConstraint, RangeConstraint, DeadlineConstraint,
                                    LevelConstraint, TextConstraint, NoTarget>;

struct Constraint {
  ConstraintForm form;
  std::string written;                   // the cell as written
  std::vector<std::string> assumptions;  // every default applied while reading it

  // "quantity", "range", "deadline", "level", "text" or "none".
  const char* kind() const;
};

}  // namespace indicheck
