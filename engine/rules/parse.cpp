// Parsing a rule file: the PEGTL grammar (grammar/rule_grammar.hpp) builds a
// parse tree of the nodes selected below, one statement at a time, and this
// file turns it into the syntax tree of engine/rules/syntax.hpp. After a syntax
// error the parser resumes at the next line that starts with a statement
// keyword, so that every error in the file is reported.

#include <algorithm>
#include <tao/pegtl/contrib/parse_tree.hpp>
#include <vector>

#include "engine/base/blank.hpp"
#include "engine/base/limits.hpp"
#include "engine/base/message.hpp"
#include "engine/rules/syntax.hpp"
#include "grammar/rule_messages.hpp"

namespace indicheck::rules {

namespace pg = tao::pegtl;
namespace g = indicheck::grammar;
namespace gr = indicheck::grammar::rules;

// ---- source files -----------------------------------------------------------

SourceFile::SourceFile(std::string p, std::string t) : path(std::move(p)), text(std::move(t)) {
  line_starts.push_back(0);
  for (std::size_t i = 0; i < text.size(); ++i)
    if (text[i] == '\n') line_starts.push_back(i + 1);
}

unsigned SourceFile::line_of(std::size_t byte) const {
  auto it = std::upper_bound(line_starts.begin(), line_starts.end(), byte);
  return static_cast<unsigned>(it - line_starts.begin());
}

unsigned SourceFile::column_of(std::size_t byte) const {
  std::size_t start = line_starts[line_of(byte) - 1];
  return count_chars(std::string_view(text).substr(start), byte - start) + 1;
}

std::string SourceFile::line_text(unsigned line) const {
  if (line == 0 || line > line_starts.size()) return {};
  std::size_t start = line_starts[line - 1];
  std::size_t end = line < line_starts.size() ? line_starts[line] : text.size();
  while (end > start && (text[end - 1] == '\n' || text[end - 1] == '\r')) --end;
  return text.substr(start, end - start);
}

SourceLine SourceFile::shared_line(unsigned line) const {
  auto [it, fresh] = shared_lines_.try_emplace(line);
  if (fresh) it->second = SourceLine(line_text(line));
  return it->second;
}

Diagnostic SourceFile::diagnostic(Code code, std::size_t byte, std::string message) const {
  unsigned line = line_of(byte);
  return make_diagnostic(code, path, line, column_of(byte), std::move(message), shared_line(line));
}

const char* to_symbol(Relation r) {
  switch (r) {
    case Relation::eq:
      return "=";
    case Relation::ne:
      return "≠";
    case Relation::lt:
      return "<";
    case Relation::le:
      return "≤";
    case Relation::gt:
      return ">";
    case Relation::ge:
      return "≥";
  }
  return "?";
}

std::optional<Comparator> comparator_written(std::string_view op) {
  auto is = [&](auto rule) {
    pg::memory_input in(op, "");
    return pg::parse<pg::seq<decltype(rule), pg::eof>>(in);
  };
  if (is(g::op_ge{})) return Comparator::ge;
  if (is(g::op_le{})) return Comparator::le;
  if (is(g::op_gt{})) return Comparator::gt;
  if (is(g::op_lt{})) return Comparator::lt;
  if (is(g::op_eq{})) return Comparator::eq;
  return std::nullopt;
}

bool is_bare_name(std::string_view name) {
  if (name.empty()) return false;
  pg::memory_input in(name, "");
  // A keyword is not a bare name (the grammar's `reserved`).
  return pg::parse<pg::seq<gr::bare_name, pg::eof>>(in);
}

namespace {

// ---- the parse tree ---------------------------------------------------------

template <typename Rule>
using selector = pg::parse_tree::selector<
    Rule,
    pg::parse_tree::store_content::on<
        gr::bare_name, gr::x_quoted_text, gr::decimal, gr::signed_decimal, gr::x_decimal,
        gr::unit_text, gr::x_unit, gr::half_word, gr::year_word, gr::string_body, gr::comment,
        gr::x_target_text, gr::x_weight, gr::x_direction, gr::x_places, gr::x_bare_op,
        gr::x_severity, gr::any_segments, gr::glob_segment, gr::kw_not_applicable, gr::x_over_eq,
        gr::x_short_unit, gr::short_unit_name, gr::x_deduct_points, gr::kw_whole_units,
        gr::x_step_at, gr::x_step_fraction, gr::x_band_point, gr::x_margin, gr::x_category_weight,
        gr::x_execution_weight, gr::x_outlook, gr::x_progress, gr::x_grading,
        // review rules (审核)
        gr::x_review_code, gr::review_every, gr::review_some, gr::review_none, gr::x_target_kind,
        gr::cond_op, gr::x_cond_op, gr::x_review_severity, gr::x_category_word, gr::x_nature_word,
        gr::kw_cond_level1, gr::kw_cond_level2, gr::x_level_word, gr::category_word,
        gr::kw_cond_name, gr::kw_cond_text, gr::contains_word, gr::lacks_word, gr::digit_word,
        gr::has_word, gr::no_unit_word>,
    pg::parse_tree::remove_content::on<
        gr::import_stmt, gr::table_stmt, gr::unit_stmt, gr::scale_stmt, gr::budget_stmt,
        gr::reported_stmt, gr::define_stmt, gr::check_stmt, gr::indicator_stmt,
        gr::new_indicator_stmt, gr::band_line, gr::band_met, gr::band_partly, gr::band_not,
        gr::figure, gr::group, gr::x_figure_value, gr::figure_value, gr::block_open,
        gr::x_block_close, gr::target_clause, gr::actual_clause, gr::weight_clause,
        gr::direction_clause, gr::tolerance_clause, gr::x_tolerance, gr::places_clause,
        gr::bare_clause, gr::scale_clause, gr::period_clause, gr::severity_clause,
        gr::message_clause, gr::expr, gr::x_expr, gr::argument, gr::x_argument, gr::product,
        gr::x_product, gr::sum_tail, gr::product_tail, gr::negation, gr::paren_expr, gr::call,
        gr::reference, gr::literal, gr::plus_op, gr::minus_op, gr::times_op, gr::divide_op,
        gr::relation_tail, gr::x_relation_tail, gr::op_ne, g::op_ge, g::op_le, g::op_gt, g::op_lt,
        g::op_eq, gr::unit_definition, gr::over_eq_clause, gr::points_off_clause, gr::step_clause,
        gr::scoring_stmt, gr::basis_setting, gr::band_point_setting, gr::margin_setting,
        gr::control_words_setting, gr::category_setting, gr::execution_setting,
        gr::already_met_setting, gr::half_met_setting, gr::progress_setting, gr::grading_setting,
        // review rules (审核)
        gr::review_stmt, gr::review_scope, gr::review_test, gr::cond_kind, gr::cond_comparator,
        gr::cond_unit, gr::cond_value, gr::cond_category, gr::cond_nature, gr::cond_literal,
        gr::cond_not, gr::cond_group, gr::x_conjunction, gr::cond_level, gr::cond_words,
        gr::cond_no_unit, gr::cond_name_unit, gr::cond_demand, gr::funds_condition,
        gr::x_funds_condition, gr::review_funds_test, gr::review_severity, gr::review_problem,
        gr::review_suggestion>>;

// A parse-tree node. Every statement and expression rule the parser tries
// starts one, and most are dropped at once when the rule fails: a 10 000-line
// file made a million of them (a hundred a line). They are recycled through a
// free list of the thread instead of the heap, which made lint of that file
// 1.6 M allocations and the sanitizer build of fuzz_rule_tree 60 times slower
// than the release build (docs/reliability.md).
struct Node : pg::parse_tree::basic_node<Node> {
  static void* operator new(std::size_t size);
  static void operator delete(void* p, std::size_t size) noexcept;
};

// The free list keeps at most kKept nodes; more go back to the heap.
class NodePool {
 public:
  static constexpr std::size_t kKept = 4096;
  ~NodePool() {
    for (void* p : free_) ::operator delete(p);
  }
  void* take(std::size_t size) {
    if (size != sizeof(Node) || free_.empty()) return ::operator new(size);
    void* p = free_.back();
    free_.pop_back();
    return p;
  }
  void give(void* p, std::size_t size) noexcept {
    if (size == sizeof(Node) && free_.size() < free_.capacity()) {
      free_.push_back(p);  // within capacity: never allocates, never throws
      return;
    }
    ::operator delete(p);
  }
  NodePool() { free_.reserve(kKept); }

 private:
  std::vector<void*> free_;
};

NodePool& node_pool() {
  thread_local NodePool pool;
  return pool;
}

void* Node::operator new(std::size_t size) {
  return node_pool().take(size);
}
void Node::operator delete(void* p, std::size_t size) noexcept {
  node_pool().give(p, size);
}

// Thrown by the builder at the operator that takes an expression past
// RuleLimits::max_expr_height; the statement is left out, as for a syntax error.
struct ExpressionTooDeep {
  std::size_t byte;
};

class Builder {
 public:
  explicit Builder(const SourceFile& source) : source_(source) {}

  Span span(const Node& n) const { return Span{&source_, n.m_begin.byte}; }

  static bool is_name(const Node& n) {
    return n.is_type<gr::bare_name>() || n.is_type<gr::x_quoted_text>();
  }
  static bool is_expr(const Node& n) {
    return n.is_type<gr::expr>() || n.is_type<gr::x_expr>() || n.is_type<gr::argument>() ||
           n.is_type<gr::x_argument>();
  }
  static bool is_product(const Node& n) {
    return n.is_type<gr::product>() || n.is_type<gr::x_product>();
  }
  static std::optional<Period> period_of(const Node& n) {
    if (n.is_type<gr::half_word>()) return Period::half;
    if (n.is_type<gr::year_word>()) return Period::year;
    return std::nullopt;
  }

  // Sets the node's height from its operands', refusing a tree too high to walk.
  static Expr& grown(Expr& e) {
    unsigned below = 0;
    for (const Expr& a : e.args) below = std::max(below, a.height);
    e.height = below + 1;
    if (e.height > kRuleLimits.max_expr_height) throw ExpressionTooDeep{e.at.byte};
    return e;
  }

  Expr expression(const Node& n) const {
    if (is_expr(n)) {
      Expr acc = product(*n.children.at(0));
      for (std::size_t i = 1; i < n.children.size(); ++i) {
        const Node& tail = *n.children[i];  // sum_tail: op, product
        Expr e;
        e.kind =
            tail.children.at(0)->is_type<gr::plus_op>() ? Expr::Kind::add : Expr::Kind::subtract;
        e.at = span(*tail.children[0]);
        e.args.push_back(std::move(acc));
        e.args.push_back(product(*tail.children.at(1)));
        acc = std::move(grown(e));
      }
      return acc;
    }
    return factor(n);
  }

  Expr product(const Node& n) const {
    if (!is_product(n)) return factor(n);
    Expr acc = factor(*n.children.at(0));
    for (std::size_t i = 1; i < n.children.size(); ++i) {
      const Node& tail = *n.children[i];  // product_tail: op, factor
      Expr e;
      e.kind =
          tail.children.at(0)->is_type<gr::times_op>() ? Expr::Kind::multiply : Expr::Kind::divide;
      e.at = span(*tail.children[0]);
      e.args.push_back(std::move(acc));
      e.args.push_back(factor(*tail.children.at(1)));
      acc = std::move(grown(e));
    }
    return acc;
  }

  Expr factor(const Node& n) const {
    Expr e;
    e.at = span(n);
    if (n.is_type<gr::negation>()) {
      e.kind = Expr::Kind::negate;
      e.args.push_back(factor(*n.children.back()));
    } else if (n.is_type<gr::paren_expr>()) {
      e.kind = Expr::Kind::group;
      e.args.push_back(expression(*n.children.at(0)));
    } else if (n.is_type<gr::literal>()) {
      e.kind = Expr::Kind::literal;
      e.text = n.children.at(0)->string();
      if (n.children.size() > 1) e.unit = n.children[1]->string();
    } else if (n.is_type<gr::call>()) {
      e.kind = Expr::Kind::call;
      e.text = n.children.at(0)->string();
      for (std::size_t i = 1; i < n.children.size(); ++i)
        e.args.push_back(expression(*n.children[i]));
    } else if (n.is_type<gr::reference>()) {
      e.kind = Expr::Kind::reference;
      e.text = n.children.at(0)->string();
      if (n.children.size() > 1) e.column = period_of(*n.children[1]);
    } else if (is_expr(n) || is_product(n)) {
      return expression(n);
    } else {
      throw std::logic_error("rule parser: unexpected node " + std::string(n.type));
    }
    return std::move(grown(e));
  }

  Clause clause(const Node& n) const {
    Clause c;
    c.at = span(n);
    const Node* first = n.children.empty() ? nullptr : n.children[0].get();
    if (first) c.value_at = span(*first);
    if (n.is_type<gr::target_clause>()) {
      c.kind = Clause::Kind::target;
      c.period = *period_of(*first);
      c.text = n.children.at(1)->string();
      c.value_at = span(*n.children[1]);
    } else if (n.is_type<gr::actual_clause>()) {
      c.kind = Clause::Kind::actual;
      for (const auto& ch : n.children)
        if (is_expr(*ch)) c.expr = expression(*ch);
    } else if (n.is_type<gr::weight_clause>()) {
      c.kind = Clause::Kind::weight;
      c.text = first->string();
    } else if (n.is_type<gr::direction_clause>()) {
      c.kind = Clause::Kind::direction;
      c.text = first->string();
    } else if (n.is_type<gr::tolerance_clause>()) {
      c.kind = Clause::Kind::tolerance;
      const Node& lit = *n.children.back();
      c.value_at = span(lit);
      c.text = lit.children.at(0)->string();
      if (lit.children.size() > 1) c.unit = lit.children[1]->string();
    } else if (n.is_type<gr::places_clause>()) {
      c.kind = Clause::Kind::places;
      c.text = first->string();
    } else if (n.is_type<gr::bare_clause>()) {
      c.kind = Clause::Kind::bare;
      c.text = first->string();
    } else if (n.is_type<gr::scale_clause>()) {
      c.kind = Clause::Kind::scale;
      c.text = first->string();
    } else if (n.is_type<gr::kw_not_applicable>()) {
      c.kind = Clause::Kind::not_applicable;
    } else if (n.is_type<gr::period_clause>()) {
      c.kind = Clause::Kind::period;
      c.period = *period_of(*first);
    } else if (n.is_type<gr::severity_clause>()) {
      c.kind = Clause::Kind::severity;
      c.text = first->string();
    } else if (n.is_type<gr::message_clause>()) {
      c.kind = Clause::Kind::message;
      c.text = unescape(first->string_view());
    } else if (!scoring_clause(n, c)) {
      throw std::logic_error("rule parser: unexpected clause " + std::string(n.type));
    }
    return c;
  }

  // "95%" → "95".
  static std::string without_percent(const Node& n) {
    std::string s = n.string();
    for (std::string_view sign : {"%", "％"})
      if (s.ends_with(sign)) s.resize(s.size() - sign.size());
    return s;
  }

  // The scoring clauses of a 指标 block and the settings of 评分.
  bool scoring_clause(const Node& n, Clause& c) const {
    using K = Clause::Kind;
    const Node* first = n.children.empty() ? nullptr : n.children[0].get();
    auto second = [&](const Node& v, bool percent) {
      c.second = percent ? without_percent(v) : v.string();
      c.second_at = span(v);
    };
    auto names = [&](std::size_t from) {
      for (std::size_t i = from; i < n.children.size(); ++i)
        if (is_name(*n.children[i])) {
          c.words.push_back(n.children[i]->string());
          c.word_at.push_back(span(*n.children[i]));
        }
    };
    if (n.is_type<gr::over_eq_clause>()) {
      c.kind = K::over_eq;
      c.text = first->string();
    } else if (n.is_type<gr::points_off_clause>()) {
      c.kind = K::points_off;
      c.text = first->string();
      for (const auto& ch : n.children) {
        if (ch->is_type<gr::short_unit_name>()) c.unit = ch->string();
        if (ch->is_type<gr::x_deduct_points>()) second(*ch, false);
        if (ch->is_type<gr::kw_whole_units>()) c.whole_units = true;
      }
    } else if (n.is_type<gr::step_clause>()) {
      c.kind = K::step;
      for (const auto& ch : n.children) {
        if (ch->is_type<gr::x_step_at>()) {
          c.text = without_percent(*ch);
          c.value_at = span(*ch);
        }
        if (ch->is_type<gr::x_step_fraction>()) second(*ch, true);
      }
    } else if (n.is_type<gr::basis_setting>()) {
      c.kind = K::basis;
      c.text = unescape(first->string_view());
    } else if (n.is_type<gr::band_point_setting>()) {
      c.kind = K::band_point;
      c.band = first->is_type<gr::band_partly>() ? Band::Kind::partly
               : first->is_type<gr::band_not>()  ? Band::Kind::not_met
                                                 : Band::Kind::met;
      c.text = without_percent(*n.children.at(1));
      c.value_at = span(*n.children[1]);
    } else if (n.is_type<gr::margin_setting>() || n.is_type<gr::progress_setting>()) {
      c.kind = n.is_type<gr::margin_setting>() ? K::over_margin : K::progress;
      c.text = without_percent(*first);
    } else if (n.is_type<gr::control_words_setting>()) {
      c.kind = K::control_words;
      names(0);
    } else if (n.is_type<gr::category_setting>()) {
      c.kind = K::category;
      c.text = first->string();
      for (const auto& ch : n.children)
        if (ch->is_type<gr::x_category_weight>()) second(*ch, false);
      names(1);
    } else if (n.is_type<gr::execution_setting>()) {
      c.kind = K::execution;
      c.text = n.children.back()->string();
      c.value_at = span(*n.children.back());
    } else if (n.is_type<gr::already_met_setting>() || n.is_type<gr::half_met_setting>()) {
      c.kind = n.is_type<gr::already_met_setting>() ? K::already_met : K::half_met;
      c.text = first->string();
    } else if (n.is_type<gr::grading_setting>()) {
      c.kind = K::grading;
      c.text = first->string();
    } else {
      return false;
    }
    return true;
  }

  static std::string unescape(std::string_view s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
      if (s[i] == '\\' && i + 1 < s.size()) ++i;
      out += s[i];
    }
    return out;
  }

  // Reads the clause block among `n`'s children, from index `from`.
  void clauses(const Node& n, std::size_t from, Statement& st) const {
    for (std::size_t i = from; i < n.children.size(); ++i) {
      const Node& ch = *n.children[i];
      if (ch.is_type<gr::block_open>()) {
        st.has_block = true;
      } else if (ch.is_type<gr::x_block_close>()) {
        st.end_line = source_.line_of(ch.m_begin.byte);
      } else if (ch.is_type<gr::comment>()) {
        continue;
      } else if (!ch.is_type<g::op_eq>()) {
        st.clauses.push_back(clause(ch));
      }
    }
  }

  Figure figure(const Node& n) const {
    Figure f;
    f.at = span(n);
    f.is_group = n.is_type<gr::group>();
    for (const auto& chp : n.children) {
      const Node& ch = *chp;
      if (is_name(ch) && f.name.empty()) {
        f.name = ch.string();
      } else if (ch.is_type<gr::x_figure_value>() || ch.is_type<gr::figure_value>()) {
        Figure::Value v;
        v.at = span(*ch.children.at(1));
        v.number = ch.children[1]->string();
        if (ch.children.size() > 2) v.unit = ch.children[2]->string();
        (*period_of(*ch.children[0]) == Period::half ? f.half : f.year) = v;
      } else if (ch.is_type<gr::block_open>()) {
        f.has_block = true;
      } else if (ch.is_type<gr::x_block_close>()) {
        f.end_line = source_.line_of(ch.m_begin.byte);
      } else if (ch.is_type<gr::figure>() || ch.is_type<gr::group>()) {
        f.members.push_back(figure(ch));
      }
    }
    return f;
  }

  Statement statement(const Node& n) const {
    Statement st;
    st.at = span(n);
    auto first_name = [&]() -> const Node* {
      for (const auto& ch : n.children)
        if (is_name(*ch)) return ch.get();
      return nullptr;
    };
    if (const Node* nm = first_name()) {
      st.text = nm->string();
      st.name_at = span(*nm);
    }
    if (n.is_type<gr::import_stmt>() || n.is_type<gr::table_stmt>()) {
      st.kind = n.is_type<gr::import_stmt>() ? Statement::Kind::import : Statement::Kind::table;
      st.text = unescape(n.children.at(0)->string_view());
      st.name_at = span(*n.children[0]);
    } else if (n.is_type<gr::unit_stmt>()) {
      st.kind = Statement::Kind::unit;
      for (const auto& ch : n.children)
        if (ch->is_type<gr::unit_definition>()) {
          for (const auto& d : ch->children) {
            if (d->is_type<gr::x_decimal>()) st.number = d->string();
            if (d->is_type<gr::x_unit>()) st.unit = d->string();
          }
        }
    } else if (n.is_type<gr::scale_stmt>()) {
      st.kind = Statement::Kind::scale;
      st.has_block = true;
      for (const auto& ch : n.children) {
        if (ch->is_type<gr::x_block_close>()) st.end_line = source_.line_of(ch->m_begin.byte);
        if (!ch->is_type<gr::band_line>()) continue;
        Band b;
        b.at = span(*ch);
        for (const auto& w : ch->children) {
          if (w->is_type<gr::band_partly>()) b.kind = Band::Kind::partly;
          if (w->is_type<gr::band_not>()) b.kind = Band::Kind::not_met;
          if (is_name(*w)) {
            b.words.push_back(w->string());
            b.word_at.push_back(span(*w));
          }
        }
        st.bands.push_back(std::move(b));
      }
    } else if (n.is_type<gr::budget_stmt>()) {
      st.kind = Statement::Kind::budget;
      st.has_block = true;
      for (const auto& ch : n.children) {
        if (ch->is_type<gr::x_block_close>()) st.end_line = source_.line_of(ch->m_begin.byte);
        if (ch->is_type<gr::x_unit>()) {
          st.unit = ch->string();
          st.name_at = span(*ch);
        }
        if (ch->is_type<gr::figure>() || ch->is_type<gr::group>())
          st.figures.push_back(figure(*ch));
      }
    } else if (n.is_type<gr::reported_stmt>()) {
      st.kind = Statement::Kind::reported;
      for (const auto& ch : n.children)
        if (ch->is_type<gr::unit_text>()) st.unit = ch->string();
    } else if (n.is_type<gr::define_stmt>()) {
      st.kind = Statement::Kind::define;
      for (const auto& ch : n.children)
        if (is_expr(*ch)) st.expr = expression(*ch);
    } else if (n.is_type<gr::check_stmt>()) {
      st.kind = Statement::Kind::check;
      std::size_t i = 0;
      for (; i < n.children.size(); ++i) {
        const Node& ch = *n.children[i];
        if (is_expr(ch)) {
          st.sides.push_back(expression(ch));
        } else if (ch.is_type<gr::relation_tail>() || ch.is_type<gr::x_relation_tail>()) {
          const Node& op = *ch.children.at(0);
          st.relations.push_back(op.is_type<gr::op_ne>()  ? Relation::ne
                                 : op.is_type<g::op_ge>() ? Relation::ge
                                 : op.is_type<g::op_le>() ? Relation::le
                                 : op.is_type<g::op_gt>() ? Relation::gt
                                 : op.is_type<g::op_lt>() ? Relation::lt
                                                          : Relation::eq);
          st.sides.push_back(expression(*ch.children.at(1)));
        } else {
          break;
        }
      }
      clauses(n, i, st);
    } else if (n.is_type<gr::indicator_stmt>() || n.is_type<gr::new_indicator_stmt>()) {
      st.kind = n.is_type<gr::indicator_stmt>() ? Statement::Kind::indicator
                                                : Statement::Kind::new_indicator;
      st.text.clear();
      std::size_t i = 0;
      for (; i < n.children.size(); ++i) {
        const Node& ch = *n.children[i];
        if (ch.is_type<gr::x_quoted_text>() || ch.is_type<gr::any_segments>() ||
            ch.is_type<gr::glob_segment>()) {
          if (st.pattern.empty()) st.name_at = span(ch);
          st.pattern.push_back(ch.string());
        } else {
          break;
        }
      }
      for (const auto& seg : st.pattern) st.text += (st.text.empty() ? "" : "/") + seg;
      clauses(n, i, st);
    } else if (n.is_type<gr::scoring_stmt>()) {
      st.kind = Statement::Kind::scoring;
      st.text.clear();
      clauses(n, 0, st);
    } else if (n.is_type<gr::review_stmt>()) {
      review(n, st);
    } else {
      throw std::logic_error("rule parser: unexpected statement " + std::string(n.type));
    }
    return st;
  }

 private:
  // 审核 CODE { lines }.
  void review(const Node& n, Statement& st) const {
    st.kind = Statement::Kind::review;
    st.has_block = true;
    for (const auto& ch : n.children) {
      if (ch->is_type<gr::x_review_code>()) {
        st.text = ch->string();
        st.name_at = span(*ch);
      } else if (ch->is_type<gr::x_block_close>()) {
        st.end_line = source_.line_of(ch->m_begin.byte);
      } else if (!ch->is_type<gr::block_open>()) {
        st.review.push_back(review_line(*ch));
      }
    }
  }

  ReviewLine review_line(const Node& n) const {
    using K = ReviewLine::Kind;
    ReviewLine l;
    l.at = span(n);
    if (n.is_type<gr::review_scope>()) {
      l.kind = K::scope;
      for (const auto& ch : n.children) l.pattern.push_back(ch->string());
    } else if (n.is_type<gr::review_test>() || n.is_type<gr::review_funds_test>()) {
      l.kind = K::test;
      if (n.is_type<gr::review_funds_test>()) l.text = "预算";
      std::vector<std::vector<ReviewCondition>> alternatives;
      for (const auto& ch : n.children) {
        if (ch->is_type<gr::review_every>() || ch->is_type<gr::review_some>() ||
            ch->is_type<gr::review_none>())
          l.text = ch->string();
        else if (ch->is_type<gr::x_conjunction>())
          alternatives.push_back(conjunction(*ch));
        else
          l.conditions.push_back(condition(*ch));  // 预算: over the funds block
      }
      if (alternatives.size() == 1) {
        l.conditions = std::move(alternatives.front());
      } else if (!alternatives.empty()) {
        ReviewCondition any;  // the line's own 或
        any.kind = ReviewCondition::Kind::any;
        any.at = alternatives.front().front().at;
        any.alternatives = std::move(alternatives);
        l.conditions.push_back(std::move(any));
      }
    } else if (n.is_type<gr::review_severity>()) {
      l.kind = K::severity;
      l.text = n.children.at(0)->string();
    } else {
      l.kind = n.is_type<gr::review_problem>() ? K::problem : K::suggestion;
      l.text = unescape(n.children.at(0)->string_view());
      l.text_at = span(*n.children.at(0));
    }
    return l;
  }

  std::vector<ReviewCondition> conjunction(const Node& n) const {
    std::vector<ReviewCondition> out;
    for (const auto& ch : n.children) out.push_back(condition(*ch));
    return out;
  }

  ReviewCondition condition(const Node& n) const {
    using K = ReviewCondition::Kind;
    ReviewCondition c;
    c.at = span(n);
    if (n.is_type<gr::cond_not>()) {
      c = condition(*n.children.at(0));
      c.negated = !c.negated;
      c.at = span(n);
    } else if (n.is_type<gr::cond_group>()) {
      c.kind = K::any;
      c.grouped = true;
      for (const auto& ch : n.children) c.alternatives.push_back(conjunction(*ch));
    } else if (n.is_type<gr::cond_level>()) {
      c.kind = K::level;
      c.field = n.children.at(0)->string();
      for (std::size_t i = 1; i < n.children.size(); ++i)
        c.words.push_back(n.children[i]->children.at(0)->string());  // each name
    } else if (n.is_type<gr::cond_words>()) {
      c.kind = K::words;
      for (const auto& ch : n.children) {
        if (ch->is_type<gr::kw_cond_name>() || ch->is_type<gr::kw_cond_text>())
          c.field = ch->string();
        else if (ch->is_type<gr::lacks_word>())
          c.lacks = true;
        else if (ch->is_type<gr::string_body>())
          c.words.push_back(unescape(ch->string_view()));
        else if (ch->is_type<gr::digit_word>())
          c.words.emplace_back();  // 数字
      }
    } else if (n.is_type<gr::cond_no_unit>()) {
      c.kind = K::no_unit;
    } else if (n.is_type<gr::cond_name_unit>()) {
      c.kind = K::name_unit;
      c.words.push_back(n.children.at(0)->string());
    } else if (n.is_type<gr::cond_kind>()) {
      c.kind = K::kind;
      c.words.push_back(n.children.at(0)->string());
    } else if (n.is_type<gr::cond_comparator>()) {
      c.kind = K::comparator;
      for (const auto& ch : n.children) c.words.push_back(ch->string());
    } else if (n.is_type<gr::cond_category>()) {
      c.kind = K::category;
      c.words.push_back(n.children.at(0)->children.at(0)->string());  // its name
    } else if (n.is_type<gr::cond_nature>()) {
      c.kind = K::nature;
      c.words.push_back(n.children.at(0)->string());
    } else if (n.is_type<gr::cond_unit>()) {
      c.kind = K::unit;
      c.unit = n.children.at(0)->string();
    } else {
      // 数值 OP operand, 要求 OP operand, or (after 预算) FIGURE OP operand.
      c.kind = n.is_type<gr::cond_value>()    ? K::value
               : n.is_type<gr::cond_demand>() ? K::demand
                                              : K::funds;
      for (const auto& ch : n.children) {
        if (ch->is_type<gr::x_cond_op>()) c.op = ch->string();
        if (is_name(*ch))
          (c.kind == K::funds && c.op.empty() ? c.subject : c.figure) = ch->string();
        if (ch->is_type<gr::cond_literal>())
          for (const auto& part : ch->children) {
            if (part->is_type<gr::decimal>()) c.number = part->string();
            if (part->is_type<gr::unit_text>()) c.unit = part->string();
          }
      }
    }
    return c;
  }

  const SourceFile& source_;
};

void collect_comments(const Node& n, const SourceFile& source, std::vector<Comment>& out) {
  if (!n.is_root() && n.is_type<gr::comment>()) {
    Comment c;
    c.line = source.line_of(n.m_begin.byte);
    c.text = n.string();
    // A CR alone before the line's CRLF or LF stays in the comment; written back
    // before "\n" it would make a CRLF, and the next `fmt` would drop it.
    while (c.text.ends_with('\r')) c.text.pop_back();
    std::size_t start = source.line_starts[c.line - 1];
    std::string_view before(source.text.data() + start, n.m_begin.byte - start);
    // Blanks (and a BOM on the first line) may stand before a comment on its own line.
    c.own_line = is_blank(before);
    out.push_back(std::move(c));
    return;
  }
  for (const auto& ch : n.children) collect_comments(*ch, source, out);
}

// Comments were collected for `fmt`; the builder sees code only.
void drop_comments(Node& n) {
  auto& ch = n.children;
  ch.erase(std::remove_if(ch.begin(), ch.end(),
                          [](const std::unique_ptr<Node>& c) { return c->is_type<gr::comment>(); }),
           ch.end());
  for (auto& c : ch) drop_comments(*c);
}

// The byte where parsing resumes after an error at `byte`: the start of the
// next line that begins (unindented) with a statement keyword, or the end.
std::size_t resume_after(const SourceFile& source, std::size_t byte) {
  for (unsigned line = source.line_of(byte) + 1; line <= source.line_starts.size(); ++line) {
    std::size_t start = source.line_starts[line - 1];
    pg::memory_input in(source.text.data() + start, source.text.data() + source.text.size(), "");
    if (pg::parse<pg::sor<gr::kw_import, gr::kw_table, gr::kw_unit, gr::kw_scale, gr::kw_budget,
                          gr::kw_reported, gr::kw_define, gr::kw_check, gr::kw_new_indicator,
                          gr::kw_indicator, gr::kw_scoring, gr::kw_review>>(in))
      return start;
  }
  return source.text.size();
}

}  // namespace

const SourceKind kRuleFileKind{
    N_("the rule file is {} bytes; the limit is {} (docs/limits.md)"),
    N_("the rule file is more than {} bytes; the limit is {} (docs/limits.md)"),
    Code::rules_file_too_large, Code::rules_file_invalid_utf8};

bool readable(const SourceFile& source, const SourceKind& kind,
              std::vector<Diagnostic>& diagnostics) {
  const std::string& text = source.text;
  if (text.size() > kRuleLimits.max_file_bytes) {
    diagnostics.push_back(
        make_diagnostic(kind.too_large_code, source.path, 1, 1,
                        tr(fmt::runtime(kind.too_large), text.size(), kRuleLimits.max_file_bytes)));
    return false;
  }
  if (const std::size_t bad = utf8::first_invalid(text); bad != std::string_view::npos) {
    diagnostics.push_back(
        source.diagnostic(kind.invalid_utf8_code, bad,
                          tr("the file is not valid UTF-8: byte {} here starts no character; "
                             "save the file as UTF-8",
                             hex_byte(text[bad]))));
    return false;
  }
  return true;
}

std::optional<std::string> read_source(const std::string& path, const SourceKind& kind,
                                       ReadProblem& problem, const Reach* named_by) {
  const std::size_t limit = kRuleLimits.max_file_bytes;
  auto text = named_by ? read_named_file(path, NamedKind::rules, *named_by, limit, problem)
                       : read_file(path, problem, limit, Opening::any);
  if (!text && problem.code == Code::file_too_large) {
    problem.code = kind.too_large_code;
    problem.what = problem.size ? tr(fmt::runtime(kind.too_large), problem.size, limit)
                                : tr(fmt::runtime(kind.more_than), limit, limit);
    problem.why.clear();
  }
  return text;
}

std::optional<std::string> read_source(const std::string& path, const SourceKind& kind,
                                       std::vector<Diagnostic>& diagnostics) {
  ReadProblem problem;
  auto text = read_source(path, kind, problem);
  if (!text) diagnostics.push_back(make_diagnostic(problem.code, path, 1, 1, problem.message()));
  return text;
}

RuleFile parse_rule_file(const SourceFile& source, std::vector<Diagnostic>& diagnostics) {
  RuleFile file;
  file.source = &source;
  const std::string& text = source.text;
  if (!readable(source, kRuleFileKind, diagnostics)) return file;
  std::size_t pos = text.compare(0, 3, "\xEF\xBB\xBF") == 0 ? 3 : 0;
  Builder builder(source);
  while (pos < text.size()) {
    gr::nesting::depth() = 0;
    unsigned line = source.line_of(pos);
    pg::memory_input in(text.data() + pos, text.data() + text.size(), source.path, pos, line,
                        pos - source.line_starts[line - 1] + 1);
    try {
      auto root = pg::parse_tree::parse<gr::top, Node, selector, pg::nothing, gr::control>(in);
      std::size_t next = static_cast<std::size_t>(in.current() - text.data());
      if (!root || next == pos) break;  // only blanks were left
      collect_comments(*root, source, file.comments);
      drop_comments(*root);
      for (const auto& ch : root->children)
        if (!ch->is_type<gr::comment>()) {
          file.statements.push_back(builder.statement(*ch));
          if (!file.statements.back().has_block)
            file.statements.back().end_line = source.line_of(next - 1);
        }
      pos = next;
    } catch (const ExpressionTooDeep& e) {
      diagnostics.push_back(source.diagnostic(
          Code::rules_expression_too_deep, e.byte,
          tr("the expression is more than {} operations deep here (in a chain of + or *, each "
             "operator is one level): split it into 定义s of a few terms each",
             kRuleLimits.max_expr_height)));
      pos = resume_after(source, e.byte);
    } catch (const g::syntax_error& e) {
      std::size_t at = e.positions().front().byte;
      if (e.code == Code::rules_nesting_too_deep) {
        // Point at the '(' , '-' or '{' that goes one level too deep.
        do --at;
        while (at > 0 && utf8::is_continuation(static_cast<unsigned char>(text[at])));
      }
      std::string found = describe_at(text, at);
      // After an operator, an open parenthesis or a comma the expression may
      // go on on the next line; when it does not, the problem is at the end
      // of the line that stopped, not at the start of the next one.
      if (at < text.size() && at > pos) {
        std::size_t b = at;
        bool crossed = false;
        while (b > pos && std::string_view(" \t\r\n").find(text[b - 1]) != std::string_view::npos)
          crossed |= text[--b] == '\n';
        static const std::string_view continued[] = {"+", "-", "*",  "/",  "(",  ",", "=",
                                                     "×", "÷", "（", "，", "、", "＝"};
        bool after_operator = false;
        for (auto op : continued)
          after_operator |= std::string_view(text).substr(0, b).ends_with(op);
        if (crossed && b > pos && (after_operator || e.code == Code::rules_paren_not_closed)) {
          at = b;
          found = tr("end of line");
        }
      }
      if (at >= text.size()) {
        // "found end of text": point just after the last thing written.
        while (at > 0 && std::string_view(" \t\r\n").find(text[at - 1]) != std::string_view::npos)
          --at;
      }
      // The grammar's message (grammar/rule_messages.hpp marks it for the catalog).
      const std::string expected(e.message());
      diagnostics.push_back(
          source.diagnostic(e.code, at, tr("{}; found {}", tr(expected.c_str()), found)));
      pos = resume_after(source, at);
    }
  }
  return file;
}

}  // namespace indicheck::rules
