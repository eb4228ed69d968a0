// The docx reader. Documents are written here, at test time, as their XML
// parts zipped with libzip: Debian has no C or C++ library that writes .docx,
// and the parts below are what Word writes for a table (w:tbl, w:tr, w:tc,
// w:tcPr with w:gridSpan and w:vMerge), so the test is its own record of what
// the document holds, with no binary file to review.

#include <zip.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <tuple>

#include "engine/base/input_file.hpp"
#include "engine/import/readers.hpp"
#include "tests/import/direct_report.hpp"
#include "tests/import/grid_rows.hpp"
#include "tests/import/samples.hpp"

using namespace indicheck;

namespace {

const char* kW = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

std::string paragraph(const std::string& text) {
  return "<w:p><w:r><w:t xml:space=\"preserve\">" + text + "</w:t></w:r></w:p>";
}

// A cell: `span` grid columns; vmerge "restart", "continue" or "".
std::string tc(const std::string& text, unsigned span = 1, const std::string& vmerge = "") {
  std::string props;
  if (span > 1) props += "<w:gridSpan w:val=\"" + std::to_string(span) + "\"/>";
  if (vmerge == "restart") props += "<w:vMerge w:val=\"restart\"/>";
  if (vmerge == "continue") props += "<w:vMerge/>";
  return "<w:tc><w:tcPr><w:tcW w:w=\"1200\" w:type=\"dxa\"/>" + props + "</w:tcPr>" +
         (text.empty() ? "<w:p/>" : paragraph(text)) + "</w:tc>";
}

std::string tr(const std::vector<std::string>& cells) {
  std::string row = "<w:tr>";
  for (const std::string& c : cells) row += c;
  return row + "</w:tr>";
}

std::string docx(const std::string& body, const std::string& name) {
  auto dir = std::filesystem::temp_directory_path() / "indicheck-docx-test";
  std::filesystem::create_directories(dir);
  std::string path = (dir / name).string();
  std::filesystem::remove(path);
  std::vector<std::pair<std::string, std::string>> parts = {
      {"[Content_Types].xml",
       "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
       "<Default Extension=\"rels\" "
       "ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
       "<Override PartName=\"/word/document.xml\" "
       "ContentType=\"application/"
       "vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>"},
      {"_rels/.rels",
       "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
       "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
       "relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>"},
      {"word/document.xml", std::string("<?xml version=\"1.0\" encoding=\"UTF-8\" "
                                        "standalone=\"yes\"?>\n<w:document xmlns:w=\"") +
                                kW + "\"><w:body>" + body + "<w:sectPr/></w:body></w:document>"}};
  int error = 0;
  zip_t* z = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
  REQUIRE(z);
  for (const auto& [part, content] : parts) {
    zip_source_t* src = zip_source_buffer(z, content.data(), content.size(), 0);
    REQUIRE(zip_file_add(z, part.c_str(), src, ZIP_FL_OVERWRITE) >= 0);
  }
  REQUIRE(zip_close(z) == 0);
  return path;
}

std::string read_bytes(const std::string& path) {
  std::vector<Diagnostic> ds;
  auto bytes = read_file(path, ds);
  REQUIRE(bytes);
  return *bytes;
}

// The sample self-evaluation as a Word table: the title and 项目名称 as
// paragraphs, 单位名称 as a row, the funds labels over two grid columns, the categories
// merged down with vMerge.
std::string sample_body() {
  auto row = [](std::vector<std::string> texts) {
    std::vector<std::string> cells;
    for (const auto& t : texts) cells.push_back(tc(t));
    return tr(cells);
  };
  std::string t = "<w:tbl><w:tblGrid>";
  for (int i = 0; i < 8; ++i) t += "<w:gridCol w:w=\"1200\"/>";
  t += "</w:tblGrid>";
  t += tr({tc("单位名称", 2), tc("某县水利局", 6)});
  t += tr({tc("项目资金（万元）", 2), tc("年初预算数"), tc("全年预算数"), tc("全年执行数"),
           tc("分值"), tc("执行率"), tc("得分")});
  t += tr({tc("年度资金总额", 2), tc("300"), tc("300"), tc("285"), tc("10"), tc("95%"), tc("9.5")});
  t +=
      tr({tc("其中：当年财政拨款", 2), tc("260"), tc("260"), tc("247"), tc("-"), tc("-"), tc("-")});
  t += tr({tc("其他资金", 2), tc("40"), tc("40"), tc("38"), tc("-"), tc("-"), tc("-")});
  t += row({"一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分",
            "偏差原因分析及改进措施"});
  t += tr({tc("产出指标", 1, "restart"), tc("数量指标", 1, "restart"), tc("新建供水管网长度"),
           tc("≥120公里"), tc("126公里"), tc("20"), tc("20"), tc("")});
  t += tr({tc("", 1, "continue"), tc("", 1, "continue"), tc("改造水厂数量"), tc("=4座"), tc("4座"),
           tc("15"), tc("15"), tc("")});
  t += tr({tc("", 1, "continue"), tc("质量指标"), tc("水质检测合格率"), tc("≥95%"), tc("97%"),
           tc("15"), tc("15"), tc("")});
  t += tr({tc("效益指标", 1, "restart"), tc("社会效益", 1, "restart"), tc("受益人口"),
           tc("≥3.5万人"), tc("3.2万人"), tc("20"), tc("18.29"), tc("部分村庄管网接入推迟")});
  t += tr({tc("", 1, "continue"), tc("", 1, "continue"), tc("供水保证率"), tc("≥95%"), tc("96%"),
           tc("10"), tc("10"), tc("")});
  t += row({"满意度指标", "服务对象满意度", "受益群众满意度", "≥90%", "92%", "10", "10", ""});
  t += tr({tc("总分", 5), tc("100"), tc("97.79"), tc("")});
  t += "</w:tbl>";
  return paragraph("2024年度项目支出绩效自评表") + paragraph("项目名称：农村供水保障工程") +
         paragraph("") + t + paragraph("其他需要说明事项：无");
}

}  // namespace

TEST_CASE("docx: gridSpan and vMerge are merged ranges; outside paragraphs are text rows",
          "[import][docx]") {
  std::string path = docx(sample_body(), "sample.docx");
  std::vector<Diagnostic> ds;
  auto grid = read_docx(path, read_bytes(path), ds, GridLimits{});
  REQUIRE(grid);
  CHECK(ds.empty());
  REQUIRE(grid->tables.size() == 3);
  CHECK(grid->tables[0].name == "text 1");
  CHECK(test::dense_rows(grid->tables[0]) ==
        std::vector<std::vector<std::string>>{{"2024年度项目支出绩效自评表"},
                                              {"项目名称：农村供水保障工程"}});
  const GridTable& t = grid->tables[1];
  CHECK(t.name == "table 1");
  auto rows = test::dense_rows(t);
  REQUIRE(rows.size() == 13);
  // The value after a two-column label stands in grid column 2.
  CHECK(rows[0] == std::vector<std::string>{"单位名称", "", "某县水利局", "", "", "", "", ""});
  CHECK(rows[7] == std::vector<std::string>{"", "", "改造水厂数量", "=4座", "4座", "15", "15", ""});
  std::vector<std::tuple<unsigned, unsigned, unsigned, unsigned>> merges;
  for (const GridMerge& m : t.merges)
    merges.emplace_back(m.first_row, m.first_col, m.last_row, m.last_col);
  std::sort(merges.begin(), merges.end());
  CHECK(merges == std::vector<std::tuple<unsigned, unsigned, unsigned, unsigned>>{{0, 0, 0, 1},
                                                                                  {0, 2, 0, 7},
                                                                                  {1, 0, 1, 1},
                                                                                  {2, 0, 2, 1},
                                                                                  {3, 0, 3, 1},
                                                                                  {4, 0, 4, 1},
                                                                                  {6, 0, 8, 0},
                                                                                  {6, 1, 7, 1},
                                                                                  {9, 0, 10, 0},
                                                                                  {9, 1, 10, 1},
                                                                                  {12, 0, 12, 4}});
  CHECK(grid->tables[2].name == "text 2");
  CHECK(test::dense_rows(grid->tables[2]) ==
        std::vector<std::vector<std::string>>{{"其他需要说明事项：无"}});
}

TEST_CASE("docx: the sample imports every indicator", "[import][docx][sample]") {
  std::string path = docx(sample_body(), "selfeval.docx");
  std::vector<Diagnostic> ds;
  auto im = import_file(path, ImportOptions{}, ds);
  INFO(render_all(ds));
  REQUIRE(im);
  CHECK(im->format == "docx");
  CHECK(im->title == "2024年度项目支出绩效自评表");
  CHECK(im->unit_name == "某县水利局");
  test::check_sample_indicators(*im);
  test::check_direct_report(path, "selfeval.docx:'table 1'!G13");
}

TEST_CASE("docx: a cell's paragraphs and breaks are lines; nested tables are their own",
          "[import][docx]") {
  std::string inner = "<w:tbl>" + tr({tc("三级指标"), tc("指标值")}) +
                      tr({tc("受益人口"), tc("≥3万人")}) + "</w:tbl>";
  std::string body =
      "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>新建</w:t><w:br/><w:t>管网</w:t><w:tab/><w:t>长度</w:t>"
      "</w:r></w:p><w:p><w:r><w:t>第二段</w:t></w:r><w:r><w:delText>删</w:delText></w:r></w:p>"
      "</w:tc><w:tc>" +
      inner + "<w:p/></w:tc></w:tr></w:tbl>";
  std::string path = docx(body, "nested.docx");
  std::vector<Diagnostic> ds;
  auto grid = read_docx(path, read_bytes(path), ds, GridLimits{});
  REQUIRE(grid);
  REQUIRE(grid->tables.size() == 2);
  CHECK(test::dense_rows(grid->tables[0]) ==
        std::vector<std::vector<std::string>>{{"新建\n管网 长度\n第二段"}});
  CHECK(grid->tables[1].name == "table 2");
  CHECK(test::dense_rows(grid->tables[1]) ==
        std::vector<std::vector<std::string>>{{"三级指标", "指标值"}, {"受益人口", "≥3万人"}});
  // No table at all.
  path = docx(paragraph("只有文字"), "no-table.docx");
  ds.clear();
  CHECK_FALSE(read_docx(path, read_bytes(path), ds, GridLimits{}));
  REQUIRE(ds.size() == 1);
  CHECK(ds[0].message == "the document has no table (w:tbl): nothing to import");
}
