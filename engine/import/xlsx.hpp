#pragma once
// Reading an Office Open XML workbook (.xlsx): every sheet's cells as text and
// its merged ranges. The zip container is read with libzip and each part with
// libxml2, so nothing about the format is guessed from bytes.

#include <optional>
#include <string>
#include <vector>

#include "engine/diagnostic.hpp"

namespace indicheck {

struct XlsxMerge {
  unsigned first_row, first_col, last_row, last_col;  // 0-based, inclusive
};

struct XlsxSheet {
  std::string name;
  // rows[r][c]: the cell text as shown: shared and inline strings resolved,
  // numbers as written in the XML, TRUE/FALSE for booleans; missing cells are
  // "". Every row has as many cells as the widest row of the sheet.
  std::vector<std::vector<std::string>> rows;
  std::vector<XlsxMerge> merges;
};

// The sheets in workbook order. nullopt, with located diagnostics, when the
// file is not a readable workbook (not a zip, a part missing or malformed, a
// sheet larger than the limits in docs/limits.md).
std::optional<std::vector<XlsxSheet>> read_xlsx(const std::string& path,
                                                std::vector<Diagnostic>& diagnostics);

// Limits that keep a hostile workbook (a zip bomb, a cell at XFD1048576) cheap.
inline constexpr std::size_t kMaxXlsxPartBytes = 64u * 1024 * 1024;
inline constexpr std::size_t kMaxXlsxCells = 4u * 1024 * 1024;

}  // namespace indicheck
