// Checking rule files: see engine/rules/load.hpp. Passes, in order: read the
// files (following 引用), define units, register every name, type every
// expression, then match the indicator rules against the targets table.

#include "engine/rules/load.hpp"

#include <algorithm>
#include <filesystem>
#include <functional>
#include <stdexcept>
#include <tuple>

#include "engine/base/blank.hpp"
#include "engine/base/input_file.hpp"
#include "engine/base/limits.hpp"
#include "engine/base/message.hpp"
#include "engine/cell/parse.hpp"
#include "engine/import/table_text.hpp"

namespace indicheck::rules {

namespace fs = std::filesystem;

Dimension Dimension::of(const Unit& unit) {
  Dimension d;
  if (!unit.dimension.empty() && unit.dimension != "ratio") d.exponents[unit.dimension] = 1;
  return d;
}

Dimension Dimension::times(const Dimension& o, int sign) const {
  Dimension d = *this;
  for (const auto& [k, e] : o.exponents) {
    int& x = d.exponents[k];
    x += sign * e;
    if (x == 0) d.exponents.erase(k);
  }
  return d;
}

std::string Dimension::describe() const {
  if (exponents.empty()) return tr("a ratio or plain number");
  std::string up, down;
  for (const auto& [k, e] : exponents) {
    std::string name = describe_dimension(k);
    if (name.starts_with("an ")) name = name.substr(3);
    if (name.starts_with("a ")) name = name.substr(2);
    for (int i = 0; i < (e < 0 ? -e : e); ++i) {
      std::string& side = e > 0 ? up : down;
      side += (side.empty() ? "" : "·") + name;
    }
  }
  if (up.empty()) up = "1";
  return down.empty() ? up : tr("{} per {}", up, down);
}

namespace {

// Wildcard matching, greedy with one point to return to (the last star): on a
// mismatch the last star takes one more element and matching resumes after
// it. `star(i)` says whether pattern element i is a star, `same(i, j)` whether
// element i matches text element j. At most |pattern| × |text| steps, never
// exponential: the recursive form it replaced backtracked into every earlier
// star, and `中****************乙` (16 stars) or 100 `**/` segments hung lint.
template <typename Star, typename Same>
bool wildcard_match(std::size_t pattern_size, std::size_t text_size, Star star, Same same) {
  constexpr std::size_t none = static_cast<std::size_t>(-1);
  std::size_t p = 0, t = 0, last_star = none, resume = 0;
  while (t < text_size) {
    if (p < pattern_size && star(p)) {
      last_star = p++;
      resume = t;
    } else if (p < pattern_size && same(p, t)) {
      ++p;
      ++t;
    } else if (last_star != none) {
      p = last_star + 1;
      t = ++resume;
    } else {
      return false;
    }
  }
  while (p < pattern_size && star(p)) ++p;
  return p == pattern_size;
}

// '*' in a segment matches any run of characters (bytes: a literal UTF-8
// character in the pattern still has to match whole).
bool glob(std::string_view pat, std::string_view text) {
  return wildcard_match(
      pat.size(), text.size(), [&](std::size_t i) { return pat[i] == '*'; },
      [&](std::size_t i, std::size_t j) { return pat[i] == text[j]; });
}

// A pattern of segments against a path: "**" matches any run of segments,
// any other segment one segment (glob).
bool match_segments(const std::vector<std::string>& pat, const std::vector<std::string>& path) {
  return wildcard_match(
      pat.size(), path.size(), [&](std::size_t i) { return pat[i] == "**"; },
      [&](std::size_t i, std::size_t j) { return glob(pat[i], path[j]); });
}

// The pattern names the last segments of the path, like an actuals key: it
// matches as if it began with "**".
bool matches_path(const std::vector<std::string>& pattern, const std::vector<std::string>& path) {
  std::vector<std::string> clean;
  for (const auto& s : path) clean.push_back(squeeze(s));
  std::vector<std::string> suffix{"**"};
  suffix.insert(suffix.end(), pattern.begin(), pattern.end());
  return match_segments(suffix, clean);
}

}  // namespace

bool IndicatorRule::matches(const std::vector<std::string>& path) const {
  return matches_path(pattern, path);
}

bool ReviewRule::in_scope(const std::vector<std::string>& path) const {
  return pattern.empty() || matches_path(pattern, path);
}

std::string category_name(std::string_view name) {
  std::string s = squeeze(name);
  const std::string_view suffix = "指标";
  if (s.ends_with(suffix) && s.size() > suffix.size()) s.erase(s.size() - suffix.size());
  return s;
}

std::vector<WordingPart> split_wording(std::string_view w) {
  std::vector<WordingPart> parts;
  auto literal = [&](std::string_view text, std::size_t at) {
    if (parts.empty() || parts.back().placeholder) parts.push_back({false, "", at});
    parts.back().text += text;
  };
  for (std::size_t i = 0; i < w.size();) {
    if ((w[i] == '{' || w[i] == '}') && i + 1 < w.size() && w[i + 1] == w[i]) {
      literal(w.substr(i, 1), i);  // {{ or }}: the brace itself
      i += 2;
      continue;
    }
    if (w[i] == '{') {
      std::size_t close = w.find_first_of("{}", i + 1);
      if (close != std::string_view::npos && w[close] == '}' && close > i + 1) {
        parts.push_back({true, std::string(w.substr(i + 1, close - i - 1)), i});
        i = close + 1;
        continue;
      }
    }
    literal(w.substr(i, 1), i);
    ++i;
  }
  return parts;
}

const std::vector<std::string_view>& review_placeholders() {
  static const std::vector<std::string_view> names = {"指标", "路径", "指标值", "期间",
                                                      "比较", "一级", "二级",   "名称单位"};
  return names;
}

const Scale* RuleSet::scale_for_word(const std::string& word) const {
  for (const auto& s : scales)
    if (std::find(s->met_words.begin(), s->met_words.end(), word) != s->met_words.end())
      return s.get();
  return nullptr;
}

namespace {

const char* const kFunctions = "合计, 绝对值, 较大, 较小";

std::string where(const Span& s) {
  return s.file ? s.file->path + ":" + std::to_string(s.line()) : std::string("?");
}

class Checker {
 public:
  Checker(RuleSet& rs, std::vector<Diagnostic>& ds, Reach reach)
      : rs_(rs), ds_(ds), reach_(std::move(reach)), repeats_(ds, [](Code code) {
          return std::string(code == Code::rules_unknown_name   ? tr("unknown names")
                             : code == Code::rules_unknown_unit ? tr("unknown units")
                                                                : "");
        }) {}

  void use_imports(TableImports* imports) { imports_ = imports; }
  // The shipped review rules: their 审核 have the codes of the shipped family.
  void shipped() { shipped_ = true; }

  void report(const Span& at, Code code, const std::string& message) {
    // The same problem found again (for the other period, or another
    // indicator the rule matches) is reported once.
    if (!said_.insert({at.file, at.byte, message}).second) return;
    // Many on one line (a sum of 20 000 unknown names) are a few and a count.
    if (at.file)
      repeats_.add(at.file->path, at.line(), code,
                   [&] { return at.file->diagnostic(code, at.byte, message); });
    else
      ds_.push_back(make_diagnostic(code, "<rules>", 1, 1, message));
  }

  // The counts of what report() left out, as diagnostics.
  void finish() { repeats_.flush(); }

  // ---- reading files --------------------------------------------------------
  void read(const std::string& path, const Span* from, unsigned depth) {
    std::error_code ec;
    fs::path canonical = fs::weakly_canonical(path, ec);
    std::string key = ec ? path : canonical.string();
    if (std::find(stack_.begin(), stack_.end(), key) != stack_.end()) {
      if (from)
        report(*from, Code::rules_import_cycle,
               tr("'{}' is already being read: 引用 goes round in a circle", path));
      return;
    }
    if (loaded_.count(key)) return;  // read once, however often it is 引用d
    if (depth > kRuleLimits.max_import_depth) {
      if (from)
        report(*from, Code::rules_import_too_deep,
               tr("引用 nests deeper than {} files", kRuleLimits.max_import_depth));
      return;
    }
    if (rs_.sources.size() >= kRuleLimits.max_files) {
      if (from)
        report(*from, Code::rules_too_many_files,
               tr("more than {} rule files", kRuleLimits.max_files));
      return;
    }
    // A file named on the command line is the user's choice; one an 引用 names
    // must lie within reach, be a regular file and be named as a rule file.
    ReadProblem problem;
    std::optional<std::string> text =
        read_source(path, kRuleFileKind, problem, from ? &reach_ : nullptr);
    if (!text) {
      // At the 引用 that names the file, or at the file given on the command line.
      if (from)
        ds_.push_back(
            from->file->diagnostic(problem.code, from->byte, problem.message_naming(path)));
      else
        ds_.push_back(make_diagnostic(problem.code, path, 1, 1, problem.message()));
      return;
    }
    loaded_.insert(key);
    rs_.sources.push_back(std::make_unique<SourceFile>(path, std::move(*text)));
    parse_and_follow(*rs_.sources.back(), key, depth);
  }

  void parse_and_follow(const SourceFile& source, const std::string& key, unsigned depth) {
    RuleFile file = parse_rule_file(source, ds_);
    stack_.push_back(key);
    fs::path dir = fs::path(source.path).parent_path();
    for (const Statement& st : file.statements) {
      if (st.kind == Statement::Kind::import)
        read((dir / st.text).lexically_normal().string(), &st.name_at, depth + 1);
    }
    stack_.pop_back();
    rs_.files.push_back(std::move(file));
  }

  void read_table(const TargetTable* override_table) {
    const Statement* table_stmt = nullptr;
    for (const RuleFile& f : rs_.files)
      for (const Statement& st : f.statements) {
        if (st.kind != Statement::Kind::table) continue;
        if (table_stmt) {
          report(st.at, Code::rules_table_repeated,
                 tr("a second 目标表; the first is at {}", where(table_stmt->at)));
          continue;
        }
        table_stmt = &st;
      }
    if (override_table) {
      rs_.table = *override_table;
      rs_.table_path = override_table->file;
      return;
    }
    if (!table_stmt) return;
    fs::path dir = fs::path(table_stmt->at.file->path).parent_path();
    std::string path = (dir / table_stmt->text).lexically_normal().string();
    ReadProblem problem;
    std::optional<std::string> text =
        read_named_file(path, NamedKind::table, reach_, kTableLimits.max_file_bytes, problem);
    if (!text) {
      report(table_stmt->name_at, problem.code, problem.message_naming(path));
      return;
    }
    // Any table import reads (engine/import/table_text.hpp), as --targets is.
    rs_.table = read_any_targets(path, ds_, imports_, std::move(*text));
    rs_.table_path = path;
  }

  // ---- definitions ----------------------------------------------------------
  bool claim(const std::string& name, const Span& at) {
    auto [it, fresh] = names_.emplace(name, at);
    if (!fresh)
      report(at, Code::rules_name_repeated,
             tr("'{}' is already defined at {}", name, where(it->second)));
    return fresh;
  }

  std::optional<Unit> unit(const std::string& written, const Span& at) {
    if (written.empty()) return no_unit();
    auto u = rs_.units.lookup(written);
    if (!u)
      report(at, Code::rules_unknown_unit,
             tr("unknown unit '{}'; define it with 单位 {} = …", written, written));
    return u;
  }

  std::optional<Number> number(const std::string& text, const Span& at) {
    if (text.size() > kCellLimits.max_digits + 2) {
      report(at, Code::rules_number_too_long,
             tr("the number has more than {} digits", kCellLimits.max_digits));
      return std::nullopt;
    }
    auto n = Number::parse_decimal(text);
    // The grammar admits only decimals here (digits, one point, digits).
    if (!n) throw std::logic_error("a rule file number the grammar let through: '" + text + "'");
    return n;
  }

  void define_units() {
    for (const RuleFile& f : rs_.files)
      for (const Statement& st : f.statements) {
        if (st.kind != Statement::Kind::unit) continue;
        if (rs_.units.lookup(st.text) && st.number.empty()) {
          report(st.name_at, Code::rules_unit_already_known,
                 tr("'{}' is already a known unit", st.text));
          continue;
        }
        if (unit_at_.count(st.text)) {
          report(st.name_at, Code::rules_unit_repeated,
                 tr("the unit '{}' is already defined at {}", st.text, where(unit_at_[st.text])));
          continue;
        }
        unit_at_[st.text] = st.name_at;
        if (st.number.empty()) {  // a new count noun
          rs_.units.define({st.text, "count:" + st.text, Number::integer(1), true});
          continue;
        }
        auto base = unit(st.unit, st.name_at);
        auto n = number(st.number, st.name_at);
        if (!base || !n) continue;
        if (n->is_zero()) {
          report(st.name_at, Code::rules_unit_zero, tr("a unit cannot be worth 0 {}", st.unit));
          continue;
        }
        rs_.units.define({st.text, base->dimension, *n * base->factor, true});
      }
  }

  void define_figure(const Figure& f, const Unit& block_unit, std::vector<std::string>* parent) {
    FigureDef def;
    def.name = f.name;
    def.at = f.at;
    def.source = f.is_group ? FigureDef::Source::group : FigureDef::Source::budget;
    def.unit = block_unit;
    auto value = [&](const std::optional<Figure::Value>& v) -> std::optional<Number> {
      if (!v) return std::nullopt;
      Unit u = block_unit;
      if (!v->unit.empty()) {
        auto own = unit(v->unit, v->at);
        if (!own) return std::nullopt;
        if (own->dimension != block_unit.dimension) {
          report(v->at, Code::rules_figure_unit_mismatch,
                 tr("'{}' is {} but the block is in {}", v->number + v->unit,
                    describe_dimension(own->dimension), block_unit.symbol));
          return std::nullopt;
        }
        u = *own;
      }
      auto n = number(v->number, v->at);
      if (!n) return std::nullopt;
      return *n * u.factor / block_unit.factor;  // in the block's unit
    };
    def.half = value(f.half);
    def.year = value(f.year);
    for (const Figure& m : f.members) define_figure(m, block_unit, &def.members);
    if (parent) parent->push_back(f.name);
    if (claim(f.name, f.at)) rs_.figures[f.name] = std::move(def);
  }

  void define_names() {
    for (const RuleFile& f : rs_.files)
      for (const Statement& st : f.statements) {
        switch (st.kind) {
          case Statement::Kind::budget: {
            auto u = unit(st.unit, st.name_at);
            if (!u) break;
            for (const Figure& fig : st.figures) define_figure(fig, *u, nullptr);
            break;
          }
          case Statement::Kind::reported: {
            auto u = unit(st.unit, st.name_at);
            if (!u) break;
            FigureDef def;
            def.source = FigureDef::Source::reported;
            def.name = st.text;
            def.unit = *u;
            def.at = st.name_at;
            if (reported_.count(st.text)) {
              report(st.name_at, Code::rules_reported_repeated,
                     tr("'{}' is already declared at {}", st.text, where(reported_[st.text].at)));
              break;
            }
            reported_[st.text] = def;
            break;
          }
          case Statement::Kind::define:
            if (claim(st.text, st.name_at))
              rs_.derived[st.text] = DerivedDef{st.text, &st.expr, {}, st.name_at};
            break;
          case Statement::Kind::scale:
            define_scale(st);
            break;
          default:
            break;
        }
      }
    // A 上报 figure that a rule file defines is taken from the definition; its
    // declared unit must fit.
    for (auto& [name, def] : reported_) {
      if (names_.count(name)) {
        reported_overridden_.insert(name);
        continue;
      }
      names_.emplace(name, def.at);
      rs_.figures[name] = def;
    }
  }

  void define_scale(const Statement& st) {
    for (const auto& s : rs_.scales)
      if (s->name == st.text) {
        report(st.name_at, Code::rules_scale_repeated,
               tr("the scale '{}' is already defined at {}", st.text, where(s->at)));
        return;
      }
    auto scale = std::make_unique<Scale>();
    scale->name = st.text;
    scale->at = st.name_at;
    bool bands[3] = {false, false, false};
    for (const Band& b : st.bands) {
      int band = b.kind == Band::Kind::met ? 0 : b.kind == Band::Kind::partly ? 1 : 2;
      bands[band] = true;
      for (std::size_t i = 0; i < b.words.size(); ++i) {
        auto [it, fresh] = scale->band.emplace(b.words[i], band);
        if (!fresh) {
          report(b.word_at[i], Code::rules_scale_word_repeated,
                 tr("'{}' is already a word of this scale", b.words[i]));
          continue;
        }
        if (band == 0) scale->met_words.push_back(b.words[i]);
      }
    }
    if (!bands[0])
      report(st.name_at, Code::rules_scale_no_met_band,
             tr("the scale '{}' has no 达成 band", st.text));
    if (!bands[2])
      report(st.name_at, Code::rules_scale_no_missed_band,
             tr("the scale '{}' has no 未达成 band", st.text));
    for (const auto& other : rs_.scales)
      for (const auto& w : scale->met_words)
        if (other->band.count(w))
          report(st.name_at, Code::rules_scale_word_shared,
                 tr("'{}' is already a word of the scale '{}' ({})", w, other->name,
                    where(other->at)));
    rs_.scales.push_back(std::move(scale));
  }

  // ---- types ----------------------------------------------------------------
  std::optional<Dimension> type_of_name(const std::string& name, const Span& at) {
    if (auto f = rs_.figures.find(name); f != rs_.figures.end())
      return Dimension::of(f->second.unit);
    auto d = rs_.derived.find(name);
    if (d == rs_.derived.end()) {
      report(at, Code::rules_unknown_name, unknown_name(name));
      return std::nullopt;
    }
    return type_of_derived(d->second, at);
  }

  std::optional<Dimension> type_of_derived(DerivedDef& def, const Span& used_at) {
    auto state = visiting_.find(def.name);
    if (state != visiting_.end()) {
      if (state->second == 1) {  // on the stack: a cycle
        std::string cycle;
        bool on = false;
        for (const auto& n : path_) {
          if (n == def.name) on = true;
          if (on) cycle += n + " → ";
        }
        report(used_at, Code::rules_definition_cycle,
               tr("the definitions go round in a circle: {}", cycle + def.name));
        return std::nullopt;
      }
      if (failed_.count(def.name)) return std::nullopt;
      return def.dimension;
    }
    if (path_.size() >= std::size_t(kRuleLimits.max_definition_depth)) {
      // The evaluator stops at the same length: refused here, before it runs.
      // A long chain is met again from each of its links: said once, counted.
      failed_.insert(def.name);
      if (chain_cut_) {
        ++chain_cut_more_;
        return std::nullopt;
      }
      chain_cut_ = ds_.size();
      report(used_at, Code::rules_definitions_too_deep,
             tr("'{}' is reached through more than {} 定义 in a chain (from '{}'): too deep to "
                "compute",
                def.name, kRuleLimits.max_definition_depth, path_.front()));
      return std::nullopt;
    }
    visiting_[def.name] = 1;
    path_.push_back(def.name);
    auto d = type(*def.expr);
    path_.pop_back();
    visiting_[def.name] = 2;
    if (!d) {
      failed_.insert(def.name);
      return std::nullopt;
    }
    def.dimension = *d;
    if (reported_overridden_.count(def.name)) {
      Dimension declared = Dimension::of(reported_[def.name].unit);
      if (!(declared == *d))
        report(def.at, Code::rules_declared_kind_mismatch,
               tr("'{}' is declared as {} at {} but defined as {}", def.name, declared.describe(),
                  where(reported_[def.name].at), d->describe()));
    }
    return d;
  }

  // Walks at most RuleLimits::max_walk_depth levels, through every 定义 it follows; the
  // first walk too deep is reported once, where it went too deep.
  std::optional<Dimension> type(const Expr& e) {
    if (walk_ >= kRuleLimits.max_walk_depth) {
      if (!walk_cut_)
        report(e.at, Code::rules_definitions_too_deep,
               path_.empty()
                   ? tr("the expression goes more than {} levels deep through its 定义: too deep "
                        "to compute",
                        kRuleLimits.max_walk_depth)
                   : tr("the expression goes more than {} levels deep through its 定义 (from "
                        "'{}'): too deep to compute",
                        kRuleLimits.max_walk_depth, path_.front()));
      walk_cut_ = true;
      return std::nullopt;
    }
    ++walk_;
    auto d = type_node(e);
    if (--walk_ == 0) walk_cut_ = false;
    return d;
  }

  std::optional<Dimension> type_node(const Expr& e) {
    switch (e.kind) {
      case Expr::Kind::literal: {
        auto n = number(e.text, e.at);
        auto u = unit(e.unit, e.at);
        if (!n || !u) return std::nullopt;
        return Dimension::of(*u);
      }
      case Expr::Kind::reference:
        return type_of_name(e.text, e.at);
      case Expr::Kind::group:
      case Expr::Kind::negate:
        return type(e.args.at(0));
      case Expr::Kind::add:
      case Expr::Kind::subtract: {
        auto a = type(e.args[0]);
        auto b = type(e.args[1]);
        if (!a || !b) return std::nullopt;
        if (!(*a == *b)) {
          report(e.at, Code::rules_add_kinds_differ,
                 e.kind == Expr::Kind::add
                     ? tr("cannot add {} to {}", b->describe(), a->describe())
                     : tr("cannot subtract {} from {}", b->describe(), a->describe()));
          return std::nullopt;
        }
        return a;
      }
      case Expr::Kind::multiply:
      case Expr::Kind::divide: {
        auto a = type(e.args[0]);
        auto b = type(e.args[1]);
        if (!a || !b) return std::nullopt;
        return a->times(*b, e.kind == Expr::Kind::multiply ? 1 : -1);
      }
      case Expr::Kind::call:
        return type_of_call(e);
    }
    return std::nullopt;
  }

  std::optional<Dimension> type_of_call(const Expr& e) {
    auto arity = [&](std::size_t n) {
      if (e.args.size() == n) return true;
      report(e.at, Code::rules_argument_count,
             trn("{} takes {} value, not {}", "{} takes {} values, not {}", n, e.text, n,
                 e.args.size()));
      return false;
    };
    if (e.text == "合计") {
      if (!arity(1)) return std::nullopt;
      const Expr& a = e.args[0];
      if (a.kind != Expr::Kind::reference) {
        report(a.at, Code::rules_sum_needs_name,
               tr("合计 takes the name of a 组 or of a figure with rows under it"));
        return std::nullopt;
      }
      auto f = rs_.figures.find(a.text);
      if (f == rs_.figures.end() || f->second.members.empty()) {
        if (f == rs_.figures.end() && !rs_.derived.count(a.text))
          report(a.at, Code::rules_unknown_name, unknown_name(a.text));
        else
          report(a.at, Code::rules_sum_no_rows, tr("'{}' has no rows under it to add up", a.text));
        return std::nullopt;
      }
      return Dimension::of(f->second.unit);
    }
    if (e.text == "绝对值") {
      if (!arity(1)) return std::nullopt;
      return type(e.args[0]);
    }
    if (e.text == "较大" || e.text == "较小") {
      if (!arity(2)) return std::nullopt;
      auto a = type(e.args[0]);
      auto b = type(e.args[1]);
      if (!a || !b) return std::nullopt;
      if (!(*a == *b)) {
        report(e.at, Code::rules_compare_kinds_differ,
               tr("{} compares values of one kind, not {} and {}", e.text, a->describe(),
                  b->describe()));
        return std::nullopt;
      }
      return a;
    }
    report(e.at, Code::rules_unknown_function,
           tr("unknown function '{}'; the functions are {}", e.text, kFunctions));
    return std::nullopt;
  }

  // "unknown name '…'", with the closest known name when there is one.
  std::string unknown_name(const std::string& name) {
    std::string best = suggestion(name);
    return best.empty() ? tr("unknown name '{}'", name)
                        : tr("unknown name '{}'; did you mean '{}'?", name, best);
  }

  std::string suggestion(const std::string& name) {
    // The known name that shares the longest prefix or suffix, when one is close.
    std::string best;
    std::size_t best_score = 0;
    auto consider = [&](const std::string& cand) {
      std::size_t pre = 0, suf = 0;
      while (pre < cand.size() && pre < name.size() && cand[pre] == name[pre]) ++pre;
      while (suf < cand.size() && suf < name.size() &&
             cand[cand.size() - 1 - suf] == name[name.size() - 1 - suf])
        ++suf;
      std::size_t score = std::max(pre, suf);
      if (score > best_score && score * 2 >= name.size()) {
        best_score = score;
        best = cand;
      }
    };
    for (const auto& [n, _] : rs_.figures) consider(n);
    for (const auto& [n, _] : rs_.derived) consider(n);
    return best;
  }

  // Budget figures used in period `p` must have a value for it.
  void needs(const Expr& e, Period p, const std::string& fix, std::set<std::string>& seen) {
    if (e.kind == Expr::Kind::reference) {
      Period q = e.column.value_or(p);
      auto f = rs_.figures.find(e.text);
      if (f != rs_.figures.end()) {
        const FigureDef& def = f->second;
        if (def.source == FigureDef::Source::budget && !(q == Period::half ? def.half : def.year))
          report(e.at, Code::rules_period_value_missing,
                 tr("'{}' has no {} value ({}){}", e.text, chinese(q), where(def.at),
                    e.column ? std::string() : fix));
        return;
      }
      auto d = rs_.derived.find(e.text);
      if (d != rs_.derived.end() && seen.insert(e.text + chinese(q)).second &&
          !failed_.count(e.text) && visiting_[e.text] == 2)
        needs(*d->second.expr, q, fix, seen);
      return;
    }
    if (e.kind == Expr::Kind::call && e.text == "合计" && e.args.size() == 1) {
      auto f = rs_.figures.find(e.args[0].text);
      if (f == rs_.figures.end()) return;
      for (const auto& m : f->second.members) {
        const FigureDef& def = rs_.figures[m];
        if (def.source == FigureDef::Source::budget && !(p == Period::half ? def.half : def.year))
          report(e.args[0].at, Code::rules_period_value_missing,
                 tr("the row '{}' of '{}' has no {} value ({}){}", m, e.args[0].text, chinese(p),
                    where(def.at), fix));
      }
      return;
    }
    for (const auto& a : e.args) needs(a, p, fix, seen);
  }

  void check_definitions() {
    for (auto& [name, def] : rs_.derived) type_of_derived(def, def.at);
    if (chain_cut_more_ && *chain_cut_ < ds_.size())
      ds_[*chain_cut_].message +=
          tr("; so are {} more 定义 further down such chains", chain_cut_more_);
  }

  void load_reconciliations() {
    for (const RuleFile& f : rs_.files)
      for (const Statement& st : f.statements) {
        if (st.kind != Statement::Kind::check) continue;
        Reconciliation rule;
        rule.statement = &st;
        std::size_t start = st.at.byte;
        std::string first_line = st.at.file->line_text(st.at.line());
        rule.written = first_line.substr(start - st.at.file->line_starts[st.at.line() - 1]);
        if (auto brace = rule.written.rfind('{'); brace != std::string::npos)
          rule.written = rule.written.substr(0, brace);
        while (!rule.written.empty() && rule.written.back() == ' ') rule.written.pop_back();
        if (rule.written.starts_with("核对")) rule.written = rule.written.substr(6);
        while (!rule.written.empty() && rule.written.front() == ' ')
          rule.written = rule.written.substr(1);
        bool typed = true;
        std::optional<Dimension> first;
        for (const Expr& side : st.sides) {
          auto d = type(side);
          if (!d) {
            typed = false;
            continue;
          }
          if (!first) {
            first = d;
          } else if (!(*first == *d)) {
            report(side.at, Code::rules_check_kinds_differ,
                   tr("cannot compare {} with {}", d->describe(), first->describe()));
            typed = false;
          }
        }
        for (const Clause& c : st.clauses) {
          switch (c.kind) {
            case Clause::Kind::period:
              set_once(rule.only, c.period, c);
              break;
            case Clause::Kind::severity:
              rule.severity = c.text == "警告" ? Severity::warning : Severity::error;
              break;
            case Clause::Kind::message:
              rule.message = c.text;
              break;
            default:
              report(c.at, Code::rules_clause_misplaced,
                     tr("this clause belongs in a 指标 block, not in a 核对"));
          }
        }
        if (typed) {
          std::string fix =
              rule.only ? ""
                        : tr("; limit the check to 期间 {} or name the column as 名称[全年]",
                             chinese(Period::year));
          for (Period p : {Period::half, Period::year}) {
            if (rule.only && *rule.only != p) continue;
            std::set<std::string> seen;
            for (const Expr& side : st.sides) needs(side, p, fix, seen);
          }
        }
        rs_.reconciliations.push_back(std::move(rule));
      }
  }

  template <typename T>
  void set_once(std::optional<T>& slot, const T& value, const Clause& c) {
    if (slot)
      report(c.at, Code::rules_clause_repeated, tr("this clause is given twice in the block"));
    slot = value;
  }

  // ---- indicator rules ------------------------------------------------------
  std::optional<Constraint> target(const Clause& c) {
    auto t = parse_target(c.text, rs_.units);
    if (auto* bad = std::get_if<ParseError>(&t)) {
      ds_.push_back(c.value_at.file->diagnostic(bad->code, c.value_at.byte + bad->byte,
                                                tr("target: {}", bad->message)));
      return std::nullopt;
    }
    return std::get<Constraint>(t);
  }

  void check_indicators() {
    for (const RuleFile& f : rs_.files)
      for (const Statement& st : f.statements) {
        if (st.kind != Statement::Kind::indicator && st.kind != Statement::Kind::new_indicator)
          continue;
        IndicatorRule r;
        r.statement = &st;
        r.is_new = st.kind == Statement::Kind::new_indicator;
        r.pattern = st.pattern;
        for (auto& seg : r.pattern) seg = squeeze(seg);
        for (const Clause& c : st.clauses) clause(r, c);
        if (r.actual) {
          std::set<std::string> seen;
          type(*r.actual);
        }
        if (r.is_new) declare_new(r);
        rs_.indicators.push_back(std::move(r));
      }
  }

  void clause(IndicatorRule& r, const Clause& c) {
    switch (c.kind) {
      case Clause::Kind::target: {
        const Clause*& seen = c.period == Period::half ? r.half_clause : r.year_clause;
        if (seen)
          report(c.at, Code::rules_clause_repeated, tr("this clause is given twice in the block"));
        seen = &c;
        auto t = target(c);
        if (t) (c.period == Period::half ? r.half_target : r.year_target) = std::move(*t);
        break;
      }
      case Clause::Kind::actual:
        if (r.actual)
          report(c.at, Code::rules_clause_repeated, tr("this clause is given twice in the block"));
        r.actual = &c.expr;
        break;
      case Clause::Kind::weight: {
        auto n = number(c.text, c.value_at);
        if (n) set_once(r.weight, *n, c);
        break;
      }
      case Clause::Kind::direction:
        set_once(r.direction,
                 c.text == "越高越好"   ? Direction::higher_better
                 : c.text == "越低越好" ? Direction::lower_better
                                        : Direction::exact,
                 c);
        break;
      case Clause::Kind::tolerance: {
        auto n = number(c.text, c.value_at);
        auto u = unit(c.unit, c.value_at);
        if (n && u) set_once(r.tolerance, Quantity{*n, *u}, c);
        r.tolerance_at = c.at;
        break;
      }
      case Clause::Kind::places: {
        if (c.text.size() > 2 || std::stoi(c.text) > static_cast<int>(kRuleLimits.max_places)) {
          report(c.value_at, Code::rules_places_too_many,
                 tr("at most {} decimal places", kRuleLimits.max_places));
          break;
        }
        set_once(r.places, static_cast<unsigned>(std::stoi(c.text)), c);
        r.places_at = c.at;
        break;
      }
      case Clause::Kind::bare: {
        Comparator op = c.text == "=" || c.text == "＝" ? Comparator::eq
                        : (c.text.find('>') != std::string::npos || c.text == "≥" ||
                           c.text == "≧" || c.text.starts_with("＞"))
                            ? Comparator::ge
                            : Comparator::le;
        set_once(r.bare, op, c);
        break;
      }
      case Clause::Kind::scale: {
        for (const auto& s : rs_.scales)
          if (s->name == c.text) r.scale = s.get();
        if (!r.scale)
          report(c.value_at, Code::rules_unknown_scale, tr("unknown scale '{}'", c.text));
        break;
      }
      case Clause::Kind::not_applicable:
        r.not_applicable = true;
        break;
      case Clause::Kind::period:
        set_once(r.only, c.period, c);
        break;
      case Clause::Kind::severity:
      case Clause::Kind::message:
        report(c.at, Code::rules_clause_misplaced,
               tr("this clause belongs in a 核对 block, not in a 指标"));
        break;
      case Clause::Kind::over_eq:
        set_once(r.eq_miss, eq_miss_of(c.text), c);
        break;
      case Clause::Kind::points_off:
        points_off(r, c);
        break;
      case Clause::Kind::step:
        step(r, c);
        break;
      default:
        report(c.at, Code::rules_clause_misplaced,
               tr("this setting belongs in a 评分 block, not in a 指标"));
    }
  }

  static EqMiss eq_miss_of(const std::string& word) {
    return word == "算达成"     ? EqMiss::over_is_met
           : word == "算未达成" ? EqMiss::over_is_miss
                                : EqMiss::by_name;
  }

  // A percentage as a fraction ("95" → 19/20); `most`: the largest that makes sense.
  std::optional<Number> percentage(const std::string& text, const Span& at, const char* what,
                                   std::optional<int> most = 100) {
    auto n = number(text, at);
    if (!n) return std::nullopt;
    if (most && *n > Number::integer(*most)) {
      report(at, Code::rules_percentage_too_high,
             tr("{} is {}%; it cannot be above {}%", tr(what), text, *most));
      return std::nullopt;
    }
    return *n / Number::integer(100);
  }

  void points_off(IndicatorRule& r, const Clause& c) {
    if (r.local) {
      bool steps = std::holds_alternative<StepBands>(*r.local);
      report(c.at, steps ? Code::rules_local_scheme_repeated : Code::rules_clause_repeated,
             steps ? tr("this indicator already has 完成率 steps at {}; one local scheme per "
                        "indicator",
                        where(r.local_at))
                   : std::string(tr("this clause is given twice in the block")));
      return;
    }
    r.local_at = c.at;
    auto unit_n = number(c.text, c.value_at);
    auto points = number(c.second, c.second_at);
    if (!unit_n || !points) return;
    if (unit_n->is_zero()) {
      report(c.value_at, Code::rules_short_unit_zero,
             tr("每少 0 is no unit: the shortfall is counted in units above 0"));
      return;
    }
    if (!c.unit.empty()) {
      // 个百分点 and 百分点 are percentage points: the unit of a % target.
      std::string written = c.unit == "个百分点" || c.unit == "百分点" ? "%" : c.unit;
      auto u = unit(written, c.value_at);
      if (!u) return;
      r.short_unit = *u;
    }
    r.local = PointsOffPerUnit{*unit_n, *points, c.whole_units};
  }

  void step(IndicatorRule& r, const Clause& c) {
    if (r.local && std::holds_alternative<PointsOffPerUnit>(*r.local)) {
      report(c.at, Code::rules_local_scheme_repeated,
             tr("this indicator already has 每少 … 扣 at {}; one local scheme per indicator",
                where(r.local_at)));
      return;
    }
    if (!r.local) {
      r.local = StepBands{};
      r.local_at = c.at;
    }
    auto at_least = percentage(c.text, c.value_at, N_("the completion of a step"));
    auto fraction = percentage(c.second, c.second_at, N_("a step's share of the weight"));
    if (!at_least || !fraction) return;
    auto& steps = std::get<StepBands>(*r.local).steps;
    if (*at_least == Number::integer(1))
      report(c.value_at, Code::rules_step_at_100,
             tr("a step at 100% is never used: steps score a missed target, whose completion is "
                "below 100%"));
    else if (!steps.empty() && !(*at_least < steps.back().at_least))
      report(c.value_at, Code::rules_steps_out_of_order,
             tr("the steps must go from the highest completion down: ≥{}% comes after ≥{}%", c.text,
                (steps.back().at_least * Number::integer(100)).canonical()));
    steps.push_back(StepBand{*at_least, *fraction});
  }

  // ---- 审核 (review rules, docs/review.md) -----------------------------------
  void load_reviews() {
    std::map<std::string, const Statement*> codes;
    for (const RuleFile& f : rs_.files)
      for (const Statement& st : f.statements) {
        if (st.kind != Statement::Kind::review) continue;
        if (!shipped_ && st.text.size() == 5 && st.text[0] == 'R' &&
            st.text.find_first_not_of("0123456789", 1) == std::string::npos) {
          report(st.name_at, Code::rules_review_code_reserved,
                 tr("the code {} is of the shipped review rules' family (R and four digits): "
                    "give the bureau's rule a code of its own, such as SZ{}",
                    st.text, st.text.substr(1)));
          continue;
        }
        auto [it, fresh] = codes.emplace(st.text, &st);
        // A shipped code may be said by more than one 审核 (R3003: one per 指标性质).
        if (!fresh && !shipped_) {
          report(st.name_at, Code::rules_review_code_repeated,
                 tr("the review code {} is already used at {}", st.text, where(it->second->at)));
          continue;
        }
        if (auto r = review(st)) rs_.reviews.push_back(std::move(*r));
      }
  }

  std::optional<ReviewRule> review(const Statement& st) {
    ReviewRule r;
    r.statement = &st;
    r.code = st.text;
    std::set<ReviewLine::Kind> seen;
    bool ok = true, tested = false, problem = false;
    for (const ReviewLine& l : st.review) {
      if (!seen.insert(l.kind).second) {
        report(l.at, Code::rules_clause_repeated, tr("this line is given twice in the 审核 block"));
        ok = false;
        continue;
      }
      switch (l.kind) {
        case ReviewLine::Kind::scope:
          r.pattern = l.pattern;
          break;
        case ReviewLine::Kind::test:
          tested = true;
          r.quantifier = l.text == "每个"   ? ReviewRule::Quantifier::every
                         : l.text == "没有" ? ReviewRule::Quantifier::none
                         : l.text == "预算" ? ReviewRule::Quantifier::funds
                                            : ReviewRule::Quantifier::some;
          if (auto conds = conjunction(l.conditions))
            r.conditions = std::move(*conds);
          else
            ok = false;
          break;
        case ReviewLine::Kind::severity:
          r.severity = l.text == "错误"   ? Severity::error
                       : l.text == "警告" ? Severity::warning
                                          : Severity::note;
          break;
        case ReviewLine::Kind::problem:
          problem = true;
          r.problem = l.text;
          break;
        case ReviewLine::Kind::suggestion:
          r.suggestion = l.text;
          break;
      }
    }
    if (!tested) {
      report(st.name_at, Code::rules_review_test_missing,
             tr("the review rule {} says nothing to test: add a line 每个, 至少一个 or 没有 with "
                "its conditions",
                st.text));
      ok = false;
    }
    if (!problem) {
      report(st.name_at, Code::rules_review_problem_missing,
             tr("the review rule {} has no wording for its finding: add 问题 \"…\" (and 建议 "
                "\"…\")",
                st.text));
      ok = false;
    }
    for (const ReviewLine& l : st.review) {
      if (l.kind == ReviewLine::Kind::problem || l.kind == ReviewLine::Kind::suggestion)
        ok = wording(l, r.quantifier) && ok;
      // A 预算 rule tests the funds block once a run: no indicator is in a 范围.
      if (l.kind == ReviewLine::Kind::scope && r.quantifier == ReviewRule::Quantifier::funds) {
        report(l.at, Code::rules_review_scope_with_funds,
               tr("a 预算 rule tests the funds block, once a run: its 范围 would pick no "
                  "indicator (remove it, or write the indicators' conditions in a 审核 of "
                  "their own)"));
        ok = false;
      }
    }
    if (!ok) return std::nullopt;
    return r;
  }

  // A wording's placeholders: each one a 审核 knows, and none in a rule whose
  // finding is said once, for the whole table or the funds block (no indicator).
  bool wording(const ReviewLine& l, ReviewRule::Quantifier q) {
    using Q = ReviewRule::Quantifier;
    bool ok = true;
    for (const WordingPart& p : split_wording(l.text)) {
      if (!p.placeholder) continue;
      const std::string written = "{" + p.text + "}";
      Span at = l.text_at;
      // The raw text holds the wording's escapes: the placeholder is at or after its offset.
      if (std::size_t raw = at.file->text.find(written, at.byte + p.at); raw != std::string::npos)
        at.byte = raw;
      const auto& known = review_placeholders();
      if (std::find(known.begin(), known.end(), p.text) == known.end()) {
        std::string list;
        for (std::string_view k : known)
          list += (list.empty() ? "" : trc("list", ", ")) + ("{" + std::string(k) + "}");
        report(at, Code::rules_review_placeholder_unknown,
               tr("{} is not a placeholder of a 审核's wording; it may hold {} (write a brace "
                  "itself as {{{{ or }}}})",
                  written, list));
        ok = false;
      } else if (q == Q::some || q == Q::funds) {
        report(at, Code::rules_review_placeholder_no_indicator,
               q == Q::some
                   ? tr("{} stands for an indicator, but the finding of a 至少一个 rule is "
                        "said for the whole table",
                        written)
                   : tr("{} stands for an indicator, but the finding of a 预算 rule is "
                        "said for the funds block",
                        written));
        ok = false;
      }
    }
    return ok;
  }

  std::optional<ReviewRule::Condition> condition(const ReviewCondition& c) {
    auto out = plain_condition(c);
    if (out && c.negated) {
      out->negated = true;
      out->written = "非 " + out->written;
    }
    return out;
  }

  // Conditions joined by 且 (in a group, or a whole line): none may fail.
  std::optional<std::vector<ReviewRule::Condition>> conjunction(
      const std::vector<ReviewCondition>& cs) {
    std::vector<ReviewRule::Condition> out;
    bool ok = true;
    for (const ReviewCondition& c : cs) {
      auto cond = condition(c);
      if (cond)
        out.push_back(std::move(*cond));
      else
        ok = false;
    }
    if (!ok) return std::nullopt;
    return out;
  }

  std::optional<ReviewRule::Condition> plain_condition(const ReviewCondition& c) {
    ReviewRule::Condition out;
    out.kind = c.kind;
    switch (c.kind) {
      case ReviewCondition::Kind::any: {
        bool ok = true;
        for (const auto& alternative : c.alternatives) {
          auto conds = conjunction(alternative);
          if (!conds) {
            ok = false;
            continue;
          }
          std::string s;
          for (const auto& one : *conds) s += (s.empty() ? "" : " 且 ") + one.written;
          out.written += (out.written.empty() ? "" : " 或 ") + s;
          out.alternatives.push_back(std::move(*conds));
        }
        if (!ok) return std::nullopt;
        if (c.grouped) out.written = "（" + out.written + "）";
        return out;
      }
      case ReviewCondition::Kind::level:
        out.level = c.field == "一级" ? 1 : 2;
        out.written = c.field;
        for (const auto& w : c.words) {
          out.categories.push_back(category_name(w));
          out.written += " " + print_name(w);
        }
        return out;
      case ReviewCondition::Kind::words:
        out.in_name = c.field == "名称";
        out.lacks = c.lacks;
        out.written = c.field + (c.lacks ? " 不含" : " 含");
        for (const auto& w : c.words) {
          if (w.empty())
            out.digits = true;
          else
            out.words.push_back(w);
          out.written += " " + (w.empty() ? std::string("数字") : quoted_text(w));
        }
        return out;
      case ReviewCondition::Kind::no_unit:
        out.written = "单位 无";
        return out;
      case ReviewCondition::Kind::name_unit:
        out.nature = c.words.at(0);
        out.written = "名称单位 " + out.nature;
        return out;
      case ReviewCondition::Kind::kind:
        out.kind_word = c.words.at(0);
        out.written = "类型 " + out.kind_word;
        return out;
      case ReviewCondition::Kind::comparator:
        out.written = "比较";
        for (const auto& w : c.words) {
          out.comparators.push_back(comparator_written(w).value());
          out.written += std::string(" ") + to_symbol(out.comparators.back());
        }
        return out;
      case ReviewCondition::Kind::nature:
        out.nature = c.words.at(0);
        out.written = "性质 " + out.nature;
        return out;
      case ReviewCondition::Kind::category:
        out.category = category_name(c.words.at(0));
        out.written = "类别 " + print_name(c.words.at(0));
        return out;
      case ReviewCondition::Kind::unit: {
        auto u = unit(c.unit, c.at);
        if (!u) return std::nullopt;
        out.unit = *u;
        out.written = "单位 " + c.unit;
        return out;
      }
      case ReviewCondition::Kind::value:
      case ReviewCondition::Kind::demand:
      case ReviewCondition::Kind::funds: {
        out.op = comparator_written(c.op).value();
        if (c.kind == ReviewCondition::Kind::funds) {
          out.subject = funds_figure(c.subject, c.at);
          if (!out.subject) return std::nullopt;
        }
        if (!c.figure.empty()) {
          out.figure = funds_figure(c.figure, c.at);
          if (!out.figure) return std::nullopt;
        } else {
          auto u = unit(c.unit, c.at);
          auto n = number(c.number, c.at);
          if (!u || !n) return std::nullopt;
          // A bare number beside a figure is in the figure's unit (资金总额 > 0).
          if (c.unit.empty() && out.subject) u = out.subject->unit;
          out.value = Quantity{*n, *u};
        }
        const std::string right = c.figure.empty() ? c.number + c.unit : print_name(c.figure);
        out.written = (out.subject                               ? print_name(c.subject)
                       : c.kind == ReviewCondition::Kind::demand ? std::string("要求")
                                                                 : std::string("数值")) +
                      " " + to_symbol(*out.op) + " " + right;
        if (out.subject) {
          const Unit& other = out.figure ? out.figure->unit : out.value->unit;
          if (other.dimension != out.subject->unit.dimension) {
            report(c.at, Code::rules_review_kinds_differ,
                   tr("the condition '{}' compares values of different kinds: '{}' is in {}, the "
                      "other side in {}",
                      out.written, c.subject, out.subject->unit.symbol, other.symbol));
            return std::nullopt;
          }
        }
        return out;
      }
    }
    return std::nullopt;
  }

  // A figure of the funds block that a review condition names: it must be
  // defined and have a 全年 value, which is the one compared.
  const FigureDef* funds_figure(const std::string& name, const Span& at) {
    auto f = rs_.figures.find(name);
    if (f == rs_.figures.end()) {
      report(at, Code::rules_unknown_name, unknown_name(name));
      return nullptr;
    }
    if (!f->second.year) {
      report(at, Code::rules_period_value_missing,
             tr("'{}' has no {} value ({}){}", name, chinese(Period::year), where(f->second.at),
                std::string()));
      return nullptr;
    }
    return &f->second;
  }

  // ---- 评分 ------------------------------------------------------------------
  void check_scoring() {
    const Statement* first = nullptr;
    for (const RuleFile& f : rs_.files)
      for (const Statement& st : f.statements) {
        if (st.kind != Statement::Kind::scoring) continue;
        if (first) {
          report(st.at, Code::rules_scoring_repeated,
                 tr("a second 评分; the first is at {} (one scheme for all the rule files)",
                    where(first->at)));
          continue;
        }
        first = &st;
      }
    if (!first) return;
    ScoringScheme s;
    s.source = first->at.file->path;
    std::set<Clause::Kind> seen;
    std::set<Band::Kind> bands;
    std::map<std::string, Span> level1_at;
    const Clause* category_at = nullptr;
    bool weights_known = true;  // no weight was rejected: their sum means something
    for (const Clause& c : first->clauses) {
      bool repeatable = c.kind == Clause::Kind::category || c.kind == Clause::Kind::band_point;
      if (!repeatable && !seen.insert(c.kind).second)
        report(c.at, Code::rules_clause_repeated,
               tr("this setting is given twice in the 评分 block"));
      switch (c.kind) {
        case Clause::Kind::basis:
          s.name = c.text;
          break;
        case Clause::Kind::band_point:
          band_point(s, c, bands);
          break;
        case Clause::Kind::over_margin:
          if (auto m = percentage(c.text, c.value_at, N_("the margin"), std::nullopt))
            s.over_margin = *m;
          break;
        case Clause::Kind::over_eq:
          // The default for every `=` target; a 指标's own 超出 still wins.
          s.default_eq_miss = eq_miss_of(c.text);
          break;
        case Clause::Kind::control_words:
          s.control_words = c.words;
          break;
        case Clause::Kind::category: {
          if (!category_at) s.split.clear();
          category_at = &c;
          for (const auto& cat : s.split)
            if (cat.name == c.text)
              report(c.value_at, Code::rules_category_repeated,
                     tr("the category '{}' is given twice", c.text));
          auto w = number(c.second, c.second_at);
          if (w && *w > Number::integer(100)) {
            report(c.second_at, Code::rules_category_weight_too_high,
                   tr("a category's weight cannot be above 100"));
            w.reset();
          }
          if (!w) weights_known = false;
          CategoryWeight cat{c.text, w.value_or(Number::integer(0)),
                             c.words.empty() ? std::vector<std::string>{c.text} : c.words};
          for (std::size_t i = 0; i < cat.level1.size(); ++i) {
            const Span& at = c.words.empty() ? c.value_at : c.word_at[i];
            auto [it, fresh] = level1_at.emplace(cat.level1[i], at);
            if (!fresh)
              report(
                  at, Code::rules_level1_in_two_categories,
                  tr("'{}' already belongs to a category at {}", cat.level1[i], where(it->second)));
          }
          s.split.push_back(std::move(cat));
          break;
        }
        case Clause::Kind::execution: {
          auto w = number(c.text, c.value_at);
          if (w && *w > Number::integer(100)) {
            report(c.value_at, Code::rules_execution_weight_too_high,
                   tr("the 预算执行率 weight cannot be above 100"));
            w.reset();
          }
          if (w)
            s.execution_weight = *w;
          else
            weights_known = false;
          break;
        }
        case Clause::Kind::already_met:
          s.on_track.already_met_is_certain = c.text == "确定能";
          break;
        case Clause::Kind::half_met:
          s.on_track.half_met_is_certain = c.text == "确定能";
          break;
        case Clause::Kind::progress:
          if (auto p = percentage(c.text, c.value_at, N_("the progress")))
            s.on_track.impossible_below = *p;
          break;
        case Clause::Kind::grading:
          s.grade_printed_total = c.text == "按打印总分";
          break;
        default:
          report(c.at, Code::rules_clause_misplaced,
                 tr("this clause belongs in a 指标 block, not in 评分"));
      }
    }
    if (category_at && weights_known) {
      Number sum = s.execution_weight;
      for (const auto& cat : s.split) sum = sum + cat.weight;
      if (sum != Number::integer(100))
        report(first->at, Code::rules_weights_not_100,
               tr("the categories and 执行率 weigh {}, not 100; the total is rescaled to 100",
                  sum.canonical()));
    }
    rs_.scoring = std::move(s);
  }

  void band_point(ScoringScheme& s, const Clause& c, std::set<Band::Kind>& bands) {
    if (!bands.insert(c.band).second)
      report(c.at, Code::rules_clause_repeated,
             tr("this setting is given twice in the 评分 block"));
    auto f = percentage(c.text, c.value_at, N_("the point taken in a band"), std::nullopt);
    if (!f) return;
    const int lo = c.band == Band::Kind::met ? 80 : c.band == Band::Kind::partly ? 60 : 0;
    const int hi = c.band == Band::Kind::met ? 100 : c.band == Band::Kind::partly ? 80 : 60;
    const bool top_in = c.band == Band::Kind::met;
    Number l = Number::ratio(lo, 100), h = Number::ratio(hi, 100);
    if (*f < l || *f > h || (!top_in && *f == h)) {
      const char* name = c.band == Band::Kind::met      ? "达成 [80%,100%]"
                         : c.band == Band::Kind::partly ? "部分达成 [60%,80%)"
                                                        : "未达成 [0,60%)";
      report(c.value_at, Code::rules_band_point_outside,
             // xgettext:no-c-format ("% l" is text, not a printf directive)
             tr("{}% lies outside the band {}", c.text, name));
      return;
    }
    (c.band == Band::Kind::met      ? s.qualitative.met
     : c.band == Band::Kind::partly ? s.qualitative.partly
                                    : s.qualitative.not_met) = *f;
  }

  void declare_new(IndicatorRule& r) {
    const Statement& st = *r.statement;
    for (const auto& seg : r.pattern)
      if (seg.find('*') != std::string::npos) {
        report(st.name_at, Code::rules_new_indicator_glob,
               tr("a 新增指标 needs its whole path, without '*'"));
        return;
      }
    if (r.pattern.size() < 3) {
      report(st.name_at, Code::rules_new_indicator_short_path,
             tr("a 新增指标 needs its whole path: 一级/二级/三级 (or with 重点工作)"));
      return;
    }
    if (!r.half_clause && !r.year_clause) {
      report(st.name_at, Code::rules_new_indicator_no_target,
             tr("a 新增指标 needs a target: 半年 … or 全年 …"));
      return;
    }
    Indicator ind;
    ind.level1 = r.pattern[0];
    ind.level2 = r.pattern[1];
    if (r.pattern.size() > 3) ind.key_work = r.pattern[2];
    ind.name = r.pattern.back();
    ind.line = st.at.line();
    auto cell = [&](const Clause* c) {
      Cell out;
      if (!c) return out;
      out.text = c->text;
      out.where = SourceLocation{c->value_at.file->path, c->value_at.line(),
                                 c->value_at.file->column_of(c->value_at.byte)};
      out.source_line = c->value_at.file->shared_line(c->value_at.line());
      return out;
    };
    ind.half_target = cell(r.half_clause);
    ind.year_target = cell(r.year_clause);
    rs_.new_indicators.push_back(std::move(ind));
  }

  // Every rule must match an indicator, and no attribute may be set twice for one.
  void match_table() {
    if (!rs_.table) return;
    TargetTable& table = *rs_.table;
    for (const Indicator& ind : rs_.new_indicators) {
      const auto path = ind.path_key();
      bool exists = false;
      for (const Indicator& old : table.indicators)
        if (old.path_key() == path) exists = true;
      for (const IndicatorRule& r : rs_.indicators)
        if (r.is_new && r.pattern == path && exists)
          report(r.statement->name_at, Code::rules_new_indicator_exists,
                 tr("'{}' is already in {}; attach to it with 指标", ind.path_text(), table.file));
      if (!exists) {
        table.indicators.push_back(ind);
        if (ind.half_target.text.size()) table.has_half = true;
        if (ind.year_target.text.size()) table.has_year = true;
      }
    }
    std::vector<bool> used(rs_.indicators.size(), false);
    for (const Indicator& ind : table.indicators) {
      auto path = ind.path();
      for (Period p : {Period::half, Period::year}) {
        std::map<std::string, const IndicatorRule*> set_by;
        for (std::size_t i = 0; i < rs_.indicators.size(); ++i) {
          const IndicatorRule& r = rs_.indicators[i];
          if (!r.matches(path)) continue;
          used[i] = true;
          if (r.only && *r.only != p) continue;
          overlap(r, N_("target"), r.target(p).has_value(), set_by, ind, p);
          overlap(r, "实际值", r.actual != nullptr, set_by, ind, p);
          overlap(r, "分值", r.weight.has_value(), set_by, ind, p);
          overlap(r, "方向", r.direction.has_value(), set_by, ind, p);
          overlap(r, "容差", r.tolerance.has_value(), set_by, ind, p);
          overlap(r, "精度", r.places.has_value(), set_by, ind, p);
          overlap(r, "裸值", r.bare.has_value(), set_by, ind, p);
          overlap(r, "量表", r.scale != nullptr, set_by, ind, p);
          overlap(r, "超出", r.eq_miss.has_value(), set_by, ind, p);
          overlap(r, N_("a local scheme (每少 or 完成率)"), r.local.has_value(), set_by, ind, p);
          fits(r, ind, p);
        }
      }
    }
    for (std::size_t i = 0; i < rs_.indicators.size(); ++i)
      if (used[i] && rs_.indicators[i].bare && !bare_used_.count(&rs_.indicators[i]))
        report(rs_.indicators[i].statement->name_at, Code::rules_bare_unused,
               tr("裸值 changes nothing: every target this rule matches has a comparator"));
    // A 新增指标 adds its indicator, or was refused with an error of its own:
    // either way "matches no indicator" would say nothing new.
    for (std::size_t i = 0; i < rs_.indicators.size(); ++i)
      if (!used[i] && !rs_.indicators[i].is_new)
        report(
            rs_.indicators[i].statement->name_at, Code::rules_matches_nothing,
            tr("'{}' matches no indicator in {}", rs_.indicators[i].statement->text, table.file));
  }

  void overlap(const IndicatorRule& r, const std::string& what, bool sets,
               std::map<std::string, const IndicatorRule*>& set_by, const Indicator& ind,
               Period p) {
    if (!sets) return;
    auto [it, fresh] = set_by.emplace(what, &r);
    if (!fresh && it->second != &r)
      report(r.statement->name_at, Code::rules_attribute_set_twice,
             tr("{} of '{}' ({}) is already set at {}", tr(what.c_str()), ind.path_text(),
                chinese(p), where(it->second->statement->at)));
  }

  // The rule's values must fit the indicator's target in period `p`.
  void fits(const IndicatorRule& r, const Indicator& ind, Period p) {
    std::optional<Constraint> parsed;
    if (r.target(p)) {
      parsed = r.target(p);
    } else {
      if (ind.target(p).text.empty()) {
        if (r.actual && !r.only) return;  // no target in this period: nothing is judged
        if (r.only)
          report(r.statement->name_at, Code::rules_period_never_applies,
                 tr("'{}' has no {} target, so this rule (期间 {}) never applies", ind.path_text(),
                    chinese(p), chinese(p)));
        return;
      }
      auto t = parse_target(ind.target(p).text, rs_.units);
      if (std::holds_alternative<ParseError>(t)) return;  // the table check reports it
      parsed = std::get<Constraint>(t);
    }
    std::optional<Dimension> target_dim;
    if (auto* q = std::get_if<QuantityConstraint>(&parsed->form))
      target_dim = Dimension::of(q->target.unit);
    if (auto* rg = std::get_if<RangeConstraint>(&parsed->form))
      target_dim = Dimension::of(rg->low.unit);
    if (r.actual) {
      if (!target_dim) {
        report(r.actual->at, Code::rules_actual_not_quantity,
               tr("实际值 computes a number, but the {} target of '{}' is '{}', not a quantity",
                  chinese(p), ind.path_text(), parsed->written));
      } else if (auto d = silent_type(*r.actual); d && !(*d == *target_dim)) {
        report(r.actual->at, Code::rules_actual_kind_mismatch,
               tr("实际值 is {} but the {} target of '{}' ('{}') is {}", d->describe(), chinese(p),
                  ind.path_text(), parsed->written, target_dim->describe()));
      } else if (d) {
        std::set<std::string> seen;
        needs(*r.actual, p, tr("; limit the rule with 期间 or name the column as 名称[全年]"),
              seen);
      }
    }
    // A target written with no comparator is what 裸值 reads.
    if (const auto* q = std::get_if<QuantityConstraint>(&parsed->form); r.bare && q && q->bare)
      bare_used_.insert(&r);
    const Unit* target_unit = nullptr;
    if (auto* q = std::get_if<QuantityConstraint>(&parsed->form)) target_unit = &q->target.unit;
    if (auto* rg = std::get_if<RangeConstraint>(&parsed->form)) target_unit = &rg->high.unit;
    if (r.tolerance && target_unit && r.tolerance->unit.symbol.empty() &&
        !target_unit->symbol.empty())
      report(r.tolerance_at, Code::rules_tolerance_no_unit,
             tr("容差 ±{} has no unit; the target of '{}' is in {}, so it is read as ±{}{}: write "
                "the unit",
                r.tolerance->written(), ind.path_text(), target_unit->symbol,
                r.tolerance->value.canonical(), target_unit->symbol));
    else if (r.tolerance && target_dim && !(Dimension::of(r.tolerance->unit) == *target_dim))
      report(
          r.tolerance_at, Code::rules_tolerance_kind_mismatch,
          tr("容差 {} is {} but the target of '{}' is {}", r.tolerance->written(),
             Dimension::of(r.tolerance->unit).describe(), ind.path_text(), target_dim->describe()));
    if (r.eq_miss) {
      const auto* q = std::get_if<QuantityConstraint>(&parsed->form);
      if (!q || q->op != Comparator::eq)
        report(r.statement->name_at, Code::rules_over_eq_unused,
               tr("超出 changes nothing for '{}': its {} target '{}' is not an = target",
                  ind.path_text(), chinese(p), parsed->written));
    }
    if (r.short_unit && target_dim && !(Dimension::of(*r.short_unit) == *target_dim))
      report(r.local_at, Code::rules_short_unit_kind_mismatch,
             tr("每少 counts {} but the target of '{}' is {}",
                Dimension::of(*r.short_unit).describe(), ind.path_text(), target_dim->describe()));
    if (r.local && !target_dim)
      report(r.local_at, Code::rules_local_scheme_not_numeric,
             tr("{} applies to numeric targets, but the {} target of '{}' is '{}'",
                std::holds_alternative<StepBands>(*r.local) ? "完成率" : "每少", chinese(p),
                ind.path_text(), parsed->written));
    if ((r.tolerance || r.places) && !target_dim)
      report(r.tolerance ? r.tolerance_at : r.places_at, Code::rules_rounding_not_numeric,
             tr("{} applies to numeric targets, but the {} target of '{}' is '{}'",
                r.tolerance ? "容差" : "精度", chinese(p), ind.path_text(), parsed->written));
  }

  // The type, with diagnostics already given when the expression was checked.
  std::optional<Dimension> silent_type(const Expr& e) {
    std::vector<Diagnostic> quiet;
    std::swap(quiet, ds_);
    auto d = type(e);
    std::swap(quiet, ds_);
    return d;
  }

 private:
  RuleSet& rs_;
  std::vector<Diagnostic>& ds_;
  std::set<std::string> loaded_;
  std::vector<std::string> stack_;
  std::map<std::string, Span> names_;
  std::map<std::string, Span> unit_at_;
  std::map<std::string, FigureDef> reported_;
  std::set<std::string> reported_overridden_;
  std::map<std::string, int> visiting_;
  std::vector<std::string> path_;
  unsigned walk_ = 0;
  bool walk_cut_ = false;
  std::optional<std::size_t> chain_cut_;  // the first chain too long, in ds_
  std::size_t chain_cut_more_ = 0;
  std::set<std::string> failed_;
  std::set<const IndicatorRule*> bare_used_;

  std::set<std::tuple<const SourceFile*, std::size_t, std::string>> said_;
  Reach reach_;  // where an 引用 or a 目标表 may lead
  LineRepeats repeats_;
  TableImports* imports_ = nullptr;  // the run's, when it keeps them
  bool shipped_ = false;
};

void check_all(Checker& c, RuleSet& rs, const TargetTable* table_override) {
  c.read_table(table_override);
  c.define_units();
  c.define_names();
  c.check_definitions();
  c.load_reconciliations();
  c.check_indicators();
  c.check_scoring();
  c.load_reviews();
  c.match_table();
  c.finish();
  (void)rs;
}

}  // namespace

std::unique_ptr<RuleSet> load_rules(const std::vector<std::string>& paths,
                                    std::vector<Diagnostic>& diagnostics,
                                    const TargetTable* table_override, const Reach* reach,
                                    TableImports* imports) {
  auto rs = std::make_unique<RuleSet>();
  Checker c(*rs, diagnostics, reach ? *reach : Reach::around(paths));
  c.use_imports(imports);
  for (const auto& p : paths) c.read(p, nullptr, 0);
  check_all(c, *rs, table_override);
  return rs;
}

std::unique_ptr<RuleSet> load_rules_text(const std::string& name, std::string text,
                                         std::vector<Diagnostic>& diagnostics, const Reach* reach) {
  auto rs = std::make_unique<RuleSet>();
  Checker c(*rs, diagnostics, reach ? *reach : Reach::around({name}));
  rs->sources.push_back(std::make_unique<SourceFile>(name, std::move(text)));
  c.parse_and_follow(*rs->sources.back(), name, 0);
  check_all(c, *rs, nullptr);
  return rs;
}

std::unique_ptr<RuleSet> load_shipped_rules(
    const std::vector<std::pair<std::string, std::string>>& files,
    std::vector<Diagnostic>& diagnostics) {
  auto rs = std::make_unique<RuleSet>();
  Checker c(*rs, diagnostics, Reach::around({}));
  c.shipped();
  for (const auto& [name, text] : files) {
    rs->sources.push_back(std::make_unique<SourceFile>(name, text));
    c.parse_and_follow(*rs->sources.back(), name, 0);
  }
  check_all(c, *rs, nullptr);
  return rs;
}

}  // namespace indicheck::rules
