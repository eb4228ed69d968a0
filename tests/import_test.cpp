// indicheck import: the seed round trip, its budget sums, every row accounted
// for, and each other layout (GB18030 CSV, xlsx with merged cells, split
// columns, units in names, self-evaluation columns) against its text form.

#include <xlsxwriter.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "engine/import/encoding.hpp"
#include "engine/import/import.hpp"
#include "engine/number.hpp"

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
  CHECK(render(diagnostics[0]) ==
        "t.csv:2:1: error: a quoted cell is never closed: expected '\"' before the end of the "
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
