#pragma once
// The review (审核意见) rendered, one renderer per format of `indicheck review`
// (docs/review.md): text, JSON, CSV, Markdown, HTML, JUnit and the 审核意见表
// workbook.

#include <string>

#include "engine/review/review.hpp"

namespace indicheck {

std::string render_review_text(const review::ReviewReport& report);
// {"findings": [{severity, code, indicator, message, suggestion, file, line,
// column, rule, table}…], "summary": {…}}, indent 2, then "\n".
std::string render_review_json(const review::ReviewReport& report);
std::string render_review_csv(const review::ReviewReport& report);  // UTF-8 with a BOM
std::string render_review_md(const review::ReviewReport& report);
std::string render_review_html(const review::ReviewReport& report);
// One testsuite per table, one testcase per finding: 错误 a failure, 警告 and 提示 skipped.
std::string render_review_junit(const review::ReviewReport& report);
// The 审核意见表 a bureau sends back: one row per finding, grouped by table,
// each table under its metadata. Written to `path` (a temporary: see
// output_file.hpp); "" on success, else why it failed.
std::string write_review_xlsx(const review::ReviewReport& report, const std::string& path);

}  // namespace indicheck
