#pragma once
// Names shared by the xlsx report (engine/report) and the importer
// (engine/import), so that indicheck reads back its own workbooks.

#include <string_view>

namespace indicheck {

// The second sheet of the xlsx report (write_xlsx): how each score was computed (year) or
// each outlook reached (half year), under the header 序号 | 指标 | <third>.
// `indicheck import` knows it by these and does not read it as indicators.
inline constexpr std::string_view kXlsxNotesSheetYear = "计分说明";
inline constexpr std::string_view kXlsxNotesSheetHalf = "预计依据";
inline constexpr std::string_view kXlsxNotesThirdYear = "计分";
inline constexpr std::string_view kXlsxNotesThirdHalf = "全年预计依据";

}  // namespace indicheck
