// The report as CSV (RFC 4180): UTF-8 with a byte-order mark so that Excel
// reads the Chinese text correctly, CRLF line ends, one row per indicator,
// then the total at year-end. Cells are written by csv_field (quoting, and the
// OWASP rule against formulas).

#include "engine/base/csv_field.hpp"
#include "engine/base/message.hpp"
#include "engine/report/render.hpp"
#include "engine/report/render_rows.hpp"

namespace indicheck {

namespace {

std::string line(const std::vector<std::string>& fields) {
  std::string out;
  for (std::size_t i = 0; i < fields.size(); ++i) out += (i ? "," : "") + csv_field(fields[i]);
  return out + "\r\n";
}

}  // namespace

void write_csv(const Report& r, const TextSink& sink) {
  sink("\xEF\xBB\xBF");
  sink(line({"序号", "一级指标", "二级指标", "重点工作", "三级指标", "指标值", "实际完成值", "判定",
             "判定说明", "分值", "得分", "计分说明", "全年预计", "预计依据", "偏差原因",
             "需说明原因"}));
  // One indicator at a time: a large report is never held whole.
  for (std::size_t i = 0; i < r.results.size(); ++i) {
    const ReportRow row = report_row(r, i);
    sink(
        line({std::to_string(row.index), row.level1, row.level2, row.key_work, row.name, row.target,
              row.actual, row.verdict, row.explanation, row.weight, row.points, row.scoring,
              row.on_track, row.on_track_why, row.reason, row.needs_reason ? "是" : ""}));
  }
  std::string out;
  // The rows after the indicators keep the 16 columns, their label in 一级指标.
  auto row = [](std::initializer_list<std::pair<std::size_t, std::string>> cells) {
    std::vector<std::string> fields(16);
    for (const auto& [at, text] : cells) fields[at] = text;
    return line(fields);
  };
  if (r.scoring) {
    const Scoring& s = *r.scoring;
    // The funds block (as the text report shows it): one row a figure, the
    // figure under 实际完成值; the 执行率 row carries the block's 分值 and 得分
    // when the block is scored on its own (else the 预算执行率 indicator has them).
    if (const FundsCells f = funds_cells(r); f.shown) {
      for (auto [head, value] : {std::pair{"年初预算数", f.initial},
                                 {"全年预算数", f.budget},
                                 {"全年执行数", f.executed}})
        out += row(
            {{1, f.label},
             {4, head},
             {6, value},
             {11, f.source.count(head) ? tr("from the rule files: {}", f.source.at(head)) : ""}});
      if (s.execution)
        out += row({{1, f.label},
                    {4, "执行率"},
                    {6, f.rate},
                    {9, f.weight},
                    {10, f.points},
                    {11, s.execution->explanation}});
      else
        out += row({{1, f.label}, {4, "执行率"}, {6, f.rate}, {11, f.explanation}});
    } else if (s.execution) {
      out += row({{1, "预算执行率"},
                  {9, s.execution->weight.to_fixed(2)},
                  {10, s.execution->points.to_fixed(2)},
                  {11, s.execution->explanation}});
    }
    out += row({{1, "总分"},
                {9, "100"},
                {10, s.grade.empty() ? "" : s.total.to_fixed(2)},
                {11, s.explanation}});
    out += row({{1, "等级"}, {10, s.grade}});
  }
  // Every 核对: its place under 二级指标, 警告 under 重点工作, the relation
  // under 三级指标, its result under 判定 and its 说明 under 偏差原因.
  for (const ReconciliationRow& c : reconciliation_rows(r))
    out += row({{1, "核对"},
                {2, c.where},
                {3, c.warning ? "警告" : ""},
                {4, c.written},
                {7, c.result},
                {8, c.explanation},
                {14, c.message}});
  sink(out);
}

std::string render_csv(const Report& r) {
  return gathered([&](const TextSink& sink) { write_csv(r, sink); });
}

}  // namespace indicheck
