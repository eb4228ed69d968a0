// The import stage's messages in Chinese: what a refused file is, why no
// table was found, and the summary a person reads after an import.

#include <catch2/catch.hpp>

#include "engine/base/message.hpp"
#include "engine/import/import.hpp"

using namespace indicheck;

TEST_CASE("import says in Chinese what a file is when it is no table", "[import][message]") {
  LanguageScope zh(Language::zh);
  DetectedFormat d = detect_import_format("table.xls", std::string("\x89PNG\r\n\x1a\n", 8));
  CHECK_FALSE(d.format);
  CHECK(d.found == "PNG 图片");
}

TEST_CASE("import finds no indicator table, in Chinese", "[import][message]") {
  LanguageScope zh(Language::zh);
  std::vector<Diagnostic> ds;
  CHECK_FALSE(interpret(rows_from_text("t.txt", "只有一行文字\n"), ds));
  REQUIRE(ds.size() == 1);
  CHECK(ds[0].message ==
        "未找到指标表：此处应为写有 三级指标 及 半年指标值、全年指标值 或 指标值 的表头行");
}

TEST_CASE("an import summary in Chinese: labels in a column, rows and notes", "[import][message]") {
  const std::string text =
      "----\n"
      "一级指标\t二级指标\t三级指标\t全年指标值\n"
      "产出指标\t数量指标\t造林面积\t≥100亩\n";
  std::vector<Diagnostic> ds;
  auto im = [&] {
    LanguageScope zh(Language::zh);
    return interpret(rows_from_text("t.txt", text), ds);
  }();
  REQUIRE(im);
  im->source = "t.txt";
  im->format = "text";
  im->encoding = "utf-8";
  LanguageScope zh(Language::zh);
  CHECK(write_summary(*im) ==
        "已导入 t.txt（text，utf-8）\n"
        "读取的行：3\n"
        "  指标：           1（写出 1 个，其中 1 个有目标值）\n"
        "  无指标的类别：   0\n"
        "  预算行：         0\n"
        "  文本段：         0\n"
        "  表头：           1\n"
        "  标题与表头信息： 0\n"
        "  空行：           0\n"
        "  已跳过：         1\n"
        "    第 1 行：分隔线，没有单元格\n"
        "  每行均已计入：1 + 0 + 0 + 0 + 1 + 0 + 0 + 1 = 3\n"
        "假定：0\n"
        "修复：0\n");
}
