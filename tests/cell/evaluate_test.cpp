// Judging actuals against targets: every comparator at its bound, exact unit
// conversions, ranges, levels, text, deadlines, missing values and no target.
// Each expectation is worked out by hand from DOMAIN.md, not copied from output.

#include <catch2/catch.hpp>

#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "engine/cell/evaluate.hpp"
#include "engine/cell/parse.hpp"
#include "engine/report/render.hpp"

using indicheck::Actual;
using indicheck::Constraint;
using indicheck::EvaluationContext;
using indicheck::ParseError;
using indicheck::Period;
using indicheck::Verdict;
using indicheck::VerdictKind;
using Strings = std::vector<std::string>;

namespace {

Verdict judge(const std::string& target, const std::string& actual,
              std::optional<int> year = std::nullopt, bool explain = true,
              std::optional<Period> period = std::nullopt) {
  auto t = indicheck::parse_target(target);
  if (const auto* e = std::get_if<ParseError>(&t))
    UNSCOPED_INFO("target refused at column " << e->column << ": " << e->message);
  REQUIRE(std::holds_alternative<Constraint>(t));
  auto a = indicheck::parse_actual(actual);
  if (const auto* e = std::get_if<ParseError>(&a))
    UNSCOPED_INFO("actual refused at column " << e->column << ": " << e->message);
  REQUIRE(std::holds_alternative<Actual>(a));
  EvaluationContext ctx;
  ctx.year = year;
  ctx.period = period;
  ctx.explain = explain;
  return evaluate(std::get<Constraint>(t), std::get<Actual>(a), ctx);
}

std::string kind_name(VerdictKind k) {
  return to_string(k);
}

const std::string kNoYear = "no year given: the table's year applies";
const std::string kNextYear = "次年: the year after the table's year";

std::string no_unit(const std::string& read_as) {
  return "actual has no unit: read as " + read_as + " (the target's unit)";
}

struct Case {
  std::string target;
  std::string actual;
  VerdictKind kind;
  std::string explanation;
  Strings assumptions = {};
  std::optional<int> year = std::nullopt;       // EvaluationContext::year
  std::optional<Period> period = std::nullopt;  // EvaluationContext::period
};

void expect_case(const Case& c) {
  INFO("target: " << c.target << "  actual: " << c.actual
                  << (c.year ? "  year: " + std::to_string(*c.year) : std::string())
                  << (c.period ? std::string("  period: ") + to_string(*c.period) : std::string()));
  Verdict v = judge(c.target, c.actual, c.year, true, c.period);
  CHECK(kind_name(v.kind) == kind_name(c.kind));
  CHECK(v.explanation == c.explanation);
  CHECK(v.assumptions == c.assumptions);
  // Batch asks for the kind only; it must be the same kind.
  CHECK(kind_name(judge(c.target, c.actual, c.year, false, c.period).kind) == kind_name(c.kind));
}

constexpr VerdictKind pass = VerdictKind::pass;
constexpr VerdictKind fail = VerdictKind::fail;
constexpr VerdictKind partial = VerdictKind::partial;
constexpr VerdictKind manual = VerdictKind::manual;
constexpr VerdictKind missing = VerdictKind::missing;
constexpr VerdictKind error = VerdictKind::error;
constexpr VerdictKind no_target = VerdictKind::no_target;
constexpr Period half = Period::half;
constexpr Period year_end = Period::year;

// A date reached against a deadline, met and missed: the two explanations.
std::string by(const std::string& done, const std::string& deadline) {
  return done + " is on or before " + deadline;
}
std::string late(const std::string& done, const std::string& deadline) {
  return done + " is after the deadline " + deadline;
}

// Work under way (进行中) against a deadline, with no period's end to judge it at.
std::string under_way_unknown(const std::string& said) {
  return "'" + said +
         "': the work is under way; the period reported on is not known, so a person must "
         "judge it against the deadline";
}

}  // namespace

TEST_CASE("the issue's acceptance cases", "[evaluate]") {
  expect_case({"不低于95%", "95%", pass, "95% ≥ 95% holds"});
  expect_case({"超过95%", "95%", fail, "95% > 95% does not hold (the bound itself is excluded)"});
}

TEST_CASE("every comparator at, just below and just above its bound", "[evaluate]") {
  auto c = GENERATE(values<Case>({
      // ≥ and its spellings
      {"≥95%", "95%", pass, "95% ≥ 95% holds"},
      {"≥95%", "94.999999%", fail, "94.999999% ≥ 95% does not hold (short by 0.000001%)"},
      {"≥95%", "95.000001%", pass, "95.000001% ≥ 95% holds"},
      {"≥95%", "94.99999999999999999999%", fail,
       "94.99999999999999999999% ≥ 95% does not hold (short by 0.00000000000000000001%)"},
      {"≧95%", "95%", pass, "95% ≥ 95% holds"},
      {">=95%", "94.999999%", fail, "94.999999% ≥ 95% does not hold (short by 0.000001%)"},
      {"＞＝95%", "95%", pass, "95% ≥ 95% holds"},
      {"大于等于95%", "95%", pass, "95% ≥ 95% holds"},
      {"至少3项", "3项", pass, "3项 ≥ 3项 holds"},
      {"不少于10个", "9个", fail, "9个 ≥ 10个 does not hold (short by 1个)"},
      {"达到95%", "95%", pass, "95% ≥ 95% holds"},
      {"达到95%以上", "94.99%", fail, "94.99% ≥ 95% does not hold (short by 0.01%)"},
      {"95%以上", "95%", pass, "95% ≥ 95% holds"},
      {"100个及以上", "100个", pass, "100个 ≥ 100个 holds"},
      {"5000人次以上", "4999人次", fail, "4999人次 ≥ 5000人次 does not hold (short by 1人次)"},
      // >
      {">95%", "95%", fail, "95% > 95% does not hold (the bound itself is excluded)"},
      {">95%", "95.000001%", pass, "95.000001% > 95% holds"},
      {"＞95%", "94.999999%", fail, "94.999999% > 95% does not hold (short by 0.000001%)"},
      {"高于90%", "90%", fail, "90% > 90% does not hold (the bound itself is excluded)"},
      {"多于10人", "11人", pass, "11人 > 10人 holds"},
      {"大于0", "0.000001", pass, "0.000001 > 0 holds"},
      // ≤ and its spellings
      {"≤10%", "10%", pass, "10% ≤ 10% holds"},
      {"≤10%", "10.000001%", fail, "10.000001% ≤ 10% does not hold (over by 0.000001%)"},
      {"≤10%", "9.999999%", pass, "9.999999% ≤ 10% holds"},
      {"≦10%", "10%", pass, "10% ≤ 10% holds"},
      {"<=10%", "+10.0%", pass, "10% ≤ 10% holds"},
      {"＜＝10%", "10.1%", fail, "10.1% ≤ 10% does not hold (over by 0.1%)"},
      {"小于等于10%", "10%", pass, "10% ≤ 10% holds"},
      {"不高于5%", "5.000001%", fail, "5.000001% ≤ 5% does not hold (over by 0.000001%)"},
      {"不多于3次", "3次", pass, "3次 ≤ 3次 holds"},
      {"5%以下", "5%", pass, "5% ≤ 5% holds"},
      {"10天以内", "10天", pass, "10天 ≤ 10天 holds"},
      {"10天以内", "10日", pass, "10天 ≤ 10天 holds"},
      {"10天以内", "11天", fail, "11天 ≤ 10天 does not hold (over by 1天)"},
      // <
      {"<5%", "5%", fail, "5% < 5% does not hold (the bound itself is excluded)"},
      {"<5%", "4.999999%", pass, "4.999999% < 5% holds"},
      {"＜5%", "5.000001%", fail, "5.000001% < 5% does not hold (over by 0.000001%)"},
      {"低于5%", "4.99%", pass, "4.99% < 5% holds"},
      {"少于3次", "3次", fail, "3次 < 3次 does not hold (the bound itself is excluded)"},
      {"不满18人", "18人", fail, "18人 < 18人 does not hold (the bound itself is excluded)"},
      {"不满18人", "17人", pass, "17人 < 18人 holds"},
      {"小于1%", "0.999999%", pass, "0.999999% < 1% holds"},
      // = is exact
      {"=100%", "100%", pass, "100% = 100% holds"},
      {"=100%", "100.00%", pass, "100% = 100% holds"},
      {"=100%", "99.99%", fail, "99.99% = 100% does not hold (short by 0.01%)"},
      {"=100%", "100.000001%", fail, "100.000001% = 100% does not hold (over by 0.000001%)"},
      {"＝100%", "99.999999%", fail, "99.999999% = 100% does not hold (short by 0.000001%)"},
      {"﹦100%", "100%", pass, "100% = 100% holds"},
      {"═100%", "100%", pass, "100% = 100% holds"},
      {"等于100%", "100%", pass, "100% = 100% holds"},
      {"100%", "100.00%", pass, "100% = 100% holds", {"no comparator: '100%' read as '=100%'"}},
      // -0 is 0
      {"≤0%", "-0%", pass, "0% ≤ 0% holds"},
      {"≤0%", "-3.5%", pass, "-3.5% ≤ 0% holds"},
      {"≤0%", "0.000001%", fail, "0.000001% ≤ 0% does not hold (over by 0.000001%)"},
      {"=0%", "-0%", pass, "0% = 0% holds"},
      {"≥-5%", "-5.00%", pass, "-5% ≥ -5% holds"},
      {"≥-5%", "-5.01%", fail, "-5.01% ≥ -5% does not hold (short by 0.01%)"},
  }));
  expect_case(c);
}

TEST_CASE("units convert exactly before comparing", "[evaluate][exact]") {
  auto c = GENERATE(values<Case>({
      {"=12000亩", "800公顷", pass, "800公顷 = 12000亩; 12000亩 = 12000亩 holds"},
      {"=12000亩", "8000000平方米", pass, "8000000平方米 = 12000亩; 12000亩 = 12000亩 holds"},
      {"=12000亩", "1.2万亩", pass, "1.2万亩 = 12000亩; 12000亩 = 12000亩 holds"},
      {"=800公顷", "12000亩", pass, "12000亩 = 800公顷; 800公顷 = 800公顷 holds"},
      {"=6300平方米", "9.45亩", pass, "9.45亩 = 6300平方米; 6300平方米 = 6300平方米 holds"},
      {"=6300平方 米",
       "9.45亩",
       pass,
       "9.45亩 = 6300平方米; 6300平方米 = 6300平方米 holds",
       {"spaces inside the text were ignored: read as '=6300平方米'"}},
      // 666.67 × 0.0015 = 1.000005: close to 1亩, not equal to it.
      {"=1亩", "666.67平方米", fail,
       "666.67平方米 = 1.000005亩; 1.000005亩 = 1亩 does not hold (over by 0.000005亩)"},
      {"≥1亩", "666.67平方米", pass, "666.67平方米 = 1.000005亩; 1.000005亩 ≥ 1亩 holds"},
      {"≥1亩", "666.66平方米", fail,
       "666.66平方米 = 0.99999亩; 0.99999亩 ≥ 1亩 does not hold (short by 0.00001亩)"},
      {"≤500万元", "5000000元", pass, "5000000元 = 500万元; 500万元 ≤ 500万元 holds"},
      {"≤500万元", "5000000.01元", fail,
       "5000000.01元 = 500.000001万元; 500.000001万元 ≤ 500万元 does not hold (over by "
       "0.000001万元)"},
      {"≥5000人次", "0.5万人次", pass, "0.5万人次 = 5000人次; 5000人次 ≥ 5000人次 holds"},
      {"=300元/亩", "0.03万元/亩", pass, "0.03万元/亩 = 300元/亩; 300元/亩 = 300元/亩 holds"},
      {"≤36小时", "1.5天", pass, "1.5天 = 36小时; 36小时 ≤ 36小时 holds"},
  }));
  expect_case(c);
}

TEST_CASE("a bare 万 or a missing unit takes the target's unit, and says so", "[evaluate]") {
  auto c = GENERATE(values<Case>({
      {"≤500万元", "500万", pass, "500万元 ≤ 500万元 holds", {"'万' alone read as 万元"}},
      {"≤500万元",
       "500.01万",
       fail,
       "500.01万元 ≤ 500万元 does not hold (over by 0.01万元)",
       {"'万' alone read as 万元"}},
      {"≥5000人次",
       "0.5万",
       pass,
       "0.5万人次 = 5000人次; 5000人次 ≥ 5000人次 holds",
       {"'万' alone read as 万人次"}},
      {"≥95%", "95", pass, "95% ≥ 95% holds", {no_unit("95%")}},
      // A bare fraction near a percent target is the fraction (issue 17): 0.95 is 95%.
      {"≥95%",
       "0.95",
       pass,
       "0.95 = 95%; 95% ≥ 95% holds",
       {"actual 0.95 has no unit: read as the fraction 95% (near the target's 95%; as a "
        "percentage it would be 0.95%)"}},
      {"≥1%", "0.95", fail, "0.95% ≥ 1% does not hold (short by 0.05%)", {no_unit("0.95%")}},
      {"=12000亩", "12000", pass, "12000亩 = 12000亩 holds", {no_unit("12000亩")}},
      {"≤500万元",
       "5000000",
       fail,
       "5000000万元 ≤ 500万元 does not hold (over by 4999500万元)",
       {no_unit("5000000万元")}},
      {"80-100%",
       "90",
       pass,
       "90% lies in [80%, 100%]",
       {"range lower bound has no unit: read as 80%", no_unit("90%")}},
      {"=100", "100", pass, "100 = 100 holds", {}},
  }));
  expect_case(c);
}

TEST_CASE("different dimensions never compare", "[evaluate]") {
  auto c = GENERATE(values<Case>({
      {"=7项", "7个", error,
       "cannot compare: the actual 7个 is a count of 个, the target is a count of 项"},
      {"≥95%", "95个", error,
       "cannot compare: the actual 95个 is a count of 个, the target is a ratio"},
      {"≥5000人次", "5000人", error,
       "cannot compare: the actual 5000人 is a count of 人, the target is a count of 人次"},
      {"≤10天", "10工作日", error,
       "cannot compare: the actual 10工作日 is a number of workdays, the target is a number of "
       "days"},
      {"=12000亩", "12000元", error,
       "cannot compare: the actual 12000元 is money, the target is an area"},
      {"80%-100%", "90个", error,
       "cannot compare: the actual 90个 is a count of 个, the target is a ratio"},
      {"=3匹",
       "3头",
       error,
       "cannot compare: the actual 3头 is a count of 头, the target is the unknown unit 匹",
       {"unknown unit '匹': compared only with the same unit"}},
      {"=3匹",
       "3匹",
       pass,
       "3匹 = 3匹 holds",
       {"unknown unit '匹': compared only with the same unit",
        "unknown unit '匹': compared only with the same unit"}},
      {"≥95%", "已完成", error,
       "the target needs a figure in %, but the actual is the text '已完成'"},
      {"≥95%", "健全", error,
       "the target needs a figure in %, but the actual is the level word '健全'"},
      {"=12000亩", "2024年11月20日", error,
       "the target needs a figure in 亩, but the actual is a date"},
  }));
  expect_case(c);
}

TEST_CASE("ranges, inclusive and exclusive at both bounds", "[evaluate]") {
  auto c = GENERATE(values<Case>({
      {"80%-100%", "80%", pass, "80% lies in [80%, 100%]"},
      {"80%-100%", "100%", pass, "100% lies in [80%, 100%]"},
      {"80%-100%", "79.999999%", fail, "79.999999% lies outside [80%, 100%] (below it)"},
      {"80%-100%", "100.000001%", fail, "100.000001% lies outside [80%, 100%] (above it)"},
      {"[80%,100%]", "80%", pass, "80% lies in [80%, 100%]"},
      {"[80%,100%]", "100%", pass, "100% lies in [80%, 100%]"},
      {"(80%,100%]", "80%", fail, "80% lies outside (80%, 100%] (below it)"},
      {"(80%,100%]", "80.000001%", pass, "80.000001% lies in (80%, 100%]"},
      {"(80%,100%]", "100%", pass, "100% lies in (80%, 100%]"},
      {"[80%,100%)", "100%", fail, "100% lies outside [80%, 100%) (above it)"},
      {"[80%,100%)", "99.999999%", pass, "99.999999% lies in [80%, 100%)"},
      {"[80%,100%)", "80%", pass, "80% lies in [80%, 100%)"},
      {"(80%,100%)", "80%", fail, "80% lies outside (80%, 100%) (below it)"},
      {"(80%,100%)", "100%", fail, "100% lies outside (80%, 100%) (above it)"},
      {"(80%,100%)", "90%", pass, "90% lies in (80%, 100%)"},
      {"80%至100%", "100.00%", pass, "100% lies in [80%, 100%]"},
      {"80%~100%", "79.99%", fail, "79.99% lies outside [80%, 100%] (below it)"},
      {"80亩至100亩", "6公顷", pass, "6公顷 = 90亩; 90亩 lies in [80亩, 100亩]"},
      {"80亩至100亩", "100.000001亩", fail, "100.000001亩 lies outside [80亩, 100亩] (above it)"},
  }));
  expect_case(c);
}

TEST_CASE("level targets against graded answers", "[evaluate]") {
  auto c = GENERATE(values<Case>({
      {"健全", "健全", pass, "'健全' meets the target"},
      {"=健全", "健全", pass, "'健全' meets the target"},
      {"=健全", "基本健全", partial, "'基本健全' meets the target only in part"},
      {"规范", "较规范", partial, "'较规范' meets the target only in part"},
      {"公开", "部分公开", partial, "'部分公开' meets the target only in part"},
      {"完善", "比较完善", partial, "'比较完善' meets the target only in part"},
      {"健全", "不健全", fail, "'不健全' does not meet the target"},
      {"公开", "未公开", fail, "'未公开' does not meet the target"},
      {"健全", "完善", fail, "reported '完善', a different level from the target '健全'"},
      {"健全", "基本完善", fail, "reported '基本完善', a different level from the target '健全'"},
      {"健全", "良好", error, "the target is the level '健全', but the actual is the text '良好'"},
      {"健全", "是", error, "the target is the level '健全', but the actual is a yes/no answer"},
      {"健全", "95%", error, "the target is the level '健全', but the actual is a figure"},
      {"健全", "2024年11月", error, "the target is the level '健全', but the actual is a date"},
      {"是", "是", pass, "'是' meets the target"},
      {"是", "否", fail, "'否' does not meet the target"},
      {"是", "健全", error,
       "the target is the level '是', but the actual is the level word '健全'"},
      {"健全", "达成预期指标", pass, "the grade meets the target"},
      {"健全", "部分达成预期指标并具有一定效果", partial,
       "the grade meets the target only in part"},
      {"健全", "未达成预期指标且效果较差", fail, "the grade does not meet the target"},
      {"健全", "制度已经建立健全", manual,
       "a person must judge whether '制度已经建立健全' means '健全'"},
  }));
  expect_case(c);
}

TEST_CASE("text targets: the statement itself, its negation, or a person", "[evaluate]") {
  auto c = GENERATE(values<Case>({
      {"通过专家验收", "通过专家验收", pass, "the actual states the target '通过专家验收'"},
      {"通过专家 验收",
       "通过专家验收",
       pass,
       "the actual states the target '通过专家验收'",
       {"spaces inside the text were ignored: read as '通过专家验收'"}},
      {"通过专家验收", "未通过专家验收", fail, "the actual states the opposite of '通过专家验收'"},
      {"通过专家验收", "没有通过专家验收", fail,
       "the actual states the opposite of '通过专家验收'"},
      {"按时完成", "按时完成", pass, "the actual states the target '按时完成'"},
      {"按时完成", "未按时完成", fail, "the actual states the opposite of '按时完成'"},
      {"达到国家标准", "达到国家标准", pass, "the actual states the target '达到国家标准'"},
      {"通过专家验收", "已通过", manual,
       "a person must judge whether '已通过' meets '通过专家验收'"},
      {"通过专家验收", "95%", manual, "a person must judge whether '95%' meets '通过专家验收'"},
      {"效果明显", "效果较为明显", manual,
       "a person must judge whether '效果较为明显' meets '效果明显'"},
      {"通过专家验收", "达成预期指标", pass, "the grade meets the target"},
      {"通过专家验收", "未达成预期指标且效果较差", fail, "the grade does not meet the target"},
  }));
  expect_case(c);
}

TEST_CASE("deadlines: before, on and after, with and without a year", "[evaluate]") {
  auto c = GENERATE(values<Case>({
      {"2024年12月底前", "2024年11月20日", pass, by("2024年11月20日", "2024年12月31日")},
      {"2024年12月底前", "2024-11-20", pass, by("2024年11月20日", "2024年12月31日")},
      {"2024年12月底前", "2024年12月31日", pass, by("2024年12月31日", "2024年12月31日")},
      {"2024年12月底前", "2025年1月1日", fail, late("2025年1月1日", "2024年12月31日")},
      {"2024年12月底前", "2024年12月", pass, by("2024年12月31日", "2024年12月31日")},
      {"2023年底", "2023/12/31", pass, by("2023年12月31日", "2023年12月31日")},
      {"2023年底", "2024.1.1", fail, late("2024年1月1日", "2023年12月31日")},
      {"2024年2月底前", "2024年2月29日", pass, by("2024年2月29日", "2024年2月29日")},
      {"11月底前", "2024年11月30日", pass, by("2024年11月30日", "2024年11月30日"), {kNoYear}, 2024},
      {"11月底前", "2024年12月1日", fail, late("2024年12月1日", "2024年11月30日"), {kNoYear}, 2024},
      {"11月底前", "2025年11月1日", fail, late("2025年11月1日", "2024年11月30日"), {kNoYear}, 2024},
      {"11月底前",
       "11月20日",
       pass,
       by("2024年11月20日", "2024年11月30日"),
       {kNoYear, "the actual date has no year: read as 2024"},
       2024},
      {"11月底前",
       "2024年11月20日",
       pass,
       by("2024年11月20日", "2024年11月30日"),
       {kNoYear,
        "the target names no year and no table year is known: the actual's year 2024 is used"}},
      {"11月底前",
       "11月20日",
       pass,
       by("11月20日", "11月30日"),
       {kNoYear, "neither the target nor the actual names a year: compared as dates in one year"}},
      {"6月30日前", "2024/6/30", pass, by("2024年6月30日", "2024年6月30日"), {kNoYear}, 2024},
      {"6月30日前", "2024.7.1", fail, late("2024年7月1日", "2024年6月30日"), {kNoYear}, 2024},
      {"2月底前", "2023年2月28日", pass, by("2023年2月28日", "2023年2月28日"), {kNoYear}, 2023},
      {"2月底前", "2024年2月29日", pass, by("2024年2月29日", "2024年2月29日"), {kNoYear}, 2024},
      // A reported 2月29日 exists only in a leap year, whose February ends on the 29th.
      {"2月底前",
       "2月29日",
       pass,
       by("2月29日", "2月29日"),
       {kNoYear, "neither the target nor the actual names a year: compared as dates in one year"}},
      {"1-12月", "2024年11月", pass, by("2024年11月30日", "2024年12月31日"), {kNoYear}, 2024},
      {"3-6月",
       "2024年2月15日",
       fail,
       "2024年2月15日 is before the period starts (2024年3月1日)",
       {kNoYear},
       2024},
      {"3-6月", "2024年4月1日", pass, by("2024年4月1日", "2024年6月30日"), {kNoYear}, 2024},
      {"2024年12月底前",
       "按时完成",
       pass,
       "reported as done in time ('按时完成')",
       {"no completion date reported: '按时完成' taken at its word"}},
      {"2024年12月底前", "未按时完成", fail, "reported as not done in time ('未按时完成')"},
      {"2024年12月底前", "逾期完成", fail, "reported as not done in time ('逾期完成')"},
      {"2024年12月底前", "95%", error,
       "the target is a deadline, but the actual is a figure (expected a date)"},
      {"2024年12月底前", "健全", error,
       "the target is a deadline, but the actual is the level word '健全' (expected a date)"},
  }));
  expect_case(c);
}

TEST_CASE("a comparator before a date, judged against the date reached", "[evaluate]") {
  auto c = GENERATE(values<Case>({
      // ≤ a month: done by that month's end.
      {"≤2024年11月", "2024年11月30日", pass, by("2024年11月30日", "2024年11月30日")},
      {"≤2024年11月", "2024年10月8日", pass, by("2024年10月8日", "2024年11月30日")},
      {"≤2024年11月", "2024年12月1日", fail, late("2024年12月1日", "2024年11月30日")},
      {"≤2024年11月", "2024年11月", pass, by("2024年11月30日", "2024年11月30日")},
      {"不晚于2024年11月", "2024-12-01", fail, late("2024年12月1日", "2024年11月30日")},
      {"≤2024年11月30日", "2024/11/30", pass, by("2024年11月30日", "2024年11月30日")},
      // < a month: done before it starts.
      {"<2024年12月", "2024年11月30日", pass, by("2024年11月30日", "2024年11月30日")},
      {"<2024年12月", "2024年12月1日", fail, late("2024年12月1日", "2024年11月30日")},
      {"<2024年11月30日", "2024年11月30日", fail, late("2024年11月30日", "2024年11月29日")},
      {"<2024年3月", "2024年2月29日", pass, by("2024年2月29日", "2024年2月29日")},
      {"<2024年1月", "2024年1月1日", fail, late("2024年1月1日", "2023年12月31日")},
      {"<2024年1月", "2023年12月31日", pass, by("2023年12月31日", "2023年12月31日")},
      // Before 次年1月: by the budget year's end, read with the 次年 assumption.
      {"<次年1月",
       "2024年12月31日",
       pass,
       by("2024年12月31日", "2024年12月31日"),
       {kNextYear},
       2024},
      {"<次年1月", "2025年1月1日", fail, late("2025年1月1日", "2024年12月31日"), {kNextYear}, 2024},
      // < a month is before its first day: February's end, 28 or 29 by the year.
      {"<2023年3月", "2023年2月28日", pass, by("2023年2月28日", "2023年2月28日")},
      {"<2023年3月", "2023年3月1日", fail, late("2023年3月1日", "2023年2月28日")},
      {"<2024年3月", "2024年3月1日", fail, late("2024年3月1日", "2024年2月29日")},
      {"<3月1日", "2023年2月28日", pass, by("2023年2月28日", "2023年2月28日"), {kNoYear}, 2023},
      {"<3月1日", "2023年3月1日", fail, late("2023年3月1日", "2023年2月28日"), {kNoYear}, 2023},
      {"<3月1日", "2024年2月29日", pass, by("2024年2月29日", "2024年2月29日"), {kNoYear}, 2024},
      // ≤ a quarter: done by its last day.
      {"≤第三季度", "2024年9月30日", pass, by("2024年9月30日", "2024年9月30日"), {kNoYear}, 2024},
      {"≤第三季度", "2024年10月1日", fail, late("2024年10月1日", "2024年9月30日"), {kNoYear}, 2024},
      {"≤11月30日",
       "2024年12月3日",
       fail,
       late("2024年12月3日", "2024年11月30日"),
       {kNoYear},
       2024},
      {"≤2024年11月",
       "按时完成",
       pass,
       "reported as done in time ('按时完成')",
       {"no completion date reported: '按时完成' taken at its word"}},
      // Under way, with no period known: a person (docs/expressions.md, "Verdicts").
      {"≤2024年11月", "进行中", manual, under_way_unknown("进行中")},
      {"≤2024年11月", "95%", error,
       "the target is a deadline, but the actual is a figure (expected a date)"},
  }));
  expect_case(c);
}

TEST_CASE("work under way (进行中) against a deadline, at the period's end", "[evaluate]") {
  auto c = GENERATE(values<Case>({
      // Year end (12月31日): a deadline passed by then is missed.
      {"≤2024年11月",
       "进行中",
       fail,
       "'进行中' at the period's end 2024年12月31日: not finished by the deadline 2024年11月30日",
       {},
       2024,
       year_end},
      {"2024年12月底前",
       "未完成",
       fail,
       "'未完成' at the period's end 2024年12月31日: not finished by the deadline 2024年12月31日",
       {},
       2024,
       year_end},
      {"11月底前",
       "正在进行",
       fail,
       "'正在进行' at the period's end 2024年12月31日: not finished by the deadline 2024年11月30日",
       {kNoYear},
       2024,
       year_end},
      // Mid-year (6月30日): a deadline still ahead is for a person to follow.
      {"≤2024年11月",
       "进行中",
       manual,
       "'进行中': the work is under way, and the deadline 2024年11月30日 is still ahead at the "
       "period's end 2024年6月30日",
       {},
       2024,
       half},
      {"2024年7月1日前",
       "未完成",
       manual,
       "'未完成': the work is under way, and the deadline 2024年7月1日 is still ahead at the "
       "period's end 2024年6月30日",
       {},
       2024,
       half},
      {"2024年6月30日前",
       "进行中",
       fail,
       "'进行中' at the period's end 2024年6月30日: not finished by the deadline 2024年6月30日",
       {},
       2024,
       half},
      {"≤2024年3月",
       "正在进行",
       fail,
       "'正在进行' at the period's end 2024年6月30日: not finished by the deadline 2024年3月31日",
       {},
       2024,
       half},
      // 次年: the deadline is in the year after the budget year's end.
      {"≤次年3月",
       "进行中",
       manual,
       "'进行中': the work is under way, and the deadline 2025年3月31日 is still ahead at the "
       "period's end 2024年12月31日",
       {kNextYear},
       2024,
       year_end},
      // The period or the year unknown: a person.
      {"≤2024年11月", "进行中", manual, under_way_unknown("进行中"), {}, 2024},
      {"≤2024年11月", "进行中", manual, under_way_unknown("进行中"), {}, std::nullopt, year_end},
      {"2024年12月底前", "未完成", manual, under_way_unknown("未完成")},
  }));
  expect_case(c);
}

TEST_CASE("missing actuals and missing targets", "[evaluate]") {
  auto c = GENERATE(values<Case>({
      {"≥95%", "", missing, "no actual value was reported"},
      {"≥95%", "   ", missing, "no actual value was reported"},
      {"≥95%", "N/A", missing, "'N/A' reports no value"},
      {"≥95%", "/", missing, "'/' reports no value"},
      {"≥95%", "--", missing, "'--' reports no value"},
      {"健全", "", missing, "no actual value was reported"},
      {"通过专家验收", "—", missing, "'—' reports no value"},
      {"2024年12月底前", "", missing, "no actual value was reported"},
      {"80%-100%", "#N/A", missing, "'#N/A' reports no value"},
      {"", "95%", no_target, "the table sets no target for this indicator"},
      {"", "", no_target, "the table sets no target for this indicator"},
      {"   ", "健全", no_target, "the table sets no target for this indicator"},
  }));
  expect_case(c);
}

TEST_CASE("assumptions come from the target, then the actual, then the judgement", "[evaluate]") {
  expect_case(
      {"9 5%",
       "9 5",
       pass,
       "95% = 95% holds",
       {"spaces inside the text were ignored: read as '95%'", "no comparator: '95%' read as '=95%'",
        "spaces inside the text were ignored: read as '95'", no_unit("95%")}});
}

TEST_CASE("verdict names, text and JSON", "[evaluate][render]") {
  CHECK(kind_name(pass) == "pass");
  CHECK(kind_name(fail) == "fail");
  CHECK(kind_name(partial) == "partial");
  CHECK(kind_name(manual) == "manual");
  CHECK(kind_name(missing) == "missing");
  CHECK(kind_name(error) == "error");
  CHECK(kind_name(no_target) == "no-target");

  Verdict v = judge("≥95%", "95");
  CHECK(describe(v) ==
        "verdict: pass\nexplanation: 95% ≥ 95% holds\nassumed: " + no_unit("95%") + "\n");
  auto j = to_json(v);
  CHECK(j["verdict"] == "pass");
  CHECK(j["explanation"] == "95% ≥ 95% holds");
  CHECK(j["assumptions"].size() == 1);
}

TEST_CASE("evaluation is pure: the same inputs give the same verdict", "[evaluate]") {
  Verdict first = judge("=1亩", "666.67平方米");
  Verdict second = judge("=1亩", "666.67平方米");
  CHECK(first.kind == second.kind);
  CHECK(first.explanation == second.explanation);
  CHECK(first.assumptions == second.assumptions);
}
