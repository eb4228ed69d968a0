#pragma once
// Tokens shared by the target and actual grammars: digits, numbers,
// comparators, units, level words. Rules only: no actions, no messages.
// Input reaches these rules with all white space already removed (see
// engine/base/normalise.hpp), so `=6300平方 米` arrives as `=6300平方米`.

#include <tao/pegtl.hpp>

namespace indicheck::grammar {

namespace pg = tao::pegtl;

// ---- characters -------------------------------------------------------------
struct ascii_digit : pg::ascii::digit {};
struct wide_digit : pg::utf8::range<0xFF10, 0xFF19> {};  // ０-９
struct digit : pg::sor<ascii_digit, wide_digit> {};
struct plus_sign : pg::sor<pg::one<'+'>, pg::utf8::one<0xFF0B>> {};
struct minus_sign : pg::sor<pg::one<'-'>, pg::utf8::one<0xFF0D, 0x2212>> {};
struct sign : pg::sor<plus_sign, minus_sign> {};
struct decimal_point : pg::sor<pg::one<'.'>, pg::utf8::one<0xFF0E>> {};
struct han : pg::sor<pg::utf8::range<0x4E00, 0x9FFF>, pg::utf8::range<0x3400, 0x4DBF>> {};

// ---- numbers ----------------------------------------------------------------
// 52,621 groups by three; 1,20 is not a number.
struct digit_group : pg::seq<pg::one<','>, pg::rep<3, digit>> {};
struct grouped_integer
    : pg::seq<pg::rep_min_max<1, 3, digit>, pg::plus<digit_group>, pg::not_at<digit>> {};
struct integer_digits : pg::plus<digit> {};
struct fraction_digits : pg::plus<digit> {};
struct fraction_part : pg::if_must<decimal_point, fraction_digits> {};
struct second_point : pg::not_at<decimal_point> {};
struct number : pg::seq<pg::opt<sign>, pg::sor<grouped_integer, integer_digits>,
                        pg::opt<fraction_part>, pg::must<second_point>> {};
// Inside brackets a comma separates bounds, so no digit groups there.
struct bracket_number
    : pg::seq<pg::opt<sign>, integer_digits, pg::opt<fraction_part>, pg::must<second_point>> {};

// ---- comparators ------------------------------------------------------------
// Longer spellings first: `>=` before `>`, `大于等于` before `大于`.
struct op_ge : pg::sor<pg::string<'>', '='>, pg::utf8::one<0x2265, 0x2267>,
                       pg::seq<pg::utf8::one<0xFF1E>, pg::utf8::one<0xFF1D, '='>>> {};  // ≥ ≧ ＞＝
struct op_le : pg::sor<pg::string<'<', '='>, pg::utf8::one<0x2264, 0x2266>,
                       pg::seq<pg::utf8::one<0xFF1C>, pg::utf8::one<0xFF1D, '='>>> {};  // ≤ ≦ ＜＝
struct op_gt : pg::sor<pg::one<'>'>, pg::utf8::one<0xFF1E>> {};                         // > ＞
struct op_lt : pg::sor<pg::one<'<'>, pg::utf8::one<0xFF1C>> {};                         // < ＜
struct op_eq : pg::sor<pg::one<'='>, pg::utf8::one<0xFF1D, 0xFE66, 0x2550>> {};  // = ＝ ﹦ ═
struct symbolic_comparator : pg::sor<op_ge, op_le, op_gt, op_lt, op_eq> {};

struct word_ge
    : pg::sor<TAO_PEGTL_STRING("大于等于"), TAO_PEGTL_STRING("大于或等于"),
              TAO_PEGTL_STRING("不低于"), TAO_PEGTL_STRING("不少于"), TAO_PEGTL_STRING("不小于"),
              TAO_PEGTL_STRING("至少"), TAO_PEGTL_STRING("达到")> {};
struct word_le
    : pg::sor<TAO_PEGTL_STRING("小于等于"), TAO_PEGTL_STRING("小于或等于"),
              TAO_PEGTL_STRING("不高于"), TAO_PEGTL_STRING("不超过"), TAO_PEGTL_STRING("不多于"),
              TAO_PEGTL_STRING("不大于"), TAO_PEGTL_STRING("至多"), TAO_PEGTL_STRING("最多")> {};
struct word_gt : pg::sor<TAO_PEGTL_STRING("超过"), TAO_PEGTL_STRING("高于"),
                         TAO_PEGTL_STRING("多于"), TAO_PEGTL_STRING("大于")> {};
struct word_lt
    : pg::sor<TAO_PEGTL_STRING("低于"), TAO_PEGTL_STRING("少于"), TAO_PEGTL_STRING("不满"),
              TAO_PEGTL_STRING("小于"), TAO_PEGTL_STRING("不足")> {};
struct word_eq : TAO_PEGTL_STRING("等于") {};
struct word_comparator : pg::sor<word_ge, word_le, word_gt, word_lt, word_eq> {};

// Comparators that only a date takes: 不晚于2024年11月 is ≤, 早于2024年12月 is <.
// `不晚于` before `晚于`, `不早于` before `早于`.
struct date_word_le : pg::sor<TAO_PEGTL_STRING("不晚于"), TAO_PEGTL_STRING("不迟于")> {};
struct date_word_ge : pg::sor<TAO_PEGTL_STRING("不早于"), TAO_PEGTL_STRING("不先于")> {};
struct date_word_lt : pg::sor<TAO_PEGTL_STRING("早于"), TAO_PEGTL_STRING("先于")> {};
struct date_word_gt : pg::sor<TAO_PEGTL_STRING("晚于"), TAO_PEGTL_STRING("迟于")> {};
struct date_comparator : pg::sor<date_word_le, date_word_ge, date_word_lt, date_word_gt,
                                 symbolic_comparator, word_comparator> {};

// N以上 / N及以上 include N; so do 以下 and 以内 (民法典 第1259条).
struct suffix_ge : pg::sor<TAO_PEGTL_STRING("及以上"), TAO_PEGTL_STRING("以上")> {};
// N内 (30天内, 5个工作日内) is N以内.
struct suffix_le
    : pg::sor<TAO_PEGTL_STRING("及以下"), TAO_PEGTL_STRING("以下"), TAO_PEGTL_STRING("以内"),
              TAO_PEGTL_STRING("之内"), TAO_PEGTL_STRING("内")> {};
struct inclusive_mark : pg::sor<TAO_PEGTL_STRING("(含)"), TAO_PEGTL_STRING("（含）")> {};
struct suffix_comparator : pg::seq<pg::opt<inclusive_mark>, pg::sor<suffix_ge, suffix_le>> {};

// ---- ranges -----------------------------------------------------------------
struct range_word : pg::sor<TAO_PEGTL_STRING("至"), TAO_PEGTL_STRING("到")> {};
struct range_sep : pg::sor<pg::one<'-', '~'>, pg::utf8::one<0xFF5E, 0x2014, 0x2013, 0x301C, 0xFF0D>,
                           range_word> {};
// Between two dates a dash is often doubled: 2020年1月--2020年11月, 1月——6月.
struct period_sep
    : pg::sor<pg::string<'-', '-'>, TAO_PEGTL_STRING("——"), TAO_PEGTL_STRING("～"), range_sep> {};
struct open_inclusive : pg::sor<pg::one<'['>, pg::utf8::one<0xFF3B, 0x3010>> {};   // [ ［ 【
struct open_exclusive : pg::sor<pg::one<'('>, pg::utf8::one<0xFF08>> {};           // ( （
struct close_inclusive : pg::sor<pg::one<']'>, pg::utf8::one<0xFF3D, 0x3011>> {};  // ] ］ 】
struct close_exclusive : pg::sor<pg::one<')'>, pg::utf8::one<0xFF09>> {};          // ) ）
struct bracket_sep : pg::sor<pg::one<',', ';'>, pg::utf8::one<0xFF0C, 0x3001, 0xFF1B>> {};

// ---- approximate figures ----------------------------------------------------
// 600余人, 200多名: more than the figure. 约40%, 40%左右: about the figure.
// None of them is part of a unit.
struct more_mark : pg::sor<TAO_PEGTL_STRING("余"), TAO_PEGTL_STRING("多")> {};
struct about_prefix : pg::sor<TAO_PEGTL_STRING("大约"), TAO_PEGTL_STRING("约"),
                              TAO_PEGTL_STRING("接近"), TAO_PEGTL_STRING("近")> {};
struct about_suffix : pg::sor<TAO_PEGTL_STRING("左右"), TAO_PEGTL_STRING("上下")> {};

// ---- units ------------------------------------------------------------------
// A unit is a symbol (% ‰ ㎡) or a run of letters and Han characters, with an
// optional `/` and a second run (元/亩). The run stops before a comparator
// suffix, a range word or 左右, so `5000亩以上`, `80亩至100亩` and `40人左右`
// split right; it never starts with 余 or 多 (600余人). 台(套) is one unit.
struct unit_symbol : pg::sor<pg::one<'%'>, pg::utf8::one<0xFF05, 0x2030, 0x33A1>> {};
struct unit_set : pg::seq<TAO_PEGTL_STRING("台"), pg::sor<pg::one<'('>, pg::utf8::one<0xFF08>>,
                          TAO_PEGTL_STRING("套"), pg::sor<pg::one<')'>, pg::utf8::one<0xFF09>>> {};
struct unit_stop : pg::sor<suffix_comparator, range_word, about_suffix> {};
struct unit_letter : pg::sor<pg::ascii::alpha, han, pg::utf8::one<0xB2, 0xB3>> {};
struct unit_word : pg::seq<pg::not_at<more_mark>, pg::plus<pg::not_at<unit_stop>, unit_letter>> {};
struct unit : pg::sor<unit_symbol, unit_set, pg::seq<unit_word, pg::opt<pg::one<'/'>, unit_word>>> {
};

struct quantity : pg::seq<number, pg::opt<unit>> {};
struct bracket_quantity : pg::seq<bracket_number, pg::opt<unit>> {};

// ---- dates ------------------------------------------------------------------
struct cn_month
    : pg::sor<TAO_PEGTL_STRING("十二"), TAO_PEGTL_STRING("十一"), TAO_PEGTL_STRING("十"),
              TAO_PEGTL_STRING("一"), TAO_PEGTL_STRING("二"), TAO_PEGTL_STRING("三"),
              TAO_PEGTL_STRING("四"), TAO_PEGTL_STRING("五"), TAO_PEGTL_STRING("六"),
              TAO_PEGTL_STRING("七"), TAO_PEGTL_STRING("八"), TAO_PEGTL_STRING("九")> {};
struct year_number : pg::rep<4, digit> {};
struct month_number : pg::sor<pg::rep_min_max<1, 2, digit>, cn_month> {};
struct day_number : pg::rep_min_max<1, 2, digit> {};
struct year_mark : TAO_PEGTL_STRING("年") {};
struct month_mark : TAO_PEGTL_STRING("月") {};
struct day_mark : pg::sor<TAO_PEGTL_STRING("日"), TAO_PEGTL_STRING("号")> {};
struct year_part : pg::seq<year_number, year_mark> {};
// 2024-11-20, 2024/11/20, 2024.11.20
struct date_sep : pg::one<'-', '/', '.'> {};
struct numeric_month : pg::rep_min_max<1, 2, digit> {};
struct month_part : pg::seq<month_number, month_mark> {};
struct day_part : pg::seq<day_number, day_mark> {};
// 次年3月底前: the year after the table's.
struct next_year : pg::sor<TAO_PEGTL_STRING("次年"), TAO_PEGTL_STRING("翌年"),
                           TAO_PEGTL_STRING("下一年"), TAO_PEGTL_STRING("下年")> {};
// 第四季度, 第3季度, 四季度.
struct quarter_number
    : pg::sor<pg::one<'1', '2', '3', '4'>, TAO_PEGTL_STRING("一"), TAO_PEGTL_STRING("二"),
              TAO_PEGTL_STRING("三"), TAO_PEGTL_STRING("四")> {};
struct quarter_part
    : pg::seq<pg::opt<TAO_PEGTL_STRING("第")>, quarter_number, TAO_PEGTL_STRING("季度")> {};

// ---- levels -----------------------------------------------------------------
// Words that name the met end of an ordered qualitative scale.
struct level_word
    : pg::sor<TAO_PEGTL_STRING("健全"), TAO_PEGTL_STRING("合理"), TAO_PEGTL_STRING("明确"),
              TAO_PEGTL_STRING("科学"), TAO_PEGTL_STRING("规范"), TAO_PEGTL_STRING("合规"),
              TAO_PEGTL_STRING("完善"), TAO_PEGTL_STRING("公开"), TAO_PEGTL_STRING("有效"),
              TAO_PEGTL_STRING("及时"), TAO_PEGTL_STRING("执行"), TAO_PEGTL_STRING("稳定"),
              TAO_PEGTL_STRING("优良"), TAO_PEGTL_STRING("完整"), TAO_PEGTL_STRING("准确"),
              TAO_PEGTL_STRING("到位"), TAO_PEGTL_STRING("合格"), TAO_PEGTL_STRING("达标"),
              TAO_PEGTL_STRING("清晰"), TAO_PEGTL_STRING("充分"), TAO_PEGTL_STRING("可行"),
              TAO_PEGTL_STRING("一致"), TAO_PEGTL_STRING("落实"), TAO_PEGTL_STRING("安全")> {};
// The words of the ordered grade scales (engine/cell/grade_scale.cpp ranks
// them), a longer spelling before its prefix: 不合格 before 合格, 优秀 before 优.
struct grade_word
    : pg::sor<TAO_PEGTL_STRING("不合格"), TAO_PEGTL_STRING("部分达成"), TAO_PEGTL_STRING("未达成"),
              TAO_PEGTL_STRING("未达标"), TAO_PEGTL_STRING("优秀"), TAO_PEGTL_STRING("良好"),
              TAO_PEGTL_STRING("合格"), TAO_PEGTL_STRING("达成"), TAO_PEGTL_STRING("达标"),
              TAO_PEGTL_STRING("有效"), TAO_PEGTL_STRING("无效"), TAO_PEGTL_STRING("优"),
              TAO_PEGTL_STRING("良"), TAO_PEGTL_STRING("中"), TAO_PEGTL_STRING("差")> {};
struct yes_word : TAO_PEGTL_STRING("是") {};
struct no_word : TAO_PEGTL_STRING("否") {};

}  // namespace indicheck::grammar
