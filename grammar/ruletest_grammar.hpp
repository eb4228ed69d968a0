#pragma once
// The rule-test language (.test files beside .rules files): docs/rule-tests.md
// is its reference. Rules only; engine/ruletest/parse.cpp builds the cases and
// grammar/ruletest_messages.hpp holds every message.
//
// A test file is read one line at a time, like a rule file: each line is a
// statement, `#` starts a comment, and a case is a `用例 名称 {` line, its
// clause lines and a `}` line. The words (names, paths, strings, periods)
// are the rule language's (grammar/rule_grammar.hpp).

#include <tao/pegtl.hpp>

#include "grammar/rule_grammar.hpp"

namespace indicheck::grammar::tests {

namespace pg = tao::pegtl;
namespace gr = indicheck::grammar::rules;

using gr::blanks;
using gr::gap;
using gr::keyword;

// ---- words ------------------------------------------------------------------
struct kw_rules : keyword<TAO_PEGTL_STRING("规则")> {};
struct kw_table : keyword<TAO_PEGTL_STRING("目标表")> {};
struct kw_case : keyword<TAO_PEGTL_STRING("用例")> {};
struct kw_period : keyword<TAO_PEGTL_STRING("期间")> {};
struct kw_actuals : keyword<TAO_PEGTL_STRING("实际")> {};
struct kw_report : keyword<TAO_PEGTL_STRING("报告")> {};
struct kw_skip : keyword<TAO_PEGTL_STRING("跳过")> {};
struct kw_expect : keyword<TAO_PEGTL_STRING("预期")> {};
struct kw_check : keyword<TAO_PEGTL_STRING("核对")> {};
struct kw_figure : keyword<TAO_PEGTL_STRING("上报")> {};
struct kw_diagnostic : keyword<TAO_PEGTL_STRING("诊断")> {};
struct kw_score : keyword<TAO_PEGTL_STRING("得分")> {};
struct kw_total : keyword<TAO_PEGTL_STRING("总分")> {};
struct kw_grade : keyword<TAO_PEGTL_STRING("等级")> {};

// A text in double quotes: its body is what the builder keeps.
struct string_body : gr::string_body {};
struct string_close : pg::one<'"'> {};
struct x_string_close : string_close {};
struct string_lit : pg::if_must<pg::one<'"'>, string_body, x_string_close> {};
struct x_string : string_lit {};

// An `x_…` wrapper is a seq<> around the rule, so that the rule's own action
// still runs when the wrapper matches.

// Verdicts, in English or in Chinese as the reports print them (需人工判断,
// 未填报, 无法判定, 无目标值), or the short Chinese forms. Longer words first.
struct verdict_word
    : pg::seq<
          pg::sor<
              TAO_PEGTL_STRING("no-target"), TAO_PEGTL_STRING("pass"), TAO_PEGTL_STRING("fail"),
              TAO_PEGTL_STRING("partial"), TAO_PEGTL_STRING("manual"), TAO_PEGTL_STRING("missing"),
              TAO_PEGTL_STRING("error"), TAO_PEGTL_STRING("部分达成"), TAO_PEGTL_STRING("未达成"),
              TAO_PEGTL_STRING("达成"), TAO_PEGTL_STRING("需人工判断"), TAO_PEGTL_STRING("人工"),
              TAO_PEGTL_STRING("未填报"), TAO_PEGTL_STRING("未报"), TAO_PEGTL_STRING("无法判定"),
              TAO_PEGTL_STRING("错误"), TAO_PEGTL_STRING("无目标值"), TAO_PEGTL_STRING("无目标")>,
          pg::not_at<gr::name_char>> {};
struct x_verdict : pg::seq<verdict_word> {};

// file.rules:74 (a place in a rule file, relative to the test file).
struct place_file
    : pg::plus<pg::not_at<pg::one<':'>>, pg::not_at<gr::blank>, pg::not_one<'"', '\r', '\n', '#'>> {
};
struct place_line : pg::plus<pg::ascii::digit> {};
struct place : pg::seq<place_file, pg::one<':'>, place_line, pg::not_at<gr::name_char>> {};

// An indicator key as in an actuals file: segments joined by '/'.
struct segment : pg::sor<gr::quoted_name, gr::bare_name> {};
struct x_segment : segment {};
struct path : pg::seq<segment, pg::star<gr::path_sep, x_segment>> {};
struct x_path : path {};

struct decimal : pg::seq<pg::opt<pg::one<'-'>>, gr::decimal> {};
struct x_decimal : pg::seq<decimal> {};
struct grade_word : pg::sor<TAO_PEGTL_STRING("优"), TAO_PEGTL_STRING("良"), TAO_PEGTL_STRING("中"),
                            TAO_PEGTL_STRING("差")> {};
struct x_grade : pg::seq<grade_word> {};
struct sev_error : TAO_PEGTL_STRING("错误") {};
struct sev_warning : TAO_PEGTL_STRING("警告") {};
struct x_severity : pg::sor<sev_error, sev_warning> {};
struct figure_ok : TAO_PEGTL_STRING("可用") {};
struct figure_bad : TAO_PEGTL_STRING("错误") {};
struct x_figure_state : pg::sor<figure_ok, figure_bad> {};
// A diagnostic code, as printed: a letter and four digits (E3301).
struct code_id
    : pg::seq<pg::one<'E', 'W'>, pg::rep<4, pg::ascii::digit>, pg::not_at<gr::name_char>> {};
// What a diagnostic or a figure's problem is expected to be: its code, or a
// text its message contains.
struct problem : pg::sor<code_id, string_lit> {};
struct x_diagnostic : problem {};

struct x_gap : gap {};
struct x_name : gr::name {};

// ---- file-level and case clauses --------------------------------------------
// 规则 "a.rules" "b.rules": the rule files a case loads.
struct rules_stmt : pg::if_must<kw_rules, x_gap, x_string, pg::star<gap, string_lit>> {};
// 目标表 "targets.tsv": the table, in place of the rules' own 目标表.
struct table_stmt : pg::if_must<kw_table, x_gap, x_string> {};
struct x_period : gr::period_word {};
struct period_stmt : pg::if_must<kw_period, x_gap, x_period> {};
struct actuals_stmt : pg::if_must<kw_actuals, x_gap, x_string> {};
struct report_stmt : pg::if_must<kw_report, x_gap, x_string> {};
struct skip_stmt : pg::if_must<kw_skip, pg::opt<gap, string_lit>> {};

// 预期 …: what the case must give.
// The trailing failure makes `place` an inner alternative, which PEGTL rewinds
// when it fails part-way, so an error points at the start of the subject.
struct check_subject : pg::sor<string_lit, place, pg::failure> {};
struct x_check_subject : check_subject {};
struct expect_check : pg::if_must<kw_check, x_gap, x_check_subject, x_gap, x_verdict> {};
struct expect_figure
    : pg::if_must<kw_figure, x_gap, x_name, x_gap, x_figure_state, pg::opt<gap, problem>> {};
struct expect_diagnostic
    : pg::if_must<kw_diagnostic, x_gap, x_severity, x_gap, pg::opt<place, gap>, x_diagnostic> {};
struct expect_score : pg::if_must<kw_score, x_gap, x_path, x_gap, x_decimal> {};
struct expect_total : pg::if_must<kw_total, x_gap, x_decimal> {};
struct expect_grade : pg::if_must<kw_grade, x_gap, x_grade> {};
struct expect_indicator : pg::seq<path, x_gap, x_verdict> {};
// 预期 审核 SZ001 2: the review rule (审核) with that code gives that many
// findings on the case's targets table (docs/review.md).
struct kw_review : keyword<TAO_PEGTL_STRING("审核")> {};
struct x_review_code : pg::seq<gr::review_code> {};
struct finding_count : pg::seq<pg::plus<pg::ascii::digit>, pg::not_at<gr::name_char>> {};
struct x_finding_count : pg::seq<finding_count> {};
struct expect_review : pg::if_must<kw_review, x_gap, x_review_code, x_gap, x_finding_count> {};
struct expectation : pg::sor<expect_check, expect_figure, expect_diagnostic, expect_score,
                             expect_total, expect_grade, expect_review, expect_indicator> {};
struct x_expectation : expectation {};
struct expect_stmt : pg::if_must<kw_expect, x_gap, x_expectation> {};

// 执行数 = 20956.34万元: an actuals row written in the case.
struct row_value
    : pg::plus<pg::not_at<blanks, pg::sor<pg::eol, pg::eof, pg::one<'#'>>>, pg::utf8::any> {};
struct x_row_value : pg::sor<string_lit, row_value> {};
struct row_equals : pg::sor<grammar::op_eq, pg::one<':'>, pg::utf8::one<0xFF1A>> {};
struct row_stmt : pg::seq<path, blanks, row_equals, pg::must<blanks, x_row_value>> {};

struct case_open : pg::one<'{'> {};
struct x_case_open : case_open {};
struct case_stmt : pg::if_must<kw_case, x_gap, x_name, blanks, x_case_open> {};
struct case_close : pg::one<'}'> {};

struct statement : pg::sor<case_stmt, case_close, rules_stmt, table_stmt, period_stmt, actuals_stmt,
                           report_stmt, skip_stmt, expect_stmt, row_stmt> {};
struct x_statement : statement {};
struct x_line_end : gr::end_of_line {};

// One line: blank, a comment, or one statement.
struct line
    : pg::sor<gr::empty_line, pg::seq<blanks, pg::eof>, pg::seq<blanks, x_statement, x_line_end>> {
};

}  // namespace indicheck::grammar::tests
