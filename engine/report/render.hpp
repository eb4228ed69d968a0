#pragma once
// Renderers of the report model and of single constraints and verdicts.

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "engine/assess/report.hpp"
#include "engine/base/output_file.hpp"
#include "engine/cell/describe.hpp"
#include "engine/cell/verdict.hpp"
#include "engine/table/sheets.hpp"

namespace indicheck {

// The JSON schema version of reports; docs/report-schema.md describes it.
inline constexpr const char* kReportSchema = "indicheck.report/2";

struct TextOptions {
  bool color = false;  // ANSI colours, for a terminal only
};

std::string render_text(const Report& report, const TextOptions& options = {});
// The same text given to `sink` in pieces, an indicator at a time: what
// `check` writes, so that a large report is never held whole.
void write_text(const Report& report, const TextOptions& options, const TextSink& sink);
// The report as JSON, given to `sink` in pieces (output_file.hpp streams them
// to the file): the same bytes as the whole tree dumped with indent 2, then "\n".
void write_json(const Report& report, const TextSink& sink);

// The other report formats (docs/reports.md), all from the same model.
std::string render_csv(const Report& report);                // UTF-8 with a BOM, for Excel
void write_csv(const Report& report, const TextSink& sink);  // the same, in pieces
std::string render_md(const Report& report);                 // Markdown, for pasting into a report
std::string render_junit(const Report& report);  // JUnit XML: one testcase per indicator
std::string render_html(const Report& report);   // one self-contained page
// Each of them in pieces, an indicator at a time (what `check` writes).
void write_md(const Report& report, const TextSink& sink);
void write_junit(const Report& report, const TextSink& sink);
void write_html(const Report& report, const TextSink& sink);
// The official 自评表 layout as an xlsx workbook written to `path` (libxlsxwriter
// writes files itself: pass a temporary path, see output_file.hpp); returns ""
// on success, else why it failed.
std::string write_xlsx(const Report& report, const std::string& path);

}  // namespace indicheck
