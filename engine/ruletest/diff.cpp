// Comparing two versions of a rule set on the same data: see engine/ruletest/diff.hpp.

#include "engine/ruletest/diff.hpp"

#include <map>

#include "engine/assess/pipeline.hpp"
#include "engine/base/blank.hpp"
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
