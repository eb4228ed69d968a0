#pragma once
// Every message the rule-test grammar (grammar/ruletest_grammar.hpp) can raise.
// Each belongs to an `x_…` wrapper that stands only where it is required; the
// parser appends "; found X".

#include "grammar/ruletest_grammar.hpp"

namespace indicheck::grammar::tests {

template <typename Rule>
inline constexpr const char* message = nullptr;

#define INDICHECK_TEST_MESSAGE(rule, text) \
  template <>                              \
  inline constexpr const char* message<rule> = text

INDICHECK_TEST_MESSAGE(x_gap, "expected a space");
INDICHECK_TEST_MESSAGE(x_string, "expected a text in double quotes \"…\"");
INDICHECK_TEST_MESSAGE(x_string_close, "expected '\"' to end the text on the same line");
INDICHECK_TEST_MESSAGE(x_name, "expected a name (write a name with other characters in 「…」)");
INDICHECK_TEST_MESSAGE(gr::x_quoted_text, "expected a name inside 「」");
INDICHECK_TEST_MESSAGE(gr::x_corner_close, "expected '」' to end the name on the same line");
INDICHECK_TEST_MESSAGE(x_period, "expected 半年 or 全年");
INDICHECK_TEST_MESSAGE(x_verdict,
                       "expected a verdict: pass, fail, partial, manual, missing, error, "
                       "no-target (or 达成, 未达成, 部分达成, 人工, 未报, 错误, 无目标)");
INDICHECK_TEST_MESSAGE(x_check_subject,
                       "expected the check as written, in quotes (\"甲 = 乙 + 丙\"), or its "
                       "place (file.rules:12)");
INDICHECK_TEST_MESSAGE(x_figure_state, "expected 可用 or 错误");
INDICHECK_TEST_MESSAGE(x_severity, "expected 错误 or 警告");
INDICHECK_TEST_MESSAGE(x_segment, "expected a path segment after '/'");
INDICHECK_TEST_MESSAGE(x_path, "expected an indicator, as in an actuals file (预算执行率)");
INDICHECK_TEST_MESSAGE(x_decimal, "expected a number (9.85)");
INDICHECK_TEST_MESSAGE(x_grade, "expected 优, 良, 中 or 差");
INDICHECK_TEST_MESSAGE(x_expectation,
                       "expected what to expect: 核对, 上报, 诊断, 得分, 总分, 等级, or an "
                       "indicator and its verdict");
INDICHECK_TEST_MESSAGE(x_row_value, "expected the reported value after '='");
INDICHECK_TEST_MESSAGE(x_case_open, "expected '{' to open the case");
INDICHECK_TEST_MESSAGE(x_statement,
                       "expected a statement: 规则, 目标表, 用例, 期间, 实际, 报告, 跳过, 预期, "
                       "'}', or a row such as 执行数 = 20956.34万元");
INDICHECK_TEST_MESSAGE(x_line_end, "expected the end of the line");

#undef INDICHECK_TEST_MESSAGE

struct errors {
  template <typename Rule>
  static constexpr const char* message = tests::message<Rule>;
};

template <typename Rule>
using control = pg::must_if<errors, pg::normal, false>::control<Rule>;

}  // namespace indicheck::grammar::tests
