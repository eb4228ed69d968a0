// The sparse grid and its workbook-wide limits (grid.hpp).

#include "engine/import/grid.hpp"

#include <algorithm>

#include "engine/base/message.hpp"

namespace indicheck {

namespace {

// A limit in bytes as a person reads it: "256 MiB", else "1000 bytes".
std::string mib(std::size_t bytes) {
  if (bytes % (1u << 20) == 0) return std::to_string(bytes >> 20) + " MiB";
  return tr("{} bytes", bytes);
}

std::string range_reference(const GridMerge& m) {
  return cell_reference(m.first_row, m.first_col) + ":" + cell_reference(m.last_row, m.last_col);
}

bool before(const GridCell& a, const GridCell& b) {
  return a.row != b.row ? a.row < b.row : a.col < b.col;
}

// The rows that have a cell, in order (cells ordered by row).
std::vector<unsigned> rows_with_cells(const GridTable& t) {
  std::vector<unsigned> rows;
  for (const GridCell& c : t.cells)
    if (rows.empty() || rows.back() != c.row) rows.push_back(c.row);
  return rows;
}

// The cell at (row, col), or nullptr.
const GridCell* find_cell(const GridTable& t, unsigned row, unsigned col) {
  GridCell key;
  key.row = row;
  key.col = col;
  auto it = std::lower_bound(t.cells.begin(), t.cells.end(), key, before);
  return it != t.cells.end() && it->row == row && it->col == col ? &*it : nullptr;
}

// A merged range as the interpreter sees it: its text carried down its first
// column, in each row of the range that has cells (a label over the rows of
// its block); across columns it stands once, as a CSV export writes it (the
// interpreter reads a row's cells one by one: a title copied into eight cells
// is no title). Only a range whose first cell has text shows anything.
// Empty when it shows nothing.
struct Shown {
  std::vector<unsigned>::const_iterator first, last;  // rows with cells in the range
  unsigned first_col = 0, last_col = 0;
  const GridCell* anchor = nullptr;
  std::size_t area() const {
    return anchor ? std::size_t(last - first) * (last_col - first_col + 1) : 0;
  }
};

Shown shown(const GridTable& t, const std::vector<unsigned>& rows, const GridMerge& m) {
  Shown s;
  const GridCell* anchor = find_cell(t, m.first_row, m.first_col);
  if (!anchor || anchor->text.empty()) return s;
  s.anchor = anchor;
  s.first = std::lower_bound(rows.begin(), rows.end(), m.first_row);
  s.last = std::upper_bound(rows.begin(), rows.end(), m.last_row);
  s.first_col = s.last_col = m.first_col;
  return s;
}

}  // namespace

std::string cell_reference(unsigned row, unsigned col) {
  std::string letters;
  for (unsigned c = col + 1; c > 0; c = (c - 1) / 26)
    letters.insert(letters.begin(), char('A' + (c - 1) % 26));
  return letters + std::to_string(row + 1);
}

GridBuilder::GridBuilder(std::string file, std::vector<Diagnostic>& diagnostics, GridLimits limits)
    : file_(std::move(file)), diagnostics_(diagnostics), limits_(limits) {}

void GridBuilder::fail(Code code, std::string message, unsigned line) {
  diagnostics_.push_back(make_diagnostic(code, file_, line ? line : 1, 1, std::move(message)));
}

bool GridBuilder::over(const char* what, std::size_t limit, std::string where, unsigned line) {
  fail(Code::read_limit_exceeded,
       tr("{}: {} (a limit for the whole file, docs/limits.md): not read", where,
          tr(fmt::runtime(what), limit)),
       line);
  return false;
}

void GridBuilder::start_table(std::string name) {
  grid_.tables.emplace_back();
  grid_.tables.back().name = std::move(name);
}

void GridBuilder::set_row_line(unsigned row, unsigned line) {
  auto& lines = table().row_lines;
  if (lines.size() <= row) lines.resize(std::size_t(row) + 1, 0);
  lines[row] = line;
}

bool GridBuilder::add_cell(unsigned row, unsigned col, std::string_view text, unsigned line,
                           std::size_t length) {
  length = std::max(length, text.size());
  GridTable& t = table();
  // Built only for a message: this runs for every cell of a workbook.
  auto where = [&] { return t.name + "!" + cell_reference(row, col); };
  if (++cells_ > limits_.cells)
    return over(N_("more cells than the limit of {}"), limits_.cells, where(), line);
  text_ += length;
  if (text_ > limits_.text_bytes) {
    fail(Code::read_limit_exceeded,
         tr("{}: the cells' text comes to more than {} (a limit for the whole file, shared "
            "strings counted at each use, docs/limits.md): not read",
            where(), mib(limits_.text_bytes)),
         line);
    return false;
  }
  GridCell cell;
  cell.row = row;
  cell.col = col;
  if (length > kImportLimits.max_cell_bytes)
    cell.oversized = length;
  else
    cell.text = std::string(text);
  t.cells.push_back(std::move(cell));
  return true;
}

bool GridBuilder::add_part(const std::string& name) {
  part_ = name;
  part_bytes_ = 0;
  if (++parts_ > limits_.parts)
    return over(N_("more parts than the limit of {}"), limits_.parts, name, 1);
  return true;
}

bool GridBuilder::add_part_bytes(const std::string& name, std::size_t bytes) {
  part_bytes_ += bytes;
  total_bytes_ += bytes;
  if (part_bytes_ > limits_.part_bytes) {
    fail(Code::read_part_too_large,
         tr("the part {} is larger than {} unpacked", name, mib(limits_.part_bytes)));
    return false;
  }
  if (total_bytes_ > limits_.total_bytes) {
    fail(Code::read_limit_exceeded,
         tr("{}: the parts read come to more than {} unpacked (a limit for the whole file, "
            "docs/limits.md): not read",
            name, mib(limits_.total_bytes)));
    return false;
  }
  return true;
}

bool GridBuilder::finish_table(unsigned line) {
  GridTable& t = table();
  std::stable_sort(t.cells.begin(), t.cells.end(), before);
  // Two cells at one position (a damaged file): the later one is kept.
  std::vector<GridCell> unique;
  unique.reserve(t.cells.size());
  for (GridCell& c : t.cells) {
    if (!unique.empty() && unique.back().row == c.row && unique.back().col == c.col)
      unique.back() = std::move(c);
    else
      unique.push_back(std::move(c));
  }
  t.cells = std::move(unique);
  if (t.cells.empty()) {
    grid_.tables.pop_back();
    return true;
  }
  std::vector<unsigned> rows = rows_with_cells(t);
  for (const GridMerge& m : t.merges) {
    merged_ += shown(t, rows, m).area();
    if (merged_ > limits_.merged_area)
      return over(N_("the merged ranges cover more cells than the limit of {}"),
                  limits_.merged_area, t.name + "!" + range_reference(m),
                  line ? line : t.line_of(m.first_row));
  }
  // Each row as wide as its last cell or the last merged range across it.
  std::vector<unsigned> widths(rows.size(), 0);
  for (const GridCell& c : t.cells) {
    auto r = std::lower_bound(rows.begin(), rows.end(), c.row) - rows.begin();
    widths[std::size_t(r)] = std::max(widths[std::size_t(r)], c.col + 1);
  }
  for (const GridMerge& m : t.merges) {
    Shown s = shown(t, rows, m);
    if (!s.anchor) continue;
    for (auto r = s.first; r != s.last; ++r) {
      auto i = std::size_t(r - rows.begin());
      widths[i] = std::max(widths[i], s.last_col + 1);
    }
  }
  for (std::size_t i = 0; i < rows.size(); ++i) {
    slots_ += widths[i];
    if (slots_ > limits_.row_slots)
      return over(
          N_("the rows, each as wide as its last cell, hold more cells than the limit of {}"),
          limits_.row_slots, t.name + "!" + cell_reference(rows[i], widths[i] - 1),
          t.line_of(rows[i]));
  }
  return true;
}

void GridBuilder::note(unsigned line, std::string table, std::string text) {
  grid_.notes.push_back({line, std::move(table), std::move(text)});
}

std::vector<SourceRow> rows_from_grid(const std::string& file, const Grid& grid, bool name_tables) {
  std::vector<SourceRow> out;
  for (const GridTable& t : grid.tables) {
    std::vector<unsigned> rows = rows_with_cells(t);
    std::vector<SourceRow> table_rows(rows.size());
    std::vector<std::size_t> oversized(rows.size(), 0);
    for (std::size_t i = 0; i < rows.size(); ++i) {
      table_rows[i].file = file;
      table_rows[i].sheet = name_tables ? t.name : "";
      table_rows[i].line = t.line_of(rows[i]);
    }
    std::size_t r = 0;
    for (const GridCell& c : t.cells) {
      while (rows[r] != c.row) ++r;
      auto& cells = table_rows[r].cells;
      if (cells.size() <= c.col) cells.resize(std::size_t(c.col) + 1);
      cells[c.col] = c.text;
      oversized[r] = std::max(oversized[r], c.oversized);
    }
    for (const GridMerge& m : t.merges) {
      Shown s = shown(t, rows, m);
      if (!s.anchor) continue;
      for (auto row = s.first; row != s.last; ++row) {
        auto& cells = table_rows[std::size_t(row - rows.begin())].cells;
        if (cells.size() <= s.last_col) cells.resize(std::size_t(s.last_col) + 1);
        for (unsigned c = s.first_col; c <= s.last_col; ++c)
          if (cells[c].empty()) cells[c] = s.anchor->text;
      }
    }
    for (std::size_t i = 0; i < rows.size(); ++i) {
      SourceRow& row = table_rows[i];
      std::size_t bytes = 0;
      for (const std::string& c : row.cells) bytes += c.size() + 1;
      if (oversized[i] || bytes > kImportLimits.max_line_bytes) {
        row.refused = oversized[i]
                          ? tr("a cell of {} bytes, longer than the {} MiB limit: not read",
                               oversized[i], kImportLimits.max_cell_bytes >> 20)
                          : tr("a row of {} bytes, longer than the {} MiB limit: not read", bytes,
                               kImportLimits.max_line_bytes >> 20);
        row.cells.clear();
      }
      for (std::size_t c = 0; c < row.cells.size(); ++c) row.text += (c ? "\t" : "") + row.cells[c];
      out.push_back(std::move(row));
    }
  }
  return out;
}

}  // namespace indicheck
