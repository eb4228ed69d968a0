// The report as an aligned terminal table; correct under CJK text.

#include <algorithm>

#include "engine/base/diagnostic.hpp"
#include "engine/base/message.hpp"
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

// A mid-year outlook as the text report says it: "确定能 (certain)" / "确定能".
const char* outlook_word(OnTrack o) {
  switch (o) {
    case OnTrack::certain:
      return tr("确定能 (certain)");
    case OnTrack::possible:
      return tr("有可能 (possible)");
    case OnTrack::impossible:
      return tr("不可能 (impossible)");
  }
  return to_string(o);
}

std::string tally_table(const std::string& title, const std::vector<Tally>& rows,
                        const Tally* total) {
  unsigned name_width = display_width(title);
  for (const Tally& t : rows) name_width = std::max(name_width, display_width(clip(t.name)));
  std::string out = pad_right(title, name_width);
  std::vector<unsigned> widths;
  for (VerdictKind v : kAllVerdicts) {
    std::string head = said(v);
    widths.push_back(std::max<unsigned>(5, display_width(head)));
    out += "  " + pad_left(head, widths.back());
  }
  const std::string total_head = trc("tally", "total");
  const unsigned total_width = std::max<unsigned>(5, display_width(total_head));
  out += "  " + pad_left(total_head, total_width) + "\n";
  auto row = [&](const Tally& t) {
    std::string line = pad_right(clip(t.name), name_width);
    for (std::size_t i = 0; i < std::size(kAllVerdicts); ++i)
      line += "  " + pad_left(std::to_string(t.counts[i]), widths[i]);
    line += "  " + pad_left(std::to_string(t.total), total_width);
    return line + "\n";
  };
  for (const Tally& t : rows) out += row(t);
  if (total) {
    Tally named = *total;
    named.name = trc("tally", "total");
    out += row(named);
  }
  return out;
}

// Year-end score, mid-year outlook and the reason owed, under one indicator.
Styled assessment_lines(const IndicatorResult& res, const std::string& indent,
                        const TextOptions& options) {
  Styled out;
  if (res.score) {
    out += indent +
           tr("score {} / {} · {}", res.score->points.to_fixed(2), res.score->weight.to_fixed(2),
              res.score->explanation) +
           "\n";
    for (const auto& n : res.score->notes)
      out += indent +
             (res.score->review && n.starts_with("over-achieved") ? tr("review: {}", n)
                                                                  : tr("note: {}", n)) +
             "\n";
  } else if (res.unscored) {
    out += indent + tr("not scored: {}", *res.unscored) + "\n";
  }
  if (res.outlook)
    out += indent +
           tr("on track: {} · {}", outlook_word(res.outlook->on_track), res.outlook->explanation) +
           "\n";
  if (res.needs_reason) {
    out += indent;
    out.coloured(tr("needs a reason (偏差原因)"), "\x1b[33m", options.color);
    out += "\n";
  }
  return out;
}

// A published self-evaluation re-checked: each 得分 that differs from indicheck's.
std::string recheck_lines(const Recheck& c) {
  std::string out = std::string("\n") +
                    tr("published self-evaluation re-checked (得分 compared as printed: at the "
                       "places the table prints, half-up)") +
                    "\n" + tr("weights: {}", c.weights) + "\n";
  out += recheck_summary(c) + "\n";
  for (const RecheckRow& p : recheck_rows(c))
    out += std::string(p.differs ? "  ≠ " : "  = ") +
           tr("{}: published {}, indicheck {} ({})", p.what, p.published, p.computed, p.where) +
           "\n      " + p.explanation + "\n";
  for (const auto& n : c.notes) out += tr("note: {}", n) + "\n";
  return out;
}

// The 自评表's funds block (funds_block), when there is anything to show:
// the figures in the funds unit, the 执行率, and the block's score.
std::string funds_lines(const Report& r) {
  const FundsCells f = funds_cells(r);
  if (!f.shown) return "";
  const TableForm form = table_form(r);
  const std::string label = form == TableForm::project      ? tr("项目资金 ({})", f.unit)
                            : form == TableForm::department ? tr("部门整体资金 ({})", f.unit)
                                                            : tr("年度资金 ({})", f.unit);
  const unsigned w = std::max(display_width(label), display_width("年度资金总额"));
  std::string out = "\n" + pad_right(label, w);
  for (const char* head : kFundsHeads) out += "  " + pad_left(head, 12);
  out += "\n" + pad_right("年度资金总额", w);
  for (const std::string& v : funds_values(f)) out += "  " + pad_left(v.empty() ? "-" : v, 12);
  out += "\n";
  if (!f.explanation.empty()) out += f.explanation + "\n";
  if (!f.from_rules.empty()) out += tr("from the rule files: {}", f.from_rules) + "\n";
  return out;
}

// The year-end score by 一级指标 and the total with its grade, the funds
// block, then the indicators still owing a 偏差原因.
Styled assessment_summary(const Report& r, const TextOptions& options) {
  Styled out;
  if (r.scoring) {
    const Scoring& s = *r.scoring;
    const std::string head = tr("得分 ({})", s.scheme), scored = trc("score table", "scored");
    unsigned name_width = std::max(display_width(head), display_width(scored));
    for (const auto& c : s.by_category) name_width = std::max(name_width, display_width(c.name));
    out += "\n" + pad_right(head, name_width) + "  " + pad_left("分值", 7) + "  " +
           pad_left("得分", 7) + "\n";
    for (const auto& c : s.by_category)
      out += pad_right(c.name, name_width) + "  " + pad_left(c.weight.to_fixed(2), 7) + "  " +
             pad_left(c.points.to_fixed(2), 7) + "\n";
    out += pad_right(scored, name_width) + "  " + pad_left(s.weight.to_fixed(2), 7) + "  " +
           pad_left(s.points.to_fixed(2), 7) + "\n";
    if (s.execution) out += tr("预算执行率 block: {}", s.execution->explanation) + "\n";
    out += tr("total {} / 100 · ", s.grade.empty() ? std::string("-") : s.total.to_fixed(2));
    out.coloured(s.grade.empty() ? "-" : s.grade,
                 s.grade == "差"   ? "\x1b[31m"
                 : s.grade == "中" ? "\x1b[33m"
                                   : "\x1b[32m",
                 options.color && !s.grade.empty());
    out += " · " + s.explanation + "\n";
    for (const auto& a : s.assumptions) out += tr("assumed: {}", a) + "\n";
    out += funds_lines(r);
  }
  if (r.recheck) out += recheck_lines(*r.recheck);
  if (auto tallies = outlook_tallies(r); !tallies.empty()) {
    const std::string head = tr("on track (mid-year)");
    unsigned name_width = display_width(head);
    for (const auto& t : tallies) name_width = std::max(name_width, display_width(clip(t.name)));
    out += "\n" + pad_right(head, name_width) + "  " + pad_left("确定能", 6) + "  " +
           pad_left("有可能", 6) + "  " + pad_left("不可能", 6) + "\n";
    for (const auto& t : tallies)
      out += pad_right(clip(t.name), name_width) + "  " + pad_left(std::to_string(t.certain), 6) +
             "  " + pad_left(std::to_string(t.possible), 6) + "  " +
             pad_left(std::to_string(t.impossible), 6) + "\n";
  }
  unsigned owed = 0;
  for (const auto& res : r.results) owed += res.needs_reason;
  if (owed > 0) {
    out += "\n" + tr("needs a reason (偏差原因), {} indicator(s):", owed) + "\n";
    for (std::size_t i = 0; i < r.results.size(); ++i)
      if (r.results[i].needs_reason)
        out += "  " + std::to_string(i + 1) + "  " + r.results[i].indicator->path_text() + "\n";
  }
  return out;
}

}  // namespace

void write_text(const Report& r, const TextOptions& options, const TextSink& sink) {
  Styled out;
  std::string who = report_who(r);
  if (r.year) who += (who.empty() ? "" : " ") + std::to_string(*r.year) + "年度";
  const std::string period = r.period == Period::year ? tr("全年 (year)") : tr("半年 (half)");
  // The English keeps the space before the year even without a 单位.
  if (report_who(r).empty())
    out += tr("indicheck check{} · {}", r.year ? " " + who : std::string(), period) + "\n";
  else
    out += tr("indicheck check: {} · {}", who, period) + "\n";
  for (const auto& [key, value] : r.heading) out += tr("{}: {}", key, shown_cell(value)) + "\n";
  out += tr("targets: {}", r.targets_file) + "\n";
  out += tr("actuals: {}", r.actuals_file) + "\n\n";

  const unsigned number_width = static_cast<unsigned>(std::to_string(r.results.size()).size());
  // The widest verdict word: "no-target" (9), "需人工判断" (10 cells).
  unsigned verdict_width = 0;
  for (VerdictKind v : kAllVerdicts)
    verdict_width = std::max(verdict_width, display_width(said(v)));
  const std::string indent(number_width + 2 + verdict_width + 1, ' ');
  // The head, then one indicator at a time, then the rest: a large report is
  // never held whole.
  sink(out.finish());
  for (std::size_t i = 0; i < r.results.size(); ++i) {
    const IndicatorResult& res = r.results[i];
    Styled item;
    item += pad_left(std::to_string(i + 1), number_width) + "  ";
    item.coloured(pad_right(said(res.verdict.kind), verdict_width), colour_of(res.verdict.kind),
                  options.color);
    item += " " + res.indicator->path_text() + "\n";
    item +=
        indent +
        tr("target {} · actual {}", res.target().empty() ? tr("(none)") : shown_cell(res.target()),
           res.actual().empty() ? tr("(none)") : shown_cell(res.actual())) +
        "\n";
    item += indent + res.verdict.explanation + "\n";
    for (const auto& a : res.verdict.rules) item += indent + tr("rule: {}", a) + "\n";
    for (const auto& a : res.verdict.assumptions) item += indent + tr("assumed: {}", a) + "\n";
    if (!res.reason().empty()) item += indent + tr("偏差原因: {}", res.reason()) + "\n";
    item += assessment_lines(res, indent, options);
    sink(item.finish());
  }

  out = Styled();
  if (!r.reconciliations.empty()) {
    out += "\n" + reconciliation_summary(r) + "\n";
    for (const ReconciliationRow& c : reconciliation_rows(r)) {
      out += pad_left("", number_width) + "  ";
      out.coloured(pad_right(c.result, verdict_width), colour_of(c.kind), options.color);
      out += " " + c.written + "  " +
             (c.warning ? tr("({}, 警告)", c.where) : tr("({})", c.where)) + "\n";
      out += indent + c.explanation + "\n";
      if (!c.message.empty()) out += indent + tr("说明: {}", c.message) + "\n";
    }
  }

  out += "\n" + tally_table("一级指标", r.by_level1, nullptr);
  out += "\n" + tally_table("二级指标", r.by_level2, &r.total);

  std::string counts;
  for (VerdictKind v : kAllVerdicts) {
    if (r.total.count(v) == 0) continue;
    if (!counts.empty()) counts += trc("list", ", ");
    counts += trc("tally", "{} {}", r.total.count(v), said(v));
  }
  out += "\n" +
         (counts.empty() ? tr("{} indicators:", r.total.total)
                         : tr("{} indicators: {}", r.total.total, counts)) +
         "\n";
  out += assessment_summary(r, options);
  unsigned errors = 0, warnings = 0;
  for (const auto& d : r.diagnostics) (d.severity == Severity::error ? errors : warnings) += 1;
  if (errors + warnings > 0)
    out += tr("{} error(s) and {} warning(s) in the input files (listed on stderr)", errors,
              warnings) +
           "\n";
  sink(out.finish());
}

std::string render_text(const Report& r, const TextOptions& options) {
  return gathered([&](const TextSink& sink) { write_text(r, options, sink); });
}

}  // namespace indicheck
