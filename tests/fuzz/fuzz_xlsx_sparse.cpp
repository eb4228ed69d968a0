// libFuzzer target: sparse and hostile workbooks (issue 15, item 2). The bytes
// are a small program that writes an xlsx, so that a few bytes can place a cell
// at D1048576, merge A1:XFD1048576, point forty sheets at one part or use one
// long shared string in many cells — what the byte-level fuzz_import would need
// a whole valid zip to find.
//
//   byte 0        sheets in the workbook (1 – 8), all naming one part when bit 3
//                 of byte 1 is set, else one part each
//   byte 1        bits 0–2: how long the shared string is (0 – 7 → 2^(2k) bytes)
//   the rest      instructions of 6 bytes: a kind (a text cell, a shared-string
//                 cell, a number, a merge, a row of cells), a row (3 bytes, up
//                 to 1048576), a column (2 bytes, up to 16384)
//
// The workbook is read with small GridLimits, so every limit is reached often.
// Invariants: nothing crashes or throws; every diagnostic is located; a
// workbook that is read keeps within the limits (cells, merged area, text);
// one that is refused has an error; the grid's rows go through rows_from_grid.

#include <zip.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "engine/base/limits.hpp"
#include "engine/import/grid.hpp"
#include "engine/import/xlsx.hpp"
#include "tests/fuzz/fuzz_common.hpp"

using namespace indicheck;

namespace {

constexpr const char* kMain = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

// The column letters of a 0-based column ("A", "XFD").
std::string letters(unsigned col) {
  std::string s;
  for (unsigned c = col + 1; c > 0; c = (c - 1) / 26) s.insert(s.begin(), char('A' + (c - 1) % 26));
  return s;
}

// The parts zipped, stored (no compression: the fuzzer's time goes to the reader).
std::string zipped(const std::vector<std::pair<std::string, std::string>>& parts) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
  if (!buffer) fuzz::broken("libzip: no buffer");
  zip_source_keep(buffer);
  zip_t* archive = zip_open_from_source(buffer, ZIP_TRUNCATE, &error);
  if (!archive) fuzz::broken("libzip: cannot open the buffer");
  for (const auto& [name, text] : parts) {
    zip_source_t* part = zip_source_buffer(archive, text.data(), text.size(), 0);
    zip_int64_t index = zip_file_add(archive, name.c_str(), part, ZIP_FL_ENC_UTF_8);
    if (index < 0) fuzz::broken("libzip: cannot add a part");
    zip_set_file_compression(archive, zip_uint64_t(index), ZIP_CM_STORE, 0);
  }
  if (zip_close(archive) != 0) fuzz::broken("libzip: cannot write the archive");
  std::string out;
  if (zip_source_open(buffer) == 0) {
    zip_source_seek(buffer, 0, SEEK_END);
    out.resize(std::size_t(zip_source_tell(buffer)));
    zip_source_seek(buffer, 0, SEEK_SET);
    zip_source_read(buffer, out.data(), out.size());
    zip_source_close(buffer);
  }
  zip_source_free(buffer);
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 2) return 0;
  const unsigned sheets = data[0] % 8 + 1;
  const bool one_part = data[1] & 8;
  const std::size_t shared_bytes = std::size_t(1) << (2 * (data[1] & 7));

  // Cells and merges, each a few bytes; rows in the order given (a reader
  // must not assume them sorted).
  std::string rows, merges;
  for (std::size_t at = 2; at + 6 <= size; at += 6) {
    const std::uint8_t* in = data + at;
    unsigned row = (unsigned(in[1]) << 16 | unsigned(in[2]) << 8 | in[3]) % 1048576;
    unsigned col = (unsigned(in[4]) << 8 | in[5]) % 16384;
    std::string ref = letters(col) + std::to_string(row + 1);
    switch (in[0] % 5) {
      case 0:
        rows += "<row r=\"" + std::to_string(row + 1) + "\"><c r=\"" + ref +
                "\" t=\"inlineStr\"><is><t>三级指标</t></is></c></row>";
        break;
      case 1:
        rows += "<row r=\"" + std::to_string(row + 1) + "\"><c r=\"" + ref +
                "\" t=\"s\"><v>0</v></c></row>";
        break;
      case 2:
        rows += "<row r=\"" + std::to_string(row + 1) + "\"><c r=\"" + ref + "\"><v>" +
                std::to_string(in[5]) + ".5</v></c></row>";
        break;
      case 3: {
        unsigned row2 = row + (unsigned(in[0]) << 12) % (1048576 - row);
        unsigned col2 = col + unsigned(in[5]) % (16384 - col);
        merges +=
            "<mergeCell ref=\"" + ref + ":" + letters(col2) + std::to_string(row2 + 1) + "\"/>";
        break;
      }
      default:  // a row of 8 text cells from the column on
        rows += "<row r=\"" + std::to_string(row + 1) + "\">";
        for (unsigned c = col; c < col + 8 && c < 16384; ++c)
          rows += "<c r=\"" + letters(c) + std::to_string(row + 1) +
                  "\" t=\"inlineStr\"><is><t>≥95%</t></is></c>";
        rows += "</row>";
        break;
    }
  }
  std::string sheet =
      std::string("<worksheet xmlns=\"") + kMain + "\"><sheetData>" + rows + "</sheetData>" +
      (merges.empty() ? "" : "<mergeCells>" + merges + "</mergeCells>") + "</worksheet>";

  std::vector<std::pair<std::string, std::string>> parts;
  std::string workbook = std::string("<workbook xmlns=\"") + kMain + "\" xmlns:r=\"r\"><sheets>";
  std::string rels = "<Relationships>";
  for (unsigned s = 1; s <= sheets; ++s) {
    std::string id = "rId" + std::to_string(s);
    workbook += "<sheet name=\"S" + std::to_string(s) + "\" r:id=\"" + id + "\"/>";
    std::string target = "worksheets/sheet" + std::to_string(one_part ? 1 : s) + ".xml";
    rels += "<Relationship Id=\"" + id + "\" Target=\"" + target + "\"/>";
    if (s == 1 || !one_part) parts.emplace_back("xl/" + target, sheet);
  }
  parts.emplace_back("xl/workbook.xml", workbook + "</sheets></workbook>");
  parts.emplace_back("xl/_rels/workbook.xml.rels", rels + "</Relationships>");
  parts.emplace_back("xl/sharedStrings.xml", std::string("<sst xmlns=\"") + kMain + "\"><si><t>" +
                                                 std::string(shared_bytes, 'x') +
                                                 "</t></si></sst>");
  const std::string bytes = zipped(parts);

  GridLimits limits;
  limits.cells = 4096;
  limits.merged_area = 1 << 16;
  limits.row_slots = 1 << 16;
  limits.text_bytes = 1 << 20;
  limits.parts = 16;
  limits.part_bytes = 4 << 20;
  limits.total_bytes = 8 << 20;
  std::vector<Diagnostic> ds;
  auto grid = read_xlsx("fuzz.xlsx", bytes, ds, limits);
  fuzz::check_diagnostics(ds, std::size_t(1) << 21);
  if (!grid) {
    fuzz::require(has_errors(ds), "a workbook refused without an error");
    return 0;
  }
  std::size_t cells = 0, text = 0;
  for (const auto& table : grid->tables) {
    cells += table.cells.size();
    for (const auto& cell : table.cells) text += cell.text.size();
  }
  fuzz::require(cells <= limits.cells, "a workbook read past the cell limit");
  fuzz::require(text <= limits.text_bytes, "a workbook read past the text limit");
  auto source_rows = rows_from_grid("fuzz.xlsx", *grid, grid->tables.size() > 1);
  std::size_t slots = 0;
  for (const auto& r : source_rows) slots += r.cells.size();
  fuzz::require(slots <= limits.row_slots + limits.cells,
                "the rows of a workbook past the row-slot limit");
  return 0;
}
