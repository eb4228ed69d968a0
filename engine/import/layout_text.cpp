// The PDF-extracted text layout (shared/seeds/000_*.txt): one table row per
// line, cells separated by tabs, merged cells written once (not always on the
// first row of the merge), wrapped cells with a space where the line broke.
// Reading only splits lines into cells; interpret.cpp undoes the damage.

#include "engine/base/limits.hpp"
#include "engine/base/message.hpp"
#include "engine/import/import.hpp"

namespace indicheck {

std::vector<SourceRow> rows_from_text(const std::string& file, const std::string& utf8) {
  std::vector<SourceRow> rows;
  std::size_t start = 0;
  unsigned line = 0;
  while (start < utf8.size()) {
    std::size_t end = utf8.find('\n', start);
    if (end == std::string::npos) end = utf8.size();
    SourceRow row;
    row.file = file;
    row.line = ++line;
    if (end - start > kImportLimits.max_line_bytes) {
      row.refused = tr("a line of {} bytes, longer than the {} MiB limit: not read", end - start,
                       kImportLimits.max_line_bytes / (1u << 20));
      rows.push_back(std::move(row));
      start = end + 1;
      continue;
    }
    std::string text = utf8.substr(start, end - start);
    if (!text.empty() && text.back() == '\r') text.pop_back();
    std::size_t cell = 0;
    while (true) {
      std::size_t tab = text.find('\t', cell);
      row.cells.push_back(text.substr(cell, tab == std::string::npos ? tab : tab - cell));
      if (tab == std::string::npos) break;
      cell = tab + 1;
    }
    row.text = std::move(text);
    rows.push_back(std::move(row));
    start = end + 1;
  }
  return rows;
}

}  // namespace indicheck
