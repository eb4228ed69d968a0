// Scoring (财预〔2020〕10号 and local schemes), deviation reasons and the
// mid-year outlook: exact expected scores for every rule in docs/scoring.md.

#include <catch2/catch.hpp>
#include <memory>

#include "engine/assess/report.hpp"
#include "engine/assess/score.hpp"
#include "engine/base/message.hpp"
#include "engine/table/table.hpp"

using namespace indicheck;

namespace {

Number num(const char* text) {
  return *Number::parse_decimal(text);
}

// One target row: 一级指标, 三级指标, the target (the same for both periods).
struct Row {
  std::string level1, name, target, actual, reason;
};

// Keeps the tables alive: the report points into them.
struct Case {
  TargetTable targets;
  ActualTable actuals;
  Report report;
};

std::unique_ptr<Case> run(const std::vector<Row>& rows, const ScoringScheme& scheme = {},
                          Period period = Period::year) {
  std::string t = "# 年度: 2024\n一级指标\t二级指标\t三级指标\t半年指标值\t全年指标值\n";
  std::string a = "指标\t实际值\t偏差原因\n";
  for (const Row& r : rows) {
    t += r.level1 + "\t二级\t" + r.name + "\t" + r.target + "\t" + r.target + "\n";
    if (!r.actual.empty()) a += r.name + "\t" + r.actual + "\t" + r.reason + "\n";
  }
  auto c = std::make_unique<Case>();
  std::vector<Diagnostic> d;
  auto tt = read_targets("t.tsv", t, d);
  auto at = read_actuals("a.tsv", a, d);
  REQUIRE(d.empty());
  REQUIRE(tt);
  REQUIRE(at);
  c->targets = std::move(*tt);
  c->actuals = std::move(*at);
  c->report = judge(c->targets, c->actuals, period);
  assess(c->report, scheme);
  return c;
}

const Score& score_of(const Case& c, std::size_t i) {
  REQUIRE(c.report.results.at(i).score);
  return *c.report.results[i].score;
}

// A scheme giving every indicator of the table an explicit weight.
ScoringScheme weighted(const std::vector<std::pair<std::string, const char*>>& weights) {
  ScoringScheme s;
  for (const auto& [name, w] : weights) s.indicators["X / 二级 / " + name].weight = num(w);
  return s;
}

}  // namespace

TEST_CASE("the default split spreads 产出 50, 效益 30 and 预算执行率 10", "[score]") {
  auto c = run({
      {"决策", "绩效目标合理性", "合理", "合理", ""},
      {"过程", "预算执行率", "=100%", "98.5%", "年底结算未完成"},
      {"履职", "完成结算项目", "=7项", "7项", ""},
      {"履职", "完成项目数", "≥100个", "92个", ""},
      {"履职", "预算偏差率", "≤10%", "12%", ""},
      {"效益指标", "机制健全性", "健全", "健全", ""},
      {"效益指标", "制度健全性", "健全", "基本健全", ""},
      {"满意度指标", "服务对象满意度", "", "", ""},
  });
  const Report& r = c->report;
  CHECK_FALSE(r.results[0].score);
  CHECK(r.results[0].unscored.value_or("") == "决策 carries no weight in the split");
  CHECK(score_of(*c, 1).weight == num("10"));
  CHECK(score_of(*c, 1).points == num("9.85"));
  CHECK(score_of(*c, 1).explanation == "10 × 98.5/100 = 9.85");
  // 50 over three indicators in hundredths: 16.67, 16.67, 16.66.
  CHECK(score_of(*c, 2).weight == num("16.67"));
  CHECK(score_of(*c, 2).points == num("16.67"));
  CHECK(score_of(*c, 2).explanation == "met: the full 16.67");
  CHECK(score_of(*c, 3).points == num("15.3364"));
  CHECK(score_of(*c, 3).explanation == "16.67 × 92/100 ≈ 15.34");
  CHECK(score_of(*c, 4).weight == num("16.66"));
  CHECK(score_of(*c, 4).points == num("16.66") * Number::ratio(10, 12));
  CHECK(score_of(*c, 4).explanation == "16.66 × 10/12 ≈ 13.88");
  CHECK(score_of(*c, 5).points == num("15"));
  CHECK(score_of(*c, 5).explanation == "达成 [80%,100%]: 15 × 100% = 15");
  CHECK(score_of(*c, 6).points == num("10.5"));
  CHECK(score_of(*c, 6).explanation == "部分达成 [60%,80%): 15 × 70% = 10.5");
  CHECK(r.results[7].unscored.value_or("") == "no target set");
  REQUIRE(r.scoring);
  // 满意度 has no scored indicator: dropped, the rest rescaled from 90 to 100.
  CHECK(r.scoring->weight == num("90"));
  CHECK(r.scoring->points == Number::ratio(304649, 3750));
  CHECK(r.scoring->total == Number::ratio(304649, 3375));
  CHECK(r.scoring->total.to_fixed(2) == "90.27");
  CHECK(r.scoring->grade == "优");
  CHECK(r.scoring->explanation ==
        "≈81.24 of 90 points × 100/90 ≈ 90.27: 优 (优 ≥ 90, 良 ≥ 80, 中 ≥ 60, 差 < 60)");
  REQUIRE(r.scoring->by_category.size() == 3);
  CHECK(r.scoring->by_category[0].name == "过程");
  CHECK(r.scoring->by_category[1].name == "履职");
  CHECK(r.scoring->by_category[1].weight == num("50"));
  CHECK(r.scoring->by_category[2].weight == num("30"));
  CHECK(r.scoring->assumptions.size() == 3);
  CHECK(r.scoring->assumptions[1] ==
        "满意度 10: no scored indicator in the table; dropped, the total is rescaled to 100");
  CHECK(r.scoring->assumptions[2] ==
        "决策: not in the default split; its indicators carry no weight (give weights to score "
        "them)");
  // Deviation reasons: the two misses and the partial without one.
  CHECK_FALSE(r.results[1].needs_reason);  // has one
  CHECK(r.results[3].needs_reason);
  CHECK(r.results[4].needs_reason);
  CHECK(r.results[6].needs_reason);
  CHECK_FALSE(r.results[2].needs_reason);
}

TEST_CASE("a zero target or a zero actual never divides by zero", "[score]") {
  auto c = run({{"X", "增长率", "≥0%", "-5%", ""},
                {"X", "完成数", "≥10个", "0个", ""},
                {"X", "变动率", "≤0%", "1.2%", ""},
                {"X", "偏差率", "≤10%", "0%", ""},
                {"X", "新增数", "=0个", "0个", ""}},
               weighted({{"增长率", "20"},
                         {"完成数", "20"},
                         {"变动率", "20"},
                         {"偏差率", "20"},
                         {"新增数", "20"}}));
  CHECK(score_of(*c, 0).points == num("0"));
  CHECK(score_of(*c, 0).explanation == "missed, and the target is not above 0: no ratio, 0");
  CHECK(score_of(*c, 1).points == num("0"));
  CHECK(score_of(*c, 1).explanation == "missed, and the actual is not above 0: no ratio, 0");
  CHECK(score_of(*c, 2).points == num("0"));
  CHECK(score_of(*c, 2).explanation ==
        "missed a lower-is-better target of 0% (not above 0): no ratio, 0");
  CHECK(score_of(*c, 3).points == num("20"));
  CHECK(score_of(*c, 4).points == num("20"));
  CHECK(c->report.scoring->total == num("40"));
  CHECK(c->report.scoring->grade == "差");
}

TEST_CASE("a score is never above its weight; over-achievement is flagged", "[score]") {
  auto c = run({{"X", "完成项目数", "≥100个", "130个", "提前完成"},
                {"X", "完成结算项目", "≥100个", "120个", ""},
                {"X", "新增项目数", "=100个", "121个", ""},
                {"X", "验收合格率", ">95%", "95%", ""}},
               weighted({{"完成项目数", "25"},
                         {"完成结算项目", "25"},
                         {"新增项目数", "25"},
                         {"验收合格率", "25"}}));
  CHECK(score_of(*c, 0).points == num("25"));
  CHECK(score_of(*c, 0).review);
  REQUIRE(score_of(*c, 0).notes.size() == 1);
  CHECK(score_of(*c, 0).notes[0] ==
        "over-achieved: 130个 is 130% of the target, beyond the 20% margin; explain it "
        "(超额完成须说明原因); scored at the weight, not above");
  CHECK_FALSE(c->report.results[0].needs_reason);  // explained
  // Exactly at the margin (120 = 100 × 1.2) is not flagged.
  CHECK_FALSE(score_of(*c, 1).review);
  // Above an = target of an output indicator: met, flagged past the margin, needs a reason.
  CHECK(score_of(*c, 2).points == num("25"));
  CHECK(score_of(*c, 2).explanation ==
        "above the = target counts as over-achievement (an output indicator by its name): the "
        "full 25");
  CHECK(score_of(*c, 2).review);
  CHECK(c->report.results[2].needs_reason);
  // At an excluded bound the ratio is 1: the weight, no more.
  CHECK(score_of(*c, 3).points == num("25"));
  CHECK(score_of(*c, 3).explanation == "25 × 95/95 = 25");
}

TEST_CASE("= misses from above: cost/control indicators by name, or as configured", "[score]") {
  ScoringScheme s = weighted({{"公用经费控制率", "50"}, {"完成项目数", "50"}});
  auto c = run(
      {{"X", "公用经费控制率", "=100%", "110%", ""}, {"X", "完成项目数", "=10个", "11个", ""}}, s);
  CHECK(score_of(*c, 0).points == Number::ratio(500, 11));
  CHECK(score_of(*c, 0).explanation == "50 × 100/110 ≈ 45.45");
  CHECK(score_of(*c, 0).notes ==
        std::vector<std::string>{"above the = target counts as a miss (a cost/control indicator "
                                 "by its name)"});
  CHECK(score_of(*c, 1).points == num("50"));
  // Below an = target is always actual/target.
  s.indicators["X / 二级 / 完成项目数"].eq_miss = EqMiss::over_is_miss;
  s.indicators["X / 二级 / 公用经费控制率"].eq_miss = EqMiss::over_is_met;
  auto d = run(
      {{"X", "公用经费控制率", "=100%", "110%", ""}, {"X", "完成项目数", "=10个", "11个", ""}}, s);
  CHECK(score_of(*d, 0).points == num("50"));
  CHECK(score_of(*d, 1).points == Number::ratio(500, 11));
  CHECK(score_of(*d, 1).explanation == "50 × 10/11 ≈ 45.45");
  auto e = run({{"X", "完成项目数", "=10个", "8个", ""}}, weighted({{"完成项目数", "100"}}));
  CHECK(score_of(*e, 0).explanation == "100 × 8/10 = 80");
}

TEST_CASE("a direction set per indicator overrides the comparator", "[score]") {
  ScoringScheme s = weighted({{"结转结余率", "100"}});
  s.indicators["X / 二级 / 结转结余率"].direction = Direction::lower_better;
  auto c = run({{"X", "结转结余率", "=5%", "8%", ""}}, s);
  CHECK(score_of(*c, 0).explanation == "100 × 5/8 = 62.5");
}

TEST_CASE("ranges score against the end they missed", "[score]") {
  auto c = run({{"X", "到位率", "80%-90%", "72%", ""}, {"X", "覆盖率", "80%-90%", "100%", ""}},
               weighted({{"到位率", "50"}, {"覆盖率", "50"}}));
  CHECK(score_of(*c, 0).explanation == "50 × 72/80 = 45");
  CHECK(score_of(*c, 1).explanation == "50 × 90/100 = 45");
}

TEST_CASE("not-applicable indicators are dropped and the total rescaled to 100", "[score]") {
  ScoringScheme s = weighted({{"甲", "40"}, {"乙", "30"}, {"丙", "30"}});
  s.indicators["X / 二级 / 丙"].not_applicable = true;
  auto c = run({{"X", "甲", "≥10个", "10个", ""},
                {"X", "乙", "≥10个", "5个", ""},
                {"X", "丙", "≥10个", "0个", ""}},
               s);
  CHECK_FALSE(c->report.results[2].score);
  CHECK(c->report.results[2].unscored.value_or("") ==
        "not applicable: dropped, the total is rescaled to 100");
  const Scoring& t = *c->report.scoring;
  CHECK(t.weight == num("70"));
  CHECK(t.points == num("55"));
  CHECK(t.total == Number::ratio(550, 7));  // 78.571…
  CHECK(t.explanation ==
        "55 of 70 points × 100/70 ≈ 78.57: 中 (优 ≥ 90, 良 ≥ 80, 中 ≥ 60, 差 < 60)");
  CHECK(t.grade == "中");
  CHECK(c->report.diagnostics.empty());  // the weights as given sum to 100
}

TEST_CASE("given weights that do not sum to 100 are a warning", "[score]") {
  auto c = run({{"X", "甲", "≥10个", "10个", ""}, {"X", "乙", "≥10个", "10个", ""}},
               weighted({{"甲", "40"}, {"乙", "50"}}));
  REQUIRE(c->report.diagnostics.size() == 1);
  CHECK(c->report.diagnostics[0].severity == Severity::warning);
  CHECK(c->report.diagnostics[0].message ==
        "the weights sum to 90, not 100; the total is rescaled to 100");
  CHECK(c->report.scoring->total == num("100"));
}

TEST_CASE("an indicator without a weight is not scored once weights are given", "[score]") {
  auto c = run({{"X", "甲", "≥10个", "10个", ""}, {"X", "乙", "≥10个", "10个", ""}},
               weighted({{"甲", "100"}}));
  CHECK(c->report.results[1].unscored.value_or("") == "no weight given");
}

TEST_CASE("qualitative bands take the configured point", "[score]") {
  ScoringScheme s = weighted({{"甲", "10"}, {"乙", "10"}, {"丙", "10"}});
  s.qualitative.met = num("0.9");
  s.qualitative.partly = num("0.6");
  s.qualitative.not_met = num("0.3");
  auto c = run({{"X", "甲", "健全", "健全", ""},
                {"X", "乙", "健全", "基本健全", ""},
                {"X", "丙", "健全", "不健全", ""}},
               s);
  CHECK(score_of(*c, 0).points == num("9"));
  CHECK(score_of(*c, 1).points == num("6"));
  CHECK(score_of(*c, 2).points == num("3"));
  CHECK(score_of(*c, 2).explanation == "未达成 [0,60%): 10 × 30% = 3");
  // Defaults: 100%, 70%, 0%.
  auto d = run({{"X", "丙", "健全", "不健全", ""}}, weighted({{"丙", "10"}}));
  CHECK(score_of(*d, 0).points == num("0"));
}

TEST_CASE("a band point outside its band is a scheme problem", "[score]") {
  ScoringScheme s;
  s.qualitative.partly = num("0.8");  // 部分达成 is [60%, 80%)
  s.qualitative.met = num("0.79");
  CHECK(scheme_problems(s) ==
        std::vector<std::string>{"the point taken in 达成 [80%,100%] is 79%, outside the band",
                                 "the point taken in 部分达成 [60%,80%) is 80%, outside the band"});
  auto c = run({{"X", "甲", "健全", "健全", ""}}, s);
  CHECK_FALSE(c->report.scoring);
  CHECK(has_errors(c->report.diagnostics));
  CHECK(scheme_problems(ScoringScheme{}).empty());
}

TEST_CASE("local scheme: points off per unit short", "[score]") {
  ScoringScheme s = weighted({{"甲", "10"}, {"乙", "10"}, {"丙", "10"}, {"丁", "10"}});
  PointsOffPerUnit off{Number::integer(1), num("0.5"), false};
  s.indicators["X / 二级 / 甲"].scheme = off;
  s.indicators["X / 二级 / 乙"].scheme = off;
  s.indicators["X / 二级 / 丙"].scheme = off;
  off.whole_units = true;
  s.indicators["X / 二级 / 丁"].scheme = off;
  auto c = run({{"X", "甲", "≥100%", "96%", ""},
                {"X", "乙", "≥100%", "96.5%", ""},
                {"X", "丙", "≥100%", "50%", ""},
                {"X", "丁", "≥100%", "96.5%", ""}},
               s);
  CHECK(score_of(*c, 0).points == num("8"));
  CHECK(score_of(*c, 0).explanation == "local: 10 − 0.5 × (100 − 96)/1 = 8");
  CHECK(score_of(*c, 1).points == num("8.25"));
  CHECK(score_of(*c, 2).points == num("0"));
  CHECK(score_of(*c, 2).explanation == "local: 10 − 0.5 × (100 − 50)/1 = 0 (not below 0)");
  CHECK(score_of(*c, 3).points == num("8"));
  CHECK(score_of(*c, 3).explanation == "local: 10 − 0.5 × ⌈(100 − 96.5)/1⌉ = 8");
}

TEST_CASE("local scheme: step bands on completion", "[score]") {
  ScoringScheme s = weighted({{"甲", "10"}, {"乙", "10"}, {"丙", "10"}, {"丁", "10"}});
  StepBands steps{{{num("0.9"), num("0.8")}, {num("0.8"), num("0.6")}}};
  for (const char* n : {"甲", "乙", "丙", "丁"})
    s.indicators[std::string("X / 二级 / ") + n].scheme = steps;
  auto c = run({{"X", "甲", "≥100个", "96个", ""},
                {"X", "乙", "≥100个", "85个", ""},
                {"X", "丙", "≥100个", "50个", ""},
                {"X", "丁", "≤10%", "11%", ""}},
               s);
  CHECK(score_of(*c, 0).points == num("8"));
  CHECK(score_of(*c, 0).explanation == "local: completion 96/100 = 96% ≥ 90%: 10 × 80% = 8");
  CHECK(score_of(*c, 1).points == num("6"));
  CHECK(score_of(*c, 2).points == num("0"));
  CHECK(score_of(*c, 2).explanation == "local: completion 50/100 = 50% is below every step: 0");
  CHECK(score_of(*c, 3).points == num("8"));  // 10/11 = 90.9% ≥ 90%
  StepBands unordered{{{num("0.8"), num("0.6")}, {num("0.9"), num("0.8")}}};
  s.indicators["X / 二级 / 甲"].scheme = unordered;
  CHECK(scheme_problems(s) ==
        std::vector<std::string>{"'X / 二级 / 甲': steps must be written from the highest "
                                 "completion down"});
}

TEST_CASE("grades at their boundaries, on the total as printed", "[score]") {
  CHECK(grade_of(num("90")) == "优");
  CHECK(grade_of(num("89.99")) == "良");
  CHECK(grade_of(num("80")) == "良");
  CHECK(grade_of(num("79.99")) == "中");
  CHECK(grade_of(num("60")) == "中");
  CHECK(grade_of(num("59.99")) == "差");
  CHECK(grade_of(num("0")) == "差");
  auto total_of = [](const char* actual, bool printed) {
    ScoringScheme s = weighted({{"甲", "100"}});
    s.grade_printed_total = printed;
    auto c = run({{"X", "甲", "≥100%", actual, "原因"}}, s);
    return std::make_pair(c->report.scoring->total, c->report.scoring->grade);
  };
  // 89.995 prints as 90.00: graded 优 so that the printed total and the grade agree.
  CHECK(total_of("89.995%", true) == std::make_pair(num("89.995"), std::string("优")));
  CHECK(total_of("89.995%", false) == std::make_pair(num("89.995"), std::string("良")));
  CHECK(total_of("89.9949%", true).second == "良");
  CHECK(total_of("79.995%", true).second == "良");
  CHECK(total_of("59.995%", true).second == "中");
  CHECK(total_of("59.9949%", true).second == "差");
}

TEST_CASE("the 预算执行率 block from the funds figures", "[score]") {
  ScoringScheme s;
  s.execution = std::make_pair(num("20953.5"), num("21274.97"));
  auto c = run(
      {{"过程", "预算执行率", "=100%", "98.5%", ""}, {"履职", "完成项目数", "≥2个", "2个", ""}}, s);
  CHECK(score_of(*c, 0).points == num("10") * num("20953.5") / num("21274.97"));
  CHECK(score_of(*c, 0).explanation == "10 × min(1, 20953.5/21274.97) ≈ 9.85");
  CHECK(c->report.scoring->executed == num("20953.5"));
  CHECK_FALSE(c->report.scoring->execution);  // the indicator carries it
  // No indicator of that name: a block of its own, capped at its weight.
  s.execution = std::make_pair(num("110"), num("100"));
  auto d = run({{"履职", "完成项目数", "≥2个", "2个", ""}}, s);
  REQUIRE(d->report.scoring->execution);
  CHECK(d->report.scoring->execution->points == num("10"));
  CHECK(d->report.scoring->execution->explanation == "10 × min(1, 110/100) = 10");
  CHECK(d->report.scoring->total == num("100"));
  CHECK(d->report.scoring->by_category.back().name == "预算执行率");
}

TEST_CASE("a zero budget is an error, not a division by zero", "[score]") {
  ScoringScheme s;
  s.execution = std::make_pair(num("5"), num("0"));
  auto c = run({{"过程", "预算执行率", "=100%", "98.5%", ""}}, s);
  REQUIRE(c->report.diagnostics.size() == 1);
  CHECK(c->report.diagnostics[0].severity == Severity::error);
  CHECK(c->report.diagnostics[0].message ==
        "预算数 is 0: 预算执行率 (执行数 / 预算数) cannot be computed");
  CHECK(score_of(*c, 0).points == num("0"));
  CHECK(c->report.exit_code() == 2);
}

TEST_CASE("missing, unreadable and manual indicators score 0; manual leaves it provisional",
          "[score]") {
  auto c = run({{"X", "甲", "≥10个", "", ""},
                {"X", "乙", "=7项", "7个", ""},
                {"X", "丙", "通过专家验收", "已组织专家评审，报告正在修改", ""},
                {"X", "丁", "2024年12月底前", "2025年1月", ""},
                {"X", "戊", "2024年12月底前", "2024年11月", ""}},
               weighted({{"甲", "20"}, {"乙", "20"}, {"丙", "20"}, {"丁", "20"}, {"戊", "20"}}));
  CHECK(score_of(*c, 0).explanation == "nothing reported: 0");
  CHECK(score_of(*c, 1).explanation == "the actual cannot be judged against the target: 0");
  CHECK(score_of(*c, 2).pending);
  CHECK(score_of(*c, 3).explanation == "missed the deadline: 0");
  CHECK(score_of(*c, 4).explanation == "met the deadline: the full 20");
  CHECK(c->report.scoring->pending == 1);
  CHECK(c->report.scoring->explanation ==
        "20 of 100 points: 差 (优 ≥ 90, 良 ≥ 80, 中 ≥ 60, 差 < 60); provisional: 1 indicator(s) "
        "a person must judge score 0 until then");
  CHECK(c->report.results[0].needs_reason);
  CHECK(c->report.results[1].needs_reason);
  CHECK_FALSE(c->report.results[2].needs_reason);  // manual: a person judges first
}

TEST_CASE("a scoring key that matches no indicator is a warning", "[score]") {
  ScoringScheme s = weighted({{"甲", "100"}, {"不存在", "0"}});
  auto c = run({{"X", "甲", "≥10个", "10个", ""}}, s);
  REQUIRE(c->report.diagnostics.size() == 1);
  CHECK(c->report.diagnostics[0].message == "scoring for 'X / 二级 / 不存在' matches no indicator");
  CHECK(id_of(c->report.diagnostics[0].code) == "W4103");  // docs/diagnostics.md names this case
}

TEST_CASE("mid-year: no scores, and whether the year's target is on track", "[score]") {
  // Half and year targets are the same here, so only the progress rule decides;
  // the first row reports a figure that already meets the year's target.
  auto c = run({{"X", "甲", "≥10个", "12个", ""},
                {"X", "乙", "≥10个", "6个", "进度慢"},
                {"X", "丙", "≥10个", "4个", ""},
                {"X", "丁", "≤10%", "30%", ""},
                {"X", "戊", "健全", "不健全", ""},
                {"X", "己", "健全", "", ""}},
               {}, Period::half);
  const Report& r = c->report;
  CHECK_FALSE(r.scoring);
  for (const auto& res : r.results) CHECK_FALSE(res.score);
  REQUIRE(r.results[0].outlook);
  CHECK(r.results[0].outlook->on_track == OnTrack::certain);
  CHECK(r.results[0].outlook->explanation ==
        "the half-year actual already meets the full-year target ≥10个");
  CHECK(r.results[1].outlook->on_track == OnTrack::possible);
  CHECK(r.results[1].outlook->explanation == "progress 6/10 = 60%, at least 50%");
  CHECK(r.results[2].outlook->on_track == OnTrack::impossible);
  CHECK(r.results[2].outlook->explanation == "progress 4/10 = 40%, below 50%");
  CHECK(r.results[3].outlook->on_track == OnTrack::impossible);
  CHECK(r.results[3].outlook->explanation == "progress 10/30 ≈ 33.33%, below 50%");
  CHECK(r.results[4].outlook->on_track == OnTrack::possible);
  CHECK(r.results[5].outlook->on_track == OnTrack::possible);
  CHECK(r.results[5].outlook->explanation ==
        "the half-year verdict is missing: progress cannot be measured");
  CHECK_FALSE(r.results[1].needs_reason);
  CHECK(r.results[2].needs_reason);
  // Ahead of an = target that is not a cost/control one: ahead of schedule.
  auto e = run({{"X", "预算执行率", "=29%", "29.5%", ""}, {"X", "满意度", "", "", ""}}, {},
               Period::half);
  CHECK(e->report.results[0].outlook->on_track == OnTrack::certain);
  CHECK(e->report.results[0].outlook->explanation ==
        "above the = half-year target =29%: ahead of schedule");
  CHECK_FALSE(e->report.results[1].outlook);  // no target in either period
  CHECK(std::string(chinese(OnTrack::impossible)) == "不可能");
  // The threshold is the scheme's.
  ScoringScheme s;
  s.on_track.impossible_below = num("0.3");
  auto d = run({{"X", "丙", "≥10个", "4个", ""}}, s, Period::half);
  CHECK(d->report.results[0].outlook->on_track == OnTrack::possible);
}

TEST_CASE("scoring explains itself in Chinese when the run speaks Chinese", "[score][message]") {
  LanguageScope zh(Language::zh);
  auto c = run({
      {"决策", "绩效目标合理性", "合理", "合理", ""},
      {"过程", "预算执行率", "=100%", "98.5%", "年底结算未完成"},
      {"履职", "完成结算项目", "=7项", "7项", ""},
      {"满意度指标", "服务对象满意度", "", "", ""},
  });
  const Report& r = c->report;
  CHECK(r.results[0].unscored.value_or("") == "决策在分配中没有分值");
  CHECK(score_of(*c, 2).explanation == "达到目标：得满分 50");
  CHECK(r.results[3].unscored.value_or("") == "未设目标值");
  REQUIRE(r.scoring);
  CHECK(r.scoring->explanation ==
        "59.85 分（满分 60 分） × 100/60 = 99.75：优（优 ≥ 90，良 ≥ 80，中 ≥ 60，差 < 60）");
  CHECK(r.scoring->assumptions.back() ==
        "决策：不在默认分配中；其指标没有分值（给出分值即可计分）");

  ScoringScheme s;
  s.qualitative.met = num("0.79");
  CHECK(scheme_problems(s) ==
        std::vector<std::string>{"达成 [80%,100%] 所取的比例为 79%，不在区间内"});

  auto half =
      run({{"X", "乙", "≥10个", "6个", "进度慢"}, {"X", "己", "健全", "", ""}}, {}, Period::half);
  CHECK(half->report.results[0].outlook->explanation == "进度 6/10 = 60%，不低于 50%");
  CHECK(half->report.results[1].outlook->explanation == "半年结论为未填报：无法衡量进度");
  CHECK(half->report.results[1].verdict.explanation == "未填报实际值（实际值表中没有这一行）");
}
