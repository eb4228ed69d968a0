// The report as Markdown, for pasting into a written report: one table of the
// indicators, the score by 一级指标 with the total and grade, and the
// indicators still owing a 偏差原因.

#include "engine/report/render.hpp"
#include "engine/report/render_rows.hpp"

namespace indicheck {

namespace {

// A table cell: pipes escaped, line breaks as <br>, empty as a dash.
std::string cell(const std::string& text) {
  if (text.empty()) return "-";
  std::string out;
  for (char c : text) {
    if (c == '|')
      out += "\\|";
    else if (c == '\n')
      out += "<br>";
    else if (c != '\r')
      out += c;
  }
  return out;
}

std::string table_row(const std::vector<std::string>& cells) {
  std::string out = "|";
  for (const auto& c : cells) out += " " + cell(c) + " |";
  return out + "\n";
}

std::string rule_row(std::size_t n) {
  std::string out = "|";
  for (std::size_t i = 0; i < n; ++i) out += " --- |";
  return out + "\n";
}

}  // namespace

std::string render_md(const Report& r) {
  const bool year = r.period == Period::year;
  std::string out = "# " + report_title(r) + "\n\n";
  out += "- targets: `" + r.targets_file + "`\n- actuals: `" + r.actuals_file + "`\n";
  if (r.scoring) out += "- scoring: " + r.scoring->scheme + "\n";
  out += "\n";
  std::vector<std::string> head = {"#",      "一级指标",   "二级指标", "三级指标",
                                   "指标值", "实际完成值", "判定"};
  if (year)
    head.insert(head.end(), {"分值", "得分", "计分说明"});
  else
    head.insert(head.end(), {"全年预计", "预计依据"});
  head.push_back("偏差原因");
  out += table_row(head) + rule_row(head.size());
  for (const ReportRow& row : report_rows(r)) {
    std::string name = row.key_work.empty() ? row.name : row.key_work + " / " + row.name;
    std::vector<std::string> cells = {std::to_string(row.index),
                                      row.level1,
                                      row.level2,
                                      name,
                                      row.target,
                                      row.actual,
                                      row.verdict};
    if (year)
      cells.insert(cells.end(), {row.weight, row.points, row.scoring});
    else
      cells.insert(cells.end(), {row.on_track, row.on_track_why});
    cells.push_back(row.needs_reason ? "**needs a reason**" : row.reason);
    out += table_row(cells);
  }
  if (r.scoring) {
    const Scoring& s = *r.scoring;
    out += "\n## 得分\n\n" + table_row({"一级指标", "分值", "得分"}) + rule_row(3);
    for (const auto& c : s.by_category)
      out += table_row({c.name, c.weight.to_fixed(2), c.points.to_fixed(2)});
    out += table_row({"**合计**", s.weight.to_fixed(2), s.points.to_fixed(2)});
    out += "\n**总分 " + total_text(s) + "** — " + s.explanation + "\n";
    if (s.execution) out += "\n预算执行率: " + s.execution->explanation + "\n";
    if (!s.assumptions.empty()) {
      out += "\nAssumed:\n\n";
      for (const auto& a : s.assumptions) out += "- " + a + "\n";
    }
  }
  if (r.recheck) {
    const Recheck& c = *r.recheck;
    out +=
        "\n## Published self-evaluation re-checked\n\n得分 compared as printed (2 places, "
        "half-up). Weights: " +
        c.weights + ". " + capitalised(recheck_summary(c)) + ".\n";
    const auto rows = recheck_rows(c);
    if (!rows.empty()) {
      out +=
          "\n" +
          table_row({"=/≠", "指标", "published", "indicheck", "indicheck's arithmetic", "where"}) +
          rule_row(6);
      for (const RecheckRow& p : rows)
        out += table_row(
            {p.differs ? "≠" : "=", p.what, p.published, p.computed, p.explanation, p.where});
    }
    for (const auto& n : c.notes) out += "\n- note: " + n + "\n";
  }
  std::string owed;
  for (const ReportRow& row : report_rows(r))
    if (row.needs_reason) owed += "- " + std::to_string(row.index) + ". " + row.path + "\n";
  if (!owed.empty()) out += "\n## Needs a reason (偏差原因)\n\n" + owed;
  return out;
}

}  // namespace indicheck
