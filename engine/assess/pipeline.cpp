// The one pipeline: see engine/assess/pipeline.hpp.

#include "engine/assess/pipeline.hpp"

#include "engine/assess/recheck.hpp"
#include "engine/base/message.hpp"

namespace indicheck {

bool Pipeline::load(const std::vector<std::string>& rule_files, const std::string& targets,
                    const std::string& who, std::vector<Diagnostic>& diagnostics) {
  return read_targets(targets, diagnostics) && load_rules(rule_files, who, diagnostics);
}

bool Pipeline::read_targets(const std::string& path, std::vector<Diagnostic>& diagnostics) {
  if (path.empty()) return true;
  targets_ = read_any_targets(path, diagnostics, &imports_);
  return targets_.has_value();
}

std::optional<ActualTable> Pipeline::read_actuals(const std::vector<std::string>& files,
                                                  std::vector<Diagnostic>& diagnostics) {
  return read_actuals_files(files, diagnostics,
                            [this](const std::string& path, std::vector<Diagnostic>& ds) {
                              return read_any_actuals(path, ds, &imports_);
                            });
}

bool Pipeline::load_rules(const std::vector<std::string>& rule_files, const std::string& who,
                          std::vector<Diagnostic>& diagnostics, bool need_targets) {
  if (rule_files.empty()) {
    if (targets_) return true;  // problems in its rows are reported with the report
    diagnostics.push_back(make_diagnostic(Code::cli_targets_or_rules, who, 1, 1,
                                          tr("give --targets, or --rules with a 目标表")));
    return false;
  }
  rules_ = rules::load_rules(rule_files, diagnostics, targets_ ? &*targets_ : nullptr,
                             reach_ ? &*reach_ : nullptr, &imports_);
  if (has_errors(diagnostics)) return false;
  if (rules_->table) targets_ = rules_->table;
  if (targets_ || !need_targets) return true;
  diagnostics.push_back(
      make_diagnostic(Code::cli_no_targets, rule_files.front(), 1, 1,
                      tr("no targets: name a 目标表 in the rule files, or give the targets file "
                         "(check and diff: --targets; a .test case: 目标表)")));
  return false;
}

Report Pipeline::assess(const ActualTable& actuals, std::optional<Period> period) const {
  Report report = judge(*targets_, actuals, period_of(period, actuals), rules_.get());
  // Year-end: scores and grade; mid-year: on track or not (docs/scoring.md).
  // A published self-evaluation's 分值 are its weights and its 得分 are re-checked.
  assess_published(report, actuals);
  return report;
}

Period period_of(std::optional<Period> asked, const ActualTable& actuals) {
  return asked.value_or(actuals.period.value_or(Period::year));
}

}  // namespace indicheck
