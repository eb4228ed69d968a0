#pragma once
// Tests for rule files (docs/rule-tests.md): NAME.test files beside the .rules
// files hold cases — the rules, the targets, the period, the actuals (files or
// rows written in the case) — and what the case must give: the verdict of
// indicators and checks (核对), a reported figure's problem, a diagnostic, a
// score, the total and grade, or a whole report pinned to a golden file.
// Stages: discover → parse (engine/ruletest/parse.cpp) → run each case through
// load_rules, check and assess → compare → coverage (engine/ruletest/run.cpp).

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "engine/base/diagnostic.hpp"
#include "engine/base/input_file.hpp"
#include "engine/base/number.hpp"
#include "engine/cell/verdict.hpp"
#include "engine/table/table.hpp"

namespace indicheck::ruletest {

// One `预期 …` line.
struct Expectation {
  enum class Kind { indicator, check, figure, diagnostic, score, total, grade, review };
  Kind kind = Kind::indicator;
  SourceLocation where;
  std::string subject;     // indicator key, check as written, figure name, review code
  std::string place_file;  // check or diagnostic by place: file (resolved) and line
  unsigned place_line = 0;
  std::string place_written;  // the place as written in the test
  VerdictKind verdict = VerdictKind::pass;
  bool figure_problem = false;  // 上报 名称 错误: a problem is expected (else 可用)
  Severity severity = Severity::error;
  std::optional<Code> code;  // the diagnostic's or the problem's code (诊断 错误 E3301), or
  std::string text;          // the message fragment (诊断, 上报 … 错误 "…")
  std::string number;        // 得分, 总分: as written; 审核: the number of findings
  std::string grade;         // 等级
};

// An actuals row written in a case: `执行数 = 20956.34万元`.
struct InlineRow {
  std::string key, value;
  SourceLocation key_at, value_at;
  SourceLine source_line;
};

struct Case {
  std::string name;
  std::string file;  // the test file
  SourceLocation where;
  std::vector<std::string> rules;  // resolved against the test file's folder
  std::string targets;             // "" = the rules' 目标表
  std::optional<Period> period;    // unset: the actuals' 期间, else 全年
  std::vector<std::string> actuals;
  std::vector<InlineRow> rows;
  std::vector<Expectation> expectations;
  std::string golden;  // 报告 "…": resolved; "" = none
  SourceLocation golden_at;
  bool skip = false;
  std::string skip_reason;
};

struct TestFile {
  std::string path;
  std::vector<Case> cases;
};

// A test file's bytes, read as a rule file is: at most RuleLimits::max_file_bytes
// (a larger file is refused, E6001, before it is read); nullopt with a
// diagnostic at the file when it cannot be read.
std::optional<std::string> read_test_file(const std::string& path,
                                          std::vector<Diagnostic>& diagnostics);

// Parses one test file; every problem goes to `diagnostics` (all of them,
// located). Paths in the file are resolved against its folder; each must be
// within `reach` and named as what it is (engine/base/input_file.hpp).
TestFile parse_test_file(const std::string& path, const std::string& text,
                         std::vector<Diagnostic>& diagnostics, const Reach& reach);

// The .test files named by `paths` (files, or folders searched recursively),
// sorted; a path that does not exist is a diagnostic, and so is a .test in a
// folder that is a link leading out of `reach`.
std::vector<std::string> discover(const std::vector<std::string>& paths,
                                  std::vector<Diagnostic>& diagnostics, const Reach& reach);

// ---- running ----------------------------------------------------------------

struct Failure {
  SourceLocation where;  // the expectation (or the case) that failed
  std::string message;   // "预算偏差率: expected pass, got fail (…)"
};

struct CaseResult {
  const Case* test = nullptr;
  enum class Status { passed, failed, skipped };
  Status status = Status::passed;
  std::vector<Failure> failures;
  std::string golden_diff;  // what changed in the golden report (--update or a mismatch)
  bool golden_written = false;
};

// One thing coverage counts: a rule (指标, 新增指标, 定义, 核对) or a branch of
// one (a 核对 holding or failing, a band of a 量表).
struct CoverageItem {
  std::string file;
  unsigned line = 0;
  std::string what;  // "指标 过程/预算执行/预算执行率", "核对 … fails", "量表 效果: 部分达成"
  bool reached = false;
};

struct FileCoverage {
  std::string file;
  unsigned reached = 0, total = 0;
  std::vector<CoverageItem> missed;
};

struct Coverage {
  unsigned reached = 0, total = 0;
  std::vector<FileCoverage> files;  // sorted by file
  double percent() const { return total ? 100.0 * reached / total : 100.0; }
};

struct RunOptions {
  std::string pattern;  // --run: an ECMAScript regex searched in each case's name
  bool update = false;  // --update: rewrite golden reports
  bool coverage = false;
  // Where the cases' rule files may 引用 and name a 目标表: the command's (the
  // folders of the test files or folders named); unset, the rule files' own.
  std::optional<Reach> reach;
};

struct RunResult {
  std::vector<CaseResult> cases;
  std::vector<Diagnostic> diagnostics;  // broken test files, unreadable golden paths
  Coverage coverage;
  unsigned passed = 0, failed = 0, skipped = 0;
  bool broken = false;  // a test file, a rule file a case did not expect to be broken, …
};

RunResult run_tests(const std::vector<TestFile>& files, const RunOptions& options);

// Exact: a written number and a value agree when the value, rounded 四舍五入 to
// as many decimals as the written number has, prints the same ("9.85").
bool agrees_at_written_precision(const std::string& written, const std::string& exact_decimal);

// The golden text of a report: the text report with every path written
// relative to the test file's folder, so that it does not depend on where
// `indicheck test` was run.
std::string relative_to(const std::string& text, const std::string& folder,
                        const std::vector<std::string>& paths);

// Several actuals files read as one (rows in order, one 期间 for all), as
// `indicheck check --actuals A B` reads them.

// A line diff for people: "-old" / "+new" lines with two lines of context.
std::string line_diff(const std::string& old_text, const std::string& new_text);

}  // namespace indicheck::ruletest
