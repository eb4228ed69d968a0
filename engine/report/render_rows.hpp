#pragma once
// The report model flattened to printed cells, shared by the table-shaped
// formats (csv, md, html, xlsx, junit) so that they print the same figures.

#include <string>
#include <vector>

#include "engine/assess/report.hpp"

namespace indicheck {

struct ReportRow {
  std::size_t index = 0;  // 1-based, in table order
  const IndicatorResult* result = nullptr;
  std::string level1, level2, key_work, name, path;
  std::string target, actual;  // as written
  std::string verdict;         // "pass", …
  std::string explanation;     // the verdict's
  std::string weight, points;  // 2 places, half-up; "" when not scored
  std::string scoring;         // how the score was computed, its notes, or why not scored
  std::string on_track;        // mid-year: 确定能 / 有可能 / 不可能; "" at year-end
  std::string on_track_why;
  std::string reason;  // 偏差原因 as reported
  bool needs_reason = false;
  bool review = false;
};

std::vector<ReportRow> report_rows(const Report& report);

// "苏州市自然资源和规划局 2024年度 · 全年": the report's heading; a project's table
// with no 单位 is named by its 项目名称.
std::string report_title(const Report& report);
// Who the report is about: 单位, else 项目名称, else "".
std::string report_who(const Report& report);

// Text with only the characters XML 1.0 allows, for every XML-based format
// (JUnit, HTML, the xlsx workbook): control characters other than tab and
// line feed, bytes that are not UTF-8, U+FFFE and U+FFFF become U+FFFD.
std::string xml_text(std::string_view text);
// Text for HTML and XML: xml_text, then & < > " escaped.
std::string escape_markup(const std::string& text);

// "84.52 / 100 · 良" (or "-" when nothing was scored).
std::string total_text(const Scoring& scoring);

// A re-checked published score as every format prints it: each published
// 得分 that differs, then the published 总分 (which may agree).
struct RecheckRow {
  std::string what, published;
  std::string computed;  // indicheck's, or "(not scored)"
  std::string explanation;
  std::string where;  // "file:line" of the published value
  bool differs = true;
};
std::vector<RecheckRow> recheck_rows(const Recheck& recheck);
// "compared 6 published 得分: 1 differs" (or "…: all agree").
std::string recheck_summary(const Recheck& recheck);
// Mid-year outlooks counted: 确定能 / 有可能 / 不可能 per 一级指标 (in table
// order) and in total ("total" last). Empty when no indicator has an outlook.
struct OutlookTally {
  std::string name;
  unsigned certain = 0, possible = 0, impossible = 0;
};
std::vector<OutlookTally> outlook_tallies(const Report& report);

// `text` with its first (ASCII) letter in capitals, to start a sentence.
std::string capitalised(std::string text);

}  // namespace indicheck
