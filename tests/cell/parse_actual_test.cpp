// Actual values (实际完成值) as reported: figures, dates, graded level words,
// the official grade wording, placeholders and sentences; and what is refused.

#include <catch2/catch.hpp>

#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "engine/cell/parse.hpp"

using indicheck::Actual;
using indicheck::ActualDate;
using indicheck::ActualGrade;
using indicheck::ActualLevel;
using indicheck::ActualNone;
using indicheck::ActualQuantity;
using indicheck::ActualText;
using indicheck::Code;
using indicheck::Grade;
using indicheck::ParseError;
using Strings = std::vector<std::string>;

namespace {

Actual parsed(const std::string& written) {
  auto r = indicheck::parse_actual(written);
  if (const auto* e = std::get_if<ParseError>(&r))
    UNSCOPED_INFO("refused at column " << e->column << ": " << e->message);
  REQUIRE(std::holds_alternative<Actual>(r));
  return std::get<Actual>(r);
}

ParseError refused(const std::string& written) {
  auto r = indicheck::parse_actual(written);
  if (std::holds_alternative<Actual>(r)) UNSCOPED_INFO("accepted");
  REQUIRE(std::holds_alternative<ParseError>(r));
  return std::get<ParseError>(r);
}

std::string grade_name(Grade g) {
  return to_string(g);
}

}  // namespace

namespace {

struct QuantityCase {
  std::string written;
  std::string value;  // Number::canonical()
  const char* unit;   // Unit::symbol; nullptr: written without a unit
  std::string dimension;
  Strings assumptions;
};

}  // namespace

TEST_CASE("actual figures, with and without a unit", "[parse][actual]") {
  auto c = GENERATE(values<QuantityCase>({
      {"95", "95", nullptr, "", {}},
      {"0.0015", "0.0015", nullptr, "", {}},
      {"95%", "95", "%", "ratio", {}},
      {"100.00%", "100", "%", "ratio", {}},
      {"-0%", "0", "%", "ratio", {}},
      {"+10%", "10", "%", "ratio", {}},
      {"-3.5%", "-3.5", "%", "ratio", {}},
      {"94.999999%", "94.999999", "%", "ratio", {}},
      {"９６％", "96", "%", "ratio", {}},
      {"52,621个", "52621", "个", "count:个", {}},
      {"52,621", "52621", nullptr, "", {}},
      {"9.45亩", "9.45", "亩", "area", {}},
      {"800公顷", "800", "公顷", "area", {}},
      {"8000000平方米", "8000000", "平方米", "area", {}},
      {"666.67㎡", "666.67", "平方米", "area", {}},
      {"1.2万亩", "1.2", "万亩", "area", {}},
      {"500万", "500", "万", "", {}},
      {"1,234.5万元", "1234.5", "万元", "money", {}},
      {"0.5万人次", "0.5", "万人次", "count:人次", {}},
      {"10日", "10", "天", "days", {}},
      {"10工作日", "10", "工作日", "workdays", {}},
      {"300元/亩", "300", "元/亩", "money/area", {}},
      {" 95 % ", "95", "%", "ratio", {}},
      {"9 5%", "95", "%", "ratio", {"spaces inside the text were ignored: read as '95%'"}},
      {"3匹", "3", "匹", "unit:匹", {"unknown unit '匹': compared only with the same unit"}},
  }));
  INFO("actual: " << c.written);
  Actual a = parsed(c.written);
  CHECK(a.written == c.written);
  const auto* q = std::get_if<ActualQuantity>(&a.form);
  REQUIRE(q != nullptr);
  CHECK(q->value.canonical() == c.value);
  REQUIRE(q->unit.has_value() == (c.unit != nullptr));
  if (c.unit) {
    CHECK(q->unit->symbol == c.unit);
    CHECK(q->unit->dimension == c.dimension);
  }
  CHECK(a.assumptions == c.assumptions);
}

TEST_CASE("minus zero is zero and 100.00% is 100%", "[parse][actual]") {
  auto value_of = [](const std::string& written) {
    Actual a = parsed(written);
    const auto* q = std::get_if<ActualQuantity>(&a.form);
    REQUIRE(q != nullptr);
    return q->value;
  };
  CHECK(value_of("-0%").is_zero());
  CHECK(value_of("-0%") == value_of("0%"));
  CHECK(value_of("100.00%") == value_of("100%"));
  CHECK(value_of("99.99%") != value_of("100%"));
}

namespace {

struct DateCase {
  std::string written;
  std::optional<int> year;
  int month;
  std::optional<int> day;
};

}  // namespace

TEST_CASE("actual dates", "[parse][actual]") {
  auto c = GENERATE(values<DateCase>({
      {"2024年11月20日", 2024, 11, 20},
      {"2024-11-20", 2024, 11, 20},
      {"2024/11/20", 2024, 11, 20},
      {"2024.11.20", 2024, 11, 20},
      {"2024-1-5", 2024, 1, 5},
      {"11月20日", std::nullopt, 11, 20},
      {"11月20号", std::nullopt, 11, 20},
      {"2024年11月", 2024, 11, std::nullopt},
      {"2024年2月29日", 2024, 2, 29},
      {"２０２４年１１月２０日", 2024, 11, 20},
      {"2024年 11月 20日", 2024, 11, 20},
  }));
  INFO("actual: " << c.written);
  Actual a = parsed(c.written);
  const auto* d = std::get_if<ActualDate>(&a.form);
  REQUIRE(d != nullptr);
  CHECK(d->date.year == c.year);
  CHECK(d->date.month == c.month);
  CHECK(d->date.day == c.day);
}

namespace {

struct LevelCase {
  std::string written;
  std::string word;
  const char* modifier;  // nullptr: not checked
  Grade grade;
};

}  // namespace

TEST_CASE("level words and their grades", "[parse][actual]") {
  auto c = GENERATE(values<LevelCase>({
      {"健全", "健全", "", Grade::met},
      {"规范", "规范", "", Grade::met},
      {"基本健全", "健全", "基本", Grade::partly},
      {"基本上合理", "合理", "基本上", Grade::partly},
      {"较规范", "规范", "较", Grade::partly},
      {"较为规范", "规范", "较为", Grade::partly},
      {"部分公开", "公开", "部分", Grade::partly},
      {"比较完善", "完善", "比较", Grade::partly},
      {"大部分落实", "落实", "大部分", Grade::partly},
      {"不健全", "健全", "不", Grade::not_met},
      {"不及时", "及时", "不", Grade::not_met},
      {"未公开", "公开", "未", Grade::not_met},
      {"尚未公开", "公开", "尚未", Grade::not_met},
      {"没有落实", "落实", "没有", Grade::not_met},
      {"是", "是", "", Grade::met},
      // 否 answers on the 是 scale: the word is 是, its grade "not met".
      {"否", "是", nullptr, Grade::not_met},
  }));
  INFO("actual: " << c.written);
  Actual a = parsed(c.written);
  const auto* l = std::get_if<ActualLevel>(&a.form);
  REQUIRE(l != nullptr);
  CHECK(l->word == c.word);
  if (c.modifier) CHECK(l->modifier == c.modifier);
  CHECK(grade_name(l->grade) == grade_name(c.grade));
}

TEST_CASE("the official grade wording", "[parse][actual]") {
  struct GradeCase {
    std::string written;
    Grade grade;
  };
  auto c = GENERATE(values<GradeCase>({
      {"达成预期指标", Grade::met},
      {"部分达成预期指标并具有一定效果", Grade::partly},
      {"未达成预期指标且效果较差", Grade::not_met},
  }));
  INFO("actual: " << c.written);
  Actual a = parsed(c.written);
  const auto* g = std::get_if<ActualGrade>(&a.form);
  REQUIRE(g != nullptr);
  CHECK(grade_name(g->grade) == grade_name(c.grade));
}

TEST_CASE("grade names", "[parse][actual]") {
  CHECK(grade_name(Grade::met) == "met");
  CHECK(grade_name(Grade::partly) == "partly met");
  CHECK(grade_name(Grade::not_met) == "not met");
}

TEST_CASE("empty cells and placeholders report nothing", "[parse][actual]") {
  struct NoneCase {
    std::string written;
    std::string none_written;  // ActualNone::written
  };
  auto c = GENERATE(values<NoneCase>({
      {"", ""},
      {"   ", "   "},
      {"　", "　"},
      {"/", "/"},
      {" / ", "/"},
      {"-", "-"},
      {"--", "--"},
      {"—", "—"},
      {"——", "——"},
      {"N/A", "N/A"},
      {"n/a", "n/a"},
      {"#N/A", "#N/A"},
  }));
  INFO("actual: [" << c.written << "]");
  Actual a = parsed(c.written);
  const auto* n = std::get_if<ActualNone>(&a.form);
  REQUIRE(n != nullptr);
  CHECK(n->written == c.none_written);
  CHECK(a.written == c.written);
  CHECK(a.assumptions.empty());
}

TEST_CASE("phrases and sentences are text", "[parse][actual]") {
  auto written = GENERATE(as<std::string>{}, "已完成全部验收工作", "通过专家验收", "按时完成",
                          "未按时完成", "良好", "部分达成", "已通过", "完成95%以上的任务");
  INFO("actual: " << written);
  Actual a = parsed(written);
  const auto* t = std::get_if<ActualText>(&a.form);
  REQUIRE(t != nullptr);
  CHECK(t->text == written);
}

namespace {

struct RejectCase {
  std::string written;
  std::string message;
  unsigned column;
  Code code;
};

}  // namespace

TEST_CASE("unreadable actuals are refused at the right character", "[parse][actual][error]") {
  const std::string unreadable = "expected a number, a date or a level word";
  const std::string comparison = "an actual is a value, not a comparison: write the figure reached";
  auto c = GENERATE_COPY(values<RejectCase>({
      // ≥98%, ＞＝98% and =100% are read as their figure (tests/cell/readings_test.cpp);
      // a strict comparator says no figure.
      {">98%", comparison, 1, Code::actual_is_comparison},
      {"＞98%", comparison, 1, Code::actual_is_comparison},
      {"<2%", comparison, 1, Code::actual_is_comparison},
      // 约98% is about 98% (readings_test.cpp); another word is no part of a value.
      {"工98%", "'工' before the number is not part of a value: write the figure alone", 1,
       Code::actual_prefix},
      {"95..5%", "expected digits after the decimal point; found '.'", 4,
       Code::fraction_digits_missing},
      {"1.2.3", "a number has at most one decimal point; found '.'", 4, Code::second_decimal_point},
      {"5.%", "expected digits after the decimal point; found '%'", 3,
       Code::fraction_digits_missing},
      // A figure followed by junk: the caret goes under the junk, as for targets.
      {"5%%", "expected the end of the value; found '%'", 3, Code::actual_trailing_text},
      {"%", unreadable, 1, Code::actual_unreadable},
      {"x%", unreadable, 1, Code::actual_unreadable},
      {"？", unreadable, 1, Code::actual_unreadable},
      {"2024年13月", "there is no month 13", 6, Code::no_such_month},
      {"2024-13-01", "there is no month 13", 6, Code::no_such_month},
      // The caret goes under the day that does not exist.
      {"2023年2月29日", "there is no day 29 in month 2", 8, Code::no_such_day},
      {"2024-02-30", "there is no day 30 in month 2", 9, Code::no_such_day},
  }));
  INFO("actual: " << c.written);
  ParseError e = refused(c.written);
  CHECK(e.message == c.message);
  CHECK(e.column == c.column);
  CHECK(id_of(e.code) == id_of(c.code));
}

TEST_CASE("a byte order mark before an actual is left out and noted", "[parse][actual]") {
  Actual a = parsed(
      "\xEF\xBB\xBF"
      "96%");
  CHECK(a.assumptions == Strings{"a byte order mark (U+FEFF) in the text was ignored"});
  const auto* q = std::get_if<ActualQuantity>(&a.form);
  REQUIRE(q != nullptr);
  CHECK(q->value.canonical() == "96");
  REQUIRE(q->unit.has_value());
  CHECK(q->unit->symbol == "%");
}

TEST_CASE("actual limits: UTF-8, digits, length", "[parse][actual][error]") {
  ParseError utf8 = refused(
      "9\xFF"
      "5%");
  CHECK(utf8.message == "invalid UTF-8 byte 0xFF at character 2");
  CHECK(id_of(utf8.code) == "E1001");
  CHECK(utf8.column == 2);
  CHECK(utf8.byte == 1);

  std::string sixty(60, '9');
  Actual ok = parsed(sixty);
  CHECK(std::get<ActualQuantity>(ok.form).value.canonical() == sixty);
  ParseError digits = refused(sixty + "9%");
  CHECK(digits.message == "a number may have at most 60 digits");
  CHECK(id_of(digits.code) == "E1005");
  CHECK(digits.column == 1);

  ParseError size = refused(std::string(4097, '9'));
  CHECK(size.message == "a value may be at most 4096 bytes long");
  CHECK(id_of(size.code) == "E1004");
  CHECK(size.column == 1);
}
