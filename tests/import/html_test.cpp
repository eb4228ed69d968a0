// The HTML reader: a page's tables as sparse grids (rowspan and colspan as
// merged ranges, nested tables, <br>, &nbsp;, the page's charset), and the
// sample page of tests/import/data imported end to end.

#include <catch2/catch.hpp>
#include <tuple>

#include "engine/import/readers.hpp"
#include "tests/import/direct_report.hpp"
#include "tests/import/grid_rows.hpp"
#include "tests/import/samples.hpp"

using namespace indicheck;

namespace {

using Cells = std::vector<std::tuple<unsigned, unsigned, std::string>>;

Cells cells_of(const GridTable& t) {
  Cells out;
  for (const GridCell& c : t.cells) out.emplace_back(c.row, c.col, c.text);
  return out;
}

Grid read(const std::string& page, std::vector<Diagnostic>& ds,
          ImportEncoding encoding = ImportEncoding::auto_detect) {
  auto grid = read_html("page.html", page, encoding, ds, GridLimits{});
  REQUIRE(grid);
  return *grid;
}

}  // namespace

TEST_CASE("HTML: rowspan and colspan are merged ranges at the cells the table model gives",
          "[import][html]") {
  std::vector<Diagnostic> ds;
  Grid g = read(
      "<html><body><table>\n"
      "<tr><td rowspan=\"2\">产出指标</td><td colspan=\"2\">数量指标</td><td>x</td></tr>\n"
      "<tr><td>新建<br>管网</td><td> a \n  b </td><td>&nbsp;</td></tr>\n"
      "<tr><td>c</td><td ROWSPAN=0 colspan=\"zz\">d</td></tr>\n"
      "</table></body></html>",
      ds);
  CHECK(ds.empty());
  REQUIRE(g.tables.size() == 1);
  const GridTable& t = g.tables[0];
  CHECK(t.name == "table 1");
  // Row 2's first cell stands in column 1: column 0 is taken by the rowspan.
  // White space runs are one space, <br> a line break, &nbsp; alone nothing.
  CHECK(cells_of(t) == Cells{{0, 0, "产出指标"},
                             {0, 1, "数量指标"},
                             {0, 3, "x"},
                             {1, 1, "新建\n管网"},
                             {1, 2, "a b"},
                             {2, 0, "c"},
                             {2, 1, "d"}});
  REQUIRE(t.merges.size() == 2);
  CHECK(std::tie(t.merges[0].first_row, t.merges[0].first_col, t.merges[0].last_row,
                 t.merges[0].last_col) == std::make_tuple(0u, 0u, 1u, 0u));
  CHECK(std::tie(t.merges[1].first_row, t.merges[1].first_col, t.merges[1].last_row,
                 t.merges[1].last_col) == std::make_tuple(0u, 1u, 0u, 2u));
  // Each row is reported at its <tr>'s line.
  CHECK(t.line_of(0) == 2);
  CHECK(t.line_of(2) == 5);  // row 1 spans lines 3 and 4
  auto rows = rows_from_grid("page.html", g, false);
  REQUIRE(rows.size() == 3);
  // A merged label is carried down its first column, written once across.
  CHECK(rows[0].cells == std::vector<std::string>{"产出指标", "数量指标", "", "x"});
  CHECK(rows[1].cells == std::vector<std::string>{"产出指标", "新建\n管网", "a b"});
  CHECK(rows[1].line == 3);
}

TEST_CASE("HTML: nested tables are tables of their own, in page order; chrome is left out",
          "[import][html]") {
  std::vector<Diagnostic> ds;
  Grid g = read(
      "<!DOCTYPE html><html><body>\n"
      "<table><tr><td><a href=\"/\">首页</a></td></tr></table>\n"
      "<table><tr><td>项目支出绩效自评表\n"
      "<table><tr><td>三级指标</td><td>指标值</td></tr><tr><td>受益人口</td><td>≥3.5万人</td></tr>"
      "</table>\n"
      "</td></tr></table>\n"
      "<script>document.write('<table><tr><td>指标</td></tr></table>');</script>\n"
      "</body></html>",
      ds);
  CHECK(ds.empty());
  REQUIRE(g.tables.size() == 2);
  CHECK(g.tables[0].name == "table 2");
  // The outer cell's text is its own, not the nested table's.
  CHECK(cells_of(g.tables[0]) == Cells{{0, 0, "项目支出绩效自评表"}});
  CHECK(g.tables[1].name == "table 3");
  CHECK(cells_of(g.tables[1]) ==
        Cells{{0, 0, "三级指标"}, {0, 1, "指标值"}, {1, 0, "受益人口"}, {1, 1, "≥3.5万人"}});
  REQUIRE(g.notes.size() == 1);
  CHECK(g.notes[0].text ==
        "the page has 3 tables with text: read in turn table 2 (line 3), table 3 (line 4); not "
        "read, as no cell names 指标, 资金, 预算 or 绩效: table 1 (line 2)");
}

TEST_CASE("HTML: the page's charset says how to read it", "[import][html]") {
  // 指标 in GBK: D6 B8 B1 EA.
  const std::string gbk_cell = "\xD6\xB8\xB1\xEA";
  std::vector<Diagnostic> ds;
  Grid g = read("<html><head><meta charset=\"GB2312\"></head><body><table><tr><td>" + gbk_cell +
                    "</td></tr></table></body></html>",
                ds);
  CHECK(ds.empty());
  CHECK(g.encoding == "gb18030 (the page's meta charset is gb2312)");
  CHECK(cells_of(g.tables.at(0)) == Cells{{0, 0, "指标"}});
  CHECK(g.notes.empty());
  // No charset, not UTF-8: GB18030, with a note.
  g = read("<table><tr><td>" + gbk_cell + "</td></tr></table>", ds);
  CHECK(g.encoding == "gb18030");
  CHECK(cells_of(g.tables.at(0)) == Cells{{0, 0, "指标"}});
  REQUIRE(g.notes.size() == 1);
  CHECK(g.notes[0].text ==
        "the page is not UTF-8 and names no charset: read as GB18030 (which includes GBK)");
  // Another declared charset is converted by libxml2 (Latin-1 é: E9).
  g = read(
      "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\">"
      "</head><body><table><tr><td>caf\xE9</td></tr></table></body></html>",
      ds);
  CHECK(g.encoding == "iso-8859-1 (the page's meta charset)");
  CHECK(cells_of(g.tables.at(0)) == Cells{{0, 0, "café"}});
  CHECK(ds.empty());
}

TEST_CASE("HTML: a page with no table, or with too many cells, is refused at a line",
          "[import][html]") {
  std::vector<Diagnostic> ds;
  CHECK_FALSE(read_html("page.html", "<html><body><p>指标</p></body></html>",
                        ImportEncoding::auto_detect, ds, GridLimits{}));
  REQUIRE(ds.size() == 1);
  CHECK(render(ds[0]) ==
        "page.html:1:1: error[E5110]: the page has no table (<table>): nothing to import\n");
  ds.clear();
  GridLimits limits;
  limits.cells = 3;
  CHECK_FALSE(read_html("page.html", "<table>\n<tr><td>a<td>b\n<tr><td>c<td>d</table>",
                        ImportEncoding::auto_detect, ds, limits));
  REQUIRE(ds.size() == 1);
  CHECK(render(ds[0]) ==
        "page.html:3:1: error[E5109]: table 1: more cells than the limit of 3 (a "
        "limit for the whole file, docs/limits.md): not read\n");
}

TEST_CASE("HTML: looks_like_html knows a page from a text table with <p> cells", "[import][html]") {
  CHECK(looks_like_html("\xEF\xBB\xBF  <!DOCTYPE html><html>"));
  CHECK(looks_like_html("<?xml version=\"1.0\"?>\n<!-- saved -->\n<HTML>"));
  CHECK(looks_like_html("<table><tr><td>指标</td></tr></table>"));
  CHECK_FALSE(looks_like_html("<p>单位主要职能</p>\t履职"));
  CHECK_FALSE(looks_like_html("一级指标\t二级指标"));
}

TEST_CASE("HTML: the sample page (GB2312, nested, rowspan) imports every indicator",
          "[import][html][sample]") {
  Import im = test::import_sample("selfeval-gb2312.html");
  CHECK(im.format == "html");
  CHECK(im.encoding == "gb18030 (the page's meta charset is gb2312)");
  test::check_sample_indicators(im);
  test::check_direct_report(
      std::string(INDICHECK_SOURCE_DIR) + "/tests/import/data/selfeval-gb2312.html",
      "selfeval-gb2312.html:66");  // the line of the page's 总分 cell
}
