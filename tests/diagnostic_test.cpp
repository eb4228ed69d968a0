// Located messages: character columns, carets under wide CJK cells, clipping.

#include <catch2/catch.hpp>

#include "engine/diagnostic.hpp"

using namespace indicheck;

TEST_CASE("display width counts two cells per wide character", "[diagnostic]") {
  CHECK(display_width("abc") == 3);
  CHECK(display_width("预算执行率") == 10);
  CHECK(display_width("≥95%") == 4);
  CHECK(display_width("＝100％") == 7);
}

TEST_CASE("the caret stands under the column's character after CJK text", "[diagnostic]") {
  Diagnostic d = make_diagnostic(Severity::error, "t.tsv", 3, 6, "bad", "验收合格率\t≥9 5%%");
  // Five wide characters (10 cells) come before column 6, the tab.
  CHECK(render(d) ==
        "t.tsv:3:6: error: bad\n"
        "  验收合格率 ≥9 5%%\n"
        "            ^\n");
}

TEST_CASE("clipping keeps whole characters and marks the cut", "[diagnostic]") {
  CHECK(clip_to_width("过程 / 预算执行", 40) == "过程 / 预算执行");
  // 6 cells allowed: two wide characters (4 cells) fit before the "…"; a third would not.
  CHECK(clip_to_width("组织编制国土空间规划", 6) == "组织…");
  CHECK(clip_to_width("abcdefgh", 6) == "abcde…");
  CHECK(display_width(clip_to_width("组织编制国土空间规划", 7)) <= 7);
}

TEST_CASE("columns count characters, not bytes", "[diagnostic]") {
  CHECK(count_chars("预算a", 3) == 1);
  CHECK(count_chars("预算a", 7) == 3);
  CHECK(describe_at("≥95%", 0) == "'≥'");
  CHECK(describe_at("≥95%", 6) == "end of text");
  CHECK(describe_at("\xFF", 0) == "an invalid UTF-8 byte");
}
