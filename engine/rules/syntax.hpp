#pragma once
// The syntax tree of a rule file (.rules), as written: names, numbers and
// units are still text. engine/rules/load.cpp resolves and types it;
// engine/rules/format.cpp prints it back in the canonical layout.
// docs/rules.md is the language reference.

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "engine/base/diagnostic.hpp"
#include "engine/base/input_file.hpp"
#include "engine/base/period.hpp"
#include "engine/cell/constraint.hpp"

namespace indicheck::rules {

// A rule file's text, kept for locating diagnostics by byte offset.
struct SourceFile {
  std::string path;  // as given or as resolved from an 引用
  std::string text;
  std::vector<std::size_t> line_starts;  // byte offset of each line

  SourceFile(std::string path, std::string text);
  unsigned line_of(std::size_t byte) const;    // 1-based
  unsigned column_of(std::size_t byte) const;  // 1-based, in characters
  std::string line_text(unsigned line) const;  // without the line end
  // line_text, made once and shared by every diagnostic on the line.
  SourceLine shared_line(unsigned line) const;
  Diagnostic diagnostic(Code code, std::size_t byte, std::string message) const;

 private:
  mutable std::map<unsigned, SourceLine> shared_lines_;
};

// Where a node starts.
struct Span {
  const SourceFile* file = nullptr;
  std::size_t byte = 0;
  unsigned line() const { return file ? file->line_of(byte) : 0; }
};

struct Expr {
  enum class Kind { literal, reference, call, negate, add, subtract, multiply, divide, group };
  Kind kind = Kind::literal;
  std::string text;              // literal: the number; reference: the name; call: the function
  std::string unit;              // literal: the unit as written, or ""
  std::optional<Period> column;  // reference: 名称[半年] or 名称[全年]
  std::vector<Expr> args;        // operands, call arguments, the grouped expression
  Span at;
  unsigned height = 1;  // the levels of the tree from here down (a leaf is 1)
};

enum class Relation { eq, ne, lt, le, gt, ge };
const char* to_symbol(Relation r);  // "=", "≠", "<", "≤", ">", "≥"

struct Band {
  enum class Kind { met, partly, not_met };
  Kind kind = Kind::met;
  std::vector<std::string> words;
  std::vector<Span> word_at;
  Span at;
};

struct Clause {
  enum class Kind {
    target,          // 半年 ≥29% / 全年 ≥100%
    actual,          // 实际值 = 表达式
    weight,          // 分值 10
    direction,       // 方向 越高越好|越低越好|恰好
    tolerance,       // 容差 ±0.5%
    places,          // 精度 2位小数
    bare,            // 裸值 ≥
    scale,           // 量表 名称
    not_applicable,  // 不适用
    period,          // 期间 全年
    severity,        // 级别 错误|警告
    message,         // 说明 "…"
    // Scoring, in a 指标 block and (over_eq) in 评分:
    over_eq,     // 超出 算达成|算未达成|按名称
    points_off,  // 每少 1个百分点 扣 0.5分 [按整计]
    step,        // 完成率 ≥95% 得 100%
    // Settings of a 评分 block:
    basis,          // 依据 "…"
    band_point,     // 达成|部分达成|未达成 90%
    over_margin,    // 超额 20%
    control_words,  // 控制词 成本 控制 …
    category,       // 类别 产出 50 [包括 产出 产出指标 …]
    execution,      // 执行率 分值 10
    already_met,    // 已达全年 确定能|有可能
    half_met,       // 半年达成 确定能|有可能
    progress,       // 进度低于 50% 不可能
    grading,        // 定级 按打印总分|按精确总分
  };
  Kind kind = Kind::target;
  Period period = Period::year;  // target, period
  std::string text;  // the target as written, the number, the word, the unit's literal, the message
  std::string unit;  // tolerance
  Expr expr;         // actual
  Span at;           // the clause's keyword
  Span value_at;     // what follows the keyword
  // Scoring: the second number (points off, a step's share, a category's
  // weight) and where it stands; the band of band_point; the words of
  // control_words and category; 按整计.
  std::string second;
  Span second_at;
  Band::Kind band = Band::Kind::met;
  std::vector<std::string> words;
  std::vector<Span> word_at;
  bool whole_units = false;
};

struct Figure {
  std::string name;
  bool is_group = false;  // 组 名称 { … }: no stated total
  struct Value {
    std::string number, unit;  // as written; unit "" = the block's
    Span at;
  };
  std::optional<Value> half, year;
  bool has_block = false;
  std::vector<Figure> members;
  Span at;
  unsigned end_line = 0;  // of the closing `}` when there is a block
};

// A review rule's lines (审核 CODE { … }, docs/review.md), as written.
struct ReviewCondition {
  enum class Kind {
    kind,        // 类型 数值|区间|时限|等级|文字|空
    comparator,  // 比较 ≥ ≤ …
    unit,        // 单位 万元: a unit of that kind
    value,       // 数值 ≥ 100万元, or 数值 ≤ 年度资金总额
    funds,  // (after 预算) 资金总额 > 0, 财政资金 ≤ 资金总额: over the funds block
    category,  // 类别 成本: the indicator's 一级 or 二级 category
    nature,    // 性质 正向|反向: the indicator's 指标性质
    level,     // 一级 成本, 二级 数量 时效: the category of that level is one of these
    words,  // 名称 含 "率", 指标值 不含 "有所" 数字: the name's or the target's words
    no_unit,    // 单位 无: a number written without a unit
    name_unit,  // 名称单位 有|无: a unit in the closing brackets of the name
    demand,     // 要求 > 100%: every value that meets the target compares so
    any,        // （C 且 C 或 C）: one of `alternatives` holds
  };
  Kind kind = Kind::kind;
  bool negated = false;  // written after 非
  // kind, category, nature, name_unit: the word; comparator: each symbol; level:
  // each category; words: each word, unescaped ("" for 数字, any digit)
  std::vector<std::string> words;
  std::string field;   // level: 一级|二级; words: 名称|指标值
  bool lacks = false;  // words: 不含 (else 含)
  // any: conditions joined by 且, each a way for the group to hold
  std::vector<std::vector<ReviewCondition>> alternatives;
  bool grouped = false;      // any: written in parentheses (or else the line's own 或)
  std::string op;            // value, demand, funds: the comparator as written
  std::string number, unit;  // value, demand, funds: the number and unit; unit: the unit
  std::string figure;        // value, demand, funds: the figure compared with, instead of a number
  std::string subject;       // funds: the figure compared
  Span at;
};

struct ReviewLine {
  enum class Kind { scope, test, severity, problem, suggestion };
  Kind kind = Kind::scope;
  std::vector<std::string> pattern;  // scope
  std::string
      text;  // test: 每个|至少一个|没有|预算; severity: 错误|警告|提示; the problem or suggestion
  std::vector<ReviewCondition> conditions;  // test, joined by 且
  Span at;
  Span text_at;  // problem, suggestion: the opening quote of the wording
};

struct Statement {
  enum class Kind {
    import,
    table,
    unit,
    scale,
    budget,
    reported,
    define,
    check,
    indicator,
    new_indicator,
    scoring,  // 评分 { settings }: the clauses
    review,   // 审核 CODE { … }: `text` the code, `review` its lines
  };
  Kind kind = Kind::import;
  Span at;
  Span name_at;
  std::string text;             // import/table path; unit, scale, reported or defined name
  std::string number;           // unit: the factor
  std::string unit;             // unit: the base unit; budget: the block unit; reported: its unit
  std::vector<Band> bands;      // scale
  std::vector<Figure> figures;  // budget
  Expr expr;                    // define
  std::vector<Expr> sides;      // check: a = b ≤ c
  std::vector<Relation> relations;   // check: between sides
  std::vector<std::string> pattern;  // indicator: segments ("*", "**", globs)
  std::vector<Clause> clauses;       // indicator, new_indicator, check
  std::vector<ReviewLine> review;    // review
  bool has_block = false;
  unsigned end_line = 0;  // the last line of the statement
};

struct Comment {
  unsigned line = 0;
  std::string text;      // from '#' on
  bool own_line = true;  // false: after code on its line
};

struct RuleFile {
  const SourceFile* source = nullptr;
  std::vector<Statement> statements;
  std::vector<Comment> comments;
};

// Parses one rule file. Every syntax error is reported (parsing resumes at the
// next line that starts a statement); statements with errors are left out.
RuleFile parse_rule_file(const SourceFile& source, std::vector<Diagnostic>& diagnostics);

// What a rule file or a .test file is called when it cannot be read as one:
// whole sentences marked N_() by the stage that defines the kind.
struct SourceKind {
  const char* too_large;  // with the file's size and the limit as placeholders
  const char* more_than;  // a pipe or a device read past the limit: the limit twice
  Code too_large_code, invalid_utf8_code;
};
// A rule file: E3001, E3002.
extern const SourceKind kRuleFileKind;

// Whether `source` can be parsed at all: within RuleLimits::max_file_bytes
// and valid UTF-8. When not, one located diagnostic says why, with the code
// `kind` gives each problem.
bool readable(const SourceFile& source, const SourceKind& kind,
              std::vector<Diagnostic>& diagnostics);

// A rule or test file's bytes, at most RuleLimits::max_file_bytes read: a
// larger file is refused as `kind` says (E3001, E6001), a regular file before
// it is read, a pipe or a device as soon as it passes the limit. `named_by`
// set: the file is named inside a rule or test file and read only within
// that reach, a regular file named as a rule file (read_named_file; a refusal
// names its real path); nullptr: named on the command line, any file.
std::optional<std::string> read_source(const std::string& path, const SourceKind& kind,
                                       ReadProblem& problem, const Reach* named_by = nullptr);
// As above, named on the command line; the problem a diagnostic at the file.
std::optional<std::string> read_source(const std::string& path, const SourceKind& kind,
                                       std::vector<Diagnostic>& diagnostics);

// Prints an expression in the canonical layout; `leaf`, when given, may print
// a node itself (a value in place of a name).
using LeafPrinter = std::function<std::optional<std::string>(const Expr&)>;
std::string print_expr(const Expr& e, const LeafPrinter& leaf);
std::string print_name(std::string_view name);   // bare, or in 「」
std::string quoted_text(std::string_view text);  // in "…", with \" and \\ escapes

// The whole file in the canonical layout, comments kept (engine/rules/format.cpp).
std::string format_rule_file(const RuleFile& file);

// A comparator as a review condition writes it (≥, >=, ≧, …); nullopt when none.
std::optional<Comparator> comparator_written(std::string_view op);

// Names: whether `name` can be written without 「」.
bool is_bare_name(std::string_view name);

}  // namespace indicheck::rules
