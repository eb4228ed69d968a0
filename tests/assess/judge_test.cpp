// Reading table files and checking a whole table: every indicator is reported
// exactly once, actual rows match by path suffix, file problems are located.

#include <catch2/catch.hpp>

#include "engine/assess/report.hpp"
#include "engine/table/table.hpp"

using namespace indicheck;

namespace {

const char* kTargets =
    "# 单位: 测试单位\n"
    "# 年度: 2024\n"
    "一级指标\t二级指标\t重点工作\t三级指标\t半年指标值\t全年指标值\n"
    "产出指标\t数量指标\t\t完成项目数\t≥3个\t≥6个\n"
    "产出指标\t质量指标\t\t验收合格率\t≥90%\t≥95%\n"
    "履职\t承担档案管理工作\t专项档案整理\t完成项目数\t=1个\t=2个\n"
    "效益指标\t生态效益\t\t\t\t\n";

TargetTable targets() {
  std::vector<Diagnostic> d;
  auto t = read_targets("t.tsv", kTargets, d);
  REQUIRE(d.empty());
  REQUIRE(t);
  return *t;
}

ActualTable actuals(const std::string& text, std::vector<Diagnostic>& d) {
  auto a = read_actuals("a.tsv", text, d);
  REQUIRE(a);
  return *a;
}

}  // namespace

TEST_CASE("a targets file reads into indicators with paths and metadata", "[table]") {
  TargetTable t = targets();
  CHECK(t.year == 2024);
  CHECK(t.metadata.at("单位") == "测试单位");
  REQUIRE(t.indicators.size() == 4);
  CHECK(t.indicators[2].path() ==
        std::vector<std::string>{"履职", "承担档案管理工作", "专项档案整理", "完成项目数"});
  CHECK(t.indicators[3].path() == std::vector<std::string>{"效益指标", "生态效益"});
  CHECK(t.indicators[1].year_target.text == "≥95%");
  CHECK(t.indicators[1].year_target.where.line == 5);
  // 产出指标 tab 质量指标 tab (empty) tab 验收合格率 tab ≥90% tab: 4+1+4+1+1+5+1+4+1 = 22
  // characters before the cell, so it starts at column 23.
  CHECK(t.indicators[1].year_target.where.column == 23);
}

TEST_CASE("BOM and CRLF line ends are accepted", "[table]") {
  std::string text = "\xEF\xBB\xBF一级指标\t二级指标\t三级指标\t全年指标值\r\nA\tB\tC\t=1个\r\n";
  std::vector<Diagnostic> d;
  auto t = read_targets("t.tsv", text, d);
  REQUIRE(t);
  CHECK(d.empty());
  REQUIRE(t->indicators.size() == 1);
  CHECK(t->indicators[0].year_target.text == "=1个");
  CHECK_FALSE(t->has_half);
}

TEST_CASE("every indicator is reported exactly once and tallied once", "[report]") {
  TargetTable t = targets();
  std::vector<Diagnostic> d;
  ActualTable a = actuals(
      "指标\t实际值\t偏差原因\n"
      "数量指标/完成项目数\t5个\t两个项目延期\n"
      "验收合格率\t95%\t\n"
      "专项档案整理/完成项目数\t2个\t\n",
      d);
  Report r = judge(t, a, Period::year);
  CHECK(r.diagnostics.empty());
  REQUIRE(r.results.size() == t.indicators.size());
  CHECK(r.results[0].verdict.kind == VerdictKind::fail);
  CHECK(r.results[0].reason() == "两个项目延期");
  CHECK(r.results[1].verdict.kind == VerdictKind::pass);
  CHECK(r.results[2].verdict.kind == VerdictKind::pass);
  CHECK(r.results[3].verdict.kind == VerdictKind::no_target);
  CHECK(r.total.total == 4);
  CHECK(r.total.count(VerdictKind::pass) == 2);
  REQUIRE(r.by_level1.size() == 3);
  CHECK(r.by_level1[0].name == "产出指标");
  CHECK(r.by_level1[0].total == 2);
  REQUIRE(r.by_level2.size() == 4);
  CHECK(r.by_level2[2].name == "履职 / 承担档案管理工作");
  CHECK(r.exit_code() == 1);
}

TEST_CASE("an actual that matches no indicator or two is an error naming it", "[report]") {
  TargetTable t = targets();
  std::vector<Diagnostic> d;
  ActualTable a = actuals(
      "指标\t实际值\n"
      "完成项目数\t5个\n"
      "合格率\t95%\n",
      d);
  Report r = judge(t, a, Period::year);
  REQUIRE(r.diagnostics.size() == 2);
  CHECK(r.diagnostics[0].where.line == 2);
  CHECK(r.diagnostics[0].message.starts_with("'完成项目数' matches 2 indicators"));
  CHECK(r.diagnostics[1].where.line == 3);
  CHECK(r.diagnostics[1].message == "'合格率' matches no indicator in t.tsv");
  CHECK(r.results.size() == 4);
  CHECK(r.results[0].verdict.kind == VerdictKind::missing);
  CHECK(r.exit_code() == 2);
  // The two indicators the dropped row named say it was dropped, and by what;
  // an indicator no row named says no row named it.
  for (std::size_t i : {0u, 2u}) {
    INFO("indicator " << i + 1);
    CHECK(r.results[i].verdict.kind == VerdictKind::missing);
    CHECK(r.results[i].verdict.explanation ==
          "no actual: the row naming it (line 2) was dropped by E4005: the name matches 2 "
          "indicators");
    REQUIRE(r.results[i].dropped_rows);
    REQUIRE(r.results[i].dropped_rows->size() == 1);
    CHECK((*r.results[i].dropped_rows)[0]->key.where.line == 2);
  }
  CHECK(r.results[1].verdict.explanation == "no actual was reported (no row in the actuals file)");
  CHECK(!r.results[1].dropped_rows);
}

TEST_CASE("an actual that matches many indicators lists five and counts the rest", "[report]") {
  std::string text = "一级指标\t二级指标\t三级指标\t全年指标值\n";
  for (int i = 1; i <= 12; ++i)
    text += "产出指标\t数量" + std::to_string(i) + "\t完成项目数\t≥6个\n";
  std::vector<Diagnostic> d;
  auto t = read_targets("t.tsv", text, d);
  REQUIRE(t);
  REQUIRE(d.empty());
  ActualTable a = actuals("指标\t实际值\n完成项目数\t5个\n", d);
  Report r = judge(*t, a, Period::year);
  REQUIRE(r.diagnostics.size() == 1);
  CHECK(r.diagnostics[0].message ==
        "'完成项目数' matches 12 indicators; write more of the path:\n"
        "    产出指标 / 数量1 / 完成项目数 (line 2)\n"
        "    产出指标 / 数量2 / 完成项目数 (line 3)\n"
        "    产出指标 / 数量3 / 完成项目数 (line 4)\n"
        "    产出指标 / 数量4 / 完成项目数 (line 5)\n"
        "    产出指标 / 数量5 / 完成项目数 (line 6)\n"
        "    … and 7 more");
}

TEST_CASE("an unreadable actual is an error verdict with its location", "[report]") {
  TargetTable t = targets();
  std::vector<Diagnostic> d;
  ActualTable a = actuals("指标\t实际值\n验收合格率\t工98%\n", d);
  Report r = judge(t, a, Period::year);
  CHECK(r.diagnostics.empty());
  CHECK(r.results[1].verdict.kind == VerdictKind::error);
  CHECK(r.results[1].verdict.explanation ==
        "the actual cannot be read: '工' before the number is not part of a value: write the "
        "figure alone (a.tsv:2:7)");
}

TEST_CASE("row problems are all reported, with their columns", "[table]") {
  std::vector<Diagnostic> d;
  auto t = read_targets("t.tsv",
                        "一级指标\t二级指标\t三级指标\t全年指标值\n"
                        "\tB\tC\t=1个\n"
                        "A\tB\tC\n"
                        "A\tB\t\t=1个\n"
                        "A\tB\tC\t=1个\tx\n",
                        d);
  REQUIRE(t);
  REQUIRE(d.size() == 4);
  CHECK(d[0].where.line == 2);
  CHECK(d[0].message == "empty 一级指标: every row names its categories (fill merged cells in)");
  CHECK(d[1].where.line == 3);
  CHECK(d[1].message == "expected 4 tab-separated cells as in the header, found 3");
  CHECK(d[2].where.line == 4);
  CHECK(d[2].where.column == 5);
  CHECK(d[2].message == "a row with a target needs a 三级指标 name");
  CHECK(d[3].where.line == 5);
  CHECK(d[3].where.column == 11);
  CHECK(t->indicators.empty());
}

TEST_CASE("invalid UTF-8 in a table is located", "[table]") {
  std::vector<Diagnostic> d;
  auto t = read_targets("t.tsv", "一级指标\t二级指标\t三级指标\t全年指标值\nA\tB\t\xFF\t=1个\n", d);
  REQUIRE(t);
  REQUIRE(d.size() == 1);
  CHECK(d[0].where.line == 2);
  CHECK(d[0].where.column == 5);
  CHECK(d[0].message ==
        "invalid UTF-8 byte 0xFF (the file must be UTF-8 throughout; a GB18030/GBK table is "
        "read by `indicheck import t.tsv --encoding gb18030`); the line is skipped");
}

TEST_CASE("an actual's key matches whatever spaces PDF extraction left in it", "[report]") {
  TargetTable t = targets();
  std::vector<Diagnostic> d;
  ActualTable a = actuals("指标\t实际值\n专项档案 整理 / 完成项目数\t2个\n验收 合格率\t95%\n", d);
  Report r = judge(t, a, Period::year);
  CHECK(r.diagnostics.empty());
  CHECK(r.results[1].verdict.kind == VerdictKind::pass);
  CHECK(r.results[2].verdict.kind == VerdictKind::pass);
}

TEST_CASE("metadata problems point at their own line", "[table]") {
  std::vector<Diagnostic> d;
  auto a = read_actuals("a.tsv",
                        "# 说明\n# 期间: 全年\n# 期间：半年\n# 年度: 二〇二四\n指标\t实际值\n", d);
  REQUIRE(a);
  REQUIRE(d.size() == 1);
  CHECK(d[0].where.line == 3);
  CHECK(d[0].message == "'期间' is given again (first on line 2)");
  CHECK(a->period == Period::year);

  Report r = judge(targets(), *a, Period::half);
  REQUIRE(r.diagnostics.size() == 1);
  CHECK(r.diagnostics[0].where.line == 2);
  CHECK(r.diagnostics[0].message ==
        "the actuals are for 全年 but the check is for 半年 (--period half)");

  d.clear();
  auto t = read_targets("t.tsv",
                        "# 单位: x\n\n# 年度: 24年\n一级指标\t二级指标\t三级指标\t全年指标值\n", d);
  REQUIRE(t);
  REQUIRE(d.size() == 1);
  CHECK(d[0].where.line == 3);
  CHECK(d[0].message == "'# 年度: 24年' is not a four-digit year");
}
