#pragma once
// Reading an Office Open XML workbook (.xlsx) into the sparse grid: each sheet
// a table of the cells it holds, its merged ranges as ranges. The zip container
// is read with libzip and each part streamed with libxml2's xmlTextReader (never
// a tree of a 60 MB sheet), each part once, every byte and cell charged to the
// GridLimits.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/base/diagnostic.hpp"
#include "engine/import/grid.hpp"

namespace indicheck {

// A number cell's XML value as Excel shows it: at most 15 significant digits
// (rounded half-up on the exact decimal digits), in plain decimal notation
// ("1.5E-3" → "0.0015"; an exponent that would need more than 30 characters is
// kept as written). Text that is not a number is returned unchanged.
std::string excel_number(std::string_view written);

// "0.96" → "96": a decimal's digits moved two places, as a percent format
// shows the number (exact: no arithmetic on a double).
std::string times_hundred(const std::string& decimal);

// The sheets in workbook order, one table each (a sheet with no cells has none);
// a number whose digits were dropped is a note. nullopt, with located
// diagnostics, when the file is not a readable workbook (not a zip, a part
// missing or malformed) or passes a limit (docs/limits.md).
std::optional<Grid> read_xlsx(const std::string& file, const std::string& bytes,
                              std::vector<Diagnostic>& diagnostics, const GridLimits& limits);
// The same, reading the file first.
std::optional<Grid> read_xlsx(const std::string& path, std::vector<Diagnostic>& diagnostics);

}  // namespace indicheck
