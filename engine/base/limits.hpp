#pragma once
// Every limit on what indicheck reads, one struct per stage, in one place:
// each keeps one kind of input cheap to read and is enforced with a clear
// message. docs/limits.md lists them with what happens at each; a change here
// is a change there.

#include <cstddef>

namespace indicheck {

// One target or actual cell (engine/cell/, and every reader that hands it one).
struct CellLimits {
  std::size_t max_bytes = 4096;
  std::size_t max_digits = 60;  // in one number
  // 万/亿 stacked before a unit (万亿元); a longer chain is an unknown unit.
  std::size_t max_multiplier_chain = 3;
};

// indicheck's own table files (engine/table/).
struct TableLimits {
  std::size_t max_file_bytes = std::size_t{256} * 1024 * 1024;
  std::size_t max_line_bytes = std::size_t{1} * 1024 * 1024;
};

// Rule files and .test files (engine/rules/, engine/ruletest/).
struct RuleLimits {
  std::size_t max_file_bytes = std::size_t{1} << 20;
  unsigned max_import_depth = 16;  // 引用 within 引用
  unsigned max_files = 256;        // rule files in one set
  unsigned max_nesting = 32;       // parentheses, unary minus, figure blocks (the rule grammar)
  unsigned max_places = 20;        // decimal places in 精度
  // Every walk of an expression recurses once per level, so the built tree's
  // height is bounded, not the text: a flat sum of 20 000 terms is 20 000
  // levels (each + takes the sum before it as its left operand).
  unsigned max_expr_height = 256;
  // A walk that follows names into their 定义 (the type check, evaluation)
  // goes through at most this many 定义 in a chain, and this many levels in
  // all (ASan's frames overflowed 8 MiB of stack at about 2 000 levels).
  int max_definition_depth = 64;
  unsigned max_walk_depth = 1024;
};

// Published tables read by `import` (engine/import/).
struct ImportLimits {
  std::size_t max_line_bytes = std::size_t{1} << 20;  // one line or CSV record
  // One cell of a spreadsheet or document: longer, its row is listed as
  // skipped, as a text line over max_line_bytes is.
  std::size_t max_cell_bytes = std::size_t{1} << 20;
  unsigned max_html_columns = 16384;  // as wide as a worksheet
};

// A spreadsheet or document read by `import`, for the whole file together,
// so eight sheets naming one part or a thousand small tables cannot multiply
// a per-table allowance. GridBuilder (engine/import/grid.hpp) takes them as
// an option: tests pass smaller ones.
struct GridLimits {
  std::size_t cells = 4u << 20;          // cells that exist, in all tables
  std::size_t merged_area = 4u << 20;    // cells merged ranges cover, clipped to the content
  std::size_t row_slots = 8u << 20;      // cells of the rows as the interpreter reads them
  std::size_t text_bytes = 256u << 20;   // the cells' text, shared strings counted at each use
  std::size_t parts = 1024;              // zip parts (or tables) read
  std::size_t part_bytes = 64u << 20;    // one part, unpacked
  std::size_t total_bytes = 256u << 20;  // every part, unpacked
};

// A bureau's export streamed by `batch` (engine/batch/).
struct BatchLimits {
  std::size_t max_header_bytes = 64 * 1024;
};

// What a person is shown (diagnostics and reports of every stage).
struct ShownLimits {
  // A source line wider than this many cells is echoed as a window around
  // the caret, with "…" where it was cut, and at most echo_before_caret
  // cells of it (the "…" included) before the caret.
  unsigned echo_cells = 200;
  unsigned echo_before_caret = 80;
  // Indicators listed when an actual's key matches several (then "… and N more").
  std::size_t matches_listed = 5;
  // Diagnostics of one code on one line shown before "… and N more" (LineRepeats).
  std::size_t same_per_line = 5;
  // A target or actual in the text, Markdown and HTML reports: clipped past
  // this many terminal cells (shown_cell, engine/base/utf8.hpp).
  unsigned report_cell_cells = 120;
};

// What the report writers (engine/report/) can put in one place.
struct ReportLimits {
  // Excel's limit for one cell, in UTF-16 units: libxlsxwriter refuses more.
  std::size_t xlsx_cell_units = 32767;
};

inline constexpr CellLimits kCellLimits{};
inline constexpr TableLimits kTableLimits{};
inline constexpr RuleLimits kRuleLimits{};
inline constexpr ImportLimits kImportLimits{};
inline constexpr GridLimits kGridLimits{};
inline constexpr BatchLimits kBatchLimits{};
inline constexpr ShownLimits kShownLimits{};
inline constexpr ReportLimits kReportLimits{};

}  // namespace indicheck
