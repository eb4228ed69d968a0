// CSV and TSV exports (RFC 4180: quoted cells may hold the separator, quotes
// doubled, and line breaks). The separator is a comma unless the first line
// has tabs and no commas. A row's line is the line it starts on.

#include "engine/base/limits.hpp"
#include "engine/base/message.hpp"
#include "engine/import/import.hpp"

namespace indicheck {

std::optional<std::vector<SourceRow>> rows_from_csv(const std::string& file,
                                                    const std::string& utf8,
                                                    std::vector<Diagnostic>& diagnostics) {
  std::string_view first_line = std::string_view(utf8).substr(0, utf8.find('\n'));
  char sep = first_line.find('\t') != std::string_view::npos &&
                     first_line.find(',') == std::string_view::npos
                 ? '\t'
                 : ',';
  std::vector<SourceRow> rows;
  SourceRow row;
  std::string cell;
  unsigned line = 1;
  std::size_t line_start = 0;
  bool in_quotes = false, quoted = false;
  unsigned quote_line = 0;
  std::size_t row_bytes = 0;  // a record longer than kImportLimits.max_line_bytes is not kept
  std::size_t cell_bytes = 0;
  auto start_row = [&] {
    row = SourceRow{};
    row.file = file;
    row.line = line;
    row_bytes = 0;
  };
  auto add = [&](char c) {
    ++cell_bytes;
    if (++row_bytes > kImportLimits.max_line_bytes) return;
    cell += c;
  };
  auto end_cell = [&] {
    if (row_bytes <= kImportLimits.max_line_bytes) row.cells.push_back(std::move(cell));
    cell.clear();
    cell_bytes = 0;
    quoted = false;
  };
  auto end_row = [&](std::size_t end) {
    end_cell();
    row.text.clear();
    if (row_bytes > kImportLimits.max_line_bytes) {
      row.cells.clear();
      row.refused = tr("a record of {} bytes, longer than the {} MiB limit: not read", row_bytes,
                       kImportLimits.max_line_bytes / (1u << 20));
    }
    for (std::size_t i = 0; i < row.cells.size(); ++i) row.text += (i ? "\t" : "") + row.cells[i];
    (void)end;
    rows.push_back(std::move(row));
  };
  start_row();
  for (std::size_t i = 0; i < utf8.size(); ++i) {
    char c = utf8[i];
    if (in_quotes) {
      if (c == '"') {
        if (i + 1 < utf8.size() && utf8[i + 1] == '"') {
          add('"');
          ++i;
        } else {
          in_quotes = false;
        }
      } else {
        if (c == '\n') ++line;
        if (c != '\r') add(c);
      }
      continue;
    }
    if (c == '"' && cell_bytes == 0 && !quoted) {
      in_quotes = quoted = true;
      quote_line = line;
    } else if (c == sep) {
      ++row_bytes;
      end_cell();
    } else if (c == '\n') {
      end_row(i);
      ++line;
      line_start = i + 1;
      start_row();
    } else if (c != '\r') {
      add(c);
    }
  }
  (void)line_start;
  if (in_quotes) {
    diagnostics.push_back(make_diagnostic(Code::import_quote_not_closed, file, quote_line, 1,
                                          tr("a quoted cell is never closed: expected '\"' "
                                             "before the end of the file")));
    return std::nullopt;
  }
  if (cell_bytes > 0 || !row.cells.empty() || row_bytes > 0) end_row(utf8.size());
  return rows;
}

}  // namespace indicheck
