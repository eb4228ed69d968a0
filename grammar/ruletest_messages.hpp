#pragma once
// Every message the rule-test grammar (grammar/ruletest_grammar.hpp) can raise,
// each with its code (grammar/syntax_error.hpp). Each belongs to an `x_…`
// wrapper that stands only where it is required; the parser appends "; found X".

#include "grammar/ruletest_grammar.hpp"
#include "grammar/syntax_error.hpp"

namespace indicheck::grammar::tests {

template <typename Rule>
inline constexpr SyntaxMessage message{};

INDICHECK_SYNTAX_MESSAGE(x_gap, test_space_expected, N_("expected a space"));
INDICHECK_SYNTAX_MESSAGE(x_string, test_string_expected,
                         N_("expected a text in double quotes \"…\""));
INDICHECK_SYNTAX_MESSAGE(x_string_close, test_string_not_closed,
                         N_("expected '\"' to end the text on the same line"));
INDICHECK_SYNTAX_MESSAGE(x_name, test_name_expected,
                         N_("expected a name (write a name with other characters in 「…」)"));
INDICHECK_SYNTAX_MESSAGE(gr::x_quoted_text, test_quoted_name_empty,
                         N_("expected a name inside 「」"));
INDICHECK_SYNTAX_MESSAGE(gr::x_corner_close, test_quoted_name_not_closed,
                         N_("expected '」' to end the name on the same line"));
INDICHECK_SYNTAX_MESSAGE(x_period, test_period_expected, N_("expected 半年 or 全年"));
INDICHECK_SYNTAX_MESSAGE(
    x_verdict, test_verdict_expected,
    N_("expected a verdict: pass, fail, partial, manual, missing, error, "
       "no-target (or as a Chinese report prints them: 达成, 未达成, 部分达成, "
       "需人工判断, 未填报, 无法判定, 无目标值)"));
INDICHECK_SYNTAX_MESSAGE(x_check_subject, test_check_subject_expected,
                         N_("expected the check as written, in quotes (\"甲 = 乙 + 丙\"), or its "
                            "place (file.rules:12)"));
INDICHECK_SYNTAX_MESSAGE(x_figure_state, test_figure_state_expected, N_("expected 可用 or 错误"));
INDICHECK_SYNTAX_MESSAGE(x_severity, test_severity_expected, N_("expected 错误 or 警告"));
INDICHECK_SYNTAX_MESSAGE(x_diagnostic, test_diagnostic_expected,
                         N_("expected a diagnostic code (E3301) or a text in double quotes \"…\""));
INDICHECK_SYNTAX_MESSAGE(x_segment, test_segment_expected, N_("expected a path segment after '/'"));
INDICHECK_SYNTAX_MESSAGE(x_path, test_path_expected,
                         N_("expected an indicator, as in an actuals file (预算执行率)"));
INDICHECK_SYNTAX_MESSAGE(x_decimal, test_number_expected, N_("expected a number (9.85)"));
INDICHECK_SYNTAX_MESSAGE(x_grade, test_grade_expected, N_("expected 优, 良, 中 or 差"));
INDICHECK_SYNTAX_MESSAGE(
    x_expectation, test_expectation_expected,
    N_("expected what to expect: 核对, 上报, 诊断, 得分, 总分, 等级, 审核, or an "
       "indicator and its verdict"));
INDICHECK_SYNTAX_MESSAGE(x_review_code, test_review_code_expected,
                         N_("expected the review rule's code (预期 审核 SZ001 1)"));
INDICHECK_SYNTAX_MESSAGE(x_finding_count, test_finding_count_expected,
                         N_("expected the number of findings, a whole number (预期 审核 SZ001 1)"));
INDICHECK_SYNTAX_MESSAGE(x_row_value, test_row_value_expected,
                         N_("expected the reported value after '='"));
INDICHECK_SYNTAX_MESSAGE(x_case_open, test_case_open_expected, N_("expected '{' to open the case"));
INDICHECK_SYNTAX_MESSAGE(
    x_statement, test_statement_expected,
    N_("expected a statement: 规则, 目标表, 用例, 期间, 实际, 报告, 跳过, 预期, "
       "'}', or a row such as 执行数 = 20956.34万元"));
INDICHECK_SYNTAX_MESSAGE(x_line_end, test_line_end_expected, N_("expected the end of the line"));

struct messages {
  template <typename Rule>
  static constexpr SyntaxMessage of = tests::message<Rule>;
};

template <typename Rule>
using control = coded_errors<messages, false>::control<Rule>;

}  // namespace indicheck::grammar::tests
