// Re-checking a published self-evaluation's funds block: its 执行率 compared
// at the places the table prints it (四舍五入), and its 其中 lines read with
// their 执行数.

#include <catch2/catch.hpp>

#include <memory>
#include <string>

#include "engine/assess/recheck.hpp"
#include "engine/table/table.hpp"

using namespace indicheck;

namespace {

const char* kTargets =
    "# 年度: 2024\n"
    "一级指标\t二级指标\t三级指标\t全年指标值\n"
    "产出指标\t数量指标\t培训人数\t≥100人\n";

struct Case {
  TargetTable targets;
  ActualTable actuals;
  Report report;
};

// The actuals' head lines before one indicator row scored as published.
std::unique_ptr<Case> published(const std::string& head) {
  auto c = std::make_unique<Case>();
  std::vector<Diagnostic> d;
  c->targets = *read_targets("t.tsv", kTargets, d);
  auto a = read_actuals("a.tsv", head + "指标\t实际值\t分值\t得分\n培训人数\t120人\t90\t90\n", d);
  for (const auto& x : d) UNSCOPED_INFO(render(x));
  REQUIRE(d.empty());
  REQUIRE(a);
  c->actuals = std::move(*a);
  c->report = judge(c->targets, c->actuals, Period::year);
  assess_published(c->report, c->actuals);
  REQUIRE(c->report.recheck);
  return c;
}

}  // namespace

TEST_CASE("a published 执行率 is compared at the places the table prints", "[assess][recheck]") {
  // 194.56 / 200 = 97.28%.
  const std::string funds = "# 全年预算数: 200\n# 全年执行数: 194.56\n# 执行率分值: 10\n";
  struct RateCase {
    std::string printed;
    bool differs;
    std::string published, computed;
  };
  auto c = GENERATE(values<RateCase>({
      {"97.3%", false, "", ""},   // 97.28 at one place is 97.3
      {"97.28%", false, "", ""},  // exact
      {"97%", false, "", ""},     // at no place: 97
      {"97.2%", true, "97.20%", "97.28%"},
      {"96.3%", true, "96.30%", "97.28%"},
      {"97.275%", true, "97.275%", "97.280%"},  // three places printed: compared at three
      {"97.3％", false, "", ""},                // a full-width percent sign
  }));
  INFO("printed: " << c.printed);
  auto run = published(funds + "# 执行率: " + c.printed + "\n");
  const Recheck& r = *run->report.recheck;
  CHECK(r.compared == 2);  // the indicator's 得分 and the 执行率
  if (!c.differs) {
    CHECK(r.differences.empty());
    return;
  }
  REQUIRE(r.differences.size() == 1);
  CHECK(r.differences[0].what == "执行率");
  CHECK(r.differences[0].published == c.published);
  CHECK(r.differences[0].computed == c.computed);
  CHECK(r.differences[0].explanation == "全年执行数 194.56 / 全年预算数 200 = 97.28%");
  CHECK(r.differences[0].where.line == 4);
  CHECK(run->report.exit_code() == 1);
}

TEST_CASE(
    "a published 执行率 with no figures to divide is listed, and one not a percentage "
    "is refused",
    "[assess][recheck]") {
  auto run = published("# 全年预算数: 200\n# 执行率: 95%\n");
  const Recheck& r = *run->report.recheck;
  REQUIRE(r.differences.size() == 1);
  CHECK(r.differences[0].what == "执行率");
  CHECK(r.differences[0].computed.empty());
  CHECK(r.differences[0].explanation ==
        "no 执行率: the funds figures (全年预算数 above 0, 全年执行数) are not given");
  for (const char* bad : {"95", "约95%", "95%%", "%"}) {
    INFO(bad);
    std::vector<Diagnostic> d;
    auto a = read_actuals("a.tsv", std::string("# 执行率: ") + bad + "\n指标\t实际值\n", d);
    REQUIRE(d.size() == 1);
    CHECK(d[0].code == Code::actuals_published_invalid);
    CHECK(d[0].message == std::string("'# 执行率: ") + bad + "' is not a percentage such as 97.3%");
  }
}

TEST_CASE("a published funds block's 其中 lines are read with their 执行数", "[assess][recheck]") {
  auto run = published(
      "# 全年预算数: 200\n# 全年执行数: 190\n# 其中 当年财政拨款: 180 171\n"
      "# 其中 上年结转资金: 0 0\n# 其中 其他资金: 20 -\n");
  const auto& m = run->actuals.members;
  REQUIRE(m.size() == 3);
  CHECK(m[0].name == "当年财政拨款");
  CHECK(m[0].budget == Number::integer(180));
  CHECK(m[0].executed == Number::integer(171));
  CHECK(m[1].name == "上年结转资金");
  CHECK(m[1].executed == Number::integer(0));
  CHECK(m[2].name == "其他资金");
  CHECK_FALSE(m[2].executed);
  const FundsBlock b = funds_block(run->report);
  REQUIRE(b.members.size() == 3);
  CHECK(b.members[0].budget == Number::integer(180));
  CHECK(b.members[0].executed == Number::integer(171));
  CHECK_FALSE(b.members[0].initial);
  for (const char* bad : {"二十", "20 19 18", "20 一"}) {
    INFO(bad);
    std::vector<Diagnostic> d;
    read_actuals("a.tsv", std::string("# 其中 其他资金: ") + bad + "\n指标\t实际值\n", d);
    REQUIRE(d.size() == 1);
    CHECK(d[0].code == Code::actuals_published_invalid);
    CHECK(d[0].message == std::string("'# 其中 其他资金: ") + bad +
                              "' is not a 全年预算数 and a 全年执行数 (such as 180 171)");
  }
}

TEST_CASE("a targets table's 分值 weighs what neither the actuals nor the rules weigh",
          "[assess][recheck]") {
  std::vector<Diagnostic> d;
  auto targets = read_targets("t.tsv",
                              "一级指标\t二级指标\t三级指标\t全年指标值\t分值\n"
                              "产出指标\t数量指标\t培训人数\t≥100人\t30\n"
                              "产出指标\t数量指标\t培训场次\t≥10场\t20.5\n"
                              "产出指标\t数量指标\t教材册数\t≥50册\t\n",
                              d);
  REQUIRE(d.empty());
  REQUIRE(targets);
  REQUIRE(targets->indicators[0].weight);
  CHECK(targets->indicators[0].weight->text == "30");
  CHECK(targets->indicators[0].weight->where.column == 22);  // characters, not bytes
  CHECK_FALSE(targets->indicators[2].weight);                // blank: no weight
  // These targets judged at year-end against `actuals` and scored as check does.
  auto run = [&](const char* actuals) {
    auto c = std::make_unique<Case>();
    auto a = read_actuals("a.tsv", actuals, d);
    REQUIRE(d.empty());
    REQUIRE(a);
    c->actuals = std::move(*a);
    c->report = judge(*targets, c->actuals, Period::year);
    assess_published(c->report, c->actuals);
    return c;
  };
  SECTION("the targets' weights alone: said as an assumption") {
    auto c = run("指标\t实际值\n培训人数\t50人\n培训场次\t10场\n");
    const Report& r = c->report;
    REQUIRE(r.scoring);
    CHECK_FALSE(r.recheck);
    REQUIRE(r.results[0].score);
    CHECK(r.results[0].score->weight == Number::integer(30));
    CHECK(r.results[0].score->points == Number::integer(15));  // 30 × 50/100
    CHECK(r.results[1].score->weight == *Number::parse_decimal("20.5"));
    CHECK_FALSE(r.results[2].score);  // weights as given: 教材册数 has none
    CHECK(r.scoring->assumptions.back() ==
          "分值 from the targets table for 2 indicators (no rule file or actuals row gives one)");
  }
  SECTION("an actuals row's published 分值 wins over the targets'") {
    auto c = run("指标\t实际值\t分值\n培训人数\t50人\t40\n培训场次\t10场\t\n");
    const Report& r = c->report;
    REQUIRE(r.recheck);
    CHECK(r.results[0].score->weight == Number::integer(40));
    CHECK(r.results[1].score->weight == *Number::parse_decimal("20.5"));
    CHECK(r.scoring->assumptions.back() ==
          "分值 from the targets table for 1 indicator (no rule file or actuals row gives one)");
    CHECK(r.recheck->weights ==
          "the table's 分值 (1 indicator); then the targets table's 分值 (1 indicator)");
  }
  SECTION("published 得分 with no 分值: the re-check says the targets' weights were used") {
    auto c = run("指标\t实际值\t得分\n培训人数\t50人\t15\n培训场次\t10场\t20.5\n");
    const Report& r = c->report;
    REQUIRE(r.recheck);
    CHECK(r.recheck->weights == "the targets table's 分值 (2 indicators)");
    CHECK(r.recheck->differences.empty());  // 15 and 20.5, as indicheck scores them
  }
  SECTION("a 分值 that is not a number is refused where it stands") {
    std::vector<Diagnostic> bad;
    auto t = read_targets("t.tsv",
                          "一级指标\t二级指标\t三级指标\t全年指标值\t分值\n"
                          "产出指标\t数量指标\t培训人数\t≥100人\t十分\n",
                          bad);
    REQUIRE(bad.size() == 1);
    CHECK(bad[0].code == Code::targets_weight_not_number);
    CHECK(bad[0].where.line == 2);
    CHECK(bad[0].where.column == 22);
    CHECK(bad[0].message == "分值 '十分' is not a number (digits with an optional decimal point)");
  }
}
