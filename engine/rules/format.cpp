// The canonical layout of a rule file (`indicheck fmt`): one statement per
// line, two spaces per block level, single spaces around operators, the
// values of a budget block aligned, comments and single blank lines kept
// where they stood. docs/rules.md describes it.

#include <algorithm>
#include <set>

#include "engine/rules/syntax.hpp"
#include "grammar/rule_grammar.hpp"

namespace indicheck::rules {

std::string print_name(std::string_view name) {
  if (is_bare_name(name)) return std::string(name);
  return "「" + std::string(name) + "」";
}

std::string print_expr(const Expr& e, const LeafPrinter& leaf) {
  if (leaf)
    if (auto s = leaf(e)) return *s;
  auto bin = [&](const char* op) {
    return print_expr(e.args[0], leaf) + " " + op + " " + print_expr(e.args[1], leaf);
  };
  switch (e.kind) {
    case Expr::Kind::literal:
      return e.text + e.unit;
    case Expr::Kind::reference:
      return print_name(e.text) + (e.column ? std::string("[") + chinese(*e.column) + "]" : "");
    case Expr::Kind::call: {
      std::string s = print_name(e.text) + "(";
      for (std::size_t i = 0; i < e.args.size(); ++i)
        s += (i ? ", " : "") + print_expr(e.args[i], leaf);
      return s + ")";
    }
    case Expr::Kind::negate:
      return "-" + print_expr(e.args[0], leaf);
    case Expr::Kind::group:
      return "(" + print_expr(e.args[0], leaf) + ")";
    case Expr::Kind::add:
      return bin("+");
    case Expr::Kind::subtract:
      return bin("-");
    case Expr::Kind::multiply:
      return bin("*");
    case Expr::Kind::divide:
      return bin("/");
  }
  return "?";
}

std::string quoted_text(std::string_view text) {
  std::string s = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') s += '\\';
    s += c;
  }
  return s + "\"";
}

namespace {

std::string clause_text(const Clause& c) {
  switch (c.kind) {
    case Clause::Kind::target:
      return std::string(chinese(c.period)) + " " + c.text;
    case Clause::Kind::actual:
      return "实际值 = " + print_expr(c.expr, nullptr);
    case Clause::Kind::weight:
      return "分值 " + c.text;
    case Clause::Kind::direction:
      return "方向 " + c.text;
    case Clause::Kind::tolerance:
      return "容差 ±" + c.text + c.unit;
    case Clause::Kind::places:
      return "精度 " + c.text + "位小数";
    case Clause::Kind::bare:
      return "裸值 " + c.text;
    case Clause::Kind::scale:
      return "量表 " + print_name(c.text);
    case Clause::Kind::not_applicable:
      return "不适用";
    case Clause::Kind::period:
      return std::string("期间 ") + chinese(c.period);
    case Clause::Kind::severity:
      return "级别 " + c.text;
    case Clause::Kind::message:
      return "说明 " + quoted_text(c.text);
    case Clause::Kind::over_eq:
      return "超出 " + c.text;
    case Clause::Kind::points_off:
      return "每少 " + c.text + c.unit + " 扣 " + c.second + "分" +
             (c.whole_units ? " 按整计" : "");
    case Clause::Kind::step:
      return "完成率 ≥" + c.text + "% 得 " + c.second + "%";
    case Clause::Kind::basis:
      return "依据 " + quoted_text(c.text);
    case Clause::Kind::band_point:
      return std::string(c.band == Band::Kind::met      ? "达成 "
                         : c.band == Band::Kind::partly ? "部分达成 "
                                                        : "未达成 ") +
             c.text + "%";
    case Clause::Kind::over_margin:
      return "超额 " + c.text + "%";
    case Clause::Kind::control_words:
    case Clause::Kind::category: {
      std::string s =
          c.kind == Clause::Kind::category
              ? "类别 " + print_name(c.text) + " " + c.second + (c.words.empty() ? "" : " 包括")
              : "控制词";
      for (const auto& w : c.words) s += " " + print_name(w);
      return s;
    }
    case Clause::Kind::execution:
      return "执行率 分值 " + c.text;
    case Clause::Kind::already_met:
      return "已达全年 " + c.text;
    case Clause::Kind::half_met:
      return "半年达成 " + c.text;
    case Clause::Kind::progress:
      return "进度低于 " + c.text + "% 不可能";
    case Clause::Kind::grading:
      return "定级 " + c.text;
  }
  return "";
}

// A path segment written as it is: `**`, a glob, or a name of name characters
// (a keyword such as 完成率 included: a path is not read for keywords).
bool plain_segment(const std::string& seg) {
  namespace pg = tao::pegtl;
  namespace gr = grammar::rules;
  pg::memory_input in(seg, "");
  return pg::parse<pg::seq<pg::sor<gr::any_segments, gr::glob_segment>, pg::eof>>(in);
}

class Printer {
 public:
  explicit Printer(const RuleFile& f) : file_(f), comments_(f.comments) {
    std::stable_sort(comments_.begin(), comments_.end(),
                     [](const Comment& a, const Comment& b) { return a.line < b.line; });
  }

  std::string run() {
    for (const Statement& st : file_.statements) statement(st);
    flush_comments(~0u, 0);
    return out_;
  }

 private:
  bool blank_between(unsigned from, unsigned to) const {
    for (unsigned l = from + 1; l < to; ++l) {
      std::string text = file_.source->line_text(l);
      if (text.find_first_not_of(" \t\r") == std::string::npos) return true;
    }
    return false;
  }

  void place(unsigned line) {
    if (last_line_ && blank_between(last_line_, line) && !out_.empty()) out_ += "\n";
    last_line_ = line;
  }

  // Own-line comments that stand before `line`.
  void flush_comments(unsigned line, unsigned indent) {
    while (next_ < comments_.size() && comments_[next_].line < line) {
      std::size_t index = next_++;
      const Comment& c = comments_[index];
      // A comment after code on a line that was printed went with that line;
      // one on a line that was joined (a continued expression) stands alone.
      if (!c.own_line && attached_.count(index)) continue;
      place(c.line);
      out_ += std::string(indent * 2, ' ') + c.text + "\n";
    }
  }

  // Prints one line that stood at source line `line`, with its trailing comment.
  void line(unsigned src_line, unsigned indent, const std::string& text) {
    flush_comments(src_line, indent);
    place(src_line);
    out_ += std::string(indent * 2, ' ') + text;
    for (std::size_t i = 0; i < comments_.size(); ++i)
      if (comments_[i].line == src_line && !comments_[i].own_line) {
        out_ += "  " + comments_[i].text;
        attached_.insert(i);
      }
    out_ += "\n";
  }

  void close(unsigned end_line, unsigned indent) {
    flush_comments(end_line, indent + 1);
    line(end_line, indent, "}");
  }

  void statement(const Statement& st) {
    unsigned l = st.at.line();
    switch (st.kind) {
      case Statement::Kind::import:
        line(l, 0, "引用 " + quoted_text(st.text));
        break;
      case Statement::Kind::table:
        line(l, 0, "目标表 " + quoted_text(st.text));
        break;
      case Statement::Kind::unit:
        line(l, 0,
             "单位 " + print_name(st.text) +
                 (st.number.empty() ? "" : " = " + st.number + " " + st.unit));
        break;
      case Statement::Kind::scale:
        line(l, 0, "量表 " + print_name(st.text) + " {");
        for (const Band& b : st.bands) {
          std::string s = b.kind == Band::Kind::met      ? "达成"
                          : b.kind == Band::Kind::partly ? "部分达成"
                                                         : "未达成";
          for (const auto& w : b.words) s += " " + print_name(w);
          line(b.at.line(), 1, s);
        }
        close(st.end_line, 0);
        break;
      case Statement::Kind::budget:
        line(l, 0, "预算 " + st.unit + " {");
        figures(st.figures, 1);
        close(st.end_line, 0);
        break;
      case Statement::Kind::reported:
        line(l, 0, "上报 " + print_name(st.text) + (st.unit.empty() ? "" : " " + st.unit));
        break;
      case Statement::Kind::define:
        line(l, 0, "定义 " + print_name(st.text) + " = " + print_expr(st.expr, nullptr));
        break;
      case Statement::Kind::check: {
        std::string s = "核对 " + print_expr(st.sides.at(0), nullptr);
        for (std::size_t i = 1; i < st.sides.size(); ++i)
          s += std::string(" ") + to_symbol(st.relations[i - 1]) + " " +
               print_expr(st.sides[i], nullptr);
        block(st, l, s);
        break;
      }
      case Statement::Kind::scoring:
        block(st, l, "评分");
        break;
      case Statement::Kind::indicator:
      case Statement::Kind::new_indicator: {
        std::string path;
        for (const auto& seg : st.pattern)
          path += (path.empty() ? "" : "/") + (plain_segment(seg) ? seg : print_name(seg));
        block(st, l, (st.kind == Statement::Kind::indicator ? "指标 " : "新增指标 ") + path);
        break;
      }
      case Statement::Kind::review:
        review(st, l);
        break;
    }
  }

  // 审核 CODE { … }: its lines as written, one space between words.
  void review(const Statement& st, unsigned l) {
    line(l, 0, "审核 " + st.text + " {");
    for (const ReviewLine& r : st.review) line(r.at.line(), 1, review_line(r));
    close(st.end_line, 0);
  }

  static std::string review_line(const ReviewLine& r) {
    switch (r.kind) {
      case ReviewLine::Kind::scope: {
        std::string path;
        for (const auto& seg : r.pattern)
          path += (path.empty() ? "" : "/") + (plain_segment(seg) ? seg : print_name(seg));
        return "范围 " + path;
      }
      case ReviewLine::Kind::test: {
        return r.text + " " + conjunction_text(r.conditions);
      }
      case ReviewLine::Kind::severity:
        return "级别 " + r.text;
      case ReviewLine::Kind::problem:
        return "问题 " + quoted_text(r.text);
      case ReviewLine::Kind::suggestion:
        return "建议 " + quoted_text(r.text);
    }
    return "";
  }

  static std::string condition_text(const ReviewCondition& c) {
    return (c.negated ? "非 " : "") + plain_condition_text(c);
  }

  static std::string conjunction_text(const std::vector<ReviewCondition>& cs) {
    std::string s;
    for (const ReviewCondition& c : cs) s += (s.empty() ? "" : " 且 ") + condition_text(c);
    return s;
  }

  static std::string plain_condition_text(const ReviewCondition& c) {
    switch (c.kind) {
      case ReviewCondition::Kind::any: {
        std::string s;
        for (const auto& alternative : c.alternatives)
          s += (s.empty() ? "" : " 或 ") + conjunction_text(alternative);
        return c.grouped ? "（" + s + "）" : s;
      }
      case ReviewCondition::Kind::level: {
        std::string s = c.field;
        for (const auto& w : c.words) s += " " + print_name(w);
        return s;
      }
      case ReviewCondition::Kind::words: {
        std::string s = c.field + (c.lacks ? " 不含" : " 含");
        for (const auto& w : c.words) s += " " + (w.empty() ? std::string("数字") : quoted_text(w));
        return s;
      }
      case ReviewCondition::Kind::no_unit:
        return "单位 无";
      case ReviewCondition::Kind::name_unit:
        return "名称单位 " + c.words.at(0);
      case ReviewCondition::Kind::demand:
        return "要求 " + canonical_op(c.op) + " " +
               (c.figure.empty() ? c.number + c.unit : print_name(c.figure));
      case ReviewCondition::Kind::kind:
        return "类型 " + c.words.at(0);
      case ReviewCondition::Kind::comparator: {
        std::string s = "比较";
        for (const auto& w : c.words) s += " " + canonical_op(w);
        return s;
      }
      case ReviewCondition::Kind::unit:
        return "单位 " + c.unit;
      case ReviewCondition::Kind::category:
        return "类别 " + print_name(c.words.at(0));
      case ReviewCondition::Kind::nature:
        return "性质 " + c.words.at(0);
      case ReviewCondition::Kind::value:
      case ReviewCondition::Kind::funds:
        return (c.kind == ReviewCondition::Kind::funds ? print_name(c.subject) : "数值") + " " +
               canonical_op(c.op) + " " +
               (c.figure.empty() ? c.number + c.unit : print_name(c.figure));
    }
    return "";
  }

  // ≥ ≤ > < = for each spelling the grammar takes (>=, ≧, …).
  static std::string canonical_op(const std::string& op) {
    auto c = comparator_written(op);
    return c ? to_symbol(*c) : op;
  }

  void block(const Statement& st, unsigned l, const std::string& head) {
    if (!st.has_block) {
      line(l, 0, head);
      return;
    }
    line(l, 0, head + " {");
    for (const Clause& c : st.clauses) line(c.at.line(), 1, clause_text(c));
    close(st.end_line, 0);
  }

  void figures(const std::vector<Figure>& fs, unsigned indent) {
    // Values line up after the longest name of the block (names wider than
    // 40 cells are left out of the reckoning).
    unsigned width = 0, half_width = 0;
    for (const Figure& f : fs) {
      if (f.is_group) continue;
      unsigned w = display_width(print_name(f.name));
      if (w <= 40) width = std::max(width, w);
      if (f.half)
        half_width = std::max<unsigned>(half_width, display_width(f.half->number + f.half->unit));
    }
    for (const Figure& f : fs) {
      if (f.is_group) {
        line(f.at.line(), indent, "组 " + print_name(f.name) + " {");
        figures(f.members, indent + 1);
        close(f.end_line, indent);
        continue;
      }
      std::string s = pad_right(print_name(f.name), width);
      if (f.half) {
        std::string v = f.half->number + f.half->unit;
        s += "  半年 " + (f.year ? pad_right(v, half_width) : v);
      } else if (half_width && f.year) {
        s += std::string(half_width + 7, ' ');  // "  半年 " is 7 cells
      }
      if (f.year) s += "  全年 " + f.year->number + f.year->unit;
      if (f.has_block) {
        line(f.at.line(), indent, s + " {");
        figures(f.members, indent + 1);
        close(f.end_line, indent);
      } else {
        line(f.at.line(), indent, s);
      }
    }
  }

  const RuleFile& file_;
  std::vector<Comment> comments_;
  std::size_t next_ = 0;
  std::set<std::size_t> attached_;
  unsigned last_line_ = 0;
  std::string out_;
};

}  // namespace

std::string format_rule_file(const RuleFile& file) {
  return Printer(file).run();
}

}  // namespace indicheck::rules
