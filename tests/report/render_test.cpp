// The report formats from one model: CSV, Markdown, JUnit, HTML, and the xlsx
// 自评表 opened back with the importer's reader and checked cell by cell.

#include <zip.h>

#include <algorithm>
#include <array>
#include <catch2/catch.hpp>
#include <filesystem>
#include <memory>

#include "engine/assess/recheck.hpp"
#include "engine/assess/score.hpp"
#include "engine/base/message.hpp"
#include "engine/base/output_file.hpp"
#include "engine/import/xlsx.hpp"
#include "engine/report/render.hpp"
#include "engine/report/render_rows.hpp"
#include "engine/table/table.hpp"
#include "tests/import/grid_rows.hpp"

using namespace indicheck;

namespace {

const char* kTargets =
    "# 单位: 测试单位\n"
    "# 年度: 2024\n"
    "一级指标\t二级指标\t重点工作\t三级指标\t半年指标值\t全年指标值\n"
    "过程\t预算执行\t\t预算执行率\t=29%\t=100%\n"
    "履职\t承担档案管理工作\t档案整理\t完成项目数\t≥5个\t≥10个\n"
    "履职\t承担档案管理工作\t档案整理\t档案抽检合格率\t=100%\t=100%\n"
    "效益指标\t社会效益\t\t机制健全性\t健全\t健全\n"
    "满意度指标\t服务对象满意度\t\t\t\t\n";

const char* kYear =
    "指标\t实际值\t偏差原因\n"
    "预算执行率\t98.5%\t\n"
    "完成项目数\t8个\t2个项目延期, \"待验收\"\n"
    "档案抽检合格率\t100%\t\n"
    "机制健全性\t基本健全\t\n";

struct Case {
  TargetTable targets;
  ActualTable actuals;
  Report report;
};

std::unique_ptr<Case> make(Period period, const ScoringScheme& scheme = {}) {
  auto c = std::make_unique<Case>();
  std::vector<Diagnostic> d;
  c->targets = *read_targets("t.tsv", kTargets, d);
  c->actuals = *read_actuals("a.tsv", kYear, d);
  REQUIRE(d.empty());
  c->report = judge(c->targets, c->actuals, period);
  assess(c->report, scheme);
  return c;
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

}  // namespace

TEST_CASE("csv starts with a BOM, quotes what needs it and ends with the total", "[render]") {
  auto c = make(Period::year);
  std::string csv = render_csv(c->report);
  REQUIRE(csv.rfind("\xEF\xBB\xBF序号,一级指标,", 0) == 0);
  CHECK(contains(csv, "\r\n2,履职,承担档案管理工作,档案整理,完成项目数,≥10个,8个,fail,"));
  // 50 over two 履职 indicators: 25 each; 8/10 of 25 = 20.
  CHECK(contains(csv, ",25.00,20.00,25 × 8/10 = 20,,,\"2个项目延期, \"\"待验收\"\"\",\r\n"));
  CHECK(contains(csv, ",总分,,,,,,,,100,"));
  CHECK(csv.size() > 2);
  CHECK(csv.substr(csv.size() - 2) == "\r\n");
}

TEST_CASE("markdown escapes pipes and lists the reasons owed", "[render]") {
  auto c = make(Period::year);
  std::string md = render_md(c->report);
  CHECK(md.rfind("# 测试单位 2024年度 · 全年\n", 0) == 0);
  CHECK(contains(md,
                 "| 4 | 效益指标 | 社会效益 | 机制健全性 | 健全 | 基本健全 | partial | 30.00 | "
                 "21.00 | 部分达成 [60%,80%): 30 × 70% = 21 | **needs a reason** |\n"));
  CHECK(contains(md,
                 "## Needs a reason (偏差原因)\n\n- 1. 过程 / 预算执行 / 预算执行率\n- 4. 效益指标 "
                 "/ 社会效益 / 机制健全性\n"));
}

TEST_CASE("junit has one testcase per indicator, misses as failures", "[render]") {
  auto c = make(Period::year);
  std::string x = render_junit(c->report);
  CHECK(contains(x,
                 "<testsuites name=\"indicheck: 测试单位 2024年度 · 全年\" tests=\"5\" "
                 "failures=\"3\" errors=\"0\" skipped=\"1\">"));
  CHECK(contains(
      x, "<testcase classname=\"履职\" name=\"2. 承担档案管理工作 / 档案整理 / 完成项目数\">"));
  CHECK(contains(x, "<failure type=\"fail\" message=\"8个 ≥ 10个 does not hold (short by 2个)\">"));
  CHECK(contains(x, "偏差原因: 2个项目延期, &quot;待验收&quot;"));
}

TEST_CASE("the html page is self-contained, charts each category and filters", "[render]") {
  auto c = make(Period::year);
  std::string h = render_html(c->report);
  CHECK(h.rfind("<!DOCTYPE html>", 0) == 0);
  CHECK_FALSE(contains(h, "<link"));
  CHECK_FALSE(contains(h, " src="));
  CHECK_FALSE(contains(h, "href="));
  CHECK(contains(h, "@page{size:A4"));
  CHECK(contains(h, "<svg role=\"img\""));
  // One bar per scored 一级指标: 过程 9.85/10, 履职 45/50, 效益指标 21/30.
  CHECK(contains(h, ">9.85 / 10.00</text>"));
  CHECK(contains(h, ">45.00 / 50.00</text>"));
  CHECK(contains(h, ">21.00 / 30.00</text>"));
  CHECK(contains(h, "<input id=\"q\" type=\"search\">"));
  CHECK(contains(h, "总分 84.28 / 100 <span class=\"grade\">良</span>"));
}

namespace {

// One part of an xlsx package, whole.
std::string zip_part(const std::string& path, const char* part) {
  int err = 0;
  zip_t* za = zip_open(path.c_str(), ZIP_RDONLY, &err);
  if (!za) return "";
  std::string out;
  zip_stat_t st;
  if (zip_stat(za, part, 0, &st) == 0)
    if (zip_file_t* f = zip_fopen(za, part, 0)) {
      out.resize(static_cast<std::size_t>(st.size));
      if (zip_fread(f, out.data(), st.size) != static_cast<zip_int64_t>(st.size)) out.clear();
      zip_fclose(f);
    }
  zip_close(za);
  return out;
}

// The XML of one cell of a sheet part: <c r="G9" …>…</c>.
std::string cell_xml(const std::string& sheet, const std::string& cell) {
  const std::size_t at = sheet.find("<c r=\"" + cell + "\"");
  if (at == std::string::npos) return "";
  return sheet.substr(at, sheet.find("</c>", at) + 4 - at);
}

// The year report with rule-file results: a 核对 that fails at error level,
// one that fails as a warning, one that passes, and funds figures in 元 with
// the total's 其中 lines.
std::unique_ptr<Case> with_rules() {
  auto c = make(Period::year);
  Report& r = c->report;
  auto result = [](VerdictKind kind, Severity severity, const char* written, const char* message,
                   unsigned line) {
    rules::ReconciliationResult x;
    x.kind = kind;
    x.severity = severity;
    x.written = written;
    x.explanation = std::string(written) + " (checked)";
    x.message = message;
    x.where = {"b.rules", line, 1};
    return x;
  };
  r.reconciliations = {
      result(VerdictKind::fail, Severity::error, "资金总额 = 基本支出 + 项目支出", "应相等", 7),
      result(VerdictKind::missing, Severity::warning, "执行数 <= 预算数", "不应超支", 9),
      result(VerdictKind::pass, Severity::error, "财政拨款 >= 0", "非负", 11)};
  rules::Funds funds;
  funds.unit = *UnitTable::standard().lookup("元");
  funds.initial = rules::Funds::Amount{Number::integer(1200000), "年度资金总额"};
  funds.budget = funds.initial;
  funds.executed = rules::Funds::Amount{Number::integer(1140000), "执行数"};
  r.funds = funds;
  r.funds_members = {{Number::integer(1000000), "本年财政拨款"},
                     {Number::integer(200000), "上年结转资金"},
                     {Number::integer(0), "其他资金"}};
  return c;
}

}  // namespace

TEST_CASE("every format lists the 核对 and the funds block", "[render]") {
  auto c = with_rules();
  const Report& r = c->report;
  SECTION("junit: a 核对 failing at error level fails the run, a warning does not") {
    std::string x = render_junit(r);
    CHECK(contains(x,
                   "<testsuites name=\"indicheck: 测试单位 2024年度 · 全年\" tests=\"9\" "
                   "failures=\"4\" errors=\"0\" skipped=\"1\">"));
    CHECK(
        contains(x,
                 "<testsuite name=\"核对\" tests=\"3\" failures=\"1\" errors=\"0\" "
                 "skipped=\"0\">\n    <testcase classname=\"核对\" name=\"资金总额 = 基本支出 "
                 "+ 项目支出\">\n      <failure type=\"fail\" message=\"资金总额 = 基本支出 + "
                 "项目支出 (checked)\">资金总额 = 基本支出 + 项目支出 (checked)\n说明: 应相等\nat "
                 "b.rules:7\n</failure>\n"));
    CHECK(contains(x, "name=\"执行数 &lt;= 预算数\">\n      <system-out>missing (警告)\n"));
    CHECK(contains(x, "<testsuite name=\"年度资金（元）\" tests=\"1\" failures=\"0\""));
    CHECK(contains(x,
                   "年初预算数 1200000.00\n全年预算数 1200000.00\n全年执行数 1140000.00\n执行率 "
                   "95.00%\n分值 10.00\n得分 9.85\n"));
  }
  SECTION("csv: one row a figure and one a 核对") {
    std::string csv = render_csv(r);
    CHECK(contains(csv,
                   "\r\n,年度资金（元）,,,年初预算数,,1200000.00,,,,,from the rule files: "
                   "年度资金总额,,,,\r\n"));
    CHECK(contains(csv, "\r\n,年度资金（元）,,,执行率,,95.00%,,,,,"));
    CHECK(contains(csv,
                   "\r\n,核对,b.rules:7,,资金总额 = 基本支出 + 项目支出,,,fail,资金总额 = "
                   "基本支出 + 项目支出 (checked),,,,,,应相等,\r\n"));
    CHECK(contains(csv, "\r\n,核对,b.rules:9,警告,执行数 <= 预算数,,,missing,"));
    CHECK(contains(csv,
                   "\r\n,核对,b.rules:11,,财政拨款 >= 0,,,pass,财政拨款 >= 0 (checked),,,,,,,"
                   "\r\n"));
  }
  SECTION("markdown: a table of each") {
    std::string md = render_md(r);
    CHECK(contains(md,
                   "## 核对 (3 checks, 2 not passed)\n\n| 判定 | 核对 | 取值 | 说明 | where |\n"));
    CHECK(contains(md,
                   "| **fail** | 资金总额 = 基本支出 + 项目支出 | 资金总额 = 基本支出 + 项目支出 "
                   "(checked) | 应相等 | b.rules:7 |\n"));
    CHECK(contains(md, "| missing (警告) | 执行数 &lt;= 预算数 |"));
    CHECK(contains(
        md,
        "## 年度资金（元）\n\n| 年度资金（元） | 年初预算数 | 全年预算数 | 全年执行数 | "
        "执行率 | 分值 | 得分 |\n| --- | --- | --- | --- | --- | --- | --- |\n| "
        "年度资金总额 | 1200000.00 | 1200000.00 | 1140000.00 | 95.00% | 10.00 | 9.85 |\n"));
  }
  SECTION("html: a table of each, the failing 核对 shaded") {
    std::string h = render_html(r);
    CHECK(contains(h, "<h2>年度资金（元）</h2>"));
    CHECK(contains(h,
                   "<td>年度资金总额</td><td class=\"num\">1200000.00</td><td "
                   "class=\"num\">1200000.00</td><td class=\"num\">1140000.00</td><td "
                   "class=\"num\">95.00%</td>"));
    CHECK(contains(h, "<h2>核对 (3 checks, 2 not passed)</h2>"));
    CHECK(contains(h,
                   "<tr class=\"fail fails\"><td class=\"v\">fail</td><td>资金总额 = 基本支出 + "
                   "项目支出</td>"));
    CHECK(contains(h, "<tr class=\"missing\"><td class=\"v\">missing (警告)</td>"));
  }
}

TEST_CASE("the html page keeps category labels whole and shows ═ as =", "[render]") {
  auto c = make(Period::year);
  c->report.heading = {{"项目名称", "档案数字化"}, {"实施单位", "档案馆"}};
  c->report.results[2].rule_target = std::string("═100%");
  std::string h = render_html(c->report);
  CHECK(contains(h, "<title>档案数字化 · 测试单位 2024年度 · 全年</title>"));
  CHECK(contains(h, "td.cat{word-break:keep-all}"));
  CHECK(contains(h, "<th class=\"c-l1\">一级指标</th>"));
  CHECK(contains(h, "<td class=\"cat\">履职</td><td>承担档案管理工作</td>"));
  CHECK(contains(h, "<td>=100%</td>"));
  CHECK_FALSE(contains(h, "═"));
  c->report.unit.clear();
  CHECK(report_title(c->report) == "档案数字化 · 档案馆 2024年度 · 全年");
}

namespace {

// A report written as the xlsx form and read back: the grid the importer
// reads and the main sheet's XML; no diagnostic on the way.
struct WrittenForm {
  Grid grid;
  std::string sheet;
};
WrittenForm write_form(const Report& r, const char* name, const char* file = "form.xlsx") {
  auto dir = std::filesystem::temp_directory_path() /
             (std::string("indicheck-") + name + "-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  auto path = (dir / file).string();
  std::vector<Diagnostic> d;
  REQUIRE(write_output_via(
      path, [&](const std::string& tmp) { return write_xlsx(r, tmp); }, d));
  auto grid = read_xlsx(path, d);
  std::string sheet = zip_part(path, "xl/worksheets/sheet1.xml");
  std::filesystem::remove_all(dir);
  REQUIRE(d.empty());
  REQUIRE(grid);
  return {std::move(*grid), std::move(sheet)};
}

}  // namespace

TEST_CASE("the xlsx 自评表 reads back cell by cell", "[render][xlsx]") {
  ScoringScheme scheme;
  scheme.execution = std::make_pair(*Number::parse_decimal("98.5"), Number::integer(100));
  auto c = make(Period::year, scheme);
  const auto [grid, sheet] = write_form(c->report, "xlsx", "自评表.xlsx");
  REQUIRE(grid.tables.size() == 2);
  // 分值 and 得分 are number cells (no t="s") holding the exact decimal, not
  // libxlsxwriter's %.16G (9.85 would be 9.850000000000001).
  CHECK(cell_xml(sheet, "G9").find(" t=") == std::string::npos);
  CHECK(cell_xml(sheet, "G9").ends_with("><v>9.85</v></c>"));
  CHECK(cell_xml(sheet, "F10").ends_with("><v>25.00</v></c>"));
  CHECK(cell_xml(sheet, "G14").ends_with("><v>84.28</v></c>"));
  CHECK(cell_xml(sheet, "G5").ends_with("><v>0.9850</v></c>"));  // 98.50% as a percent cell
  const GridTable& s = grid.tables[0];
  CHECK(s.name == "自评表");
  const auto rows = test::dense_rows(s);
  REQUIRE(rows.size() == 15);
  REQUIRE(rows[0].size() == 8);
  // The title (the form's name: the targets file names no published table),
  // the year under it, and the unit.
  CHECK(rows[0][0] == "部门整体支出绩效自评表");
  CHECK(rows[1][0] == "（2024年度）");
  // The table says neither 项目 nor 部门整体: the 部门整体 form (部门名称), its
  // funds block named neutrally 年度资金, and the notes sheet says why (表式).
  CHECK(rows[2] == std::vector<std::string>{"部门名称", "测试单位", "", "", "", "", "", ""});
  // The funds block: number cells (read back as their exact decimals).
  CHECK(rows[3] == std::vector<std::string>{"年度资金（万元）", "", "年初预算数", "全年预算数",
                                            "全年执行数", "分值", "执行率", "得分"});
  // (the importer shows a percent cell's exact value: 0.9850 as 98.5%; Excel, 98.50%.)
  CHECK(rows[4] == std::vector<std::string>{"", "年度资金总额", "", "100.00", "98.50", "10.00",
                                            "98.5%", "9.85"});
  CHECK(rows[5][0] == "预算执行率得分 9.85：10 × min(1, 98.5/100) = 9.85");
  // The indicator table.
  CHECK(rows[7] == std::vector<std::string>{"一级指标", "二级指标", "三级指标", "年度指标值",
                                            "实际完成值", "分值", "得分",
                                            "偏差原因分析及改进措施"});
  CHECK(rows[8] == std::vector<std::string>{"过程", "预算执行", "预算执行率", "=100%", "98.5%",
                                            "10.00", "9.85", "（需说明偏差原因）"});
  CHECK(rows[9] == std::vector<std::string>{"履职", "承担档案管理工作", "档案整理：完成项目数",
                                            "≥10个", "8个", "25.00", "20.00",
                                            "2个项目延期, \"待验收\""});
  CHECK(rows[10] == std::vector<std::string>{"", "", "档案整理：档案抽检合格率", "=100%", "100%",
                                             "25.00", "25.00", ""});
  CHECK(rows[11] == std::vector<std::string>{"效益指标", "社会效益", "机制健全性", "健全",
                                             "基本健全", "30.00", "21.00", "（需说明偏差原因）"});
  CHECK(rows[12] ==
        std::vector<std::string>{"满意度指标", "服务对象满意度", "", "", "", "", "", ""});
  // 75.85 of 90 × 100/90 = 84.277… → 84.28, 良.
  CHECK(rows[13][0] == "总分");
  CHECK(rows[13][5] == "100.00");
  CHECK(rows[13][6] == "84.28");
  // The category cells are merged: 履职 over its two rows, and so is its 二级指标.
  auto merged = [&](unsigned r1, unsigned c1, unsigned r2, unsigned c2) {
    for (const auto& m : s.merges)
      if (m.first_row == r1 && m.first_col == c1 && m.last_row == r2 && m.last_col == c2)
        return true;
    return false;
  };
  CHECK(merged(0, 0, 0, 7));
  CHECK(merged(3, 0, 4, 0));  // 年度资金（万元） beside its lines
  CHECK(merged(9, 0, 10, 0));
  CHECK(merged(9, 1, 10, 1));
  CHECK(merged(13, 0, 13, 4));
  CHECK_FALSE(merged(8, 0, 8, 0));
  CHECK(rows[14][0] == "自评等级");
  CHECK(rows[14][5] == "良");
  const GridTable& notes = grid.tables[1];
  CHECK(notes.name == "计分说明");
  const auto note_rows = test::dense_rows(notes);
  REQUIRE(note_rows.size() >= 4);  // [2] and [size - 2] below, the two apart
  CHECK(note_rows[2] == std::vector<std::string>{"2",
                                                 "履职 / 承担档案管理工作 / 档案整理 / 完成项目数",
                                                 "25 × 8/10 = 20"});
  CHECK(note_rows[note_rows.size() - 3] ==
        std::vector<std::string>{"表式", "",
                                 "源表的标题未写明项目支出或部门整体，也没有项目名称，"
                                 "按部门整体支出的表式填写"});
  CHECK(note_rows[note_rows.size() - 2] ==
        std::vector<std::string>{"资金单位", "",
                                 "年度资金的金额以万元计，保留两位小数（四舍五入）；分值、"
                                 "得分为数值单元格，可直接求和"});
}

namespace {

// A workbook written and read back: its sheets as dense rows.
std::vector<std::vector<std::vector<std::string>>> xlsx_rows(const Report& r) {
  std::vector<std::vector<std::vector<std::string>>> out;
  for (const GridTable& t : write_form(r, "xlsx-form").grid.tables)
    out.push_back(test::dense_rows(t));
  return out;
}

using Row = std::vector<std::string>;

TEST_CASE("one rule names the funds block and picks the form in every report", "[render][xlsx]") {
  auto c = with_rules();
  Report& r = c->report;
  struct Want {
    const char* title;
    bool project_name;  // a 项目名称 row in the head
    TableForm form;
    const char* label;      // the funds block's label in every report
    const char* xlsx_form;  // the workbook's title
  };
  const Want wants[] = {
      {"", false, TableForm::unknown, "年度资金（元）", "部门整体支出绩效自评表"},
      {"", true, TableForm::project, "项目资金（元）", "项目支出绩效自评表"},
      {"2024年度项目支出绩效目标表", false, TableForm::project, "项目资金（元）",
       "项目支出绩效自评表"},
      {"2024年度部门整体支出绩效目标表", true, TableForm::department, "部门整体资金（元）",
       "部门整体支出绩效自评表"},
      // 单位整体: a unit's whole budget, the department's form (a title naming
      // the 自评表 is the form's own).
      {"某局2024年度单位整体支出绩效自评表", false, TableForm::department, "部门整体资金（元）",
       "某局2024年度单位整体支出绩效自评表"},
  };
  for (const Want& w : wants) {
    CAPTURE(w.title, w.project_name);
    r.title = w.title;
    r.heading.clear();
    if (w.project_name) r.heading.emplace_back("项目名称", "档案数字化");
    CHECK(table_form(r) == w.form);
    CHECK(funds_cells(r).label == w.label);
    const std::string label = w.label;
    CHECK(contains(render_csv(r), "\r\n," + label + ",,,年初预算数,"));
    CHECK(contains(render_md(r), "\n## " + label + "\n"));
    CHECK(contains(render_html(r), "<h2>" + label + "</h2>"));
    CHECK(contains(render_junit(r), "<testsuite name=\"" + label + "\""));
    // The text report: the name, then the unit in the run's language's brackets.
    const std::string name = label.substr(0, label.find("（"));
    CHECK(contains(render_text(r), "\n" + name));
    const auto sheets = xlsx_rows(r);
    CHECK(sheets[0][0][0] == w.xlsx_form);
    bool found = false;
    for (const Row& row : sheets[0]) found = found || row[0] == label;
    CHECK(found);
    // Only a table that says neither gets the note on the form it was given.
    bool noted = false;
    for (const Row& row : sheets[1]) noted = noted || row[0] == "表式";
    CHECK(noted == (w.form == TableForm::unknown));
  }
}

}  // namespace

TEST_CASE("the 项目支出 自评表 has the source's title, head, funds in its unit and goals",
          "[render][xlsx]") {
  auto c = with_rules();
  Report& r = c->report;
  r.title = "2022年度项目支出绩效自评表";
  r.heading = {{"项目名称", "档案数字化"},
               {"主管部门", "某市档案局"},
               {"实施单位", "某市档案馆"},
               {"年度总体目标", "完成10个项目"},
               {"年度总体目标完成情况", "完成8个项目"}};
  const auto sheets = xlsx_rows(r);
  REQUIRE(sheets.size() == 2);
  const auto& rows = sheets[0];
  REQUIRE(rows.size() >= 16);
  CHECK(rows[0][0] == "2022年度项目支出绩效自评表");  // the year in it: no （2024年度） line
  CHECK(rows[1] == Row{"单位名称", "测试单位", "", "", "", "", "", ""});
  CHECK(rows[2] == Row{"项目名称", "档案数字化", "", "", "", "", "", ""});
  CHECK(rows[3] == Row{"主管部门", "某市档案局", "", "", "实施单位", "某市档案馆", "", ""});
  CHECK(rows[4] == Row{"项目资金（元）", "", "年初预算数", "全年预算数", "全年执行数", "分值",
                       "执行率", "得分"});
  CHECK(rows[5] ==
        Row{"", "年度资金总额", "1200000.00", "1200000.00", "1140000.00", "10.00", "95%", "9.85"});
  CHECK(rows[6] == Row{"", "其中：本年财政拨款", "1000000.00", "1000000.00", "-", "-", "-", "-"});
  CHECK(rows[7] == Row{"", "上年结转资金", "200000.00", "200000.00", "-", "-", "-", "-"});
  CHECK(rows[8] == Row{"", "其他资金", "0.00", "0.00", "-", "-", "-", "-"});
  CHECK(rows[9][0].starts_with("预算执行率得分 9.85："));
  CHECK(rows[10] == Row{"年度总体目标", "预期目标", "", "", "实际完成情况", "", "", ""});
  CHECK(rows[11] == Row{"", "完成10个项目", "", "", "完成8个项目", "", "", ""});
  CHECK(rows[13][0] == "一级指标");
  const auto& notes = sheets[1];
  CHECK(notes[notes.size() - 2] ==
        Row{"资金单位", "",
            "项目资金的金额以元计，保留两位小数（四舍五入）；分值、得分为数值单元格，可直接求和"});
}

// The test tables with `tasks` (# 主要任务 lines) in their head, judged and
// scored at year-end.
std::unique_ptr<Case> with_tasks(const char* tasks) {
  auto c = std::make_unique<Case>();
  std::vector<Diagnostic> d;
  c->targets = *read_targets("t.tsv", tasks + std::string(kTargets), d);
  c->actuals = *read_actuals("a.tsv", kYear, d);
  REQUIRE(d.empty());
  c->report = judge(c->targets, c->actuals, Period::year);
  assess(c->report, {});
  return c;
}

// The start tag's style of one cell of a sheet part (s="N"), or "" when the
// cell is not there; a blank cell is written <c r="A9" s="7"/>.
std::string cell_style(const std::string& sheet, const std::string& cell) {
  const std::size_t at = sheet.find("<c r=\"" + cell + "\"");
  if (at == std::string::npos) return "";
  const std::string tag = sheet.substr(at, sheet.find('>', at) - at);
  const std::size_t s = tag.find(" s=\"");
  return s == std::string::npos ? "none" : tag.substr(s + 4, tag.find('"', s + 4) - s - 4);
}

TEST_CASE("the form's merges over several rows are whole though it is written row by row",
          "[render][xlsx]") {
  // The workbook is written in libxlsxwriter's constant_memory mode, where a
  // row is out of reach once the next is begun: each range over several rows
  // (the funds block's label, 年度总体目标, 年度主要任务, the category cells)
  // is recorded in its last row, its text in its first and its bordered blanks
  // in every row between. (年度主要任务 spans five rows: libxlsxwriter itself
  // fills a range's row just above the one being written.)
  auto c = with_tasks(
      "# 主要任务 食品安全抽检: 完成抽检2000批次 | 150 | 142\n"
      "# 主要任务 特种设备检验: 完成检验800台 | 60 | \n"
      "# 主要任务 计量器具检定: 完成检定5000件 | 40 | 38\n"
      "# 主要任务 消费投诉处理: 办结率≥95% | 20 | 20\n");
  c->report.heading.emplace_back("年度总体目标", "完成10个项目");
  c->report.heading.emplace_back("年度总体目标完成情况", "完成8个项目");
  const auto [grid, sheet] = write_form(c->report, "xlsx-merges");
  const GridTable& t = grid.tables[0];
  std::vector<std::array<unsigned, 4>> tall;  // the merges over several rows, in order
  for (const GridMerge& m : t.merges)
    if (m.first_row != m.last_row)
      tall.push_back({m.first_row, m.first_col, m.last_row, m.last_col});
  std::sort(tall.begin(), tall.end());
  CHECK(tall == std::vector<std::array<unsigned, 4>>{{3, 0, 4, 0},      // 年度资金（万元）
                                                     {6, 0, 7, 0},      // 年度总体目标
                                                     {8, 0, 12, 0},     // 年度主要任务
                                                     {16, 0, 17, 0},    // 履职
                                                     {16, 1, 17, 1}});  // 承担档案管理工作
  // Each cell under a range's first has its border (the first cell's format).
  for (const auto& [r1, c1, r2, c2] : tall)
    for (unsigned r = r1; r <= r2; ++r) {
      const std::string name = std::string(1, static_cast<char>('A' + c1)) + std::to_string(r + 1);
      const std::string first =
          std::string(1, static_cast<char>('A' + c1)) + std::to_string(r1 + 1);
      INFO(name);
      CHECK(cell_style(sheet, name) == cell_style(sheet, first));
      CHECK_FALSE(cell_style(sheet, name).empty());
    }
  // Every row of the form is there, the rows beside the ranges whole.
  const auto rows = test::dense_rows(t);
  REQUIRE(rows.size() == 22);
  CHECK(rows[3][0] == "年度资金（万元）");
  CHECK(rows[6] == Row{"年度总体目标", "预期目标", "", "", "实际完成情况", "", "", ""});
  CHECK(rows[7] == Row{"", "完成10个项目", "", "", "完成8个项目", "", "", ""});
  CHECK(rows[8] == Row{"年度主要任务", "任务名称", "主要内容", "", "", "", "预算数", "执行数"});
  CHECK(rows[10] == Row{"", "特种设备检验", "完成检验800台", "", "", "", "60.00", "-"});
  CHECK(rows[12] == Row{"", "消费投诉处理", "办结率≥95%", "", "", "", "20.00", "20.00"});
  CHECK(rows[16] == Row{"履职", "承担档案管理工作", "档案整理：完成项目数", "≥10个", "8个", "25.00",
                        "20.00", "2个项目延期, \"待验收\""});
  CHECK(rows[17] == Row{"", "", "档案整理：档案抽检合格率", "=100%", "100%", "25.00", "25.00", ""});
  CHECK(rows[21][0] == "自评等级");
}

TEST_CASE("a published 自评表's 其中 lines carry their 全年预算数 and 执行数 on the form",
          "[render][xlsx]") {
  auto c = std::make_unique<Case>();
  std::vector<Diagnostic> d;
  c->targets = *read_targets("t.tsv", kTargets, d);
  c->actuals = *read_actuals("a.tsv",
                             "# 全年预算数: 200\n# 全年执行数: 190\n# 执行率分值: 10\n"
                             "# 执行率: 95%\n# 其中 本年财政拨款: 180 171\n"
                             "# 其中 上年结转资金: 0 0\n# 其中 其他资金: 20\n" +
                                 std::string(kYear),
                             d);
  REQUIRE(d.empty());
  c->report = judge(c->targets, c->actuals, Period::year);
  assess_published(c->report, c->actuals);
  const auto sheets = xlsx_rows(c->report);
  const auto& rows = sheets[0];
  REQUIRE(rows.size() >= 9);
  CHECK(rows[3] == Row{"年度资金（万元）", "", "年初预算数", "全年预算数", "全年执行数", "分值",
                       "执行率", "得分"});
  CHECK(rows[4] == Row{"", "年度资金总额", "", "200.00", "190.00", "10.00", "95%", "9.50"});
  // The published lines: no 年初预算数 (the import keeps the 全年 figure), the
  // 执行数 where the table gives one, "-" where it does not.
  CHECK(rows[5] == Row{"", "其中：本年财政拨款", "", "180.00", "171.00", "-", "-", "-"});
  CHECK(rows[6] == Row{"", "上年结转资金", "", "0.00", "0.00", "-", "-", "-"});
  CHECK(rows[7] == Row{"", "其他资金", "", "20.00", "-", "-", "-", "-"});
  CHECK(rows[8][0].starts_with("预算执行率得分 9.50："));
}

TEST_CASE("the 部门整体 自评表 has its 年度主要任务 block before the indicators",
          "[render][xlsx]") {
  auto c = with_tasks(
      "# 主要任务 食品安全抽检: 完成抽检2000批次 | 150 | 142\n"
      "# 主要任务 特种设备检验: 完成检验800台 | 60 | \n");
  // The tasks are part of the table's head, in the file's order.
  const auto& heading = c->report.heading;
  REQUIRE(heading.size() == 2);
  CHECK(heading[0].first == "主要任务 食品安全抽检");
  CHECK(heading[1].second == "完成检验800台 | 60 |");
  const auto sheets = xlsx_rows(c->report);
  const auto& rows = sheets[0];
  REQUIRE(rows.size() >= 11);
  CHECK(rows[0][0] == "部门整体支出绩效自评表");
  CHECK(rows[1] == Row{"（2024年度）", "", "", "", "", "", "", ""});
  CHECK(rows[2] == Row{"部门名称", "测试单位", "", "", "", "", "", ""});
  CHECK(rows[3] == Row{"年度资金（万元）", "", "年初预算数", "全年预算数", "全年执行数", "分值",
                       "执行率", "得分"});
  CHECK(rows[4][1] == "年度资金总额");
  CHECK(rows[6] == Row{"年度主要任务", "任务名称", "主要内容", "", "", "", "预算数", "执行数"});
  CHECK(rows[7] == Row{"", "食品安全抽检", "完成抽检2000批次", "", "", "", "150.00", "142.00"});
  CHECK(rows[8] == Row{"", "特种设备检验", "完成检验800台", "", "", "", "60.00", "-"});
  CHECK(rows[10][0] == "一级指标");
  // A project's form has no such block.
  c->report.heading.emplace_back("项目名称", "食品安全");
  const auto project = xlsx_rows(c->report);
  CHECK(project[0][0][0] == "项目支出绩效自评表");
  CHECK(project[0][2] == Row{"单位名称", "测试单位", "", "", "", "", "", ""});
  CHECK(project[0][4][0] == "项目资金（万元）");
  for (const Row& row : project[0]) CHECK(row[0] != "年度主要任务");
  // A published 部门整体 title is a department's form, a 项目名称 notwithstanding.
  c->report.title = "某区市场监督管理局2024年度部门整体支出绩效自评表";
  const auto department = xlsx_rows(c->report);
  CHECK(department[0][0][0] == "某区市场监督管理局2024年度部门整体支出绩效自评表");
  CHECK(department[0][1] == Row{"部门名称", "测试单位", "", "", "", "", "", ""});
  CHECK(department[0][3][0] == "部门整体资金（万元）");
}

TEST_CASE("a 监控表's funds progress is read exactly, or refused where it stands", "[render]") {
  std::vector<Diagnostic> d;
  auto t = read_targets("t.tsv", kTargets, d);
  auto a = read_actuals("a.tsv",
                        "# 1-6月执行数: 180.5\n# 全年预计执行数: 约400\n" + std::string(kYear), d);
  REQUIRE(a);
  REQUIRE(d.size() == 1);
  CHECK(render(d[0]).starts_with(
      "a.tsv:2:12: error[E2302]: '# 全年预计执行数: 约400' is not a number"));
  Report r = judge(*t, *a, Period::half);
  CHECK(r.half_executed == *Number::parse_decimal("180.5"));
  CHECK_FALSE(r.forecast);
}

TEST_CASE("the 监控表 has the funds progress and 完成目标可能性", "[render][xlsx]") {
  auto c = make(Period::half);
  Report& r = c->report;
  r.funds_unit = "万元";
  r.half_executed = Number::integer(180);
  r.forecast = Number::integer(400);
  rules::Funds funds;
  funds.unit = *UnitTable::standard().lookup("万元");
  funds.initial = rules::Funds::Amount{Number::integer(400), "年度资金总额"};
  funds.budget = funds.initial;
  r.funds = funds;
  const auto sheets = xlsx_rows(r);
  const auto& rows = sheets[0];
  CHECK(rows[0][0] == "部门整体绩效运行监控表");
  CHECK(rows[2] == Row{"部门名称", "测试单位", "", "", "", "", "", ""});
  CHECK(rows[3] == Row{"年度资金（万元）", "", "年初预算数", "1-6月执行数", "全年预计执行数",
                       "1-6月执行率", "", ""});
  CHECK(rows[4] == Row{"", "年度资金总额", "400.00", "180.00", "400.00", "45%", "", ""});
  CHECK(rows[5][0] ==
        "1-6月执行率 = 1-6月执行数 / 年初预算数（年初预算数取自规则文件的年度资金总额，"
        "全年预算数取自规则文件的年度资金总额）");
  CHECK(rows[7] == Row{"一级指标", "二级指标", "三级指标", "年度指标值", "半年指标值",
                       "1-6月执行情况", "完成目标可能性", "偏差原因分析及改进措施"});
  CHECK(rows[9][6] == "确定能");  // 8个 against the half's ≥5个
}

namespace {

// A hostile table: a formula, terminal escapes, characters XML does not allow,
// raw HTML, a javascript: link, Markdown, a 40 000-character 偏差原因 and a
// 300-character actual.
const char* kHostileTargets =
    "一级指标\t二级指标\t重点工作\t三级指标\t半年指标值\t全年指标值\n"
    "产出指标\t数量指标\t\t=HYPERLINK(\"x\",\"y\")\t≥3个\t≥6个\n"
    "产出指标\t质量指标\t\t\x1b]0;PWN\x07\x1b[2J标题\t≥95%\t≥95%\n"
    "效益指标\t社会效益\t\t<img src=x onerror=alert(1)>\x01\xEF\xBF\xBE\t健全\t健全\n";

std::string hostile_actuals() {
  std::string reason;
  for (int i = 0; i < 40000; ++i) reason += "很";
  return "指标\t实际值\t偏差原因\n"
         "数量指标/=HYPERLINK(\"x\",\"y\")\t2个\t[x](javascript:alert(1)) *a* `b` | c\n"
         "质量指标/\x1b]0;PWN\x07\x1b[2J标题\t" +
         std::string(300, '9') + "%\t" + reason +
         "\n"
         "社会效益/<img src=x onerror=alert(1)>\x01\xEF\xBF\xBE\t健全\t\x1b[31m红\n";
}

std::unique_ptr<Case> hostile() {
  auto c = std::make_unique<Case>();
  std::vector<Diagnostic> d;
  c->targets = *read_targets("t.tsv", kHostileTargets, d);
  c->actuals = *read_actuals("a.tsv", hostile_actuals(), d);
  REQUIRE(d.empty());
  c->report = judge(c->targets, c->actuals, Period::year);
  assess(c->report, {});
  return c;
}

std::size_t count(const std::string& text, const std::string& part) {
  std::size_t n = 0;
  for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++n;
  return n;
}

}  // namespace

TEST_CASE("the text report shows control characters as U+FFFD, keeping its colours",
          "[render][hostile]") {
  auto c = hostile();
  TextOptions coloured;
  coloured.color = true;
  std::string plain = render_text(c->report), colour = render_text(c->report, coloured);
  CHECK_FALSE(contains(plain, "\x1b"));
  CHECK_FALSE(contains(plain, "\x07"));
  CHECK(contains(plain, "\xEF\xBF\xBD]0;PWN\xEF\xBF\xBD\xEF\xBF\xBD[2J标题"));
  // The three verdicts and the grade are coloured, each reset after: every ESC
  // in the coloured report is one of ours.
  CHECK(count(colour, "\x1b[0m") == 4);
  CHECK(count(colour, "\x1b") == 8);
  CHECK_FALSE(contains(colour, "\x1b]"));
  CHECK_FALSE(contains(colour, "\x1b[2J"));
  CHECK_FALSE(contains(colour, "\x1b[31m红"));
}

TEST_CASE("csv defuses formulas in every cell it writes", "[render][hostile]") {
  auto c = hostile();
  std::string csv = render_csv(c->report);
  CHECK(contains(csv, ",\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\","));
  CHECK_FALSE(contains(csv, ",=HYPERLINK"));
  // The long cells are kept whole.
  CHECK(contains(csv, std::string(300, '9') + "%,"));
  CHECK(count(csv, "很") == 40000);
}

TEST_CASE("markdown escapes HTML, links and table syntax, and clips long cells",
          "[render][hostile]") {
  auto c = hostile();
  std::string md = render_md(c->report);
  CHECK_FALSE(contains(md, "<img"));
  CHECK(contains(md, "&lt;img src=x onerror=alert(1)&gt;\xEF\xBF\xBD"));
  CHECK(contains(md, "[x\\](javascript:alert(1)) \\*a\\* \\`b\\` \\| c"));
  CHECK_FALSE(contains(md, "\x1b"));
  // The actual as the text report shows it: clipped, with its length.
  CHECK(contains(md, std::string(99, '9') + "…(301 characters)"));
  CHECK_FALSE(contains(md, std::string(101, '9')));
}

TEST_CASE("html escapes every cell and clips long targets and actuals", "[render][hostile]") {
  auto c = hostile();
  std::string h = render_html(c->report);
  CHECK_FALSE(contains(h, "<img"));
  CHECK(contains(h, "&lt;img src=x onerror=alert(1)&gt;\xEF\xBF\xBD\xEF\xBF\xBD</td>"));
  CHECK_FALSE(contains(h, "\x1b"));
  CHECK(contains(h, std::string(99, '9') + "…(301 characters)"));
}

TEST_CASE("junit holds only characters XML allows", "[render][hostile]") {
  auto c = hostile();
  std::string x = render_junit(c->report);
  for (char bad : {'\x01', '\x07', '\x1b'}) CHECK(x.find(bad) == std::string::npos);
  CHECK_FALSE(contains(x, "\xEF\xBF\xBE"));
  CHECK(contains(x, "&lt;img src=x onerror=alert(1)&gt;\xEF\xBF\xBD\xEF\xBF\xBD"));
}

TEST_CASE("json is laid out as nlohmann's dump(2) of the same tree", "[render][json]") {
  std::unique_ptr<Case> cases[] = {make(Period::year), make(Period::half), hostile()};
  for (const auto& c : cases) {
    std::string json;
    write_json(c->report, [&](std::string_view piece) { json += piece; });
    // Parsing keeps the members' order (ordered_json): dumping again must give
    // the same bytes, so the streamed layout is nlohmann's own.
    CHECK(Json::parse(json).dump(2) + "\n" == json);
  }
}

TEST_CASE("an xlsx cell longer than Excel allows is clipped and listed in the notes",
          "[render][xlsx][hostile]") {
  auto c = hostile();
  const auto grid = write_form(c->report, "xlsx-long").grid;
  const auto rows = test::dense_rows(grid.tables[0]);
  // The second indicator's 偏差原因, the only long cell.
  std::string reason;
  for (const auto& row : rows)
    if (row.size() == 8 && row[7].size() > 1000) reason = row[7];
  // The form is in Chinese whatever the run's language, its marker too.
  const std::string marker = "…（共 40000 字）";
  REQUIRE(reason.size() > marker.size());
  CHECK(reason.substr(reason.size() - marker.size()) == marker);
  // 32 745 characters of the reason (32 767 less the marker's 22 bytes, a
  // bound on its UTF-16 length), then the marker's 12.
  CHECK(count_chars(reason, reason.size()) == 32757);
  const auto notes = test::dense_rows(grid.tables[1]);
  REQUIRE_FALSE(notes.empty());
  CHECK(notes.back() == std::vector<std::string>{"截断", "",
                                                 "自评表!H8：共 40000 字，超过 Excel 单元格上限 "
                                                 "32767 字，已截断；JSON 与 CSV 报告保留全文"});
}

TEST_CASE("the reports speak Chinese in a Chinese run, JSON keeps its English values",
          "[render][i18n]") {
  auto c = make(Period::year);
  LanguageScope zh(Language::zh);
  CHECK(contains(render_csv(c->report),
                 "\r\n2,履职,承担档案管理工作,档案整理,完成项目数,≥10个,8个,未达成,"));
  const std::string md = render_md(c->report);
  CHECK(contains(md, "| 健全 | 基本健全 | 部分达成 | 30.00 | 21.00 |"));
  CHECK(contains(md, " | **需说明偏差原因** |\n"));
  CHECK(contains(md,
                 "\n## 需说明偏差原因\n\n- 1. 过程 / 预算执行 / 预算执行率\n- 4. 效益指标 / "
                 "社会效益 / 机制健全性\n"));
  // HTML: the row's class and the filter's value stay the JSON's word.
  const std::string html = render_html(c->report);
  CHECK(contains(html, "<tr class=\"partial\">"));
  CHECK(contains(html, "<td class=\"v\">部分达成<div class=\"how\">"));
  CHECK(contains(html, "<option value=\"partial\">部分达成</option>"));
  CHECK(contains(html, "<label>筛选 <input id=\"q\" type=\"search\"></label>"));
  // Text: the verdict column is as wide as 需人工判断 (10 cells), and the
  // tallies line up under Chinese heads.
  const std::string text = render_text(c->report);
  CHECK(text.rfind("indicheck 核查：测试单位 2024年度 · 全年\n", 0) == 0);
  CHECK(contains(text, "\n2  未达成     履职 / 承担档案管理工作 / 档案整理 / 完成项目数\n"));
  CHECK(contains(text, "\n" + std::string(14, ' ') + "目标值 ≥10个 · 实际值 8个\n"));
  CHECK(contains(
      text,
      "\n一级指标     达成  未达成  部分达成  需人工判断  未填报  无法判定  无目标值   合计\n"
      "过程            0       1         0           0       0         0         0      1\n"));
  CHECK(contains(text,
                 "\n合计                             1       2         1           0       0       "
                 "  0         1      5\n"));
  CHECK(contains(text, "\n共 5 项指标：达成 1 项，未达成 2 项，部分达成 1 项，无目标值 1 项\n"));
  // JSON: keys and verdicts in English.
  std::string json;
  write_json(c->report, [&](std::string_view part) { json += part; });
  CHECK(contains(json, "\"verdict\": \"partial\""));
}
