// Running a RuleSet: see engine/rules/eval.hpp.

#include "engine/rules/eval.hpp"

#include <algorithm>
#include <set>

#include "engine/base/limits.hpp"
#include "engine/base/message.hpp"
#include "engine/cell/bare_target.hpp"
#include "engine/cell/evaluate.hpp"
#include "engine/cell/parse.hpp"

namespace indicheck::rules {

std::string Value::text() const {
  Number n = base / shown.factor;
  return n.display(6) + shown.symbol;
}

Evaluator::Evaluator(const RuleSet& rules, Period period,
                     std::map<std::string, ReportedFigure> reported)
    : rules_(rules), period_(period), reported_(std::move(reported)) {}

namespace {

Evaluator::Outcome problem(VerdictKind kind, std::string why) {
  Evaluator::Outcome o;
  o.problem = kind;
  o.why = std::move(why);
  return o;
}

Evaluator::Outcome value(Number base, Dimension d, Unit shown) {
  Evaluator::Outcome o;
  o.value = Value{std::move(base), std::move(d), std::move(shown)};
  return o;
}

// The unit to show a product or quotient in: a ratio as %, else the base unit.
Unit shown_for(const Dimension& d, const RuleSet& rules) {
  if (d.exponents.empty()) return *rules.units.lookup("%");
  if (d.exponents.size() == 1 && d.exponents.begin()->second == 1) {
    std::string base = rules.units.base_symbol(d.exponents.begin()->first);
    if (auto u = rules.units.lookup(base)) return *u;
  }
  Unit u = no_unit();
  u.dimension = "";
  return u;
}

}  // namespace

Evaluator::Outcome Evaluator::figure(const std::string& name, Period p, int depth) {
  auto f = rules_.figures.find(name);
  if (f != rules_.figures.end()) {
    const FigureDef& def = f->second;
    if (def.source == FigureDef::Source::reported) {
      auto r = reported_.find(name);
      if (r == reported_.end())
        return problem(VerdictKind::missing,
                       tr("'{}' was not reported (no row '{}' in the actuals)", name, name));
      if (!r->second.base)
        return problem(VerdictKind::error, tr("'{}' cannot be used: {}", name, r->second.problem));
      return value(*r->second.base, Dimension::of(def.unit), def.unit);
    }
    const auto& v = p == Period::half ? def.half : def.year;
    if (!v) return problem(VerdictKind::error, tr("'{}' has no {} value", name, chinese(p)));
    return value(*v * def.unit.factor, Dimension::of(def.unit), def.unit);
  }
  auto d = rules_.derived.find(name);
  if (d == rules_.derived.end())
    return problem(VerdictKind::error, tr("'{}' is not defined", name));
  if (depth > kRuleLimits.max_definition_depth) {
    cut_ = true;
    return problem(VerdictKind::error,
                   tr("'{}' is reached through more than {} 定义 in a chain: too deep to compute",
                      name, kRuleLimits.max_definition_depth));
  }
  if (auto known = derived_.find({name, p}); known != derived_.end()) return known->second;
  const bool cut_before = cut_;
  cut_ = false;
  ++depth_;
  auto out = eval(*d->second.expr, p);
  --depth_;
  // An outcome cut short by the depth limit depends on where the walk began
  // (甲10 is fine on its own, too deep under 甲70): it is not kept.
  if (!cut_) derived_.emplace(std::pair{name, p}, out);
  cut_ = cut_ || cut_before;
  return out;
}

Evaluator::Outcome Evaluator::eval(const Expr& e, Period p) {
  // The rule checker refuses deeper rules (E3312); this keeps a rule set
  // built another way from overflowing the stack.
  if (walk_ >= kRuleLimits.max_walk_depth) {
    cut_ = true;
    return problem(VerdictKind::error,
                   tr("the expression goes more than {} levels deep through its 定义: too deep to "
                      "compute",
                      kRuleLimits.max_walk_depth));
  }
  ++walk_;
  Outcome out = eval_node(e, p);
  --walk_;
  return out;
}

Evaluator::Outcome Evaluator::eval_node(const Expr& e, Period p) {
  switch (e.kind) {
    case Expr::Kind::literal: {
      auto n = Number::parse_decimal(e.text);
      auto u = e.unit.empty() ? std::optional<Unit>(no_unit()) : rules_.units.lookup(e.unit);
      if (!n || !u) return problem(VerdictKind::error, tr("'{}' is not a value", e.text + e.unit));
      return value(*n * u->factor, Dimension::of(*u), *u);
    }
    case Expr::Kind::reference:
      return figure(e.text, e.column.value_or(p), depth_);
    case Expr::Kind::group:
      return eval(e.args.at(0), p);
    case Expr::Kind::negate: {
      auto a = eval(e.args.at(0), p);
      if (a.value) a.value->base = -a.value->base;
      return a;
    }
    case Expr::Kind::add:
    case Expr::Kind::subtract: {
      auto a = eval(e.args[0], p);
      if (!a.value) return a;
      auto b = eval(e.args[1], p);
      if (!b.value) return b;
      a.value->base =
          e.kind == Expr::Kind::add ? a.value->base + b.value->base : a.value->base - b.value->base;
      return a;
    }
    case Expr::Kind::multiply:
    case Expr::Kind::divide: {
      auto a = eval(e.args[0], p);
      if (!a.value) return a;
      auto b = eval(e.args[1], p);
      if (!b.value) return b;
      Dimension d =
          a.value->dimension.times(b.value->dimension, e.kind == Expr::Kind::multiply ? 1 : -1);
      if (e.kind == Expr::Kind::divide && b.value->base.is_zero())
        return problem(VerdictKind::error, tr("division by zero: {} is 0", substituted(e.args[1])));
      Number n = e.kind == Expr::Kind::multiply ? a.value->base * b.value->base
                                                : a.value->base / b.value->base;
      return value(std::move(n), d, shown_for(d, rules_));
    }
    case Expr::Kind::call: {
      if (e.text == "合计") {
        auto f = rules_.figures.find(e.args.at(0).text);
        if (f == rules_.figures.end())
          return problem(VerdictKind::error, tr("'{}' is not defined", e.args[0].text));
        Number sum;
        for (const auto& m : f->second.members) {
          auto v = figure(m, e.args[0].column.value_or(p), depth_);
          if (!v.value) return v;
          sum = sum + v.value->base;
        }
        return value(std::move(sum), Dimension::of(f->second.unit), f->second.unit);
      }
      if (e.text == "绝对值") {
        auto a = eval(e.args.at(0), p);
        if (a.value) a.value->base = a.value->base.abs();
        return a;
      }
      if (e.text == "较大" || e.text == "较小") {
        auto a = eval(e.args.at(0), p);
        if (!a.value) return a;
        auto b = eval(e.args.at(1), p);
        if (!b.value) return b;
        bool first =
            e.text == "较大" ? a.value->base >= b.value->base : a.value->base <= b.value->base;
        return first ? a : b;
      }
      return problem(VerdictKind::error, tr("unknown function '{}'", e.text));
    }
  }
  return problem(VerdictKind::error, tr("cannot evaluate"));
}

std::string Evaluator::substituted(const Expr& e) {
  return print_expr(e, [&](const Expr& leaf) -> std::optional<std::string> {
    if (leaf.kind != Expr::Kind::reference && leaf.kind != Expr::Kind::call) return std::nullopt;
    auto o = eval(leaf);
    if (!o.value) return std::nullopt;
    return o.value->text();
  });
}

std::string Evaluator::explain(const Expr& e) {
  std::string s;
  const Expr* x = &e;
  for (int hops = 0; hops < 16 && x->kind == Expr::Kind::reference && !x->column; ++hops) {
    auto d = rules_.derived.find(x->text);
    if (d == rules_.derived.end()) break;
    s += print_name(x->text) + " = ";
    x = d->second.expr;
  }
  std::string formula = print_expr(*x, nullptr);
  std::string values = substituted(*x);
  return s + formula + (values == formula ? "" : " = " + values);
}

// ---- reconciliations (核对) -------------------------------------------------

namespace {

bool holds(Relation r, const Number& a, const Number& b) {
  switch (r) {
    case Relation::eq:
      return a == b;
    case Relation::ne:
      return !(a == b);
    case Relation::lt:
      return a < b;
    case Relation::le:
      return a <= b;
    case Relation::gt:
      return a > b;
    case Relation::ge:
      return a >= b;
  }
  return false;
}

// Whether `e` reaches a reported figure, through definitions. `seen` holds
// the definitions already followed (each is looked into once: a chain that
// uses each step twice stays linear).
bool uses_reported(const RuleSet& rules, const Expr& e, std::set<std::string>& seen,
                   int depth = 0) {
  if (depth > 64) return true;
  if (e.kind == Expr::Kind::reference) {
    auto f = rules.figures.find(e.text);
    if (f != rules.figures.end()) return f->second.source == FigureDef::Source::reported;
    auto d = rules.derived.find(e.text);
    if (d == rules.derived.end() || !seen.insert(e.text).second) return false;
    return uses_reported(rules, *d->second.expr, seen, depth + 1);
  }
  for (const auto& a : e.args)
    if (uses_reported(rules, a, seen, depth + 1)) return true;
  return false;
}

}  // namespace

std::vector<ReconciliationResult> reconcile(Evaluator& ev, bool constant_only) {
  std::vector<ReconciliationResult> out;
  for (const Reconciliation& rule : ev.rules().reconciliations) {
    if (rule.only && *rule.only != ev.period()) continue;
    const Statement& st = *rule.statement;
    if (constant_only)
      if (std::any_of(st.sides.begin(), st.sides.end(), [&](const Expr& s) {
            std::set<std::string> seen;
            return uses_reported(ev.rules(), s, seen);
          }))
        continue;
    ReconciliationResult r;
    r.rule = &rule;
    r.period = ev.period();
    r.severity = rule.severity;
    r.written = rule.written;
    r.message = rule.message;
    r.where = SourceLocation{st.at.file->path, st.at.line(), st.at.file->column_of(st.at.byte)};
    r.source_line = st.at.file->line_text(st.at.line());
    std::vector<Value> values;
    for (const Expr& side : st.sides) {
      auto o = ev.eval(side);
      if (!o.value) {
        r.kind = o.problem;
        r.explanation = o.why;
        break;
      }
      values.push_back(*o.value);
    }
    if (values.size() == st.sides.size()) {
      std::string text;
      r.kind = VerdictKind::pass;
      for (std::size_t i = 0; i < values.size(); ++i) {
        Value shown = values[i];
        shown.shown = values[0].shown;  // every side in the first side's unit
        std::string side = ev.substituted(st.sides[i]);
        std::string total = shown.text();
        text += (i ? std::string(" ") + to_symbol(st.relations[i - 1]) + " " : "") + side +
                (side == total ? "" : " (= " + total + ")");
        if (i && !holds(st.relations[i - 1], values[i - 1].base, values[i].base))
          r.kind = VerdictKind::fail;
      }
      r.explanation = text;
    }
    out.push_back(std::move(r));
  }
  return out;
}

// ---- indicators ---------------------------------------------------------------

bool is_reported_figure(const RuleSet& rules, const std::string& key) {
  auto f = rules.figures.find(key);
  return f != rules.figures.end() && f->second.source == FigureDef::Source::reported;
}

std::optional<Funds> funds_of(Evaluator& ev) {
  const RuleSet& rules = ev.rules();
  const Statement* budget = nullptr;
  for (const RuleFile& f : rules.files)
    for (const Statement& st : f.statements)
      if (st.kind == Statement::Kind::budget && !budget) budget = &st;
  Funds funds;
  funds.unit = rules.units.lookup("万元").value_or(Unit{});
  if (budget)
    if (auto u = rules.units.lookup(budget->unit)) funds.unit = *u;
  auto known = [&](const std::string& name) {
    return rules.figures.count(name) || rules.derived.count(name);
  };
  auto value = [&](const std::string& name) -> std::optional<Funds::Amount> {
    if (!known(name)) return std::nullopt;
    Expr ref;
    ref.kind = Expr::Kind::reference;
    ref.text = name;
    auto out = ev.eval(ref, Period::year);
    if (!out.value || !(out.value->dimension == Dimension::of(funds.unit))) return std::nullopt;
    return Funds::Amount{out.value->base / funds.unit.factor, name};
  };
  std::string first = budget && !budget->figures.empty() ? budget->figures.front().name : "";
  for (const std::string& name : {std::string("年初预算数"), std::string("资金总额"), first})
    if (!funds.initial && !name.empty()) funds.initial = value(name);
  for (const char* name : {"调整预算数", "预算数"})
    if (!funds.budget) funds.budget = value(name);
  if (!funds.budget) funds.budget = funds.initial;
  funds.executed = value("执行数");
  if (!budget && !funds.budget && !funds.executed) return std::nullopt;
  return funds;
}

ReportedFigure read_reported(const RuleSet& rules, const std::string& name,
                             const std::string& written, const SourceLocation& where) {
  ReportedFigure out;
  out.written = written;
  out.where = where;
  const FigureDef& def = rules.figures.at(name);
  auto parsed = parse_actual(written, rules.units);
  if (auto* bad = std::get_if<ParseError>(&parsed)) {
    out.problem = bad->message;
    out.problem_code = bad->code;
    return out;
  }
  const Actual& a = std::get<Actual>(parsed);
  const auto* q = std::get_if<ActualQuantity>(&a.form);
  if (!q) {
    out.problem = tr("'{}' is not a number", written);
    out.problem_code = Code::figure_not_number;
    return out;
  }
  Unit u = q->unit.value_or(def.unit);
  if (u.dimension != def.unit.dimension) {
    out.problem_code = Code::figure_kind_mismatch;
    out.problem = tr("'{}' is {} but '{}' is declared in {}", written,
                     describe_dimension(u.dimension), name, def.unit.symbol);
    return out;
  }
  out.base = q->value * u.factor;
  return out;
}

namespace {

std::optional<Dimension> target_dimension(const Constraint& c, Unit* unit) {
  if (auto* q = std::get_if<QuantityConstraint>(&c.form)) {
    *unit = q->target.unit;
    return Dimension::of(q->target.unit);
  }
  if (auto* r = std::get_if<RangeConstraint>(&c.form)) {
    *unit = r->high.unit;
    return Dimension::of(r->high.unit);
  }
  return std::nullopt;
}

std::string place(const Span& s) {
  return s.file->path + ":" + std::to_string(s.line());
}

// Widens a numeric target by the tolerance, in the target's unit.
void widen(Constraint& c, Quantity tol, std::vector<std::string>& notes, const Span& at) {
  // 容差 ±2 with no unit is in the target's unit (±2%, not ±200%); lint warns (W3425).
  const Unit* target_unit = nullptr;
  if (auto* q = std::get_if<QuantityConstraint>(&c.form)) target_unit = &q->target.unit;
  if (auto* r = std::get_if<RangeConstraint>(&c.form)) target_unit = &r->high.unit;
  if (target_unit && tol.unit.symbol.empty() && !target_unit->symbol.empty()) {
    notes.push_back(tr("容差 ±{} has no unit ({}): read in the target's unit, ±{}{}", tol.written(),
                       place(at), tol.value.canonical(), target_unit->symbol));
    tol.unit = *target_unit;
  }
  auto by = [&](const Unit& u) { return tol.base_value() / u.factor; };
  std::string before = c.written;
  if (auto* q = std::get_if<QuantityConstraint>(&c.form)) {
    Number t = by(q->target.unit);
    Quantity& v = q->target;
    switch (q->op) {
      case Comparator::ge:
      case Comparator::gt:
        v.value = v.value - t;
        break;
      case Comparator::le:
      case Comparator::lt:
        v.value = v.value + t;
        break;
      case Comparator::eq: {
        RangeConstraint r{Quantity{v.value - t, v.unit}, true, Quantity{v.value + t, v.unit}, true};
        c.form = r;
        notes.push_back(tr("容差 ±{} ({}): '{}' judged as [{}, {}]", tol.written(), place(at),
                           before, r.low.written(), r.high.written()));
        return;
      }
    }
    notes.push_back(tr("容差 ±{} ({}): '{}' judged as '{}{}'", tol.written(), place(at), before,
                       to_symbol(q->op), v.written()));
  } else if (auto* r = std::get_if<RangeConstraint>(&c.form)) {
    r->low.value = r->low.value - by(r->low.unit);
    r->high.value = r->high.value + by(r->high.unit);
    notes.push_back(tr("容差 ±{} ({}): '{}' judged as {} to {}", tol.written(), place(at), before,
                       r->low.written(), r->high.written()));
  }
}

// A rule's local scheme for one target: 每少's unit converted to the target's
// unit (the shortfall is counted in it).
LocalScheme local_scheme(const IndicatorRule& r, const Constraint& target) {
  LocalScheme out = *r.local;
  auto* off = std::get_if<PointsOffPerUnit>(&out);
  if (!off || !r.short_unit) return out;
  const Unit* like = nullptr;
  if (const auto* q = std::get_if<QuantityConstraint>(&target.form)) like = &q->target.unit;
  if (const auto* g = std::get_if<RangeConstraint>(&target.form)) like = &g->high.unit;
  if (like && !like->factor.is_zero()) off->unit = off->unit * r.short_unit->factor / like->factor;
  return out;
}

}  // namespace

Judgement judge(Evaluator& ev, const Indicator& ind, const Constraint& table_target,
                const Cell* actual_cell, const std::optional<int>& year) {
  const std::string* actual_written = actual_cell ? &actual_cell->text : nullptr;
  const RuleSet& rules = ev.rules();
  Period p = ev.period();
  Judgement j;
  Constraint target = table_target;
  std::vector<std::string> notes;
  // Every outcome carries the notes of the rules applied so far, also when
  // judging stops early (不适用, an actual that cannot be computed or read).
  auto with_notes = [&]() -> Judgement {
    j.verdict.rules = std::move(notes);
    return std::move(j);
  };
  const Expr* computed = nullptr;
  const IndicatorRule* computed_by = nullptr;
  const Scale* scale = nullptr;
  const IndicatorRule* scale_by = nullptr;
  std::optional<Quantity> tolerance;
  const IndicatorRule* tolerance_by = nullptr;
  std::optional<unsigned> places;
  const IndicatorRule* places_by = nullptr;
  const IndicatorRule* local_by = nullptr;
  auto path = ind.path();
  for (const IndicatorRule& r : rules.indicators) {
    if (!r.matches(path) || (r.only && *r.only != p)) continue;
    if (r.target(p)) {
      target = *r.target(p);
      apply_bare_reading(target, path);
      j.target = target.written;
      j.target_kind = target.kind();
      const Clause* c = p == Period::half ? r.half_clause : r.year_clause;
      notes.push_back(table_target.written.empty()
                          ? tr("target '{}' from {}", target.written, place(c->at))
                          : tr("target '{}' from {} (the table says '{}')", target.written,
                               place(c->at), table_target.written));
    }
    if (r.actual && !computed) computed = r.actual, computed_by = &r;
    if (r.weight && !j.weight) j.weight = r.weight;
    if (r.direction && !j.direction) j.direction = r.direction;
    if (r.tolerance && !tolerance) tolerance = r.tolerance, tolerance_by = &r;
    if (r.places && !places) places = r.places, places_by = &r;
    if (r.scale && !scale) scale = r.scale, scale_by = &r;
    if (r.not_applicable && !j.not_applicable) {
      j.not_applicable = true;
      notes.push_back(tr("不适用 ({})", place(r.statement->at)));
    }
    if (r.eq_miss && !j.eq_miss) j.eq_miss = r.eq_miss;
    if (r.local && !local_by) local_by = &r;
    if (r.bare) {
      if (auto* q = std::get_if<QuantityConstraint>(&target.form); q && q->bare) {
        q->op = *r.bare;
        replace_bare_note(target, bare_reading_assumption(q->target, q->op,
                                                          tr("裸值, {}", place(r.statement->at))));
      }
    }
  }
  if (j.not_applicable) {
    j.verdict.kind = VerdictKind::no_target;
    j.verdict.explanation =
        tr("not applicable (不适用 in the rules): left out of the tallies' scores");
    return with_notes();
  }
  if (tolerance) widen(target, *tolerance, notes, tolerance_by->statement->at);

  // The actual: computed by the rules, or as reported.
  Actual actual;
  bool have_actual = false;
  Unit target_unit = no_unit();
  auto target_dim = target_dimension(target, &target_unit);
  if (computed) {
    auto o = ev.eval(*computed);
    if (!o.value) {
      j.verdict.kind = o.problem;
      j.verdict.explanation =
          tr("实际值 ({}) cannot be computed: {}", place(computed_by->statement->at), o.why);
      j.verdict.assumptions = target.assumptions;
      return with_notes();
    }
    if (!target_dim || !(o.value->dimension == *target_dim)) {
      j.verdict.kind = VerdictKind::error;
      j.verdict.explanation = tr("实际值 is {} but the target '{}' is not",
                                 o.value->dimension.describe(), target.written);
      return with_notes();
    }
    Number in_target = o.value->base / target_unit.factor;
    actual.form = ActualQuantity{in_target, target_unit};
    actual.written = in_target.display(6) + target_unit.symbol;
    j.computed_actual = actual.written;
    notes.push_back(tr("实际值 = {} = {} ({})", ev.explain(*computed), actual.written,
                       place(computed_by->statement->at)));
    if (actual_written && !actual_written->empty())
      notes.push_back(tr("the reported '{}' is not used: the rules compute it", *actual_written));
    have_actual = true;
  } else {
    auto parsed = parse_actual(actual_written ? *actual_written : std::string(), rules.units);
    if (auto* bad = std::get_if<ParseError>(&parsed)) {
      j.verdict.kind = VerdictKind::error;
      // Located like the plain path's message: the file, line and column of the cell.
      const SourceLocation& w = actual_cell->where;
      j.verdict.explanation = tr("the actual cannot be read: {} ({}:{}:{})", bad->message, w.file,
                                 w.line, w.column + bad->column - 1);
      return with_notes();
    }
    actual = std::get<Actual>(parsed);
    have_actual = true;
  }

  // 精度: round the actual in the target's unit before comparing.
  if (places && target_dim && have_actual) {
    if (auto* q = std::get_if<ActualQuantity>(&actual.form)) {
      Unit u = q->unit.value_or(target_unit);
      if (Dimension::of(u) == *target_dim) {
        Number in_target = q->value * u.factor / target_unit.factor;
        auto rounded = Number::parse_decimal(in_target.to_fixed(*places));
        notes.push_back(tr("精度 {}位小数 ({}): {}{} compared as {}{}", *places,
                           place(places_by->statement->at), in_target.display(6),
                           target_unit.symbol, rounded->canonical(), target_unit.symbol));
        q->value = *rounded;
        q->unit = target_unit;
        // A computed actual is printed to the same places (四舍五入 at print,
        // 98.502325% as 98.50%); the note above keeps the exact figure.
        if (computed) j.computed_actual = in_target.to_fixed(*places) + target_unit.symbol;
      }
    }
  }

  // A scale judges words: the rule's, or the one whose 达成 words hold the target.
  std::string target_word;
  if (auto* l = std::get_if<LevelConstraint>(&target.form)) target_word = l->word;
  if (auto* t = std::get_if<TextConstraint>(&target.form)) target_word = t->text;
  if (!scale && !target_word.empty()) {
    scale = rules.scale_for_word(target_word);
    if (scale) notes.push_back(tr("judged on the scale '{}' ({})", scale->name, place(scale->at)));
  } else if (scale) {
    notes.push_back(
        tr("judged on the scale '{}' ({})", scale->name, place(scale_by->statement->at)));
  }
  if (scale && !target_word.empty()) {
    std::string said = actual.written;
    said.erase(std::remove_if(said.begin(), said.end(), [](char c) { return c == ' '; }),
               said.end());
    if (std::holds_alternative<ActualNone>(actual.form)) {
      j.verdict.kind = VerdictKind::missing;
      j.verdict.explanation = tr("no actual was reported");
    } else if (auto b = scale->band.find(said); b != scale->band.end()) {
      static const VerdictKind kinds[] = {VerdictKind::pass, VerdictKind::partial,
                                          VerdictKind::fail};
      static const char* const bands[] = {"达成", "部分达成", "未达成"};
      j.verdict.kind = kinds[b->second];
      j.verdict.explanation =
          tr("'{}' is in the {} band of '{}'", said, bands[b->second], scale->name);
    } else {
      std::string words;
      for (const auto& [w, _] : scale->band) words += (words.empty() ? "" : ", ") + w;
      j.verdict.kind = VerdictKind::error;
      j.verdict.explanation =
          tr("'{}' is not a word of the scale '{}' ({})", said, scale->name, words);
    }
  } else {
    EvaluationContext context;
    context.year = year;
    context.period = ev.period();
    context.units = &rules.units;
    j.verdict = evaluate(target, actual, context);
  }
  if (local_by) j.local = local_scheme(*local_by, target);
  j.judged_target = target;
  j.judged_actual = actual;
  return with_notes();
}

}  // namespace indicheck::rules
