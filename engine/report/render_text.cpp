// The report as an aligned terminal table; correct under CJK text.

#include <algorithm>

#include "engine/base/diagnostic.hpp"
#include "engine/report/render.hpp"
#include "engine/report/render_rows.hpp"

namespace indicheck {

namespace {

const char* colour_of(VerdictKind v) {
  switch (v) {
    case VerdictKind::pass:
      return "\x1b[32m";
    case VerdictKind::fail:
    case VerdictKind::error:
      return "\x1b[31m";
    case VerdictKind::partial:
    case VerdictKind::missing:
      return "\x1b[33m";
    case VerdictKind::manual:
      return "\x1b[36m";
    case VerdictKind::no_target:
      return "\x1b[2m";
  }
  return "";
}

// The report's text with the colours to insert at given places. Everything
// appended is data or our own words; finish() shows it with visible_text (an
// ESC or BEL in a cell must not reach the terminal) and only then inserts the
// colours' own escape sequences.
class Styled {
 public:
  Styled& operator+=(const std::string& text) {
    text_ += text;
    return *this;
  }
  Styled& operator+=(const Styled& other) {
    for (const auto& [at, code] : other.marks_) marks_.emplace_back(text_.size() + at, code);
    text_ += other.text_;
    return *this;
  }
  // `text` in `colour` (with `on`; else plain).
  void coloured(const std::string& text, const char* colour, bool on) {
    if (on) marks_.emplace_back(text_.size(), colour);
    text_ += text;
    if (on) marks_.emplace_back(text_.size(), "\x1b[0m");
  }
  std::string finish() const {
    std::string out;
    std::size_t from = 0;
    for (const auto& [at, code] : marks_) {
      out += visible_text(std::string_view(text_).substr(from, at - from), true);
      out += code;
      from = at;
    }
    return out + visible_text(std::string_view(text_).substr(from), true);
  }

 private:
  std::string text_;
  std::vector<std::pair<std::size_t, const char*>> marks_;
};

// Long names (履职 duties run to a hundred characters) are cut to keep the
// table readable; the listing above and the JSON carry them whole.
constexpr unsigned kNameCells = 40;

std::string clip(const std::string& name) {
  return clip_to_width(name, kNameCells);
}

std::string tally_table(const std::string& title, const std::vector<Tally>& rows,
                        const Tally* total) {
  unsigned name_width = display_width(title);
  for (const Tally& t : rows) name_width = std::max(name_width, display_width(clip(t.name)));
  std::string out = pad_right(title, name_width);
  std::vector<unsigned> widths;
  for (VerdictKind v : kAllVerdicts) {
    std::string head = to_string(v);
    widths.push_back(std::max<unsigned>(5, static_cast<unsigned>(head.size())));
    out += "  " + pad_left(head, widths.back());
  }
  out += "  total\n";
  auto row = [&](const Tally& t) {
    std::string line = pad_right(clip(t.name), name_width);
    for (std::size_t i = 0; i < std::size(kAllVerdicts); ++i)
      line += "  " + pad_left(std::to_string(t.counts[i]), widths[i]);
    line += "  " + pad_left(std::to_string(t.total), 5);
    return line + "\n";
  };
  for (const Tally& t : rows) out += row(t);
  if (total) out += row(*total);
  return out;
}

// Year-end score, mid-year outlook and the reason owed, under one indicator.
Styled assessment_lines(const IndicatorResult& res, const std::string& indent,
                        const TextOptions& options) {
  Styled out;
  if (res.score) {
    out += indent + "score " + res.score->points.to_fixed(2) + " / " +
           res.score->weight.to_fixed(2) + " · " + res.score->explanation + "\n";
    for (const auto& n : res.score->notes)
      out += indent +
             (res.score->review && n.starts_with("over-achieved") ? "review: " : "note: ") + n +
             "\n";
  } else if (!res.unscored.empty()) {
    out += indent + "not scored: " + res.unscored + "\n";
  }
  if (res.outlook)
    out += indent + "on track: " + chinese(res.outlook->on_track) + " (" +
           to_string(res.outlook->on_track) + ") · " + res.outlook->explanation + "\n";
  if (res.needs_reason) {
    out += indent;
    out.coloured("needs a reason (偏差原因)", "\x1b[33m", options.color);
    out += "\n";
  }
  return out;
}

// A published self-evaluation re-checked: each 得分 that differs from indicheck's.
std::string recheck_lines(const Recheck& c) {
  std::string out =
      "\npublished self-evaluation re-checked (得分 compared as printed: at the places "
      "the table prints, half-up)\nweights: " +
      c.weights + "\n";
  out += recheck_summary(c) + "\n";
  for (const RecheckRow& p : recheck_rows(c))
    out += std::string(p.differs ? "  ≠ " : "  = ") + p.what + ": published " + p.published +
           ", indicheck " + p.computed + " (" + p.where + ")\n      " + p.explanation + "\n";
  for (const auto& n : c.notes) out += "note: " + n + "\n";
  return out;
}

// The 自评表's funds block (funds_block), when there is anything to show:
// the figures in the funds unit, the 执行率, and the block's score.
std::string funds_lines(const Report& r) {
  const FundsCells f = funds_cells(r);
  if (!f.shown) return "";
  const std::string label = "项目资金 (" + f.unit + ")";
  const unsigned w = std::max(display_width(label), display_width("年度资金总额"));
  std::string out = "\n" + pad_right(label, w);
  for (const char* head : kFundsHeads) out += "  " + pad_left(head, 12);
  out += "\n" + pad_right("年度资金总额", w);
  for (const std::string& v : funds_values(f)) out += "  " + pad_left(v.empty() ? "-" : v, 12);
  out += "\n";
  if (!f.explanation.empty()) out += f.explanation + "\n";
  if (!f.from_rules.empty()) out += "from the rule files: " + f.from_rules + "\n";
  return out;
}

// The year-end score by 一级指标 and the total with its grade, the funds
// block, then the indicators still owing a 偏差原因.
Styled assessment_summary(const Report& r, const TextOptions& options) {
  Styled out;
  if (r.scoring) {
    const Scoring& s = *r.scoring;
    unsigned name_width = display_width("得分 (" + s.scheme + ")");
    for (const auto& c : s.by_category) name_width = std::max(name_width, display_width(c.name));
    out += "\n" + pad_right("得分 (" + s.scheme + ")", name_width) + "  " + pad_left("分值", 7) +
           "  " + pad_left("得分", 7) + "\n";
    for (const auto& c : s.by_category)
      out += pad_right(c.name, name_width) + "  " + pad_left(c.weight.to_fixed(2), 7) + "  " +
             pad_left(c.points.to_fixed(2), 7) + "\n";
    out += pad_right("scored", name_width) + "  " + pad_left(s.weight.to_fixed(2), 7) + "  " +
           pad_left(s.points.to_fixed(2), 7) + "\n";
    if (s.execution) out += "预算执行率 block: " + s.execution->explanation + "\n";
    out += "total " + (s.grade.empty() ? std::string("-") : s.total.to_fixed(2)) + " / 100 · ";
    out.coloured(s.grade.empty() ? "-" : s.grade,
                 s.grade == "差"   ? "\x1b[31m"
                 : s.grade == "中" ? "\x1b[33m"
                                   : "\x1b[32m",
                 options.color && !s.grade.empty());
    out += " · " + s.explanation + "\n";
    for (const auto& a : s.assumptions) out += "assumed: " + a + "\n";
    out += funds_lines(r);
  }
  if (r.recheck) out += recheck_lines(*r.recheck);
  if (auto tallies = outlook_tallies(r); !tallies.empty()) {
    unsigned name_width = display_width("on track (mid-year)");
    for (const auto& t : tallies) name_width = std::max(name_width, display_width(clip(t.name)));
    out += "\n" + pad_right("on track (mid-year)", name_width) + "  " + pad_left("确定能", 6) +
           "  " + pad_left("有可能", 6) + "  " + pad_left("不可能", 6) + "\n";
    for (const auto& t : tallies)
      out += pad_right(clip(t.name), name_width) + "  " + pad_left(std::to_string(t.certain), 6) +
             "  " + pad_left(std::to_string(t.possible), 6) + "  " +
             pad_left(std::to_string(t.impossible), 6) + "\n";
  }
  unsigned owed = 0;
  for (const auto& res : r.results) owed += res.needs_reason;
  if (owed > 0) {
    out += "\nneeds a reason (偏差原因), " + std::to_string(owed) + " indicator(s):\n";
    for (std::size_t i = 0; i < r.results.size(); ++i)
      if (r.results[i].needs_reason)
        out += "  " + std::to_string(i + 1) + "  " + r.results[i].indicator->path_text() + "\n";
  }
  return out;
}

}  // namespace

std::string render_text(const Report& r, const TextOptions& options) {
  Styled out;
  out += "indicheck check";
  if (!report_who(r).empty()) out += ": " + report_who(r);
  if (r.year) out += " " + std::to_string(*r.year) + "年度";
  out += std::string(" · ") + chinese(r.period) + " (" + to_string(r.period) + ")\n";
  for (const auto& [key, value] : r.heading) out += key + ": " + shown_cell(value) + "\n";
  out += "targets: " + r.targets_file + "\n";
  out += "actuals: " + r.actuals_file + "\n\n";

  const unsigned number_width = static_cast<unsigned>(std::to_string(r.results.size()).size());
  const unsigned verdict_width = 9;
  const std::string indent(number_width + 2 + verdict_width + 1, ' ');
  for (std::size_t i = 0; i < r.results.size(); ++i) {
    const IndicatorResult& res = r.results[i];
    out += pad_left(std::to_string(i + 1), number_width) + "  ";
    out.coloured(pad_right(to_string(res.verdict.kind), verdict_width), colour_of(res.verdict.kind),
                 options.color);
    out += " " + res.indicator->path_text() + "\n";
    out += indent + "target " + (res.target.empty() ? "(none)" : shown_cell(res.target)) +
           " · actual " + (res.actual.empty() ? "(none)" : shown_cell(res.actual)) + "\n";
    out += indent + res.verdict.explanation + "\n";
    for (const auto& a : res.verdict.rules) out += indent + "rule: " + a + "\n";
    for (const auto& a : res.verdict.assumptions) out += indent + "assumed: " + a + "\n";
    if (!res.reason.empty()) out += indent + "偏差原因: " + res.reason + "\n";
    out += assessment_lines(res, indent, options);
  }

  if (!r.reconciliations.empty()) {
    out += "\n" + reconciliation_summary(r) + "\n";
    for (const ReconciliationRow& c : reconciliation_rows(r)) {
      out += pad_left("", number_width) + "  ";
      out.coloured(pad_right(c.result, verdict_width), colour_of(c.kind), options.color);
      out += " " + c.written + "  (" + c.where + (c.warning ? ", 警告" : "") + ")\n";
      out += indent + c.explanation + "\n";
      if (!c.message.empty()) out += indent + "说明: " + c.message + "\n";
    }
  }

  out += "\n" + tally_table("一级指标", r.by_level1, nullptr);
  out += "\n" + tally_table("二级指标", r.by_level2, &r.total);

  out += "\n" + std::to_string(r.total.total) + " indicators:";
  bool first = true;
  for (VerdictKind v : kAllVerdicts) {
    if (r.total.count(v) == 0) continue;
    out += std::string(first ? " " : ", ") + std::to_string(r.total.count(v)) + " " + to_string(v);
    first = false;
  }
  out += "\n";
  out += assessment_summary(r, options);
  unsigned errors = 0, warnings = 0;
  for (const auto& d : r.diagnostics) (d.severity == Severity::error ? errors : warnings) += 1;
  if (errors + warnings > 0)
    out += std::to_string(errors) + " error(s) and " + std::to_string(warnings) +
           " warning(s) in the input files (listed on stderr)\n";
  return out.finish();
}

}  // namespace indicheck
