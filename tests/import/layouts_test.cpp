// The published layouts (docs/import.md, "Layouts"): each sample under
// tests/golden/data/import/layouts/ imported, every indicator's name, target,
// actual, weight and score checked, and the table's head; the two-row header
// also as Excel lays it out (merged cells, written by libxlsxwriter); and
// `check` given the workbook itself through the pipeline.

#include <xlsxwriter.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "engine/assess/pipeline.hpp"
#include "engine/assess/recheck.hpp"
#include "engine/import/import.hpp"
#include "engine/import/table_text.hpp"
#include "engine/report/render.hpp"
#include "engine/table/table.hpp"
#include "tests/import/direct_report.hpp"
#include "tests/import/samples.hpp"

using namespace indicheck;

namespace {

const std::string kLayouts =
    std::string(INDICHECK_SOURCE_DIR) + "/tests/golden/data/import/layouts/";

Import import_layout(const std::string& path) {
  std::vector<Diagnostic> ds;
  auto im = import_file(path, ImportOptions{}, ds);
  INFO(render_all(ds));
  REQUIRE(im);
  CHECK_FALSE(has_errors(ds));
  return *im;
}

using Expected = test::SampleIndicator;
using test::check_indicators;

using test::funds_text;
using test::metadata;

using Pairs = std::vector<std::pair<std::string, std::string>>;

// A quantity target as check reads it (test::constraint_of): its kind, comparator,
// figure and unit said once here, not in every row.
std::string quantity(const std::string& op, const std::string& value, const std::string& unit) {
  return "kind: quantity; op: " + op + "; value: " + value + "; unit: " + unit;
}
const std::string kPercent = "% (ratio: 1% = 0.01)";

const std::vector<Expected> kTwoRow = {
    {"产出指标", "数量指标", "学生受资助人数", "≧1200人", "1180人", "30", "29.5", "部分学生转学",
     quantity(">=", "1200", "人 (a count of 人)")},
    {"产出指标", "质量指标", "资助对象认定准确率", "≥100%", "100%", "20", "20", "",
     quantity(">=", "100", kPercent)},
    {"产出指标", "时效指标", "资金发放及时性", "及时", "及时", "10", "10", "",
     "kind: level; level: 及时"},
    {"效益指标", "社会效益指标", "因贫辍学率", "≤1%", "0.5%", "20", "20", "",
     quantity("<=", "1", kPercent)},
    {"满意度指标", "服务对象满意度指标", "受助学生满意度", "≥90%", "93%", "10", "10", "",
     quantity(">=", "90", kPercent)},
};
const Pairs kTwoRowHead = {
    {"项目名称", "学生资助补助经费"},
    {"主管部门", "某市教育局"},
    {"实施单位", "某市学生资助管理中心"},
    {"年度总体目标", "资助家庭经济困难学生1200人，按时足额发放。"},
    {"年度总体目标完成情况", "资助1180人，资金全部按时发放。"},
};

// (The targets as constraints: 指标性质 | 指标值 | 度量单位 read as one.)

// The national 自评表 as Excel holds it: 年度指标值 merged over 指标性质 | 指标值 |
// 度量单位, the other headers merged down both header rows, 绩效指标 merged down
// the indicator rows, each field's value merged across; figures as numbers.
void write_two_row_workbook(const std::string& path) {
  std::vector<Diagnostic> ds;
  std::ifstream in(kLayouts + "national-two-row.csv");
  std::stringstream text;
  text << in.rdbuf();
  auto rows = rows_from_csv("national-two-row.csv", text.str(), ds);
  REQUIRE(rows);
  lxw_workbook* wb = workbook_new(path.c_str());
  lxw_worksheet* ws = workbook_add_worksheet(wb, "自评表");
  auto at = [&](std::size_t r, std::size_t c) -> std::string {
    return c < (*rows)[r].cells.size() ? (*rows)[r].cells[c] : std::string();
  };
  auto merge = [&](std::size_t r0, std::size_t c0, std::size_t r1, std::size_t c1) {
    worksheet_merge_range(ws, lxw_row_t(r0), lxw_col_t(c0), lxw_row_t(r1), lxw_col_t(c1),
                          at(r0, c0).c_str(), nullptr);
  };
  const std::size_t header = 11;  // 绩效指标 | 一级指标 | …; 指标性质 | … below it
  REQUIRE(at(header, 0) == "绩效指标");
  for (std::size_t r = 0; r < rows->size(); ++r) {
    if (r < 3 || r == 19) {  // the title, the year, 项目名称 and 其他需要说明事项
      if (!at(r, 1).empty()) {
        worksheet_write_string(ws, lxw_row_t(r), 0, at(r, 0).c_str(), nullptr);
        merge(r, 1, r, 10);
      } else {
        merge(r, 0, r, 10);
      }
      continue;
    }
    if (r == header) {
      for (std::size_t c : {0, 1, 2, 3, 7, 8, 9, 10}) merge(r, c, r + 1, c);
      merge(r, 4, r, 6);
      continue;
    }
    if (r == header + 1) {
      for (std::size_t c = 4; c <= 6; ++c)
        worksheet_write_string(ws, lxw_row_t(r), lxw_col_t(c), at(r, c).c_str(), nullptr);
      continue;
    }
    if (r == header + 2) merge(r, 0, r + 4, 0);
    for (std::size_t c = (r > header + 2 && r < header + 7) ? 1 : 0; c < 11; ++c) {
      std::string s = at(r, c);
      if (s.empty()) continue;
      bool number = s.find_first_not_of("0123456789.") == std::string::npos;
      if (number && r > 4)
        worksheet_write_number(ws, lxw_row_t(r), lxw_col_t(c), std::stod(s), nullptr);
      else
        worksheet_write_string(ws, lxw_row_t(r), lxw_col_t(c), s.c_str(), nullptr);
    }
  }
  REQUIRE(workbook_close(wb) == LXW_NO_ERROR);
}

std::string temp_workbook(const std::string& name) {
  auto dir = std::filesystem::temp_directory_path() / "indicheck-layouts-test";
  std::filesystem::create_directories(dir);
  return (dir / name).string();
}

std::string replaced(std::string text, const std::string& from, const std::string& to) {
  for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
    text.replace(at, from.size(), to);
  return text;
}

}  // namespace

TEST_CASE("the two-row header: 年度指标值 over 指标性质 | 指标值 | 度量单位, CSV and xlsx",
          "[import][layouts]") {
  Import csv = import_layout(kLayouts + "national-two-row.csv");
  check_indicators(csv, kTwoRow);
  CHECK(metadata(csv) == kTwoRowHead);
  CHECK(csv.title == "项目支出绩效自评表");
  CHECK(csv.year == "2024");
  CHECK(csv.total_score == "99");
  // 其他需要说明事项 | 无 is a text section, never a category 无.
  REQUIRE(csv.texts.size() == 3);
  CHECK(csv.texts[2].title == "其他需要说明事项");
  CHECK(csv.texts[2].text == "无");
  // The budget: the 其中 lines are members of the total.
  REQUIRE(csv.budget.size() == 1);
  CHECK(csv.budget[0].name == "年度资金总额");
  CHECK(csv.budget[0].year == "320");
  REQUIRE(csv.budget[0].members.size() == 3);
  CHECK(csv.budget[0].members[0].name == "本年财政拨款");
  CHECK(csv.budget[0].members[1].name == "上年结转资金");
  CHECK(csv.budget[0].members[2].name == "其他资金");
  CHECK(csv.budget_unit == "万元");

  std::string path = temp_workbook("national-two-row.xlsx");
  write_two_row_workbook(path);
  Import xlsx = import_layout(path);
  check_indicators(xlsx, kTwoRow);
  CHECK(metadata(xlsx) == kTwoRowHead);
  CHECK(xlsx.total_score == "99");
  std::vector<Diagnostic> ignored;
  CHECK(write_budget(xlsx, ignored) ==
        replaced(write_budget(csv, ignored), "national-two-row.csv", "national-two-row.xlsx"));
}

TEST_CASE("指标性质 正向/反向/定性 with a 指标方向 column", "[import][layouts]") {
  // Each target as check reads it: the comparator from 指标方向, the unit from
  // its column; 定性 a text for a person to judge.
  Import im = import_layout(kLayouts + "direction.csv");
  check_indicators(im,
                   {
                       {"产出指标", "数量指标", "禁牧面积", "≥3000万亩", "", "", "", "",
                        quantity(">=", "3000", "万亩 (area: 1万亩 = 10000亩)")},
                       {"产出指标", "数量指标", "补助发放次数", "=1次", "", "", "", "",
                        quantity("=", "1", "次 (a count of 次)")},
                       {"产出指标", "成本指标", "每亩补助标准", "≤7.5元", "", "", "", "",
                        quantity("<=", "7.5", "元 (money)")},
                       {"效益指标", "生态效益指标", "草原植被盖度", "≥45%", "", "", "", "",
                        quantity(">=", "45", kPercent)},
                       {"满意度指标", "服务对象满意度指标", "牧民满意度", "满意", "", "", "", "",
                        "kind: text; text: 满意; judged by: a person, unless the actual states it "
                        "word for word"},
                   });
  CHECK(metadata(im) == Pairs{{"项目名称", "草原生态保护补助"}});
  CHECK(im.year == "2024");
  CHECK(im.assumptions.empty());
}

TEST_CASE("the Sichuan 自评 layout: 完成值, 权重, 得分, 未完成原因分析", "[import][layouts]") {
  Import im = import_layout(kLayouts + "sichuan.csv");
  check_indicators(
      im,
      {
          {"产出指标", "数量指标", "示范村建设数量", "≥10个", "10个", "30", "30", "",
           quantity(">=", "10", "个 (a count of 个)")},
          // No comparator: read as =100%, and said so.
          {"产出指标", "质量指标", "项目验收合格率", "100%", "98%", "20", "19.6", "1个村整改后复验",
           quantity("=", "100", kPercent) + "; assumed: no comparator: '100%' read as '=100%'"},
          {"产出指标", "时效指标", "完工及时率", "≥95%", "96%", "10", "10", "",
           quantity(">=", "95", kPercent)},
          {"效益指标", "经济效益指标", "村集体经济收入增长率", "≥5%", "6.2%", "20", "20", "",
           quantity(">=", "5", kPercent)},
          {"满意度指标", "服务对象满意度指标", "村民满意度", "≥90%", "92%", "10", "10", "",
           quantity(">=", "90", kPercent)},
      });
  CHECK(metadata(im) == Pairs{{"项目名称", "乡村振兴示范村建设"},
                              {"主管部门", "某市农业农村局"},
                              {"实施单位", "某县农业农村局"}});
  CHECK(im.total_score == "99.1");
  // The one unnamed line of figures is the block's total: 调整后预算数 and 预算执行数.
  REQUIRE(im.funds);
  CHECK(funds_text(*im.funds) ==
        "budget 480; executed 456; weight 10; score 9.5; rate 95%; members:");
}

TEST_CASE("the 10号 national layout: points in the category, 元 from the label, 自评等级",
          "[import][layouts]") {
  Import im = import_layout(kLayouts + "national-10.csv");
  check_indicators(
      im,
      {
          {"产出指标", "数量指标", "日常养护里程", "≥300公里", "296公里", "30", "29.6",
           "部分路段改建", quantity(">=", "300", "公里 (length: 1公里 = 1000米)")},
          {"产出指标", "质量指标", "优良路率", "≥80%", "82%", "20", "20", "",
           quantity(">=", "80", kPercent)},
          // No level of a scale: a text for a person to judge.
          {"效益指标", "社会效益指标", "群众出行条件改善", "显著改善", "显著改善", "30", "30", "",
           "kind: text; text: 显著改善; judged by: a person, unless the actual states it word for "
           "word"},
          {"满意度指标", "服务对象满意度指标", "沿线群众满意度", "≥90%", "91%", "10", "10", "",
           quantity(">=", "90", kPercent)},
      });
  CHECK(im.budget_unit == "元");
  CHECK(im.grade == "优");
  CHECK(im.year == "2023");
  CHECK(metadata(im) == Pairs{{"项目名称", "农村公路养护"},
                              {"主管部门", "某县交通运输局"},
                              {"实施单位", "某县公路养护中心"},
                              {"年度总体目标", "完成农村公路日常养护300公里。"},
                              {"年度总体目标完成情况", "完成养护296公里。"}});
}

TEST_CASE("the 部门整体 layout: 部门名称, 年度主要任务, 全年实际值", "[import][layouts]") {
  Import im = import_layout(kLayouts + "department.csv");
  check_indicators(im, {
                           {"产出指标", "数量指标", "食品抽检批次", "≥2000批次", "2010批次", "30",
                            "30", "", quantity(">=", "2000", "批次 (a count of 批次)")},
                           {"产出指标", "数量指标", "特种设备检验台数", "≥800台", "800台", "20",
                            "20", "", quantity(">=", "800", "台 (a count of 台)")},
                           {"产出指标", "质量指标", "抽检不合格处置率", "=100%", "100%", "20", "20",
                            "", quantity("=", "100", kPercent)},
                           {"效益指标", "社会效益指标", "食品安全事故发生数", "=0起", "0起", "20",
                            "20", "", quantity("=", "0", "起 (a count of 起)")},
                           {"满意度指标", "服务对象满意度指标", "群众满意度", "≥85%", "88%", "10",
                            "10", "", quantity(">=", "85", kPercent)},
                       });
  CHECK(im.unit_name == "某区市场监督管理局");
  CHECK(im.year == "2024");
  CHECK(metadata(im) == Pairs{{"主要任务 食品安全抽检", "完成抽检2000批次 | 150 | 142"},
                              {"主要任务 特种设备检验", "完成检验800台 | 60 | 60"},
                              {"年度总体目标", "保障食品安全，完成抽检2000批次。"},
                              {"年度总体目标完成情况", "完成抽检2010批次。"}});
  REQUIRE_FALSE(im.texts.empty());
  CHECK(im.texts[0].title == "年度主要任务");
  CHECK(im.texts[0].text ==
        "食品安全抽检：完成抽检2000批次（预算数 150，执行数 142）\n"
        "特种设备检验：完成检验800台（预算数 60，执行数 60）");
  REQUIRE(im.budget.size() == 1);
  CHECK(im.budget[0].year == "820");
  CHECK(im.budget[0].members.size() == 3);
}

TEST_CASE("the 监控表 layout: 1-6月执行情况 as 半年 actuals, the outlook as remarks",
          "[import][layouts]") {
  Import im = import_layout(kLayouts + "monitor.csv");
  check_indicators(
      im, {
              {"产出指标", "数量指标", "新增绿地面积", "≥20万平方米", "9万平方米", "", "", ""},
              {"产出指标", "质量指标", "苗木成活率", "≥95%", "96%", "", "", ""},
              // A deadline with a comparator: done by the month's end.
              {"产出指标", "时效指标", "工程完工时间", "≤2024年11月", "进行中", "", "",
               "人员保障：施工人员不足", "kind: deadline; by: 2024年11月底 (included)"},
              {"满意度指标", "服务对象满意度指标", "市民满意度", "≥90%", "", "", "", ""},
          });
  CHECK(im.mid_year);
  CHECK(im.indicators[2].remark ==
        "全年预计：2024年11月；完成目标可能性：有可能；备注：已增派人员");
  REQUIRE(im.funds);
  CHECK(im.funds->half_executed == "180");
  CHECK(im.funds->forecast == "400");
  CHECK(im.year == "2024");
  CHECK(metadata(im) == Pairs{{"项目名称", "城区绿化提升"},
                              {"主管部门", "某市园林局"},
                              {"实施单位", "某市园林绿化服务中心"},
                              {"年度总体目标", "新增绿地面积20万平方米。"},
                              {"年度总体目标完成情况", "已完成9万平方米。"}});
}

TEST_CASE("check given the workbook itself: the report that import then check gives",
          "[import][layouts][pipeline]") {
  std::string path = temp_workbook("national-two-row-check.xlsx");
  write_two_row_workbook(path);
  // Read directly, a published figure is placed where the workbook prints it:
  // the 总分 row's 得分, J19.
  const std::string report =
      test::check_direct_report(path, "national-two-row-check.xlsx:自评表!J19");
  // The table's head heads the report.
  for (const auto& [key, value] : kTwoRowHead)
    CHECK(report.find(key + ": " + value + "\n") != std::string::npos);
}

namespace {

// Each "# key: value" line of `text` (import's targets or actuals) with the
// place in the published file the map gives it.
std::string metadata_places(const std::shared_ptr<const Import>& im, TableWant want) {
  const std::string name = im->source + " (imported)";
  const std::string text = want == TableWant::targets ? write_targets(*im) : write_actuals(*im);
  SourceMap map(im, name, text, want);
  std::string out;
  std::istringstream lines(text);
  unsigned n = 0;
  for (std::string line; std::getline(lines, line);) {
    ++n;
    auto colon = line.find(": ");
    if (!line.starts_with("# ") || colon == std::string::npos) continue;
    SourceLocation where{name, n, 1};
    SourceLine echo;
    map.relocate(where, echo);
    out += line.substr(2, colon - 2) + " " + (where.place.empty() ? "(none)" : where.place) + "\n";
  }
  return out;
}

}  // namespace

TEST_CASE("an imported workbook's # lines are placed at the cells their values were read from",
          "[import][layouts]") {
  std::string path = temp_workbook("national-two-row-places.xlsx");
  write_two_row_workbook(path);
  auto im = std::make_shared<const Import>(import_layout(path));
  // The title (the first line) and the year are the merged rows A1:K1 and
  // A2:K2; each field's value is the cell beside its label, 年度总体目标's the
  // cells under 预期目标 and 实际完成情况.
  CHECK(metadata_places(im, TableWant::targets) ==
        "indicheck targets 自评表!A1\n"
        "年度 自评表!A2\n"
        "项目名称 自评表!B3\n"
        "主管部门 自评表!B4\n"
        "实施单位 自评表!G4\n"
        "年度总体目标 自评表!B11\n"
        "年度总体目标完成情况 自评表!G11\n");
  // The funds total's figures at their columns of row 6, each 其中 line at
  // its own row's 全年预算数; the unit at the block's label, 项目资金（万元）;
  // 期间 at the 实际完成值 header; 总分 at the 总分 row's 得分.
  CHECK(metadata_places(im, TableWant::actuals) ==
        "indicheck actuals (none)\n"  // the header line: no place in the workbook
        "期间 自评表!H12\n"
        "年度 自评表!A2\n"
        "全年预算数 自评表!E6\n"
        "全年执行数 自评表!F6\n"
        "执行率分值 自评表!G6\n"
        "执行率得分 自评表!I6\n"
        "执行率 自评表!H6\n"
        "其中 本年财政拨款 自评表!E7\n"
        "其中 上年结转资金 自评表!E8\n"
        "其中 其他资金 自评表!E9\n"
        "资金单位 自评表!A5\n"
        "总分 自评表!J19\n");
}

TEST_CASE("a message naming another row of an imported table names its published place",
          "[import][layouts]") {
  std::string path = temp_workbook("repeated.xlsx");
  lxw_workbook* wb = workbook_new(path.c_str());
  lxw_worksheet* ws = workbook_add_worksheet(wb, "目标表");
  const char* rows[][4] = {{"一级指标", "二级指标", "三级指标", "指标值"},
                           {"产出指标", "数量指标", "新增造林面积", "≥100亩"},
                           {"产出指标", "质量指标", "苗木成活率", "≥90%"},
                           {"产出指标", "数量指标", "新增造林面积", "≥120亩"}};
  for (lxw_row_t r = 0; r < 4; ++r)
    for (lxw_col_t c = 0; c < 4; ++c) worksheet_write_string(ws, r, c, rows[r][c], nullptr);
  REQUIRE(workbook_close(wb) == LXW_NO_ERROR);
  std::vector<Diagnostic> ds;
  auto targets = read_any_targets(path, ds);
  REQUIRE(targets);
  // Not "on line 4", a line of the text import made: the row's cell in the workbook.
  CHECK(render_all(ds) == path +
                              ":目标表!A4: error[E2205]: indicator '产出指标 / 数量指标 / "
                              "新增造林面积' is already defined on 目标表!A2\n"
                              "  产出指标 数量指标 新增造林面积 ≥120亩\n"
                              "  ^\n");
  // The same table as a TSV keeps its line.
  ds.clear();
  REQUIRE(
      read_targets("t.tsv",
                   "一级指标\t二级指标\t三级指标\t全年指标值\n产出指标\t数量指标\t新增造林面积\t≥"
                   "100亩\n产出指标\t数量指标\t新增造林面积\t≥120亩\n",
                   ds));
  CHECK(render_all(ds) ==
        "t.tsv:3:1: error[E2205]: indicator '产出指标 / 数量指标 / 新增造林面积' "
        "is already defined on line 2\n");
}
