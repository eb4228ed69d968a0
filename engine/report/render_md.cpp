// The report as Markdown, for pasting into a written report: one table of the
// indicators, the score by 一级指标 with the total and grade, and the
// indicators still owing a 偏差原因.

#include <algorithm>

#include "engine/base/diagnostic.hpp"
#include "engine/base/message.hpp"
#include "engine/report/render.hpp"
#include "engine/report/render_rows.hpp"

namespace indicheck {

namespace {

// Text shown literally: raw HTML and entities cannot form (escape_markup: < > &
// " as entities, characters XML does not allow as U+FFFD), and every ASCII
// character that could make emphasis, code, a heading's end or a
// strikethrough, or end a table cell, is escaped with a backslash, and so is
// every "]" (no link, image or footnote forms without one, and a "[" alone, as
// in "[60%,80%)", stays as written); so a cell can neither run script
// (<script>, a javascript: link) nor reshape the table.
std::string md(const std::string& text) {
  std::string out;
  for (char c : escape_markup(text)) {
    if (c == '\n') {
      out += ' ';
      continue;
    }
    if (std::string_view("\\`*_]|~#").find(c) != std::string_view::npos) out += '\\';
    out += c;
  }
  return out;
}

// A file name as code: a fence of more backticks than any run inside it, so
// nothing in the name is interpreted.
std::string code_span(const std::string& text) {
  std::string shown = visible_text(text);
  std::size_t longest = 0, run = 0;
  for (char c : shown) {
    run = c == '`' ? run + 1 : 0;
    longest = std::max(longest, run);
  }
  std::string fence(longest + 1, '`');
  bool pad = !shown.empty() && (shown.front() == '`' || shown.back() == '`');
  return fence + (pad ? " " : "") + shown + (pad ? " " : "") + fence;
}

// A table cell from data: escaped (md), line breaks as <br>, empty as a dash.
std::string cell(const std::string& text) {
  if (text.empty()) return "-";
  std::string out;
  std::size_t start = 0;
  for (std::size_t at = text.find('\n'); at != std::string::npos; at = text.find('\n', start)) {
    out += md(text.substr(start, at - start)) + "<br>";
    start = at + 1;
  }
  return out + md(text.substr(start));
}

// A row of cells already in Markdown (cell(), or the renderer's own **bold**).
std::string table_row(const std::vector<std::string>& cells) {
  std::string out = "|";
  for (const auto& c : cells) out += " " + c + " |";
  return out + "\n";
}

// A row of data cells.
std::string data_row(const std::vector<std::string>& texts) {
  std::vector<std::string> cells;
  for (const auto& t : texts) cells.push_back(cell(t));
  return table_row(cells);
}

std::string rule_row(std::size_t n) {
  std::string out = "|";
  for (std::size_t i = 0; i < n; ++i) out += " --- |";
  return out + "\n";
}

}  // namespace

std::string md_text(const std::string& text) {
  return md(text);
}
std::string md_code_span(const std::string& text) {
  return code_span(text);
}
std::string md_table_row(const std::vector<std::string>& texts) {
  return data_row(texts);
}
std::string md_rule_row(std::size_t columns) {
  return rule_row(columns);
}

void write_md(const Report& r, const TextSink& sink) {
  const bool year = r.period == Period::year;
  std::string out = "# " + md(report_title(r)) + "\n\n";
  for (const auto& [key, value] : r.heading) out += "- " + tr("{}: {}", key, md(value)) + "\n";
  out += "- " + tr("targets: {}", code_span(r.targets_file)) + "\n- " +
         tr("actuals: {}", code_span(r.actuals_file)) + "\n";
  if (r.scoring) out += "- " + tr("scoring: {}", md(r.scoring->scheme)) + "\n";
  out += "\n";
  std::vector<std::string> head = {"#",      "一级指标",   "二级指标", "三级指标",
                                   "指标值", "实际完成值", "判定"};
  if (year)
    head.insert(head.end(), {"分值", "得分", "计分说明"});
  else
    head.insert(head.end(), {"全年预计", "预计依据"});
  head.push_back("偏差原因");
  out += table_row(head) + rule_row(head.size());
  // One indicator at a time: a large report is never held whole.
  sink(out);
  out.clear();
  for (std::size_t i = 0; i < r.results.size(); ++i) {
    const ReportRow row = report_row(r, i);
    std::string name = row.key_work.empty() ? row.name : row.key_work + " / " + row.name;
    // Targets and actuals clipped as in the text report; JSON and CSV keep them whole.
    std::vector<std::string> cells = {cell(std::to_string(row.index)),
                                      cell(row.level1),
                                      cell(row.level2),
                                      cell(name),
                                      cell(shown_signs(shown_cell(row.target))),
                                      cell(shown_signs(shown_cell(row.actual))),
                                      cell(row.verdict)};
    if (year)
      cells.insert(cells.end(), {cell(row.weight), cell(row.points), cell(row.scoring)});
    else
      cells.insert(cells.end(), {cell(row.on_track), cell(row.on_track_why)});
    cells.push_back(row.needs_reason ? tr("**needs a reason**") : cell(row.reason));
    sink(table_row(cells));
  }
  if (!r.reconciliations.empty()) {
    // Every 核对 of the rule files, as the text report lists them.
    out += "\n## " + md(reconciliation_summary(r)) + "\n\n" +
           table_row({"判定", "核对", "取值", "说明", trc("column", "where")}) + rule_row(5);
    for (const ReconciliationRow& c : reconciliation_rows(r))
      out += table_row({c.fails()   ? "**" + md(c.result) + "**"
                        : c.warning ? cell(tr("{} (警告)", c.result))
                                    : cell(c.result),
                        cell(c.written), cell(c.explanation), cell(c.message), cell(c.where)});
  }
  if (r.scoring) {
    const Scoring& s = *r.scoring;
    out += "\n## 得分\n\n" + table_row({"一级指标", "分值", "得分"}) + rule_row(3);
    for (const auto& c : s.by_category)
      out += data_row({c.name, c.weight.to_fixed(2), c.points.to_fixed(2)});
    out += table_row({"**合计**", cell(s.weight.to_fixed(2)), cell(s.points.to_fixed(2))});
    out += "\n**总分 " + md(total_text(s)) + "** — " + md(s.explanation) + "\n";
    if (s.execution) out += "\n" + tr("预算执行率: {}", md(s.execution->explanation)) + "\n";
    if (!s.assumptions.empty()) {
      out += "\n" + std::string(tr("Assumed:")) + "\n\n";
      for (const auto& a : s.assumptions) out += "- " + md(a) + "\n";
    }
    if (const FundsCells f = funds_cells(r); f.shown) {
      std::vector<std::string> head = {md(f.label)};
      head.insert(head.end(), std::begin(kFundsHeads), std::end(kFundsHeads));
      std::vector<std::string> values = funds_values(f);
      values.insert(values.begin(), "年度资金总额");
      out += "\n## " + md(f.label) + "\n\n" + table_row(head) + rule_row(head.size()) +
             data_row(values);
      if (!f.explanation.empty()) out += "\n" + md(f.explanation) + "\n";
      if (!f.from_rules.empty())
        out += "\n" + tr("from the rule files: {}", md(f.from_rules)) + "\n";
    }
  }
  if (r.recheck) {
    const Recheck& c = *r.recheck;
    out += "\n## " + std::string(tr("Published self-evaluation re-checked")) + "\n\n" +
           tr("得分 compared as printed (at the places the table prints, half-up). Weights: {}. "
              "{}.",
              md(c.weights), md(capitalised(recheck_summary(c)))) +
           "\n";
    const auto rows = recheck_rows(c);
    if (!rows.empty()) {
      out += "\n" +
             table_row({"=/≠", "指标", trc("column", "published"), "indicheck",
                        tr("indicheck's arithmetic"), trc("column", "where")}) +
             rule_row(6);
      for (const RecheckRow& p : rows)
        out += data_row(
            {p.differs ? "≠" : "=", p.what, p.published, p.computed, p.explanation, p.where});
    }
    for (const auto& n : c.notes) out += "\n- " + tr("note: {}", md(n)) + "\n";
  }
  bool owed = false;
  for (std::size_t i = 0; i < r.results.size(); ++i) {
    if (!r.results[i].needs_reason) continue;
    if (!owed) out += "\n## " + std::string(tr("Needs a reason (偏差原因)")) + "\n\n";
    owed = true;
    out += "- " + std::to_string(i + 1) + ". " + md(r.results[i].indicator->path_text()) + "\n";
  }
  sink(out);
}

std::string render_md(const Report& r) {
  return gathered([&](const TextSink& sink) { write_md(r, sink); });
}

}  // namespace indicheck
