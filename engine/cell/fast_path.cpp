// The fast paths batch takes for the common cells of large tables
// (engine/cell/fast_path.hpp): scanning a plain figure and a comparator, and
// judging a figure against a prepared quantity target. Each agrees with the
// general path (parse.hpp, evaluate.hpp) or declines.

#include "engine/cell/fast_path.hpp"

#include <tao/pegtl.hpp>

#include "engine/cell/parse_actions.hpp"

namespace indicheck {

namespace {

namespace pg = tao::pegtl;
namespace g = grammar;

// The comparator alone, to the end. No comparator spelling holds a digit or
// a sign, so where the whole target is a comparator and a quantity, the
// comparator ends exactly where the figure starts.
struct whole_comparator : pg::seq<g::symbolic_comparator, pg::eof> {};

template <typename Rule>
struct comparator_action : pg::nothing<Rule> {};
template <detail::ComparatorRule Rule>
struct comparator_action<Rule> {
  static void apply0(std::optional<Comparator>& op) { op = detail::comparator_of<Rule>; }
};

// The unit rule alone, to the end: whether a suffix is read whole as a unit.
struct whole_unit : pg::seq<g::unit, pg::eof> {};

}  // namespace

// ---- scanning a cell ------------------------------------------------------------

bool fast::scan_figure(std::string_view cell, char* buffer, Decimal& out) {
  if (cell.size() > 64) return false;
  auto text = drop_spaces(cell, buffer);  // normalise drops ASCII spaces anywhere
  return text && scan_plain_figure(*text, out);
}

bool fast::scan_comparison(std::string_view cell, char* buffer, std::string_view& prefix,
                           Decimal& figure) {
  if (cell.size() > 64) return false;
  auto text = drop_spaces(cell, buffer);  // normalise drops ASCII spaces anywhere
  if (!text) return false;
  cell = *text;
  std::size_t i = 0;
  while (i < cell.size() && !(cell[i] >= '0' && cell[i] <= '9') && cell[i] != '+' && cell[i] != '-')
    ++i;
  if (i == 0 || i == cell.size()) return false;
  prefix = cell.substr(0, i);
  return scan_figure(cell.substr(i), buffer, figure);  // no spaces left: buffer unused
}

std::optional<Comparator> fast::symbolic_comparator(std::string_view prefix) {
  std::optional<Comparator> op;
  pg::memory_input in(prefix, "target");
  if (!pg::parse<whole_comparator, comparator_action>(in, op)) return std::nullopt;
  return op;
}

fast::FigureUnit fast::figure_unit(std::string_view suffix, const UnitTable& units) {
  FigureUnit r;
  if (suffix.empty()) {
    r.known = true;  // a figure alone: the target's unit applies (evaluate)
    return r;
  }
  // After a figure only 年 and 月 can make a date (2024年11月, 12月); a date
  // separator (- / .) or a second point is not a unit, so it fails below.
  if (suffix.starts_with("年") || suffix.starts_with("月")) return r;
  pg::memory_input in(suffix, "unit");
  if (!pg::parse<whole_unit>(in)) return r;
  auto unit = units.lookup(suffix);              // read_unit without the opaque fallback
  if (!unit || unit->dimensionless()) return r;  // unknown, or a bare 万: general path
  r.known = true;
  r.unit = std::move(*unit);
  return r;
}

// ---- judging a figure ----------------------------------------------------------
//
// Judge::judge(QuantityConstraint) computes a = value · unit.factor / like.factor
// and tests holds(op, a, target). Every factor is positive, so that is the
// same test as holds(op, value · unit.factor, target · like.factor): both sides
// in the dimension's base unit. With value = mantissa / 10^scale, unit.factor =
// fn / fd and the base target = bn / bd (all denominators positive), it is the
// test of mantissa · fn · bd against bn · 10^scale · fd, in 128-bit integers.

std::optional<fast::PreparedQuantity> fast::prepare(const Constraint& target) {
  const auto* q = std::get_if<QuantityConstraint>(&target.form);
  if (!q || q->target.unit.factor.sign() <= 0) return std::nullopt;
  PreparedQuantity p;
  p.op = q->op;
  p.unit = &q->target.unit;
  std::int64_t num = 0, den = 1;
  if (!q->target.base_value().small(num, den)) return std::nullopt;
  p.base_num = num;
  p.base_den = den;
  return p;
}

namespace {
constexpr std::int64_t kPow10[] = {1,
                                   10,
                                   100,
                                   1000,
                                   10000,
                                   100000,
                                   1000000,
                                   10000000,
                                   100000000,
                                   1000000000,
                                   10000000000,
                                   100000000000,
                                   1000000000000,
                                   10000000000000,
                                   100000000000000,
                                   1000000000000000,
                                   10000000000000000,
                                   100000000000000000,
                                   1000000000000000000};
}  // namespace

std::optional<fast::PreparedQuantity> fast::prepare(Comparator op, const Decimal& figure,
                                                    const Unit& unit) {
  // Quantity::base_value: figure · factor.
  std::int64_t fn = 0, fd = 1;
  if (figure.scale >= std::size(kPow10) || !unit.factor.small(fn, fd) || fn <= 0)
    return std::nullopt;
  PreparedQuantity p;
  p.op = op;
  p.unit = &unit;
  p.base_num = __int128(figure.mantissa) * fn;
  p.base_den = __int128(kPow10[figure.scale]) * fd;
  p.mantissa = figure.mantissa;
  p.scale = static_cast<int>(figure.scale);
  return p;
}

std::optional<VerdictKind> fast::judge_figure(const PreparedQuantity& target, const Decimal& figure,
                                              const Unit* unit) {
  const Unit& like = *target.unit;
  // As actual_in: no unit written takes the target's; a bare 万 is not handled here.
  const Unit& u = unit ? *unit : like;
  if (unit && u.dimensionless()) return std::nullopt;
  // A figure between 0 and 1 with no unit against a percent may be a
  // fraction (0.96 for 96%): evaluate decides.
  if (!unit && like.symbol == "%" && figure.mantissa > 0 && figure.scale < std::size(kPow10) &&
      figure.mantissa < kPow10[figure.scale])
    return std::nullopt;
  if (&u != &like && u.dimension != like.dimension) return VerdictKind::error;
  if (&u == &like && target.scale >= 0) {
    // The same unit (its factor, positive, checked by prepare): the figures
    // compare as they are, brought to the same scale when that fits 64 bits.
    std::int64_t a = figure.mantissa, t = target.mantissa;
    const auto ts = static_cast<unsigned>(target.scale);
    bool overflow = false;
    if (figure.scale < ts)
      overflow = __builtin_mul_overflow(a, kPow10[ts - figure.scale], &a);
    else if (figure.scale > ts)
      overflow = __builtin_mul_overflow(t, kPow10[figure.scale - ts], &t);
    if (!overflow) return holds_ordered(target.op, a, t) ? VerdictKind::pass : VerdictKind::fail;
  }
  std::int64_t fn = 0, fd = 1;
  if (figure.scale >= std::size(kPow10) || !u.factor.small(fn, fd) || fn <= 0) return std::nullopt;
  // Each product of two 64-bit factors is exact in 128 bits; the second
  // products are checked, unless all their factors are below 2^63.
  __int128 a = __int128(figure.mantissa) * fn;
  __int128 t = __int128(kPow10[figure.scale]) * fd;
  constexpr __int128 kLimit = __int128(1) << 63;
  auto small = [&](__int128 v) { return v > -kLimit && v < kLimit; };
  if (small(a) && small(t) && small(target.base_num) && small(target.base_den)) {
    a *= target.base_den;
    t *= target.base_num;
  } else if (__builtin_mul_overflow(a, target.base_den, &a) ||
             __builtin_mul_overflow(t, target.base_num, &t)) {
    return std::nullopt;
  }
  return holds_ordered(target.op, a, t) ? VerdictKind::pass : VerdictKind::fail;
}

}  // namespace indicheck
