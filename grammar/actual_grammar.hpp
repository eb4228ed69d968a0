#pragma once
// The grammar of a reported actual value (实际完成值). Rules only: the actions
// are in engine/cell/parse_actual.cpp, the messages in grammar/messages.hpp.
//
//   actual := date | quantity | [done] [comparator] quantity | official grade
//           | [modifier] level | 是 | 否 | placeholder | text
//   quantity := [约] number [余] [unit] [左右]

#include "grammar/lexicon.hpp"

namespace indicheck::grammar::actual {

// 2024年11月20日, 2024-11-20, 2024/11/20, 2024.11.20, 11月20日, 2024年11月,
// 2024年 (a year alone: its last day, as an assumption)
struct numeric_date : pg::seq<year_number, date_sep, numeric_month, date_sep, day_number, pg::eof> {
};
struct written_date : pg::seq<pg::opt<year_part>, month_part, pg::opt<day_part>, pg::eof> {};
struct year_alone : pg::seq<year_part, pg::eof> {};
struct date : pg::sor<numeric_date, written_date, year_alone> {};

struct end_of_actual : pg::eof {};
// A cell that starts with a figure is a figure: `5%%` fails at the second '%'
// instead of falling through to text. 600余人 is more than 600人, 40%左右 about 40%.
struct figure : pg::seq<number, pg::opt<more_mark>, pg::opt<unit>, pg::opt<about_suffix>> {};
struct quantity_value : pg::seq<figure, pg::must<end_of_actual>> {};

// 已完成100%, ≥90%, 约40%: words a table puts before the figure reached.
struct done_prefix
    : pg::sor<TAO_PEGTL_STRING("已完成"), TAO_PEGTL_STRING("实际完成"), TAO_PEGTL_STRING("完成"),
              TAO_PEGTL_STRING("已达到"), TAO_PEGTL_STRING("已实现"), TAO_PEGTL_STRING("实现")> {};
struct value_comparator : pg::sor<op_ge, op_le, op_eq, word_ge, word_le> {};
struct figure_start : pg::sor<sign, digit> {};
// The figure after the words is read as quantity_value reads one (the same
// rules), within this one form; a sentence that starts so (完成95%以上的任务) is text.
struct prefixed_quantity
    : pg::seq<pg::sor<pg::seq<done_prefix, pg::opt<value_comparator>, pg::opt<about_prefix>>,
                      pg::seq<value_comparator, pg::opt<about_prefix>>, about_prefix>,
              pg::at<figure_start>, figure, pg::eof> {};

// The official grade wording of the self-evaluation forms, longest first.
struct grade_partly : TAO_PEGTL_STRING("部分达成预期指标并具有一定效果") {};
struct grade_not_met : TAO_PEGTL_STRING("未达成预期指标且效果较差") {};
struct grade_met : TAO_PEGTL_STRING("达成预期指标") {};
struct official_grade : pg::seq<pg::sor<grade_partly, grade_not_met, grade_met>, pg::eof> {};

struct partly_modifier
    : pg::sor<TAO_PEGTL_STRING("大部分"), TAO_PEGTL_STRING("基本上"), TAO_PEGTL_STRING("基本"),
              TAO_PEGTL_STRING("比较"), TAO_PEGTL_STRING("较为"), TAO_PEGTL_STRING("较"),
              TAO_PEGTL_STRING("部分"), TAO_PEGTL_STRING("初步")> {};
struct not_modifier : pg::sor<TAO_PEGTL_STRING("尚未"), TAO_PEGTL_STRING("没有"),
                              TAO_PEGTL_STRING("未"), TAO_PEGTL_STRING("不")> {};
struct modifier : pg::sor<partly_modifier, not_modifier> {};
struct graded_level : pg::seq<pg::opt<modifier>, level_word, pg::eof> {};
struct yes_no : pg::seq<pg::sor<yes_word, no_word>, pg::eof> {};

// Cells that say "nothing reported".
struct placeholder
    : pg::seq<pg::sor<TAO_PEGTL_STRING("#N/A"), TAO_PEGTL_STRING("N/A"), TAO_PEGTL_STRING("n/a"),
                      TAO_PEGTL_STRING("——"), TAO_PEGTL_STRING("--"), TAO_PEGTL_STRING("—"),
                      pg::one<'-', '/'>>,
              pg::eof> {};

struct text : pg::plus<pg::utf8::any> {};

struct value : pg::sor<date, quantity_value, prefixed_quantity, official_grade, graded_level,
                       yes_no, placeholder, text> {};
struct grammar : pg::seq<value, pg::must<end_of_actual>> {};

}  // namespace indicheck::grammar::actual
