#pragma once
// Every message the rule-file grammar can raise, in one table. Each belongs to
// an `x_…` wrapper of grammar/rule_grammar.hpp, which stands only where it is
// required. The parser appends "; found X".

#include "grammar/rule_grammar.hpp"

namespace indicheck::grammar::rules {

template <typename Rule>
inline constexpr const char* message = nullptr;

#define INDICHECK_RULE_MESSAGE(rule, text) \
  template <>                              \
  inline constexpr const char* message<rule> = text

INDICHECK_RULE_MESSAGE(x_nest, "nesting is deeper than 32 levels");
INDICHECK_RULE_MESSAGE(x_expr, "expected a value: a number, a name, a function call or '('");
INDICHECK_RULE_MESSAGE(x_argument, "expected a value as the function's argument");
INDICHECK_RULE_MESSAGE(x_factor, "expected a value after the operator");
INDICHECK_RULE_MESSAGE(x_product, "expected a value after the operator");
INDICHECK_RULE_MESSAGE(x_close_paren, "expected ')' to close the '(' (or an operator)");
INDICHECK_RULE_MESSAGE(x_period, "expected 半年 or 全年");
INDICHECK_RULE_MESSAGE(x_close_bracket, "expected ']' after the column");
INDICHECK_RULE_MESSAGE(x_relation_tail,
                       "expected a comparison (=, ≠, <, ≤, >, ≥) between two values");
INDICHECK_RULE_MESSAGE(x_relation, "expected a comparison such as 甲 = 乙 + 丙");
INDICHECK_RULE_MESSAGE(x_gap, "expected a space");
INDICHECK_RULE_MESSAGE(x_target_text, "expected a target (指标值) such as ≥95%");
INDICHECK_RULE_MESSAGE(x_defines, "expected '=' after the name");
INDICHECK_RULE_MESSAGE(x_weight, "expected the weight (分值) as a number");
INDICHECK_RULE_MESSAGE(x_direction, "expected 越高越好, 越低越好 or 恰好");
INDICHECK_RULE_MESSAGE(x_tolerance, "expected the tolerance as a number with its unit (0.5%)");
INDICHECK_RULE_MESSAGE(x_places, "expected the number of decimal places (精度 2位小数)");
INDICHECK_RULE_MESSAGE(x_bare_op, "expected ≥, ≤ or = (how a bare value is read)");
INDICHECK_RULE_MESSAGE(x_name, "expected a name (write a name with other characters in 「…」)");
INDICHECK_RULE_MESSAGE(x_severity, "expected 错误 or 警告");
INDICHECK_RULE_MESSAGE(x_string, "expected a text in double quotes \"…\"");
INDICHECK_RULE_MESSAGE(x_string_close, "expected '\"' to end the text on the same line");
INDICHECK_RULE_MESSAGE(x_quoted_text, "expected a name inside 「」");
INDICHECK_RULE_MESSAGE(x_corner_close, "expected '」' to end the name on the same line");
INDICHECK_RULE_MESSAGE(x_line_end, "expected the end of the line");
INDICHECK_RULE_MESSAGE(x_block_close, "expected '}' to close the block");
INDICHECK_RULE_MESSAGE(clause_line,
                       "expected a clause: 半年, 全年, 实际值, 分值, 方向, 容差, 精度, 裸值, "
                       "量表, 不适用, 期间, 级别 or 说明");
INDICHECK_RULE_MESSAGE(band_line, "expected 达成, 部分达成 or 未达成, then the words of that band");
INDICHECK_RULE_MESSAGE(figure_line,
                       "expected a figure: its name, then 半年 and/or 全年 each with a value");
INDICHECK_RULE_MESSAGE(x_figure_value, "expected 半年 or 全年 and a value (全年 21274.97)");
INDICHECK_RULE_MESSAGE(x_figure_block, "expected '{' to open the block of figures");
INDICHECK_RULE_MESSAGE(x_scale_block, "expected '{' to open the bands of the scale");
INDICHECK_RULE_MESSAGE(x_clause_block, "expected '{' to open the block of clauses");
INDICHECK_RULE_MESSAGE(x_decimal, "expected a number");
INDICHECK_RULE_MESSAGE(x_unit, "expected a unit (万元, 亩, %, …)");
INDICHECK_RULE_MESSAGE(x_segment, "expected a path segment after '/'");
INDICHECK_RULE_MESSAGE(x_pattern, "expected an indicator path such as 过程/预算执行/预算执行率");
INDICHECK_RULE_MESSAGE(x_statement,
                       "expected a statement: 引用, 目标表, 单位, 量表, 预算, 上报, 定义, 核对, "
                       "指标 or 新增指标");
INDICHECK_RULE_MESSAGE(x_statement_end, "expected the end of the statement");

#undef INDICHECK_RULE_MESSAGE

struct errors {
  template <typename Rule>
  static constexpr const char* message = rules::message<Rule>;
};

// Rules under must<> that cannot fail (opt, star) need no message.
template <typename Rule>
using control = pg::must_if<errors, pg::normal, false>::control<Rule>;

}  // namespace indicheck::grammar::rules
