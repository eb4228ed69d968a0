#pragma once
// Every message the rule-file grammar can raise, each with its code
// (grammar/syntax_error.hpp), in one table. Each belongs to an `x_…` wrapper
// of grammar/rule_grammar.hpp, which stands only where it is required. The
// parser appends "; found X".

#include "grammar/rule_grammar.hpp"
#include "grammar/syntax_error.hpp"

namespace indicheck::grammar::rules {

template <typename Rule>
inline constexpr SyntaxMessage message{};

INDICHECK_SYNTAX_MESSAGE(x_nest, rules_nesting_too_deep, N_("nesting is deeper than 32 levels"));
INDICHECK_SYNTAX_MESSAGE(x_expr, rules_value_expected,
                         N_("expected a value: a number, a name, a function call or '('"));
INDICHECK_SYNTAX_MESSAGE(x_argument, rules_argument_expected,
                         N_("expected a value as the function's argument"));
INDICHECK_SYNTAX_MESSAGE(x_factor, rules_operand_expected,
                         N_("expected a value after the operator"));
INDICHECK_SYNTAX_MESSAGE(x_product, rules_operand_expected,
                         N_("expected a value after the operator"));
INDICHECK_SYNTAX_MESSAGE(x_close_paren, rules_paren_not_closed,
                         N_("expected ')' to close the '(' (or an operator)"));
INDICHECK_SYNTAX_MESSAGE(x_period, rules_period_expected, N_("expected 半年 or 全年"));
INDICHECK_SYNTAX_MESSAGE(x_close_bracket, rules_bracket_not_closed,
                         N_("expected ']' after the column"));
INDICHECK_SYNTAX_MESSAGE(x_relation_tail, rules_comparison_expected,
                         N_("expected a comparison (=, ≠, <, ≤, >, ≥) between two values"));
INDICHECK_SYNTAX_MESSAGE(x_relation, rules_relation_expected,
                         N_("expected a comparison such as 甲 = 乙 + 丙"));
INDICHECK_SYNTAX_MESSAGE(x_gap, rules_space_expected, N_("expected a space"));
INDICHECK_SYNTAX_MESSAGE(x_target_text, rules_target_expected,
                         N_("expected a target (指标值) such as ≥95%"));
INDICHECK_SYNTAX_MESSAGE(x_defines, rules_equals_expected, N_("expected '=' after the name"));
INDICHECK_SYNTAX_MESSAGE(x_weight, rules_weight_expected,
                         N_("expected the weight (分值) as a number"));
INDICHECK_SYNTAX_MESSAGE(x_direction, rules_direction_expected,
                         N_("expected 越高越好, 越低越好 or 恰好"));
INDICHECK_SYNTAX_MESSAGE(x_tolerance, rules_tolerance_expected,
                         N_("expected the tolerance as a number with its unit (0.5%)"));
INDICHECK_SYNTAX_MESSAGE(x_places, rules_places_expected,
                         N_("expected the number of decimal places (精度 2位小数)"));
INDICHECK_SYNTAX_MESSAGE(x_bare_op, rules_bare_reading_expected,
                         N_("expected ≥, ≤ or = (how a bare value is read)"));
INDICHECK_SYNTAX_MESSAGE(x_name, rules_name_expected,
                         N_("expected a name (write a name with other characters in 「…」)"));
INDICHECK_SYNTAX_MESSAGE(x_severity, rules_severity_expected, N_("expected 错误 or 警告"));
INDICHECK_SYNTAX_MESSAGE(x_string, rules_string_expected,
                         N_("expected a text in double quotes \"…\""));
INDICHECK_SYNTAX_MESSAGE(x_string_close, rules_string_not_closed,
                         N_("expected '\"' to end the text on the same line"));
INDICHECK_SYNTAX_MESSAGE(x_quoted_text, rules_quoted_name_empty, N_("expected a name inside 「」"));
INDICHECK_SYNTAX_MESSAGE(x_corner_close, rules_quoted_name_not_closed,
                         N_("expected '」' to end the name on the same line"));
INDICHECK_SYNTAX_MESSAGE(x_line_end, rules_line_end_expected, N_("expected the end of the line"));
INDICHECK_SYNTAX_MESSAGE(x_block_close, rules_block_not_closed,
                         N_("expected '}' to close the block"));
INDICHECK_SYNTAX_MESSAGE(clause_line, rules_clause_expected,
                         N_("expected a clause: 半年, 全年, 实际值, 分值, 方向, 容差, 精度, 裸值, "
                            "量表, 不适用, 期间, 级别, 说明, 超出, 每少 or 完成率"));
INDICHECK_SYNTAX_MESSAGE(band_line, rules_band_expected,
                         N_("expected 达成, 部分达成 or 未达成, then the words of that band"));
INDICHECK_SYNTAX_MESSAGE(
    figure_line, rules_figure_expected,
    N_("expected a figure: its name, then 半年 and/or 全年 each with a value"));
INDICHECK_SYNTAX_MESSAGE(x_figure_value, rules_figure_value_expected,
                         N_("expected 半年 or 全年 and a value (全年 21274.97)"));
INDICHECK_SYNTAX_MESSAGE(x_figure_block, rules_figure_block_expected,
                         N_("expected '{' to open the block of figures"));
INDICHECK_SYNTAX_MESSAGE(x_scale_block, rules_scale_block_expected,
                         N_("expected '{' to open the bands of the scale"));
INDICHECK_SYNTAX_MESSAGE(x_clause_block, rules_clause_block_expected,
                         N_("expected '{' to open the block of clauses"));
INDICHECK_SYNTAX_MESSAGE(x_decimal, rules_number_expected, N_("expected a number"));
INDICHECK_SYNTAX_MESSAGE(x_unit, rules_unit_expected, N_("expected a unit (万元, 亩, %, …)"));
INDICHECK_SYNTAX_MESSAGE(x_segment, rules_segment_expected,
                         N_("expected a path segment after '/'"));
INDICHECK_SYNTAX_MESSAGE(x_pattern, rules_pattern_expected,
                         N_("expected an indicator path such as 过程/预算执行/预算执行率"));
INDICHECK_SYNTAX_MESSAGE(
    x_statement, rules_statement_expected,
    N_("expected a statement: 引用, 目标表, 单位, 量表, 预算, 上报, 定义, 核对, "
       "指标, 新增指标, 评分 or 审核"));
INDICHECK_SYNTAX_MESSAGE(x_over_eq, rules_over_eq_expected,
                         N_("expected 算达成, 算未达成 or 按名称 (超出 an = target)"));
INDICHECK_SYNTAX_MESSAGE(x_short_unit, rules_short_unit_expected,
                         N_("expected the unit short as a number (每少 1个百分点)"));
INDICHECK_SYNTAX_MESSAGE(x_deduct, rules_deduct_expected,
                         N_("expected 扣 and the points taken off (扣 0.5分)"));
INDICHECK_SYNTAX_MESSAGE(x_deduct_points, rules_deduct_points_expected,
                         N_("expected the points taken off as a number (扣 0.5分)"));
INDICHECK_SYNTAX_MESSAGE(x_ge, rules_ge_expected, N_("expected ≥ (完成率 ≥95% 得 100%)"));
INDICHECK_SYNTAX_MESSAGE(x_step_at, rules_step_at_expected,
                         N_("expected the completion as a percentage (完成率 ≥95%)"));
INDICHECK_SYNTAX_MESSAGE(x_gets, rules_gets_expected,
                         N_("expected 得 and the share of the weight (得 80%)"));
INDICHECK_SYNTAX_MESSAGE(x_step_fraction, rules_step_share_expected,
                         N_("expected the share of the weight as a percentage (得 80%)"));
INDICHECK_SYNTAX_MESSAGE(x_band_point, rules_band_point_expected,
                         N_("expected the point taken in the band as a percentage (达成 100%)"));
INDICHECK_SYNTAX_MESSAGE(x_margin, rules_margin_expected,
                         N_("expected the over-achievement margin as a percentage (超额 20%)"));
INDICHECK_SYNTAX_MESSAGE(x_control_word, rules_control_word_expected,
                         N_("expected at least one word (控制词 成本 控制率)"));
INDICHECK_SYNTAX_MESSAGE(x_category_weight, rules_category_weight_expected,
                         N_("expected the category's weight as a number (类别 产出 50)"));
INDICHECK_SYNTAX_MESSAGE(x_level1_word, rules_level1_expected,
                         N_("expected at least one 一级指标 label after 包括"));
INDICHECK_SYNTAX_MESSAGE(x_weight_word, rules_weight_word_expected,
                         N_("expected 分值 and a number (执行率 分值 10)"));
INDICHECK_SYNTAX_MESSAGE(x_execution_weight, rules_execution_weight_expected,
                         N_("expected the weight as a number (执行率 分值 10)"));
INDICHECK_SYNTAX_MESSAGE(x_outlook, rules_outlook_expected, N_("expected 确定能 or 有可能"));
INDICHECK_SYNTAX_MESSAGE(x_progress, rules_progress_expected,
                         N_("expected the progress as a percentage (进度低于 50% 不可能)"));
INDICHECK_SYNTAX_MESSAGE(x_impossible_word, rules_impossible_expected,
                         N_("expected 不可能 after the progress (进度低于 50% 不可能)"));
INDICHECK_SYNTAX_MESSAGE(x_grading, rules_grading_expected,
                         N_("expected 按打印总分 or 按精确总分"));
INDICHECK_SYNTAX_MESSAGE(
    setting_line, rules_setting_expected,
    N_("expected a setting: 依据, 达成, 部分达成, 未达成, 超额, 超出, 控制词, 类别, "
       "执行率, 已达全年, 半年达成, 进度低于 or 定级"));
INDICHECK_SYNTAX_MESSAGE(x_setting_block, rules_setting_block_expected,
                         N_("expected '{' to open the block of settings"));
INDICHECK_SYNTAX_MESSAGE(x_statement_end, rules_statement_end_expected,
                         N_("expected the end of the statement"));

// ---- review rules (审核) ----
INDICHECK_SYNTAX_MESSAGE(x_review_code, rules_review_code_expected,
                         N_("expected the review rule's code, letters and digits (审核 SZ001)"));
INDICHECK_SYNTAX_MESSAGE(x_review_block, rules_review_block_expected,
                         N_("expected '{' to open the lines of the review rule"));
INDICHECK_SYNTAX_MESSAGE(review_line, rules_review_line_expected,
                         N_("expected a line of a review rule: 范围, 每个, 至少一个, 没有, 预算, "
                            "级别, 问题 or 建议"));
INDICHECK_SYNTAX_MESSAGE(x_condition, rules_review_condition_expected,
                         N_("expected a condition: 类型, 比较, 单位, 数值, 要求, 类别, 一级, 二级, "
                            "性质, 名称, 指标值, 名称单位, 非 or one in parentheses"));
INDICHECK_SYNTAX_MESSAGE(x_conjunction, rules_review_condition_expected,
                         N_("expected a condition: 类型, 比较, 单位, 数值, 要求, 类别, 一级, 二级, "
                            "性质, 名称, 指标值, 名称单位, 非 or one in parentheses"));
INDICHECK_SYNTAX_MESSAGE(x_level_word, rules_review_category_expected,
                         N_("expected a category after 一级 or 二级: a 指标's name (二级 数量)"));
INDICHECK_SYNTAX_MESSAGE(x_contains, rules_review_contains_expected,
                         N_("expected 含 or 不含 after 名称 or 指标值"));
INDICHECK_SYNTAX_MESSAGE(
    x_cond_text_word, rules_review_word_expected,
    N_("expected a word in double quotes (\"有所\") or 数字 after 含 or 不含"));
INDICHECK_SYNTAX_MESSAGE(x_has_word, rules_review_name_unit_expected,
                         N_("expected 有 or 无 after 名称单位"));
INDICHECK_SYNTAX_MESSAGE(x_nature_word, rules_review_nature_expected,
                         N_("expected 正向 or 反向 after 性质"));
INDICHECK_SYNTAX_MESSAGE(
    x_category_word, rules_review_category_expected,
    N_("expected a category after 类别: a 一级 or 二级 指标's name (类别 成本)"));
INDICHECK_SYNTAX_MESSAGE(x_target_kind, rules_review_kind_expected,
                         N_("expected a kind of target: 数值, 区间, 时限, 等级, 文字 or 空"));
INDICHECK_SYNTAX_MESSAGE(x_cond_op, rules_review_comparator_expected,
                         N_("expected a comparator: ≥, ≤, >, < or ="));
INDICHECK_SYNTAX_MESSAGE(x_cond_operand, rules_review_value_expected,
                         N_("expected a number, with its unit when it has one (数值 ≥ 100万元), "
                            "or a figure of the funds block (数值 ≤ 年度资金总额)"));
INDICHECK_SYNTAX_MESSAGE(x_funds_condition, rules_review_funds_condition_expected,
                         N_("expected a condition over the funds block: a figure, a comparator and "
                            "a number or another figure (预算 资金总额 > 0)"));
INDICHECK_SYNTAX_MESSAGE(x_review_severity, rules_review_severity_expected,
                         N_("expected 错误, 警告 or 提示"));

struct messages {
  template <typename Rule>
  static constexpr SyntaxMessage of = rules::message<Rule>;
};

// Rules under must<> that cannot fail (opt, star) need no message.
template <typename Rule>
using control = coded_errors<messages, false>::control<Rule>;

}  // namespace indicheck::grammar::rules
