// The shipped review rules (docs/review.md gives each its source and reasoning).

#include "engine/review/review.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <set>
#include <variant>

#include "engine/base/blank.hpp"
#include "engine/base/message.hpp"
#include "engine/cell/parse.hpp"

namespace indicheck {
// The shipped review rules' files, as CMake built them in (engine/CMakeLists.txt).
extern const unsigned char kShippedReview_completeness[];
extern const std::size_t kShippedReview_completenessSize;
extern const unsigned char kShippedReview_measurability[];
extern const std::size_t kShippedReview_measurabilitySize;
extern const unsigned char kShippedReview_consistency[];
extern const std::size_t kShippedReview_consistencySize;
}  // namespace indicheck

namespace indicheck::review {

const char* chinese(Severity s) {
  switch (s) {
    case Severity::error:
      return "错误";
    case Severity::warning:
      return "警告";
    case Severity::note:
      return "提示";
  }
  return "";
}

const std::vector<ShippedRule>& shipped_rules() {
  static const std::vector<ShippedRule> rules = {
      {"R1001", "completeness.category_missing", Severity::error, "缺少必设的一级指标"},
      {"R1002", "completeness.category_empty", Severity::error, "一级指标下没有三级指标"},
      {"R1003", "completeness.output_subcategory_missing", Severity::warning,
       "产出指标缺少数量、质量、时效或成本二级指标"},
      {"R1004", "completeness.target_empty", Severity::error, "三级指标未填写指标值"},
      {"R1005", "completeness.path_repeated", Severity::error, "同一指标重复设置"},
      {"R1006", "completeness.template_unknown", Severity::note,
       "一级指标不属于已知的指标体系，未审核指标体系完整性"},
      {"R1007", "completeness.optional_category_empty", Severity::note,
       "非必设的一级指标下没有三级指标"},
      {"R2001", "measurability.vague_quantity", Severity::error, "定量指标的指标值只有描述性文字"},
      {"R2002", "measurability.vague_words", Severity::warning, "指标值使用模糊表述"},
      {"R2003", "measurability.quantity_as_text", Severity::warning, "定量指标以文字表述"},
      {"R2004", "measurability.placeholder", Severity::error, "模板占位符未替换"},
      {"R2005", "measurability.number_without_unit", Severity::warning, "数值没有计量单位"},
      {"R2006", "measurability.unreadable", Severity::error, "指标值无法识别"},
      {"R3001", "consistency.name_unit", Severity::error, "指标名称中的单位与指标值的单位不一致"},
      {"R3002", "consistency.unit_column", Severity::error, "计量单位与指标值不一致"},
      {"R3003", "consistency.nature_direction", Severity::error, "指标性质与指标方向不一致"},
      {"R3004", "consistency.rate_over_100", Severity::error, "不能超过100%的比率目标超过100%"},
      {"R3005", "consistency.cost_lower_bound", Severity::warning, "成本指标设为下限"},
      {"R3006", "consistency.date_outside_year", Severity::error, "时效指标的日期不在预算年度内"},
      {"R4001", "budget.funds_do_not_add_up", Severity::error, "资金来源各项之和不等于合计数"},
      {"R4002", "budget.cost_over_total", Severity::error, "成本指标的金额超过项目资金总额"},
  };
  return rules;
}

std::size_t ReviewReport::count(Severity s) const {
  std::size_t n = 0;
  for (const TableReview& t : tables)
    for (const Finding& f : t.findings) n += f.severity == s;
  for (const FundsReview& b : funds)
    for (const Finding& f : b.findings) n += f.severity == s;
  return n;
}

int ReviewReport::exit_code() const {
  if (unreadable || has_errors(diagnostics)) return 2;
  return count(Severity::error) > 0 ? 1 : 0;
}

namespace {

const ShippedRule& rule(std::string_view code) {
  for (const ShippedRule& r : shipped_rules())
    if (code == r.code) return r;
  throw std::logic_error("no shipped review rule " + std::string(code));
}

// A finding of the shipped rule `code`, with its severity and name.
Finding shipped(std::string_view code, const std::string& indicator, SourceLocation where,
                SourceLine source_line, std::string message, std::string suggestion) {
  const ShippedRule& r = rule(code);
  Finding f;
  f.severity = r.severity;
  f.code = r.code;
  f.rule = r.name;
  f.indicator = indicator;
  f.message = std::move(message);
  f.suggestion = std::move(suggestion);
  f.where = std::move(where);
  f.source_line = std::move(source_line);
  return f;
}

using rules::category_name;

// The character column of `text` in `line` (its first occurrence), else 1.
unsigned column_in(std::string_view line, std::string_view text) {
  if (text.empty()) return 1;
  std::size_t at = line.find(text);
  return at == std::string_view::npos ? 1 : count_chars(line, at) + 1;
}

template <typename Words>
bool contains_any(std::string_view text, const Words& words) {
  for (std::string_view w : words)
    if (text.find(w) != std::string_view::npos) return true;
  return false;
}
bool contains_any(std::string_view text, std::initializer_list<std::string_view> words) {
  return contains_any<std::initializer_list<std::string_view>>(text, words);
}

bool has_digit(std::string_view text) {
  return std::any_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// A template's placeholder left in (`*`, `**`, `XXX`, `×××`).
bool is_placeholder(std::string_view text) {
  std::string s = squeeze(text);
  if (s.empty()) return false;
  if (contains_any(s, {"XXX", "xxx", "×××", "**", "＊＊"})) return true;
  std::size_t i = 0;
  while (i < s.size()) {
    utf8::CodePoint cp = utf8::next(s, i);
    if (cp != '*' && cp != 0xFF0A /* ＊ */ && cp != 'X' && cp != 'x' && cp != 0xD7 /* × */)
      return false;
  }
  return true;
}

// The unit in the name's trailing brackets, when it is one: 受益人数(人) → 人.
std::optional<Unit> unit_in_name(const std::string& name, const UnitTable& units,
                                 std::string* written) {
  std::string s = squeeze(name);
  for (auto [open, close] : {std::pair{"(", ")"}, {"（", "）"}}) {
    if (!s.ends_with(close)) continue;
    std::size_t at = s.rfind(open);
    if (at == std::string::npos) continue;
    std::size_t from = at + std::string(open).size();
    std::string inner = s.substr(from, s.size() - std::string(close).size() - from);
    auto u = units.lookup(inner);
    if (u && u->known && !u->dimensionless()) {
      *written = inner;
      return u;
    }
  }
  return std::nullopt;
}

struct Reviewer {
  const TargetTable& table;
  const UnitTable& units;
  TableReview& out;
  const rules::RuleSet* rules_ = nullptr;

  void add(std::string_view code, const std::string& indicator, SourceLocation where,
           SourceLine source_line, std::string message, std::string suggestion) {
    out.findings.push_back(shipped(code, indicator, std::move(where), std::move(source_line),
                                   std::move(message), std::move(suggestion)));
  }

  SourceLocation at(unsigned line, unsigned column) const { return table.at(line, column); }

  // ---- completeness: the categories the template asks for ----------------
  void categories() {
    if (table.indicators.empty()) return;
    struct Seen {
      const Indicator* first = nullptr;
      bool named = false;  // at least one indicator (a 三级指标) under it
      std::set<std::string> level2;
    };
    std::map<std::string, Seen> seen;
    std::vector<std::string> order;
    for (const Indicator& ind : table.indicators) {
      std::string c = category_name(ind.level1);
      Seen& s = seen[c];
      if (!s.first) {
        s.first = &ind;
        order.push_back(c);
      }
      s.named = s.named || !squeeze(ind.name).empty();
      s.level2.insert(category_name(ind.level2));
    }
    const bool department = seen.count("决策") || seen.count("过程") || seen.count("履职");
    const bool project = seen.count("产出") || seen.count("效益") || seen.count("满意度");
    const Indicator& top = table.indicators.front();
    if (!department && !project) {
      add("R1006", "", at(top.line, 1), top.year_target.source_line,
          "一级指标（" + join(order) +
              "）不属于项目支出或部门整体绩效目标表的指标体系，未审核指标体系的完整性。",
          "按财政部门印发的绩效目标表模板设置一级指标（项目：产出、效益、满意度；部门整体：履职、效"
          "益）。");
      return;
    }
    // A department's framework (部门整体) counts 满意度 under 效益: a 一级 of its
    // own is welcome, not required.
    std::vector<std::string> required;
    if (department)
      required = {seen.count("产出") ? "产出" : "履职", "效益"};
    else
      required = {"产出", "效益", "满意度"};
    if (seen.count("成本")) required.push_back("成本");
    const char* kind = department ? "部门整体绩效目标表" : "项目支出绩效目标表";
    for (const std::string& c : required) {
      auto it = seen.find(c);
      if (it == seen.end()) {
        add("R1001", "", at(top.line, 1), top.year_target.source_line,
            std::string(kind) + "缺少一级指标「" + c + "指标」。",
            "补充「" + c + "指标」，并在其下至少设置一个可衡量的三级指标。");
      } else if (!it->second.named) {
        const Indicator& f = *it->second.first;
        const std::string line(f.year_target.source_line.view());
        add("R1002", f.level1, at(f.line, column_in(line, f.level1)), line,
            "一级指标「" + f.level1 + "」下没有设置三级指标。",
            "在「" + f.level1 + "」下至少设置一个三级指标，并填写指标值。");
      }
    }
    for (const std::string& c : order) {
      const Seen& s = seen.at(c);
      if (s.named || std::find(required.begin(), required.end(), c) != required.end()) continue;
      const Indicator& f = *s.first;
      const std::string line(f.year_target.source_line.view());
      add("R1007", f.level1, at(f.line, column_in(line, f.level1)), line,
          "一级指标「" + f.level1 + "」下没有设置三级指标。",
          "设置可衡量的三级指标，或删去这一空行。");
    }
    if (department) return;
    auto output = seen.find("产出");
    if (output == seen.end() || !output->second.named) return;
    std::vector<std::string> missing;
    for (const char* c : {"数量", "质量", "时效", "成本"}) {
      if (std::string(c) == "成本" && seen.count("成本")) continue;  // 成本 is its own 一级
      if (!output->second.level2.count(c)) missing.push_back(std::string(c) + "指标");
    }
    if (missing.empty()) return;
    const Indicator& f = *output->second.first;
    const std::string line(f.year_target.source_line.view());
    add("R1003", f.level1, at(f.line, column_in(line, f.level1)), line,
        "产出指标缺少二级指标" + join(missing) + "。",
        "按模板在产出指标下补充" + join(missing) + "，各设置至少一个三级指标。");
  }

  static std::string join(const std::vector<std::string>& parts) {
    std::string s;
    for (const std::string& p : parts) s += (s.empty() ? "" : "、") + p;
    return s;
  }

  // ---- completeness: one path once --------------------------------------
  void repeated(std::vector<Diagnostic>& diagnostics) {
    std::map<std::vector<std::string>, const Indicator*> first;
    for (const Indicator& ind : table.indicators) {
      if (squeeze(ind.name).empty()) continue;
      auto [it, fresh] = first.emplace(ind.path_key(), &ind);
      if (fresh) continue;
      const std::string line(ind.year_target.source_line.view());
      add("R1005", ind.path_text(), at(ind.line, column_in(line, ind.name)), line,
          "指标「" + ind.path_text() + "」与第" + std::to_string(it->second->line) + "行重复设置。",
          "删除重复的指标，或修改指标名称以区分两项不同的内容。");
    }
    std::erase_if(diagnostics,
                  [](const Diagnostic& d) { return d.code == Code::targets_indicator_repeated; });
  }

  // ---- one indicator ----------------------------------------------------
  void indicator(const Indicator& ind) {
    if (squeeze(ind.name).empty()) return;  // a row that only records its category
    const std::string path = ind.path_text();
    const Cell& cell = table.has_year ? ind.year_target : ind.half_target;
    const std::string line(cell.source_line.view());
    const std::string written = std::string(trim(cell.text));
    const std::string l1 = category_name(ind.level1), l2 = category_name(ind.level2);
    const bool cost = l1 == "成本" || l2 == "成本";

    if (is_placeholder(ind.name) || contains_any(ind.name, {"XXX", "xxx", "×××"})) {
      add("R2004", path, at(ind.line, column_in(line, ind.name)), line,
          "指标名称「" + ind.name + "」是模板占位符，未填写实际内容。",
          "将占位符替换为本项目的具体指标名称。");
    }
    if (written.empty()) return;  // R1004 (rules/review/completeness.rules)
    if (is_placeholder(written)) {
      add("R2004", path, cell.where, line,
          "指标「" + ind.name + "」的指标值「" + written + "」是模板占位符，未填写实际目标。",
          "将占位符替换为本项目的实际目标值。");
      return;
    }
    if (unit_column(ind, cell, written, path)) return;
    // Findings are the bureau's Chinese wording in any run (审核意见), and
    // R2006 quotes the parser's reason: read the target in Chinese.
    auto parsed = [&] {
      LanguageScope zh(Language::zh);
      return parse_target(cell.text, units);
    }();
    if (auto* e = std::get_if<ParseError>(&parsed)) {
      SourceLocation where = cell.where;
      where.column += e->column - 1;
      add("R2006", path, where, line,
          "指标「" + ind.name + "」的指标值「" + written + "」无法识别（" + e->message + "）。",
          "按「比较符号 + 数值 + "
          "计量单位」填写（如「≥95%」「≤28.8万元」），或写明完成时限（如「2024年12月底前」）。");
      return;
    }
    // R2001-R2003 and R2005 are in rules/review/measurability.rules, R3003-R3005
    // in consistency.rules.
    const Constraint& c = std::get<Constraint>(parsed);
    name_unit(ind, cell, c, path);
    if (cost) cost_within_total(ind, cell, c, path);
    if (l2 == "时效") date_in_year(ind, cell, c, path);
  }

  static std::vector<const Quantity*> quantities(const Constraint& c) {
    if (auto* q = std::get_if<QuantityConstraint>(&c.form)) return {&q->target};
    if (auto* r = std::get_if<RangeConstraint>(&c.form)) return {&r->low, &r->high};
    return {};
  }

  void name_unit(const Indicator& ind, const Cell& cell, const Constraint& c,
                 const std::string& path) {
    std::string written;
    auto u = unit_in_name(ind.name, units, &written);
    if (!u) return;
    for (const Quantity* q : quantities(c)) {
      if (q->unit.symbol.empty() || q->unit.dimension == u->dimension) continue;
      add("R3001", path, cell.where, cell.source_line,
          "指标名称「" + ind.name + "」的计量单位是「" + written + "」，指标值「" +
              std::string(trim(cell.text)) + "」的单位却是「" + q->unit.symbol + "」。",
          "统一计量单位：指标值按「" + written + "」填写，或修改指标名称中的单位。");
      return;
    }
  }

  // `28.8万元%`: the value's unit and the 计量单位 column's, run together by
  // a copy or an import (`28.8万元` under a unit column `%`).
  bool unit_column(const Indicator& ind, const Cell& cell, const std::string& written,
                   const std::string& path) {
    std::size_t last_digit = written.find_last_of("0123456789");
    if (last_digit == std::string::npos) return false;
    std::string tail = squeeze(written.substr(last_digit + 1));
    for (const char* word : {"以上", "以下", "以内"})
      if (tail.ends_with(word)) tail.erase(tail.size() - std::string(word).size());
    if (tail.empty() || units.lookup(tail)) return false;
    std::size_t i = 0;
    while (i < tail.size()) {
      utf8::next(tail, i);
      if (i >= tail.size()) break;
      auto value_unit = units.lookup(tail.substr(0, i));
      auto column_unit = units.lookup(tail.substr(i));
      if (!value_unit || !column_unit || !value_unit->known || !column_unit->known) continue;
      add("R3002", path, cell.where, cell.source_line,
          "指标「" + ind.name + "」的指标值「" + written + "」带有两个计量单位：数值的单位「" +
              tail.substr(0, i) + "」与计量单位栏的「" + tail.substr(i) + "」不一致。",
          "核对计量单位：数值按计量单位栏填写，或将计量单位栏改为「" + tail.substr(0, i) + "」。");
      return true;
    }
    return false;
  }

  // ---- budget: the funds block (review_funds says whether it adds up)
  // A 成本 target in money above the project's whole budget (units converted).
  void cost_within_total(const Indicator& ind, const Cell& cell, const Constraint& c,
                         const std::string& path) {
    if (!rules_) return;
    const rules::FigureDef* total = nullptr;
    for (const char* name : {"年度资金总额", "资金总额"})
      if (auto it = rules_->figures.find(name); it != rules_->figures.end() && it->second.year)
        total = &it->second;
    if (!total) return;
    const Number limit = *total->year * total->unit.factor;
    for (const Quantity* q : quantities(c)) {
      if (q->unit.dimension != total->unit.dimension || q->base_value() <= limit) continue;
      add("R4002", path, cell.where, cell.source_line,
          "成本指标「" + ind.name + "」的指标值「" + std::string(trim(cell.text)) +
              "」超过项目资金总额" + total->year->canonical() + total->unit.symbol + "。",
          "核对成本指标的数值和单位（元与万元），成本不应超过项目资金总额。");
      return;
    }
  }

  void date_in_year(const Indicator& ind, const Cell& cell, const Constraint& c,
                    const std::string& path) {
    auto* d = std::get_if<DeadlineConstraint>(&c.form);
    if (!d || !table.year) return;
    for (const CalendarDate* date : {&d->by, d->from ? &*d->from : nullptr}) {
      if (!date || !date->year || *date->year == *table.year) continue;
      add("R3006", path, cell.where, cell.source_line,
          "时效指标「" + ind.name + "」的完成时限「" + std::string(trim(cell.text)) + "」在" +
              std::to_string(*date->year) + "年，不在预算年度" + std::to_string(*table.year) +
              "年内。",
          "完成时限应在预算年度内；跨年度实施的项目，按本年度应完成的阶段目标填写。");
      return;
    }
  }
};

// ---- budget: the funds block of the rule files (预算, what import --budget writes)
// A stated total (a figure with rows under it) equal to the sum of its rows.
void funds_add_up(const rules::RuleSet& rs, std::vector<Finding>& out) {
  for (const auto& [name, f] : rs.figures) {
    if (f.source != rules::FigureDef::Source::budget || f.members.empty() || !f.year) continue;
    Number sum = Number::integer(0);
    bool complete = true;
    for (const std::string& m : f.members) {
      auto it = rs.figures.find(m);
      if (it == rs.figures.end() || !it->second.year) {
        complete = false;
        break;
      }
      sum = sum + *it->second.year * it->second.unit.factor / f.unit.factor;
    }
    if (!complete || sum == *f.year) continue;
    const rules::SourceFile& file = *f.at.file;
    const unsigned line = file.line_of(f.at.byte);
    std::string rows;
    for (const std::string& m : f.members) rows += (rows.empty() ? "" : "、") + m;
    out.push_back(
        shipped("R4001", "", {file.path, line, file.column_of(f.at.byte)}, file.line_text(line),
                "资金「" + name + "」为" + f.year->canonical() + f.unit.symbol + "，其下各项（" +
                    rows + "）之和为" + sum.canonical() + f.unit.symbol + "，两者不等。",
                "核对资金来源：各项之和应等于「" + name + "」，改正合计数或有误的分项。"));
  }
}

// The right side of a 数值 or funds condition: its number, or the 全年 value
// of the figure it names (the loader made sure there is one).
Quantity compared_with(const rules::ReviewRule::Condition& cond) {
  if (cond.figure) return Quantity{*cond.figure->year, cond.figure->unit};
  return *cond.value;
}

// 资金总额 > 0: the figure's 全年 value against the other side, units converted
// (the loader refused two kinds).
bool funds_condition_holds(const rules::ReviewRule::Condition& cond) {
  const Quantity left{*cond.subject->year, cond.subject->unit};
  return holds(*cond.op, left.base_value(), compared_with(cond).base_value());
}

// A wording said once, for the whole table or the funds block: its doubled
// braces single (it has no placeholder: the loader refused them there).
std::string plain(const std::string& wording) {
  std::string out;
  for (const rules::WordingPart& p : rules::split_wording(wording))
    if (!p.placeholder) out += p.text;
  return out;
}

// A finding of a rule file's 审核: its code, severity and wording; where is
// the caller's. A shipped rule is named as the catalogue names it
// (completeness.target_empty), the bureau's by FILE:LINE.
Finding bureau_finding(const rules::ReviewRule& rule, bool shipped_rule = false) {
  const rules::Statement& st = *rule.statement;
  Finding f;
  f.severity = rule.severity;
  f.code = rule.code;
  f.rule = shipped_rule ? std::string(review::rule(rule.code).name)
                        : st.at.file->path + ":" + std::to_string(st.at.line());
  f.message = plain(rule.problem);
  f.suggestion = plain(rule.suggestion);
  return f;
}

// A wording with its placeholders filled in for `ind`, whose target `cell`
// was read as `c` (when it could be).
std::string fill(const std::string& wording, const Indicator& ind, const Cell& cell,
                 const Constraint* c, bool has_year, const UnitTable& units) {
  std::string out;
  for (const rules::WordingPart& p : rules::split_wording(wording)) {
    if (!p.placeholder)
      out += p.text;
    else if (p.text == "指标")
      out += ind.name;
    else if (p.text == "路径")
      out += ind.path_text();
    else if (p.text == "指标值")
      out += trim(cell.text);
    else if (p.text == "期间")
      out += has_year ? "全年" : "半年";
    else if (p.text == "一级")
      out += category_name(ind.level1);
    else if (p.text == "二级")
      out += category_name(ind.level2);
    else if (p.text == "名称单位") {
      std::string written;
      if (unit_in_name(ind.name, units, &written)) out += written;
    } else if (p.text == "比较") {
      if (auto* q = c ? std::get_if<QuantityConstraint>(&c->form) : nullptr)
        out += to_symbol(q->op);
    } else
      throw std::logic_error("the loader let the placeholder {" + p.text + "} through");
  }
  return out;
}

}  // namespace

const rules::RuleSet& shipped_rule_set() {
  static const std::unique_ptr<rules::RuleSet> set = [] {
    auto text = [](const unsigned char* bytes, std::size_t size) {
      return std::string(reinterpret_cast<const char*>(bytes), size);
    };
    std::vector<Diagnostic> ds;
    auto rs = rules::load_shipped_rules(
        {{"rules/review/completeness.rules",
          text(kShippedReview_completeness, kShippedReview_completenessSize)},
         {"rules/review/measurability.rules",
          text(kShippedReview_measurability, kShippedReview_measurabilitySize)},
         {"rules/review/consistency.rules",
          text(kShippedReview_consistency, kShippedReview_consistencySize)}},
        ds);
    // A shipped rule the loader refuses is a bug of the build (tests load them too).
    if (!ds.empty()) throw std::logic_error("the shipped review rules: " + ds.front().message);
    for (const rules::ReviewRule& r : rs->reviews) rule(r.code);  // each in the catalogue
    return rs;
  }();
  return *set;
}

std::vector<FundsReview> review_funds(const rules::RuleSet& rules) {
  std::vector<Finding> all;
  funds_add_up(rules, all);
  // The bureau's 审核 over the funds block: a finding at the figure of the
  // first condition that does not hold.
  for (const rules::ReviewRule& rule : rules.reviews) {
    if (rule.quantifier != rules::ReviewRule::Quantifier::funds) continue;
    for (const auto& cond : rule.conditions) {
      if (funds_condition_holds(cond)) continue;
      const rules::SourceFile& file = *cond.subject->at.file;
      const unsigned line = file.line_of(cond.subject->at.byte);
      Finding f = bureau_finding(rule);
      f.where = {file.path, line, file.column_of(cond.subject->at.byte)};
      f.source_line = file.line_text(line);
      all.push_back(std::move(f));
      break;
    }
  }
  // By file, in the order the files were read; in each, by line.
  std::vector<FundsReview> out;
  for (const auto& source : rules.sources) {
    FundsReview block{source->path, {}};
    for (const Finding& f : all)
      if (f.where.file == source->path) block.findings.push_back(f);
    std::stable_sort(
        block.findings.begin(), block.findings.end(),
        [](const Finding& a, const Finding& b) { return a.where.line < b.where.line; });
    if (!block.findings.empty()) out.push_back(std::move(block));
  }
  return out;
}

namespace {

// Every value that meets the target compares with `than` as `op` (要求 > 100%):
// the values form an interval, from the target's low end (or none) to its high
// end (or none); a target of another kind than `than` never does.
bool demands(const Constraint& c, Comparator op, const Quantity& than) {
  struct End {
    Number value;
    bool inclusive;
  };
  std::optional<End> low, high;
  const Unit* unit = nullptr;
  if (auto* q = std::get_if<QuantityConstraint>(&c.form)) {
    unit = &q->target.unit;
    const End at{q->target.base_value(), q->op != Comparator::gt && q->op != Comparator::lt};
    if (q->op != Comparator::le && q->op != Comparator::lt) low = at;
    if (q->op != Comparator::ge && q->op != Comparator::gt) high = at;
  } else if (auto* r = std::get_if<RangeConstraint>(&c.form)) {
    if (r->low.unit.dimension != r->high.unit.dimension) return false;
    unit = &r->low.unit;
    low = End{r->low.base_value(), r->low_inclusive};
    high = End{r->high.base_value(), r->high_inclusive};
  }
  if (!unit || unit->dimension != than.unit.dimension) return false;
  const Number x = than.base_value();
  switch (op) {
    case Comparator::gt:
      return low && (low->value > x || (low->value == x && !low->inclusive));
    case Comparator::ge:
      return low && low->value >= x;
    case Comparator::lt:
      return high && (high->value < x || (high->value == x && !high->inclusive));
    case Comparator::le:
      return high && high->value <= x;
    case Comparator::eq:
      return low && high && low->value == x && high->value == x;
  }
  return false;
}

bool holds_plain(const rules::ReviewRule::Condition& cond, const ReviewedTarget& t);

bool meets(const rules::ReviewRule::Condition& cond, const ReviewedTarget& t) {
  return holds_plain(cond, t) != cond.negated;
}

bool all_hold(const std::vector<rules::ReviewRule::Condition>& conds, const ReviewedTarget& t) {
  return std::all_of(conds.begin(), conds.end(), [&](const auto& c) { return meets(c, t); });
}

bool holds_plain(const rules::ReviewRule::Condition& cond, const ReviewedTarget& t) {
  using K = rules::ReviewCondition::Kind;
  static const std::map<std::string, std::string> kinds = {{"数值", "quantity"}, {"区间", "range"},
                                                           {"时限", "deadline"}, {"等级", "level"},
                                                           {"文字", "text"},     {"空", "none"}};
  const Indicator& ind = t.indicator;
  const Constraint& c = t.target;
  switch (cond.kind) {
    case K::kind:
      return kinds.at(cond.kind_word) == c.kind();
    case K::comparator: {
      auto* q = std::get_if<QuantityConstraint>(&c.form);
      return q && std::find(cond.comparators.begin(), cond.comparators.end(), q->op) !=
                      cond.comparators.end();
    }
    case K::unit: {
      const auto qs = Reviewer::quantities(c);
      return !qs.empty() && std::all_of(qs.begin(), qs.end(), [&](const Quantity* q) {
        return !q->unit.symbol.empty() && q->unit.dimension == cond.unit->dimension;
      });
    }
    case K::no_unit: {
      const auto qs = Reviewer::quantities(c);
      return std::any_of(qs.begin(), qs.end(),
                         [](const Quantity* q) { return q->unit.symbol.empty(); });
    }
    case K::value: {
      auto* q = std::get_if<QuantityConstraint>(&c.form);
      const Quantity than = compared_with(cond);
      return q && q->target.unit.dimension == than.unit.dimension &&
             holds(*cond.op, q->target.base_value(), than.base_value());
    }
    case K::demand:
      return demands(c, *cond.op, compared_with(cond));
    case K::funds:
      return funds_condition_holds(cond);
    case K::nature:
      return (ind.nature ? squeeze(ind.nature->text) : "") == cond.nature;
    case K::category:
      return category_name(ind.level1) == cond.category ||
             category_name(ind.level2) == cond.category;
    case K::level: {
      const std::string mine = category_name(cond.level == 1 ? ind.level1 : ind.level2);
      return std::find(cond.categories.begin(), cond.categories.end(), mine) !=
             cond.categories.end();
    }
    case K::words: {
      const std::string_view text = cond.in_name ? std::string_view(ind.name) : trim(t.cell.text);
      const bool has = contains_any(text, cond.words) || (cond.digits && has_digit(text));
      return has != cond.lacks;
    }
    case K::name_unit: {
      std::string written;
      return unit_in_name(ind.name, t.units, &written).has_value() == (cond.nature == "有");
    }
    case K::any:
      return std::any_of(cond.alternatives.begin(), cond.alternatives.end(),
                         [&](const auto& conds) { return all_hold(conds, t); });
  }
  return false;
}

}  // namespace

bool conditions_hold(const rules::ReviewRule& rule, const ReviewedTarget& target) {
  return all_hold(rule.conditions, target);
}

namespace {

// The rule files' 审核, each over the indicators in its 范围.
void apply(const rules::ReviewRule& rule, const TargetTable& table, const UnitTable& units,
           TableReview& out, bool shipped_rule) {
  if (rule.quantifier == rules::ReviewRule::Quantifier::funds) return;  // review_funds's
  Finding f = bureau_finding(rule, shipped_rule);
  const Indicator* first = nullptr;
  bool some = false;
  for (const Indicator& ind : table.indicators) {
    if (squeeze(ind.name).empty() || !rule.in_scope(ind.path())) continue;
    if (!first) first = &ind;
    const Cell& cell = table.has_year ? ind.year_target : ind.half_target;
    auto parsed = parse_target(cell.text, units);
    // A template's placeholder (R2004) is no target: it meets no condition.
    const auto* c = is_placeholder(cell.text) ? nullptr : std::get_if<Constraint>(&parsed);
    const bool holds = c && conditions_hold(rule, {ind, cell, *c, units});
    some = some || holds;
    using Q = rules::ReviewRule::Quantifier;
    if ((rule.quantifier == Q::every && !holds) || (rule.quantifier == Q::none && holds)) {
      Finding one = f;
      one.indicator = ind.path_text();
      one.where = cell.where;
      one.source_line = cell.source_line;
      one.message = fill(rule.problem, ind, cell, c, table.has_year, units);
      one.suggestion = fill(rule.suggestion, ind, cell, c, table.has_year, units);
      out.findings.push_back(std::move(one));
    }
  }
  if (rule.quantifier != rules::ReviewRule::Quantifier::some || some) return;
  // No indicator in its 范围 meets it: one finding for the table, at the
  // first indicator of the 范围 (else the table's first row).
  const Indicator* at = first                      ? first
                        : table.indicators.empty() ? nullptr
                                                   : &table.indicators.front();
  f.where = table.at(at ? at->line : 1, 1);
  if (at) f.source_line = at->year_target.source_line;
  out.findings.push_back(std::move(f));
}

}  // namespace

TableReview review_table(const TargetTable& table, const rules::RuleSet* rules,
                         std::vector<Diagnostic>& diagnostics) {
  const UnitTable& units = rules ? rules->units : UnitTable::standard();
  TableReview out;
  out.file = table.file;
  out.year = table.year;
  if (auto u = table.metadata.find("单位"); u != table.metadata.end()) out.unit = u->second;
  for (const char* key : kHeadingKeys)
    if (auto it = table.metadata.find(key); it != table.metadata.end())
      out.heading.emplace_back(key, it->second);
  for (const Indicator& ind : table.indicators) out.indicators += !squeeze(ind.name).empty();
  Reviewer r{table, units, out, rules};
  r.categories();
  std::size_t table_wide = out.findings.size();
  r.repeated(diagnostics);
  for (const Indicator& ind : table.indicators) r.indicator(ind);
  for (const rules::ReviewRule& rule : shipped_rule_set().reviews)
    apply(rule, table, units, out, true);
  if (rules)
    for (const rules::ReviewRule& rule : rules->reviews) apply(rule, table, units, out, false);
  // Row findings in table order, each row's in the order of the rules.
  std::stable_sort(out.findings.begin() + long(table_wide), out.findings.end(),
                   [](const Finding& a, const Finding& b) { return a.where.line < b.where.line; });
  return out;
}

}  // namespace indicheck::review
