// The xls reader (FreeXL): the Excel 97 sample written by xlwt (a real BIFF8
// writer; tests/import/data/make_xls.py), cells and numbers as Excel shows them.

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <tuple>

#include "engine/import/readers.hpp"
#include "tests/import/direct_report.hpp"
#include "tests/import/grid_rows.hpp"
#include "tests/import/samples.hpp"

using namespace indicheck;

namespace {

std::string sample_path() {
  return std::string(INDICHECK_SOURCE_DIR) + "/tests/import/data/selfeval.xls";
}

}  // namespace

TEST_CASE("xls: the sheet's cells, text and numbers as shown; no merged ranges from FreeXL",
          "[import][xls]") {
  std::vector<Diagnostic> ds;
  auto grid = read_xls(sample_path(), ds, GridLimits{});
  REQUIRE(grid);
  CHECK(ds.empty());
  REQUIRE(grid->tables.size() == 1);
  const GridTable& t = grid->tables[0];
  CHECK(t.name == "自评表");
  // FreeXL 1.0 does not expose MERGEDCELLS: a merged label is in its first cell.
  CHECK(t.merges.empty());
  auto rows = test::dense_rows(t);
  REQUIRE(rows.size() == 15);
  CHECK(rows[0] ==
        std::vector<std::string>{"2024年度项目支出绩效自评表", "", "", "", "", "", "", ""});
  // Number cells as Excel's General format shows them; "95%" is a text cell.
  CHECK(rows[4] ==
        std::vector<std::string>{"年度资金总额", "", "300", "300", "285", "10", "95%", "9.5"});
  CHECK(rows[9] == std::vector<std::string>{"", "", "改造水厂数量", "=4座", "4座", "15", "15", ""});
  CHECK(rows[11][6] == "18.29");
  CHECK(grid->encoding == "utf-8 (xls)");
}

TEST_CASE("xls: the sample imports every indicator", "[import][xls][sample]") {
  Import im = test::import_sample("selfeval.xls");
  CHECK(im.format == "xls");
  CHECK(im.unit_name == "某县水利局");
  test::check_sample_indicators(im);
  test::check_direct_report(std::string(INDICHECK_SOURCE_DIR) + "/tests/import/data/selfeval.xls",
                            "selfeval.xls:自评表!G15");
}

TEST_CASE("xls: a file FreeXL cannot read, and the area limit, are refused at the file",
          "[import][xls]") {
  auto dir = std::filesystem::temp_directory_path() / "indicheck-xls-test";
  std::filesystem::create_directories(dir);
  std::string path = (dir / "not.xls").string();
  std::ofstream(path) << "一级指标\t二级指标\n";
  std::vector<Diagnostic> ds;
  CHECK_FALSE(read_xls(path, ds, GridLimits{}));
  REQUIRE(ds.size() == 1);
  CHECK(ds[0].message == "not an xls workbook (not an OLE2 compound file)");
  ds.clear();
  GridLimits limits;
  limits.row_slots = 100;  // the sample's sheet is 15 rows × 8 columns
  CHECK_FALSE(read_xls(sample_path(), ds, limits));
  REQUIRE(ds.size() == 1);
  CHECK(ds[0].message ==
        "自评表: its dimensions (15 rows × 8 columns) take the sheets past 100 cells (a limit for "
        "the whole file, docs/limits.md): not read");
  std::filesystem::remove_all(dir);
}
