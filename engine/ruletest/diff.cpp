// Comparing two versions of a rule set on the same data: see engine/ruletest/diff.hpp.

#include "engine/ruletest/diff.hpp"

#include <algorithm>
#include <map>

#include "engine/assess/pipeline.hpp"
#include "engine/base/blank.hpp"
#include "engine/review/review.hpp"
#include "engine/ruletest/ruletest.hpp"

namespace indicheck::ruletest {

namespace {

struct Outcome {
  std::string verdict, score;
};

// Every indicator and check of one report, by a stable key, in report order.
std::vector<std::pair<std::string, Outcome>> outcomes(const Report& r, std::vector<bool>& is_check,
                                                      std::vector<std::string>& names) {
  std::vector<std::pair<std::string, Outcome>> out;
  for (const auto& res : r.results) {
    Outcome o{to_string(res.verdict.kind), res.score ? res.score->points.to_fixed(2) : ""};
    out.emplace_back("指标 " + res.indicator->path_text(), o);
    is_check.push_back(false);
    names.push_back(res.indicator->path_text());
  }
  for (const auto& c : r.reconciliations) {
    out.emplace_back("核对 " + squeeze(c.written), Outcome{to_string(c.kind), ""});
    is_check.push_back(true);
    names.push_back(c.written);
  }
  return out;
}

VersionTotals totals(const Report& r) {
  VersionTotals t;
  t.tally = r.total;
  for (const auto& c : r.reconciliations) {
    ++t.reconciliations;
    if (c.kind != VerdictKind::pass) ++t.reconciliations_failed;
  }
  if (r.scoring) {
    t.total = r.scoring->total.to_fixed(2);
    t.grade = r.scoring->grade;
  }
  return t;
}

// A review rule as fmt prints its lines (范围, the test, 级别, 问题, 建议):
// two versions differ when one of these does.
std::vector<std::string> review_lines(const rules::ReviewRule& r) {
  std::vector<std::string> lines;
  if (!r.pattern.empty()) {
    std::string path;
    for (const auto& seg : r.pattern) path += (path.empty() ? "" : "/") + seg;
    lines.push_back("范围 " + path);
  }
  using Q = rules::ReviewRule::Quantifier;
  std::string test = r.quantifier == Q::every  ? "每个"
                     : r.quantifier == Q::some ? "至少一个"
                     : r.quantifier == Q::none ? "没有"
                                               : "预算";
  for (std::size_t i = 0; i < r.conditions.size(); ++i)
    test += (i ? " 且 " : " ") + r.conditions[i].written;
  lines.push_back(test);
  lines.push_back(std::string("级别 ") + review::chinese(r.severity));
  lines.push_back("问题 \"" + r.problem + "\"");
  if (!r.suggestion.empty()) lines.push_back("建议 \"" + r.suggestion + "\"");
  return lines;
}

// How many findings of `code` the version's review gives on its targets.
std::size_t findings_of(const std::vector<review::FundsReview>& funds,
                        const review::TableReview& table, const std::string& code) {
  std::size_t n = 0;
  for (const review::Finding& f : table.findings) n += f.code == code;
  for (const review::FundsReview& b : funds)
    for (const review::Finding& f : b.findings) n += f.code == code;
  return n;
}

// The review rules the new version adds, removes or changes.
std::vector<ReviewChange> review_changes(const Pipeline& old_v, const Pipeline& new_v) {
  std::vector<ReviewChange> out;
  const rules::RuleSet* a = old_v.rules();
  const rules::RuleSet* b = new_v.rules();
  if (!a || !b) return out;
  std::vector<Diagnostic> ignored;  // reading the targets reported them already
  const review::TableReview old_table = review::review_table(old_v.targets(), a, ignored);
  const review::TableReview new_table = review::review_table(new_v.targets(), b, ignored);
  const auto old_funds = review::review_funds(*a), new_funds = review::review_funds(*b);
  auto find = [](const rules::RuleSet& rs, const std::string& code) -> const rules::ReviewRule* {
    for (const auto& r : rs.reviews)
      if (r.code == code) return &r;
    return nullptr;
  };
  auto change = [&](ReviewChange::Kind kind, const std::string& code) {
    ReviewChange c;
    c.kind = kind;
    c.code = code;
    c.old_findings = findings_of(old_funds, old_table, code);
    c.new_findings = findings_of(new_funds, new_table, code);
    return c;
  };
  for (const auto& r : a->reviews) {
    const rules::ReviewRule* now = find(*b, r.code);
    if (!now) {
      out.push_back(change(ReviewChange::Kind::removed, r.code));
      continue;
    }
    auto before = review_lines(r), after = review_lines(*now);
    if (before == after) continue;
    ReviewChange c = change(ReviewChange::Kind::changed, r.code);
    for (const auto& l : before)
      if (std::find(after.begin(), after.end(), l) == after.end()) c.old_lines.push_back(l);
    for (const auto& l : after)
      if (std::find(before.begin(), before.end(), l) == before.end()) c.new_lines.push_back(l);
    out.push_back(std::move(c));
  }
  for (const auto& r : b->reviews)
    if (!find(*a, r.code)) out.push_back(change(ReviewChange::Kind::added, r.code));
  return out;
}

}  // namespace

DiffResult diff_rule_sets(const DiffInput& input) {
  DiffResult out;
  // Each version through the pipeline `check` runs.
  Pipeline old_v, new_v;
  if (input.reach) {
    old_v.set_reach(*input.reach);
    new_v.set_reach(*input.reach);
  }
  bool old_loaded = old_v.load(input.old_rules, input.targets, "indicheck diff", out.diagnostics);
  bool new_loaded = new_v.load(input.new_rules, input.targets, "indicheck diff", out.diagnostics);
  if (!old_loaded || !new_loaded) {
    out.broken = true;
    return out;
  }
  out.reviews = review_changes(old_v, new_v);
  for (const auto& files : input.data_sets) {
    // Any table `check` takes (indicheck's actuals, a published self-evaluation).
    auto actuals = old_v.read_actuals(files, out.diagnostics);
    if (!actuals || has_errors(out.diagnostics)) {
      out.broken = true;
      return out;
    }
    DataSetDiff set;
    for (const auto& f : files) set.data_set += (set.data_set.empty() ? "" : " + ") + f;
    set.period = period_of(input.period, *actuals);
    if (input.period) actuals->period = input.period;
    Report a = old_v.assess(*actuals, set.period);
    Report b = new_v.assess(*actuals, set.period);
    for (const Report* r : {&a, &b})
      for (const auto& d : r->diagnostics)
        if (d.severity == Severity::error) out.diagnostics.push_back(d);
    if (has_errors(out.diagnostics)) {
      out.broken = true;
      return out;
    }
    set.old_totals = totals(a);
    set.new_totals = totals(b);
    std::vector<bool> a_check, b_check;
    std::vector<std::string> a_names, b_names;
    auto old_items = outcomes(a, a_check, a_names);
    auto new_items = outcomes(b, b_check, b_names);
    std::map<std::string, std::size_t> new_index;
    for (std::size_t i = 0; i < new_items.size(); ++i) new_index.emplace(new_items[i].first, i);
    std::vector<bool> new_seen(new_items.size(), false);
    auto add = [&](bool check, const std::string& name, const Outcome* o, const Outcome* n) {
      DiffChange c;
      c.data_set = set.data_set;
      c.is_check = check;
      c.name = name;
      if (o) c.old_verdict = o->verdict, c.old_score = o->score;
      if (n) c.new_verdict = n->verdict, c.new_score = n->score;
      if (c.old_verdict == c.new_verdict && c.old_score == c.new_score) {
        ++set.unchanged;
        return;
      }
      out.changes.push_back(std::move(c));
    };
    for (std::size_t i = 0; i < old_items.size(); ++i) {
      auto it = new_index.find(old_items[i].first);
      const Outcome* n = nullptr;
      if (it != new_index.end()) {
        n = &new_items[it->second].second;
        new_seen[it->second] = true;
      }
      add(a_check[i], a_names[i], &old_items[i].second, n);
    }
    for (std::size_t i = 0; i < new_items.size(); ++i)
      if (!new_seen[i]) add(b_check[i], b_names[i], nullptr, &new_items[i].second);
    out.unchanged += set.unchanged;
    out.data_sets.push_back(std::move(set));
  }
  return out;
}

}  // namespace indicheck::ruletest
