// Word documents (.docx): the tables of word/document.xml, streamed through
// the Office package reader (package.hpp) into the sparse grid. A cell's
// w:gridSpan is a merged range across the grid columns it spans; w:vMerge
// "restart" opens a merged range down its column that each following
// "continue" cell in that column extends. Paragraphs outside tables (a title,
// 项目名称 lines) are kept as one-cell rows of a "text" table, in document order.

#include <algorithm>
#include <map>

#include "engine/base/message.hpp"
#include "engine/import/package.hpp"
#include "engine/import/readers.hpp"

namespace indicheck {

namespace {

struct DocxCell {
  unsigned col = 0, span = 1;
  std::string text;
  std::size_t length = 0;
  enum class VMerge { none, restart, next } vmerge = VMerge::none;
};

struct DocxRow {
  unsigned skip = 0;  // w:gridBefore: grid columns left empty before the first cell
  std::vector<DocxCell> cells;
};

struct DocxTable {
  std::string name;
  unsigned order = 0;  // where it starts among the tables and text runs
  std::vector<DocxRow> rows;
  bool in_cell = false;
};

struct DocxReader {
  GridBuilder& grid;
  GridLimits limits;
  std::vector<DocxTable> open;
  std::map<unsigned, DocxTable> done;  // by DocxTable::order
  unsigned tables_seen = 0, order = 0;
  DocxTable body_text;  // paragraphs outside tables since the last table
  std::string paragraph;
  bool in_t = false, in_paragraph = false;
  std::size_t cells = 0;

  DocxCell* cell() {
    if (open.empty() || !open.back().in_cell) return nullptr;
    return &open.back().rows.back().cells.back();
  }

  void append(std::string_view text) {
    if (DocxCell* c = cell()) {
      c->length += text.size();
      if (c->text.size() <= kImportLimits.max_cell_bytes) c->text += text;
    } else if (paragraph.size() <= kImportLimits.max_cell_bytes) {
      paragraph += text;
    }
  }

  // A run of body paragraphs becomes a table of one-cell rows before the
  // table that follows it.
  void flush_text() {
    if (body_text.rows.empty()) return;
    body_text.name = tr("text {}", tables_seen + 1);
    done[++order] = std::move(body_text);
    body_text = DocxTable{};
  }

  bool visit(const XmlNode& n) {
    if (n.is_start("tbl")) {
      if (open.empty()) flush_text();
      DocxTable t;
      t.name = tr("table {}", ++tables_seen);
      t.order = ++order;
      open.push_back(std::move(t));
      return true;
    }
    if (n.is_end("tbl") && !open.empty()) {
      done[open.back().order] = std::move(open.back());
      open.pop_back();
      return true;
    }
    if (!open.empty()) {
      DocxTable& t = open.back();
      if (n.is_start("tr")) {
        t.rows.emplace_back();
        t.in_cell = false;
        return true;
      }
      if (n.is_start("gridBefore") && !t.rows.empty() && !t.in_cell) {
        t.rows.back().skip = std::min(1000u, unsigned(std::atoi(n.attribute("val").c_str())));
        return true;
      }
      if (n.is_start("tc")) {
        if (t.rows.empty()) t.rows.emplace_back();
        if (++cells > limits.cells) {
          grid.fail(Code::read_limit_exceeded,
                    tr("{}: more cells than the limit of {} (a limit for the whole file, "
                       "docs/limits.md): not read",
                       t.name, limits.cells));
          return false;
        }
        t.rows.back().cells.emplace_back();
        t.in_cell = !n.empty_element();
        return true;
      }
      if (n.is_end("tc")) {
        t.in_cell = false;
        return true;
      }
      if (DocxCell* c = cell()) {
        if (n.is_start("gridSpan")) {
          int span = std::atoi(n.attribute("val").c_str());
          c->span = unsigned(std::clamp(span, 1, 1000));
          return true;
        }
        if (n.is_start("vMerge")) {
          c->vmerge =
              n.attribute("val") == "restart" ? DocxCell::VMerge::restart : DocxCell::VMerge::next;
          return true;
        }
      }
    }
    if (n.is_start("p") && !n.empty_element()) {
      in_paragraph = true;
      if (DocxCell* c = cell(); c && !c->text.empty()) append("\n");
      return true;
    }
    if (n.is_end("p")) {
      in_paragraph = false;
      if (!cell() && open.empty()) {
        std::string text = paragraph;
        paragraph.clear();
        auto b = text.find_first_not_of(" \n"), e = text.find_last_not_of(" \n");
        if (b != std::string::npos) {
          body_text.rows.emplace_back();
          DocxCell c;
          c.text = text.substr(b, e - b + 1);
          c.length = c.text.size();
          body_text.rows.back().cells.push_back(std::move(c));
        }
      }
      return true;
    }
    if (n.is_start("t") && !n.empty_element()) {
      in_t = true;
      return true;
    }
    if (n.is_end("t")) {
      in_t = false;
      return true;
    }
    if (in_t && n.is_text()) {
      append(n.text());
      return true;
    }
    // A line break inside a paragraph; a tab as a space (a tab separates cells
    // in the rows the interpreter reads).
    if (in_paragraph && (n.is_start("br") || n.is_start("cr"))) append("\n");
    if (in_paragraph && n.is_start("tab")) append(" ");
    return true;
  }
};

// A table's cells at their grid columns; gridSpan and vMerge as merged ranges.
bool emit(GridBuilder& grid, const DocxTable& t) {
  grid.start_table(t.name);
  // Per grid column: the first row and the width of the vertical merge open there.
  std::map<unsigned, std::pair<unsigned, unsigned>> vertical;
  auto close = [&](unsigned col, unsigned last_row) {
    auto [first, span] = vertical.at(col);
    if (last_row > first || span > 1) grid.add_merge({first, col, last_row, col + span - 1});
    vertical.erase(col);
  };
  for (unsigned r = 0; r < t.rows.size(); ++r) {
    const DocxRow& row = t.rows[r];
    std::vector<unsigned> at;  // each cell's grid column
    std::size_t col = row.skip;
    for (const DocxCell& c : row.cells) {
      at.push_back(unsigned(col));
      col += c.span;
    }
    if (col > 16384) {
      grid.fail(Code::read_sheet_invalid,
                tr("{}: a row wider than 16384 columns: not read", t.name), r + 1);
      return false;
    }
    // A merge the row does not continue ends on the row above.
    std::vector<unsigned> ended;
    for (const auto& [column, open] : vertical) {
      bool continued = false;
      for (std::size_t i = 0; i < at.size(); ++i)
        continued = continued || (at[i] == column && row.cells[i].vmerge == DocxCell::VMerge::next);
      if (!continued) ended.push_back(column);
    }
    for (unsigned column : ended) close(column, r - 1);
    for (std::size_t i = 0; i < row.cells.size(); ++i) {
      const DocxCell& c = row.cells[i];
      // A continued cell: its text (normally none) is not shown; the range grows.
      if (c.vmerge == DocxCell::VMerge::next && vertical.count(at[i])) continue;
      std::string text = c.text;
      while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
      if ((!text.empty() || c.length > kImportLimits.max_cell_bytes) &&
          !grid.add_cell(r, at[i], text, r + 1,
                         c.length > kImportLimits.max_cell_bytes ? c.length : 0))
        return false;
      if (c.vmerge == DocxCell::VMerge::restart)
        vertical[at[i]] = {r, c.span};
      else if (c.span > 1)
        grid.add_merge({r, at[i], r, at[i] + c.span - 1});
    }
  }
  while (!vertical.empty()) close(vertical.begin()->first, unsigned(t.rows.size()) - 1);
  return grid.finish_table(0);
}

}  // namespace

std::optional<Grid> read_docx(const std::string& file, const std::string& bytes,
                              std::vector<Diagnostic>& diagnostics, const GridLimits& limits) {
  GridBuilder grid(file, diagnostics, limits);
  Package package(bytes, grid, N_("docx document"));
  if (!package.opened()) return std::nullopt;
  DocxReader reader{grid, limits, {}, {}, 0, 0, {}, {}, false, false, 0};
  if (!package.read("word/document.xml", [&](const XmlNode& n) { return reader.visit(n); }))
    return std::nullopt;
  reader.flush_text();
  for (const auto& [order, table] : reader.done)
    if (!emit(grid, table)) return std::nullopt;
  grid.set_encoding("utf-8 (docx)");
  Grid out = grid.take();
  if (reader.tables_seen == 0) {
    diagnostics.push_back(make_diagnostic(Code::read_no_table, file, 1, 1,
                                          tr("the document has no table (w:tbl): nothing to "
                                             "import")));
    return std::nullopt;
  }
  return out;
}

}  // namespace indicheck
