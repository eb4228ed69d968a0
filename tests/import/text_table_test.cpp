// A text given where a table is named (check --targets, --actuals): indicheck's
// own TSV is read as it is, byte for byte; a published table saved as text or
// a pasted grid is imported, with the report import-then-check gives; any other
// text is refused in one message that says what it is and what reads it.

#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "engine/import/table_text.hpp"
#include "tests/import/direct_report.hpp"

using namespace indicheck;

namespace {

const std::string kSource = std::string(INDICHECK_SOURCE_DIR) + "/";

}  // namespace

TEST_CASE("a self-evaluation saved as text, given to check itself: import-then-check's report",
          "[import][text][pipeline]") {
  // The published 总分 is placed at its line of the text itself.
  test::check_direct_report(kSource + "tests/golden/data/import/selfeval.txt", "selfeval.txt:15");
}

TEST_CASE("indicheck's own TSV is read as it is, whatever is wrong with its header",
          "[import][text]") {
  for (const std::string text : {
           "一级指标\t二级指标\t三级指标\t全年指标值\n产出指标\t数量指标\t面积\t≥10亩\n",
           "# 年度: 2024\n\n指标\t实际\t偏差原因\n",    // one column misspelt
           "一级指标\t二级指标\t三级指标\t全年目标\n",  // the value column misspelt
           "",                                          // empty: the reader says so
           "# only comments\n",
           "\xFF\xFE\n",  // not UTF-8: the reader names the byte
       }) {
    INFO(text);
    std::vector<Diagnostic> ds;
    auto read = read_table("targets.tsv", text, TableWant::targets, ds);
    REQUIRE(read);
    CHECK(read->name == "targets.tsv");
    CHECK(read->text == text);
    CHECK(read->map == nullptr);
    CHECK(ds.empty());
  }
}

TEST_CASE("a text that is no table is refused in one message at its first line", "[import][text]") {
  std::vector<Diagnostic> ds;
  const std::string path = kSource + "tests/golden/data/bad/notes.txt";
  CHECK_FALSE(read_table(path, TableWant::targets, ds));
  REQUIRE(ds.size() == 1);
  CHECK(id_of(ds[0].code) == "E5024");
  CHECK(ds[0].where.line == 1);
  CHECK(ds[0].message ==
        "found plain text that is neither indicheck's targets TSV (its header names the columns "
        "一级指标, 二级指标, 三级指标, 全年指标值: docs/files.md) nor a published table import "
        "reads; `indicheck import " +
            path + "` says what it finds in it");
  CHECK(ds[0].source_line.view() == "会议纪要");
  // A comma-separated text named .txt, as actuals: the same, for the actuals.
  ds.clear();
  const std::string comma = kSource + "tests/golden/data/bad/actuals-comma.txt";
  CHECK_FALSE(read_table(comma, TableWant::actuals, ds));
  REQUIRE(ds.size() == 1);
  CHECK(id_of(ds[0].code) == "E5024");
  CHECK(ds[0].message.find("neither indicheck's actuals TSV (its header names the columns 指标, "
                           "实际值") != std::string::npos);
}

TEST_CASE("a grid pasted with a published header (指标值) is imported, not read as a TSV",
          "[import][text]") {
  std::vector<Diagnostic> ds;
  auto read =
      read_table(kSource + "tests/golden/data/import/layouts/pasted.txt", TableWant::targets, ds);
  REQUIRE(read);
  CHECK(read->map != nullptr);
  CHECK(read->name.ends_with("pasted.txt (imported)"));
  CHECK(read->text.find("★补助鱼塘面积\t≥3亩") != std::string::npos);
}
