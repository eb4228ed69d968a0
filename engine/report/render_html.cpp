// The report as one self-contained HTML page: no network (inline CSS, SVG and
// a few lines of JS), a bar chart per 一级指标, a table filterable by text and
// verdict, and print styles for A4.

#include "engine/base/diagnostic.hpp"
#include "engine/base/message.hpp"
#include "engine/report/render.hpp"
#include "engine/report/render_rows.hpp"

namespace indicheck {

namespace {

constexpr const char* kStyle = R"(<style>
body{font-family:"Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:1.5em;color:#222}
h1{font-size:1.4em;margin:0 0 .3em}
.meta{color:#555;font-size:.9em}
.total{font-size:1.3em;margin:.6em 0}
.grade{font-weight:bold;padding:0 .4em;border-radius:3px;background:#e8f3e8}
table{border-collapse:collapse;width:100%;font-size:.85em}
th,td{border:1px solid #bbb;padding:3px 5px;vertical-align:top;text-align:left}
th{background:#ddebf7;white-space:nowrap}
td.num{text-align:right;white-space:nowrap}
td.cat{word-break:keep-all}
th.c-no{width:1.5em}th.c-l1{width:4.5em}th.c-l2{width:8.5em}th.c-name{width:9em}
th.c-val{width:5.5em}th.c-v{width:5em}th.c-num{width:3.5em}th.c-how{width:9em}th.c-why{width:7em}
tr.pass td.v{color:#1a7f1a}tr.fail td.v,tr.error td.v{color:#b00}
tr.partial td.v,tr.missing td.v{color:#a60}tr.manual td.v{color:#067}
.owed{color:#b00;font-weight:bold}
tr.differs td,tr.fails td{background:#fdecea}
.how{color:#555;font-size:.9em}
#filters{margin:.8em 0}
@page{size:A4 landscape;margin:12mm}
@media print{#filters{display:none}body{margin:0}tr{page-break-inside:avoid}thead{display:table-header-group}}
</style>
)";

constexpr const char* kScript = R"(<script>
(function(){
var q=document.getElementById('q'),v=document.getElementById('verdict');
function apply(){var t=q.value.trim(),k=v.value;
document.querySelectorAll('#indicators tbody tr').forEach(function(r){
var ok=(!k||r.className===k)&&(!t||r.textContent.indexOf(t)>=0);r.style.display=ok?'':'none';});}
q.addEventListener('input',apply);v.addEventListener('change',apply);
})();
</script>
)";

struct Bar {
  std::string label, value;
  Number fraction;  // 0 … 1: the bar's length
};

// A horizontal bar chart in inline SVG, one bar per 一级指标.
std::string chart(const std::string& title, const std::vector<Bar>& bars) {
  const int row_h = 22, label_w = 150, bar_w = 360;
  int height = static_cast<int>(bars.size()) * row_h + 28;
  std::string out = "<svg role=\"img\" aria-label=\"" + escape_markup(title) + "\" width=\"" +
                    std::to_string(label_w + bar_w + 150) + "\" height=\"" +
                    std::to_string(height) + "\" xmlns=\"http://www.w3.org/2000/svg\">\n";
  out += "<text x=\"0\" y=\"14\" font-size=\"13\" font-weight=\"bold\">" + escape_markup(title) +
         "</text>\n";
  for (std::size_t i = 0; i < bars.size(); ++i) {
    int y = 24 + static_cast<int>(i) * row_h;
    // Whole pixels: the bar's length is only a picture of the exact figure beside it.
    std::string width = (bars[i].fraction * Number::integer(bar_w)).to_fixed(0);
    out += "<text x=\"0\" y=\"" + std::to_string(y + 14) + "\" font-size=\"12\">" +
           escape_markup(bars[i].label) + "</text>";
    out += "<rect x=\"" + std::to_string(label_w) + "\" y=\"" + std::to_string(y + 3) +
           "\" width=\"" + std::to_string(bar_w) + "\" height=\"14\" fill=\"#eee\"/>";
    out += "<rect x=\"" + std::to_string(label_w) + "\" y=\"" + std::to_string(y + 3) +
           "\" width=\"" + width + "\" height=\"14\" fill=\"#4a7ebb\"/>";
    out += "<text x=\"" + std::to_string(label_w + bar_w + 8) + "\" y=\"" + std::to_string(y + 14) +
           "\" font-size=\"12\">" + escape_markup(bars[i].value) + "</text>\n";
  }
  return out + "</svg>\n";
}

}  // namespace

void write_html(const Report& r, const TextSink& sink) {
  const bool year = r.period == Period::year;
  std::string title = report_title(r);
  std::string out = "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n";
  out += "<title>" + escape_markup(title) + "</title>\n" + kStyle + "</head>\n<body>\n";
  out += "<h1>" + escape_markup(title) + "</h1>\n";
  for (const auto& [key, value] : r.heading)
    out += "<p class=\"meta\">" + tr("{}: {}", escape_markup(key), escape_markup(value)) + "</p>\n";
  out += "<p class=\"meta\">" +
         tr("targets: {} · actuals: {}", escape_markup(r.targets_file),
            escape_markup(r.actuals_file)) +
         "</p>\n";

  std::vector<Bar> bars;
  if (r.scoring) {
    const Scoring& s = *r.scoring;
    out += "<p class=\"total\">总分 " + escape_markup(s.grade.empty() ? "-" : s.total.to_fixed(2)) +
           " / 100 <span class=\"grade\">" + escape_markup(s.grade.empty() ? "-" : s.grade) +
           "</span></p>\n";
    out += "<p class=\"how\">" +
           tr("{}: {}", escape_markup(s.scheme), escape_markup(s.explanation)) + "</p>\n";
    for (const auto& c : s.by_category)
      bars.push_back({c.name, c.points.to_fixed(2) + " / " + c.weight.to_fixed(2),
                      c.weight.sign() > 0 ? c.points / c.weight : Number::integer(0)});
    out += chart(tr("得分率 by 一级指标"), bars);
  } else {
    for (const Tally& t : r.by_level1)
      bars.push_back(
          {t.name, tr("{} / {} pass", t.count(VerdictKind::pass), t.total),
           t.total ? Number::ratio(t.count(VerdictKind::pass), t.total) : Number::integer(0)});
    out += chart(tr("pass by 一级指标"), bars);
  }

  out += "<div id=\"filters\"><label>" + tr("filter {}", "<input id=\"q\" type=\"search\">") +
         "</label> <label>" +
         tr("verdict {}", std::string("<select id=\"verdict\"><option value=\"\">") +
                              trc("filter", "all") + "</option>");
  // The option's value is the row's class (English, as in JSON); its text the
  // verdict word, which names it only where the two differ.
  for (VerdictKind v : kAllVerdicts) {
    const std::string word = said(v);
    out += (word == to_string(v) ? std::string("<option>")
                                 : std::string("<option value=\"") + to_string(v) + "\">") +
           escape_markup(word) + "</option>";
  }
  out += "</select></label></div>\n";

  out +=
      "<table id=\"indicators\">\n<thead><tr><th class=\"c-no\">#</th>"
      "<th class=\"c-l1\">一级指标</th><th class=\"c-l2\">二级指标</th>"
      "<th class=\"c-name\">三级指标</th><th class=\"c-val\">指标值</th>"
      "<th class=\"c-val\">实际完成值</th><th class=\"c-v\">判定</th>";
  out += year ? "<th class=\"c-num\">分值</th><th class=\"c-num\">得分</th>"
                "<th class=\"c-how\">计分</th>"
              : "<th class=\"c-v\">全年预计</th><th class=\"c-how\">依据</th>";
  out += "<th class=\"c-why\">偏差原因</th></tr></thead>\n<tbody>\n";
  // One indicator at a time: a large report is never held whole.
  sink(out);
  out.clear();
  for (std::size_t i = 0; i < r.results.size(); ++i) {
    if (!out.empty()) sink(out);
    out.clear();
    const ReportRow x = report_row(r, i);
    std::string name = x.key_work.empty() ? x.name : x.key_work + " / " + x.name;
    // Targets and actuals clipped as in the text report; JSON and CSV keep them whole.
    out += "<tr class=\"" + x.verdict_key + "\"><td class=\"num\">" + std::to_string(x.index) +
           "</td><td class=\"cat\">" + escape_markup(x.level1) + "</td><td>" +
           escape_markup(x.level2) + "</td><td>" + escape_markup(name) + "</td><td>" +
           escape_markup(shown_signs(shown_cell(x.target))) + "</td><td>" +
           escape_markup(shown_signs(shown_cell(x.actual))) + "</td><td class=\"v\">" +
           escape_markup(x.verdict) + "<div class=\"how\">" + escape_markup(x.explanation) +
           "</div></td>";
    if (year)
      out += "<td class=\"num\">" + escape_markup(x.weight) + "</td><td class=\"num\">" +
             escape_markup(x.points) + "</td><td class=\"how\">" + escape_markup(x.scoring) +
             "</td>";
    else
      out += "<td>" + escape_markup(x.on_track) + "</td><td class=\"how\">" +
             escape_markup(x.on_track_why) + "</td>";
    out +=
        "<td>" +
        (x.needs_reason ? "<span class=\"owed\">" + escape_markup(tr("needs a reason")) + "</span>"
                        : escape_markup(x.reason)) +
        "</td></tr>\n";
  }
  out += "</tbody>\n</table>\n";
  if (const FundsCells f = funds_cells(r); r.scoring && f.shown) {
    // The funds block, as the text report shows it.
    out += "<h2>" + escape_markup(f.label) + "</h2>\n<table class=\"funds\">\n<thead><tr><th></th>";
    for (const char* head : kFundsHeads) out += "<th>" + std::string(head) + "</th>";
    out += "</tr></thead>\n<tbody>\n<tr><td>年度资金总额</td>";
    for (const std::string& v : funds_values(f))
      out += "<td class=\"num\">" + escape_markup(v.empty() ? "-" : v) + "</td>";
    out += "</tr>\n</tbody>\n</table>\n";
    if (!f.explanation.empty())
      out += "<p class=\"how\">" + escape_markup(f.explanation) + "</p>\n";
    if (!f.from_rules.empty())
      out += "<p class=\"how\">" + tr("from the rule files: {}", escape_markup(f.from_rules)) +
             "</p>\n";
  }
  if (!r.reconciliations.empty()) {
    // Every 核对 of the rule files; one not passed at error level is marked.
    out += "<h2>" + escape_markup(reconciliation_summary(r)) +
           "</h2>\n<table class=\"reconciliations\">\n<thead><tr><th class=\"c-v\">判定</th>"
           "<th>核对</th><th>取值</th><th>说明</th><th>" +
           escape_markup(trc("column", "where")) + "</th></tr></thead>\n<tbody>\n";
    for (const ReconciliationRow& c : reconciliation_rows(r))
      out += "<tr class=\"" + c.key + (c.fails() ? " fails" : "") + "\"><td class=\"v\">" +
             escape_markup(c.warning ? tr("{} (警告)", c.result) : c.result) + "</td><td>" +
             escape_markup(c.written) + "</td><td class=\"how\">" + escape_markup(c.explanation) +
             "</td><td>" + escape_markup(c.message) + "</td><td>" + escape_markup(c.where) +
             "</td></tr>\n";
    out += "</tbody>\n</table>\n";
  }
  if (r.recheck) {
    // As in the text and Markdown reports: each published 得分 that differs,
    // and the published 总分, with indicheck's arithmetic.
    const Recheck& c = *r.recheck;
    out += "<h2>" + escape_markup(tr("Published self-evaluation re-checked")) +
           "</h2>\n<p class=\"how\">" +
           tr("得分 compared as printed (2 places, half-up). Weights: {}. {}.",
              escape_markup(c.weights), escape_markup(capitalised(recheck_summary(c)))) +
           "</p>\n";
    const auto rows = recheck_rows(c);
    if (!rows.empty()) {
      out += "<table class=\"recheck\">\n<thead><tr><th>指标</th><th>" +
             escape_markup(trc("column", "published")) + "</th><th>indicheck</th><th>" +
             escape_markup(tr("indicheck's arithmetic")) + "</th><th>" +
             escape_markup(trc("column", "where")) + "</th></tr></thead>\n<tbody>\n";
      for (const RecheckRow& p : rows)
        out += std::string("<tr") + (p.differs ? " class=\"differs\"" : "") + "><td>" +
               escape_markup(p.what) + "</td><td class=\"num\">" + escape_markup(p.published) +
               "</td><td class=\"num\">" + escape_markup(p.computed) + "</td><td class=\"how\">" +
               escape_markup(p.explanation) + "</td><td>" + escape_markup(p.where) + "</td></tr>\n";
      out += "</tbody>\n</table>\n";
    }
    for (const auto& n : c.notes)
      out += "<p class=\"how\">" + tr("note: {}", escape_markup(n)) + "</p>\n";
  }
  if (r.scoring && !r.scoring->assumptions.empty()) {
    out += "<h2>" + escape_markup(tr("Assumed")) + "</h2>\n<ul>\n";
    for (const auto& a : r.scoring->assumptions) out += "<li>" + escape_markup(a) + "</li>\n";
    out += "</ul>\n";
  }
  out += kScript;
  out += "</body>\n</html>\n";
  sink(out);
}

std::string render_html(const Report& r) {
  return gathered([&](const TextSink& sink) { write_html(r, sink); });
}

}  // namespace indicheck
