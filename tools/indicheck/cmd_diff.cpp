// indicheck diff OLD NEW --actuals A...: what a change to a rule set does to
// the verdicts and scores of the same data (engine/ruletest/diff.hpp).

#include <nlohmann/json.hpp>

#include <memory>

#include "engine/ruletest/diff.hpp"
#include "tools/indicheck/commands.hpp"

namespace indicheck::cli {

namespace {

using namespace indicheck::ruletest;

std::string with_score(const std::string& verdict, const std::string& score) {
  if (verdict.empty()) return tr("(none)");
  return score.empty() ? verdict_word(verdict) : verdict_word(verdict) + " " + score;
}

std::string totals_text(const VersionTotals& t) {
  std::string s;
  for (VerdictKind v : kAllVerdicts)
    if (t.tally.count(v))
      s += (s.empty() ? "" : " · ") + std::string(said(v)) + " " + std::to_string(t.tally.count(v));
  s += tr("; 核对 {} ({} not holding)", t.reconciliations, t.reconciliations_failed);
  if (!t.total.empty()) s += tr("; total {}", t.total) + (t.grade.empty() ? "" : " " + t.grade);
  return s;
}

nlohmann::ordered_json totals_json(const VersionTotals& t) {
  nlohmann::ordered_json j;
  for (VerdictKind v : kAllVerdicts) j["verdicts"][to_string(v)] = t.tally.count(v);
  j["checks"] = t.reconciliations;
  j["checks_not_holding"] = t.reconciliations_failed;
  if (!t.total.empty()) j["total"] = t.total, j["grade"] = t.grade;
  return j;
}

const char* review_change_name(ReviewChange::Kind k) {
  switch (k) {
    case ReviewChange::Kind::added:
      return "added";
    case ReviewChange::Kind::removed:
      return "removed";
    case ReviewChange::Kind::changed:
      return "changed";
  }
  return "";
}

// 审核 SZ002: changed; findings on the targets: 2 → 3, then the lines that differ.
std::string review_change_text(const ReviewChange& c) {
  std::string s;
  switch (c.kind) {
    case ReviewChange::Kind::added:
      s = tr("审核 {}: added; findings on the targets: {} → {}", c.code, c.old_findings,
             c.new_findings);
      break;
    case ReviewChange::Kind::removed:
      s = tr("审核 {}: removed; findings on the targets: {} → {}", c.code, c.old_findings,
             c.new_findings);
      break;
    case ReviewChange::Kind::changed:
      s = tr("审核 {}: changed; findings on the targets: {} → {}", c.code, c.old_findings,
             c.new_findings);
      break;
  }
  s += "\n";
  for (const auto& l : c.old_lines) s += "  - " + l + "\n";
  for (const auto& l : c.new_lines) s += "  + " + l + "\n";
  return s;
}

}  // namespace

Command add_diff(CLI::App& app) {
  struct Options {
    std::string old_rules, new_rules, targets, period, format = "text";
    std::vector<std::vector<std::string>> actuals;
    bool allow_outside = false;
  };
  auto o = std::make_shared<Options>();
  CLI::App* sub = app.add_subcommand(
      "diff",
      tr("compare two versions of a rule set on the same data (exit 1 when anything moves)"));
  // Review rules (审核) are compared by code: added, removed or changed.
  sub->add_option("old", o->old_rules, tr("the old rule file"))->required();
  sub->add_option("new", o->new_rules, tr("the new rule file"))->required();
  sub->add_option("--targets", o->targets, tr("the targets file; default: each version's 目标表"));
  sub->add_option("--actuals", o->actuals,
                  tr("actuals files read as one data set; repeat --actuals for more data sets"))
      ->required();
  sub->add_option("--period", o->period, tr("half or year (default: the actuals' 期间, else year)"))
      ->check(CLI::IsMember({"half", "year"}));
  sub->add_option("--format", o->format, tr("text or json"))
      ->check(CLI::IsMember({"text", "json"}));
  add_allow_outside(sub, o->allow_outside);
  return {
      sub, [o]() {
        DiffInput input;
        std::vector<std::string> named{o->old_rules, o->new_rules, o->targets};
        for (const auto& set : o->actuals) named.insert(named.end(), set.begin(), set.end());
        input.reach = reach_of(o->allow_outside, named);
        input.old_rules = {o->old_rules};
        input.new_rules = {o->new_rules};
        input.targets = o->targets;
        input.data_sets = o->actuals;
        if (o->period == "half") input.period = Period::half;
        if (o->period == "year") input.period = Period::year;
        DiffResult r = diff_rule_sets(input);
        print_err(render_all(r.diagnostics));
        if (r.broken) return kExitUnusable;
        if (o->format == "json") {
          nlohmann::ordered_json j;
          j["old"] = o->old_rules;
          j["new"] = o->new_rules;
          j["changes"] = nlohmann::ordered_json::array();
          for (const auto& c : r.changes)
            j["changes"].push_back({{"data_set", c.data_set},
                                    {"kind", c.is_check ? "check" : "indicator"},
                                    {"name", c.name},
                                    {"old", {{"verdict", c.old_verdict}, {"score", c.old_score}}},
                                    {"new", {{"verdict", c.new_verdict}, {"score", c.new_score}}}});
          j["data_sets"] = nlohmann::ordered_json::array();
          for (const auto& s : r.data_sets)
            j["data_sets"].push_back({{"actuals", s.data_set},
                                      {"period", to_string(s.period)},
                                      {"old", totals_json(s.old_totals)},
                                      {"new", totals_json(s.new_totals)},
                                      {"unchanged", s.unchanged}});
          j["reviews"] = nlohmann::ordered_json::array();
          for (const auto& c : r.reviews)
            j["reviews"].push_back(
                {{"code", c.code},
                 {"change", review_change_name(c.kind)},
                 {"old", {{"lines", c.old_lines}, {"findings", c.old_findings}}},
                 {"new", {{"lines", c.new_lines}, {"findings", c.new_findings}}}});
          j["changed"] = r.changes.size();
          j["unchanged"] = r.unchanged;
          print_out(j.dump(2) + "\n");
        } else {
          std::string out;
          for (const auto& s : r.data_sets) {
            out += s.data_set + " (" + chinese(s.period) + ")\n";
            for (const auto& c : r.changes) {
              if (c.data_set != s.data_set) continue;
              out += std::string("  ") + (c.is_check ? "核对 " : "指标 ") + c.name + ": " +
                     with_score(c.old_verdict, c.old_score) + " → " +
                     with_score(c.new_verdict, c.new_score) + "\n";
            }
            out += "  " + tr("old {}: {}", o->old_rules, totals_text(s.old_totals)) + "\n";
            out += "  " + tr("new {}: {}", o->new_rules, totals_text(s.new_totals)) + "\n";
          }
          for (const auto& c : r.reviews) out += review_change_text(c);
          out += tr("{} changed, {} unchanged", r.changes.size(), r.unchanged) + "\n";
          print_out(out);
        }
        return r.changes.empty() && r.reviews.empty() ? kExitMet : kExitNotMet;
      }};
}

}  // namespace indicheck::cli
