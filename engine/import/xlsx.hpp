#pragma once
// Reading an Office Open XML workbook (.xlsx): every sheet's cells as text and
// its merged ranges. The zip container is read with libzip and each part with
// libxml2, so nothing about the format is guessed from bytes.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/base/diagnostic.hpp"

namespace indicheck {

struct XlsxMerge {
  unsigned first_row, first_col, last_row, last_col;  // 0-based, inclusive
};

// A number cell whose XML value has more significant digits than Excel shows
// (a binary double written to 17 digits, 12.300000000000001): read as shown.
struct XlsxRounded {
  unsigned row, col;  // 0-based
  std::string written, shown;
};

struct XlsxSheet {
  std::string name;
  // rows[r][c]: the cell text as shown: shared and inline strings resolved,
  // numbers as Excel shows them (excel_number), TRUE/FALSE for booleans; missing
  // cells are "". Every row has as many cells as the widest row of the sheet.
  std::vector<std::vector<std::string>> rows;
  std::vector<XlsxMerge> merges;
  std::vector<XlsxRounded> rounded;  // every number whose digits were dropped
};

// A number cell's XML value as Excel shows it: at most 15 significant digits
// (rounded half-up on the exact decimal digits), in plain decimal notation
// ("1.5E-3" → "0.0015"; an exponent that would need more than 30 characters is
// kept as written). Text that is not a number is returned unchanged.
std::string excel_number(std::string_view written);

// "C7" for row 6, column 2 (0-based).
std::string cell_reference(unsigned row, unsigned col);

// The sheets in workbook order. nullopt, with located diagnostics, when the
// file is not a readable workbook (not a zip, a part missing or malformed, a
// sheet larger than the limits in docs/limits.md).
std::optional<std::vector<XlsxSheet>> read_xlsx(const std::string& path,
                                                std::vector<Diagnostic>& diagnostics);

// Limits that keep a hostile workbook (a zip bomb, a cell at XFD1048576) cheap.
inline constexpr std::size_t kMaxXlsxPartBytes = 64u * 1024 * 1024;
inline constexpr std::size_t kMaxXlsxCells = 4u * 1024 * 1024;

}  // namespace indicheck
