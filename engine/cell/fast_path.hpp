#pragma once
// Fast paths for the common cells of large tables (`≥95%`, `96%`, `1200个`,
// `9.45亩`), used by batch. Each gives exactly what the general path
// (normalise → PEGTL grammar → build → evaluate) gives, or declines, and the
// caller then takes the general path: they change speed, never a result.
// tests/batch/batch_test.cpp runs both paths over a large generated set of cells
// and requires the same result for every one.
//
// Exactness is kept: figures are integers scaled by a power of ten, compared
// with 128-bit products that are checked for overflow; anything that does not
// fit declines. No floating point.

#include <cstdint>
#include <optional>
#include <string_view>

#include "engine/base/normalise.hpp"
#include "engine/base/unit.hpp"
#include "engine/cell/actual.hpp"
#include "engine/cell/constraint.hpp"
#include "engine/cell/verdict.hpp"

namespace indicheck {

struct EvaluationContext;

namespace fast {

// A plain figure as written: `[+-]digits[.digits]` in ASCII, then the rest of
// the cell (its unit, if any). ASCII spaces anywhere are dropped, as normalise
// does; the figure has at most 18 digits, so `mantissa / 10^scale` is exact.
struct Decimal {
  std::int64_t mantissa = 0;  // signed
  unsigned scale = 0;         // digits after the point
  std::string_view suffix;    // the rest, spaces removed (points into `buffer`)
};

// Scans `cell` into `out`; false when it does not start with a plain figure,
// or a space stands where dropping it could hide invalid UTF-8 (drop_spaces).
// The suffix is not checked here: figure_unit says how it reads. `buffer` (64
// bytes) receives the cell without spaces when it had any; longer cells decline.
bool scan_figure(std::string_view cell, char* buffer, Decimal& out);

// scan_figure on a cell known to hold no ASCII space (at most 64 bytes): the
// figure and the rest, with no copy. Always inlined: batch calls it once per cell.
[[gnu::always_inline]] inline bool scan_plain_figure(std::string_view text, Decimal& out) {
  const char* p = text.data();
  const char* e = p + text.size();
  bool negative = false;
  if (p < e && (*p == '-' || *p == '+')) negative = *p++ == '-';
  std::int64_t m = 0;
  unsigned digits = 0, scale = 0;
  // At most 18 digits in all (10^18 < 2^63: the mantissa is exact); a longer
  // number leaves before `m` could overflow, for the general path.
  for (; p < e && *p >= '0' && *p <= '9'; ++p, ++digits) {
    if (digits == 18) return false;
    m = m * 10 + (*p - '0');
  }
  if (digits == 0) return false;
  if (p < e && *p == '.') {
    ++p;
    for (; p < e && *p >= '0' && *p <= '9'; ++p, ++scale) {
      if (digits + scale == 18) return false;
      m = m * 10 + (*p - '0');
    }
    if (scale == 0) return false;  // `95.`: the grammar's error
  }
  out.mantissa = negative ? -m : m;
  out.scale = scale;
  out.suffix = std::string_view(p, static_cast<std::size_t>(e - p));
  return true;
}

// Scans a target written as a comparator, a plain figure and the rest
// (`≥95%`, `＞＝ 12000 亩`): `prefix` is everything before the figure's first
// digit or sign. False when there is no prefix or no plain figure after it.
bool scan_comparison(std::string_view cell, char* buffer, std::string_view& prefix,
                     Decimal& figure);

// The comparator `prefix` is when parse_target reads it as the whole
// symbolic comparator before a quantity (`≥`, `>=`, `＞＝`, `＝`); nullopt
// otherwise (a word comparator, `≥≥`, anything else: the general path).
std::optional<Comparator> symbolic_comparator(std::string_view prefix);

// How parse_actual reads a cell that is a plain figure followed by `suffix`:
// `known` with `unit` (nullopt for an empty suffix: no unit written) when it is
// that figure in that unit with no assumption; not `known` when the cell must
// take the general path (a date such as 12月, a unit the grammar does not read
// whole, an unknown unit, a bare 万). A comparator and a plain figure followed
// by a `known` non-empty suffix is read by parse_target as that quantity in
// that unit, with no assumption.
struct FigureUnit {
  bool known = false;
  std::optional<Unit> unit;
};
FigureUnit figure_unit(std::string_view suffix, const UnitTable& units);

// A quantity target prepared for judging many figures: the comparator, the
// target's unit and its value in the dimension's base unit as a fraction
// (not necessarily reduced; the denominator is positive).
struct PreparedQuantity {
  Comparator op = Comparator::eq;
  const Unit* unit = nullptr;  // the target's unit (points into the Constraint or a cache)
  __int128 base_num = 0, base_den = 1;
  // The target's figure as written (`mantissa / 10^scale` in `unit`) when
  // prepared from a Decimal; scale -1 otherwise. An actual in the same unit is
  // then compared figure with figure, in 64 bits.
  std::int64_t mantissa = 0;
  int scale = -1;
};
// From a parsed target; nullopt for other targets, or a value too large.
std::optional<PreparedQuantity> prepare(const Constraint& target);
// From a comparator, a plain figure and its known unit, as parse_target reads them.
std::optional<PreparedQuantity> prepare(Comparator op, const Decimal& figure, const Unit& unit);

// The kind `evaluate(target, actual)` gives when the actual is `figure` in
// `unit` (null: written without a unit); nullopt when it cannot say exactly
// (a product overflows, a bare 万), and the caller must evaluate.
std::optional<VerdictKind> judge_figure(const PreparedQuantity& target, const Decimal& figure,
                                        const Unit* unit);

}  // namespace fast
}  // namespace indicheck
