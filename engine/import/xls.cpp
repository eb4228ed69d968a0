// Excel 97 workbooks (.xls, as WPS and old Excel write them) read with FreeXL
// into the sparse grid. FreeXL 1.0 gives each sheet's cells by position (text
// from the shared strings already in UTF-8, numbers as doubles) but not the
// merged ranges (the MERGEDCELLS records are not exposed): a merged label stands
// in its first cell only, as in a CSV export, and the interpreter carries it down
// its block as it does for text and CSV.

#include <freexl.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string_view>

#include "engine/base/message.hpp"
#include "engine/import/readers.hpp"
#include "engine/import/xlsx.hpp"

namespace indicheck {

namespace {

std::string freexl_problem(int code) {
  switch (code) {
    case FREEXL_FILE_NOT_FOUND:
      return tr("cannot open: no such file");
    case FREEXL_INSUFFICIENT_MEMORY:
      return tr("FreeXL ran out of memory reading it (a sheet declaring huge dimensions?)");
    case FREEXL_INVALID_CFBF_HEADER:
    case FREEXL_CFBF_INVALID_SIGNATURE:
      return tr("not an xls workbook (not an OLE2 compound file)");
    case FREEXL_BIFF_WORKBOOK_NOT_FOUND:
      return tr("an OLE2 compound file with no workbook in it (a Word .doc? save it as .docx)");
    case FREEXL_CRAFTED_FILE:
      return tr("FreeXL found the file severely damaged (or crafted): not read");
    case FREEXL_UNSUPPORTED_CHARSET:
    case FREEXL_INVALID_CHARACTER:
      return tr("its text is in a code page FreeXL cannot convert");
    default:
      return tr("FreeXL cannot read it (error {}): a damaged workbook?", code);
  }
}

// A double as Excel shows it in the General format: 15 significant digits,
// plain notation (excel_number turns %g's exponent into it).
std::string shown_number(double value) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.15g", value);
  return excel_number(buf);
}

struct Handle {
  const void* h = nullptr;
  ~Handle() {
    if (h) freexl_close(h);
  }
};

}  // namespace

std::optional<Grid> read_xls(const std::string& path, std::vector<Diagnostic>& diagnostics,
                             const GridLimits& limits) {
  GridBuilder grid(path, diagnostics, limits);
  // FreeXL calls any other file a read error: say what it is not.
  char magic[8] = {};
  std::ifstream(path, std::ios::binary).read(magic, sizeof magic);
  if (std::string_view(magic, sizeof magic) != "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1") {
    grid.fail(Code::read_cannot_open, std::filesystem::exists(path)
                                          ? tr("not an xls workbook (not an OLE2 compound file)")
                                          : tr("cannot open: no such file"));
    return std::nullopt;
  }
  Handle handle;
  if (int rc = freexl_open(path.c_str(), &handle.h); rc != FREEXL_OK) {
    grid.fail(Code::read_cannot_open, freexl_problem(rc));
    return std::nullopt;
  }
  unsigned info = 0;
  if (freexl_get_info(handle.h, FREEXL_BIFF_PASSWORD, &info) == FREEXL_OK &&
      info == FREEXL_BIFF_OBFUSCATED) {
    grid.fail(Code::read_cannot_open,
              tr("the workbook is password-protected: save it without a password"));
    return std::nullopt;
  }
  unsigned sheets = 0;
  if (freexl_get_info(handle.h, FREEXL_BIFF_SHEET_COUNT, &sheets) != FREEXL_OK || sheets == 0) {
    grid.fail(Code::read_no_sheets, tr("the workbook has no sheets"));
    return std::nullopt;
  }
  std::size_t slots = 0;
  for (unsigned s = 0; s < sheets && s < 65536; ++s) {
    const char* name = nullptr;
    unsigned rows = 0;
    unsigned short columns = 0;
    if (freexl_get_worksheet_name(handle.h, static_cast<unsigned short>(s), &name) != FREEXL_OK ||
        freexl_select_active_worksheet(handle.h, static_cast<unsigned short>(s)) != FREEXL_OK ||
        freexl_worksheet_dimensions(handle.h, &rows, &columns) != FREEXL_OK) {
      grid.fail(Code::read_part_damaged, tr("sheet {} cannot be read: a damaged workbook?", s + 1));
      return std::nullopt;
    }
    grid.start_table(name ? name : tr("sheet {}", s + 1));
    // FreeXL gives cells by position only: the sheet's whole area is visited,
    // so that area is what the limit counts.
    slots += std::size_t(rows) * columns;
    if (slots > limits.row_slots) {
      grid.fail(Code::read_limit_exceeded,
                tr("{}: its dimensions ({} rows × {} columns) take the sheets past {} cells (a "
                   "limit for the whole file, docs/limits.md): not read",
                   grid.table().name, rows, columns, limits.row_slots));
      return std::nullopt;
    }
    for (unsigned r = 0; r < rows; ++r)
      for (unsigned short c = 0; c < columns; ++c) {
        FreeXL_CellValue v;
        if (freexl_get_cell_value(handle.h, r, c, &v) != FREEXL_OK) continue;
        std::string text;
        switch (v.type) {
          case FREEXL_CELL_INT:
            text = std::to_string(v.value.int_value);
            break;
          case FREEXL_CELL_DOUBLE:
            text = shown_number(v.value.double_value);
            break;
          case FREEXL_CELL_TEXT:
          case FREEXL_CELL_SST_TEXT:
          case FREEXL_CELL_DATE:
          case FREEXL_CELL_DATETIME:
          case FREEXL_CELL_TIME:
            text = v.value.text_value ? v.value.text_value : "";
            break;
          default:
            break;
        }
        // A fraction in (-2, 2) is what a percent cell holds (96% is 0.96),
        // and FreeXL gives no cell's format: said, never silently taken. A
        // whole 1 (100%) is left to the file's note: every 序号 column has one.
        const double number = v.type == FREEXL_CELL_DOUBLE ? v.value.double_value : 0;
        if (number > -2 && number < 2 && number != static_cast<int>(number))
          grid.note(r + 1, grid.table().name,
                    tr("{}: the number {} read as it is stored: an .xls gives no number formats, "
                       "so if the sheet shows it as a percent ({}%), type that in the cell or "
                       "save the workbook as .xlsx",
                       cell_reference(r, c), text, times_hundred(text)));
        if (!text.empty() && !grid.add_cell(r, c, text, r + 1)) return std::nullopt;
      }
    if (!grid.finish_table(0)) return std::nullopt;
  }
  grid.set_encoding("utf-8 (xls)");
  // What FreeXL cannot give, said once for the file (docs/import.md).
  grid.note(0, "",
            tr("an .xls is read through FreeXL, which gives each cell's value but not its number "
               "format or formula: a formula cell is read as its last saved value, or empty; save "
               "the workbook as .xlsx to have formulas and percent cells read as shown"));
  return grid.take();
}

}  // namespace indicheck
