#pragma once
// What a change to a rule set does (`indicheck diff OLD NEW`): both versions
// run on the same data — check, then assess, as `indicheck check --rules`
// does — and every indicator or 核对 whose verdict or score moves is listed,
// old → new, with the totals of each version. Review rules (审核) do not
// judge actuals: those added, removed or changed are listed by code, with
// their findings on the targets in each version.

#include <optional>
#include <string>
#include <vector>

#include "engine/assess/report.hpp"
#include "engine/base/diagnostic.hpp"
#include "engine/base/input_file.hpp"
#include "engine/table/table.hpp"

namespace indicheck::ruletest {

struct DiffChange {
  std::string data_set;  // the actuals files, joined with " + "
  bool is_check = false;
  std::string name;                      // the indicator's path, or the 核对 as written
  std::string old_verdict, new_verdict;  // "pass", …; "" when it did not run there
  std::string old_score, new_score;      // to 2 places; "" when not scored
};

struct VersionTotals {
  Tally tally;  // the indicators' verdicts
  unsigned reconciliations = 0, reconciliations_failed = 0;
  std::string total, grade;  // year-end: the total to 2 places and its grade
};

struct DataSetDiff {
  std::string data_set;
  Period period = Period::year;
  VersionTotals old_totals, new_totals;
  unsigned unchanged = 0;
};

// A review rule (审核) that the new version adds, removes or changes, by its
// code: the lines that differ, and what each version finds on the targets
// (the table's findings and the funds block's).
struct ReviewChange {
  enum class Kind { added, removed, changed };
  Kind kind = Kind::changed;
  std::string code;
  std::vector<std::string> old_lines, new_lines;  // canonical, only those that differ
  std::size_t old_findings = 0, new_findings = 0;
};

struct DiffResult {
  std::vector<DiffChange> changes;
  std::vector<ReviewChange> reviews;  // in the old version's order, then the added ones
  std::vector<DataSetDiff> data_sets;
  unsigned unchanged = 0;
  std::vector<Diagnostic> diagnostics;
  bool broken = false;  // a rule file or data file has errors: nothing was compared
};

struct DiffInput {
  std::vector<std::string> old_rules, new_rules;
  std::string targets;                              // "" = each version's 目标表
  std::vector<std::vector<std::string>> data_sets;  // each: actuals files read as one
  std::optional<Period> period;                     // unset: each data set's 期间, else 全年
  std::optional<Reach> reach;  // where 引用 and 目标表 may lead; unset: the rule files' folders
};

DiffResult diff_rule_sets(const DiffInput& input);

}  // namespace indicheck::ruletest
