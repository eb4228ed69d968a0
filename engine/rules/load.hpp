#pragma once
// Checking rule files before they run: load a file and everything it 引用s,
// resolve every name, infer the dimension of every expression, and report all
// problems (unknown names, unit mismatches, duplicates, cycles, conditions
// that can never hold) as located diagnostics. The result, a RuleSet, is
// what engine/rules/eval.cpp runs.

#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "engine/base/input_file.hpp"
#include "engine/base/unit.hpp"
#include "engine/cell/constraint.hpp"
#include "engine/rules/scoring_scheme.hpp"
#include "engine/rules/syntax.hpp"
#include "engine/table/table.hpp"

namespace indicheck {
class TableImports;  // engine/import/table_text.hpp
}

namespace indicheck::rules {

// A physical dimension as exponents of base dimensions ("money": 1).
// Ratios (%) and plain numbers are dimensionless: the empty map.
struct Dimension {
  std::map<std::string, int> exponents;
  static Dimension of(const Unit& unit);
  bool operator==(const Dimension&) const = default;
  Dimension times(const Dimension& o, int sign) const;
  std::string describe() const;  // "money", "a ratio or plain number", "money/an area"
};

// A figure of the budget block (预算), a group of figures (组), or a figure the
// unit reports in its actuals file (上报).
struct FigureDef {
  enum class Source { budget, group, reported };
  Source source = Source::budget;
  std::string name;
  Unit unit;                         // the unit it is written in
  std::optional<Number> half, year;  // in `unit`, as written (budget figures)
  std::vector<std::string> members;  // a group's or a subtotal's rows
  Span at;
};

struct DerivedDef {
  std::string name;
  const Expr* expr = nullptr;
  Dimension dimension;
  Span at;
};

// A 核对 statement: a relation between figures (预算 sums, derived metrics)
// that must hold, reconciling the table with the budget.
struct Reconciliation {
  const Statement* statement = nullptr;
  std::optional<Period> only;  // 期间
  Severity severity = Severity::error;
  std::string message;  // 说明
  std::string written;  // the relation as written in the file
};

struct Scale {
  std::string name;
  std::map<std::string, int> band;  // word → 0 met, 1 partly, 2 not met
  std::vector<std::string> met_words;
  Span at;
};

struct IndicatorRule {
  const Statement* statement = nullptr;
  bool is_new = false;  // 新增指标
  std::vector<std::string> pattern;
  std::optional<Period> only;  // 期间
  std::optional<Constraint> half_target, year_target;
  const Clause* half_clause = nullptr;
  const Clause* year_clause = nullptr;
  const Expr* actual = nullptr;  // 实际值 = …
  std::optional<Number> weight;
  std::optional<Direction> direction;
  std::optional<Quantity> tolerance;
  Span tolerance_at, places_at;  // the clauses, for messages
  std::optional<unsigned> places;
  std::optional<Comparator> bare;
  const Scale* scale = nullptr;
  bool not_applicable = false;
  std::optional<EqMiss> eq_miss;     // 超出 算达成|算未达成
  std::optional<LocalScheme> local;  // 每少 … 扣 …, or the 完成率 steps
  std::optional<Unit> short_unit;    // 每少's unit when written; else the target's
  Span local_at;                     // the first clause of the local scheme

  bool matches(const std::vector<std::string>& path) const;
  const std::optional<Constraint>& target(Period p) const {
    return p == Period::half ? half_target : year_target;
  }
};

// A review rule (审核, docs/review.md), checked; engine/review applies it to a
// targets table before the budget is approved.
struct ReviewRule {
  const Statement* statement = nullptr;
  std::string code;
  std::vector<std::string> pattern;  // 范围; empty: every indicator
  // funds: the 预算 line, conditions over the funds block, tested once a run.
  enum class Quantifier { every, some, none, funds };
  Quantifier quantifier = Quantifier::every;
  struct Condition {
    ReviewCondition::Kind kind = ReviewCondition::Kind::kind;
    std::string kind_word;                // 数值, 区间, 时限, 等级, 文字, 空
    std::string category;                 // 类别: as categories compare (category_name)
    std::string nature;                   // 性质: 正向 or 反向; 名称单位: 有 or 无
    bool negated = false;                 // 非
    std::vector<std::string> categories;  // 一级, 二级: any of them (category_name)
    int level = 0;                        // 一级 1, 二级 2
    bool in_name = false;                 // 名称 含 (else 指标值 含)
    bool lacks = false;                   // 不含 (else 含)
    std::vector<std::string> words;       // 含: any of them
    bool digits = false;                  // 含 数字: any digit 0-9
    // （…）: one of these holds, each a list of conditions that all hold
    std::vector<std::vector<Condition>> alternatives;
    std::vector<Comparator> comparators;  // 比较: any of them
    std::optional<Unit> unit;             // 单位: a unit of its kind
    std::optional<Comparator> op;         // 数值 (or 要求) op value
    std::optional<Quantity> value;
    const FigureDef* figure = nullptr;   // 数值 ≤ FIGURE, or a funds condition's right side
    const FigureDef* subject = nullptr;  // funds: the figure on the left
    std::string written;                 // as the file has it, canonical (condition_text)
  };
  std::vector<Condition> conditions;  // all must hold
  Severity severity = Severity::error;
  std::string problem, suggestion;

  bool in_scope(const std::vector<std::string>& path) const;
};

// A category's name as the templates compare it: blanks out, a trailing 指标
// dropped (产出指标 and 产出 are one category).
std::string category_name(std::string_view name);

// A 审核's wording (问题, 建议) in parts: text, and placeholders `{指标}` that
// the finding fills in (review_placeholders); `{{` and `}}` are a literal
// brace, and any other brace is itself.
struct WordingPart {
  bool placeholder = false;
  std::string text;    // the text, or the placeholder's name (指标)
  std::size_t at = 0;  // byte offset of the part in the wording
};
std::vector<WordingPart> split_wording(std::string_view wording);
// Every placeholder a wording may hold, each of them about the indicator of
// the finding: 指标, 路径, 指标值, 期间, 比较 (docs/review.md).
const std::vector<std::string_view>& review_placeholders();

struct RuleSet {
  std::vector<std::unique_ptr<SourceFile>> sources;  // every file read, the root first
  std::vector<RuleFile> files;
  UnitTable units = UnitTable::standard();
  std::map<std::string, FigureDef> figures;
  std::map<std::string, DerivedDef> derived;
  std::vector<std::unique_ptr<Scale>> scales;
  std::vector<Reconciliation> reconciliations;
  std::vector<IndicatorRule> indicators;
  std::vector<ReviewRule> reviews;   // 审核, in file order
  std::optional<TargetTable> table;  // from 目标表, with any 新增指标 added
  std::string table_path;
  std::vector<Indicator> new_indicators;
  // From the 评分 statement (at most one across the files); without one,
  // scoring uses the shipped default.
  std::optional<ScoringScheme> scoring;

  const Scale* scale_for_word(const std::string& word) const;
};

// Reads and checks `paths` (and what they 引用). Every problem goes to
// `diagnostics`; the RuleSet is usable when none of them is an error.
// `table_override`: a targets file given on the command line, which takes the
// place of the rule files' 目标表. `reach`: where an 引用 or a 目标表 may lead
// (engine/base/input_file.hpp); by default, the folders of `paths`. A 目标表
// may name any table import reads; `imports`: the run's imports, so that a
// table named twice is imported once (engine/import/table_text.hpp).
std::unique_ptr<RuleSet> load_rules(const std::vector<std::string>& paths,
                                    std::vector<Diagnostic>& diagnostics,
                                    const TargetTable* table_override = nullptr,
                                    const Reach* reach = nullptr, TableImports* imports = nullptr);

// Checks one in-memory file (tests, fuzzing): no 引用 or 目标表 is followed
// unless the paths exist. `reach` as for load_rules; by default, the working
// folder and the folder of `name`.
std::unique_ptr<RuleSet> load_rules_text(const std::string& name, std::string text,
                                         std::vector<Diagnostic>& diagnostics,
                                         const Reach* reach = nullptr);

// The shipped review rules (rules/review/*.rules, built into the binary):
// in-memory files, read and checked as every rule file is, whose 审核 have
// the codes of the shipped family (R and four digits) that other files may
// not use. `files`: (name, text) pairs.
std::unique_ptr<RuleSet> load_shipped_rules(
    const std::vector<std::pair<std::string, std::string>>& files,
    std::vector<Diagnostic>& diagnostics);

}  // namespace indicheck::rules
