#pragma once
// The grammar of a written target (指标值), DOMAIN.md §2. Rules only: the
// actions are in engine/cell/parse_target.cpp, the messages in grammar/messages.hpp.
//
//   target      := range | deadline | grade comparison | comparison | word comparison
//                | approximate (refused) | quantity [range tail | suffix] | level | text
//
// Alternatives are tried in that order; the first that matches the whole text
// wins. Once a token commits to a form (a symbolic comparator, an opening
// bracket, a range separator after a number), what follows is required, so a
// broken expression fails at the right place instead of falling through to text.

#include "grammar/lexicon.hpp"

namespace indicheck::grammar::target {

// [80%,100%]  (80%,100%]  【80%，100%】
struct range_open : pg::sor<open_inclusive, open_exclusive> {};
struct range_close : pg::sor<close_inclusive, close_exclusive> {};
struct bracket_range
    : pg::if_must<range_open, bracket_quantity, bracket_sep, bracket_quantity, range_close> {};

// 2024年12月底前, 11月底前, 6月30日前, 2023年底, 年底前, 1-12月, 次年3月底前,
// 2024年内, 2024-12-31前, 2024年第四季度前, 第三季度末, 2024年3月至2024年10月,
// ≤2024年11月.
struct end_mark
    : pg::sor<TAO_PEGTL_STRING("底之前"), TAO_PEGTL_STRING("底以前"), TAO_PEGTL_STRING("底前"),
              TAO_PEGTL_STRING("末前"), TAO_PEGTL_STRING("底"), TAO_PEGTL_STRING("末")> {};
struct before_mark
    : pg::sor<TAO_PEGTL_STRING("之前"), TAO_PEGTL_STRING("以前"), TAO_PEGTL_STRING("前")> {};
struct year_ref : pg::sor<year_part, next_year> {};
struct month_span : pg::seq<month_number, range_sep, month_number, month_mark, pg::eof> {};
struct month_period : pg::seq<pg::opt<year_part>, month_part, period_sep, pg::opt<year_part>,
                              month_part, pg::opt<pg::sor<end_mark, before_mark>>, pg::eof> {};
struct year_end : pg::seq<year_ref, end_mark, pg::eof> {};
struct this_year_end : pg::seq<year_mark, end_mark, pg::eof> {};
// 2024年, 2024年内, 2024年度, 2024年度内: the whole year. The mark records
// that the form matched (a period, not a deadline).
struct whole_year_mark : pg::success {};
struct within_mark
    : pg::sor<TAO_PEGTL_STRING("度内"), TAO_PEGTL_STRING("内"), TAO_PEGTL_STRING("度")> {};
struct whole_year : pg::seq<year_part, pg::opt<within_mark>, pg::eof, whole_year_mark> {};
struct numeric_deadline : pg::seq<year_number, date_sep, numeric_month, date_sep, day_number,
                                  pg::opt<before_mark>, pg::eof> {};
struct quarter_deadline
    : pg::seq<pg::opt<year_ref>, quarter_part, pg::opt<pg::sor<end_mark, before_mark>>, pg::eof> {};
struct dated_deadline : pg::seq<pg::opt<year_ref>, month_part, pg::opt<day_part>,
                                pg::opt<pg::sor<end_mark, before_mark>>, pg::eof> {};
// ≤2024年11月, ≤2024年11月30日, <2024年12月, 不晚于2024年11月, ≤2024-11-30, ≤2024年底,
// ≤第三季度, ≤11月30日: a comparator before a date. The date names its year, its
// day, 底 or 第 a quarter: `≤6月` and `≤3季度` may be durations and stay
// comparisons. Nothing is committed (`≤2024` goes on to a comparison); a 前
// after it is taken, for engine/cell/parse_target.cpp to refuse as the
// comparator said twice.
// 底 or 末 alone: after a comparator, a 前 that follows is the comparator said again.
struct compared_end : pg::sor<TAO_PEGTL_STRING("底"), TAO_PEGTL_STRING("末")> {};
template <typename... Date>
struct compared_date : pg::seq<date_comparator, Date..., pg::opt<before_mark>, pg::eof> {};
struct compared_month
    : compared_date<year_ref, month_part, pg::opt<day_part>, pg::opt<compared_end>> {};
struct ordinal_quarter : pg::seq<pg::at<TAO_PEGTL_STRING("第")>, quarter_part> {};
struct compared_quarter : compared_date<pg::sor<pg::seq<year_ref, quarter_part>, ordinal_quarter>,
                                        pg::opt<compared_end>> {};
struct compared_day
    : compared_date<month_part, pg::sor<day_part, pg::at<compared_end>>, pg::opt<compared_end>> {};
struct compared_year : compared_date<year_part, pg::opt<compared_end>> {};
struct compared_year_end : compared_date<year_mark, compared_end> {};
struct compared_numeric
    : compared_date<year_number, date_sep, numeric_month, date_sep, day_number> {};
struct date_comparison : pg::sor<compared_month, compared_quarter, compared_day, compared_year,
                                 compared_year_end, compared_numeric> {};

struct deadline : pg::sor<month_span, month_period, year_end, this_year_end, whole_year,
                          numeric_deadline, quarter_deadline, dated_deadline, date_comparison> {};

// ≥良好, 不低于良好, 良好及以上, 良好（含）以上, 合格及以下: a grade word on its
// ordered scale with a comparator before it, a suffix after it, or 达到 and
// 以上 both. Not `=` (=合格 is the level 合格) and not 以内 / 内, which bound
// amounts. Nothing is committed: `≥优良` and `不低于良好水平` go on to the
// forms below.
struct grade_below : pg::sor<TAO_PEGTL_STRING("及以下"), TAO_PEGTL_STRING("以下")> {};
struct grade_suffix : pg::seq<pg::opt<inclusive_mark>, pg::sor<suffix_ge, grade_below>> {};
struct grade_prefix : pg::sor<op_ge, op_le, op_gt, op_lt, word_ge, word_le, word_gt, word_lt> {};
struct grade_comparison : pg::seq<pg::sor<pg::seq<grade_prefix, grade_word, pg::opt<grade_suffix>>,
                                          pg::seq<grade_word, grade_suffix>>,
                                  pg::eof> {};

// ≥95%  =健全  ＞＝10%: a symbol commits to a comparison.
struct compared : pg::sor<quantity, level_word, yes_word> {};
struct symbolic_comparison
    : pg::seq<symbolic_comparator, pg::must<compared>, pg::opt<suffix_comparator>> {};

// 不低于95%: a comparator word commits only when a number follows, so that
// `达到国家标准` stays a phrase.
struct number_start : pg::sor<sign, digit> {};
struct word_comparison
    : pg::seq<word_comparator, pg::at<number_start>, quantity, pg::opt<suffix_comparator>> {};

// 95%, 5000人次以上, 80%-100%, 80至100亩
struct range_high : quantity {};
struct range_tail : pg::if_must<range_sep, range_high> {};
struct numeric : pg::seq<quantity, pg::opt<pg::sor<range_tail, suffix_comparator>>> {};

// 600余人, 约40%, 40%左右: approximate, so no bound; refused with a reason.
struct marked_figure
    : pg::sor<
          pg::seq<about_prefix, number, pg::opt<more_mark>, pg::opt<unit>, pg::opt<about_suffix>>,
          pg::seq<number, more_mark, pg::opt<unit>, pg::opt<about_suffix>>,
          pg::seq<number, pg::opt<unit>, about_suffix>> {};
struct approximate : pg::seq<marked_figure, pg::eof> {};

// 健全 alone (健全性 is text).
struct level : pg::seq<pg::sor<level_word, yes_word>, pg::at<pg::eof>> {};

// Anything else is a phrase or a sentence; engine/cell/parse_target.cpp refuses
// text that is really a broken number (工5%, %95≥).
struct text : pg::plus<pg::utf8::any> {};

struct expression : pg::sor<bracket_range, deadline, grade_comparison, symbolic_comparison,
                            word_comparison, approximate, numeric, level, text> {};
struct end_of_target : pg::eof {};
struct grammar : pg::seq<expression, pg::must<end_of_target>> {};

}  // namespace indicheck::grammar::target
