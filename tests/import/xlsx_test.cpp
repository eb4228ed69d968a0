// The xlsx reader: cells as shown, merged ranges, and the errors a broken file gets.
// Workbooks are made at test time by a real writer (libxlsxwriter).

#include <xlsxwriter.h>
#include <zip.h>

#include <catch2/catch.hpp>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <tuple>

#include "engine/assess/score.hpp"
#include "engine/import/import.hpp"
#include "engine/import/xlsx.hpp"
#include "engine/report/render.hpp"
#include "engine/rules/load.hpp"
#include "engine/table/table.hpp"
#include "tests/import/grid_rows.hpp"
#include "tests/import/zip_part.hpp"

using namespace indicheck;

namespace {

std::string temp_path(const std::string& name) {
  auto dir = std::filesystem::temp_directory_path() / "indicheck-xlsx-test";
  std::filesystem::create_directories(dir);
  return (dir / name).string();
}

}  // namespace

TEST_CASE("read_xlsx gives every sheet's cells as shown and its merged ranges", "[xlsx]") {
  std::string path = temp_path("cells.xlsx");
  lxw_workbook* wb = workbook_new(path.c_str());
  lxw_worksheet* first = workbook_add_worksheet(wb, "指标");
  worksheet_merge_range(first, 1, 0, 3, 0, "决策", nullptr);
  worksheet_write_string(first, 0, 0, "一级指标", nullptr);
  worksheet_write_string(first, 0, 2, "三级指标", nullptr);
  worksheet_write_string(first, 1, 2, "预算执行率", nullptr);
  worksheet_write_number(first, 1, 3, 21274.97, nullptr);
  worksheet_write_number(first, 2, 3, 3, nullptr);
  worksheet_write_boolean(first, 3, 3, 1, nullptr);
  // Excel writes a CR in a cell as _x000D_; the reader shows the character.
  worksheet_write_string(first, 3, 2, "a_x000D_b", nullptr);
  lxw_worksheet* second = workbook_add_worksheet(wb, "空");
  (void)second;
  REQUIRE(workbook_close(wb) == LXW_NO_ERROR);

  std::vector<Diagnostic> diagnostics;
  auto grid = read_xlsx(path, diagnostics);
  REQUIRE(grid);
  CHECK(diagnostics.empty());
  // The empty sheet holds no cell, so it is no table.
  REQUIRE(grid->tables.size() == 1);
  const GridTable& s = grid->tables[0];
  CHECK(s.name == "指标");
  // Only the cells that exist, in order; the merged range is a range.
  std::vector<std::tuple<unsigned, unsigned, std::string>> cells;
  for (const GridCell& c : s.cells) cells.emplace_back(c.row, c.col, c.text);
  CHECK(cells == std::vector<std::tuple<unsigned, unsigned, std::string>>{{0, 0, "一级指标"},
                                                                          {0, 2, "三级指标"},
                                                                          {1, 0, "决策"},
                                                                          {1, 2, "预算执行率"},
                                                                          {1, 3, "21274.97"},
                                                                          {2, 3, "3"},
                                                                          {3, 2, "a\rb"},
                                                                          {3, 3, "TRUE"}});
  REQUIRE(s.merges.size() == 1);
  CHECK(s.merges[0].first_row == 1);
  CHECK(s.merges[0].first_col == 0);
  CHECK(s.merges[0].last_row == 3);
  CHECK(s.merges[0].last_col == 0);
  // As the interpreter reads it: the merged label in each of its cells.
  auto rows = rows_from_grid("cells.xlsx", *grid, false);
  REQUIRE(rows.size() == 4);
  CHECK(rows[0].cells == std::vector<std::string>{"一级指标", "", "三级指标"});
  CHECK(rows[1].cells == std::vector<std::string>{"决策", "", "预算执行率", "21274.97"});
  CHECK(rows[2].cells == std::vector<std::string>{"决策", "", "", "3"});
  CHECK(rows[3].cells == std::vector<std::string>{"决策", "", "a\rb", "TRUE"});
  CHECK(rows[3].line == 4);
}

TEST_CASE("read_xlsx reports a file that is not a workbook, at the file", "[xlsx]") {
  std::string path = temp_path("not-a-zip.xlsx");
  std::ofstream(path) << "一级指标\t二级指标\n";
  std::vector<Diagnostic> diagnostics;
  CHECK_FALSE(read_xlsx(path, diagnostics));
  REQUIRE(diagnostics.size() == 1);
  CHECK(render(diagnostics[0]) ==
        path + ":1:1: error[E5101]: cannot open: not an xlsx workbook (not a zip archive)\n");

  diagnostics.clear();
  CHECK_FALSE(read_xlsx(temp_path("absent.xlsx"), diagnostics));
  REQUIRE(diagnostics.size() == 1);
  CHECK(diagnostics[0].message == "cannot open: No such file or directory");
}

TEST_CASE("the funds block takes its figures from one source, never mixed", "[xlsx][rules]") {
  // A published self-evaluation's 全年预算数 200 and 全年执行数 190 (万元), and
  // rule files whose 预算 block is in 元: the row must not set 2000000 元 beside
  // 200 万元 under one unit.
  Report r;
  r.scoring = Scoring{};
  r.scoring->budget = Number::integer(200);
  r.scoring->executed = Number::integer(190);
  rules::Funds funds;
  funds.unit = *UnitTable::standard().lookup("元");
  funds.initial = rules::Funds::Amount{Number::integer(2000000), "资金总额"};
  r.funds = funds;
  FundsBlock b = funds_block(r);
  CHECK(b.unit == "万元");
  CHECK_FALSE(b.initial);
  CHECK(b.budget == Number::integer(200));
  CHECK(b.executed == Number::integer(190));
  REQUIRE(b.rate);
  CHECK(b.rate->canonical() == "95");
  CHECK(b.from_rules.empty());
  // Without the published figures, the rules' block in its own unit.
  r.scoring->budget.reset();
  r.scoring->executed.reset();
  b = funds_block(r);
  CHECK(b.unit == "元");
  CHECK(b.initial == Number::integer(2000000));
  CHECK_FALSE(b.rate);
  CHECK(b.from_rules ==
        std::vector<std::pair<std::string, std::string>>{{"年初预算数", "资金总额"}});
}

TEST_CASE("the 自评表's funds block comes from the rule files' 预算 block and 执行数",
          "[xlsx][rules]") {
  auto dir = std::filesystem::path(temp_path("funds"));
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "t.tsv") << "一级指标\t二级指标\t三级指标\t半年指标值\t全年指标值\n"
                                  "过程\t预算执行\t预算执行率\t≥30%\t≥100%\n";
  std::ofstream(dir / "f.rules") << "目标表 \"t.tsv\"\n"
                                    "上报 执行数 万元\n"
                                    "上报 调整预算数 万元\n"
                                    "预算 万元 {\n"
                                    "  资金总额  全年 1200\n"
                                    "  基本支出  全年 200\n"
                                    "}\n"
                                    "指标 预算执行率 {\n"
                                    "  实际值 = 执行数 / 调整预算数\n"
                                    "  分值 10\n"
                                    "}\n";
  std::vector<Diagnostic> ds;
  auto rules = rules::load_rules({(dir / "f.rules").string()}, ds);
  REQUIRE(ds.empty());
  // 执行数 in 元: shown in the block's 万元.
  auto actuals = read_actuals("a.tsv", "指标\t实际值\n执行数\t9600000元\n调整预算数\t1250\n", ds);
  REQUIRE(actuals);
  Report report = judge(*rules->table, *actuals, Period::year, rules.get());
  assess(report, scoring_scheme(report));
  REQUIRE(report.funds);
  // The block every report shows (xlsx, text, JSON), exactly.
  const FundsBlock b = funds_block(report);
  CHECK(b.unit == "万元");
  CHECK(b.initial == Number::integer(1200));
  CHECK(b.budget == Number::integer(1250));
  CHECK(b.executed == Number::integer(960));
  REQUIRE(b.rate);
  CHECK(b.rate->canonical() == "76.8");
  REQUIRE(b.score);
  CHECK(b.score->points.canonical() == "7.68");
  CHECK(b.from_rules ==
        std::vector<std::pair<std::string, std::string>>{
            {"年初预算数", "资金总额"}, {"全年预算数", "调整预算数"}, {"全年执行数", "执行数"}});
  std::string path = (dir / "funds.xlsx").string();
  REQUIRE(write_xlsx(report, path).empty());
  auto grid = read_xlsx(path, ds);
  REQUIRE(grid);
  REQUIRE(ds.empty());
  const auto rows = test::dense_rows(grid->tables[0]);
  REQUIRE(rows.size() > 4);
  // The form's title, then the funds block: 部门整体资金（万元） beside its lines.
  CHECK(rows[0][0] == "部门整体支出绩效自评表");
  CHECK(rows[1] == std::vector<std::string>{"年度资金（万元）", "", "年初预算数", "全年预算数",
                                            "全年执行数", "分值", "执行率", "得分"});
  // 960 / 1250 = 76.8%; 10 × 0.768 = 7.68 (number cells: the rate a percent cell
  // holding 0.7680, which the importer shows as its exact percentage).
  CHECK(rows[2] == std::vector<std::string>{"", "年度资金总额", "1200.00", "1250.00", "960.00",
                                            "10.00", "76.8%", "7.68"});
  CHECK(rows[3][0] ==
        "预算执行率得分 7.68：10 × 76.8/100 = 7.68（年初预算数取自规则文件的资金总额，"
        "全年预算数取自规则文件的调整预算数，全年执行数取自规则文件的执行数）");

  // Without rules there are no figures: only the 预算执行率 indicator's own
  // score (nothing reported: 0 of 10) fills the block, as before.
  auto plain = judge(*rules->table, *actuals, Period::year);
  assess(plain);
  REQUIRE(write_xlsx(plain, path).empty());
  auto again = read_xlsx(path, ds);
  REQUIRE(again);
  CHECK(test::dense_rows(again->tables[0])[2] ==
        std::vector<std::string>{"", "年度资金总额", "", "", "", "10.00", "", "0.00"});
  std::filesystem::remove_all(dir);
}

namespace {

// A self-evaluation sheet's head (一级指标 … 实际完成值, 分值), and one row's
// categories, name and 分值 10; a test writes the target and actual cells.
void self_evaluation_head(lxw_worksheet* ws) {
  const char* head[] = {"一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值"};
  for (int c = 0; c < 6; ++c) worksheet_write_string(ws, 0, lxw_col_t(c), head[c], nullptr);
}
void self_evaluation_row(lxw_worksheet* ws, lxw_row_t r, const char* name) {
  worksheet_write_string(ws, r, 0, "产出指标", nullptr);
  worksheet_write_string(ws, r, 1, "数量指标", nullptr);
  worksheet_write_string(ws, r, 2, name, nullptr);
  worksheet_write_number(ws, r, 5, 10, nullptr);
}

}  // namespace

TEST_CASE("formula cells and percent formats: read as the table shows them, or flagged",
          "[xlsx][import]") {
  std::string path = temp_path("formulas.xlsx");
  lxw_workbook* wb = workbook_new(path.c_str());
  lxw_worksheet* ws = workbook_add_worksheet(wb, "自评表");
  lxw_format* percent = workbook_add_format(wb);
  format_set_num_format(percent, "0%");
  lxw_format* tenths = workbook_add_format(wb);
  format_set_num_format(tenths, "0.0%");
  self_evaluation_head(ws);
  auto row = [&](lxw_row_t r, const char* name) { self_evaluation_row(ws, r, name); };
  // =12000亩 typed: stored as a formula Excel cannot compute, cached 0.
  row(1, "新增造林面积");
  worksheet_write_formula_num(ws, 1, 3, "=12000亩", nullptr, 0);
  worksheet_write_string(ws, 1, 4, "12500亩", nullptr);
  // =100% typed: a formula whose cached value 1 agrees.
  row(2, "验收合格率");
  worksheet_write_formula_num(ws, 2, 3, "=100%", nullptr, 1);
  worksheet_write_number(ws, 2, 4, 0.96, percent);  // shown as 96%
  // A text result: the cached text.
  row(3, "完成及时性");
  worksheet_write_string(ws, 3, 3, "及时", nullptr);
  worksheet_write_formula_str(ws, 3, 4, "=\"及时\"", nullptr, "及时");
  // A real formula: its cached value, flagged.
  row(4, "森林覆盖率");
  worksheet_write_string(ws, 4, 3, "≥30%", nullptr);
  worksheet_write_formula_num(ws, 4, 4, "=0.3+0.005", tenths, 0.305);
  REQUIRE(workbook_close(wb) == LXW_NO_ERROR);

  std::vector<Diagnostic> ds;
  auto im = import_file(path, ImportOptions{}, ds);
  REQUIRE(im);
  REQUIRE(im->indicators.size() == 4);
  CHECK(im->indicators[0].year_target == "=12000亩");
  CHECK(im->indicators[0].actual == "12500亩");
  CHECK(im->indicators[1].year_target == "=100%");
  CHECK(im->indicators[1].actual == "96%");
  CHECK(im->indicators[2].actual == "及时");
  CHECK(im->indicators[3].actual == "30.5%");
  // The flagged formula: a warning on its row, with its code.
  REQUIRE(ds.size() == 1);
  CHECK(id_of(ds[0].code) == "W5023");  // docs/diagnostics.md names this case
  CHECK(render_all(ds) ==
        path +
            ":5:1: warning[W5023]: 自评表!E5: the formula =0.3+0.005 is read as its cached "
            "value 30.5%, as last saved; check it against the table as published\n");
  std::vector<std::string> notes;
  for (const Note& n : im->assumptions) notes.push_back(n.text);
  CHECK(notes == std::vector<std::string>{
                     "自评表!D2: a formula cell typed =12000亩 read as the text typed (its cached "
                     "value 0 does not: not used)",
                     "自评表!D3: a formula cell typed =100% read as the text typed (its cached "
                     "value 1 agrees)",
                     "自评表!E3: the number 0.96 read as 96%, as its percent format shows it",
                     "自评表!E5: the number 0.305 read as 30.5%, as its percent format shows it",
                 });
}

TEST_CASE("formula cells with no cached value: a typed target as typed, any other empty, flagged",
          "[xlsx][import]") {
  // Excel always saves a formula's value; a workbook written by another
  // program (or with calculation off) may hold <c><f>…</f></c> and no <v>.
  // libxlsxwriter writes the cells with a cached 0, then the sheet's XML is
  // given the formulas alone.
  std::string path = temp_path("formulas-uncached.xlsx");
  lxw_workbook* wb = workbook_new(path.c_str());
  lxw_worksheet* ws = workbook_add_worksheet(wb, "自评表");
  self_evaluation_head(ws);
  auto row = [&](lxw_row_t r, const char* name) { self_evaluation_row(ws, r, name); };
  // =12000亩 typed, as a target: read as the text typed.
  row(1, "新增造林面积");
  worksheet_write_formula_num(ws, 1, 3, "=12000亩", nullptr, 0);
  worksheet_write_string(ws, 1, 4, "12500亩", nullptr);
  // A real formula: nothing to read, so the cell is empty, and flagged.
  row(2, "管护面积");
  worksheet_write_string(ws, 2, 3, "≥300亩", nullptr);
  worksheet_write_formula_num(ws, 2, 4, "=SUM(G3:H3)", nullptr, 0);
  REQUIRE(workbook_close(wb) == LXW_NO_ERROR);
  const std::string xml =
      test::replace_in_zip_part(path, "xl/worksheets/sheet1.xml",
                                {{"<f>12000亩</f><v>0</v>", "<f>12000亩</f>"},
                                 {"<f>SUM(G3:H3)</f><v>0</v>", "<f>SUM(G3:H3)</f>"}});
  CHECK(xml.find("</f><v>") == std::string::npos);  // no formula's cached value left

  std::vector<Diagnostic> ds;
  auto im = import_file(path, ImportOptions{}, ds);
  REQUIRE(im);
  REQUIRE(im->indicators.size() == 2);
  CHECK(im->indicators[0].year_target == "=12000亩");
  CHECK(im->indicators[0].actual == "12500亩");
  CHECK(im->indicators[1].year_target == "≥300亩");
  CHECK(im->indicators[1].actual == "");
  // The real formula: a warning on its row, at its cell, never a silent 0.
  REQUIRE(ds.size() == 1);
  CHECK(id_of(ds[0].code) == "W5023");
  CHECK(render_all(ds) == path +
                              ":3:1: warning[W5023]: 自评表!E3: the formula =SUM(G3:H3) has no "
                              "cached value: the cell is read empty; check it against the table "
                              "as published\n");
  // The typed target: an assumption on its row, saying there was no cached value.
  REQUIRE(im->assumptions.size() == 1);
  CHECK(im->assumptions[0].line == 2);
  CHECK(im->assumptions[0].text ==
        "自评表!D2: a formula cell typed =12000亩 read as the text typed (no cached value)");
}
