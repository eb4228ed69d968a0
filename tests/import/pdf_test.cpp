// The PDF reader (poppler): text boxes rebuilt into rows and columns across a
// page break. The PDFs are written at test time by tests/import/pdf_writer.hpp.

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "engine/import/readers.hpp"
#include "tests/import/direct_report.hpp"
#include "tests/import/grid_rows.hpp"
#include "tests/import/pdf_writer.hpp"
#include "tests/import/samples.hpp"

using namespace indicheck;

namespace {

// The columns of the sample's table, in points from the page's left edge.
constexpr double kCol[] = {30, 85, 150, 260, 320, 375, 410, 450};

void row(test::PdfWriter& pdf, double y, const std::vector<std::pair<int, std::string>>& cells) {
  for (const auto& [col, text] : cells) pdf.text(kCol[col], y, text);
}

void header(test::PdfWriter& pdf, double y) {
  // 偏差原因分析及改进措施 wraps in its column.
  row(pdf, y,
      {{0, "一级指标"},
       {1, "二级指标"},
       {2, "三级指标"},
       {3, "年度指标值"},
       {4, "实际完成值"},
       {5, "分值"},
       {6, "得分"},
       {7, "偏差原因分析及改"}});
  row(pdf, y + 11, {{7, "进措施"}});
}

// The sample self-evaluation as Word prints it to PDF: two pages, the header
// repeated on the second, a category printed once at the top of its block,
// a wrapped 偏差原因, page numbers at the foot.
std::string sample_pdf() {
  test::PdfWriter pdf;
  pdf.new_page();
  pdf.text(200, 40, "2024年度项目支出绩效自评表", 12);
  row(pdf, 60, {{0, "项目名称"}, {2, "农村供水保障工程"}});
  row(pdf, 74, {{0, "单位名称"}, {2, "某县水利局"}});
  row(pdf, 88,
      {{0, "项目资金（万元）"},
       {2, "年初预算数"},
       {3, "全年预算数"},
       {4, "全年执行数"},
       {5, "分值"},
       {6, "执行率"},
       {7, "得分"}});
  row(pdf, 102,
      {{0, "年度资金总额"}, {2, "300"}, {3, "300"}, {4, "285"}, {5, "10"}, {6, "95%"}, {7, "9.5"}});
  row(pdf, 116,
      {{0, "其中：当年财政拨款"},
       {2, "260"},
       {3, "260"},
       {4, "247"},
       {5, "-"},
       {6, "-"},
       {7, "-"}});
  row(pdf, 130, {{0, "其他资金"}, {2, "40"}, {3, "40"}, {4, "38"}, {5, "-"}, {6, "-"}, {7, "-"}});
  header(pdf, 150);
  row(pdf, 178,
      {{0, "产出指标"},
       {1, "数量指标"},
       {2, "新建供水管网长度"},
       {3, "≥120公里"},
       {4, "126公里"},
       {5, "20"},
       {6, "20"}});
  row(pdf, 192, {{2, "改造水厂数量"}, {3, "=4座"}, {4, "4座"}, {5, "15"}, {6, "15"}});
  row(pdf, 206,
      {{1, "质量指标"}, {2, "水质检测合格率"}, {3, "≥95%"}, {4, "97%"}, {5, "15"}, {6, "15"}});
  pdf.text(280, 800, "第 1 页");
  pdf.new_page();
  header(pdf, 40);
  row(pdf, 68,
      {{0, "效益指标"},
       {1, "社会效益"},
       {2, "受益人口"},
       {3, "≥3.5万人"},
       {4, "3.2万人"},
       {5, "20"},
       {6, "18.29"},
       {7, "部分村庄管网接入"}});
  row(pdf, 79, {{7, "推迟"}});
  row(pdf, 96, {{2, "供水保证率"}, {3, "≥95%"}, {4, "96%"}, {5, "10"}, {6, "10"}});
  row(pdf, 110,
      {{0, "满意度指标"},
       {1, "服务对象满意度"},
       {2, "受益群众满意度"},
       {3, "≥90%"},
       {4, "92%"},
       {5, "10"},
       {6, "10"}});
  row(pdf, 124, {{0, "总分"}, {5, "100"}, {6, "97.79"}});
  pdf.text(280, 800, "第 2 页");
  return pdf.bytes();
}

}  // namespace

TEST_CASE("PDF: text boxes become rows and columns; wrapped cells join their row",
          "[import][pdf]") {
  std::vector<Diagnostic> ds;
  auto grid = read_pdf("sample.pdf", sample_pdf(), ds, GridLimits{});
  INFO(render_all(ds));
  REQUIRE(grid);
  REQUIRE(grid->tables.size() == 2);
  CHECK(grid->tables[0].name == "page 1");
  auto p1 = test::dense_rows(grid->tables[0]);
  // The page number at the foot is no row.
  REQUIRE(p1.size() == 11);
  REQUIRE(grid->notes.size() == 1);
  CHECK(grid->notes[0].text == "2 page number line(s) not read ('第 1 页' …)");
  // The title stands in the column its left edge falls in.
  CHECK(p1[0] ==
        std::vector<std::string>{"", "", "2024年度项目支出绩效自评表", "", "", "", "", ""});
  CHECK(p1[7] == std::vector<std::string>{"一级指标", "二级指标", "三级指标", "年度指标值",
                                          "实际完成值", "分值", "得分", "偏差原因分析及改 进措施"});
  CHECK(p1[9] == std::vector<std::string>{"", "", "改造水厂数量", "=4座", "4座", "15", "15", ""});
  // Its line on the page: the header's second line (进措施) joined the header.
  CHECK(grid->tables[0].line_of(9) == 11);
  auto p2 = test::dense_rows(grid->tables[1]);
  CHECK(p2[3] == std::vector<std::string>{"满意度指标", "服务对象满意度", "受益群众满意度", "≥90%",
                                          "92%", "10", "10", ""});
  CHECK(p2[1] == std::vector<std::string>{"效益指标", "社会效益", "受益人口", "≥3.5万人", "3.2万人",
                                          "20", "18.29", "部分村庄管网接入 推迟"});
}

TEST_CASE("PDF: the sample imports every indicator across the page break",
          "[import][pdf][sample]") {
  auto dir = std::filesystem::temp_directory_path() / "indicheck-pdf-test";
  std::filesystem::create_directories(dir);
  std::string path = (dir / "selfeval.pdf").string();
  std::ofstream(path, std::ios::binary) << sample_pdf();
  std::vector<Diagnostic> ds;
  auto im = import_file(path, ImportOptions{}, ds);
  INFO(render_all(ds));
  REQUIRE(im);
  CHECK(im->format == "pdf");
  CHECK(im->title == "2024年度项目支出绩效自评表");
  test::check_sample_indicators(*im);
  // A published figure read directly stands at its page and line: the 总分
  // at line 7 of page 2.
  const std::string report = test::check_direct_report(path, "selfeval.pdf:page 2:7");
  INFO(report);
  CHECK(report.find("selfeval.pdf:page 2:7)") != std::string::npos);
  std::filesystem::remove_all(dir);
}

TEST_CASE("PDF: a damaged file and a PDF with no text are refused", "[import][pdf]") {
  std::vector<Diagnostic> ds;
  CHECK_FALSE(read_pdf("bad.pdf", "%PDF-1.4\nnothing else", ds, GridLimits{}));
  REQUIRE(ds.size() == 1);
  CHECK(ds[0].message.rfind("poppler cannot read the PDF", 0) == 0);
  ds.clear();
  test::PdfWriter empty;
  empty.new_page();
  CHECK_FALSE(read_pdf("scan.pdf", empty.bytes(), ds, GridLimits{}));
  REQUIRE(ds.size() == 1);
  CHECK(ds[0].message ==
        "the PDF has no text (1 page(s)): a scanned document? indicheck reads the text of a PDF, "
        "not images");
}

TEST_CASE("PDF: a cell cut by the page break joins its row on the page before", "[import][pdf]") {
  test::PdfWriter pdf;
  pdf.new_page();
  header(pdf, 40);
  row(pdf, 68,
      {{0, "效益指标"},
       {1, "社会效益"},
       {2, "受益人口"},
       {3, "≥3.5万人"},
       {4, "3.2万人"},
       {5, "20"},
       {6, "18.29"},
       {7, "部分村庄管网接入"}});
  pdf.new_page();
  // The rest of the cell at the top of the next page, then the next row.
  row(pdf, 40, {{7, "推迟"}});
  row(pdf, 54, {{2, "供水保证率"}, {3, "≥95%"}, {4, "96%"}, {5, "10"}, {6, "10"}});
  std::vector<Diagnostic> ds;
  auto grid = read_pdf("break.pdf", pdf.bytes(), ds, GridLimits{});
  REQUIRE(grid);
  REQUIRE(grid->tables.size() == 2);
  auto p1 = test::dense_rows(grid->tables[0]);
  REQUIRE(p1.size() == 2);
  CHECK(p1[1][7] == "部分村庄管网接入 推迟");
  CHECK(test::dense_rows(grid->tables[1]) ==
        std::vector<std::vector<std::string>>{{"", "", "供水保证率", "≥95%", "96%", "10", "10"}});
  CHECK(grid->tables[1].line_of(0) == 2);
}
