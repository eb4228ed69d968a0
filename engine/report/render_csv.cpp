// The report as CSV (RFC 4180): UTF-8 with a byte-order mark so that Excel
// reads the Chinese text correctly, CRLF line ends, one row per indicator,
// then the total at year-end. Cells are written by csv_field (quoting, and the
// OWASP rule against formulas).

#include "engine/base/csv_field.hpp"
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

std::string render_csv(const Report& r) {
  std::string out = "\xEF\xBB\xBF";
  out += line({"序号", "一级指标", "二级指标", "重点工作", "三级指标", "指标值", "实际完成值",
               "判定", "判定说明", "分值", "得分", "计分说明", "全年预计", "预计依据", "偏差原因",
               "需说明原因"});
  for (const ReportRow& row : report_rows(r))
    out +=
        line({std::to_string(row.index), row.level1, row.level2, row.key_work, row.name, row.target,
              row.actual, row.verdict, row.explanation, row.weight, row.points, row.scoring,
              row.on_track, row.on_track_why, row.reason, row.needs_reason ? "是" : ""});
  if (r.scoring) {
    const Scoring& s = *r.scoring;
    if (s.execution)
      out += line({"", "预算执行率", "", "", "", "", "", "", "", s.execution->weight.to_fixed(2),
                   s.execution->points.to_fixed(2), s.execution->explanation, "", "", "", ""});
    out += line({"", "总分", "", "", "", "", "", "", "", "100",
                 s.grade.empty() ? "" : s.total.to_fixed(2), s.explanation, "", "", "", ""});
    out += line({"", "等级", "", "", "", "", "", "", "", "", s.grade, "", "", "", "", ""});
  }
  return out;
}

}  // namespace indicheck
