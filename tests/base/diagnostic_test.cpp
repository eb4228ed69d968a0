// Located messages: character columns, carets under wide CJK cells, clipping.

#include <catch2/catch.hpp>

#include <set>

#include "engine/base/diagnostic.hpp"

using namespace indicheck;

TEST_CASE("display width counts two cells per wide character", "[diagnostic]") {
  CHECK(display_width("abc") == 3);
  CHECK(display_width("预算执行率") == 10);
  CHECK(display_width("≥95%") == 4);
  CHECK(display_width("＝100％") == 7);
}

TEST_CASE("the caret stands under the column's character after CJK text", "[diagnostic]") {
  Diagnostic d = make_diagnostic(Code::table_row_width, "t.tsv", 3, 6, "bad", "验收合格率\t≥9 5%%");
  // Five wide characters (10 cells) come before column 6, the tab.
  CHECK(render(d) ==
        "t.tsv:3:6: error[E2106]: bad\n"
        "  验收合格率 ≥9 5%%\n"
        "            ^\n");
}

TEST_CASE("the echoed line shows bad bytes and control characters as U+FFFD", "[diagnostic]") {
  // 0xC0 starts no character, 0x07 (BEL) would ring: each is one replacement
  // character of one cell, and the caret under column 7 still lines up.
  Diagnostic d =
      make_diagnostic(Code::rules_unknown_name, "t.rules", 2, 7, "bad", "定义 \t= \xC0\x07 1");
  CHECK(render(d) ==
        "t.rules:2:7: error[E3301]: bad\n"
        "  定义  = \xEF\xBF\xBD\xEF\xBF\xBD 1\n"
        "          ^\n");
}

TEST_CASE("clipping keeps whole characters and marks the cut", "[diagnostic]") {
  CHECK(clip_to_width("过程 / 预算执行", 40) == "过程 / 预算执行");
  // 6 cells allowed: two wide characters (4 cells) fit before the "…"; a third would not.
  CHECK(clip_to_width("组织编制国土空间规划", 6) == "组织…");
  CHECK(clip_to_width("abcdefgh", 6) == "abcde…");
  // A report's cell: whole up to 120 cells, else 99 cells, "…" and its length.
  CHECK(shown_cell(std::string(120, '9')) == std::string(120, '9'));
  CHECK(shown_cell("≥" + std::string(10000, '9')) ==
        "≥" + std::string(98, '9') + "…(10001 characters)");
  std::string wide;
  for (int i = 0; i < 61; ++i) wide += "很";  // 122 cells
  CHECK(shown_cell(wide) == wide.substr(0, 49 * 3) + "…(61 characters)");
  CHECK(display_width(clip_to_width("组织编制国土空间规划", 7)) <= 7);
}

TEST_CASE("columns count characters, not bytes", "[diagnostic]") {
  CHECK(count_chars("预算a", 3) == 1);
  CHECK(count_chars("预算a", 7) == 3);
  CHECK(describe_at("≥95%", 0) == "'≥'");
  CHECK(describe_at("≥95%", 6) == "end of text");
  CHECK(describe_at("\xFF", 0) == "an invalid UTF-8 byte");
}

TEST_CASE("a line of at most 200 cells is echoed whole", "[diagnostic]") {
  std::string line(200, '9');
  Diagnostic d = make_diagnostic(Code::table_row_width, "t.tsv", 1, 200, "bad", line);
  CHECK(render(d) ==
        "t.tsv:1:200: error[E2106]: bad\n  " + line + "\n  " + std::string(199, ' ') + "^\n");
}

TEST_CASE("a wide line is echoed as a window around the caret", "[diagnostic]") {
  // 10 000 digits after "≥", the caret on the 5001st digit (column 5002).
  std::string line = "≥" + std::string(10000, '9');
  std::string out = render(make_diagnostic(Code::table_row_width, "t.tsv", 2, 5002, "bad", line));
  // "…", 79 digits, the caret's digit, 118 more digits, "…": 200 cells.
  CHECK(out == "t.tsv:2:5002: error[E2106]: bad\n  …" + std::string(79 + 1 + 118, '9') + "…\n  " +
                   std::string(80, ' ') + "^\n");
}

TEST_CASE("a wide line with the caret near its start is cut on the right only", "[diagnostic]") {
  std::string line = "≥" + std::string(10000, '9');
  std::string out = render(make_diagnostic(Code::table_row_width, "t.tsv", 1, 2, "bad", line));
  CHECK(out == "t.tsv:1:2: error[E2106]: bad\n  ≥" + std::string(198, '9') + "…\n   ^\n");
}

TEST_CASE("a wide line with the caret at its end is cut on the left only", "[diagnostic]") {
  std::string line = std::string(500, '1') + "%";
  // Column 502: just after the last character ("end of line").
  std::string out = render(make_diagnostic(Code::table_row_width, "t.tsv", 1, 502, "bad", line));
  CHECK(out == "t.tsv:1:502: error[E2106]: bad\n  …" + std::string(78, '1') + "%\n  " +
                   std::string(80, ' ') + "^\n");
}

TEST_CASE("the window around the caret keeps wide characters whole and the caret aligned",
          "[diagnostic]") {
  // 300 Han characters (600 cells), the caret on the 101st (column 101, 200 cells in).
  std::string han;
  for (int i = 0; i < 300; ++i) han += "预";
  std::string out = render(make_diagnostic(Code::table_row_width, "t.tsv", 1, 101, "bad", han));
  // Before the caret: "…" and 39 characters (79 cells); after it, the caret's character and
  // 59 more fill 120 of the 198 cells left; a 61st would pass 198.
  std::string shown;
  for (int i = 0; i < 39 + 1 + 59; ++i) shown += "预";
  CHECK(out ==
        "t.tsv:1:101: error[E2106]: bad\n  …" + shown + "…\n  " + std::string(1 + 78, ' ') + "^\n");
}

TEST_CASE("a diagnostic prints its code, at the severity its letter gives", "[diagnostic]") {
  Diagnostic e = make_diagnostic(Code::rules_unknown_name, "a.rules", 4, 3, "unknown name '甲'");
  CHECK(e.severity == Severity::error);
  CHECK(render(e) == "a.rules:4:3: error[E3301]: unknown name '甲'\n");
  Diagnostic w = make_diagnostic(Code::rules_matches_nothing, "a.rules", 5, 4, "matches nothing");
  CHECK(w.severity == Severity::warning);
  CHECK(render(w) == "a.rules:5:4: warning[W3416]: matches nothing\n");
  // A rule file may lower an error to a warning (核对 … 级别 警告): the code stays.
  e.severity = Severity::warning;
  CHECK(render(e) == "a.rules:4:3: warning[E3301]: unknown name '甲'\n");
}

TEST_CASE("every code reads back from its id, and ids are letter, stage and number",
          "[diagnostic]") {
  REQUIRE(code_count() > 0);
  std::set<std::string_view> ids, names;
  for (std::size_t i = 0; i < code_count(); ++i) {
    auto code = static_cast<Code>(i);
    std::string_view id = id_of(code);
    INFO("code " << id << " " << name_of(code));
    CHECK(code_from_id(id) == code);
    CHECK(id.size() == 5);
    CHECK((id[0] == 'E' || id[0] == 'W'));
    CHECK(ids.insert(id.substr(1)).second);  // one meaning per number, whatever the letter
    CHECK(names.insert(name_of(code)).second);
    CHECK_FALSE(title_of(code).empty());
  }
  CHECK(id_of(Code::text_invalid_utf8) == "E1001");
  CHECK(id_of(Code::cli_run_not_regex) == "E9004");
  CHECK_FALSE(code_from_id("E0000"));
  CHECK_FALSE(code_from_id("e3301"));
}

TEST_CASE("a message and a file name cannot reach the terminal with escapes", "[diagnostic]") {
  // An actual's key that retitles the window and clears the screen, quoted in
  // the message; a file name with a BEL and a line feed.
  auto d = make_diagnostic(Code::assess_key_unmatched, "a\x07\nb.tsv", 9, 1,
                           "'\x1b]0;PWN\x07\x1b[2Jx' matches no indicator");
  CHECK(render(d) ==
        "a\xEF\xBF\xBD\xEF\xBF\xBD"
        "b.tsv:9:1: error[E4004]: '\xEF\xBF\xBD]0;PWN\xEF\xBF\xBD\xEF\xBF\xBD[2Jx' matches no "
        "indicator\n");
}

TEST_CASE("visible_text keeps tabs, and line feeds when asked", "[diagnostic]") {
  CHECK(visible_text("a\tb\nc\rd\x7f\xC2\x85\xFF") ==
        "a\tb\xEF\xBF\xBD"
        "c\xEF\xBF\xBD"
        "d\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
  CHECK(visible_text("a\nb\r\n", true) == "a\nb\xEF\xBF\xBD\n");
  CHECK(visible_text("健全 ≥95%") == "健全 ≥95%");
}

TEST_CASE("diagnostics on one line share one copy of it", "[diagnostic]") {
  const std::string text(70000, 'x');
  SourceLine line(text);
  Diagnostic a = make_diagnostic(Code::table_unknown_column, "t.tsv", 1, 3, "a", line);
  Diagnostic b = make_diagnostic(Code::table_unknown_column, "t.tsv", 1, 9, "b", line);
  CHECK(a.source_line.view().data() == b.source_line.view().data());
  CHECK(a.source_line.view() == text);
  CHECK(SourceLine("").empty());
  CHECK(SourceLine().view().empty());
}

TEST_CASE("a line with a NUL or of one byte is held whole", "[diagnostic]") {
  const std::string nul("a\0b", 3);
  CHECK(SourceLine(nul).view() == nul);
  CHECK(SourceLine("x").view() == "x");
  CHECK_FALSE(SourceLine("x").empty());
}

TEST_CASE("every location in a file shares one copy of its name", "[diagnostic]") {
  const std::string name = "/a/folder/deep/enough/targets-200000.tsv";
  // Made apart, from separate strings: still one copy.
  const SourceLocation a(name, 1, 1), b(std::string(name), 7, 3);
  CHECK(a.file.str().data() == b.file.str().data());
  CHECK(a.file == b.file);
  CHECK(a.file == name);
  CHECK(SourceLocation("other.tsv").file != a.file);
  CHECK(where_text(b) == name + ":7:3");
  CHECK(fmt::format("in {}", b.file) == "in " + name);
  CHECK(SourceLocation().file.empty());
}

TEST_CASE("many diagnostics of one code on one line are five and a count", "[diagnostic]") {
  std::vector<Diagnostic> out;
  LineRepeats repeats(out, [](Code c) {
    return std::string(c == Code::table_unknown_column ? "unknown columns" : "");
  });
  const SourceLine line("a\tb\tc");
  for (unsigned col = 1; col <= 9; ++col)
    repeats.add(make_diagnostic(Code::table_unknown_column, "t.tsv", 1, col, "x", line));
  // Another code on the line, and the same code on another line, count apart.
  for (unsigned col = 1; col <= 7; ++col)
    repeats.add(make_diagnostic(Code::table_column_repeated, "t.tsv", 1, col, "y", line));
  repeats.add(make_diagnostic(Code::table_unknown_column, "t.tsv", 2, 1, "z", line));
  CHECK(out.size() == 11);
  repeats.flush();
  REQUIRE(out.size() == 13);
  CHECK(out[11].message == "… and 4 more unknown columns on this line");
  CHECK(out[11].where.column == 6);  // the first left out
  CHECK(out[11].code == Code::table_unknown_column);
  CHECK(out[12].message == "… and 2 more of these on this line");
  CHECK(out[12].code == Code::table_column_repeated);
  repeats.flush();  // said once
  CHECK(out.size() == 13);
}

TEST_CASE("source lines packed many to a block read back whole", "[diagnostic]") {
  // Lines short and long, across block ends, one too long to pack, and one
  // longer than the first block (4 KiB) while blocks are small.
  std::vector<std::string> texts = {"产出指标\t数量指标", "", std::string(5000, 'a'), "x"};
  for (int i = 0; i < 3000; ++i) texts.push_back("第" + std::to_string(i) + "行\t≥95%");
  texts.push_back(std::string(70000, 'b'));
  texts.push_back("last");
  std::vector<SourceLine> lines;
  {
    SourceLines store;
    for (const std::string& t : texts) lines.push_back(store.add(t));
  }  // the lines keep their blocks
  REQUIRE(lines.size() == texts.size());
  for (std::size_t i = 0; i < texts.size(); ++i) {
    CHECK(lines[i].view() == texts[i]);
    CHECK(lines[i].empty() == texts[i].empty());
  }
}
