// import_file: the file's format (by its first bytes) and encoding, then its
// rows, then interpret.

#include "engine/import/import.hpp"

#include <filesystem>

#include "engine/base/input_file.hpp"
#include "engine/base/message.hpp"
#include "engine/base/utf8.hpp"
#include "engine/import/encoding.hpp"
#include "engine/import/grid.hpp"
#include "engine/import/package.hpp"
#include "engine/import/readers.hpp"
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

bool starts_with(const std::string& bytes, std::string_view magic) {
  return bytes.compare(0, magic.size(), magic) == 0;
}

// The file's format by its first bytes (and, inside a zip, by its parts); for
// plain text, CSV when named .csv/.tsv, else the PDF-text layout. nullopt, with
// `found` naming what the file is, for a file that is none of them.
std::optional<ImportFormat> detect_format(const std::string& path, const std::string& bytes,
                                          std::string& found) {
  if (starts_with(bytes, "PK\x03\x04") || starts_with(bytes, "PK\x05\x06")) {
    std::string kind = zip_kind(bytes);
    if (kind == "xlsx") return ImportFormat::xlsx;
    if (kind == "docx") return ImportFormat::docx;
    found = kind;
    return std::nullopt;
  }
  // An OLE2 compound file: an Excel 97 workbook (or a Word .doc, which the
  // xls reader names when it finds no workbook inside).
  if (starts_with(bytes, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")) return ImportFormat::xls;
  // A PDF's header may follow up to 1 KiB of other bytes.
  if (std::string_view(bytes).substr(0, 1024).find("%PDF-") != std::string::npos)
    return ImportFormat::pdf;
  static const std::pair<std::string_view, const char*> others[] = {
      {"\x89PNG", N_("a PNG image")},
      {"\xFF\xD8\xFF", N_("a JPEG image")},
      {"GIF8", N_("a GIF image")},
      {"\x1F\x8B", N_("a gzip archive")},
      {"7z\xBC\xAF\x27\x1C", N_("a 7-Zip archive")},
      {"Rar!", N_("a RAR archive")},
      {"\x7F"
       "ELF",
       N_("an ELF executable")},
      {"{\\rtf", N_("an RTF document")},
  };
  for (const auto& [magic, what] : others)
    if (starts_with(bytes, magic)) {
      found = tr(what);
      return std::nullopt;
    }
  // A page saved from a browser, or served as .xls by a download endpoint.
  if (looks_like_html(bytes)) return ImportFormat::html;
  std::string ext = extension(path);
  return ext == ".csv" || ext == ".tsv" ? ImportFormat::csv : ImportFormat::text;
}

// The notes sheet of indicheck's own workbook (check --format xlsx): its
// rows name indicators, but they say how each was scored; they are no table.
std::string own_notes_sheet(const GridTable& table) {
  if (table.name != kXlsxNotesSheetYear && table.name != kXlsxNotesSheetHalf) return "";
  std::string head[3];
  for (const GridCell& c : table.cells)
    if (c.row == 0 && c.col < 3) head[c.col] = c.text;
  if (head[0] == "序号" && head[1] == "指标" &&
      (head[2] == kXlsxNotesThirdYear || head[2] == kXlsxNotesThirdHalf))
    return head[2];
  return "";
}

// The grid's rows; indicheck's own notes sheet is left out, with a note saying
// so; every reader's note an assumption. `only_table`: the name of the one
// table, when the grid has one (its rows do not carry it).
std::vector<SourceRow> rows_of(const std::string& path, Grid grid, std::vector<Note>& notes,
                               std::string& only_table) {
  bool several = grid.tables.size() > 1;
  std::vector<GridTable> kept;
  for (GridTable& t : grid.tables) {
    if (std::string third = own_notes_sheet(t); !third.empty()) {
      notes.push_back({0, t.name,
                       tr("the sheet {} (序号 | 指标 | {}) is the notes sheet of indicheck's own "
                          "workbook: not read",
                          t.name, third)});
      continue;
    }
    kept.push_back(std::move(t));
  }
  grid.tables = std::move(kept);
  if (!several && grid.tables.size() == 1) only_table = grid.tables.front().name;
  for (GridNote& n : grid.notes)
    notes.push_back({n.line, several ? n.table : "", std::move(n.text)});
  return rows_from_grid(path, grid, several);
}

}  // namespace

DetectedFormat detect_import_format(const std::string& path, const std::string& bytes) {
  DetectedFormat d;
  d.format = detect_format(path, bytes, d.found);
  return d;
}

bool is_gb18030_not_utf8(const std::string& bytes) {
  if (utf8::first_invalid(bytes) == std::string_view::npos) return false;
  std::vector<Diagnostic> ignored;
  return decode("", bytes, ImportEncoding::gb18030, ignored).has_value();
}

const char* format_name(ImportFormat format) {
  switch (format) {
    case ImportFormat::text:
      return "text";
    case ImportFormat::csv:
      return "csv";
    case ImportFormat::xlsx:
      return "xlsx";
    case ImportFormat::xls:
      return "xls";
    case ImportFormat::html:
      return "html";
    case ImportFormat::docx:
      return "docx";
    case ImportFormat::pdf:
      return "pdf";
    case ImportFormat::auto_detect:
      break;
  }
  return "auto";
}

std::optional<Import> import_file(const std::string& path, const ImportOptions& options,
                                  std::vector<Diagnostic>& diagnostics) {
  auto bytes = read_file(path, diagnostics);
  if (!bytes) return std::nullopt;
  ImportFormat format = options.format;
  if (format == ImportFormat::auto_detect) {
    std::string found;
    auto detected = detect_format(path, *bytes, found);
    if (!detected) {
      diagnostics.push_back(make_diagnostic(
          Code::import_format_unknown, path, 1, 1,
          tr("not a table indicheck imports: found {}; import reads text, CSV, xlsx, xls, HTML, "
             "docx and PDF (see --format in docs/import.md)",
             found)));
      return std::nullopt;
    }
    format = *detected;
  }
  std::vector<SourceRow> rows;
  std::string format_name, encoding_name;
  std::vector<Note> assumptions;
  std::optional<Grid> grid;
  std::string only_table;
  if (format == ImportFormat::xlsx) {
    grid = read_xlsx(path, *bytes, diagnostics, GridLimits{});
    format_name = "xlsx";
    if (grid) grid->encoding = "utf-8 (xlsx)";
  } else if (format == ImportFormat::xls) {
    grid = read_xls(path, diagnostics, GridLimits{});
    format_name = "xls";
  } else if (format == ImportFormat::docx) {
    grid = read_docx(path, *bytes, diagnostics, GridLimits{});
    format_name = "docx";
  } else if (format == ImportFormat::pdf) {
    grid = read_pdf(path, *bytes, diagnostics, GridLimits{});
    format_name = "pdf";
  } else if (format == ImportFormat::html) {
    grid = read_html(path, *bytes, options.encoding, diagnostics, GridLimits{});
    format_name = "html";
  }
  if (!format_name.empty()) {
    if (!grid) return std::nullopt;
    bytes.reset();
    encoding_name = grid->encoding;
    rows = rows_of(path, std::move(*grid), assumptions, only_table);
  } else {
    auto decoded = decode(path, std::move(*bytes), options.encoding, diagnostics);
    if (!decoded) return std::nullopt;
    encoding_name = decoded->encoding;
    if (decoded->guessed)
      assumptions.push_back(
          {0, "",
           tr("the file is not UTF-8: read as GB18030 (which includes GBK), as Excel on a "
              "Chinese desktop saves CSV")});
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
  import->only_table = std::move(only_table);
  import->format = format_name;
  import->encoding = encoding_name;
  import->assumptions.insert(import->assumptions.begin(), assumptions.begin(), assumptions.end());
  return import;
}

}  // namespace indicheck
