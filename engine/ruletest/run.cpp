// Running rule tests: see engine/ruletest/ruletest.hpp. Each case goes through the
// same stages as `indicheck check --rules`: load_rules (lint), check, assess;
// then every expectation is compared with what came out, and coverage records
// which rules and branches the case reached.

#include "engine/base/input_file.hpp"
#include "engine/base/message.hpp"
#include "engine/ruletest/ruletest.hpp"

#include <algorithm>
#include <filesystem>
#include <functional>
#include <regex>
#include <set>
#include <tuple>

#include "engine/assess/pipeline.hpp"
#include "engine/assess/report.hpp"
#include "engine/assess/score.hpp"
#include "engine/base/blank.hpp"
#include "engine/base/output_file.hpp"
#include "engine/cell/parse.hpp"
#include "engine/cell/verdict.hpp"
#include "engine/report/render.hpp"
#include "engine/review/review.hpp"
#include "engine/rules/eval.hpp"
#include "engine/rules/load.hpp"

namespace indicheck::ruletest {

namespace fs = std::filesystem;

std::string relative_to(const std::string& text, const std::string& folder,
                        const std::vector<std::string>& paths) {
  // Longest first, so that a path is never replaced inside a longer one.
  std::vector<std::pair<std::string, std::string>> swaps;
  for (const std::string& p : paths) {
    if (p.empty()) continue;
    std::string rel = fs::path(p).lexically_proximate(folder.empty() ? "." : folder).string();
    if (rel != p) swaps.emplace_back(p, rel);
  }
  std::sort(swaps.begin(), swaps.end(),
            [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
  swaps.erase(std::unique(swaps.begin(), swaps.end()), swaps.end());
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    bool swapped = false;
    for (const auto& [from, to] : swaps)
      if (text.compare(i, from.size(), from) == 0) {
        out += to;
        i += from.size();
        swapped = true;
        break;
      }
    if (!swapped) out += text[i++];
  }
  return out;
}

namespace {

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

// How many lines of `a` are lines of `b` too (each line of `b` counted once).
std::size_t lines_shared(const std::string& a, const std::string& b) {
  std::multiset<std::string> left;
  for (auto& line : lines_of(b)) left.insert(std::move(line));
  std::size_t shared = 0;
  for (const auto& line : lines_of(a)) {
    auto it = left.find(line);
    if (it == left.end()) continue;
    left.erase(it);
    ++shared;
  }
  return shared;
}

}  // namespace

std::string line_diff(const std::string& old_text, const std::string& new_text) {
  auto a = lines_of(old_text), b = lines_of(new_text);
  const std::size_t n = a.size(), m = b.size();
  if (n * m > 4'000'000) return tr("  (the files differ; too long to show line by line)\n");
  // Longest common subsequence, then walk it.
  std::vector<std::vector<unsigned>> lcs(n + 1, std::vector<unsigned>(m + 1, 0));
  for (std::size_t i = n; i-- > 0;)
    for (std::size_t j = m; j-- > 0;)
      lcs[i][j] = a[i] == b[j] ? lcs[i + 1][j + 1] + 1 : std::max(lcs[i + 1][j], lcs[i][j + 1]);
  struct Op {
    char sign;
    std::string text;
  };
  std::vector<Op> ops;
  std::size_t i = 0, j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] == b[j]) {
      ops.push_back({' ', a[i]});
      ++i, ++j;
    } else if (i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1])) {
      ops.push_back({'-', a[i++]});
    } else {
      ops.push_back({'+', b[j++]});
    }
  }
  // Changed lines with two lines of context; "…" where lines are left out.
  std::vector<bool> show(ops.size(), false);
  for (std::size_t k = 0; k < ops.size(); ++k)
    if (ops[k].sign != ' ')
      for (std::size_t c = (k >= 2 ? k - 2 : 0); c <= std::min(ops.size() - 1, k + 2); ++c)
        show[c] = true;
  std::string out;
  bool gap = false;
  for (std::size_t k = 0; k < ops.size(); ++k) {
    if (!show[k]) {
      gap = true;
      continue;
    }
    if (gap && !out.empty()) out += "  …\n";
    gap = false;
    out += "  " + std::string(1, ops[k].sign) + ops[k].text + "\n";
  }
  return out;
}

namespace {

std::optional<Number> signed_decimal(const std::string& text) {
  bool negative = text.starts_with("-");
  auto n = Number::parse_decimal(negative ? text.substr(1) : text);
  if (n && negative) n = -*n;
  return n;
}

// Exact: the value rounded 四舍五入 to the written number's decimals.
bool agrees(const std::string& written, const Number& value) {
  auto w = signed_decimal(written);
  if (!w) return false;
  auto dot = written.find('.');
  unsigned places = dot == std::string::npos ? 0 : static_cast<unsigned>(written.size() - dot - 1);
  return value.to_fixed(places) == w->to_fixed(places);
}

}  // namespace

bool agrees_at_written_precision(const std::string& written, const std::string& exact) {
  auto x = signed_decimal(exact);
  return x && agrees(written, *x);
}

namespace {

bool key_matches(const std::vector<std::string>& key, const Indicator& ind) {
  const auto path = ind.path_key();
  if (key.size() > path.size()) return false;
  for (std::size_t i = 0; i < key.size(); ++i)
    if (key[key.size() - 1 - i] != path[path.size() - 1 - i]) return false;
  return true;
}

std::string normal(const std::string& p) {
  return fs::path(p).lexically_normal().string();
}

std::string one_line(const Diagnostic& d) {
  return where_text(d.where) + ": " + said(d.severity) + "[" + std::string(id_of(d.code)) +
         "]: " + d.message;
}

// What an expectation names: "E3301" or "'unknown name'".
std::string expected_problem(const Expectation& e) {
  return e.code ? std::string(id_of(*e.code)) : "'" + e.text + "'";
}

std::string verdict_text(const Verdict& v) {
  return v.explanation.empty() ? std::string(said(v.kind))
                               : tr("{} ({})", said(v.kind), v.explanation);
}

// ---- coverage ---------------------------------------------------------------

using ItemKey = std::tuple<std::string, unsigned, std::string>;  // file, line, what

class CoverageMap {
 public:
  void declare(const rules::Span& at, const std::string& what) {
    if (!at.file) return;
    items_.emplace(ItemKey{normal(at.file->path), at.line(), what}, false);
  }
  void reach(const rules::Span& at, const std::string& what) {
    if (!at.file) return;
    items_[ItemKey{normal(at.file->path), at.line(), what}] = true;
  }
  Coverage summary() const {
    Coverage c;
    std::map<std::string, FileCoverage> files;
    for (const auto& [key, reached] : items_) {
      const auto& [file, line, what] = key;
      FileCoverage& f = files[file];
      f.file = file;
      ++f.total, ++c.total;
      if (reached) {
        ++f.reached, ++c.reached;
      } else {
        f.missed.push_back(CoverageItem{file, line, what, false});
      }
    }
    for (auto& [_, f] : files) c.files.push_back(std::move(f));
    return c;
  }

 private:
  std::map<ItemKey, bool> items_;
};

std::string indicator_label(const rules::IndicatorRule& r) {
  std::string s = r.is_new ? "新增指标 " : "指标 ";
  for (std::size_t i = 0; i < r.pattern.size(); ++i) s += (i ? "/" : "") + r.pattern[i];
  if (r.only) s += std::string(" (期间 ") + chinese(*r.only) + ")";
  return s;
}

const char* const kBandNames[] = {"达成", "部分达成", "未达成"};

// Every rule and branch a rule set has, each declared once.
void declare_all(const rules::RuleSet& rs, CoverageMap& map,
                 const std::set<const rules::Reconciliation*>& constant) {
  for (const auto& r : rs.indicators) map.declare(r.statement->at, indicator_label(r));
  for (const auto& [name, d] : rs.derived) map.declare(d.at, "定义 " + name);
  for (const auto& c : rs.reconciliations) {
    map.declare(c.statement->at, "核对 " + c.written);
    if (constant.count(&c)) continue;  // decided by the files' own figures
    map.declare(c.statement->at, "核对 " + c.written + ": holds");
    map.declare(c.statement->at, "核对 " + c.written + ": fails");
  }
  for (const auto& s : rs.scales) {
    std::set<int> bands;
    for (const auto& [_, b] : s->band) bands.insert(b);
    for (int b : bands) map.declare(s->at, "量表 " + s->name + ": " + kBandNames[b]);
  }
}

// The 定义 an expression uses, directly or through other 定义.
void reach_definitions(const rules::RuleSet& rs, const rules::Expr& e, CoverageMap& map,
                       std::set<std::string>& seen) {
  if (e.kind == rules::Expr::Kind::reference && !seen.count(e.text)) {
    auto d = rs.derived.find(e.text);
    if (d != rs.derived.end()) {
      seen.insert(e.text);
      map.reach(d->second.at, "定义 " + e.text);
      reach_definitions(rs, *d->second.expr, map, seen);
    }
  }
  for (const auto& a : e.args) reach_definitions(rs, a, map, seen);
}

// What the case reached in `rs` (the report's reconciliations and judgements).
void record(const rules::RuleSet& rs, const Report& report, CoverageMap& map) {
  std::set<std::string> seen;
  for (const auto& c : report.reconciliations) {
    const auto& st = *c.rule->statement;
    map.reach(st.at, "核对 " + c.rule->written);
    if (c.kind == VerdictKind::pass) map.reach(st.at, "核对 " + c.rule->written + ": holds");
    if (c.kind == VerdictKind::fail) map.reach(st.at, "核对 " + c.rule->written + ": fails");
    for (const auto& side : st.sides) reach_definitions(rs, side, map, seen);
  }
  for (const IndicatorResult& res : report.results) {
    if (!report.judgements.count(res.indicator->path_text())) continue;
    auto path = res.indicator->path();
    const rules::Scale* scale = nullptr;
    std::optional<Constraint> target;
    for (const auto& r : rs.indicators) {
      if (!r.matches(path) || (r.only && *r.only != report.period)) continue;
      map.reach(r.statement->at, indicator_label(r));
      if (r.actual) reach_definitions(rs, *r.actual, map, seen);
      if (r.scale && !scale) scale = r.scale;
      if (r.target(report.period)) target = r.target(report.period);
    }
    // The scale a word target is judged on, as rules::judge decides it.
    if (!target) {
      auto parsed = parse_target(res.target(), rs.units);
      if (auto* c = std::get_if<Constraint>(&parsed)) target = *c;
    }
    std::string word;
    if (target) {
      if (auto* l = std::get_if<LevelConstraint>(&target->form)) word = l->word;
      if (auto* t = std::get_if<TextConstraint>(&target->form)) word = t->text;
    }
    if (!scale && !word.empty()) scale = rs.scale_for_word(word);
    if (!scale || word.empty()) continue;
    int band = res.verdict.kind == VerdictKind::pass      ? 0
               : res.verdict.kind == VerdictKind::partial ? 1
               : res.verdict.kind == VerdictKind::fail    ? 2
                                                          : -1;
    if (band >= 0) map.reach(scale->at, "量表 " + scale->name + ": " + kBandNames[band]);
  }
}

std::set<const rules::Reconciliation*> constant_reconciliations(const rules::RuleSet& rs) {
  std::set<const rules::Reconciliation*> out;
  for (Period p : {Period::half, Period::year}) {
    rules::Evaluator ev(rs, p, {});
    for (const auto& r : rules::reconcile(ev, true)) out.insert(r.rule);
  }
  return out;
}

// ---- one case ---------------------------------------------------------------

class CaseRun {
 public:
  CaseRun(const Case& c, const RunOptions& o, CoverageMap& coverage, RunResult& run)
      : c_(c), o_(o), coverage_(coverage), run_(run) {
    result_.test = &c;
  }

  CaseResult go() {
    if (c_.skip) {
      result_.status = CaseResult::Status::skipped;
      return result_;
    }
    execute();
    if (!result_.failures.empty()) result_.status = CaseResult::Status::failed;
    return result_;
  }

 private:
  void fail(const SourceLocation& where, std::string message) {
    result_.failures.push_back(Failure{where, std::move(message)});
  }
  // The test itself cannot run: its files are broken or missing.
  void broken(const std::vector<Diagnostic>& ds) {
    run_.broken = true;
    for (const auto& d : ds)
      if (d.severity == Severity::error) {
        run_.diagnostics.push_back(d);
      }
    fail(c_.where, tr("cannot run: {}", ds.empty() ? std::string("?") : one_line(ds.front())));
  }

  bool diagnostic_matches(const Expectation& e, const Diagnostic& d) const {
    if (d.severity != e.severity) return false;
    if (e.code ? d.code != *e.code : d.message.find(e.text) == std::string::npos) return false;
    if (!e.place_file.empty() &&
        (normal(d.where.file) != e.place_file || d.where.line != e.place_line))
      return false;
    return true;
  }

  // Every expected diagnostic must be among `ds`; every error in `ds` must be
  // expected. Returns false when an error was not expected and no diagnostic
  // was expected at all (the rules or data are broken, not under test).
  bool compare_diagnostics(const std::vector<Diagnostic>& ds, bool final_pass) {
    std::vector<const Expectation*> expected;
    for (const auto& e : c_.expectations)
      if (e.kind == Expectation::Kind::diagnostic) expected.push_back(&e);
    for (const Diagnostic& d : ds) {
      if (d.severity != Severity::error) continue;
      bool wanted = std::any_of(expected.begin(), expected.end(),
                                [&](const Expectation* e) { return diagnostic_matches(*e, d); });
      if (wanted) continue;
      if (expected.empty()) return false;
      fail(c_.where, tr("unexpected diagnostic: {}", one_line(d)));
    }
    if (!final_pass) return true;
    for (const Expectation* e : expected) {
      if (std::any_of(ds.begin(), ds.end(),
                      [&](const Diagnostic& d) { return diagnostic_matches(*e, d); }))
        continue;
      std::string got;
      for (const auto& d : ds) got += "\n    " + one_line(d);
      const std::string shown = got.empty() ? std::string(tr("no diagnostic")) : got;
      fail(e->where,
           e->place_written.empty()
               ? tr("expected {} {}, got {}", said(e->severity), expected_problem(*e), shown)
               : tr("expected {} {} at {}, got {}", said(e->severity), expected_problem(*e),
                    e->place_written, shown));
    }
    return true;
  }

  void execute() {
    std::vector<Diagnostic> ds;
    // The case's rules and targets go through the pipeline `check` runs, so
    // what a case locks in is what `check` prints.
    Pipeline pipeline;
    if (o_.reach) pipeline.set_reach(*o_.reach);
    if (!pipeline.read_targets(c_.targets, ds) || has_errors(ds)) return broken(ds);
    bool loaded = pipeline.load_rules(c_.rules, c_.file, ds);
    const rules::RuleSet* rs = pipeline.rules();
    if (has_errors(ds)) {
      if (!compare_diagnostics(ds, true)) return broken(ds);
      for (const auto& e : c_.expectations)
        if (e.kind != Expectation::Kind::diagnostic)
          fail(e.where, tr("not reached: the rule files have errors (the case expects them)"));
      if (!c_.golden.empty()) fail(c_.golden_at, tr("not reached: the rule files have errors"));
      return;
    }
    if (!loaded) return broken(ds);
    // The actuals: the files, then the rows written in the case.
    std::vector<Diagnostic> file_ds;
    ActualTable actuals;
    if (!c_.actuals.empty()) {
      auto read = pipeline.read_actuals(c_.actuals, file_ds);
      if (!read || has_errors(file_ds)) return broken(file_ds);
      actuals = std::move(*read);
    }
    if (actuals.file.empty()) actuals.file = c_.file;
    for (const InlineRow& r : c_.rows) {
      ActualRow row;
      row.key = Cell{r.key, r.key_at, r.source_line};
      row.value = Cell{r.value, r.value_at, r.source_line};
      row.line = r.key_at.line;
      actuals.rows.push_back(std::move(row));
    }
    Report report = pipeline.assess(actuals, c_.period);

    if (o_.coverage) {
      declare_all(*rs, coverage_, constant_reconciliations(*rs));
      record(*rs, report, coverage_);
    }

    std::vector<Diagnostic> all = ds;
    all.insert(all.end(), report.diagnostics.begin(), report.diagnostics.end());
    if (!compare_diagnostics(all, true)) {
      // Problems in the data the case gives (a key that matches nothing, …).
      for (const auto& d : all)
        if (d.severity == Severity::error)
          fail(c_.where, tr("unexpected diagnostic: {}", one_line(d)));
    }
    // The review (审核) of the case's table, when the case expects findings.
    for (const Expectation& e : c_.expectations)
      if (e.kind == Expectation::Kind::review && !review_) {
        std::vector<Diagnostic> review_ds;
        review_ = review::review_table(pipeline.targets(), rs, review_ds);
        // The case's rule files' funds block, said once with its table's findings.
        for (review::FundsReview& b : review::review_funds(*rs))
          review_->findings.insert(review_->findings.end(), b.findings.begin(), b.findings.end());
      }
    if (o_.coverage) record_reviews(*rs);
    for (const Expectation& e : c_.expectations) compare(e, report, *rs);
    if (c_.golden.empty()) return;
    // The report in either language: this run's, or the case assessed again
    // in the other (an explanation is said when it is assessed).
    const Language run = language();
    golden(*rs, [&](Language lang) {
      LanguageScope scope(lang);
      if (lang == run) return render_text(report);
      return render_text(pipeline.assess(actuals, c_.period));
    });
  }

  const IndicatorResult* find_indicator(const Expectation& e, const Report& report) {
    auto key = key_segments(e.subject);
    std::vector<const IndicatorResult*> hits;
    for (const auto& res : report.results)
      if (key_matches(key, *res.indicator)) hits.push_back(&res);
    if (hits.size() == 1) return hits[0];
    if (hits.empty()) {
      fail(e.where, tr("'{}' names no indicator of {}", e.subject, report.targets_file));
    } else {
      std::string list;
      for (const auto* h : hits) list += "\n    " + h->indicator->path_text();
      fail(e.where,
           tr("'{}' names {} indicators; write more of the path:{}", e.subject, hits.size(), list));
    }
    return nullptr;
  }

  // A review rule is reached when a case expects its findings. The shipped
  // rules written in the rule language count once a case expects a finding
  // of the shipped family (rules/review/shipped.test).
  void record_reviews(const rules::RuleSet& rs) {
    const bool shipped = std::any_of(
        c_.expectations.begin(), c_.expectations.end(),
        [](const Expectation& e) { return e.kind == Expectation::Kind::review && is_shipped(e); });
    for (const rules::RuleSet* set : {&rs, shipped ? &review::shipped_rule_set() : nullptr}) {
      if (!set) continue;
      for (const auto& r : set->reviews) {
        coverage_.declare(r.statement->at, "审核 " + r.code);
        for (const Expectation& e : c_.expectations)
          if (e.kind == Expectation::Kind::review && e.subject == r.code)
            coverage_.reach(r.statement->at, "审核 " + r.code);
      }
    }
  }

  // A code of the shipped review rules (R1004), which every review applies.
  static bool is_shipped(const Expectation& e) {
    const auto& all = review::shipped_rules();
    return std::any_of(all.begin(), all.end(),
                       [&](const review::ShippedRule& r) { return e.subject == r.code; });
  }

  void compare_review(const Expectation& e, const rules::RuleSet& rs) {
    bool known = is_shipped(e) ||
                 std::any_of(rs.reviews.begin(), rs.reviews.end(),
                             [&](const rules::ReviewRule& r) { return r.code == e.subject; });
    if (!known) {
      fail(e.where, tr("审核 {}: the rule files have no review rule with that code", e.subject));
      return;
    }
    std::string lines;
    std::size_t n = 0;
    for (const review::Finding& f : review_->findings)
      if (f.code == e.subject) {
        ++n;
        lines += "\n    " + where_line_text(f.where) + ": " +
                 (f.indicator.empty() ? "（全表）" : f.indicator);
      }
    if (std::to_string(n) != e.number)
      fail(e.where, tr("审核 {}: expected {} findings, got {}{}", e.subject, e.number, n, lines));
  }

  void compare(const Expectation& e, const Report& report, const rules::RuleSet& rs) {
    using K = Expectation::Kind;
    switch (e.kind) {
      case K::review:
        return compare_review(e, rs);
      case K::diagnostic:
        return;  // compared above
      case K::indicator: {
        const IndicatorResult* res = find_indicator(e, report);
        if (!res) return;
        if (res->verdict.kind != e.verdict)
          fail(e.where, tr("{}: expected {}, got {}", e.subject, said(e.verdict),
                           verdict_text(res->verdict)));
        return;
      }
      case K::check: {
        const rules::ReconciliationResult* hit = nullptr;
        for (const auto& c : report.reconciliations) {
          const auto& at = c.rule->statement->at;
          bool match = e.place_file.empty()
                           ? squeeze(c.written) == squeeze(e.subject)
                           : normal(at.file->path) == e.place_file && at.line() == e.place_line;
          if (match) hit = &c;
        }
        std::string name =
            e.place_file.empty() ? tr("核对 '{}'", e.subject) : tr("核对 at {}", e.place_written);
        if (!hit) {
          std::string ran;
          for (const auto& c : report.reconciliations)
            ran += "\n    " + where_line_text(c.where) + ": " + c.written;
          (void)rs;
          fail(e.where, ran.empty() ? tr("{}: no such check ran in {} (no check ran)", name,
                                         chinese(report.period))
                                    : tr("{}: no such check ran in {}; these ran:{}", name,
                                         chinese(report.period), ran));
          return;
        }
        if (hit->kind != e.verdict)
          fail(e.where, tr("{}: expected {}, got {} ({})", name, said(e.verdict), said(hit->kind),
                           hit->explanation));
        return;
      }
      case K::figure: {
        auto f = report.figures.find(e.subject);
        if (f == report.figures.end()) {
          fail(e.where, tr("上报 {}: no row '{}' was given", e.subject, e.subject));
          return;
        }
        const auto& fig = f->second;
        if (e.figure_problem && fig.problem.empty())
          fail(e.where, tr("上报 {}: expected a problem, got the usable value '{}'", e.subject,
                           fig.written));
        else if (e.figure_problem && (e.code ? fig.problem_code != *e.code
                                             : fig.problem.find(e.text) == std::string::npos))
          fail(e.where, e.code ? tr("上报 {}: expected a problem {}, got '{}' ({})", e.subject,
                                    expected_problem(e), fig.problem, id_of(fig.problem_code))
                               : tr("上报 {}: expected a problem with {}, got '{}'", e.subject,
                                    expected_problem(e), fig.problem));
        else if (!e.figure_problem && !fig.problem.empty())
          fail(e.where, tr("上报 {}: expected a usable value, got the problem '{}'", e.subject,
                           fig.problem));
        return;
      }
      case K::score: {
        const IndicatorResult* res = find_indicator(e, report);
        if (!res) return;
        if (!res->score) {
          fail(e.where, !res->unscored
                            ? tr("得分 {}: expected {}, got no score (the report is for {})",
                                 e.subject, e.number, chinese(report.period))
                            : tr("得分 {}: expected {}, got no score ({})", e.subject, e.number,
                                 *res->unscored));
          return;
        }
        if (!agrees(e.number, res->score->points))
          fail(e.where, tr("得分 {}: expected {}, got {} ({})", e.subject, e.number,
                           res->score->points.to_fixed(2), res->score->explanation));
        return;
      }
      case K::total:
      case K::grade: {
        if (!report.scoring) {
          fail(e.where, tr("{}: there is no total (scores are given at year-end, 期间 全年)",
                           e.kind == K::total ? "总分" : "等级"));
          return;
        }
        const Scoring& s = *report.scoring;
        if (e.kind == K::total && !agrees(e.number, s.total))
          fail(e.where,
               tr("总分: expected {}, got {} ({})", e.number, s.total.to_fixed(2), s.explanation));
        if (e.kind == K::grade && s.grade != e.grade)
          fail(e.where, tr("等级: expected {}, got {} (total {})", e.grade,
                           s.grade.empty() ? std::string(trc("grade", "none")) : s.grade,
                           s.total.to_fixed(2)));
        return;
      }
    }
  }

  // The golden report (报告) is said in the run's language, and a file in
  // either language passes, so one file passes on every machine. When it
  // differs, it is compared (and, with --update, rewritten) in its own
  // language: the one whose report has more of its lines. A new file is
  // written in the run's language.
  void golden(const rules::RuleSet& rs, const std::function<std::string(Language)>& report_in) {
    std::vector<std::string> paths = c_.actuals;
    paths.push_back(c_.file);  // the actuals when the case writes its rows itself
    paths.push_back(c_.targets);
    paths.push_back(rs.table_path);
    if (rs.table) paths.push_back(rs.table->file);
    for (const auto& s : rs.sources) paths.push_back(s->path);
    std::string folder = fs::path(c_.file).parent_path().string();
    auto text_in = [&](Language lang) { return relative_to(report_in(lang), folder, paths); };
    std::string text = text_in(language());
    std::vector<Diagnostic> ds;
    std::optional<std::string> old;
    std::error_code ec;
    if (fs::exists(c_.golden, ec))
      old = read_file(c_.golden, ds, kTableLimits.max_file_bytes, Opening::regular_only);
    if (old && *old != text) {
      std::string other = text_in(language() == Language::en ? Language::zh : Language::en);
      if (*old == other) return;
      if (lines_shared(*old, other) > lines_shared(*old, text)) text = std::move(other);
    }
    if (o_.update) {
      if (old && *old == text) return;
      // The case's own files are never overwritten by its report.
      std::vector<NamedPath> inputs;
      for (const auto& p : paths)
        if (!p.empty()) inputs.push_back({tr("a file the case reads"), p});
      if (!check_outputs({{"报告", c_.golden}}, inputs, ds) || !write_output(c_.golden, text, ds)) {
        run_.broken = true;
        run_.diagnostics.insert(run_.diagnostics.end(), ds.begin(), ds.end());
        fail(c_.golden_at, tr("cannot write the golden report {}", c_.golden));
        return;
      }
      result_.golden_written = true;
      result_.golden_diff = old ? line_diff(*old, text) : std::string(tr("  (new file)\n"));
      return;
    }
    if (!old) {
      fail(c_.golden_at,
           tr("the golden report {} does not exist: run `indicheck test --update` and review it",
              c_.golden));
      return;
    }
    if (*old != text) {
      fail(c_.golden_at,
           tr("the report differs from {} (run `indicheck test --update` to accept it):",
              c_.golden));
      result_.golden_diff = line_diff(*old, text);
    }
  }

  const Case& c_;
  const RunOptions& o_;
  CoverageMap& coverage_;
  std::optional<review::TableReview> review_;
  RunResult& run_;
  CaseResult result_;
};

}  // namespace

RunResult run_tests(const std::vector<TestFile>& files, const RunOptions& options) {
  RunResult run;
  std::optional<std::regex> pattern;
  if (!options.pattern.empty()) {
    try {
      pattern.emplace(options.pattern, std::regex::ECMAScript);
    } catch (const std::regex_error& e) {
      run.broken = true;
      run.diagnostics.push_back(
          make_diagnostic(Code::cli_run_not_regex, "--run", 1, 1,
                          tr("'{}' is not a regular expression: {}", options.pattern, e.what())));
      return run;
    }
  }
  CoverageMap coverage;
  for (const TestFile& f : files)
    for (const Case& c : f.cases) {
      if (pattern && !std::regex_search(c.name, *pattern)) continue;
      CaseResult r = CaseRun(c, options, coverage, run).go();
      switch (r.status) {
        case CaseResult::Status::passed:
          ++run.passed;
          break;
        case CaseResult::Status::failed:
          ++run.failed;
          break;
        case CaseResult::Status::skipped:
          ++run.skipped;
          break;
      }
      run.cases.push_back(std::move(r));
    }
  if (options.coverage) run.coverage = coverage.summary();
  return run;
}

}  // namespace indicheck::ruletest
