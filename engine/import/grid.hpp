#pragma once
// The one model every reader produces: a sparse grid. A table (a sheet, an HTML
// or docx table, a PDF page) holds only the cells that exist, each at its row and
// column, and its merged ranges as ranges; nothing is filled or copied while
// reading. A hostile file (a merge over a million rows, a cell at XFD1048576, one
// huge shared string used everywhere) therefore costs what it holds, and the
// workbook-wide limits below refuse it, each with a located message, before
// anything grows with what it claims.
//
//   reader (xlsx / xls / html / docx / pdf) → GridBuilder → Grid → rows_from_grid → interpret

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "engine/base/diagnostic.hpp"
#include "engine/base/limits.hpp"
#include "engine/import/import.hpp"

namespace indicheck {

struct GridCell {
  unsigned row = 0, col = 0;  // 0-based within its table
  std::string text;           // as shown; "" when `oversized`
  // The cell's text was longer than ImportLimits::max_cell_bytes: not kept, its row is
  // listed as skipped (as a text line over ImportLimits::max_line_bytes is).
  std::size_t oversized = 0;
};

struct GridMerge {
  unsigned first_row = 0, first_col = 0, last_row = 0, last_col = 0;  // 0-based, inclusive
};

struct GridTable {
  std::string name;             // the sheet's name; "table 2"; "page 3"
  std::vector<GridCell> cells;  // ordered by row, then column; one per position
  std::vector<GridMerge> merges;
  // The line a row is reported at, where it is not row + 1 (an HTML <tr>'s line).
  std::vector<unsigned> row_lines;
  unsigned line_of(unsigned row) const {
    return row < row_lines.size() && row_lines[row] ? row_lines[row] : row + 1;
  }
};

// Something a reader decided that the summary lists as an assumption.
struct GridNote {
  unsigned line = 0;  // 0: about the whole file
  std::string table;
  std::string text;
};

struct Grid {
  std::vector<GridTable> tables;
  std::vector<GridNote> notes;
  std::string encoding;  // as the summary names it: "utf-8 (xlsx)", "gb18030 (…)"
};

// Collects a reader's tables while charging every limit. Each method returns
// false once a limit is passed, after adding one error at `line` naming the
// limit, what passed it and where; the reader stops there.
class GridBuilder {
 public:
  GridBuilder(std::string file, std::vector<Diagnostic>& diagnostics, GridLimits limits = {});

  void start_table(std::string name);
  GridTable& table() { return grid_.tables.back(); }
  // `length`: the text's whole length where a reader kept only its start (a
  // cell longer than ImportLimits::max_cell_bytes is not kept in any case); every cell's
  // length is charged to text_bytes, a shared string at each use.
  bool add_cell(unsigned row, unsigned col, std::string_view text, unsigned line,
                std::size_t length = 0);
  // Kept as a range; what it costs is charged by finish_table, once the
  // table's cells are known.
  void add_merge(const GridMerge& merge) { table().merges.push_back(merge); }
  void set_row_line(unsigned row, unsigned line);
  // One part (or file) about to be read: counted against `parts`.
  bool add_part(const std::string& name);
  // Bytes of a part unpacked so far; false past part_bytes or total_bytes.
  bool add_part_bytes(const std::string& name, std::size_t bytes);
  // Orders the current table's cells, keeps the last of two at one position, and
  // charges its merged area and row slots. An empty table is dropped.
  bool finish_table(unsigned line);
  void note(unsigned line, std::string table, std::string text);
  void set_encoding(std::string encoding) { grid_.encoding = std::move(encoding); }
  // The error a reader found itself, at `line` of the file.
  void fail(Code code, std::string message, unsigned line = 1);

  Grid take() { return std::move(grid_); }
  const std::string& file() const { return file_; }

 private:
  bool over(const char* what, std::size_t limit, std::string where, unsigned line);

  std::string file_;
  std::vector<Diagnostic>& diagnostics_;
  GridLimits limits_;
  Grid grid_;
  std::size_t cells_ = 0, merged_ = 0, slots_ = 0, text_ = 0, parts_ = 0, total_bytes_ = 0;
  std::size_t part_bytes_ = 0;
  std::string part_;
};

// The grid as the interpreter reads it: one row for each row that has a cell;
// a merged range's text carried down its first column within those rows (the
// label of a block), written once across columns (as a CSV export has it); a
// row with an oversized cell listed as refused. Tables are read in order;
// `name_tables` puts each table's name on its rows (a workbook of several sheets).
std::vector<SourceRow> rows_from_grid(const std::string& file, const Grid& grid, bool name_tables);

// "C7" for row 6, column 2 (0-based).
std::string cell_reference(unsigned row, unsigned col);

}  // namespace indicheck
