#pragma once
// Every message the target and actual grammars can raise, each with its code
// (grammar/syntax_error.hpp), in one table so they can be reviewed and
// translated together. A rule under pg::must<> without a message here does not
// compile. The parser appends "; found X".

#include "grammar/actual_grammar.hpp"
#include "grammar/syntax_error.hpp"
#include "grammar/target_grammar.hpp"

namespace indicheck::grammar {

template <typename Rule>
inline constexpr SyntaxMessage message{};

// lexicon
INDICHECK_SYNTAX_MESSAGE(fraction_digits, fraction_digits_missing,
                         N_("expected digits after the decimal point"));
INDICHECK_SYNTAX_MESSAGE(second_point, second_decimal_point,
                         N_("a number has at most one decimal point"));

// targets
INDICHECK_SYNTAX_MESSAGE(
    target::compared, target_comparand_missing,
    N_("expected a number (or, after '=', a level word) after the comparator"));
INDICHECK_SYNTAX_MESSAGE(target::range_high, range_upper_missing,
                         N_("expected the upper bound of the range"));
INDICHECK_SYNTAX_MESSAGE(bracket_quantity, range_bound_not_number,
                         N_("expected a number as a range bound"));
INDICHECK_SYNTAX_MESSAGE(bracket_sep, range_separator_missing,
                         N_("expected ',' between the two range bounds"));
INDICHECK_SYNTAX_MESSAGE(target::range_close, range_not_closed,
                         N_("expected ']' or ')' to close the range"));
INDICHECK_SYNTAX_MESSAGE(target::end_of_target, target_trailing_text,
                         N_("expected the end of the target"));

// actuals
INDICHECK_SYNTAX_MESSAGE(actual::end_of_actual, actual_trailing_text,
                         N_("expected the end of the value"));

struct messages {
  template <typename Rule>
  static constexpr SyntaxMessage of = message<Rule>;
};

template <typename Rule>
using control = coded_errors<messages, true>::control<Rule>;

}  // namespace indicheck::grammar
