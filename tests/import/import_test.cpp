// indicheck import: the seed round trip, its budget sums, every row accounted
// for, and each other layout (GB18030 CSV, xlsx with merged cells, split
// columns, units in names, self-evaluation columns) against its text form.

#include <unistd.h>
#include <xlsxwriter.h>
#include <zip.h>

#include <catch2/catch.hpp>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "engine/assess/recheck.hpp"
#include "engine/assess/report.hpp"
#include "engine/base/number.hpp"
#include "engine/import/encoding.hpp"
#include "engine/import/import.hpp"
#include "engine/import/xlsx.hpp"
#include "engine/report/render.hpp"
#include "engine/table/table.hpp"
#include "tests/import/grid_rows.hpp"
#include "tests/import/zip_part.hpp"

using namespace indicheck;

namespace {

const std::string kData = std::string(INDICHECK_SOURCE_DIR) + "/tests/golden/data/import/";
const std::string kFixture =
    std::string(INDICHECK_SOURCE_DIR) + "/fixtures/suzhou-zrzy-2024/targets.tsv";

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// The lines of a TSV that are not comments: what `check` reads as the table.
std::string without_comments(const std::string& tsv) {
  std::istringstream in(tsv);
  std::string line, out;
  while (std::getline(in, line))
    if (line.empty() || line[0] != '#') out += line + "\n";
  return out;
}

Import import_ok(const std::string& path, ImportOptions options = {}) {
  std::vector<Diagnostic> diagnostics;
  auto im = import_file(path, options, diagnostics);
  INFO(render_all(diagnostics));
  REQUIRE(im);
  CHECK_FALSE(has_errors(diagnostics));
  return *im;
}

const BudgetFigure& figure(const std::vector<BudgetFigure>& figures, const std::string& name) {
  for (const BudgetFigure& f : figures)
    if (f.name == name) return f;
  FAIL("no budget figure " << name);
  throw std::logic_error("unreachable");
}

Number value(const std::string& written) {
  auto n = Number::parse_decimal(written);
  REQUIRE(n);
  return *n;
}

// The xlsx form of the seed's tables: the fixture's rows, each run of equal
// categories one merged cell, as a person laying out the table in Excel would.
void write_merged_workbook(const std::string& path) {
  std::istringstream in(slurp(kFixture));
  std::vector<std::vector<std::string>> rows;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> cells;
    std::size_t start = 0;
    while (true) {
      auto tab = line.find('\t', start);
      cells.push_back(line.substr(start, tab == std::string::npos ? tab : tab - start));
      if (tab == std::string::npos) break;
      start = tab + 1;
    }
    rows.push_back(cells);
  }
  lxw_workbook* wb = workbook_new(path.c_str());
  lxw_worksheet* ws = workbook_add_worksheet(wb, "绩效目标");
  for (std::size_t c = 0; c < rows[0].size(); ++c)
    worksheet_write_string(ws, 0, lxw_col_t(c), rows[0][c].c_str(), nullptr);
  for (std::size_t r = 1; r < rows.size(); ++r)
    for (std::size_t c = 3; c < rows[r].size(); ++c)
      if (!rows[r][c].empty())
        worksheet_write_string(ws, lxw_row_t(r), lxw_col_t(c), rows[r][c].c_str(), nullptr);
  // Categories: a run of rows with the same path down to this column is one merge.
  for (lxw_col_t c = 0; c < 3; ++c) {
    std::size_t r = 1;
    while (r < rows.size()) {
      std::size_t end = r;
      auto same = [&](std::size_t a, std::size_t b) {
        for (std::size_t k = 0; k <= c; ++k)
          if (rows[a][k] != rows[b][k]) return false;
        return true;
      };
      while (end + 1 < rows.size() && same(end + 1, r)) ++end;
      if (!rows[r][c].empty()) {
        if (end > r)
          worksheet_merge_range(ws, lxw_row_t(r), c, lxw_row_t(end), c, rows[r][c].c_str(),
                                nullptr);
        else
          worksheet_write_string(ws, lxw_row_t(r), c, rows[r][c].c_str(), nullptr);
      }
      r = end + 1;
    }
  }
  REQUIRE(workbook_close(wb) == LXW_NO_ERROR);
}

}  // namespace

TEST_CASE("importing the seed gives exactly the hand-made fixture's indicator rows", "[import]") {
  Import im = import_ok(kData + "suzhou-2024-seed.txt");
  CHECK(without_comments(write_targets(im)) == without_comments(slurp(kFixture)));
  CHECK(im.unit_name == "苏州市自然资源和规划局");
  CHECK(im.year == "2024");
  CHECK(write_targets(im).find("# 单位: 苏州市自然资源和规划局\n# 年度: 2024\n") !=
        std::string::npos);
}

TEST_CASE("the seed's summary accounts for every one of its 130 lines", "[import]") {
  Import im = import_ok(kData + "suzhou-2024-seed.txt");
  REQUIRE(im.rows.size() == 130);
  CHECK(im.count(RowUse::indicator) == 65);
  CHECK(im.count(RowUse::category) == 3);
  CHECK(im.count(RowUse::budget) == 40);
  CHECK(im.count(RowUse::text) == 4);
  CHECK(im.count(RowUse::header) == 5);
  CHECK(im.count(RowUse::metadata) == 3);
  CHECK(im.count(RowUse::blank) == 9);
  CHECK(im.count(RowUse::skipped) == 1);
  for (unsigned k = 0; k < im.rows.size(); ++k) CHECK(im.rows[k].line == k + 1);
  CHECK(im.rows[55].reason == "a separator line, no cells");
  REQUIRE(im.texts.size() == 4);
  CHECK(im.texts[0].title == "单位主要职能");
  CHECK(im.texts[3].title == "年度目标");
  CHECK(im.texts[3].line == 55);
  // The repairs the fixture's README describes, each at its line.
  std::map<unsigned, std::string> repairs;
  for (const Note& n : im.repairs) repairs[n.line] += n.text;
  CHECK(repairs[114].find("recovered a row whose leading cells were lost") != std::string::npos);
  CHECK(repairs[106].find("'履职'") != std::string::npos);
  CHECK(repairs[106].find("lines 93–104") != std::string::npos);
  CHECK(repairs[110].find("'土地出让印花 税缴纳工作' → '土地出让印花税缴纳工作'") !=
        std::string::npos);
  CHECK(repairs[129].find("'可持续影响'") != std::string::npos);
  CHECK(im.repairs.size() == 20);
}

TEST_CASE("the seed's budget figures add up as the table states them", "[import]") {
  Import im = import_ok(kData + "suzhou-2024-seed.txt");
  CHECK(im.budget_unit == "万元");
  CHECK(im.budget_lines() == 40);
  const auto& b = im.budget;
  CHECK(value(figure(b, "资金总额").year) == value("21274.97"));
  CHECK(figure(b, "资金总额").half.empty());
  // 资金总额 = 基本支出 + 项目支出.
  CHECK(value(figure(b, "基本支出").year) + value(figure(b, "项目支出").year) == value("21274.97"));
  // 财政拨款 is the stated subtotal of its three members.
  const BudgetFigure& grant = figure(b, "财政拨款");
  REQUIRE(grant.members.size() == 3);
  Number members;
  for (const BudgetFigure& m : grant.members) members = members + value(m.year);
  CHECK(members == value(grant.year));
  // 项目支出 = the 27 item rows + 补助下级支出 + 办公设备购置, in both columns.
  const BudgetFigure& items = figure(b, "项目明细");
  CHECK(items.is_group);
  REQUIRE(items.members.size() == 27);
  Number half, year;
  for (const BudgetFigure& m : items.members) {
    half = half + value(m.half);
    year = year + value(m.year);
  }
  CHECK(half == value("3103.33"));
  CHECK(year == value("15863.26"));
  CHECK(half + value(figure(b, "补助下级支出").half) + value(figure(b, "办公设备购置").half) ==
        value(figure(b, "项目支出").half));
  CHECK(year + value(figure(b, "补助下级支出").year) + value(figure(b, "办公设备购置").year) ==
        value(figure(b, "项目支出").year));
  CHECK(value(figure(b, "项目支出").half) == value("3800.21"));
  CHECK(value(figure(b, "项目支出").year) == value("16563.14"));
}

TEST_CASE("the budget block is written in the rule-file syntax", "[import]") {
  Import im = import_ok(kData + "suzhou-2024-seed.txt");
  std::vector<Diagnostic> diagnostics;
  std::string rules = write_budget(im, diagnostics);
  CHECK(diagnostics.empty());
  CHECK(rules.rfind("# 苏州市自然资源和规划局 2024 预算数据 — imported by indicheck from "
                    "suzhou-2024-seed.txt\n"
                    "预算 万元 {\n"
                    "  资金总额      全年 21274.97\n"
                    "  财政拨款      全年 21274.97 {\n"
                    "    一般公共预算资金  全年 18591.17\n"
                    "    政府性基金        全年 2683.8\n"
                    "    财政专户管理资金  全年 0\n"
                    "  }\n",
                    0) == 0);
  CHECK(rules.find("\n  基本支出      半年 2355.91  全年 4711.83\n") != std::string::npos);
  CHECK(rules.find("\n  组 项目明细 {\n    体检费                  半年 0       全年 40.32\n") !=
        std::string::npos);
  CHECK(rules.find("\n    「规划编制(测绘)项目」  半年 864     全年 5760\n") != std::string::npos);
  CHECK(rules.find("「苏州大市范围城乡建设用地增减挂钩耕地占补平衡、“三优三保”等") !=
        std::string::npos);
  CHECK(rules.substr(rules.size() - 6) == "  }\n}\n");
}

TEST_CASE("a GB18030 CSV saved by Excel imports to the same indicators as the text", "[import]") {
  Import text = import_ok(kData + "suzhou-2024-seed.txt");
  Import csv = import_ok(kData + "suzhou-2024-tables.gb18030.csv");
  CHECK(csv.encoding == "gb18030");
  REQUIRE(csv.assumptions.size() == 1);
  CHECK(csv.assumptions[0].text.find("read as GB18030") != std::string::npos);
  CHECK(without_comments(write_targets(csv)) == without_comments(write_targets(text)));

  // Given as UTF-8, the same bytes are an error at the first non-UTF-8 byte.
  std::vector<Diagnostic> diagnostics;
  ImportOptions utf8;
  utf8.encoding = ImportEncoding::utf8;
  CHECK_FALSE(import_file(kData + "suzhou-2024-tables.gb18030.csv", utf8, diagnostics));
  REQUIRE(diagnostics.size() == 1);
  CHECK(diagnostics[0].where.line == 1);
  // D2 BB (一) happens to be a valid UTF-8 pair; BC B6 (级) is not.
  CHECK(diagnostics[0].where.column == 2);
  CHECK(diagnostics[0].message ==
        "the file is not valid UTF-8 (try --encoding gb18030); found the byte 0xBC (byte 3 of "
        "the line)");
}

TEST_CASE("an xlsx with merged category cells imports to the same indicators", "[import]") {
  auto dir = std::filesystem::temp_directory_path() / "indicheck-import-test";
  std::filesystem::create_directories(dir);
  std::string path = (dir / "merged.xlsx").string();
  write_merged_workbook(path);
  Import text = import_ok(kData + "suzhou-2024-seed.txt");
  Import xlsx = import_ok(path);
  CHECK(xlsx.format == "xlsx");
  CHECK(without_comments(write_targets(xlsx)) == without_comments(write_targets(text)));
  CHECK(xlsx.repairs.empty());
}

TEST_CASE("split columns and units in names import to the inline form", "[import]") {
  CHECK(without_comments(write_targets(import_ok(kData + "split-columns.csv"))) ==
        without_comments(write_targets(import_ok(kData + "split-columns.inline.txt"))));
  Import names = import_ok(kData + "name-unit.csv");
  CHECK(without_comments(write_targets(names)) ==
        without_comments(write_targets(import_ok(kData + "name-unit.inline.txt"))));
  REQUIRE(names.assumptions.size() == 3);
  CHECK(names.assumptions[0].line == 2);
  CHECK(names.assumptions[0].text ==
        "the value 80000 of 实施营造林总面积(亩) takes the unit 亩 from the indicator's name");
}

TEST_CASE("a self-evaluation table keeps its actuals, weights, scores and reasons", "[import]") {
  Import im = import_ok(kData + "self-evaluation.csv");
  CHECK(im.has_self_evaluation);
  CHECK(write_actuals(im) ==
        "# indicheck actuals: the self-evaluation columns of self-evaluation.csv\n"
        "# 期间: 全年\n"
        "指标\t实际值\t偏差原因\t分值\t得分\n"
        "新增造林面积\t480亩\t受天气影响,栽植推迟到次年春季\t10\t9.6\n"
        "管护面积\t12000亩\t\t10\t10\n"
        "完成及时性\t及时\t\t10\t10\n"
        "群众满意度\t92%\t\t20\t20\n");
}

TEST_CASE("actuals keys stay the shortest unique suffix among 20 000 same-named indicators",
          "[import]") {
  // 20 000 indicators of one name under different 二级指标: each key needs two
  // segments. Comparing every path with every other was quadratic (the fuzz
  // input of 233 rows timed out under ASan); the keys are now counted once
  // (write.cpp). This case checks the keys only: the quadratic loop took
  // about 32 s for these 20 000 in Release, inside ctest's 300 s TIMEOUT, so
  // it would not catch a return of it; that is for a benchmark to see.
  Import im;
  im.source = "big.txt";
  for (int k = 1; k <= 20000; ++k) {
    ImportedIndicator i;
    i.level1 = "产出指标";
    i.level2 = "数量指标" + std::to_string(k);
    i.name = "完成项目数";
    i.actual = std::to_string(k) + "个";
    im.indicators.push_back(i);
  }
  im.indicators.back().name = "验收合格率";  // unique: a one-segment key
  std::string out = write_actuals(im);
  CHECK(out.find("\n数量指标1/完成项目数\t1个\t") != std::string::npos);
  CHECK(out.find("\n数量指标19999/完成项目数\t19999个\t") != std::string::npos);
  CHECK(out.find("\n验收合格率\t20000个\t") != std::string::npos);
}

TEST_CASE("CSV cells may hold quotes, separators and line breaks", "[import]") {
  std::vector<Diagnostic> diagnostics;
  auto rows = rows_from_csv("t.csv", "a,\"b,\"\"c\"\"\nd\"\r\ne,f\n", diagnostics);
  REQUIRE(rows);
  REQUIRE(rows->size() == 2);
  CHECK((*rows)[0].cells == std::vector<std::string>{"a", "b,\"c\"\nd"});
  CHECK((*rows)[1].line == 3);
  CHECK((*rows)[1].cells == std::vector<std::string>{"e", "f"});
  CHECK_FALSE(rows_from_csv("t.csv", "a\n\"open", diagnostics));
  REQUIRE(diagnostics.size() == 1);
  CHECK(
      render(diagnostics[0]) ==
      "t.csv:2:1: error[E5005]: a quoted cell is never closed: expected '\"' before the end of the "
      "file\n");
}

TEST_CASE("decoding drops a UTF-8 BOM and reads GB18030 only when asked or needed", "[import]") {
  std::vector<Diagnostic> diagnostics;
  auto bom = decode("t", "\xEF\xBB\xBF一级", ImportEncoding::auto_detect, diagnostics);
  REQUIRE(bom);
  CHECK(bom->text == "一级");
  CHECK(bom->encoding == "utf-8 with BOM");
  auto gb = decode("t", "\xD2\xBB\xBC\xB6", ImportEncoding::auto_detect, diagnostics);
  REQUIRE(gb);
  CHECK(gb->text == "一级");
  CHECK(gb->guessed);
  auto forced = decode("t", "\xD2\xBB\xBC\xB6", ImportEncoding::gb18030, diagnostics);
  REQUIRE(forced);
  CHECK_FALSE(forced->guessed);
  CHECK(diagnostics.empty());
  CHECK_FALSE(decode("t", "ok\n\x81\x20", ImportEncoding::auto_detect, diagnostics));
  REQUIRE(diagnostics.size() == 1);
  CHECK(diagnostics[0].where.line == 2);
  CHECK(diagnostics[0].message ==
        "the file is neither UTF-8 nor GB18030; found the byte 0x81 (byte 1 of the line)");
}

namespace {

// The self-evaluation of selfeval.csv as a person lays it out in Excel: figures
// as number cells, each category one merged cell down its rows, 总分 one merged
// cell across the label columns. Written by libxlsxwriter (a real writer).
void write_selfeval_workbook(const std::string& path) {
  std::vector<Diagnostic> diagnostics;
  auto rows = rows_from_csv("selfeval.csv", slurp(kData + "selfeval.csv"), diagnostics);
  REQUIRE(rows);
  std::vector<std::vector<std::string>> grid;
  for (const SourceRow& r : *rows) grid.push_back(r.cells);
  lxw_workbook* wb = workbook_new(path.c_str());
  lxw_worksheet* ws = workbook_add_worksheet(wb, "自评表");
  auto put = [&](std::size_t r, std::size_t c) {
    const std::string& s = grid[r][c];
    if (s.empty()) return;
    if (auto n = Number::parse_decimal(s))
      worksheet_write_number(ws, lxw_row_t(r), lxw_col_t(c), std::stod(s), nullptr);
    else
      worksheet_write_string(ws, lxw_row_t(r), lxw_col_t(c), s.c_str(), nullptr);
  };
  std::size_t header = 0;
  while (grid[header].empty() || grid[header][0] != "一级指标") ++header;
  for (std::size_t r = 0; r < grid.size(); ++r) {
    bool total = grid[r][0] == "总分";
    if (total) worksheet_merge_range(ws, lxw_row_t(r), 0, lxw_row_t(r), 4, "总分", nullptr);
    for (std::size_t c = 0; c < grid[r].size(); ++c) {
      if (total && c <= 4) continue;
      bool category = r > header && c < 2;
      if (!category) {
        put(r, c);
        continue;
      }
      if (grid[r][c].empty()) continue;  // inside a merge written above
      std::size_t end = r;
      while (end + 1 < grid.size() && grid[end + 1][c].empty() && grid[end + 1][0] != "总分" &&
             (c == 0 || grid[end + 1][0].empty()))
        ++end;
      if (end > r)
        worksheet_merge_range(ws, lxw_row_t(r), lxw_col_t(c), lxw_row_t(end), lxw_col_t(c),
                              grid[r][c].c_str(), nullptr);
      else
        put(r, c);
    }
  }
  REQUIRE(workbook_close(wb) == LXW_NO_ERROR);
}

// Everything after the first line (which names the source file).
std::string after_first_line(const std::string& text) {
  return text.substr(text.find('\n') + 1);
}

}  // namespace

TEST_CASE("a self-evaluation in text, CSV and xlsx imports to the same inputs", "[import]") {
  auto dir = std::filesystem::temp_directory_path() / "indicheck-import-test";
  std::filesystem::create_directories(dir);
  std::string path = (dir / "selfeval.xlsx").string();
  write_selfeval_workbook(path);
  Import csv = import_ok(kData + "selfeval.csv");
  CHECK(write_actuals(csv) ==
        "# indicheck actuals: the self-evaluation columns of selfeval.csv\n"
        "# 期间: 全年\n"
        "# 单位: 某市林业局\n"
        "# 年度: 2024\n"
        "# 全年预算数: 200\n"
        "# 全年执行数: 190\n"
        "# 执行率分值: 10\n"
        "# 执行率得分: 9.5\n"
        "# 执行率: 95%\n"
        "# 其中 当年财政拨款: 180 171\n"
        "# 其中 上年结转资金: 0 0\n"
        "# 其中 其他资金: 20 19\n"
        "# 资金单位: 万元\n"
        "# 总分: 97.98\n"
        "指标\t实际值\t偏差原因\t分值\t得分\n"
        "新增造林面积\t480亩\t受天气影响,栽植推迟到次年春季\t30\t28.6\n"
        "管护面积\t12000亩\t\t20\t20\n"
        "完成及时性\t及时\t\t10\t10\n"
        "森林覆盖率\t30.5%\t\t20\t20\n"
        "群众满意度\t88%\t满意度调查样本偏少\t10\t9.78\n");
  std::vector<Diagnostic> ignored;
  for (const std::string& other : {kData + "selfeval.txt", path}) {
    INFO(other);
    Import im = import_ok(other);
    CHECK(without_comments(write_targets(im)) == without_comments(write_targets(csv)));
    CHECK(after_first_line(write_actuals(im)) == after_first_line(write_actuals(csv)));
    CHECK(after_first_line(write_budget(im, ignored)) ==
          after_first_line(write_budget(csv, ignored)));
    CHECK(im.rows.size() == csv.rows.size());
    CHECK(im.count(RowUse::skipped) == 0);
  }
  CHECK(ignored.empty());
}

TEST_CASE("indicheck's own xlsx reads back to its indicators and not to its notes sheet",
          "[import][xlsx]") {
  std::vector<Diagnostic> ds;
  auto table = read_targets(kFixture, slurp(kFixture), ds);
  const std::string actuals_path =
      std::string(INDICHECK_SOURCE_DIR) + "/fixtures/suzhou-zrzy-2024/actuals-year.tsv";
  auto actuals = read_actuals(actuals_path, slurp(actuals_path), ds);
  REQUIRE(table);
  REQUIRE(actuals);
  Report report = judge(*table, *actuals, Period::year);
  assess(report);
  auto path = std::filesystem::temp_directory_path() /
              ("indicheck-own-xlsx-" + std::to_string(::getpid()) + ".xlsx");
  REQUIRE(write_xlsx(report, path.string()).empty());
  Import im = import_ok(path.string());
  std::filesystem::remove(path);
  // Every indicator of the table, each once, from the 自评表 sheet only.
  std::vector<std::string> imported, published;
  for (const ImportedIndicator& i : im.indicators) {
    if (i.name.empty()) continue;
    CHECK(i.row.sheet == "自评表");
    imported.push_back(i.name);
  }
  // The 自评表 has no 重点工作 column: a four-level indicator is written
  // "重点工作：三级" in its name cell.
  for (const Indicator& i : table->indicators)
    if (!i.name.empty())
      published.push_back(i.key_work.empty() ? i.name : i.key_work + "：" + i.name);
  CHECK(imported == published);
  // The notes sheet is named as not read (it used to add one "indicator" per note).
  REQUIRE_FALSE(im.assumptions.empty());
  CHECK(im.assumptions[0].text ==
        "the sheet 计分说明 (序号 | 指标 | 计分) is the notes sheet of indicheck's own workbook: "
        "not read");
}

TEST_CASE("xlsx numbers are read as Excel shows them: 15 significant digits", "[import]") {
  CHECK(excel_number("12.300000000000001") == "12.3");
  CHECK(excel_number("0.30000000000000004") == "0.3");
  CHECK(excel_number("0.99999999999999989") == "1");
  CHECK(excel_number("123456789012345678") == "123456789012346000");
  CHECK(excel_number("-2.0000000000000004") == "-2");
  CHECK(excel_number("1.2345678901234549") == "1.23456789012345");
  CHECK(excel_number("1.23456789012345E-3") == "0.00123456789012345");
  CHECK(excel_number("1E+300") == "1E+300");  // too long in plain notation: as written
  for (const char* kept : {"12.3", "100", "0", "0.95", "-5", "007", "#N/A", "", "1.2.3", "1e"})
    CHECK(excel_number(kept) == kept);
  CHECK(cell_reference(6, 2) == "C7");
  CHECK(cell_reference(0, 26) == "AA1");

  // A workbook as Excel saves it: libxlsxwriter writes 1234.5 and 0.25, then the
  // sheet's XML is given the 17-digit values Excel writes for 12.3 and 0.1+0.2.
  auto dir = std::filesystem::temp_directory_path() / "indicheck-import-test";
  std::filesystem::create_directories(dir);
  std::string path = (dir / "digits.xlsx").string();
  lxw_workbook* wb = workbook_new(path.c_str());
  lxw_worksheet* ws = workbook_add_worksheet(wb, "Sheet1");
  worksheet_write_string(ws, 0, 0, "三级指标", nullptr);
  worksheet_write_string(ws, 0, 1, "指标值", nullptr);
  worksheet_write_string(ws, 0, 2, "分值", nullptr);
  worksheet_write_string(ws, 1, 0, "亩产", nullptr);
  worksheet_write_number(ws, 1, 1, 1234.5, nullptr);
  worksheet_write_number(ws, 1, 2, 0.25, nullptr);
  REQUIRE(workbook_close(wb) == LXW_NO_ERROR);
  test::replace_in_zip_part(path, "xl/worksheets/sheet1.xml",
                            {{"<v>1234.5</v>", "<v>12.300000000000001</v>"},
                             {"<v>0.25</v>", "<v>0.30000000000000004</v>"}});
  std::vector<Diagnostic> diagnostics;
  auto grid = read_xlsx(path, diagnostics);
  REQUIRE(grid);
  CHECK(test::dense_rows(grid->tables[0])[1] == std::vector<std::string>{"亩产", "12.3", "0.3"});
  Import im = import_ok(path);
  CHECK(im.indicators.at(0).year_target == "12.3");
  REQUIRE(im.assumptions.size() >= 2);
  CHECK(im.assumptions[0].line == 2);
  CHECK(im.assumptions[0].text ==
        "Sheet1!B2: the number 12.300000000000001 read as 12.3, as Excel shows it (15 significant "
        "digits; the rest is binary rounding)");
  CHECK(im.assumptions[1].text ==
        "Sheet1!C2: the number 0.30000000000000004 read as 0.3, as Excel shows it (15 significant "
        "digits; the rest is binary rounding)");
}

TEST_CASE("a published 得分 is compared with indicheck's as printed: 2 places, half-up",
          "[import][recheck]") {
  std::vector<Diagnostic> diagnostics;
  auto targets = read_targets("t.tsv",
                              "一级指标\t二级指标\t三级指标\t全年指标值\n"
                              "产出指标\t数量指标\t甲\t≥90%\n"
                              "产出指标\t数量指标\t乙\t≥8个\n"
                              "产出指标\t数量指标\t丙\t≥3个\n"
                              "产出指标\t数量指标\t丁\t≥8个\n"
                              "产出指标\t数量指标\t戊\t≥8个\n",
                              diagnostics);
  auto actuals = read_actuals("a.tsv",
                              "# 总分: 96.13\n"
                              "# 自评等级: 优\n"
                              "指标\t实际值\t分值\t得分\n"
                              "甲\t88%\t10\t9.78\n"  // 10 × 88/90 = 9.777… → 9.78: agrees
                              "乙\t7个\t10\t8.75\n"  // 10 × 7/8 = 8.75: agrees
                              "丙\t1个\t10\t3.34\n"  // 10 × 1/3 = 3.333… → 3.33: differs
                              "丁\t7个\t3\t2.625\n"  // 3 × 7/8 = 2.625 → 2.63 both: agrees
                              "戊\t7个\t3\t2.62\n",  // 2.625 → 2.63 (half-up): differs
                              diagnostics);
  REQUIRE(targets);
  REQUIRE(actuals);
  REQUIRE(diagnostics.empty());
  Report report = judge(*targets, *actuals, Period::year);
  assess_published(report, *actuals);
  REQUIRE(report.recheck);
  const Recheck& r = *report.recheck;
  CHECK(r.weights == "the table's 分值 (5 indicators)");
  CHECK(r.compared == 6);
  REQUIRE(r.differences.size() == 3);
  CHECK(r.differences[0].what == "产出指标 / 数量指标 / 丙");
  CHECK(r.differences[0].published == "3.34");
  CHECK(r.differences[0].computed == "3.33");
  CHECK(r.differences[0].where.line == 6);
  CHECK(r.differences[1].what == "产出指标 / 数量指标 / 戊");
  CHECK(r.differences[1].published == "2.62");
  CHECK(r.differences[1].computed == "2.63");
  // (9.777… + 8.75 + 3.333… + 2.625 + 2.625) × 100/36 ≈ 75.31, not the published 96.13.
  REQUIRE(r.total);
  CHECK(r.total->published == "96.13");
  CHECK(r.total->computed == report.scoring->total.to_fixed(2));
  CHECK(r.total->computed == "75.31");
  CHECK(r.total_differs);
  CHECK(r.differences[2].what == "自评等级");
  CHECK(r.differences[2].published == "优");
  CHECK(r.differences[2].computed == "中");
  // Why: the total and its band, as the scoring graded it.
  CHECK(r.differences[2].explanation.ends_with(": 中 (优 ≥ 90, 良 ≥ 80, 中 ≥ 60, 差 < 60)"));
  CHECK(r.differences[2].where.line == 2);
  CHECK(report.exit_code() == 1);
}
