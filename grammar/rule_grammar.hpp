#pragma once
// The rule-file language (.rules): docs/rules.md is its reference.
// Rules only. The syntax tree is built by engine/rules/parse.cpp from a PEGTL
// parse tree; messages live in grammar/rule_messages.hpp.
//
// A file is a sequence of statements, one per line; a statement may open a
// `{ … }` block of clause lines. `#` starts a comment. Names are Chinese (or
// ASCII) words; a name with other characters is written in 「…」.

#include <tao/pegtl.hpp>

#include "engine/base/limits.hpp"
#include "grammar/lexicon.hpp"

namespace indicheck::grammar::rules {

namespace pg = tao::pegtl;

// ---- limits -----------------------------------------------------------------
// Nesting (parentheses, unary minus, figure blocks) is limited so that a hostile
// file cannot exhaust the stack; docs/limits.md documents the limit. The parser
// resets the counter before each statement; a statement that fails is
// abandoned as a whole, so the counter never leaks into the next one. The
// limit is RuleLimits::max_nesting (engine/base/limits.hpp).
inline constexpr unsigned kMaxNesting = kRuleLimits.max_nesting;
struct nesting {
  static unsigned& depth() {
    thread_local unsigned d = 0;
    return d;
  }
};
struct nest_in {  // fails once the limit is reached; under must<> that is an error
  using rule_t = nest_in;
  using subs_t = pg::empty_list;
  template <pg::apply_mode, pg::rewind_mode, template <typename...> class,
            template <typename...> class, typename ParseInput, typename... States>
  static bool match(ParseInput&, States&&...) {
    return ++nesting::depth() <= kMaxNesting;
  }
};
struct nest_out {
  using rule_t = nest_out;
  using subs_t = pg::empty_list;
  template <pg::apply_mode, pg::rewind_mode, template <typename...> class,
            template <typename...> class, typename ParseInput, typename... States>
  static bool match(ParseInput&, States&&...) {
    --nesting::depth();
    return true;
  }
};

// ---- layout -----------------------------------------------------------------
struct blank : pg::sor<pg::one<' ', '\t'>, pg::utf8::one<0x3000>> {};
struct blanks : pg::star<blank> {};
struct gap : pg::plus<blank> {};
struct comment : pg::seq<pg::one<'#'>, pg::star<pg::not_at<pg::eol>, pg::any>> {};
struct end_of_line : pg::seq<blanks, pg::opt<comment>, pg::sor<pg::eol, pg::eof>> {};
struct empty_line : pg::seq<blanks, pg::opt<comment>, pg::eol> {};
// After an operator an expression may go on on the next line.
struct continuation : pg::star<pg::sor<blank, pg::seq<pg::opt<comment>, pg::eol>>> {};

// ---- words ------------------------------------------------------------------
struct name_quote : pg::utf8::one<0x201C, 0x201D, 0x2018, 0x2019> {};  // “ ” ‘ ’
struct name_start : pg::sor<han, pg::ascii::alpha, pg::one<'_'>, name_quote> {};
struct name_char : pg::sor<name_start, pg::ascii::digit> {};
// The keywords of statements, clauses and bands. A name spelled like one is
// written in 「」, so that a statement is never read as part of the line before.
template <typename Word>
struct whole_word : pg::seq<Word, pg::not_at<name_char>> {};
struct reserved
    : pg::sor<whole_word<TAO_PEGTL_STRING("引用")>, whole_word<TAO_PEGTL_STRING("目标表")>,
              whole_word<TAO_PEGTL_STRING("单位")>, whole_word<TAO_PEGTL_STRING("量表")>,
              whole_word<TAO_PEGTL_STRING("预算")>, whole_word<TAO_PEGTL_STRING("组")>,
              whole_word<TAO_PEGTL_STRING("上报")>, whole_word<TAO_PEGTL_STRING("定义")>,
              whole_word<TAO_PEGTL_STRING("核对")>, whole_word<TAO_PEGTL_STRING("指标")>,
              whole_word<TAO_PEGTL_STRING("新增指标")>, whole_word<TAO_PEGTL_STRING("评分")>,
              whole_word<TAO_PEGTL_STRING("半年")>, whole_word<TAO_PEGTL_STRING("全年")>,
              whole_word<TAO_PEGTL_STRING("实际值")>, whole_word<TAO_PEGTL_STRING("分值")>,
              whole_word<TAO_PEGTL_STRING("方向")>, whole_word<TAO_PEGTL_STRING("容差")>,
              whole_word<TAO_PEGTL_STRING("精度")>, whole_word<TAO_PEGTL_STRING("裸值")>,
              whole_word<TAO_PEGTL_STRING("不适用")>, whole_word<TAO_PEGTL_STRING("期间")>,
              whole_word<TAO_PEGTL_STRING("级别")>, whole_word<TAO_PEGTL_STRING("说明")>,
              whole_word<TAO_PEGTL_STRING("达成")>, whole_word<TAO_PEGTL_STRING("部分达成")>,
              whole_word<TAO_PEGTL_STRING("未达成")>,
              // 评分 settings and the scoring clauses of a 指标 block
              whole_word<TAO_PEGTL_STRING("依据")>, whole_word<TAO_PEGTL_STRING("超额")>,
              whole_word<TAO_PEGTL_STRING("超出")>, whole_word<TAO_PEGTL_STRING("控制词")>,
              whole_word<TAO_PEGTL_STRING("类别")>, whole_word<TAO_PEGTL_STRING("包括")>,
              whole_word<TAO_PEGTL_STRING("执行率")>, whole_word<TAO_PEGTL_STRING("已达全年")>,
              whole_word<TAO_PEGTL_STRING("半年达成")>, whole_word<TAO_PEGTL_STRING("进度低于")>,
              whole_word<TAO_PEGTL_STRING("定级")>, whole_word<TAO_PEGTL_STRING("每少")>,
              whole_word<TAO_PEGTL_STRING("扣")>, whole_word<TAO_PEGTL_STRING("按整计")>,
              whole_word<TAO_PEGTL_STRING("完成率")>, whole_word<TAO_PEGTL_STRING("得")>,
              whole_word<TAO_PEGTL_STRING("算达成")>, whole_word<TAO_PEGTL_STRING("算未达成")>,
              whole_word<TAO_PEGTL_STRING("按名称")>, whole_word<TAO_PEGTL_STRING("确定能")>,
              whole_word<TAO_PEGTL_STRING("有可能")>, whole_word<TAO_PEGTL_STRING("不可能")>,
              whole_word<TAO_PEGTL_STRING("按打印总分")>,
              whole_word<TAO_PEGTL_STRING("按精确总分")>,
              // a review rule (审核): its statement keyword only
              whole_word<TAO_PEGTL_STRING("审核")>> {};
struct bare_name : pg::seq<pg::not_at<reserved>, name_start, pg::star<name_char>> {};
struct corner_open : pg::utf8::one<0x300C> {};   // 「
struct corner_close : pg::utf8::one<0x300D> {};  // 」
struct quoted_text : pg::plus<pg::not_at<pg::sor<corner_close, pg::eol>>, pg::utf8::any> {};
struct x_quoted_text : quoted_text {};
struct x_corner_close : corner_close {};
struct quoted_name : pg::if_must<corner_open, x_quoted_text, x_corner_close> {};
struct name : pg::sor<quoted_name, bare_name> {};

template <typename Word>
struct keyword : pg::seq<Word, pg::not_at<name_char>> {};
struct kw_import : keyword<TAO_PEGTL_STRING("引用")> {};
struct kw_table : keyword<TAO_PEGTL_STRING("目标表")> {};
struct kw_unit : keyword<TAO_PEGTL_STRING("单位")> {};
struct kw_scale : keyword<TAO_PEGTL_STRING("量表")> {};
struct kw_budget : keyword<TAO_PEGTL_STRING("预算")> {};
struct kw_group : keyword<TAO_PEGTL_STRING("组")> {};
struct kw_reported : keyword<TAO_PEGTL_STRING("上报")> {};
struct kw_define : keyword<TAO_PEGTL_STRING("定义")> {};
struct kw_check : keyword<TAO_PEGTL_STRING("核对")> {};
struct kw_indicator : keyword<TAO_PEGTL_STRING("指标")> {};
struct kw_new_indicator : keyword<TAO_PEGTL_STRING("新增指标")> {};
struct kw_scoring : keyword<TAO_PEGTL_STRING("评分")> {};

struct half_word : keyword<TAO_PEGTL_STRING("半年")> {};
struct year_word : keyword<TAO_PEGTL_STRING("全年")> {};
struct period_word : pg::sor<half_word, year_word> {};

// "…" with \" and \\ escapes, on one line.
struct string_char : pg::sor<pg::seq<pg::one<'\\'>, pg::one<'"', '\\'>>,
                             pg::seq<pg::not_one<'"', '\\', '\r', '\n'>>> {};
struct string_body : pg::star<string_char> {};
struct string_close : pg::one<'"'> {};
struct x_string_close : string_close {};
struct string_lit : pg::if_must<pg::one<'"'>, string_body, x_string_close> {};

// A plain decimal: digits with an optional fraction. Signs belong to expressions.
struct decimal
    : pg::seq<pg::plus<pg::ascii::digit>, pg::opt<pg::one<'.'>, pg::plus<pg::ascii::digit>>> {};
struct signed_decimal : pg::seq<pg::opt<pg::one<'-'>>, decimal> {};
struct unit_text : grammar::unit {};
struct literal : pg::seq<decimal, pg::opt<unit_text>> {};
struct signed_literal : pg::seq<signed_decimal, pg::opt<unit_text>> {};

// Every rule that stands under must<> (directly or in if_must<>) is an `x_…`
// wrapper used nowhere else: must_if raises a rule's message whenever that
// rule fails, so a message may only belong to a rule that is always required.
// Required rules are always written under must<>: the parse tree's control
// does not pass a failure on for rules it does not keep, so must_if alone
// would not raise there.
// grammar/rule_messages.hpp gives each wrapper its message.
template <typename Rule>
struct expect : Rule {};

// ---- expressions ------------------------------------------------------------
struct expr;
struct open_paren : pg::sor<pg::one<'('>, pg::utf8::one<0xFF08>> {};
struct close_paren : pg::sor<pg::one<')'>, pg::utf8::one<0xFF09>> {};
struct open_bracket : pg::sor<pg::one<'['>, pg::utf8::one<0xFF3B, 0x3010>> {};
struct close_bracket : pg::sor<pg::one<']'>, pg::utf8::one<0xFF3D, 0x3011>> {};
struct comma : pg::sor<pg::one<','>, pg::utf8::one<0xFF0C, 0x3001>> {};

struct x_nest : nest_in {};
struct x_unnest : nest_out {};
struct x_continuation : continuation {};
struct x_blanks : blanks {};
struct x_expr;
struct x_close_paren : close_paren {};
struct x_period : period_word {};
struct x_close_bracket : close_bracket {};

struct paren_expr : pg::if_must<open_paren, x_nest, x_continuation, x_expr, x_continuation,
                                x_close_paren, x_unnest> {};
struct column : pg::if_must<open_bracket, x_blanks, x_period, x_blanks, x_close_bracket> {};
struct reference : pg::seq<name, pg::opt<blanks, column>> {};
struct argument;
struct more_argument : pg::seq<continuation, comma, continuation, argument> {};
struct x_argument;
struct arguments : pg::if_must<open_paren, x_nest, x_continuation, x_argument,
                               pg::star<more_argument>, x_continuation, x_close_paren, x_unnest> {};
struct call : pg::seq<name, blanks, pg::at<open_paren>, arguments> {};
struct primary : pg::sor<paren_expr, literal, call, reference> {};

struct minus_op : pg::sor<pg::one<'-'>, pg::utf8::one<0xFF0D, 0x2212>> {};
struct factor;
struct x_factor;
struct negation : pg::if_must<minus_op, x_nest, x_blanks, x_factor, x_unnest> {};
struct factor : pg::sor<negation, primary> {};
struct x_factor : factor {};

struct times_op : pg::sor<pg::one<'*'>, pg::utf8::one<0x00D7>> {};   // * ×
struct divide_op : pg::sor<pg::one<'/'>, pg::utf8::one<0x00F7>> {};  // / ÷
struct plus_op : pg::sor<pg::one<'+'>, pg::utf8::one<0xFF0B>> {};
struct product_tail
    : pg::if_must<pg::seq<blanks, pg::sor<times_op, divide_op>>, x_continuation, x_factor> {};
struct product : pg::seq<factor, pg::star<product_tail>> {};
struct x_product : product {};
struct sum_tail
    : pg::if_must<pg::seq<blanks, pg::sor<plus_op, minus_op>>, x_continuation, x_product> {};
struct expr : pg::seq<product, pg::star<sum_tail>> {};
struct x_expr : expr {};
struct argument : expr {};
struct x_argument : argument {};

// ---- relations (checks) -----------------------------------------------------
struct op_ne : pg::sor<pg::string<'!', '='>, pg::utf8::one<0x2260>> {};  // != ≠
struct relation_op : pg::sor<op_ne, op_ge, op_le, op_gt, op_lt, op_eq> {};
struct relation_tail : pg::if_must<pg::seq<blanks, relation_op>, x_continuation, x_expr> {};
struct x_relation_tail : relation_tail {};
struct relation : pg::seq<expr, pg::must<x_relation_tail>, pg::star<relation_tail>> {};
struct x_relation : relation {};

// ---- clauses (the lines of a 指标 or 核对 block) ------------------------------
struct rest_of_line
    : pg::plus<pg::not_at<blanks, pg::sor<pg::eol, pg::eof, pg::one<'#'>>>, pg::utf8::any> {};
// A keyword and its value are separated by blanks. At the end of the line the
// gap is let through, so that the value's own rule reports what is missing
// ("expected the weight (分值) as a number; found end of line").
struct x_gap : pg::sor<gap, pg::at<end_of_line>> {};
struct x_target_text : rest_of_line {};
struct target_clause : pg::if_must<period_word, x_gap, x_target_text> {};
struct kw_actual : keyword<TAO_PEGTL_STRING("实际值")> {};
struct defines : pg::sor<op_eq, pg::one<':'>, pg::utf8::one<0xFF1A>> {};  // = ：
struct x_defines : defines {};
struct actual_clause : pg::if_must<kw_actual, x_blanks, x_defines, x_continuation, x_expr> {};
struct kw_weight : keyword<TAO_PEGTL_STRING("分值")> {};
struct x_weight : decimal {};
struct weight_clause : pg::if_must<kw_weight, x_gap, x_weight> {};
struct higher_better : TAO_PEGTL_STRING("越高越好") {};
struct lower_better : TAO_PEGTL_STRING("越低越好") {};
struct exact_better : TAO_PEGTL_STRING("恰好") {};
struct x_direction : pg::sor<higher_better, lower_better, exact_better> {};
struct kw_direction : keyword<TAO_PEGTL_STRING("方向")> {};
struct direction_clause : pg::if_must<kw_direction, x_gap, x_direction> {};
struct kw_tolerance : keyword<TAO_PEGTL_STRING("容差")> {};
struct plus_minus : pg::sor<pg::utf8::one<0x00B1>, pg::string<'+', '/', '-'>> {};  // ± +/-
struct x_tolerance : literal {};
struct tolerance_clause
    : pg::if_must<kw_tolerance, x_gap, pg::opt<plus_minus>, x_blanks, x_tolerance> {};
struct kw_places : keyword<TAO_PEGTL_STRING("精度")> {};
struct places_word : TAO_PEGTL_STRING("位小数") {};
struct x_places : pg::plus<pg::ascii::digit> {};
struct places_clause : pg::if_must<kw_places, x_gap, x_places, blanks, pg::opt<places_word>> {};
struct kw_bare : keyword<TAO_PEGTL_STRING("裸值")> {};
struct x_bare_op : pg::sor<op_ge, op_le, op_eq> {};
struct bare_clause : pg::if_must<kw_bare, x_gap, x_bare_op> {};
struct x_name : name {};
struct scale_clause : pg::if_must<kw_scale, x_gap, x_name> {};
struct kw_not_applicable : keyword<TAO_PEGTL_STRING("不适用")> {};
struct kw_period : keyword<TAO_PEGTL_STRING("期间")> {};
struct period_clause : pg::if_must<kw_period, x_gap, x_period> {};
struct kw_severity : keyword<TAO_PEGTL_STRING("级别")> {};
struct severity_error : TAO_PEGTL_STRING("错误") {};
struct severity_warning : TAO_PEGTL_STRING("警告") {};
struct x_severity : pg::sor<severity_error, severity_warning> {};
struct severity_clause : pg::if_must<kw_severity, x_gap, x_severity> {};
struct kw_message : keyword<TAO_PEGTL_STRING("说明")> {};
struct x_string : string_lit {};
struct message_clause : pg::if_must<kw_message, x_gap, x_string> {};
// Scoring (docs/rules.md, 评分): what exceeding an `=` target means, and the
// local schemes used for a missed target instead of the ratio rule.
struct percent_sign : pg::sor<pg::one<'%'>, pg::utf8::one<0xFF05>> {};
struct percent : pg::seq<decimal, percent_sign> {};
struct kw_over_eq : keyword<TAO_PEGTL_STRING("超出")> {};
struct over_met : keyword<TAO_PEGTL_STRING("算达成")> {};
struct over_miss : keyword<TAO_PEGTL_STRING("算未达成")> {};
struct over_by_name : keyword<TAO_PEGTL_STRING("按名称")> {};
struct x_over_eq : pg::sor<over_met, over_miss, over_by_name> {};
struct over_eq_clause : pg::if_must<kw_over_eq, x_gap, x_over_eq> {};
// 每少 1个百分点 扣 0.5分 [按整计]
// These three may be followed by a number without a space (每少1个百分点).
template <typename Word>
struct before_number : pg::seq<Word, pg::not_at<name_start>> {};
struct kw_per_short : before_number<TAO_PEGTL_STRING("每少")> {};
struct kw_deduct : before_number<TAO_PEGTL_STRING("扣")> {};
struct points_word : TAO_PEGTL_STRING("分") {};
struct kw_whole_units : keyword<TAO_PEGTL_STRING("按整计")> {};
struct x_short_unit : decimal {};
// A unit up to 扣, so that 每少1个百分点扣0.5分 reads without spaces.
struct short_unit_name
    : pg::sor<grammar::unit_symbol,
              pg::plus<pg::not_at<TAO_PEGTL_STRING("扣")>, grammar::unit_letter>> {};
struct x_deduct : kw_deduct {};
struct x_deduct_points : decimal {};
struct points_off_clause
    : pg::if_must<kw_per_short, x_blanks, x_short_unit, pg::opt<short_unit_name>, x_blanks,
                  x_deduct, x_blanks, x_deduct_points, pg::opt<points_word>,
                  pg::opt<gap, kw_whole_units>> {};
// 完成率 ≥95% 得 100%
struct kw_completion : keyword<TAO_PEGTL_STRING("完成率")> {};
struct kw_gets : before_number<TAO_PEGTL_STRING("得")> {};
struct x_ge : op_ge {};
struct x_step_at : percent {};
struct x_gets : kw_gets {};
struct x_step_fraction : percent {};
struct step_clause : pg::if_must<kw_completion, x_blanks, x_ge, x_blanks, x_step_at, x_blanks,
                                 x_gets, x_blanks, x_step_fraction> {};

struct clause
    : pg::sor<target_clause, actual_clause, weight_clause, direction_clause, tolerance_clause,
              places_clause, bare_clause, scale_clause, kw_not_applicable, period_clause,
              severity_clause, message_clause, over_eq_clause, points_off_clause, step_clause> {};

struct block_open : pg::one<'{'> {};
struct block_close : pg::seq<blanks, pg::one<'}'>> {};
struct x_line_end : end_of_line {};
struct x_block_close : block_close {};
// `{`, then lines of one kind (each line is required once it starts), then `}`.
template <typename Line>
struct block : pg::if_must<block_open, x_nest, x_line_end,
                           pg::star<pg::not_at<block_close>, pg::not_at<blanks, pg::eof>,
                                    pg::sor<empty_line, pg::seq<blanks, pg::must<Line>>>>,
                           x_block_close, x_unnest> {};
struct clause_line : pg::seq<clause, pg::must<x_line_end>> {};
struct clause_block : block<clause_line> {};

// ---- statements -------------------------------------------------------------
struct import_stmt : pg::if_must<kw_import, x_blanks, x_string> {};
struct table_stmt : pg::if_must<kw_table, x_blanks, x_string> {};

struct x_decimal : decimal {};
struct x_unit : unit_text {};
struct unit_definition : pg::if_must<op_eq, x_blanks, x_decimal, x_blanks, x_unit> {};
struct unit_stmt : pg::if_must<kw_unit, x_gap, x_name, pg::opt<blanks, unit_definition>> {};

struct band_met : keyword<TAO_PEGTL_STRING("达成")> {};
struct band_partly : keyword<TAO_PEGTL_STRING("部分达成")> {};
struct band_not : keyword<TAO_PEGTL_STRING("未达成")> {};
struct band_word : pg::sor<band_partly, band_not, band_met> {};
struct scale_word : name {};
struct band_line : pg::seq<band_word, pg::plus<gap, scale_word>, pg::must<x_line_end>> {};
struct scale_block : block<band_line> {};
struct x_scale_block : scale_block {};
struct scale_stmt : pg::if_must<kw_scale, x_gap, x_name, x_blanks, x_scale_block> {};

struct figure_value : pg::seq<period_word, blanks, signed_literal> {};
struct x_figure_value : figure_value {};
struct figure_line;
struct figure_block : block<figure_line> {};
struct x_figure_block : figure_block {};
struct figure : pg::if_must<name, x_blanks, x_figure_value, pg::star<gap, figure_value>,
                            pg::opt<blanks, figure_block>> {};
struct group : pg::if_must<kw_group, x_gap, x_name, x_blanks, x_figure_block> {};
struct figure_line : pg::seq<pg::sor<group, figure>, pg::must<x_line_end>> {};
struct budget_stmt : pg::if_must<kw_budget, x_gap, x_unit, x_blanks, x_figure_block> {};

struct reported_stmt : pg::if_must<kw_reported, x_gap, x_name, pg::opt<gap, unit_text>> {};
struct define_stmt
    : pg::if_must<kw_define, x_gap, x_name, x_blanks, x_defines, x_continuation, x_expr> {};
struct check_stmt : pg::if_must<kw_check, x_gap, x_relation, pg::opt<blanks, clause_block>> {};

struct path_sep : pg::sor<pg::one<'/'>, pg::utf8::one<0xFF0F>> {};
struct any_segments : pg::string<'*', '*'> {};
struct glob_segment : pg::plus<pg::sor<pg::one<'*'>, name_char>> {};
struct segment : pg::sor<quoted_name, any_segments, glob_segment> {};
struct x_segment : segment {};
struct pattern : pg::seq<segment, pg::star<pg::if_must<path_sep, x_segment>>> {};
struct x_pattern : pattern {};
struct x_clause_block : clause_block {};
struct indicator_stmt : pg::if_must<kw_indicator, x_gap, x_pattern, pg::opt<blanks, clause_block>> {
};
struct new_indicator_stmt
    : pg::if_must<kw_new_indicator, x_gap, x_pattern, x_blanks, x_clause_block> {};

// 评分 { … }: the scheme in place of the shipped 财预〔2020〕10号 default.
struct kw_basis : keyword<TAO_PEGTL_STRING("依据")> {};
struct basis_setting : pg::if_must<kw_basis, x_gap, x_string> {};
struct x_band_point : percent {};
struct band_point_setting : pg::if_must<band_word, x_gap, x_band_point> {};
struct kw_margin : keyword<TAO_PEGTL_STRING("超额")> {};
struct x_margin : percent {};
struct margin_setting : pg::if_must<kw_margin, x_gap, x_margin> {};
struct kw_control_words : keyword<TAO_PEGTL_STRING("控制词")> {};
struct control_word : name {};
struct x_control_word : control_word {};
struct control_words_setting
    : pg::if_must<kw_control_words, x_gap, x_control_word, pg::star<gap, control_word>> {};
struct kw_category : keyword<TAO_PEGTL_STRING("类别")> {};
struct kw_including : keyword<TAO_PEGTL_STRING("包括")> {};
struct level1_word : name {};
struct x_level1_word : level1_word {};
struct x_category_weight : decimal {};
struct category_setting : pg::if_must<kw_category, x_gap, x_name, x_gap, x_category_weight,
                                      pg::opt<gap, pg::if_must<kw_including, x_gap, x_level1_word,
                                                               pg::star<gap, level1_word>>>> {};
struct kw_execution : keyword<TAO_PEGTL_STRING("执行率")> {};
struct x_weight_word : kw_weight {};
struct x_execution_weight : decimal {};
struct execution_setting
    : pg::if_must<kw_execution, x_gap, x_weight_word, x_gap, x_execution_weight> {};
struct certain_word : keyword<TAO_PEGTL_STRING("确定能")> {};
struct possible_word : keyword<TAO_PEGTL_STRING("有可能")> {};
struct x_outlook : pg::sor<certain_word, possible_word> {};
struct kw_already_met : keyword<TAO_PEGTL_STRING("已达全年")> {};
struct already_met_setting : pg::if_must<kw_already_met, x_gap, x_outlook> {};
struct kw_half_met : keyword<TAO_PEGTL_STRING("半年达成")> {};
struct half_met_setting : pg::if_must<kw_half_met, x_gap, x_outlook> {};
struct kw_progress_below : keyword<TAO_PEGTL_STRING("进度低于")> {};
struct x_progress : percent {};
struct impossible_word : keyword<TAO_PEGTL_STRING("不可能")> {};
struct x_impossible_word : impossible_word {};
struct progress_setting
    : pg::if_must<kw_progress_below, x_gap, x_progress, x_gap, x_impossible_word> {};
struct kw_grading : keyword<TAO_PEGTL_STRING("定级")> {};
struct grade_printed : keyword<TAO_PEGTL_STRING("按打印总分")> {};
struct grade_exact : keyword<TAO_PEGTL_STRING("按精确总分")> {};
struct x_grading : pg::sor<grade_printed, grade_exact> {};
struct grading_setting : pg::if_must<kw_grading, x_gap, x_grading> {};
struct setting : pg::sor<basis_setting, band_point_setting, margin_setting, over_eq_clause,
                         control_words_setting, category_setting, execution_setting,
                         already_met_setting, half_met_setting, progress_setting, grading_setting> {
};
struct setting_line : pg::seq<setting, pg::must<x_line_end>> {};
struct setting_block : block<setting_line> {};
struct x_setting_block : setting_block {};
struct scoring_stmt : pg::if_must<kw_scoring, x_blanks, x_setting_block> {};

// ---- review rules: 审核 (docs/review.md) -------------------------------------
// A bureau's own 审核要点, applied by `indicheck review` to a targets table:
//   审核 SZ001 {
//     范围 产出指标/成本指标/*         which indicators (default: every one)
//     至少一个 单位 元                 每个 | 至少一个 | 没有, then conditions joined by 且
//     (or: 预算 资金总额 > 0 且 …       conditions over the funds block, once a run)
//     级别 错误                        错误 | 警告 | 提示
//     问题 "…"                         the finding's wording
//     建议 "…"
//   }
// The words inside the block are keywords there only: they are not reserved.
struct kw_review : keyword<TAO_PEGTL_STRING("审核")> {};
struct review_code
    : pg::seq<pg::ascii::alpha, pg::star<pg::sor<pg::ascii::alnum, pg::one<'-', '_'>>>> {};
struct x_review_code : review_code {};
struct kw_review_scope : keyword<TAO_PEGTL_STRING("范围")> {};
struct review_scope : pg::if_must<kw_review_scope, x_gap, x_pattern> {};
struct review_every : keyword<TAO_PEGTL_STRING("每个")> {};
struct review_some : keyword<TAO_PEGTL_STRING("至少一个")> {};
struct review_none : keyword<TAO_PEGTL_STRING("没有")> {};
struct review_quantifier : pg::sor<review_every, review_some, review_none> {};
// Conditions over an indicator's target.
struct kind_quantity : keyword<TAO_PEGTL_STRING("数值")> {};
struct kind_range : keyword<TAO_PEGTL_STRING("区间")> {};
struct kind_deadline : keyword<TAO_PEGTL_STRING("时限")> {};
struct kind_level : keyword<TAO_PEGTL_STRING("等级")> {};
struct kind_text : keyword<TAO_PEGTL_STRING("文字")> {};
struct kind_none : keyword<TAO_PEGTL_STRING("空")> {};
struct target_kind
    : pg::sor<kind_quantity, kind_range, kind_deadline, kind_level, kind_text, kind_none> {};
struct x_target_kind : target_kind {};
struct kw_cond_kind : keyword<TAO_PEGTL_STRING("类型")> {};
struct cond_kind : pg::if_must<kw_cond_kind, x_gap, x_target_kind> {};
struct cond_op : pg::sor<op_ge, op_le, op_gt, op_lt, op_eq> {};
struct x_cond_op : cond_op {};
struct kw_cond_comparator : keyword<TAO_PEGTL_STRING("比较")> {};
struct cond_comparator : pg::if_must<kw_cond_comparator, x_gap, x_cond_op, pg::star<gap, cond_op>> {
};
struct cond_unit : pg::if_must<kw_unit, x_gap, x_unit> {};
// What a target (or a figure) is compared with: a number with its unit, or a
// figure of the funds block (数值 ≤ 年度资金总额).
struct cond_literal : literal {};
struct funds_figure : name {};
struct x_cond_operand : pg::sor<cond_literal, funds_figure> {};
struct kw_cond_value : keyword<TAO_PEGTL_STRING("数值")> {};
struct cond_value : pg::if_must<kw_cond_value, x_blanks, x_cond_op, x_blanks, x_cond_operand> {};
// 类别 成本: the indicator's 一级 or 二级 category (the name without its 指标).
struct kw_cond_category : keyword<TAO_PEGTL_STRING("类别")> {};
// 且 and 或 join conditions: no category is named so (二级 数量 时效 或 …).
struct kw_and : keyword<TAO_PEGTL_STRING("且")> {};
struct kw_or : keyword<TAO_PEGTL_STRING("或")> {};
struct category_word : pg::seq<pg::not_at<pg::sor<kw_and, kw_or>>, name> {};
struct x_category_word : category_word {};
struct cond_category : pg::if_must<kw_cond_category, x_gap, x_category_word> {};
// 性质 正向|反向: the indicator's 指标性质 column (the more or the less the better).
struct kw_cond_nature : keyword<TAO_PEGTL_STRING("性质")> {};
struct nature_word : pg::sor<keyword<TAO_PEGTL_STRING("正向")>, keyword<TAO_PEGTL_STRING("反向")>> {
};
struct x_nature_word : nature_word {};
struct cond_nature : pg::if_must<kw_cond_nature, x_gap, x_nature_word> {};
// 一级 成本, 二级 数量 时效: the category of that level is one of these.
struct kw_cond_level1 : keyword<TAO_PEGTL_STRING("一级")> {};
struct kw_cond_level2 : keyword<TAO_PEGTL_STRING("二级")> {};
struct x_level_word : category_word {};
struct cond_level : pg::if_must<pg::sor<kw_cond_level1, kw_cond_level2>, x_gap, x_level_word,
                                pg::star<gap, category_word>> {};
// 名称 含 "率", 指标值 不含 "有所" 数字: the indicator's name or its target as
// written holds one of the words (含), or none of them (不含); 数字 is any digit.
struct kw_cond_name : keyword<TAO_PEGTL_STRING("名称")> {};
struct kw_cond_text : keyword<TAO_PEGTL_STRING("指标值")> {};
struct contains_word : keyword<TAO_PEGTL_STRING("含")> {};
struct lacks_word : keyword<TAO_PEGTL_STRING("不含")> {};
struct x_contains : pg::sor<contains_word, lacks_word> {};
struct digit_word : keyword<TAO_PEGTL_STRING("数字")> {};
struct cond_text_word
    : pg::sor<pg::seq<pg::not_at<pg::one<'"'>, pg::one<'"'>>, string_lit>, digit_word> {};
struct x_cond_text_word : cond_text_word {};
struct cond_words : pg::if_must<pg::sor<kw_cond_name, kw_cond_text>, x_gap, x_contains, x_gap,
                                x_cond_text_word, pg::star<gap, cond_text_word>> {};
// 单位 无: a number (or a range) written without a unit.
struct no_unit_word : keyword<TAO_PEGTL_STRING("无")> {};
struct cond_no_unit : pg::seq<kw_unit, gap, no_unit_word> {};
// 名称单位 有|无: a unit in the closing brackets of the indicator's name
// (受益人数(人)), which {名称单位} quotes.
struct kw_cond_name_unit : keyword<TAO_PEGTL_STRING("名称单位")> {};
struct has_word : keyword<TAO_PEGTL_STRING("有")> {};
struct x_has_word : pg::sor<has_word, no_unit_word> {};
struct cond_name_unit : pg::if_must<kw_cond_name_unit, x_gap, x_has_word> {};
// 要求 > 100%: every value that meets the target compares so (≥105%, >100%,
// 101%-110% all ask for more than 100%; ≤105% does not).
struct kw_cond_demand : keyword<TAO_PEGTL_STRING("要求")> {};
struct cond_demand : pg::if_must<kw_cond_demand, x_blanks, x_cond_op, x_blanks, x_cond_operand> {};
// 非 C: C does not hold; （C 且 C 或 C）: 且 binds first, then 或.
struct kw_not : keyword<TAO_PEGTL_STRING("非")> {};
struct x_condition;
struct cond_not : pg::if_must<kw_not, x_gap, x_nest, x_condition, x_unnest> {};
struct conjunction;
struct x_conjunction;
struct cond_alternative : pg::if_must<pg::seq<gap, kw_or>, x_gap, x_conjunction> {};
struct cond_group : pg::if_must<open_paren, x_nest, x_blanks, x_conjunction,
                                pg::star<cond_alternative>, x_blanks, x_close_paren, x_unnest> {};
struct condition
    : pg::sor<cond_not, cond_group, cond_kind, cond_comparator, cond_no_unit, cond_unit, cond_value,
              cond_category, cond_nature, cond_level, cond_words, cond_name_unit, cond_demand> {};
struct x_condition : condition {};
struct more_condition : pg::if_must<pg::seq<gap, kw_and>, x_gap, x_condition> {};
struct conjunction : pg::seq<condition, pg::star<more_condition>> {};
struct x_conjunction : conjunction {};
// A line's conditions: 或 at its top level too (每个 类型 数值 或 类型 区间).
struct review_test
    : pg::if_must<review_quantifier, x_gap, x_conjunction, pg::star<cond_alternative>> {};
// Conditions over the funds block: a figure against a number or a figure.
struct funds_condition : pg::if_must<funds_figure, x_blanks, x_cond_op, x_blanks, x_cond_operand> {
};
struct x_funds_condition : funds_condition {};
struct more_funds_condition : pg::if_must<pg::seq<gap, kw_and>, x_gap, x_funds_condition> {};
struct review_funds_test
    : pg::if_must<kw_budget, x_gap, x_funds_condition, pg::star<more_funds_condition>> {};
struct review_error : TAO_PEGTL_STRING("错误") {};
struct review_warning : TAO_PEGTL_STRING("警告") {};
struct review_note : TAO_PEGTL_STRING("提示") {};
struct x_review_severity : pg::sor<review_error, review_warning, review_note> {};
struct review_severity : pg::if_must<kw_severity, x_gap, x_review_severity> {};
struct kw_problem : keyword<TAO_PEGTL_STRING("问题")> {};
struct review_problem : pg::if_must<kw_problem, x_gap, x_string> {};
struct kw_suggestion : keyword<TAO_PEGTL_STRING("建议")> {};
struct review_suggestion : pg::if_must<kw_suggestion, x_gap, x_string> {};
struct review_line : pg::seq<pg::sor<review_scope, review_test, review_funds_test, review_severity,
                                     review_problem, review_suggestion>,
                             pg::must<x_line_end>> {};
struct review_block : block<review_line> {};
struct x_review_block : review_block {};
struct review_stmt : pg::if_must<kw_review, x_gap, x_review_code, x_blanks, x_review_block> {};

struct statement : pg::sor<import_stmt, table_stmt, unit_stmt, scale_stmt, budget_stmt,
                           reported_stmt, define_stmt, check_stmt, new_indicator_stmt,
                           indicator_stmt, scoring_stmt, review_stmt> {};
struct x_statement : statement {};
struct x_statement_end : end_of_line {};
// What the parser runs at each statement: a blank or comment line, or one statement.
struct top : pg::sor<empty_line, pg::seq<blanks, pg::eof>,
                     pg::seq<blanks, pg::must<x_statement>, pg::must<x_statement_end>>> {};

}  // namespace indicheck::grammar::rules
