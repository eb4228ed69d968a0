// Targets (指标值) as real tables write them, DOMAIN.md §2: every form, and the
// broken ones that must be refused with a message and the right column.

#include <catch2/catch.hpp>

#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "engine/cell/grade_scale.hpp"
#include "engine/cell/parse.hpp"
#include "engine/report/render.hpp"
#include "grammar/lexicon.hpp"

using indicheck::Code;
using indicheck::Constraint;
using indicheck::DeadlineConstraint;
using indicheck::LevelConstraint;
using indicheck::NoTarget;
using indicheck::ParseError;
using indicheck::QuantityConstraint;
using indicheck::RangeConstraint;
using indicheck::TextConstraint;
using Strings = std::vector<std::string>;

namespace {

Constraint parsed(const std::string& written) {
  auto r = indicheck::parse_target(written);
  if (const auto* e = std::get_if<ParseError>(&r))
    UNSCOPED_INFO("refused at column " << e->column << ": " << e->message);
  REQUIRE(std::holds_alternative<Constraint>(r));
  return std::get<Constraint>(r);
}

ParseError refused(const std::string& written) {
  auto r = indicheck::parse_target(written);
  if (const auto* c = std::get_if<Constraint>(&r)) UNSCOPED_INFO("accepted as " << describe(*c));
  REQUIRE(std::holds_alternative<ParseError>(r));
  return std::get<ParseError>(r);
}

const std::string kNoYear = "no year given: the table's year applies";

std::string no_comparator(const std::string& q) {
  return "no comparator: '" + q + "' read as '=" + q + "'";
}

std::string joined(const std::string& text) {
  return "spaces inside the text were ignored: read as '" + text + "'";
}

}  // namespace

// ---- comparisons ---------------------------------------------------------------

namespace {

struct QuantityCase {
  std::string written;
  std::string op;         // to_string(Comparator)
  std::string value;      // Number::canonical() of the value as written
  std::string unit;       // Unit::symbol
  std::string dimension;  // Unit::dimension
  std::string base;       // canonical value in the dimension's base unit
  Strings assumptions;
};

}  // namespace

TEST_CASE("quantity targets: comparators, numbers, units", "[parse][target]") {
  auto c = GENERATE(values<QuantityCase>({
      // ASCII, full-width and look-alike comparators.
      {"≥95%", ">=", "95", "%", "ratio", "0.95", {}},
      {"≧95%", ">=", "95", "%", "ratio", "0.95", {}},
      {">=95%", ">=", "95", "%", "ratio", "0.95", {}},
      {"＞＝95%", ">=", "95", "%", "ratio", "0.95", {}},
      {"＞=95%", ">=", "95", "%", "ratio", "0.95", {}},
      {"≤10%", "<=", "10", "%", "ratio", "0.1", {}},
      {"≦10%", "<=", "10", "%", "ratio", "0.1", {}},
      {"<=10%", "<=", "10", "%", "ratio", "0.1", {}},
      {"＜＝10%", "<=", "10", "%", "ratio", "0.1", {}},
      {"=100%", "=", "100", "%", "ratio", "1", {}},
      {"＝100%", "=", "100", "%", "ratio", "1", {}},
      {"﹦100%", "=", "100", "%", "ratio", "1", {}},
      {"═100%", "=", "100", "%", "ratio", "1", {}},
      {">90%", ">", "90", "%", "ratio", "0.9", {}},
      {"＞90%", ">", "90", "%", "ratio", "0.9", {}},
      {"<5%", "<", "5", "%", "ratio", "0.05", {}},
      {"＜5%", "<", "5", "%", "ratio", "0.05", {}},
      // Word comparators.
      {"大于等于95%", ">=", "95", "%", "ratio", "0.95", {}},
      {"小于等于10%", "<=", "10", "%", "ratio", "0.1", {}},
      {"等于100%", "=", "100", "%", "ratio", "1", {}},
      {"不低于95%", ">=", "95", "%", "ratio", "0.95", {}},
      {"不少于10个", ">=", "10", "个", "count:个", "10", {}},
      {"至少3项", ">=", "3", "项", "count:项", "3", {}},
      {"达到95%", ">=", "95", "%", "ratio", "0.95", {}},
      {"不高于5%", "<=", "5", "%", "ratio", "0.05", {}},
      {"不超过500万元", "<=", "500", "万元", "money", "5000000", {}},
      {"不多于3次", "<=", "3", "次", "count:次", "3", {}},
      {"超过95%", ">", "95", "%", "ratio", "0.95", {}},
      {"高于90%", ">", "90", "%", "ratio", "0.9", {}},
      {"多于10人", ">", "10", "人", "count:人", "10", {}},
      {"大于0", ">", "0", "", "", "0", {}},
      {"低于5%", "<", "5", "%", "ratio", "0.05", {}},
      {"少于3次", "<", "3", "次", "count:次", "3", {}},
      {"不满18人", "<", "18", "人", "count:人", "18", {}},
      {"小于1%", "<", "1", "%", "ratio", "0.01", {}},
      // Suffixes: 以上 / 及以上 / 以下 / 以内 include the number (民法典 第1259条).
      {"5000人次以上", ">=", "5000", "人次", "count:人次", "5000", {}},
      {"100个及以上", ">=", "100", "个", "count:个", "100", {}},
      {"100个(含)以上", ">=", "100", "个", "count:个", "100", {}},
      {"50万元（含）以下", "<=", "50", "万元", "money", "500000", {}},
      {"95%以上", ">=", "95", "%", "ratio", "0.95", {}},
      {"5%以下", "<=", "5", "%", "ratio", "0.05", {}},
      {"10天以内", "<=", "10", "天", "days", "10", {}},
      {"3个工作日以内", "<=", "3", "工作日", "workdays", "3", {}},
      // 达到…以上 says ≥ twice; it is still one ≥.
      {"达到95%以上", ">=", "95", "%", "ratio", "0.95", {}},
      // Numbers: signs, decimals, full-width digits, thousands separators.
      {"≥-5%", ">=", "-5", "%", "ratio", "-0.05", {}},
      {"=+5%", "=", "5", "%", "ratio", "0.05", {}},
      {"=－5%", "=", "-5", "%", "ratio", "-0.05", {}},
      {"=0.565", "=", "0.565", "", "", "0.565", {}},
      {"=1346.0088万元", "=", "1346.0088", "万元", "money", "13460088", {}},
      {"=１００%", "=", "100", "%", "ratio", "1", {}},
      {"=１００．５％", "=", "100.5", "%", "ratio", "1.005", {}},
      {"=52,621个", "=", "52621", "个", "count:个", "52621", {}},
      {"≥1,234,567.5元", ">=", "1234567.5", "元", "money", "1234567.5", {}},
      {"=0.50%", "=", "0.5", "%", "ratio", "0.005", {}},
      {"=007个", "=", "7", "个", "count:个", "7", {}},
      // White space anywhere: ASCII space, tab, U+3000, NBSP.
      {" ≥ 95 % ", ">=", "95", "%", "ratio", "0.95", {}},
      {"≥　95％", ">=", "95", "%", "ratio", "0.95", {}},
      {"\t≥95%\r\n", ">=", "95", "%", "ratio", "0.95", {}},
      {"≥\xC2\xA0"
       "95%",
       ">=",
       "95",
       "%",
       "ratio",
       "0.95",
       {}},
      {"9 5%", "=", "95", "%", "ratio", "0.95", {joined("95%"), no_comparator("95%")}},
      {"≥ 9 5%", ">=", "95", "%", "ratio", "0.95", {joined("≥95%")}},
      // A cell broken by PDF extraction is read joined, and says so.
      {"=6300平方 米", "=", "6300", "平方米", "area", "9.45", {joined("=6300平方米")}},
      // Units.
      {"=12000亩", "=", "12000", "亩", "area", "12000", {}},
      {"=6300平方米", "=", "6300", "平方米", "area", "9.45", {}},
      {"=800公顷", "=", "800", "公顷", "area", "12000", {}},
      {"=2平方公里", "=", "2", "平方公里", "area", "3000", {}},
      {"=10㎡", "=", "10", "平方米", "area", "0.015", {}},
      {"=5万亩", "=", "5", "万亩", "area", "50000", {}},
      {"≥3万人次", ">=", "3", "万人次", "count:人次", "30000", {}},
      {"=1.5万平方米", "=", "1.5", "万平方米", "area", "22.5", {}},
      {"=5万粒", "=", "5", "万粒", "count:粒", "50000", {}},
      {"≤500万", "<=", "500", "万", "", "5000000", {}},
      {"=300元/亩", "=", "300", "元/亩", "money/area", "300", {}},
      {"≥2次/月", ">=", "2", "次/月", "count:次/months", "2", {}},
      {"=5‰", "=", "5", "‰", "ratio", "0.005", {}},
      {"≥95百分比", ">=", "95", "%", "ratio", "0.95", {}},
      {"≥10km", ">=", "10", "公里", "length", "10000", {}},
      {"≤3kg", "<=", "3", "公斤", "mass", "3", {}},
      {"≤5日", "<=", "5", "天", "days", "5", {}},
      {"≤3个月", "<=", "3", "月", "months", "3", {}},
      {"=3匹",
       "=",
       "3",
       "匹",
       "unit:匹",
       "3",
       {"unknown unit '匹': compared only with the same unit"}},
      // No comparator: read as "=", and said so.
      {"100%", "=", "100", "%", "ratio", "1", {no_comparator("100%")}},
      {"85%", "=", "85", "%", "ratio", "0.85", {no_comparator("85%")}},
      {"12000亩", "=", "12000", "亩", "area", "12000", {no_comparator("12000亩")}},
      {"１００", "=", "100", "", "", "100", {no_comparator("100")}},
      {"100.00%", "=", "100", "%", "ratio", "1", {no_comparator("100%")}},
  }));
  INFO("target: " << c.written);
  Constraint t = parsed(c.written);
  CHECK(std::string(t.kind()) == "quantity");
  CHECK(t.written == c.written);
  const auto* q = std::get_if<QuantityConstraint>(&t.form);
  REQUIRE(q != nullptr);
  CHECK(std::string(to_string(q->op)) == c.op);
  CHECK(q->target.value.canonical() == c.value);
  CHECK(q->target.unit.symbol == c.unit);
  CHECK(q->target.unit.dimension == c.dimension);
  CHECK(q->target.base_value().canonical() == c.base);
  CHECK(t.assumptions == c.assumptions);
}

TEST_CASE("以上/以下/以内 include the bound, 超过/不满 exclude it", "[parse][target]") {
  auto op_of = [](const std::string& written) {
    Constraint c = parsed(written);
    const auto* q = std::get_if<QuantityConstraint>(&c.form);
    REQUIRE(q != nullptr);
    return std::string(to_string(q->op));
  };
  CHECK(op_of("18人以上") == ">=");
  CHECK(op_of("18人及以上") == ">=");
  CHECK(op_of("18人以下") == "<=");
  CHECK(op_of("18人以内") == "<=");
  CHECK(op_of("超过18人") == ">");
  CHECK(op_of("不满18人") == "<");
}

// ---- ranges --------------------------------------------------------------------

namespace {

struct RangeCase {
  std::string written;
  std::string low;
  bool low_inclusive;
  std::string high;
  bool high_inclusive;
  std::string unit;
  Strings assumptions;
};

}  // namespace

TEST_CASE("range targets", "[parse][target]") {
  auto c = GENERATE(values<RangeCase>({
      {"80%-100%", "80", true, "100", true, "%", {}},
      {"80-100%", "80", true, "100", true, "%", {"range lower bound has no unit: read as 80%"}},
      {"80%-100", "80", true, "100", true, "%", {"range upper bound has no unit: read as 100%"}},
      {"[80%,100%]", "80", true, "100", true, "%", {}},
      {"(80%,100%]", "80", false, "100", true, "%", {}},
      {"[80%,100%)", "80", true, "100", false, "%", {}},
      {"(80%,100%)", "80", false, "100", false, "%", {}},
      {"（80%，100%）", "80", false, "100", false, "%", {}},
      {"【80%，100%】", "80", true, "100", true, "%", {}},
      {"[80%;100%)", "80", true, "100", false, "%", {}},
      {"[ 80% , 100% ]", "80", true, "100", true, "%", {}},
      {"80%至100%", "80", true, "100", true, "%", {}},
      {"80%到100%", "80", true, "100", true, "%", {}},
      {"80%~100%", "80", true, "100", true, "%", {}},
      {"80%～100%", "80", true, "100", true, "%", {}},
      {"80%—100%", "80", true, "100", true, "%", {}},
      {"80亩至100亩", "80", true, "100", true, "亩", {}},
      {"-5%-5%", "-5", true, "5", true, "%", {}},
      {"80%-80%", "80", true, "80", true, "%", {}},
  }));
  INFO("target: " << c.written);
  Constraint t = parsed(c.written);
  CHECK(std::string(t.kind()) == "range");
  const auto* r = std::get_if<RangeConstraint>(&t.form);
  REQUIRE(r != nullptr);
  CHECK(r->low.value.canonical() == c.low);
  CHECK(r->low_inclusive == c.low_inclusive);
  CHECK(r->high.value.canonical() == c.high);
  CHECK(r->high_inclusive == c.high_inclusive);
  CHECK(r->low.unit.symbol == c.unit);
  CHECK(r->high.unit.symbol == c.unit);
  CHECK(r->low.unit.dimension == r->high.unit.dimension);
  CHECK(t.assumptions == c.assumptions);
}

TEST_CASE("range bounds in different units of one dimension", "[parse][target]") {
  Constraint t = parsed("[1公顷,20亩]");
  const auto* r = std::get_if<RangeConstraint>(&t.form);
  REQUIRE(r != nullptr);
  CHECK(r->low.written() == "1公顷");
  CHECK(r->high.written() == "20亩");
  CHECK(r->low.base_value().canonical() == "15");
}

// ---- deadlines -----------------------------------------------------------------

namespace {

struct DeadlineCase {
  std::vector<std::string> forms;  // written ways of one target, each read alike
  std::optional<int> year;
  int month;
  Strings assumptions = {};
  std::optional<int> day = std::nullopt;         // empty: the month's end
  std::optional<int> from_month = std::nullopt;  // a period's first month (its day 1)
};

const Strings kMonthBefore = {"'11月前' read as by the end of that month: 11月底 included"};

}  // namespace

TEST_CASE("deadline and period targets", "[parse][target]") {
  auto c = GENERATE(values<DeadlineCase>({
      {{"2024年12月底前", "2024年12月底之前"}, 2024, 12},
      {{"11月底前", "十一月底前"}, std::nullopt, 11, {kNoYear}},
      {{"2023年底"}, 2023, 12},
      {{"年底前"}, std::nullopt, 12, {kNoYear}},
      {{"6月30日前"}, std::nullopt, 6, {kNoYear}, 30},
      {{"2024年6月30日前"}, 2024, 6, {}, 30},
      {{"2024年2月29日前"}, 2024, 2, {}, 29},
      {{"1-12月", "1至12月"}, std::nullopt, 12, {kNoYear}, std::nullopt, 1},
      {{"3-6月"}, std::nullopt, 6, {kNoYear}, std::nullopt, 3},
      {{"2024年 12月底前"}, 2024, 12, {joined("2024年12月底前")}},
      // 前 a month: by its end, said (as for a quarter).
      {{"2024年11月前"}, 2024, 11, kMonthBefore},
      {{"11月之前"}, std::nullopt, 11, {kMonthBefore[0], kNoYear}},
      // A comparator before a date: ≤ to the date's end, < to the day before it starts.
      {{"≤2024年11月", "<=2024年11月", "不晚于2024年11月", "不迟于2024年十一月", "不超过2024年11月",
        "≤2024年11月底"},
       2024,
       11},
      {{"≤2024年11月30日", "≤2024-11-30"}, 2024, 11, {}, 30},
      {{"≤ 2024 年 11 月 30 日"}, 2024, 11, {joined("≤2024年11月30日")}, 30},
      {{"≤11月30日"}, std::nullopt, 11, {kNoYear}, 30},
      {{"≤11月底"}, std::nullopt, 11, {kNoYear}},
      {{"≤2024年", "≤2024年底", "≤2024年第四季度末", "<2025年"}, 2024, 12},
      {{"≤年底"}, std::nullopt, 12, {kNoYear}},
      {{"≤第三季度", "<第四季度"}, std::nullopt, 9, {kNoYear}},
      {{"<2024年12月", "＜2024年12月", "早于2024年12月", "<2024年12月1日"}, 2024, 11},
      {{"<2024年11月30日", "<2024年11月底"}, 2024, 11, {}, 29},
      {{"<2024年3月"}, 2024, 2},                  // 2月29日 in 2024
      {{"<2024年1月", "<2024-01-01"}, 2023, 12},  // 2023年12月底, as above
      {{"<12月1日"}, std::nullopt, 11, {kNoYear}},
  }));
  for (const std::string& written : c.forms) {
    INFO("target: " << written);
    Constraint t = parsed(written);
    CHECK(std::string(t.kind()) == "deadline");
    const auto* d = std::get_if<DeadlineConstraint>(&t.form);
    REQUIRE(d != nullptr);
    CHECK(d->by.year == c.year);
    CHECK(d->by.month == c.month);
    CHECK(d->by.day == c.day);
    REQUIRE(d->from.has_value() == c.from_month.has_value());
    if (c.from_month) {
      CHECK(d->from->year == c.year);
      CHECK(d->from->month == *c.from_month);
      CHECK(d->from->day == 1);
    }
    CHECK(t.assumptions == c.assumptions);
  }
}

TEST_CASE("a comparator before a date, the year after the table's", "[parse][target]") {
  Constraint le = parsed("≤次年3月");
  const auto* d = std::get_if<DeadlineConstraint>(&le.form);
  REQUIRE(d != nullptr);
  CHECK(d->by.next_year);
  CHECK(d->by.month == 3);
  CHECK(d->by.day == std::nullopt);
  // The day before 次年1月1日 is the table's year's last day.
  Constraint lt = parsed("<次年1月");
  d = std::get_if<DeadlineConstraint>(&lt.form);
  REQUIRE(d != nullptr);
  CHECK_FALSE(d->by.next_year);
  CHECK(d->by.year == std::nullopt);
  CHECK(d->by.month == 12);
  CHECK(d->by.day == std::nullopt);  // 12月底, as <次年3月 is 2月底
  CHECK(describe(lt) ==
        "kind: deadline\nby: 12月底 of the table's year (included)\n"
        "assumed: 次年: the year after the table's year\n");
}

TEST_CASE("the day before a month is that month's end, across a year too", "[parse][target]") {
  // Stored and described alike: the month's end (底), not its last day's number.
  CHECK(describe(parsed("<2024年3月")) == "kind: deadline\nby: 2024年2月底 (included)\n");
  CHECK(describe(parsed("<2024年1月")) == "kind: deadline\nby: 2023年12月底 (included)\n");
  CHECK(describe(parsed("<2024-01-01")) == "kind: deadline\nby: 2023年12月底 (included)\n");
}

TEST_CASE("a comparator before what may be a duration stays a quantity", "[parse][target]") {
  for (const char* written : {"≤6月", "≤3季度", "≥2年", "<12个月"}) {
    INFO("target: " << written);
    CHECK(std::string(parsed(written).kind()) == "quantity");
  }
}

// ---- qualitative ---------------------------------------------------------------

TEST_CASE("level words, alone or after '='", "[parse][target]") {
  struct LevelCase {
    std::string written;
    std::string word;
  };
  auto c = GENERATE(values<LevelCase>({
      {"健全", "健全"}, {"=健全", "健全"}, {"＝健全", "健全"}, {"= 健全", "健全"}, {"合理", "合理"},
      {"明确", "明确"}, {"科学", "科学"},  {"规范", "规范"},   {"合规", "合规"},   {"完善", "完善"},
      {"公开", "公开"}, {"有效", "有效"},  {"及时", "及时"},   {"执行", "执行"},   {"稳定", "稳定"},
      {"优良", "优良"}, {"是", "是"},      {"=是", "是"},      {"=规范", "规范"},
  }));
  INFO("target: " << c.written);
  Constraint t = parsed(c.written);
  CHECK(std::string(t.kind()) == "level");
  const auto* l = std::get_if<LevelConstraint>(&t.form);
  REQUIRE(l != nullptr);
  CHECK(l->word == c.word);
  CHECK(l->op == indicheck::Comparator::eq);
  CHECK(t.assumptions.empty());
}

TEST_CASE("a grade word takes a comparator: before it, after it, or 达到 and 以上",
          "[parse][target][grades]") {
  struct GradeCase {
    std::string written;
    std::string word;
    std::string op;  // to_string(Comparator)
    std::string kind = "level";
  };
  auto c = GENERATE(values<GradeCase>({
      {"良好及以上", "良好", ">="},
      {"良好以上", "良好", ">="},
      {"良好(含)以上", "良好", ">="},
      {"良好（含）以上", "良好", ">="},
      {"≥良好", "良好", ">="},
      {"＞＝良好", "良好", ">="},
      {"≥ 良好", "良好", ">="},
      {"不低于良好", "良好", ">="},
      {"达到良好", "良好", ">="},
      {"达到良好以上", "良好", ">="},
      {"合格及以上", "合格", ">="},
      {"≥合格", "合格", ">="},
      {"不合格以上", "不合格", ">="},
      {"优秀以下", "优秀", "<="},
      {"合格及以下", "合格", "<="},
      {"≤合格", "合格", "<="},
      {"不高于良好", "良好", "<="},
      {">良好", "良好", ">"},
      {"高于合格", "合格", ">"},
      {"<良好", "良好", "<"},
      {"低于良好", "良好", "<"},
      {"良及以上", "良", ">="},
      {"中以上", "中", ">="},
      {"≥达标", "达标", ">="},
      {"有效及以上", "有效", ">="},
      {"部分达成及以上", "部分达成", ">="},
      // `=` and the word alone keep their reading: the level or the phrase.
      {"=合格", "合格", "="},
      {"合格", "合格", "="},
      {"良好", "", "", "text"},
      // A longer word is no grade word with text after it.
      {"不低于良好水平", "", "", "text"},
      {"良好以内", "", "", "text"},
  }));
  INFO("target: " << c.written);
  Constraint t = parsed(c.written);
  CHECK(std::string(t.kind()) == c.kind);
  CHECK(t.assumptions.empty());
  if (c.kind != "level") return;
  const auto* l = std::get_if<LevelConstraint>(&t.form);
  REQUIRE(l != nullptr);
  CHECK(l->word == c.word);
  CHECK(to_string(l->op) == c.op);
}

TEST_CASE("the grammar's grade words are the words of the grade scales",
          "[parse][target][grades]") {
  std::size_t words = 0;
  for (const auto& scale : indicheck::grade_scales())
    for (std::string_view w : scale.words) {
      ++words;
      INFO("word: " << w);
      Constraint t = parsed("≥" + std::string(w));
      const auto* l = std::get_if<LevelConstraint>(&t.form);
      REQUIRE(l != nullptr);
      CHECK(l->word == w);
      CHECK(l->op == indicheck::Comparator::ge);
    }
  // Each scale word is read as itself, so with as many alternatives the two
  // lists hold the same words.
  CHECK(words == indicheck::grammar::grade_word::subs_t::size);
}

TEST_CASE("phrases and sentences are text for a person to judge", "[parse][target]") {
  struct TextCase {
    std::string written;
    std::string text;
    Strings assumptions;
  };
  auto c = GENERATE(values<TextCase>({
      {"通过专家验收", "通过专家验收", {}},
      {"按时完成", "按时完成", {}},
      {"达到国家标准", "达到国家标准", {}},
      {"健全性", "健全性", {}},
      {"效果明显", "效果明显", {}},
      {"符合相关规定", "符合相关规定", {}},
      {"完成全市95%以上村庄规划编制", "完成全市95%以上村庄规划编制", {}},
      {"通过专家 验收", "通过专家验收", {joined("通过专家验收")}},
  }));
  INFO("target: " << c.written);
  Constraint t = parsed(c.written);
  CHECK(std::string(t.kind()) == "text");
  const auto* x = std::get_if<TextConstraint>(&t.form);
  REQUIRE(x != nullptr);
  CHECK(x->text == c.text);
  CHECK(t.written == c.written);
  CHECK(t.assumptions == c.assumptions);
}

TEST_CASE("an empty or all-blank cell sets no target", "[parse][target]") {
  auto written = GENERATE(as<std::string>{}, "", " ", "   ", "\t", "　", "\r\n", " \xC2\xA0 ");
  INFO("target: [" << written << "]");
  Constraint t = parsed(written);
  CHECK(std::string(t.kind()) == "none");
  CHECK(std::holds_alternative<NoTarget>(t.form));
  CHECK(t.assumptions.empty());
  CHECK(t.written == written);
}

// ---- rejections ------------------------------------------------------------------

namespace {

struct RejectCase {
  std::string written;
  std::string message;
  unsigned column;  // 1-based, in characters of the text as written
  Code code;
};

std::string kNotBefore(const std::string& op) {
  return "'" + op +
         "' before a date sets only the earliest date allowed, and a time target needs the "
         "latest: write the deadline (≤2024年11月, 2024年11月底前) or the period "
         "(2024年3月至2024年11月)";
}
const std::string kAfterComparator =
    "expected a number (or, after '=', a level word) after the comparator; found ";

}  // namespace

TEST_CASE("broken targets are refused at the right character", "[parse][target][error]") {
  auto c = GENERATE(values<RejectCase>({
      {"≥", kAfterComparator + "end of text", 2, Code::target_comparand_missing},
      {" ≥ ", kAfterComparator + "end of text", 3, Code::target_comparand_missing},
      {"=95%%", "expected the end of the target; found '%'", 5, Code::target_trailing_text},
      {"95%%", "expected the end of the target; found '%'", 4, Code::target_trailing_text},
      {"≥ 95 %%", "expected the end of the target; found '%'", 7, Code::target_trailing_text},
      {"　≥　９５％％", "expected the end of the target; found '％'", 7,
       Code::target_trailing_text},
      {"≥95%≥", "expected the end of the target; found '≥'", 5, Code::target_trailing_text},
      {"工5%", "'工' is not a comparator: expected one such as ≥, ≤, = or 不低于", 1,
       Code::not_a_comparator},
      {"290$", "expected the end of the target; found '$'", 4, Code::target_trailing_text},
      {"≥1.2.3%", "a number has at most one decimal point; found '.'", 5,
       Code::second_decimal_point},
      {"%95≥", "expected a comparator, a number, a level word or a phrase", 1,
       Code::target_unreadable},
      {"＝＝健全", kAfterComparator + "'＝'", 2, Code::target_comparand_missing},
      {"≥健全", "a level word such as '健全' takes no comparator other than '='", 1,
       Code::level_with_comparator},
      {"=健全以上", "a level word takes no '以上'", 4, Code::level_with_suffix},
      // A grade word takes one comparator; 优良 is a level word, not a grade.
      {"≥良好以上", "'以上' repeats the comparator '≥': write only one", 4,
       Code::comparator_repeated},
      {"不低于合格以下", "'以下' repeats the comparator '不低于': write only one", 6,
       Code::comparator_repeated},
      {"≥优良", "a level word such as '优良' takes no comparator other than '='", 1,
       Code::level_with_comparator},
      {"≥很好", kAfterComparator + "'很'", 2, Code::target_comparand_missing},
      {"=良好", kAfterComparator + "'良'", 2, Code::target_comparand_missing},
      {"=.%", kAfterComparator + "'.'", 2, Code::target_comparand_missing},
      {"≤≤10%", kAfterComparator + "'≤'", 2, Code::target_comparand_missing},
      {"1,20个", "expected the end of the target; found ','", 2, Code::target_trailing_text},
      {"5.%", "expected digits after the decimal point; found '%'", 3,
       Code::fraction_digits_missing},
      {"≥95%以上", "'以上' repeats the comparator '≥': write only one", 5,
       Code::comparator_repeated},
      {"达到95%以下", "'以下' repeats the comparator '达到': write only one", 6,
       Code::comparator_repeated},
      {"100%-80%", "the range is empty: 100% is above 80%", 1, Code::range_empty},
      {"80%-100亩", "the range bounds differ in kind: a ratio and an area", 5,
       Code::range_kinds_differ},
      {"80%-", "expected the upper bound of the range; found end of text", 5,
       Code::range_upper_missing},
      {"[80%,100%", "expected ']' or ')' to close the range; found end of text", 10,
       Code::range_not_closed},
      {"[80%100%]", "expected ',' between the two range bounds; found '1'", 5,
       Code::range_separator_missing},
      {"[80%,]", "expected a number as a range bound; found ']'", 6, Code::range_bound_not_number},
      {"13月底前", "there is no month 13", 1, Code::no_such_month},
      {"1-13月", "there is no month 13", 3, Code::no_such_month},
      // The caret goes under the number that is wrong: the month, or the day.
      {"2024年13月底前", "there is no month 13", 6, Code::no_such_month},
      {"2月30日前", "there is no day 30 in month 2", 3, Code::no_such_day},
      {"2023年2月29日前", "there is no day 29 in month 2", 8, Code::no_such_day},
      // A comparator before a date: ≥, > and = give no deadline.
      {"≥2024年3月", kNotBefore("≥"), 1, Code::date_comparator_no_deadline},
      {"不早于2024年3月1日", kNotBefore("不早于"), 1, Code::date_comparator_no_deadline},
      {"晚于2024年3月", kNotBefore("晚于"), 1, Code::date_comparator_no_deadline},
      {">2024-03-01", kNotBefore(">"), 1, Code::date_comparator_no_deadline},
      {"  =2024年11月",
       "'=' before a date leaves open whether an earlier date meets it: write the deadline "
       "(≤2024年11月, 2024年11月底前)",
       3, Code::date_comparator_no_deadline},
      {"<1月1日", "before 1月1日 is the year before the table's: write the year (<2025年1月1日)", 1,
       Code::date_comparator_no_deadline},
      {"<2月底", "the day before 2月底 depends on the year: write the year or the day (≤2月27日)",
       1, Code::date_comparator_no_deadline},
      {"≤2024年11月前", "'前' repeats the comparator '≤': write only one", 10,
       Code::comparator_repeated},
      {"不晚于2024年11月底之前", "'之前' repeats the comparator '不晚于': write only one", 13,
       Code::comparator_repeated},
      {"≤2024年13月", "there is no month 13", 7, Code::no_such_month},
      {"≤2023年2月29日", "there is no day 29 in month 2", 9, Code::no_such_day},
  }));
  INFO("target: " << c.written);
  ParseError e = refused(c.written);
  CHECK(e.message == c.message);
  CHECK(e.column == c.column);
  CHECK(id_of(e.code) == id_of(c.code));
}

TEST_CASE("columns count characters, bytes are bytes", "[parse][target][error]") {
  ParseError e = refused("＝＝健全");
  CHECK(e.column == 2);
  CHECK(e.byte == 3);  // ＝ is three bytes in UTF-8
  ParseError spaced = refused("≥ 95 %%");
  CHECK(spaced.column == 7);
  CHECK(spaced.byte == 8);
}

TEST_CASE("invalid UTF-8 is refused where it stands", "[parse][target][error]") {
  ParseError e = refused(
      "ab\xFF"
      "c");
  CHECK(e.message == "invalid UTF-8 byte 0xFF at character 3");
  CHECK(id_of(e.code) == "E1001");
  CHECK(e.column == 3);
  CHECK(e.byte == 2);
  ParseError cut = refused("≥9\xE4\xB8");  // a Han character cut short
  CHECK(cut.message == "invalid UTF-8 byte 0xE4 at character 3");
  CHECK(cut.column == 3);
  CHECK(cut.byte == 4);
  ParseError lone = refused("≥95\x80%");
  CHECK(lone.message == "invalid UTF-8 byte 0x80 at character 4");
  CHECK(lone.column == 4);
}

TEST_CASE("a byte order mark is left out and noted", "[parse][target]") {
  // As a table file's leading BOM is dropped, a BOM copied into a target is too.
  Constraint c = parsed("\xEF\xBB\xBF≥95%");
  CHECK(describe(c) ==
        "kind: quantity\nop: >=\nvalue: 95\nunit: % (ratio: 1% = 0.01)\n"
        "assumed: a byte order mark (U+FEFF) in the text was ignored\n");
  CHECK(c.assumptions == Strings{"a byte order mark (U+FEFF) in the text was ignored"});
  // Inside a number it joins, without the "spaces inside the text" note.
  Constraint inside = parsed(
      "≥9\xEF\xBB\xBF"
      "5%");
  CHECK(describe(inside) == describe(c));
  CHECK(inside.assumptions == Strings{"a byte order mark (U+FEFF) in the text was ignored"});
  Constraint only = parsed("\xEF\xBB\xBF");
  CHECK(only.kind() == std::string_view("none"));
  CHECK(only.assumptions == Strings{"a byte order mark (U+FEFF) in the text was ignored"});
}

TEST_CASE("a number has at most 60 digits", "[parse][target][error]") {
  std::string sixty(60, '1');
  Constraint ok = parsed("≥" + sixty + "%");
  const auto* q = std::get_if<QuantityConstraint>(&ok.form);
  REQUIRE(q != nullptr);
  CHECK(q->target.value.canonical() == sixty);

  ParseError e = refused("≥" + sixty + "1%");
  CHECK(e.message == "a number may have at most 60 digits");
  CHECK(id_of(e.code) == "E1005");
  CHECK(e.column == 2);
  ParseError frac = refused("=0." + sixty);  // 61 digits with the leading 0
  CHECK(frac.message == "a number may have at most 60 digits");
  CHECK(frac.column == 2);
}

TEST_CASE("a target is at most 4096 bytes", "[parse][target][error]") {
  std::string han;
  for (int i = 0; i < 1365; ++i) han += "效";  // 4095 bytes
  Constraint at_limit = parsed(han + "a");     // 4096 bytes: a (long) sentence
  CHECK(std::string(at_limit.kind()) == "text");

  ParseError e = refused(han + "ab");
  CHECK(e.message == "a target may be at most 4096 bytes long");
  CHECK(id_of(e.code) == "E1003");
  CHECK(e.column == 1);
  ParseError blank = refused(std::string(4097, ' '));
  CHECK(blank.message == "a target may be at most 4096 bytes long");
}

// ---- what `indicheck parse` shows ------------------------------------------------

TEST_CASE("describe and to_json show the typed constraint", "[parse][target][render]") {
  CHECK(describe(parsed("≥95%")) ==
        "kind: quantity\nop: >=\nvalue: 95\nunit: % (ratio: 1% = 0.01)\n");
  CHECK(describe(parsed("=6300平方 米")) ==
        "kind: quantity\nop: =\nvalue: 6300\nunit: 平方米 (area: 1平方米 = 0.0015亩)\n"
        "assumed: spaces inside the text were ignored: read as '=6300平方米'\n");
  CHECK(describe(parsed("11月底前")) ==
        "kind: deadline\nby: 11月底 of the table's year (included)\n"
        "assumed: no year given: the table's year applies\n");
  CHECK(describe(parsed("")) == "kind: none\nno target is set\n");

  auto range = to_json(parsed("(80%,100%]"));
  CHECK(range["kind"] == "range");
  CHECK(range["low"]["value"] == "80");
  CHECK(range["low_inclusive"] == false);
  CHECK(range["high"]["value"] == "100");
  CHECK(range["high_inclusive"] == true);
  CHECK(range["unit"] == "%");

  auto quantity = to_json(parsed("≤500万"));
  CHECK(quantity["op"] == "<=");
  CHECK(quantity["unit_info"]["factor"] == "10000");
  CHECK(quantity["unit_info"]["dimension"] == "");

  auto deadline = to_json(parsed("1-12月"));
  CHECK(deadline["from"]["month"] == 1);
  CHECK(deadline["by"]["month"] == 12);
  CHECK(deadline["by"]["day"] == "end");
  CHECK(deadline["by"]["year"].is_null());
  CHECK(deadline["assumptions"].size() == 1);
}
