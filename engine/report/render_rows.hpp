#pragma once
// The report model flattened to printed cells, shared by the table-shaped
// formats (csv, md, html, xlsx, junit) so that they print the same figures.

#include <map>
#include <string>
#include <vector>

#include "engine/assess/report.hpp"

namespace indicheck {

struct ReportRow {
  std::size_t index = 0;  // 1-based, in table order
  const IndicatorResult* result = nullptr;
  std::string level1, level2, key_work, name, path;
  std::string target, actual;  // as written
  std::string verdict;         // the verdict word in the run's language: "pass", "达成", …
  std::string verdict_key;     // always English, as JSON has it: "pass", … (HTML classes)
  std::string explanation;     // the verdict's
  std::string weight, points;  // 2 places, half-up; "" when not scored
  std::string scoring;         // how the score was computed, its notes, or why not scored
  std::string on_track;        // mid-year: 确定能 / 有可能 / 不可能; "" at year-end
  std::string on_track_why;
  std::string reason;  // 偏差原因 as reported
  bool needs_reason = false;
  bool review = false;
};

// The row of the report's `i`th result (0-based), and all of them. A
// renderer that writes as it goes (write_csv, write_text) takes one at a time.
ReportRow report_row(const Report& report, std::size_t i);
std::vector<ReportRow> report_rows(const Report& report);

// "苏州市自然资源和规划局 2024年度 · 全年": the report's heading. A project's
// table is named by its 项目名称 and who carries it out (单位, else 实施单位,
// else 主管部门): "农村公路养护 · 某县公路养护中心 2023年度 · 全年".
std::string report_title(const Report& report);
// Who the report is about: 单位, else 项目名称, else "".
std::string report_who(const Report& report);

// A target or actual for a page a browser draws: the box-drawing ═ (U+2550),
// which tables use for "=" and the target grammar reads as "=", shown as "=".
// A CJK font draws ═ as a full-width double rule joined to its neighbours,
// and at a table's font size its two lines merge into one: "═100%" read as
// "—100%".
std::string shown_signs(std::string text);

// Text with only the characters XML 1.0 allows, for every XML-based format
// (JUnit, HTML, the xlsx workbook): control characters other than tab and
// line feed, bytes that are not UTF-8, U+FFFE and U+FFFF become U+FFFD.
std::string xml_text(std::string_view text);
// Text for HTML and XML: xml_text, then & < > " escaped.
std::string escape_markup(const std::string& text);

// Markdown (render_md.cpp), for every Markdown indicheck writes: text shown
// literally, a file name as code, a table row of data cells (escaped, empty as
// "-"), the rule under a header of `columns` cells.
std::string md_text(const std::string& text);
std::string md_code_span(const std::string& text);
std::string md_table_row(const std::vector<std::string>& texts);
std::string md_rule_row(std::size_t columns);

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
// A 核对 (reconciliation) as every format prints it.
struct ReconciliationRow {
  VerdictKind kind = VerdictKind::pass;  // pass, fail, missing or error
  std::string result;                    // its word in the run's language: "pass", "达成", …
  std::string key;                       // always English: "pass", … (HTML classes)
  std::string written;                   // the relation as written
  std::string explanation;               // both sides with their values
  std::string message;                   // its 说明, when it did not pass; else ""
  std::string where;                     // "file:line" of the 核对
  bool passed = true;
  bool warning = false;  // 警告: a miss is reported but does not fail the check
  // Not passed at error level: the report's exit code is 1, JUnit has a failure.
  bool fails() const { return !passed && !warning; }
};
std::vector<ReconciliationRow> reconciliation_rows(const Report& report);
// "核对 (3 checks, 1 not passed)"
std::string reconciliation_summary(const Report& report);

// Which official form the table is: a project's (项目支出, when its title
// says 项目 or its head has a 项目名称 row), a department's whole budget
// (部门整体 or 单位整体, when its title says 整体; that wins) or not known (an untitled
// table, a bare TSV). One rule for every report: the funds block's name
// (funds_name) and the xlsx form both follow it.
enum class TableForm { project, department, unknown };
TableForm table_form(const Report& report);
// The funds block's name: 项目资金 on a project's form, 部门整体资金 on a
// department's, the neutral 年度资金 when the table does not say which.
const char* funds_name(const Report& report);

// The funds block (funds_block) printed: figures to 2 places (half-up), the
// 执行率 with "%", each "" when there is none.
struct FundsCells {
  std::string unit;   // 元, 万元
  std::string name;   // funds_name: 项目资金, 部门整体资金
  std::string label;  // "项目资金（万元）"
  std::string initial, budget, executed, rate, weight, points;
  std::string explanation;  // "预算执行率 9.85: 10 × 98.5/100 = 9.85"; "" without a score
  std::string from_rules;  // "年初预算数 = 资金总额, 全年预算数 = 预算数, …"; "" when none
  std::map<std::string, std::string> source;  // 年初预算数 → the rules' name for it, …
  bool shown = false;  // FundsBlock::has_figures: the reports other than xlsx show it
};
FundsCells funds_cells(const Report& report);
// The block's columns as the reports (text, csv, md, html, junit) show them.
inline constexpr const char* kFundsHeads[] = {"年初预算数", "全年预算数", "全年执行数",
                                              "执行率",     "分值",       "得分"};
// The values of kFundsHeads, in that order.
std::vector<std::string> funds_values(const FundsCells& cells);

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
