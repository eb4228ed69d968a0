// judge(): every indicator of a target table against the actuals of one period,
// with the rule files when given; verdicts only (assess() scores them after).
#include "engine/assess/report.hpp"
#include "engine/cell/verdict.hpp"

#include <algorithm>
#include <map>
#include <tuple>
#include <unordered_map>

#include "engine/base/blank.hpp"
#include "engine/base/limits.hpp"
#include "engine/base/message.hpp"
#include "engine/cell/bare_target.hpp"
#include "engine/cell/evaluate.hpp"
#include "engine/cell/parse.hpp"

namespace indicheck {

namespace {

// Tallies by name (一级, or 一级 / 二级), in the order the names first come;
// the index keeps a table of thousands of 二级指标 linear (a search of the
// list was quadratic). Names that differ only in blanks are one name
// (engine/base/blank.hpp): one row, under the spelling that came first.
class Tallies {
 public:
  explicit Tallies(std::vector<Tally>& out) : out_(out) {}
  Tally& operator[](const std::vector<std::string>& path) {
    std::vector<std::string> key;
    std::string name;
    for (const std::string& segment : path) {
      key.push_back(squeeze(segment));
      name += (name.empty() ? "" : " / ") + segment;
    }
    auto [it, fresh] = index_.emplace(std::move(key), out_.size());
    if (fresh) out_.push_back(Tally{name, {}, 0});
    return out_[it->second];
  }

 private:
  std::vector<Tally>& out_;
  std::map<std::vector<std::string>, std::size_t> index_;
};

// Where dropped rows stand, for a message: "line 6, line 7".
std::string dropped_places(const std::vector<const ActualRow*>& rows) {
  std::string out;
  for (const ActualRow* row : rows)
    out +=
        (out.empty() ? "" : trc("between the items of a list", ", ")) + line_phrase(row->key.where);
  return out;
}

Diagnostic at(const Cell& cell, Code code, std::string message, unsigned offset = 0) {
  SourceLocation where = cell.where;
  where.column += offset;
  return make_diagnostic(code, std::move(where), std::move(message), cell.source_line);
}

}  // namespace

namespace {

// The members (其中) of the first figure of the first 预算 block, each
// evaluated for the year in `unit`.
std::vector<rules::Funds::Amount> funds_members(rules::Evaluator& ev, const Unit& unit) {
  std::vector<rules::Funds::Amount> out;
  for (const rules::RuleFile& f : ev.rules().files)
    for (const rules::Statement& st : f.statements) {
      if (st.kind != rules::Statement::Kind::budget || st.figures.empty()) continue;
      for (const rules::Figure& m : st.figures.front().members) {
        rules::Expr ref;
        ref.kind = rules::Expr::Kind::reference;
        ref.text = m.name;
        auto o = ev.eval(ref, Period::year);
        if (o.value && o.value->dimension == rules::Dimension::of(unit))
          out.push_back({o.value->base / unit.factor, m.name});
      }
      return out;
    }
  return out;
}

// What a result reads when it has no row: no actual, no 偏差原因.
const std::string kNoText;

}  // namespace

const std::string& IndicatorResult::target() const {
  return rule_target ? *rule_target : indicator->target(period).text;
}

const std::string& IndicatorResult::actual() const {
  if (computed_actual) return *computed_actual;
  return row ? row->value.text : kNoText;
}

const std::string& IndicatorResult::reason() const {
  return row ? row->reason : kNoText;
}

int Report::exit_code() const {
  if (has_errors(diagnostics)) return 2;
  for (const auto& c : reconciliations)
    if (c.severity == Severity::error && c.kind != VerdictKind::pass) return 1;
  for (VerdictKind v :
       {VerdictKind::fail, VerdictKind::partial, VerdictKind::error, VerdictKind::missing})
    if (total.count(v) > 0) return 1;
  if (recheck && (!recheck->differences.empty() || recheck->total_differs)) return 1;
  return 0;
}

Report judge(const TargetTable& targets, const ActualTable& actuals, Period period,
             const rules::RuleSet* rules) {
  Report r;
  if (auto u = targets.metadata.find("单位"); u != targets.metadata.end()) r.unit = u->second;
  for (const char* key : kHeadingKeys)
    if (auto m = targets.metadata.find(key); m != targets.metadata.end() && !m->second.empty())
      r.heading.emplace_back(key, m->second);
  // A 部门整体 table's 年度主要任务 (# 主要任务 名称: 主要内容 | 预算数 | 执行数), in
  // the file's order.
  std::vector<std::pair<unsigned, std::string>> tasks;
  for (const auto& [key, line] : targets.metadata_line)
    if (key.starts_with("主要任务 ")) tasks.emplace_back(line, key);
  std::sort(tasks.begin(), tasks.end());
  for (const auto& [line, key] : tasks) r.heading.emplace_back(key, targets.metadata.at(key));
  r.year = targets.year;
  if (auto t = targets.metadata.find("标题"); t != targets.metadata.end()) r.title = t->second;
  if (auto u = actuals.metadata.find("资金单位"); u != actuals.metadata.end())
    r.funds_unit = u->second;
  for (auto [key, into] :
       {std::pair{"1-6月执行数", &r.half_executed}, {"全年预计执行数", &r.forecast}})
    if (auto m = actuals.metadata.find(key); m != actuals.metadata.end())
      *into = Number::parse_decimal(m->second);
  r.published_members = actuals.members;
  r.period = period;
  r.targets_file = targets.file;
  r.actuals_file = actuals.file;
  if (rules) r.rule_scheme = rules->scoring;

  if ((period == Period::half && !targets.has_half) ||
      (period == Period::year && !targets.has_year))
    r.diagnostics.push_back(
        // At the header, or, for an imported table, at the published header row.
        make_diagnostic(Code::assess_no_period_column, targets.at(targets.header_line),
                        tr("the targets file has no {} column",
                           period == Period::half ? "半年指标值" : "全年指标值")));
  if (actuals.period && *actuals.period != period)
    // At the 期间 line, or, for an imported table, where its period was read.
    r.diagnostics.push_back(
        make_diagnostic(Code::assess_period_mismatch, actuals.at(actuals.metadata_line.at("期间")),
                        tr("the actuals are for {} but the check is for {} (--period {})",
                           chinese(*actuals.period), chinese(period), to_string(period))));

  // Match each actual row to exactly one indicator. A key names the last
  // segments of a path (both without blanks): every indicator is indexed under each of
  // its path's suffixes (at most four), so a row finds its indicators in one
  // lookup, and N rows against N indicators of one name cost N, not N × N.
  auto suffix_key = [](const std::vector<std::string>& parts, std::size_t n) {
    std::string out;  // each segment with its length: no two suffixes collide
    for (std::size_t k = parts.size() - n; k < parts.size(); ++k)
      out += std::to_string(parts[k].size()) + ":" + parts[k];
    return out;
  };
  // The actual row of each indicator, by index. The suffix index is dropped
  // once the rows are matched: it is as large as the results made after it
  // (600 000 keys for 200 000 indicators), and both at once were the peak.
  std::vector<const ActualRow*> actual_of(targets.indicators.size(), nullptr);
  std::map<std::string, const ActualRow*> figure_rows;
  // The rows of each name that matched more than one indicator (dropped,
  // E4005), by the name's suffix key, and how many indicators it matched.
  struct Dropped {
    std::vector<const ActualRow*> rows;
    std::size_t matches = 0;
  };
  std::unordered_map<std::string, Dropped> ambiguous;
  {
    std::unordered_map<std::string, std::vector<std::size_t>> by_suffix;
    for (std::size_t i = 0; i < targets.indicators.size(); ++i) {
      const std::vector<std::string> path = targets.indicators[i].path_key();
      for (std::size_t n = 1; n <= path.size(); ++n) by_suffix[suffix_key(path, n)].push_back(i);
    }
    static const std::vector<std::size_t> kNone;
    for (const ActualRow& row : actuals.rows) {
      if (rules && rules::is_reported_figure(*rules, squeeze(row.key.text))) {
        // A figure the rules need (上报), not an indicator.
        std::string name = squeeze(row.key.text);
        auto [it, fresh] = figure_rows.emplace(name, &row);
        if (!fresh)
          r.diagnostics.push_back(at(row.key, Code::assess_figure_row_repeated,
                                     tr("a second row for the figure '{}' (the first is on {})",
                                        name, line_phrase(it->second->key.where))));
        else
          r.figures[name] = rules::read_reported(*rules, name, row.value.text, row.value.where);
        continue;
      }
      auto key = key_segments(row.key.text);
      auto found = by_suffix.find(suffix_key(key, key.size()));
      const std::vector<std::size_t>& hits = found == by_suffix.end() ? kNone : found->second;
      if (hits.empty()) {
        r.diagnostics.push_back(
            at(row.key, Code::assess_key_unmatched,
               tr("'{}' matches no indicator in {}", row.key.text, targets.file)));
        continue;
      }
      if (hits.size() > 1) {
        // A few paths show what the key lacks; thousands would bury the message.
        const std::size_t kListed = kShownLimits.matches_listed;
        std::string list;
        for (std::size_t k = 0; k < hits.size() && k < kListed; ++k)
          list += "\n    " + tr("{} ({})", targets.indicators[hits[k]].path_text(),
                                line_phrase(targets.at(targets.indicators[hits[k]].line)));
        if (hits.size() > kListed) list += "\n    " + tr("… and {} more", hits.size() - kListed);
        r.diagnostics.push_back(at(row.key, Code::assess_key_ambiguous,
                                   tr("'{}' matches {} indicators; write more of the path:{}",
                                      row.key.text, hits.size(), list)));
        Dropped& dropped = ambiguous[suffix_key(key, key.size())];
        dropped.rows.push_back(&row);
        dropped.matches = hits.size();
        continue;
      }
      const ActualRow*& first = actual_of[hits[0]];
      if (first) {
        r.diagnostics.push_back(
            at(row.key, Code::assess_actual_repeated,
               tr("a second actual for '{}' (the first is on {})",
                  targets.indicators[hits[0]].path_text(), line_phrase(first->key.where))));
      } else {
        first = &row;
      }
    }
  }

  // Why an indicator has no actual: no row names it, or the row that did was
  // dropped because its name matched other indicators too.
  auto no_row = [&](const Indicator& ind, IndicatorResult& res) {
    const std::vector<std::string> path = ind.path_key();
    for (std::size_t n = 1; n <= path.size() && !ambiguous.empty(); ++n) {
      auto a = ambiguous.find(suffix_key(path, n));
      if (a == ambiguous.end()) continue;
      res.dropped_rows = a->second.rows;
      const std::vector<const ActualRow*>& rows = *res.dropped_rows;
      return trn(
          "no actual: the row naming it ({}) was dropped by {}: the name matches {} "
          "indicators",
          "no actual: the rows naming it ({}) were dropped by {}: the name matches {} "
          "indicators",
          rows.size(), dropped_places(rows), id_of(Code::assess_key_ambiguous), a->second.matches);
    }
    return std::string(tr("no actual was reported (no row in the actuals file)"));
  };

  EvaluationContext context;
  context.year = targets.year;
  context.period = period;
  const UnitTable& units = rules ? rules->units : UnitTable::standard();
  context.units = &units;
  std::optional<rules::Evaluator> evaluator;
  if (rules) {
    evaluator.emplace(*rules, period, r.figures);
    r.reconciliations = rules::reconcile(*evaluator);
    r.funds = rules::funds_of(*evaluator);  // the year's figures, on the 监控表 too
    if (r.funds) r.funds_members = funds_members(*evaluator, r.funds->unit);
  }
  Tallies by_level1(r.by_level1), by_level2(r.by_level2);
  // One result per indicator, each near a kilobyte: grown by doubling, the
  // vector's last move held 1.5 times the results at once (the peak of
  // `check` on a large table).
  r.results.reserve(targets.indicators.size());
  for (std::size_t i = 0; i < targets.indicators.size(); ++i) {
    const Indicator& ind = targets.indicators[i];
    const Cell& cell = ind.target(period);
    IndicatorResult res;
    res.indicator = &ind;
    res.period = period;
    const ActualRow* row = actual_of[i];
    res.row = row;
    auto target = parse_target(cell.text, units);
    std::string unclear_note;  // an unclear bare reading's assumption, to warn of
    if (auto* bad = std::get_if<ParseError>(&target)) {
      r.diagnostics.push_back(at(cell, bad->code, tr("target: {}", bad->message), bad->column - 1));
      res.verdict.kind = VerdictKind::error;
      res.verdict.explanation = tr("the target cannot be read: {}", bad->message);
    } else {
      Constraint& c = std::get<Constraint>(target);
      if (auto reading = apply_bare_reading(c, ind.path()); reading && !reading->clear)
        unclear_note = std::get<QuantityConstraint>(c.form).bare_note;
      res.kind = c.kind();
      if (std::holds_alternative<NoTarget>(c.form) && row)
        r.diagnostics.push_back(at(row->key, Code::assess_actual_without_target,
                                   tr("an actual is given for '{}', which has no target; it is "
                                      "not judged",
                                      ind.path_text())));
      if (evaluator && !std::holds_alternative<NoTarget>(c.form)) {
        auto j = rules::judge(*evaluator, ind, c, row ? &row->value : nullptr, targets.year);
        res.verdict = j.verdict;
        if (!j.computed_actual.empty()) res.computed_actual = j.computed_actual;
        if (!j.target.empty()) res.rule_target = j.target, res.kind = j.target_kind;
        res.judged_target = j.judged_target;
        res.judged_actual = j.judged_actual;
        if (res.verdict.kind == VerdictKind::missing && !row && j.computed_actual.empty())
          res.verdict.explanation = no_row(ind, res);
        r.judgements[ind.path_text()] = std::move(j);
      } else if (auto actual = parse_actual(row ? row->value.text : std::string(), units);
                 auto* unreadable = std::get_if<ParseError>(&actual)) {
        res.verdict.kind = VerdictKind::error;
        res.verdict.assumptions = c.assumptions;
        // At the character, or the published table's cell (a place) it came from.
        SourceLocation at = row->value.where;
        at.column += unreadable->column - 1;
        res.verdict.explanation =
            tr("the actual cannot be read: {} ({})", unreadable->message, where_text(at));
      } else {
        res.verdict = evaluate(c, std::get<Actual>(actual), context);
        if (!row && res.verdict.kind == VerdictKind::missing)
          res.verdict.explanation = no_row(ind, res);
      }
    }
    if (res.verdict.kind == VerdictKind::no_target && period == Period::half && cell.text.empty() &&
        !ind.year_target.text.empty())
      res.verdict.explanation =
          tr("no half-year target; the full-year target {} is the outlook's measure",
             ind.year_target.text);
    // An unclear reading of a bare target, that no rule replaced (a 裸值 rule
    // rewrites the note), is worth a warning.
    if (!unclear_note.empty() &&
        std::find(res.verdict.assumptions.begin(), res.verdict.assumptions.end(), unclear_note) !=
            res.verdict.assumptions.end())
      r.diagnostics.push_back(
          at(cell, Code::assess_bare_target_unclear,
             tr("'{}': {}; write the comparator or a 裸值 rule", ind.name, unclear_note)));
    by_level1[{ind.level1}].add(res.verdict.kind);
    by_level2[{ind.level1, ind.level2}].add(res.verdict.kind);
    r.total.add(res.verdict.kind);
    r.results.push_back(std::move(res));
  }
  r.total.name = "total";
  return r;
}

FundsBlock funds_block(const Report& r) {
  FundsBlock b;
  const Scoring* sc = r.scoring ? &*r.scoring : nullptr;
  const rules::Funds* funds = r.funds ? &*r.funds : nullptr;
  if (sc && sc->budget) {
    // The published self-evaluation's figures (the scoring used them): its
    // 全年预算数 and 全年执行数, in its unit (# 资金单位, as imported), else the
    // 自评表's 万元. The rule files' figures are not mixed in: they may be in
    // another unit, and the row would add them up as if they were one table's.
    b.unit = r.funds_unit.empty() ? "万元" : r.funds_unit;
    b.budget = sc->budget;
    b.executed = sc->executed;
  } else if (funds) {
    b.unit = funds->unit.symbol.empty() ? "万元" : funds->unit.symbol;
    for (const auto& [label, fig, into] : {std::tuple{"年初预算数", &funds->initial, &b.initial},
                                           std::tuple{"全年预算数", &funds->budget, &b.budget},
                                           std::tuple{"全年执行数", &funds->executed, &b.executed}})
      if (*fig) {
        *into = (*fig)->value;
        b.from_rules.emplace_back(label, (*fig)->name);
      }
  } else {
    // No figures (the 自评表's blank form) or a 监控表's progress alone.
    b.unit = r.funds_unit.empty() ? "万元" : r.funds_unit;
  }
  if (sc && sc->budget && !r.published_members.empty())
    for (const FundsMember& m : r.published_members)
      b.members.push_back({m.name, std::nullopt, m.budget, m.executed});
  else if (funds && funds->unit.symbol == b.unit) {
    // The rules' one 全年 figure: under 全年预算数 too when the total's two are one.
    const bool same = b.initial && b.budget && *b.initial == *b.budget;
    for (const auto& m : r.funds_members)
      b.members.push_back({m.name, m.value, same ? std::optional(m.value) : std::nullopt, {}});
  }
  if (b.budget && b.executed && b.budget->sign() > 0)
    b.rate = *b.executed * Number::integer(100) / *b.budget;
  b.score = sc && sc->execution ? &*sc->execution : nullptr;
  if (!b.score)
    for (const auto& res : r.results)
      if (res.score && res.indicator->name == "预算执行率") b.score = &*res.score;
  return b;
}

}  // namespace indicheck
