#pragma once
// The one pipeline every command runs: rule files loaded and checked → the
// targets table read → every indicator judged against the actuals (judge) →
// scored at year-end or forecast at mid-year (assess), with a published
// self-evaluation's own 分值 as weights and its 得分 re-checked when the
// actuals carry them. `check`, `test` and `diff` all go through here, so they
// agree to the last digit on every input.
//
//   Pipeline::load(rules, targets)  once per rule set
//   Pipeline::assess(actuals)       once per set of actuals

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "engine/assess/report.hpp"
#include "engine/base/diagnostic.hpp"
#include "engine/base/period.hpp"
#include "engine/import/table_text.hpp"
#include "engine/rules/load.hpp"
#include "engine/table/table.hpp"

namespace indicheck {

class Pipeline {
 public:
  // Both steps below, in order: the targets file, then the rule files, whose
  // diagnostics are reported even when the targets file has errors. False
  // when the pipeline cannot run.
  bool load(const std::vector<std::string>& rule_files, const std::string& targets,
            const std::string& who, std::vector<Diagnostic>& diagnostics);

  // Reads the targets file when `path` is not empty. False only when it could
  // not be read as a table at all; problems in its rows are in `diagnostics`.
  // Any table `import` reads is taken as well (xlsx, xls, HTML, docx, PDF,
  // CSV): it is imported and its targets read as `import -o` writes them
  // (engine/import/table_text.hpp), each diagnostic naming its place in the
  // published file.
  bool read_targets(const std::string& path, std::vector<Diagnostic>& diagnostics);

  // The actuals files read as one (read_actuals_files), each indicheck's
  // actuals TSV or a published self-evaluation or 监控表, imported as
  // `import --actuals-out` writes it. A file given as both targets and
  // actuals, or named by a rule file's 目标表 too, is imported once.
  std::optional<ActualTable> read_actuals(const std::vector<std::string>& files,
                                          std::vector<Diagnostic>& diagnostics);

  // The summary of each import done (docs/import.md), for `-v`.
  const std::vector<std::string>& import_summaries() const { return imports_.summaries(); }

  // Loads and checks the rule files, when any, as `lint` does (their 目标表
  // replaces the targets read). `who` names the command in a diagnostic that
  // belongs to no file ("indicheck check"). False when `diagnostics` then hold
  // an error, or there are no targets from either step.
  // `need_targets` false (lint): rule files with no 目标表 are not an error.
  bool load_rules(const std::vector<std::string>& rule_files, const std::string& who,
                  std::vector<Diagnostic>& diagnostics, bool need_targets = true);

  // After load(): every indicator judged against `actuals` for `period` (the
  // actuals' 期间 when unset, else the year), then scored or forecast.
  // Problems found in the data are in the report's diagnostics.
  Report assess(const ActualTable& actuals, std::optional<Period> period = std::nullopt) const;

  // Where the rule files' 引用 and 目标表 may lead (engine/base/input_file.hpp):
  // the command's, from the files on its command line. Unset: the folders of
  // the rule files given to load_rules.
  void set_reach(Reach reach) { reach_ = std::move(reach); }

  const TargetTable& targets() const { return *targets_; }
  const rules::RuleSet* rules() const { return rules_.get(); }

 private:
  std::optional<TargetTable> targets_;
  std::unique_ptr<rules::RuleSet> rules_;
  TableImports imports_;
  std::optional<Reach> reach_;
};

// The period a run judges: the one asked for, else the actuals' 期间, else 全年.
Period period_of(std::optional<Period> asked, const ActualTable& actuals);

}  // namespace indicheck
