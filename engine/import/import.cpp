// import_file: the file's format and encoding, then its rows, then interpret.

#include "engine/import/import.hpp"
#include "engine/base/input_file.hpp"

#include <filesystem>

#include "engine/import/encoding.hpp"
#include "engine/import/xlsx.hpp"
#include "engine/table/sheets.hpp"
#include "engine/table/table.hpp"

namespace indicheck {

namespace {

std::string extension(const std::string& path) {
  std::string ext = std::filesystem::path(path).extension().string();
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext;
}

// The notes sheet of indicheck's own workbook (check --format xlsx): its
// rows name indicators, but they say how each was scored; they are no table.
bool own_notes_sheet(const XlsxSheet& sheet) {
  if (sheet.name != kXlsxNotesSheetYear && sheet.name != kXlsxNotesSheetHalf) return false;
  if (sheet.rows.empty() || sheet.rows[0].size() < 3) return false;
  const auto& head = sheet.rows[0];
  return head[0] == "序号" && head[1] == "指标" &&
         (head[2] == kXlsxNotesThirdYear || head[2] == kXlsxNotesThirdHalf);
}

// Each sheet's rows in order; a merged range's cells all show its first cell,
// as the published table shows one label across them. indicheck's own notes
// sheet is left out, with a note saying so.
std::vector<SourceRow> rows_from_sheets(const std::string& file,
                                        const std::vector<XlsxSheet>& sheets,
                                        std::vector<Note>& notes) {
  std::vector<SourceRow> rows;
  for (const XlsxSheet& sheet : sheets) {
    if (own_notes_sheet(sheet)) {
      notes.push_back({0, sheet.name,
                       "the sheet " + sheet.name + " (序号 | 指标 | " + sheet.rows[0][2] +
                           ") is the notes sheet of indicheck's own workbook: not read"});
      continue;
    }
    auto grid = sheet.rows;
    for (const XlsxMerge& m : sheet.merges) {
      if (m.first_row >= grid.size()) continue;
      std::string value =
          m.first_col < grid[m.first_row].size() ? grid[m.first_row][m.first_col] : "";
      for (unsigned r = m.first_row; r <= m.last_row && r < grid.size(); ++r)
        for (unsigned c = m.first_col; c <= m.last_col && c < grid[r].size(); ++c)
          grid[r][c] = value;
    }
    for (std::size_t r = 0; r < grid.size(); ++r) {
      SourceRow row;
      row.file = file;
      row.sheet = sheets.size() > 1 ? sheet.name : "";
      row.line = static_cast<unsigned>(r + 1);
      row.cells = grid[r];
      for (std::size_t c = 0; c < row.cells.size(); ++c) row.text += (c ? "\t" : "") + row.cells[c];
      rows.push_back(std::move(row));
    }
  }
  return rows;
}

}  // namespace

std::optional<Import> import_file(const std::string& path, const ImportOptions& options,
                                  std::vector<Diagnostic>& diagnostics) {
  auto bytes = read_file(path, diagnostics);
  if (!bytes) return std::nullopt;
  ImportFormat format = options.format;
  if (format == ImportFormat::auto_detect) {
    std::string ext = extension(path);
    if (bytes->compare(0, 4, "PK\x03\x04") == 0 || ext == ".xlsx")
      format = ImportFormat::xlsx;
    else if (ext == ".csv" || ext == ".tsv")
      format = ImportFormat::csv;
    else
      format = ImportFormat::text;
  }
  std::vector<SourceRow> rows;
  std::string format_name, encoding_name;
  std::vector<Note> assumptions;
  if (format == ImportFormat::xlsx) {
    auto sheets = read_xlsx(path, diagnostics);
    if (!sheets) return std::nullopt;
    rows = rows_from_sheets(path, *sheets, assumptions);
    for (const XlsxSheet& sheet : *sheets)
      for (const XlsxRounded& n : sheet.rounded)
        assumptions.push_back(
            {n.row + 1, sheets->size() > 1 ? sheet.name : "",
             sheet.name + "!" + cell_reference(n.row, n.col) + ": the number " + n.written +
                 " read as " + n.shown +
                 ", as Excel shows it (15 significant digits; the rest is binary rounding)"});
    format_name = "xlsx";
    encoding_name = "utf-8 (xlsx)";
  } else {
    auto decoded = decode(path, std::move(*bytes), options.encoding, diagnostics);
    if (!decoded) return std::nullopt;
    encoding_name = decoded->encoding;
    if (decoded->guessed)
      assumptions.push_back(
          {0, "",
           "the file is not UTF-8: read as GB18030 (which includes GBK), as Excel on a "
           "Chinese desktop saves CSV"});
    if (format == ImportFormat::csv) {
      auto csv = rows_from_csv(path, decoded->text, diagnostics);
      if (!csv) return std::nullopt;
      rows = std::move(*csv);
      format_name = "csv";
    } else {
      rows = rows_from_text(path, decoded->text);
      format_name = "text";
    }
  }
  std::size_t before = diagnostics.size();
  auto import = interpret(std::move(rows), diagnostics);
  // An empty file has no rows to take the file name from: name it here.
  for (std::size_t i = before; i < diagnostics.size(); ++i)
    if (diagnostics[i].where.file.empty()) diagnostics[i].where.file = path;
  if (!import) return std::nullopt;
  import->source = path;
  import->format = format_name;
  import->encoding = encoding_name;
  import->assumptions.insert(import->assumptions.begin(), assumptions.begin(), assumptions.end());
  return import;
}

}  // namespace indicheck
