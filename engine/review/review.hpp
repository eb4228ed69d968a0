#pragma once
// 绩效目标审核: a targets table reviewed before the budget is approved, with
// no actuals. Every finding has a severity (错误 must be fixed, 警告 should be,
// 提示 for the reader), a stable code of the review family (R + four digits,
// docs/review.md lists every one), where it stands (file:line:col and the
// indicator's path) and the standard wording of a 审核意见: the problem
// (问题) and what to do (建议), in Chinese.
//
// Findings are not diagnostics: a diagnostic says indicheck could not read a
// file; a finding says the table, read well, does not meet a review rule.

#include <string>
#include <utility>
#include <vector>

#include "engine/base/diagnostic.hpp"
#include "engine/base/unit.hpp"
#include "engine/rules/load.hpp"
#include "engine/table/table.hpp"

namespace indicheck::review {

// 错误, 警告, 提示 (Severity::error, warning, note).
const char* chinese(Severity s);

struct Finding {
  Severity severity = Severity::error;
  std::string code;        // "R2001", or a bureau rule's own code
  std::string rule;        // the rule: "completeness.category_missing", or "FILE:LINE" of a 审核
  std::string indicator;   // the indicator's path text; "" for the whole table
  std::string message;     // 问题
  std::string suggestion;  // 建议
  SourceLocation where;
  SourceLine source_line;  // the table's line, for the excerpt; may be empty
};

// One shipped review rule, as docs/review.md lists it: in engine/review/review.cpp,
// or in rules/review/*.rules (shipped_rule_set below).
struct ShippedRule {
  const char* code;
  const char* name;  // group.rule
  Severity severity;
  const char* title;  // one line, in Chinese
};
// Every shipped rule, in code order.
const std::vector<ShippedRule>& shipped_rules();

// One table reviewed: its file, its head (the report's heading) and findings
// in table order (table-wide findings first).
struct TableReview {
  std::string file;
  std::string unit;  // # 单位
  std::optional<int> year;
  std::vector<std::pair<std::string, std::string>> heading;  // kHeadingKeys, as set
  std::size_t indicators = 0;
  std::vector<Finding> findings;
};

// The rule files' funds block (预算, what import --budget writes) reviewed:
// it belongs to the rule files, not to a table, so a run that reviews several
// tables against one rule set says each of its findings once. One per rule
// file that holds a finding, in the order the files were read.
struct FundsReview {
  std::string file;  // the rule file the figures stand in
  std::vector<Finding> findings;
};

struct ReviewReport {
  std::vector<TableReview> tables;
  std::vector<FundsReview> funds;       // the funds block's findings, once for the run
  std::vector<Diagnostic> diagnostics;  // files that could not be read, or rows skipped
  bool unreadable = false;              // a file could not be read as a table at all

  // Findings of `s` over every table and the funds block.
  std::size_t count(Severity s) const;
  // 2 when a file could not be read, 1 when a finding is 错误, else 0.
  int exit_code() const;
};

// The shipped rules, then the rule files' own (审核, when `rules` has any),
// applied to `table`, its targets read with the rule files' units. The
// findings of each row come in the order of the rules.
// `diagnostics` are those reading the table gave: a repeated path (E2205)
// becomes a finding and is taken out of them.
TableReview review_table(const TargetTable& table, const rules::RuleSet* rules,
                         std::vector<Diagnostic>& diagnostics);

// The shipped budget rules (R4001) over the rule files' funds block: once a
// run, whatever the number of tables (review_table leaves the block alone).
std::vector<FundsReview> review_funds(const rules::RuleSet& rules);

// An indicator's target as a 审核 looks at it: the cell reviewed (全年, else
// 半年), as the rule files' units read it.
struct ReviewedTarget {
  const Indicator& indicator;
  const Cell& cell;
  const Constraint& target;
  const UnitTable& units;
};

// Whether `rule`'s conditions all hold for an indicator's target (tests, and review_table).
bool conditions_hold(const rules::ReviewRule& rule, const ReviewedTarget& target);

// The shipped review rules written in the rule language (rules/review/
// completeness.rules, measurability.rules, consistency.rules), built into the binary and read by
// the rule loader once; review_table applies them after the shipped rules of
// the code below and before the rule files' own. Their codes are in
// shipped_rules().
const rules::RuleSet& shipped_rule_set();

}  // namespace indicheck::review
