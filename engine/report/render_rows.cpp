#include "engine/report/render_rows.hpp"

#include <algorithm>

#include "engine/base/diagnostic.hpp"
#include "engine/base/message.hpp"
#include "engine/cell/verdict.hpp"

namespace indicheck {

ReportRow report_row(const Report& r, std::size_t i) {
  const IndicatorResult& res = r.results[i];
  const Indicator& ind = *res.indicator;
  ReportRow row;
  row.index = i + 1;
  row.result = &res;
  row.level1 = ind.level1;
  row.level2 = ind.level2;
  row.key_work = ind.key_work;
  row.name = ind.name;
  row.path = ind.path_text();
  row.target = res.target();
  row.actual = res.actual();
  row.verdict = said(res.verdict.kind);
  row.verdict_key = to_string(res.verdict.kind);
  row.explanation = res.verdict.explanation;
  if (res.score) {
    row.weight = res.score->weight.to_fixed(2);
    row.points = res.score->points.to_fixed(2);
    row.scoring = res.score->explanation;
    for (const auto& n : res.score->notes) row.scoring += tr("; {}", n);
    row.review = res.score->review;
  } else {
    row.scoring = res.unscored.value_or("");
  }
  if (res.outlook) {
    row.on_track = chinese(res.outlook->on_track);
    row.on_track_why = res.outlook->explanation;
  }
  row.reason = res.reason();
  row.needs_reason = res.needs_reason;
  return row;
}

std::vector<ReportRow> report_rows(const Report& r) {
  std::vector<ReportRow> rows;
  rows.reserve(r.results.size());
  for (std::size_t i = 0; i < r.results.size(); ++i) rows.push_back(report_row(r, i));
  return rows;
}

std::string report_who(const Report& r) {
  if (!r.unit.empty()) return r.unit;
  for (const auto& [key, value] : r.heading)
    if (key == "项目名称") return value;
  return "";
}

std::string report_title(const Report& r) {
  std::string project, who = r.unit;
  for (const auto& [key, value] : r.heading) {
    if (key == "项目名称") project = value;
    if (who.empty() && key == "实施单位") who = value;
  }
  for (const auto& [key, value] : r.heading)
    if (who.empty() && key == "主管部门") who = value;
  std::string out = project.empty() ? who : who.empty() ? project : project + " · " + who;
  if (out.empty()) out = "indicheck";
  if (r.year) out += " " + std::to_string(*r.year) + "年度";
  out += std::string(" · ") + chinese(r.period);
  return out;
}

std::string shown_signs(std::string text) {
  for (auto at = text.find("\u2550"); at != std::string::npos; at = text.find("\u2550", at))
    text.replace(at, 3, "=");
  return text;
}

std::string xml_text(std::string_view text) {
  std::string out = visible_text(text, true);
  // U+FFFE and U+FFFF (EF BF BE, EF BF BF), XML's other non-characters.
  for (std::size_t at = out.find("\xEF\xBF"); at != std::string::npos;
       at = out.find("\xEF\xBF", at + 3))
    if (at + 2 < out.size() && (out[at + 2] == '\xBE' || out[at + 2] == '\xBF'))
      out[at + 2] = '\xBD';
  return out;
}

std::string escape_markup(const std::string& text) {
  std::string out;
  for (char c : xml_text(text)) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string total_text(const Scoring& s) {
  if (s.grade.empty()) return "-";
  return s.total.to_fixed(2) + " / 100 · " + s.grade;
}

std::vector<RecheckRow> recheck_rows(const Recheck& c) {
  std::vector<RecheckRow> rows;
  auto row = [](const PublishedScore& p, bool differs) {
    return RecheckRow{p.what,
                      p.published,
                      p.computed.empty() ? tr("(not scored)") : p.computed,
                      p.explanation,
                      where_line_text(p.where),
                      differs};
  };
  for (const auto& p : c.differences) rows.push_back(row(p, true));
  if (c.total) rows.push_back(row(*c.total, c.total_differs));
  return rows;
}

std::string recheck_summary(const Recheck& c) {
  if (c.differences.empty() && c.total_differs)
    return tr("compared {} published 得分: each agrees, but the 总分 differs", c.compared);
  if (c.differences.empty()) return tr("compared {} published 得分: all agree", c.compared);
  return trn("compared {} published 得分: {} differs", "compared {} published 得分: {} differ",
             c.differences.size(), c.compared, c.differences.size());
}

std::vector<ReconciliationRow> reconciliation_rows(const Report& r) {
  std::vector<ReconciliationRow> rows;
  for (const auto& c : r.reconciliations) {
    ReconciliationRow row;
    row.kind = c.kind;
    row.result = said(c.kind);
    row.key = to_string(c.kind);
    row.written = c.written;
    row.explanation = c.explanation;
    row.passed = c.kind == VerdictKind::pass;
    row.warning = c.severity == Severity::warning;
    if (!row.passed) row.message = c.message;
    row.where = where_line_text(c.where);
    rows.push_back(std::move(row));
  }
  return rows;
}

std::string reconciliation_summary(const Report& r) {
  unsigned failed = 0;
  for (const auto& c : r.reconciliations) failed += c.kind != VerdictKind::pass;
  return tr("核对 ({} checks, {} not passed)", r.reconciliations.size(), failed);
}

TableForm table_form(const Report& r) {
  // 部门整体, 单位整体: a department's (a unit's) whole budget.
  if (r.title.find("整体") != std::string::npos) return TableForm::department;
  bool project = r.title.find("项目") != std::string::npos;
  for (const auto& [key, value] : r.heading) project = project || key == "项目名称";
  return project ? TableForm::project : TableForm::unknown;
}

const char* funds_name(const Report& r) {
  switch (table_form(r)) {
    case TableForm::project:
      return "项目资金";
    case TableForm::department:
      return "部门整体资金";
    case TableForm::unknown:
      break;
  }
  return "年度资金";
}

FundsCells funds_cells(const Report& r) {
  const FundsBlock b = funds_block(r);
  FundsCells f;
  auto printed = [](const std::optional<Number>& n) { return n ? n->to_fixed(2) : std::string(); };
  f.unit = b.unit;
  f.name = funds_name(r);
  f.label = f.name + "（" + b.unit + "）";
  f.initial = printed(b.initial);
  f.budget = printed(b.budget);
  f.executed = printed(b.executed);
  f.rate = b.rate ? b.rate->to_fixed(2) + "%" : std::string();
  if (b.score) {
    f.weight = b.score->weight.to_fixed(2);
    f.points = b.score->points.to_fixed(2);
    f.explanation = tr("预算执行率 {}: {}", f.points, b.score->explanation);
  }
  for (const auto& [head, name] : b.from_rules) f.source[head] = name;
  for (std::size_t i = 0; i < b.from_rules.size(); ++i)
    f.from_rules += std::string(i ? trc("list", ", ") : "") + b.from_rules[i].first + " = " +
                    b.from_rules[i].second;
  f.shown = b.has_figures();
  return f;
}

std::vector<std::string> funds_values(const FundsCells& f) {
  return {f.initial, f.budget, f.executed, f.rate, f.weight, f.points};
}

std::vector<OutlookTally> outlook_tallies(const Report& report) {
  std::vector<OutlookTally> out;
  OutlookTally total{trc("tally", "total"), 0, 0, 0};
  for (const IndicatorResult& res : report.results) {
    if (!res.outlook) continue;
    const std::string& name = res.indicator->level1;
    auto it =
        std::find_if(out.begin(), out.end(), [&](const OutlookTally& t) { return t.name == name; });
    if (it == out.end()) it = out.insert(out.end(), OutlookTally{name, 0, 0, 0});
    for (OutlookTally* t : {&*it, &total}) {
      switch (res.outlook->on_track) {
        case OnTrack::certain:
          ++t->certain;
          break;
        case OnTrack::possible:
          ++t->possible;
          break;
        case OnTrack::impossible:
          ++t->impossible;
          break;
      }
    }
  }
  if (!out.empty()) out.push_back(total);
  return out;
}

std::string capitalised(std::string text) {
  if (!text.empty() && text[0] >= 'a' && text[0] <= 'z') text[0] = static_cast<char>(text[0] - 32);
  return text;
}

}  // namespace indicheck
