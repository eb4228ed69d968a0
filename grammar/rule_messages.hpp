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
                       "量表, 不适用, 期间, 级别, 说明, 超出, 每少 or 完成率");
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
                       "指标, 新增指标 or 评分");
INDICHECK_RULE_MESSAGE(x_over_eq, "expected 算达成, 算未达成 or 按名称 (超出 an = target)");
INDICHECK_RULE_MESSAGE(x_short_unit, "expected the unit short as a number (每少 1个百分点)");
INDICHECK_RULE_MESSAGE(x_deduct, "expected 扣 and the points taken off (扣 0.5分)");
INDICHECK_RULE_MESSAGE(x_deduct_points, "expected the points taken off as a number (扣 0.5分)");
INDICHECK_RULE_MESSAGE(x_ge, "expected ≥ (完成率 ≥95% 得 100%)");
INDICHECK_RULE_MESSAGE(x_step_at, "expected the completion as a percentage (完成率 ≥95%)");
INDICHECK_RULE_MESSAGE(x_gets, "expected 得 and the share of the weight (得 80%)");
INDICHECK_RULE_MESSAGE(x_step_fraction,
                       "expected the share of the weight as a percentage (得 80%)");
INDICHECK_RULE_MESSAGE(x_band_point,
                       "expected the point taken in the band as a percentage (达成 100%)");
INDICHECK_RULE_MESSAGE(x_margin, "expected the over-achievement margin as a percentage (超额 20%)");
INDICHECK_RULE_MESSAGE(x_control_word, "expected at least one word (控制词 成本 控制率)");
INDICHECK_RULE_MESSAGE(x_category_weight,
                       "expected the category's weight as a number (类别 产出 50)");
INDICHECK_RULE_MESSAGE(x_level1_word, "expected at least one 一级指标 label after 包括");
INDICHECK_RULE_MESSAGE(x_weight_word, "expected 分值 and a number (执行率 分值 10)");
INDICHECK_RULE_MESSAGE(x_execution_weight, "expected the weight as a number (执行率 分值 10)");
INDICHECK_RULE_MESSAGE(x_outlook, "expected 确定能 or 有可能");
INDICHECK_RULE_MESSAGE(x_progress, "expected the progress as a percentage (进度低于 50% 不可能)");
INDICHECK_RULE_MESSAGE(x_impossible_word,
                       "expected 不可能 after the progress (进度低于 50% 不可能)");
INDICHECK_RULE_MESSAGE(x_grading, "expected 按打印总分 or 按精确总分");
INDICHECK_RULE_MESSAGE(
    setting_line,
    "expected a setting: 依据, 达成, 部分达成, 未达成, 超额, 超出, 控制词, 类别, "
    "执行率, 已达全年, 半年达成, 进度低于 or 定级");
INDICHECK_RULE_MESSAGE(x_setting_block, "expected '{' to open the block of settings");
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
