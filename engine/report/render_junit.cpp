// The report as JUnit XML so that CI systems show misses: one testsuite per
// 一级指标, one testcase per indicator. pass passes; fail, partial and missing
// are failures; error is an error; manual and no-target are skipped.

#include "engine/base/message.hpp"
#include "engine/report/render.hpp"
#include "engine/report/render_rows.hpp"

namespace indicheck {

namespace {

struct Suite {
  std::string name;
  std::string body;
  unsigned tests = 0, failures = 0, errors = 0, skipped = 0;
};

// One indicator's <testcase>.
std::string indicator_case(const ReportRow& row) {
  std::string body;
  std::string name = row.path.substr(row.level1.size() + 3);  // after "一级 / "
  body += "    <testcase classname=\"" + escape_markup(row.level1) + "\" name=\"" +
          escape_markup(std::to_string(row.index) + ". " + name) + "\">\n";
  std::string detail = tr("target {} · actual {}", row.target, row.actual) + "\n" + row.explanation;
  VerdictKind v = row.result->verdict.kind;
  if (v == VerdictKind::fail || v == VerdictKind::partial || v == VerdictKind::missing) {
    body += "      <failure type=\"" + row.verdict_key + "\" message=\"" +
            escape_markup(row.explanation) + "\">" + escape_markup(detail) + "</failure>\n";
  } else if (v == VerdictKind::error) {
    body += "      <error type=\"error\" message=\"" + escape_markup(row.explanation) + "\">" +
            escape_markup(detail) + "</error>\n";
  } else if (v == VerdictKind::manual || v == VerdictKind::no_target) {
    body += "      <skipped message=\"" +
            escape_markup(tr("{}: {}", row.verdict, row.explanation)) + "\"/>\n";
  }
  std::string out;
  if (!row.points.empty())
    out += tr("score {} / {}: {}", row.points, row.weight, row.scoring) + "\n";
  if (!row.on_track.empty()) out += tr("全年预计 {}: {}", row.on_track, row.on_track_why) + "\n";
  if (!row.reason.empty()) out += tr("偏差原因: {}", row.reason) + "\n";
  if (row.needs_reason) out += tr("needs a reason (偏差原因)") + std::string("\n");
  if (!out.empty()) body += "      <system-out>" + escape_markup(out) + "</system-out>\n";
  return body + "    </testcase>\n";
}

}  // namespace

void write_junit(const Report& r, const TextSink& sink) {
  // The indicators' suites, one per run of indicators under one 一级指标,
  // counted first (the counts head each suite); their cases are written in
  // the second pass, one at a time, so that a large report is never held whole.
  std::vector<Suite> suites;
  for (const IndicatorResult& res : r.results) {
    if (suites.empty() || suites.back().name != res.indicator->level1) {
      suites.emplace_back();
      suites.back().name = res.indicator->level1;
    }
    Suite& s = suites.back();
    ++s.tests;
    VerdictKind v = res.verdict.kind;
    s.failures += v == VerdictKind::fail || v == VerdictKind::partial || v == VerdictKind::missing;
    s.errors += v == VerdictKind::error;
    s.skipped += v == VerdictKind::manual || v == VerdictKind::no_target;
  }
  const std::size_t indicator_suites = suites.size();
  if (!r.reconciliations.empty()) {
    // Every 核对 of the rule files: one not passed at error level fails the
    // job as the check's exit code does (fail and missing a <failure>, error an
    // <error>, as for an indicator); one at warning level (警告) passes with its
    // result in <system-out>.
    Suite& s = suites.emplace_back();
    s.name = "核对";
    for (const ReconciliationRow& c : reconciliation_rows(r)) {
      ++s.tests;
      s.body += "    <testcase classname=\"核对\" name=\"" + escape_markup(c.written) + "\">\n";
      std::string detail = c.explanation + "\n" +
                           (c.message.empty() ? std::string() : tr("说明: {}", c.message) + "\n") +
                           tr("at {}", c.where) + "\n";
      if (c.fails() && c.kind == VerdictKind::error) {
        ++s.errors;
        s.body += "      <error type=\"error\" message=\"" + escape_markup(c.explanation) + "\">" +
                  escape_markup(detail) + "</error>\n";
      } else if (c.fails()) {
        ++s.failures;
        s.body += "      <failure type=\"" + c.key + "\" message=\"" +
                  escape_markup(c.explanation) + "\">" + escape_markup(detail) + "</failure>\n";
      } else {
        s.body +=
            "      <system-out>" +
            escape_markup((c.warning ? tr("{} (警告)", c.result) + "\n" : std::string()) + detail) +
            "</system-out>\n";
      }
      s.body += "    </testcase>\n";
    }
  }
  if (const FundsCells f = funds_cells(r); r.scoring && f.shown) {
    // The funds block, for the record: one case that passes, its figures in
    // <system-out> (its score is the 预算执行率 indicator's or the block's).
    Suite& s = suites.emplace_back();
    s.name = f.label;
    ++s.tests;
    std::string out;
    const auto values = funds_values(f);
    for (std::size_t i = 0; i < values.size(); ++i)
      out += std::string(kFundsHeads[i]) + " " + (values[i].empty() ? "-" : values[i]) + "\n";
    if (!f.explanation.empty()) out += f.explanation + "\n";
    if (!f.from_rules.empty()) out += tr("from the rule files: {}", f.from_rules) + "\n";
    s.body += "    <testcase classname=\"" + escape_markup(f.label) +
              "\" name=\"年度资金总额\">\n      <system-out>" + escape_markup(out) +
              "</system-out>\n    </testcase>\n";
  }
  if (r.recheck) {
    // A published self-evaluation: one case for the 得分 compared (a failure
    // per one that differs) and one for the published 总分.
    const Recheck& c = *r.recheck;
    Suite& s = suites.emplace_back();
    s.name = "自评复核";
    auto one = [&](const std::string& name, const std::vector<RecheckRow>& bad,
                   const std::string& summary) {
      ++s.tests;
      s.body += "    <testcase classname=\"自评复核\" name=\"" + escape_markup(name) + "\">\n";
      if (!bad.empty()) {
        ++s.failures;
        std::string detail;
        for (const RecheckRow& p : bad)
          detail += tr("{}: published {}, indicheck {} ({}) at {}", p.what, p.published, p.computed,
                       p.explanation, p.where) +
                    "\n";
        s.body += "      <failure type=\"recheck\" message=\"" + escape_markup(summary) + "\">" +
                  escape_markup(detail) + "</failure>\n";
      }
      s.body += "    </testcase>\n";
    };
    // recheck_rows: the differing 得分, then the 总分 (last, when given).
    std::vector<RecheckRow> rows = recheck_rows(c), total;
    if (c.total) {
      if (rows.back().differs) total.push_back(rows.back());
      rows.pop_back();
    }
    one(tr("published 得分 ({} compared)", c.compared), rows,
        tr("{} of {} published 得分 differ from indicheck's (weights: {})", c.differences.size(),
           c.compared, c.weights));
    if (c.total)
      one(tr("published 总分"), total,
          tr("the published 总分 {} differs from indicheck's {}", c.total->published,
             c.total->computed));
  }
  unsigned tests = 0, failures = 0, errors = 0, skipped = 0;
  for (const Suite& s : suites) {
    tests += s.tests;
    failures += s.failures;
    errors += s.errors;
    skipped += s.skipped;
  }
  auto counts = [](unsigned t, unsigned f, unsigned e, unsigned sk) {
    return " tests=\"" + std::to_string(t) + "\" failures=\"" + std::to_string(f) + "\" errors=\"" +
           std::to_string(e) + "\" skipped=\"" + std::to_string(sk) + "\"";
  };
  std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out += "<testsuites name=\"" + escape_markup("indicheck: " + report_title(r)) + "\"" +
         counts(tests, failures, errors, skipped) + ">\n";
  sink(out);
  out.clear();
  std::size_t next = 0;  // the next indicator
  for (std::size_t k = 0; k < suites.size(); ++k) {
    const Suite& s = suites[k];
    sink("  <testsuite name=\"" + escape_markup(s.name) + "\"" +
         counts(s.tests, s.failures, s.errors, s.skipped) + ">\n");
    if (k < indicator_suites)
      for (unsigned i = 0; i < s.tests; ++i) sink(indicator_case(report_row(r, next++)));
    else
      sink(s.body);
    sink("  </testsuite>\n");
  }
  if (r.scoring) {
    std::string total =
        escape_markup("总分 " + total_text(*r.scoring) + ": " + r.scoring->explanation);
    for (auto at = total.find("--"); at != std::string::npos; at = total.find("--"))
      total.replace(at, 2, "- -");
    out += "  <!-- " + total + " -->\n";
  }
  out += "</testsuites>\n";
  sink(out);
}

std::string render_junit(const Report& r) {
  return gathered([&](const TextSink& sink) { write_junit(r, sink); });
}

}  // namespace indicheck
