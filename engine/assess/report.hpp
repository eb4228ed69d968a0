#pragma once
// The report model: every indicator of a targets table with its verdict, and
// the tallies. One model, several renderers (render_text, render_json).

#include <array>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "engine/base/boxed.hpp"
#include "engine/base/diagnostic.hpp"
#include "engine/base/number.hpp"
#include "engine/cell/actual.hpp"
#include "engine/cell/verdict.hpp"
#include "engine/rules/eval.hpp"
#include "engine/table/table.hpp"

namespace indicheck {

// How one indicator (or the 预算执行率 block) scored at year-end; filled by
// assess() (engine/assess/score.hpp), after judge(). Exact; printed to 2 places.
struct Score {
  Number weight;            // 分值
  Number points;            // 得分, 0 ≤ points ≤ weight
  std::string explanation;  // the arithmetic, recomputable by hand: "10 × 98.5/100 = 9.85"
  bool review = false;      // over-achieved beyond the scheme's margin: a person must explain it
  bool pending = false;     // a person must judge (manual): 0 points until then
  std::vector<std::string> notes;  // every default the scoring applied
};

// Mid-year: will the full-year target be met? (确定能 / 有可能 / 不可能)
enum class OnTrack { certain, possible, impossible };
const char* to_string(OnTrack o);  // "certain", "possible", "impossible"
const char* chinese(OnTrack o);    // "确定能", "有可能", "不可能"

struct Outlook {
  OnTrack on_track = OnTrack::possible;
  std::string explanation;
};

// The target, actual and 偏差原因 are read from the tables, not copied (a
// copy of each was 96 of a result's 416 bytes): a result points into the
// tables (`indicator`, `row`) and is good only while they are alive, as it
// always was; every command keeps its Pipeline (the targets) and its actuals
// for as long as their reports.
struct IndicatorResult {
  const Indicator* indicator = nullptr;
  Period period = Period::year;  // whose target is judged
  const char* kind = "";         // of the parsed target (Constraint::kind): "quantity", …, or ""
  const ActualRow* row = nullptr;  // the actuals row matched, when any (its 分值, 得分)
  // As written: the indicator's target for the period, or the rule files'
  // target when one replaced it (`rule_target`).
  const std::string& target() const;
  // As written: the computed actual when the rule files computed one, else
  // the matched row's; empty when none was reported.
  const std::string& actual() const;
  const std::string& reason() const;  // 偏差原因, as reported on the matched row
  // Set only when the rule files changed the text judged (a rule's target, a
  // computed actual): most results have neither.
  Boxed<std::string> rule_target;
  Boxed<std::string> computed_actual;
  // With no row matched: the rows whose name matched it and other indicators
  // too, dropped (E4005, assess_key_ambiguous), so that the report says its
  // actual and 分值 were dropped, not that none was given. Which of them was
  // its own nobody can tell: they are named together. Boxed: nearly every
  // result has none.
  Boxed<std::vector<const ActualRow*>> dropped_rows;
  Verdict verdict;
  // What was judged, when rule files changed it (a rule's target, a computed
  // actual, a rounded one): later stages use these rather than the text.
  // On the heap: most results have neither, and inline they were over half
  // of each result's size (docs/reliability.md, "Report sizes").
  Boxed<Constraint> judged_target;
  Boxed<Actual> judged_actual;
  // Filled by assess(): the year-end score (nullopt when not scored, and
  // `unscored` says why), the mid-year outlook, and whether a 偏差原因 is owed.
  std::optional<Score> score;
  Boxed<std::string> unscored;  // Boxed: set only when a year-end report does not score it
  // On the heap, as judged_target: only a mid-year report has one.
  Boxed<Outlook> outlook;
  bool needs_reason = false;
};

// A 一级指标's share of the year-end score.
struct CategoryScore {
  std::string name;
  Number weight, points;
};

// The year-end total (assess() on a --period year report).
struct Scoring {
  std::string scheme;                      // its name, e.g. 财预〔2020〕10号
  std::vector<CategoryScore> by_category;  // in table order; the block last when separate
  // The 预算执行率 block from the funds figures (执行数 / 预算数) when given.
  std::optional<Number> executed, budget;
  std::optional<Score> execution;  // set when no indicator carries the block
  Number weight;                   // the weights of what was scored (not-applicable ones dropped)
  Number points;
  Number total;       // points rescaled to 100
  std::string grade;  // 优 良 中 差; empty when nothing was scored
  std::string explanation;
  unsigned pending = 0;  // indicators a person must still judge: the total is provisional
  std::vector<std::string> assumptions;  // every default the scheme applied to the table
};

// A published self-evaluation re-checked (engine/assess/recheck.hpp): its 得分
// against indicheck's, compared as printed (at the places the table prints,
// half-up; shown to 2 places).
struct PublishedScore {
  std::string what;         // the indicator's path text, "预算执行率" or "总分"
  std::string published;    // the published 得分 to 2 places
  std::string computed;     // indicheck's to 2 places; "" when it did not score it
  std::string explanation;  // how indicheck's came about, or why it has none
  SourceLocation where;     // the published cell
};

struct Recheck {
  std::string weights;                      // which 分值 were used: the table's, the rules', …
  unsigned compared = 0;                    // published 得分 compared (indicators and the block)
  std::vector<PublishedScore> differences;  // in table order
  std::optional<PublishedScore> total;      // the published 总分, when given
  bool total_differs = false;
  std::vector<std::string> notes;  // a published 分值 the rules overrode, …
};

struct Tally {
  std::string name;  // 一级指标, or "一级 / 二级"
  std::array<unsigned, std::size(kAllVerdicts)> counts{};
  unsigned total = 0;

  void add(VerdictKind v) {
    ++counts[static_cast<std::size_t>(v)];
    ++total;
  }
  unsigned count(VerdictKind v) const { return counts[static_cast<std::size_t>(v)]; }
};

struct Report {
  std::string unit;  // 单位名称, from the targets file
  // The table's head from the targets file (项目名称, 主管部门, 实施单位, 年度总体目标, …),
  // in kHeadingKeys' order: every report's heading shows it.
  std::vector<std::pair<std::string, std::string>> heading;
  std::optional<int> year;
  // The published table's title as imported ("2022年度项目支出绩效自评表"); "" when
  // the targets file does not give it (docs/files.md, "# indicheck targets: …").
  std::string title;
  // The unit of a published self-evaluation's funds figures (# 资金单位: 元, written
  // by indicheck import beside # 全年预算数); "" when not given (the 自评表's 万元).
  std::string funds_unit;
  Period period = Period::year;
  std::string targets_file, actuals_file;
  std::vector<IndicatorResult> results;  // in table order: one per indicator
  std::vector<Tally> by_level1;          // in order of first appearance
  std::vector<Tally> by_level2;
  Tally total;
  std::vector<Diagnostic> diagnostics;  // problems found in the two files
  // With rule files: every 核对 for the period, with its result, and the
  // figures the unit reported (上报) as read from the actuals.
  std::vector<rules::ReconciliationResult> reconciliations;
  std::map<std::string, rules::ReportedFigure> figures;
  std::map<std::string, rules::Judgement> judgements;  // by indicator path, when rules apply
  std::optional<ScoringScheme> rule_scheme;            // the rule files' 评分, when they give one
  std::optional<rules::Funds> funds;                   // year-end, from the rule files' figures
  // The 其中 lines of the funds total (本年财政拨款, 上年结转资金, 其他资金): the
  // members of the first figure of the rule files' first 预算 block, evaluated
  // for the year in the funds unit; those that cannot be evaluated are left out.
  std::vector<rules::Funds::Amount> funds_members;
  // The 其中 lines a published self-evaluation gives (# 其中 …), with their 执行数.
  std::vector<FundsMember> published_members;
  // A 监控表's funds progress as the actuals give it (# 1-6月执行数,
  // # 全年预计执行数; indicheck import writes them), in funds_unit.
  std::optional<Number> half_executed, forecast;
  std::optional<Scoring> scoring;  // year-end, from assess()
  std::optional<Recheck> recheck;  // year-end, when the actuals publish 得分 (recheck.hpp)

  // 2 when a file has errors, 1 when an indicator is not met (fail, partial,
  // error, missing) or a published 得分 differs from indicheck's, else 0.
  int exit_code() const;
};

// Evaluates every indicator of `targets` for `period` against `actuals`.
// Problems in the files go to report.diagnostics; problems in a value become
// its verdict.
// With `rules`, the rule files' targets, computed actuals, tolerances and
// scales apply, and every 核对 of the period is run (engine/rules/eval.hpp).
Report judge(const TargetTable& targets, const ActualTable& actuals, Period period,
             const rules::RuleSet* rules = nullptr);

// The 自评表's funds block (项目资金: 年初预算数 | 全年预算数 | 全年执行数 | 分值 |
// 执行率 | 得分), as the xlsx, text and JSON reports show it. The figures come
// from one source: the scoring's (Scoring::budget / executed, a published
// self-evaluation's) when it had them, else the rule files' (Report::funds);
// the score is the block's own (Scoring::execution) or that of the indicator
// named 预算执行率.
struct FundsBlock {
  std::string unit;  // the figures' unit (the rules' or the published table's); else 万元
  std::optional<Number> initial, budget, executed;
  std::optional<Number> rate;    // executed × 100 / budget (a percentage), budget > 0
  const Score* score = nullptr;  // points into the Report
  std::vector<std::pair<std::string, std::string>> from_rules;  // (年初预算数, the rules' name)…
  // The total's 其中 lines, when they are in `unit`: the published table's
  // (with 全年预算数 and its 全年执行数 when given), else the rule files' (one
  // 全年 figure: `initial` set, as the rules' total shows it under 年初预算数).
  struct Member {
    std::string name;
    std::optional<Number> initial, budget, executed;
  };
  std::vector<Member> members;
  // Whether the rules or the scoring gave any funds figure (the text and JSON
  // reports show the block only then; the xlsx always has it).
  bool has_figures() const { return initial || budget || executed; }
};
FundsBlock funds_block(const Report& report);
FundsBlock funds_block(const Report&& report) = delete;  // `score` would dangle

}  // namespace indicheck
