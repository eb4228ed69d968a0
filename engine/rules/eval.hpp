#pragma once
// Running a checked RuleSet: the figures a unit reports, the derived metrics,
// the consistency checks (核对), and what the 指标 rules change about how one
// indicator is judged. Exact arithmetic throughout; a division by zero or a
// missing figure is a verdict (error / missing), never a crash.

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "engine/cell/actual.hpp"
#include "engine/cell/verdict.hpp"
#include "engine/rules/load.hpp"

namespace indicheck::rules {

// A computed value: an exact amount in base units, its dimension, and the unit
// to show it in.
struct Value {
  Number base;
  Dimension dimension;
  Unit shown;
  std::string text() const;  // in `shown`: "21274.97万元", "≈98.502337%"
};

// The figures the unit reported (上报) in its actuals file, by name.
struct ReportedFigure {
  std::optional<Number> base;  // the value in base units, when readable
  std::string written;
  std::string problem;  // why it cannot be used, when it cannot
  Code problem_code{};  // which problem, when there is one (rule tests expect it by code)
  SourceLocation where;
};

class Evaluator {
 public:
  Evaluator(const RuleSet& rules, Period period, std::map<std::string, ReportedFigure> reported);

  struct Outcome {
    std::optional<Value> value;
    VerdictKind problem = VerdictKind::error;  // missing or error, when there is no value
    std::string why;
  };
  Outcome eval(const Expr& e) { return eval(e, period_); }
  Outcome eval(const Expr& e, Period p);
  // The expression with each name replaced by its value: "20956.34万元 / 21274.97万元".
  std::string substituted(const Expr& e);
  // "预算执行率计算 = 执行数 / 预算数 = 20956.34万元 / 21274.97万元": through the
  // definitions a name stands for, then the values.
  std::string explain(const Expr& e);

  Period period() const { return period_; }
  const RuleSet& rules() const { return rules_; }

 private:
  Outcome figure(const std::string& name, Period p, int depth);
  Outcome eval_node(const Expr& e, Period p);
  const RuleSet& rules_;
  Period period_;
  std::map<std::string, ReportedFigure> reported_;
  int depth_ = 0;
  unsigned walk_ = 0;  // levels of eval on the stack, through every 定义
  // Each 定义's outcome per period, once computed: the rules and the reported
  // figures do not change, and a chain of definitions that each use the one
  // before twice would otherwise cost 2^depth evaluations.
  std::map<std::pair<std::string, Period>, Outcome> derived_;
  bool cut_ = false;  // the current walk met the depth limit: its outcomes are not kept
};

// The result of one 核对 in one period.
struct ReconciliationResult {
  const Reconciliation* rule = nullptr;
  Period period = Period::year;
  VerdictKind kind = VerdictKind::pass;  // pass, fail, missing or error
  Severity severity = Severity::error;
  std::string written;      // the relation as written
  std::string explanation;  // both sides with their values
  std::string message;      // 说明
  SourceLocation where;
  std::string source_line;
};

// Runs every 核对 that applies to `period`. With `constant_only`, only those
// that use no reported figure (what `lint` can decide from the files alone).
std::vector<ReconciliationResult> reconcile(Evaluator& ev, bool constant_only = false);

// What the rules make of one indicator in one period, given its target as
// parsed from the table and the actual row (when there is one).
struct Judgement {
  Verdict verdict;
  bool not_applicable = false;
  std::optional<Number> weight;
  std::optional<Direction> direction;
  std::optional<EqMiss> eq_miss;  // 超出
  std::optional<LocalScheme> local;  // 每少 … 扣 … (its unit in the target's) or 完成率 steps
  std::string computed_actual;       // "98.5%" when 实际值 computed it
  std::string target;                // the target judged, when a rule replaced the table's
  const char* target_kind = "";      // its kind (Constraint::kind: "quantity", …)
  std::optional<Constraint> judged_target;  // exactly what was judged
  std::optional<Actual> judged_actual;
};
// `actual`: the actuals file's cell, or null when no row was reported.
Judgement judge(Evaluator& ev, const Indicator& ind, const Constraint& table_target,
                const Cell* actual, const std::optional<int>& year);

// The funds block of the 自评表 (资金): 年初预算数, 全年预算数 and 全年执行数, in
// the unit of the 预算 block (万元 without one), each with the name it came from.
// 年初预算数: the figure 年初预算数, else 资金总额, else the first figure of the
// first 预算 block (its 全年 column). 全年预算数: 调整预算数, else 预算数, else
// 年初预算数. 全年执行数: 执行数. A figure that cannot be evaluated is left empty.
struct Funds {
  Unit unit;
  struct Amount {
    Number value;      // in `unit`
    std::string name;  // the rule file's name for it
  };
  std::optional<Amount> initial, budget, executed;
};
// Nullopt when the rules have neither a 预算 block nor any of those figures.
std::optional<Funds> funds_of(Evaluator& ev);

// Which actual rows are reported figures: rows whose key is a 上报 name.
bool is_reported_figure(const RuleSet& rules, const std::string& key);
ReportedFigure read_reported(const RuleSet& rules, const std::string& name,
                             const std::string& written, const SourceLocation& where);

}  // namespace indicheck::rules
