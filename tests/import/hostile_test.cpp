// Hostile workbooks (issue 15, item 2): each is made here, at test time, and
// read by the indicheck binary in a child process under `ulimit -v 1 GiB` and
// `ulimit -t 10` (CPU seconds), so a file that grows memory or hangs fails the
// test by the limit, not by a timer. Each must end with its exact message and
// exit code. The limits themselves are checked with small GridLimits through
// read_xlsx, where the numbers are easy to reach.

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <xlsxwriter.h>
#include <zip.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "engine/base/diagnostic.hpp"
#include "engine/import/xlsx.hpp"

using namespace indicheck;

namespace {

using Parts = std::vector<std::pair<std::string, std::string>>;

std::string temp_path(const std::string& name) {
  auto dir =
      std::filesystem::temp_directory_path() / ("indicheck-hostile-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  return (dir / name).string();
}

void write_zip(const std::string& path, const Parts& parts) {
  std::filesystem::remove(path);
  int error = 0;
  zip_t* z = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
  REQUIRE(z);
  for (const auto& [name, content] : parts) {
    zip_source_t* src = zip_source_buffer(z, content.data(), content.size(), 0);
    REQUIRE(src);
    REQUIRE(zip_file_add(z, name.c_str(), src, ZIP_FL_OVERWRITE) >= 0);
  }
  REQUIRE(zip_close(z) == 0);
}

const char* kMain = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const char* kRel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

// A workbook whose sheets each name the part given (several may name one).
Parts workbook(const std::vector<std::string>& sheet_parts) {
  std::string wb =
      std::string("<workbook xmlns=\"") + kMain + "\" xmlns:r=\"" + kRel + "\"><sheets>";
  std::string rels =
      "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">";
  for (std::size_t i = 0; i < sheet_parts.size(); ++i) {
    std::string id = "rId" + std::to_string(i + 1);
    wb += "<sheet name=\"S" + std::to_string(i + 1) + "\" sheetId=\"" + std::to_string(i + 1) +
          "\" r:id=\"" + id + "\"/>";
    rels += "<Relationship Id=\"" + id + "\" Target=\"" + sheet_parts[i] + "\"/>";
  }
  return {{"xl/workbook.xml", wb + "</sheets></workbook>"},
          {"xl/_rels/workbook.xml.rels", rels + "</Relationships>"}};
}

std::string sheet(const std::string& data, const std::string& merges = "") {
  return std::string("<worksheet xmlns=\"") + kMain + "\"><sheetData>" + data + "</sheetData>" +
         (merges.empty() ? "" : "<mergeCells>" + merges + "</mergeCells>") + "</worksheet>";
}

std::string inline_cell(const std::string& ref, const std::string& text) {
  return "<c r=\"" + ref + "\" t=\"inlineStr\"><is><t>" + text + "</t></is></c>";
}

struct Run {
  bool exited = false;  // false: killed by a signal (a limit, a crash)
  int code = -1;
  std::string err;
};

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// Under ASan the binary reserves terabytes of address space for its shadow
// memory and runs a few times slower: there the address-space limit cannot be
// applied (memory is measured by the Release build) and CPU time gets 60 s.
#if defined(__SANITIZE_ADDRESS__)
constexpr bool kSanitized = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr bool kSanitized = true;
#else
constexpr bool kSanitized = false;
#endif
#else
constexpr bool kSanitized = false;
#endif

// `indicheck import FILE -o -` under ulimit -v (1 GiB unless said) and -t 10.
Run import_limited(const std::string& file, rlim_t address_space = 1ul << 30) {
  std::string err_path = file + ".stderr";
  pid_t pid = fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    rlimit memory{address_space, address_space};
    rlimit cpu{kSanitized ? 60u : 10u, kSanitized ? 60u : 10u};
    if (!kSanitized) setrlimit(RLIMIT_AS, &memory);
    setrlimit(RLIMIT_CPU, &cpu);
    FILE* out = std::freopen("/dev/null", "w", stdout);
    FILE* err = std::freopen(err_path.c_str(), "w", stderr);
    if (!out || !err) _exit(100);
    execl(INDICHECK_BINARY, INDICHECK_BINARY, "import", file.c_str(), "-o", "-",
          static_cast<char*>(nullptr));
    _exit(101);
  }
  int status = 0;
  waitpid(pid, &status, 0);
  Run r;
  r.exited = WIFEXITED(status);
  r.code = r.exited ? WEXITSTATUS(status) : -WTERMSIG(status);
  r.err = slurp(err_path);
  std::filesystem::remove(err_path);
  return r;
}

}  // namespace

// A small indicator table, so a file that is read (not refused) imports.
std::string small_table() {
  return "<row r=\"1\">" + inline_cell("A1", "一级指标") + inline_cell("B1", "二级指标") +
         inline_cell("C1", "三级指标") + inline_cell("D1", "指标值") + "</row><row r=\"2\">" +
         inline_cell("A2", "产出指标") + inline_cell("B2", "数量指标") +
         inline_cell("C2", "新建管网长度") + inline_cell("D2", "≥120公里") + "</row>";
}

TEST_CASE("a merge over a million rows is read as a range, not filled", "[import][hostile]") {
  // 1.1 KB when packed; it used to fill 4M cells and abort with bad_alloc at 4 GB.
  std::string path = temp_path("merge-a1-d1048576.xlsx");
  Parts parts = workbook({"worksheets/sheet1.xml"});
  parts.push_back(
      {"xl/worksheets/sheet1.xml", sheet("<row r=\"1\">" + inline_cell("A1", "标题") + "</row>",
                                         "<mergeCell ref=\"A1:D1048576\"/>")});
  write_zip(path, parts);
  Run r = import_limited(path);
  CHECK(r.exited);
  CHECK(r.code == 2);
  CHECK(r.err ==
        path +
            ":1:1: error[E5014]: no indicator table found: expected a header row naming 三级指标 "
            "and 半年指标值, 全年指标值 or 指标值\n");
}

TEST_CASE("eight sheets naming one part are read once", "[import][hostile]") {
  // With a cell at D1048576 each sheet used to fill 4M cells: 2.8 GB.
  std::string path = temp_path("eight-sheets-one-part.xlsx");
  Parts parts = workbook(std::vector<std::string>(8, "worksheets/sheet1.xml"));
  parts.push_back({"xl/worksheets/sheet1.xml", sheet(small_table() + "<row r=\"1048576\">" +
                                                     inline_cell("D1048576", "尾") + "</row>")});
  write_zip(path, parts);
  Run r = import_limited(path);
  CHECK(r.exited);
  CHECK(r.code == 0);
  for (int i = 2; i <= 8; ++i)
    CHECK_THAT(r.err, Catch::Contains("  the sheet S" + std::to_string(i) +
                                      " names the part xl/worksheets/sheet1.xml, already read as "
                                      "sheet S1: not read again\n"));
  CHECK_THAT(r.err,
             Catch::Contains("  indicators:                   1 (1 written, 1 with a target)"));
}

TEST_CASE("a huge shared string used by many cells is refused, not copied", "[import][hostile]") {
  // One 60 MB string used by 1000 cells grew by 100 MB/s.
  std::string path = temp_path("shared-60mb.xlsx");
  Parts parts = workbook({"worksheets/sheet1.xml"});
  std::string cells;
  for (int r = 1; r <= 1000; ++r)
    cells += "<row r=\"" + std::to_string(r) + "\"><c r=\"A" + std::to_string(r) +
             "\" t=\"s\"><v>0</v></c></row>";
  parts.push_back({"xl/worksheets/sheet1.xml", sheet(cells)});
  parts.push_back({"xl/sharedStrings.xml", "<sst xmlns=\"" + std::string(kMain) + "\"><si><t>" +
                                               std::string(60u << 20, 'x') + "</t></si></sst>"});
  write_zip(path, parts);
  Run r = import_limited(path);
  CHECK(r.exited);
  CHECK(r.code == 2);
  CHECK(r.err ==
        path +
            ":1:1: error[E5105]: the part xl/sharedStrings.xml passes the XML parser's limits (its "
            "line 1: xmlSAX2Characters: huge text node): not read\n");

  // 2 MB (under libxml2's 10 MB text limit) used by 200 cells: 400 MB expanded.
  parts.back().second = "<sst xmlns=\"" + std::string(kMain) + "\"><si><t>" +
                        std::string(2u << 20, 'x') + "</t></si></sst>";
  write_zip(path, parts);
  r = import_limited(path);
  CHECK(r.exited);
  CHECK(r.code == 2);
  CHECK(r.err ==
        path +
            ":256:1: error[E5109]: S1!A256: the cells' text comes to more than 256 MiB (a limit "
            "for the whole file, shared strings counted at each use, docs/limits.md): not "
            "read\n");
}

TEST_CASE("20 000 whole-sheet merges cost what the cells hold", "[import][hostile]") {
  std::string path = temp_path("merges-20000.xlsx");
  Parts parts = workbook({"worksheets/sheet1.xml"});
  std::string merges;
  for (int i = 0; i < 20000; ++i) merges += "<mergeCell ref=\"A1:XFD1048576\"/>";
  parts.push_back({"xl/worksheets/sheet1.xml", sheet(small_table(), merges)});
  write_zip(path, parts);
  Run r = import_limited(path);
  CHECK(r.exited);
  // Each range is clipped to the two rows and four columns that hold cells.
  CHECK(r.code == 0);
  CHECK_THAT(r.err,
             Catch::Contains("  indicators:                   1 (1 written, 1 with a target)"));
}

TEST_CASE("forty sheets naming one 60 MB part parse it once", "[import][hostile]") {
  std::string path = temp_path("forty-sheets-60mb.xlsx");
  Parts parts = workbook(std::vector<std::string>(40, "worksheets/sheet1.xml"));
  // 60 MB of rows with no cell: cheap to hold, not to parse 40 times.
  std::string padding;
  while (padding.size() < (60u << 20)) padding += "<row r=\"3\"></row>";
  parts.push_back({"xl/worksheets/sheet1.xml", sheet(small_table() + padding)});
  write_zip(path, parts);
  Run r = import_limited(path);
  CHECK(r.exited);
  CHECK(r.code == 0);
  CHECK_THAT(r.err, Catch::Contains("  the sheet S40 names the part xl/worksheets/sheet1.xml, "
                                    "already read as sheet S1: not read again\n"));
}

TEST_CASE("a part with a document type is refused: no entity is expanded", "[import][hostile]") {
  // Each entity ten of the one before: expanded, it cost 216 MB.
  std::string path = temp_path("entities.xlsx");
  Parts parts = workbook({"worksheets/sheet1.xml"});
  std::string dtd = "<!DOCTYPE worksheet [<!ENTITY e0 \"" + std::string(1000, 'x') + "\">";
  for (int i = 1; i <= 6; ++i) {
    dtd += "<!ENTITY e" + std::to_string(i) + " \"";
    for (int k = 0; k < 10; ++k) dtd += "&e" + std::to_string(i - 1) + ";";
    dtd += "\">";
  }
  dtd += "]>";
  parts.push_back({"xl/worksheets/sheet1.xml",
                   dtd + sheet("<row r=\"1\">" + inline_cell("A1", "&e6;") + "</row>")});
  write_zip(path, parts);
  Run r = import_limited(path);
  CHECK(r.exited);
  CHECK(r.code == 2);
  CHECK(r.err ==
        path +
            ":1:1: error[E5111]: the part xl/worksheets/sheet1.xml declares a document type "
            "(<!DOCTYPE …>), which an Office file never has: not read (no entity in it is "
            "expanded)\n");
}

TEST_CASE("each workbook-wide limit is refused with its own located message", "[import][hostile]") {
  // Two sheets of a 2 × 4 table each, in two parts.
  Parts parts = workbook({"worksheets/sheet1.xml", "worksheets/sheet2.xml"});
  parts.push_back({"xl/worksheets/sheet1.xml", sheet(small_table())});
  parts.push_back({"xl/worksheets/sheet2.xml",
                   sheet(small_table(), "<mergeCell ref=\"A2:D2\"/><mergeCell ref=\"A1:B2\"/>")});
  std::string path = temp_path("limits.xlsx");
  write_zip(path, parts);
  std::ifstream in(path, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  {
    std::vector<Diagnostic> ds;
    auto grid = read_xlsx("limits.xlsx", bytes, ds, GridLimits{});
    REQUIRE(grid);
    CHECK(ds.empty());
    CHECK(grid->tables.size() == 2);
  }
  // Each limit lowered in turn, with the message it gets.
  struct Case {
    std::size_t GridLimits::*limit;
    std::size_t value;
    std::string_view code;
    std::string message;
  };
  // Every limit but one part's size is a limit for the whole file, with one
  // code; the part's size has the code it has for one part of any workbook.
  const std::string_view whole_file = "E5109", one_part = "E5103";
  const Case cases[] = {
      // 8 cells in one sheet, the 9th is the second sheet's A1: the limit is for
      // the whole file, not each sheet.
      {&GridLimits::cells, 8, whole_file,
       "limits.xlsx:1:1: error[E5109]: S2!A1: more cells than the limit of 8 "
       "(a limit for the whole file, docs/limits.md): not read\n"},
      {&GridLimits::text_bytes, 60, whole_file,
       "limits.xlsx:2:1: error[E5109]: S1!B2: the cells' text comes to more than 60 bytes "
       "(a limit for the whole file, shared strings counted at each use, docs/limits.md): "
       "not read\n"},
      // A2:D2 shows 产出指标 in its first cell, A1:B2 一级指标 down two rows.
      {&GridLimits::merged_area, 2, whole_file,
       "limits.xlsx:1:1: error[E5109]: S2!A1:B2: the merged ranges cover more cells than "
       "the limit of 2 (a limit for the whole file, docs/limits.md): not read\n"},
      {&GridLimits::row_slots, 15, whole_file,
       "limits.xlsx:2:1: error[E5109]: S2!D2: the rows, each as wide as its last cell, hold "
       "more cells than the limit of 15 (a limit for the whole file, docs/limits.md): "
       "not read\n"},
      // workbook.xml, its relationships, two sheets.
      {&GridLimits::parts, 3, whole_file,
       "limits.xlsx:1:1: error[E5109]: xl/worksheets/sheet2.xml: more parts than the limit "
       "of 3 (a limit for the whole file, docs/limits.md): not read\n"},
      {&GridLimits::part_bytes, 100, one_part,
       "limits.xlsx:1:1: error[E5103]: the part xl/workbook.xml is larger than 100 bytes "
       "unpacked\n"},
      {&GridLimits::total_bytes, 1000, whole_file,
       "limits.xlsx:1:1: error[E5109]: xl/worksheets/sheet1.xml: the parts read come to "
       "more than 1000 bytes unpacked (a limit for the whole file, docs/limits.md): "
       "not read\n"},
  };
  for (const Case& c : cases) {
    GridLimits limits;
    limits.*c.limit = c.value;
    std::vector<Diagnostic> ds;
    CHECK_FALSE(read_xlsx("limits.xlsx", bytes, ds, limits));
    REQUIRE(ds.size() == 1);
    CHECK(id_of(ds[0].code) == c.code);
    CHECK(render(ds[0]) == c.message);
  }
}

TEST_CASE("a workbook of 100 000 indicator rows imports within 300 MB of address space",
          "[import][scale]") {
  // A province's projects in one sheet, written by libxlsxwriter in its
  // constant-memory mode (a real writer): 100 000 indicators under a header.
  std::string path = temp_path("100000-rows.xlsx");
  lxw_workbook_options options = {LXW_TRUE, nullptr, LXW_FALSE};
  lxw_workbook* wb = workbook_new_opt(path.c_str(), &options);
  lxw_worksheet* ws = workbook_add_worksheet(wb, "指标");
  const char* head[] = {"一级指标",   "二级指标", "三级指标", "年度指标值",
                        "实际完成值", "分值",     "得分"};
  for (int c = 0; c < 7; ++c) worksheet_write_string(ws, 0, lxw_col_t(c), head[c], nullptr);
  for (int r = 1; r <= 100000; ++r) {
    std::string name = "项目" + std::to_string(r) + "新建供水管网长度";
    worksheet_write_string(ws, lxw_row_t(r), 0, "产出指标", nullptr);
    worksheet_write_string(ws, lxw_row_t(r), 1, ("数量指标" + std::to_string(r)).c_str(), nullptr);
    worksheet_write_string(ws, lxw_row_t(r), 2, name.c_str(), nullptr);
    worksheet_write_string(ws, lxw_row_t(r), 3, "≥120公里", nullptr);
    worksheet_write_string(ws, lxw_row_t(r), 4, "126公里", nullptr);
    worksheet_write_number(ws, lxw_row_t(r), 5, 20, nullptr);
    worksheet_write_number(ws, lxw_row_t(r), 6, 18.5, nullptr);
  }
  REQUIRE(workbook_close(wb) == LXW_NO_ERROR);
  // 2.8 MB packed, 200 MB resident at most (/usr/bin/time -f %M: 199 MB).
  Run r = import_limited(path, 300ul << 20);
  CHECK(r.exited);
  CHECK(r.code == 0);
  CHECK_THAT(r.err, Catch::Contains("  indicators:                   100000 (100000 written, "
                                    "100000 with a target)"));
  std::filesystem::remove(path);
}
