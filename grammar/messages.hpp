#pragma once
// Every message a grammar can raise, in one table so they can be reviewed and
// translated together. A rule under pg::must<> without a message here does not
// compile (must_if with RequireMessage). The parser appends "; found X".

#include "grammar/actual_grammar.hpp"
#include "grammar/target_grammar.hpp"

namespace indicheck::grammar {

template <typename Rule>
inline constexpr const char* message = nullptr;

// lexicon
template <>
inline constexpr const char* message<fraction_digits> = "expected digits after the decimal point";
template <>
inline constexpr const char* message<second_point> = "a number has at most one decimal point";

// targets
template <>
inline constexpr const char* message<target::compared> =
    "expected a number (or, after '=', a level word) after the comparator";
template <>
inline constexpr const char* message<target::range_high> = "expected the upper bound of the range";
template <>
inline constexpr const char* message<bracket_quantity> = "expected a number as a range bound";
template <>
inline constexpr const char* message<bracket_sep> = "expected ',' between the two range bounds";
template <>
inline constexpr const char* message<target::range_close> =
    "expected ']' or ')' to close the range";
template <>
inline constexpr const char* message<target::end_of_target> = "expected the end of the target";

// actuals
template <>
inline constexpr const char* message<actual::end_of_actual> = "expected the end of the value";

struct errors {
  template <typename Rule>
  static constexpr const char* message = grammar::message<Rule>;
};

template <typename Rule>
using control = pg::must_if<errors>::control<Rule>;

}  // namespace indicheck::grammar
