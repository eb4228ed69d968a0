// Rows as published self-evaluations write them (issue 17): bare targets read
// by the indicator's name, actuals with a comparator, a prefix or an
// approximation, a fraction for a percent, grade words on their scales,
// Traditional and new units, dates and periods. Each case gives the verdict,
// its explanation and every assumption, worked out by hand.

#include <catch2/catch.hpp>

#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "engine/cell/bare_target.hpp"
#include "engine/cell/evaluate.hpp"
#include "engine/cell/parse.hpp"
#include "engine/report/render.hpp"

using indicheck::Actual;
using indicheck::ActualDate;
using indicheck::ActualQuantity;
using indicheck::Code;
using indicheck::Constraint;
using indicheck::DeadlineConstraint;
using indicheck::EvaluationContext;
using indicheck::ParseError;
using indicheck::QuantityConstraint;
using indicheck::Verdict;
using indicheck::VerdictKind;
using Strings = std::vector<std::string>;

namespace {

constexpr VerdictKind pass = VerdictKind::pass;
constexpr VerdictKind fail = VerdictKind::fail;
constexpr VerdictKind partial = VerdictKind::partial;
constexpr VerdictKind manual = VerdictKind::manual;
constexpr VerdictKind error = VerdictKind::error;

Constraint target_of(const std::string& written, const Strings& path = {}) {
  auto t = indicheck::parse_target(written);
  if (const auto* e = std::get_if<ParseError>(&t))
    UNSCOPED_INFO("target refused at column " << e->column << ": " << e->message);
  REQUIRE(std::holds_alternative<Constraint>(t));
  Constraint c = std::get<Constraint>(t);
  indicheck::apply_bare_reading(c, path);
  return c;
}

Actual actual_of(const std::string& written) {
  auto a = indicheck::parse_actual(written);
  if (const auto* e = std::get_if<ParseError>(&a))
    UNSCOPED_INFO("actual refused at column " << e->column << ": " << e->message);
  REQUIRE(std::holds_alternative<Actual>(a));
  return std::get<Actual>(a);
}

struct Case {
  std::string target;
  std::string actual;
  VerdictKind kind;
  std::string explanation;
  Strings assumptions = {};
  std::optional<int> year = std::nullopt;
  Strings path = {};  // the indicator: 一级, 二级, 三级
};

void check(const Case& c) {
  INFO("target: " << c.target << "  actual: " << c.actual);
  Constraint t = target_of(c.target, c.path);
  Actual a = actual_of(c.actual);
  EvaluationContext ctx;
  ctx.year = c.year;
  Verdict v = evaluate(t, a, ctx);
  CHECK(std::string(to_string(v.kind)) == to_string(c.kind));
  CHECK(v.explanation == c.explanation);
  CHECK(v.assumptions == c.assumptions);
  ctx.explain = false;  // batch's kind-only evaluation gives the same kind
  CHECK(std::string(to_string(evaluate(t, a, ctx).kind)) == to_string(c.kind));
}

std::string as_comparison(const std::string& op, const std::string& figure) {
  return "the value is written as a comparison '" + op + figure + "': its figure " + figure +
         " is taken as the value reached";
}

}  // namespace

// ---- 1. a target with no comparator ---------------------------------------------

namespace {
struct BareCase {
  Strings path;
  std::string target;
  std::string op;  // to_string(Comparator)
  std::string assumption;
  bool clear = true;
};
}  // namespace

TEST_CASE("a bare target is read by the indicator's name, with its reason", "[readings][bare]") {
  auto c = GENERATE(values<BareCase>({
      {{"产出指标", "质量指标", "苗木成活率"},
       "95%",
       ">=",
       "no comparator: '95%' read as '≥95%' ('苗木成活率' names a rate to reach)"},
      {{"满意度指标", "服务对象满意度指标", "群众满意度"},
       "90%",
       ">=",
       "no comparator: '90%' read as '≥90%' ('群众满意度' names a rate to reach)"},
      {{"产出指标", "数量指标", "开展培训"},
       "10场",
       ">=",
       "no comparator: '10场' read as '≥10场' (a count of 场: an output to reach)"},
      {{"产出指标", "成本指标", "人均补助标准"},
       "1980元",
       "<=",
       "no comparator: '1980元' read as '≤1980元' (a 成本指标: a cost to keep under)"},
      {{"产出指标", "数量指标", "改造投资"},
       "220万元",
       "<=",
       "no comparator: '220万元' read as '≤220万元' ('改造投资' names a cost to keep under)"},
      {{"过程指标", "预算执行", "预算偏差率"},
       "5%",
       "<=",
       "no comparator: '5%' read as '≤5%' ('预算偏差率' names a rate to keep down)"},
      {{"效益指标", "社会效益指标", "安全事故发生率"},
       "0%",
       "<=",
       "no comparator: '0%' read as '≤0%' ('安全事故发生率' names a rate to keep down)"},
      {{"产出指标", "质量指标", "政策宣传覆盖率"},
       "100%",
       "=",
       "no comparator: '100%' read as '=100%' (100% is the whole: met only in full)"},
      {{"产出指标", "时效指标", "审批时间"},
       "15天",
       "<=",
       "no comparator: '15天' read as '≤15天' (a 时效指标: a time to keep within)"},
      {{"产出指标", "数量指标", "新增绿化面积"},
       "120亩",
       ">=",
       "no comparator: '120亩' read as '≥120亩' (a 数量指标: an output to reach)"},
      {{"效益指标", "经济效益指标", "资金到位"},
       "60%",
       ">=",
       "no comparator: '60%' read as '≥60%' (a rate below 100%: a level to reach)"},
      {{"产出指标", "质量指标", "造林面积"},
       "12公顷",
       "=",
       "no comparator: '12公顷' read as '=12公顷' (nothing in its name says which way)",
       false},
  }));
  INFO("indicator: " << c.path.back() << "  target: " << c.target);
  Constraint t = target_of(c.target);
  auto r = indicheck::apply_bare_reading(t, c.path);
  REQUIRE(r.has_value());
  CHECK(r->clear == c.clear);
  CHECK(to_string(std::get<QuantityConstraint>(t.form).op) == c.op);
  CHECK(t.assumptions == Strings{c.assumption});
  // The reading's note is the assumption replaced, known by the constraint.
  CHECK(std::get<QuantityConstraint>(t.form).bare_note == c.assumption);
}

TEST_CASE("a target with a comparator, or no indicator, keeps its reading", "[readings][bare]") {
  Constraint written = target_of("≥95%");
  CHECK_FALSE(indicheck::apply_bare_reading(written, {"产出指标", "成本指标", "成本"}));
  CHECK(to_string(std::get<QuantityConstraint>(written.form).op) == std::string(">="));
  Constraint bare = target_of("95%");
  CHECK_FALSE(indicheck::apply_bare_reading(bare, {}));
  CHECK(bare.assumptions == Strings{"no comparator: '95%' read as '=95%'"});
}

TEST_CASE("bare targets judged as the tables mean them", "[readings][bare][evaluate]") {
  auto c = GENERATE(values<Case>({
      {"95%", "100%", pass, "100% ≥ 95% holds",
       Strings{"no comparator: '95%' read as '≥95%' ('苗木成活率' names a rate to reach)"},
       std::nullopt, Strings{"产出指标", "质量指标", "苗木成活率"}},
      {"10场", "11场", pass, "11场 ≥ 10场 holds",
       Strings{"no comparator: '10场' read as '≥10场' (a count of 场: an output to reach)"},
       std::nullopt, Strings{"产出指标", "数量指标", "开展培训"}},
      {"1980元", "2074元", fail, "2074元 ≤ 1980元 does not hold (over by 94元)",
       Strings{"no comparator: '1980元' read as '≤1980元' (a 成本指标: a cost to keep under)"},
       std::nullopt, Strings{"产出指标", "成本指标", "人均补助标准"}},
  }));
  check(c);
}

// ---- 2. actuals as tables write them --------------------------------------------

TEST_CASE("actuals with a comparator, a prefix or an approximation", "[readings][actual]") {
  auto c = GENERATE(values<Case>({
      {"≥250米", "≥266米", pass, "266米 ≥ 250米 holds", Strings{as_comparison("≥", "266米")}},
      {"≥90%", "≥90%", pass, "90% ≥ 90% holds", Strings{as_comparison("≥", "90%")}},
      {"≤5%", "不超过3%", pass, "3% ≤ 5% holds", Strings{as_comparison("不超过", "3%")}},
      {"=100%", "已完成100%", pass, "100% = 100% holds",
       Strings{"'已完成' before the figure left out: the value is 100%"}},
      {"≥95%", "完成98%", pass, "98% ≥ 95% holds",
       Strings{"'完成' before the figure left out: the value is 98%"}},
      // 余 / 多: more than the figure.
      {"≥500人", "600余人", pass, "600余人 is more than 600人; every such value meets ≥500人"},
      {"≥600人", "600余人", pass, "600余人 is more than 600人; every such value meets ≥600人"},
      {"≥200名", "200多名", pass, "200多名 is more than 200名; every such value meets ≥200名"},
      {"≥700人", "600余人", manual,
       "600余人 is more than 600人; some such values meet ≥700人 and some do not: a person must "
       "judge"},
      {"≤500人", "600余人", fail, "600余人 is more than 600人; no such value meets ≤500人"},
      {"=600人", "600余人", fail, "600余人 is more than 600人; no such value meets =600人"},
      // 约 / 左右: within ±5% of the figure.
      {"≥35%", "约40%", pass,
       "约40% is about 40%, read as [38%, 42%] (±5%); every such value meets ≥35%"},
      {"≥40%", "40%左右", manual,
       "40%左右 is about 40%, read as [38%, 42%] (±5%); some such values meet ≥40% and some do "
       "not: a person must judge"},
      {"≥50%", "约40%", fail,
       "约40% is about 40%, read as [38%, 42%] (±5%); no such value meets ≥50%"},
      {"30%-50%", "约40%", pass,
       "约40% is about 40%, read as [38%, 42%] (±5%); every such value meets the range [30%, "
       "50%]"},
  }));
  check(c);
}

TEST_CASE("a bare fraction against a percent is read when it is unambiguous",
          "[readings][actual]") {
  auto c = GENERATE(values<Case>({
      {"≥95%", "0.96", pass, "0.96 = 96%; 96% ≥ 95% holds",
       Strings{"actual 0.96 has no unit: read as the fraction 96% (near the target's 95%; as a "
               "percentage it would be 0.96%)"}},
      {"≤5%", "0.03", pass, "0.03 = 3%; 3% ≤ 5% holds",
       Strings{"actual 0.03 has no unit: read as the fraction 3% (near the target's 5%; as a "
               "percentage it would be 0.03%)"}},
      {"≥1%", "0.96", fail, "0.96% ≥ 1% does not hold (short by 0.04%)",
       Strings{"actual has no unit: read as 0.96% (the target's unit)"}},
      {"≤5%", "0.5", error,
       "the actual 0.5 has no unit: as a fraction it is 50%, as a percentage 0.5%, and neither is "
       "near the target's 5%: write the unit"},
      {"=0%", "0.2", error,
       "the actual 0.2 has no unit: as a fraction it is 20%, as a percentage 0.2%, and neither is "
       "near the target's 0%: write the unit"},
      // Outside (0, 1) nothing changes: 96 is 96%.
      {"≥95%", "96", pass, "96% ≥ 95% holds",
       Strings{"actual has no unit: read as 96% (the target's unit)"}},
  }));
  check(c);
}

TEST_CASE("approximate and prefixed actuals as parsed", "[readings][actual][parse]") {
  Actual more = actual_of("600余人");
  const auto& q = std::get<ActualQuantity>(more.form);
  CHECK(q.value.canonical() == "600");
  CHECK(q.unit->symbol == "人");
  CHECK(q.reading == ActualQuantity::Reading::more_than);
  CHECK(more.assumptions.empty());
  CHECK(std::get<ActualQuantity>(actual_of("40%左右").form).reading ==
        ActualQuantity::Reading::about);
  CHECK(std::get<ActualQuantity>(actual_of("约 40%").form).reading ==
        ActualQuantity::Reading::about);
  CHECK(std::get<ActualQuantity>(actual_of("96%").form).reading == ActualQuantity::Reading::exact);
  // A strict comparator is still no value.
  auto strict = indicheck::parse_actual(">98%");
  REQUIRE(std::holds_alternative<ParseError>(strict));
  CHECK(std::get<ParseError>(strict).code == Code::actual_is_comparison);
  // A year alone is a date (its last day), not 2024 years.
  Actual year = actual_of("2024年");
  const auto& d = std::get<ActualDate>(year.form);
  CHECK(d.date.year == 2024);
  CHECK(d.date.month == 12);
  CHECK(year.assumptions == Strings{"a year alone: '2024年' read as its last day, 2024年12月31日"});
}

// ---- 3. grade words -------------------------------------------------------------

TEST_CASE("grade words on their ordered scales", "[readings][grades]") {
  const std::string s4 = "优秀 > 良好 > 合格 > 不合格";
  auto c = GENERATE_COPY(values<Case>({
      {"良好", "优秀", pass, "'优秀' is at or above '良好' on the scale " + s4},
      {"良好", "合格", fail, "'合格' is below '良好' on the scale " + s4},
      {"合格", "良好", pass, "'良好' is at or above '合格' on the scale " + s4},
      {"合格", "不合格", fail, "'不合格' does not meet the target"},
      {"有效", "无效", fail, "'无效' is below '有效' on the scale 有效 > 无效"},
      {"达标", "未达标", fail, "'未达标' does not meet the target"},
      {"良", "优", pass, "'优' is at or above '良' on the scale 优 > 良 > 中 > 差"},
      {"良", "中", fail, "'中' is below '良' on the scale 优 > 良 > 中 > 差"},
      {"达成", "达成", pass, "the actual states the target '达成'"},
      {"达成", "部分达成", partial, "'部分达成' meets the target only in part"},
      {"达成", "未达成", fail, "'未达成' does not meet the target"},
      // Two scales never mix: a person judges.
      {"优秀", "优", manual, "a person must judge whether '优' meets '优秀'"},
  }));
  check(c);
}

TEST_CASE("a grade word with a comparator is ranked on its scale", "[readings][grades]") {
  const std::string s4 = "优秀 > 良好 > 合格 > 不合格";
  const std::string bands = "达成 > 部分达成 > 未达成";
  const std::string not_on = ", which is not a word of that scale";
  auto c = GENERATE_COPY(values<Case>({
      // ≥, in symbols and in words; 以上 includes the word, as it includes a number.
      {"≥良好", "优秀", pass, "'优秀' is at or above '良好' on the scale " + s4},
      {"≥良好", "良好", pass, "'良好' is at or above '良好' on the scale " + s4},
      {"≥良好", "合格", fail, "'合格' is below '良好' on the scale " + s4},
      {"良好及以上", "优秀", pass, "'优秀' is at or above '良好' on the scale " + s4},
      {"良好以上", "良好", pass, "'良好' is at or above '良好' on the scale " + s4},
      {"良好（含）以上", "良好", pass, "'良好' is at or above '良好' on the scale " + s4},
      {"合格及以上", "合格", pass, "'合格' is at or above '合格' on the scale " + s4},
      {"合格及以上", "不合格", fail, "'不合格' is below '合格' on the scale " + s4},
      {"不低于良好", "合格", fail, "'合格' is below '良好' on the scale " + s4},
      {"达到良好以上", "优秀", pass, "'优秀' is at or above '良好' on the scale " + s4},
      {"≥良", "优", pass, "'优' is at or above '良' on the scale 优 > 良 > 中 > 差"},
      {"中及以上", "差", fail, "'差' is below '中' on the scale 优 > 良 > 中 > 差"},
      {"≥达标", "未达标", fail, "'未达标' is below '达标' on the scale 达标 > 未达标"},
      {"有效以上", "有效", pass, "'有效' is at or above '有效' on the scale 有效 > 无效"},
      // > and <, and the mirror ≤ / 及以下: 以下 includes the word too.
      {">良好", "良好", fail, "'良好' is not above '良好' on the scale " + s4},
      {"超过良好", "优秀", pass, "'优秀' is above '良好' on the scale " + s4},
      {"≤合格", "不合格", pass, "'不合格' is at or below '合格' on the scale " + s4},
      {"合格及以下", "合格", pass, "'合格' is at or below '合格' on the scale " + s4},
      {"合格以下", "良好", fail, "'良好' is above '合格' on the scale " + s4},
      {"<良好", "合格", pass, "'合格' is below '良好' on the scale " + s4},
      {"低于良好", "良好", fail, "'良好' is not below '良好' on the scale " + s4},
      // The 10号 bands: 达成 and better is 达成 itself, where 部分达成 is partial.
      {"≥部分达成", "达成", pass, "'达成' is at or above '部分达成' on the scale " + bands},
      {"≥部分达成", "未达成", fail, "'未达成' is below '部分达成' on the scale " + bands},
      {"≥部分达成", "达成预期指标", pass,
       "'达成预期指标' is at or above '部分达成' on the scale " + bands},
      {"达成及以上", "部分达成", partial, "'部分达成' meets the target only in part"},
      // A level word with its own modifier: its word is ranked, then the modifier.
      {"≥合格", "基本合格", partial, "'基本合格' meets the target only in part"},
      {"≥良好", "基本合格", fail, "'基本合格' is below '良好' on the scale " + s4},
      {"≤合格", "基本合格", manual, "a person must judge whether '基本合格' meets '≤合格'"},
      // A word of another scale, an unknown word, anything but a word: an error.
      {"≥良好", "优", error,
       "'优' is a word of the scale 优 > 良 > 中 > 差, not of the target's scale " + s4 +
           ": the two do not compare"},
      {"良好及以上", "有效", error,
       "'有效' is a word of the scale 有效 > 无效, not of the target's scale " + s4 +
           ": the two do not compare"},
      {"≥良好", "很好", error,
       "the target is '≥良好' on the scale " + s4 + ", but the actual is the text '很好'" + not_on},
      {"≥良好", "95%", error,
       "the target is '≥良好' on the scale " + s4 + ", but the actual is a figure" + not_on},
      {"≥良好", "健全", error,
       "the target is '≥良好' on the scale " + s4 + ", but the actual is the level word '健全'" +
           not_on},
      {"≥良好", "达成预期指标", error,
       "the target is '≥良好' on the scale " + s4 + ", but the actual is a grade" + not_on},
      // A sentence is for a person.
      {"≥良好", "验收结论为良好等级", manual,
       "a person must judge whether '验收结论为良好等级' meets '≥良好'"},
  }));
  check(c);
}

// ---- 4. units -------------------------------------------------------------------

TEST_CASE("Traditional spellings, 个百分点, power and more count nouns", "[readings][units]") {
  auto c = GENERATE(values<Case>({
      {"≥10萬元", "12萬元", pass, "12万元 ≥ 10万元 holds"},
      {"≥1億元", "12000萬元", pass, "12000万元 = 1.2亿元; 1.2亿元 ≥ 1亿元 holds"},
      {"≥5個", "6个", pass, "6个 ≥ 5个 holds"},
      {"≤1个百分点", "0.5百分点", pass, "0.5百分点 ≤ 1百分点 holds"},
      {"≤1个百分点", "0.8%", pass, "0.8% = 0.8百分点; 0.8百分点 ≤ 1百分点 holds"},
      {"≥2兆瓦", "2500千瓦", pass, "2500千瓦 = 2.5兆瓦; 2.5兆瓦 ≥ 2兆瓦 holds"},
      {"≥100床", "120床", pass, "120床 ≥ 100床 holds"},
      {"≥5000羽", "5200羽", pass, "5200羽 ≥ 5000羽 holds"},
      {"≥2000尾", "1800尾", fail, "1800尾 ≥ 2000尾 does not hold (short by 200尾)"},
      {"≥3眼", "3眼", pass, "3眼 ≥ 3眼 holds"},
      {"≥10台(套)", "12台（套）", pass, "12台(套) ≥ 10台(套) holds"},
      {"≥10台(套)", "12台", error,
       "cannot compare: the actual 12台 is a count of 台, the target is a count of 台(套)"},
      {"=150万元", "150万", pass, "150万元 = 150万元 holds", Strings{"'万' alone read as 万元"}},
      {"30天内", "28天", pass, "28天 ≤ 30天 holds"},
  }));
  check(c);
}

TEST_CASE("余, 左右, 约 are no part of a unit, and a target may not be approximate",
          "[readings][units][error]") {
  for (const char* written : {"600余人", "约40%", "40%左右", "200多名"}) {
    INFO(written);
    auto r = indicheck::parse_target(written);
    REQUIRE(std::holds_alternative<ParseError>(r));
    CHECK(std::get<ParseError>(r).code == Code::target_approximate);
    CHECK(std::get<ParseError>(r).column == 1);
  }
  Constraint within = target_of("30天内");
  CHECK(to_string(std::get<QuantityConstraint>(within.form).op) == std::string("<="));
  CHECK(std::get<QuantityConstraint>(within.form).target.unit.symbol == "天");
}

// ---- 5. dates and periods -------------------------------------------------------

namespace {
struct PeriodCase {
  std::string written;
  std::string by;    // describe's date text
  std::string from;  // "" when a deadline
  Strings assumptions;
};
std::string date_text(const indicheck::CalendarDate& d) {
  return (d.year ? std::to_string(*d.year) + "-" : std::string(d.next_year ? "next-" : "")) +
         std::to_string(d.month) + "-" + (d.day ? std::to_string(*d.day) : "end");
}
}  // namespace

TEST_CASE("deadlines and periods as tables write them", "[readings][dates]") {
  const std::string no_year = "no year given: the table's year applies";
  auto c = GENERATE_COPY(values<PeriodCase>({
      {"2024年", "2024-12-end", "2024-1-1", {}},
      {"2024年内", "2024-12-end", "2024-1-1", {}},
      {"2024年度内", "2024-12-end", "2024-1-1", {}},
      {"2024-12-31前", "2024-12-31", "", {}},
      {"2024.12.31前", "2024-12-31", "", {}},
      {"2024/6/30", "2024-6-30", "", {}},
      {"2024年第四季度前",
       "2024-12-end",
       "",
       {"'第4季度前' read as by the end of that quarter: 12月31日 included"}},
      {"第三季度末", "9-end", "", {no_year}},
      {"次年3月底前", "next-3-end", "", {"次年: the year after the table's year"}},
      {"2020年1月--2020年11月", "2020-11-end", "2020-1-1", {}},
      {"2024年3月至2024年10月", "2024-10-end", "2024-3-1", {}},
      {"2023年10月至2024年3月", "2024-3-end", "2023-10-1", {}},
      {"1-12月", "12-end", "1-1", {no_year}},
  }));
  INFO("target: " << c.written);
  Constraint t = target_of(c.written);
  const auto* d = std::get_if<DeadlineConstraint>(&t.form);
  REQUIRE(d != nullptr);
  CHECK(date_text(d->by) == c.by);
  CHECK((d->from ? date_text(*d->from) : std::string()) == c.from);
  CHECK(t.assumptions == c.assumptions);
}

TEST_CASE("a period backwards is refused", "[readings][dates][error]") {
  auto r = indicheck::parse_target("2024年10月至2024年3月");
  REQUIRE(std::holds_alternative<ParseError>(r));
  CHECK(std::get<ParseError>(r).code == Code::month_span_backwards);
  CHECK(std::get<ParseError>(r).message == "the months 2024年10月-2024年3月 are not a period");
}

TEST_CASE("dates judged against deadlines and periods", "[readings][dates][evaluate]") {
  auto c = GENERATE(values<Case>({
      {"2024年内", "2024年11月20日", pass, "2024年11月20日 is on or before 2024年12月31日"},
      {"2024年内", "2023年12月1日", fail,
       "2023年12月1日 is before the period starts (2024年1月1日)"},
      {"2024年内", "2024年", pass, "2024年12月31日 is on or before 2024年12月31日",
       Strings{"a year alone: '2024年' read as its last day, 2024年12月31日"}},
      {"2024-12-31前", "2025-01-05", fail, "2025年1月5日 is after the deadline 2024年12月31日"},
      {"次年3月底前", "2025年3月31日", pass, "2025年3月31日 is on or before 2025年3月31日",
       Strings{"次年: the year after the table's year"}, 2024},
      {"次年3月底前", "2025年4月1日", fail, "2025年4月1日 is after the deadline 2025年3月31日",
       Strings{"次年: the year after the table's year"}, 2024},
      {"2024年第四季度前", "2024年12月31日", pass, "2024年12月31日 is on or before 2024年12月31日",
       Strings{"'第4季度前' read as by the end of that quarter: 12月31日 included"}},
      {"第三季度末", "2024-09-30", pass, "2024年9月30日 is on or before 2024年9月30日",
       Strings{"no year given: the table's year applies"}, 2024},
      {"2023年10月至2024年3月", "2024年2月1日", pass, "2024年2月1日 is on or before 2024年3月31日"},
      {"2023年10月至2024年3月", "2023年9月30日", fail,
       "2023年9月30日 is before the period starts (2023年10月1日)"},
  }));
  check(c);
}
