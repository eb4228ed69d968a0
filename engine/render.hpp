#pragma once
// Renderers of the report model and of single constraints and verdicts.

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "engine/constraint.hpp"
#include "engine/report.hpp"
#include "engine/verdict.hpp"

namespace indicheck {

using Json = nlohmann::ordered_json;

// The JSON schema version of reports; docs/report-schema.md describes it.
inline constexpr const char* kReportSchema = "indicheck.report/2";

struct TextOptions {
  bool color = false;  // ANSI colours, for a terminal only
};

std::string render_text(const Report& report, const TextOptions& options = {});
Json to_json(const Report& report);

// The other report formats (docs/reports.md), all from the same model.
std::string render_csv(const Report& report);    // UTF-8 with a BOM, for Excel
std::string render_md(const Report& report);     // Markdown, for pasting into a report
std::string render_junit(const Report& report);  // JUnit XML: one testcase per indicator
std::string render_html(const Report& report);   // one self-contained page
// The official 自评表 layout as an xlsx workbook written to `path` (libxlsxwriter
// writes files itself: pass a temporary path, see output_file.hpp); returns ""
// on success, else why it failed.
std::string write_xlsx(const Report& report, const std::string& path);
// The second sheet of that workbook: how each score was computed (year) or
// each outlook reached (half year), under the header 序号 | 指标 | <third>.
// `indicheck import` knows it by these and does not read it as indicators.
inline constexpr std::string_view kXlsxNotesSheetYear = "计分说明";
inline constexpr std::string_view kXlsxNotesSheetHalf = "预计依据";
inline constexpr std::string_view kXlsxNotesThirdYear = "计分";
inline constexpr std::string_view kXlsxNotesThirdHalf = "全年预计依据";

// `indicheck parse`: the typed constraint, as lines of "field: value" or JSON.
std::string describe(const Constraint& c);
Json to_json(const Constraint& c);

// `indicheck eval`: the verdict with its explanation and assumptions.
std::string describe(const Verdict& v);
Json to_json(const Verdict& v);

// Pads UTF-8 text with spaces to `cells` terminal cells (wide characters count 2).
std::string pad_right(std::string_view text, unsigned cells);
std::string pad_left(std::string_view text, unsigned cells);

}  // namespace indicheck
