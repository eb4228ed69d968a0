// The xlsx reader: cells as shown, merged ranges, and the errors a broken file gets.
// Workbooks are made at test time by a real writer (libxlsxwriter).

#include <xlsxwriter.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "engine/import/xlsx.hpp"

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
  auto sheets = read_xlsx(path, diagnostics);
  REQUIRE(sheets);
  CHECK(diagnostics.empty());
  REQUIRE(sheets->size() == 2);
  const XlsxSheet& s = (*sheets)[0];
  CHECK(s.name == "指标");
  REQUIRE(s.rows.size() == 4);
  for (const auto& row : s.rows) CHECK(row.size() == 4);
  CHECK(s.rows[0] == std::vector<std::string>{"一级指标", "", "三级指标", ""});
  CHECK(s.rows[1] == std::vector<std::string>{"决策", "", "预算执行率", "21274.97"});
  CHECK(s.rows[2] == std::vector<std::string>{"", "", "", "3"});
  CHECK(s.rows[3][3] == "TRUE");
  CHECK(s.rows[3][2] == "a\rb");
  REQUIRE(s.merges.size() == 1);
  CHECK(s.merges[0].first_row == 1);
  CHECK(s.merges[0].first_col == 0);
  CHECK(s.merges[0].last_row == 3);
  CHECK(s.merges[0].last_col == 0);
  CHECK((*sheets)[1].name == "空");
  CHECK((*sheets)[1].rows.empty());
}

TEST_CASE("read_xlsx reports a file that is not a workbook, at the file", "[xlsx]") {
  std::string path = temp_path("not-a-zip.xlsx");
  std::ofstream(path) << "一级指标\t二级指标\n";
  std::vector<Diagnostic> diagnostics;
  CHECK_FALSE(read_xlsx(path, diagnostics));
  REQUIRE(diagnostics.size() == 1);
  CHECK(render(diagnostics[0]) ==
        path + ":1:1: error: cannot open: not an xlsx workbook (not a zip archive)\n");

  diagnostics.clear();
  CHECK_FALSE(read_xlsx(temp_path("absent.xlsx"), diagnostics));
  REQUIRE(diagnostics.size() == 1);
  CHECK(diagnostics[0].message == "cannot open: no such file");
}
