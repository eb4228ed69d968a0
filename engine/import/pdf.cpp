// PDF documents read with poppler's C++ API (no external program): each page's
// text boxes with their positions (page::text_list), rebuilt into rows and
// columns.
//
//   boxes → lines (boxes whose vertical extents overlap)
//         → cells (boxes in a line closer than a character apart)
//         → columns (the gutters no cell of a multi-cell line crosses, found
//           over the whole document, so a table keeps its columns across pages)
//         → rows (a line with at most half the cells of the row above, each
//           under a cell of that row that runs to its column's edge — a cell
//           wrapped over lines, or cut by a page break — joins that row)
//
// A PDF has no cells, only text placed on a page: a merged label is printed
// once (the interpreter carries it down), and cells whose text is centred
// vertically beside a wrapped cell can come out as rows of their own.

#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>
#include <regex>

#include "engine/base/message.hpp"
#include "engine/import/readers.hpp"

namespace indicheck {

namespace {

struct Box {
  double left, top, right, bottom;
  std::string text;
  bool space_after;
};

struct Cell {
  double left, right;
  std::string text;
  unsigned column = 0;
};

struct Line {
  unsigned page;  // 0-based
  double top, bottom;
  std::vector<Box> boxes;  // left to right
  std::vector<Cell> cells;
};

struct Row {
  unsigned page, line;  // the page it starts on; its line number there (1-based)
  std::map<unsigned, std::string> cells;
  std::map<unsigned, double> last_right;  // where each cell's last line of text ends
};

std::string as_utf8(const poppler::ustring& s) {
  poppler::byte_array bytes = s.to_utf8();
  return std::string(bytes.begin(), bytes.end());
}

// A line's boxes as cells: a box joins the cell before it when it is closer
// than most of a character's width and (once columns are known) starts in the
// same column.
void make_cells(Line& line, const std::vector<double>* starts);

// A page's boxes as lines, top to bottom (boxes whose vertical centre falls in
// the line's band).
std::vector<Line> lines_of(unsigned page, std::vector<Box> boxes) {
  std::sort(boxes.begin(), boxes.end(),
            [](const Box& a, const Box& b) { return a.top + a.bottom < b.top + b.bottom; });
  std::vector<Line> lines;
  for (Box& b : boxes) {
    double centre = (b.top + b.bottom) / 2;
    if (lines.empty() || centre < lines.back().top || centre > lines.back().bottom)
      lines.push_back({page, b.top, b.bottom, {}, {}});
    lines.back().boxes.push_back(std::move(b));
  }
  for (Line& l : lines) {
    std::sort(l.boxes.begin(), l.boxes.end(),
              [](const Box& a, const Box& b) { return a.left < b.left; });
    make_cells(l, nullptr);
  }
  return lines;
}

// Column boundaries, from the lines with the most cells (a table's header and
// its full rows; a title, a page number or a label merged across two columns
// would close a gutter): the left edges of the spans of text their cells cover.
std::vector<double> column_starts(const std::vector<Line>& lines) {
  std::size_t most = 0;
  for (const Line& l : lines) most = std::max(most, l.cells.size());
  std::vector<std::pair<double, double>> spans;
  for (const Line& l : lines)
    if (l.cells.size() == most)
      for (const Cell& c : l.cells) spans.emplace_back(c.left, c.right);
  std::sort(spans.begin(), spans.end());
  std::vector<double> starts;
  double reach = -1e9;
  for (const auto& [left, right] : spans) {
    if (left > reach) starts.push_back(left);
    reach = std::max(reach, right);
  }
  return starts;
}

// The column a cell starts in (a point of slack for rounding).
unsigned column_of(const std::vector<double>& starts, const Cell& c) {
  auto it = std::upper_bound(starts.begin(), starts.end(), c.left + 1.0);
  return it == starts.begin() ? 0 : unsigned(it - starts.begin() - 1);
}

void make_cells(Line& line, const std::vector<double>* starts) {
  line.cells.clear();
  double height = line.bottom - line.top;
  const Box* previous = nullptr;
  for (const Box& b : line.boxes) {
    Cell next{b.left, b.right, b.text, 0};
    if (previous && b.left - previous->right < 0.8 * height &&
        (!starts || column_of(*starts, line.cells.back()) == column_of(*starts, next))) {
      Cell& c = line.cells.back();
      if (previous->space_after) c.text += ' ';
      c.text += b.text;
      c.right = b.right;
    } else {
      line.cells.push_back(std::move(next));
    }
    previous = &b;
  }
}

// A line that is only a page number (第 1 页, - 1 -, 1/2, 共 2 页 …): page
// furniture, not a row.
bool page_number(const Line& l) {
  if (l.cells.size() != 1) return false;
  static const std::regex number(
      "\\s*(第\\s*[0-9]+\\s*页\\s*([,，/]?\\s*共\\s*[0-9]+\\s*页)?|[-—]\\s*[0-9]+\\s*[-—]|"
      "[0-9]+\\s*/\\s*[0-9]+|[0-9]+)\\s*");
  return std::regex_match(l.cells[0].text, number);
}

}  // namespace

std::optional<Grid> read_pdf(const std::string& file, const std::string& bytes,
                             std::vector<Diagnostic>& diagnostics, const GridLimits& limits) {
  GridBuilder grid(file, diagnostics, limits);
  // poppler reports damage on stderr by default: keep its first complaint for
  // our own message instead.
  std::string complaint;
  poppler::set_debug_error_function(
      [](const std::string& message, void* closure) {
        auto* c = static_cast<std::string*>(closure);
        if (c->empty()) *c = message;
      },
      &complaint);
  if (bytes.size() > std::size_t(INT32_MAX)) {
    grid.fail(Code::read_part_too_large, tr("the PDF is larger than 2 GiB: not read"));
    return std::nullopt;
  }
  std::unique_ptr<poppler::document> doc(
      poppler::document::load_from_raw_data(bytes.data(), int(bytes.size())));
  if (!doc) {
    grid.fail(Code::read_cannot_open,
              complaint.empty()
                  ? tr("poppler cannot read the PDF: a damaged file?")
                  : tr("poppler cannot read the PDF ({}): a damaged file?", complaint));
    return std::nullopt;
  }
  if (doc->is_locked()) {
    grid.fail(Code::read_cannot_open, tr("the PDF is password-protected: not read"));
    return std::nullopt;
  }
  int pages = doc->pages();
  std::vector<Line> lines;
  std::size_t boxes = 0;
  for (int p = 0; p < pages; ++p) {
    if (!grid.add_part(tr("page {}", p + 1))) return std::nullopt;
    std::unique_ptr<poppler::page> page(doc->create_page(p));
    if (!page) continue;
    std::vector<Box> page_boxes;
    for (const poppler::text_box& b : page->text_list()) {
      std::string text = as_utf8(b.text());
      if (text.empty()) continue;
      if (++boxes > limits.cells) {
        grid.fail(Code::read_limit_exceeded,
                  tr("{}: more text boxes than the limit of {} (a limit for the whole file, "
                     "docs/limits.md): not read",
                     tr("page {}", p + 1), limits.cells));
        return std::nullopt;
      }
      poppler::rectf r = b.bbox();
      page_boxes.push_back(
          {r.left(), r.top(), r.right(), r.bottom(), std::move(text), b.has_space_after()});
    }
    auto page_lines = lines_of(unsigned(p), std::move(page_boxes));
    lines.insert(lines.end(), std::make_move_iterator(page_lines.begin()),
                 std::make_move_iterator(page_lines.end()));
  }
  std::vector<double> starts = column_starts(lines);
  // Cells again, now that columns are known: boxes set close together in
  // neighbouring columns are two cells.
  for (Line& l : lines) make_cells(l, &starts);
  std::size_t before = lines.size();
  std::vector<std::string> dropped;
  lines.erase(std::remove_if(lines.begin(), lines.end(),
                             [&](const Line& l) {
                               if (!page_number(l)) return false;
                               dropped.push_back(l.cells[0].text);
                               return true;
                             }),
              lines.end());
  if (lines.size() != before)
    grid.note(
        0, "",
        tr("{} page number line(s) not read ('{}' …)", before - lines.size(), dropped.front()));
  // How far right each column's text reaches in cells that stay within it:
  // a cell whose line ends there (within a character or two) was wrapped.
  std::map<unsigned, double> column_reach;
  for (const Line& l : lines)
    for (const Cell& c : l.cells) {
      unsigned column = column_of(starts, c);
      if (column + 1 < starts.size() && c.right > starts[column + 1]) continue;
      double& reach = column_reach[column];
      reach = std::max(reach, c.right);
    }
  std::vector<Row> rows;
  std::map<unsigned, unsigned> line_on_page;
  for (const Line& l : lines) {
    unsigned number = ++line_on_page[l.page];
    double height = l.bottom - l.top;
    std::map<unsigned, std::string> cells;
    std::map<unsigned, double> right;
    for (const Cell& c : l.cells) {
      unsigned column = column_of(starts, c);
      std::string& text = cells[column];
      text += (text.empty() ? "" : " ") + c.text;
      right[column] = std::max(right[column], c.right);
    }
    // Half the row's cells at most: a row of short figures under a row of
    // short figures is a row of its own.
    bool continues = !rows.empty() && cells.size() * 2 <= rows.back().cells.size() &&
                     std::all_of(cells.begin(), cells.end(), [&](const auto& cell) {
                       auto above = rows.back().last_right.find(cell.first);
                       return above != rows.back().last_right.end() &&
                              above->second >= column_reach[cell.first] - 1.5 * height;
                     });
    if (continues) {
      for (const auto& [column, text] : cells) {
        rows.back().cells[column] += " " + text;
        rows.back().last_right[column] = right[column];
      }
      continue;
    }
    rows.push_back({l.page, number, std::move(cells), std::move(right)});
  }
  // One table for each page, a row on the page it starts on.
  for (std::size_t i = 0; i < rows.size();) {
    unsigned page = rows[i].page;
    grid.start_table(tr("page {}", page + 1));
    unsigned r = 0;
    for (; i < rows.size() && rows[i].page == page; ++i, ++r) {
      grid.set_row_line(r, rows[i].line);
      for (const auto& [column, text] : rows[i].cells)
        if (!grid.add_cell(r, column, text, rows[i].line)) return std::nullopt;
    }
    if (!grid.finish_table(0)) return std::nullopt;
  }
  grid.set_encoding("utf-8 (pdf)");
  Grid out = grid.take();
  if (out.tables.empty()) {
    diagnostics.push_back(make_diagnostic(
        Code::read_no_table, file, 1, 1,
        tr("the PDF has no text ({} page(s)): a scanned document? indicheck reads the text of a "
           "PDF, not images",
           pages)));
    return std::nullopt;
  }
  return out;
}

}  // namespace indicheck
