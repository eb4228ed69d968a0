// Reading rule-test files: the grammar (grammar/ruletest_grammar.hpp) reads one
// line at a time; the actions below collect the line's words and the builder
// puts them into cases. A syntax error costs only its line: every error in the
// file is reported. docs/rule-tests.md is the reference.

#include <algorithm>
#include <filesystem>

#include "engine/base/message.hpp"
#include "engine/rules/syntax.hpp"
#include "engine/ruletest/ruletest.hpp"
#include "grammar/ruletest_messages.hpp"

namespace indicheck::ruletest {

namespace pg = tao::pegtl;
namespace fs = std::filesystem;
namespace gt = indicheck::grammar::tests;
namespace gr = indicheck::grammar::rules;

namespace {

// What one line said.
struct Line {
  enum class Kind {
    none,
    rules,
    table,
    case_open,
    case_close,
    period,
    actuals,
    report,
    skip,
    expect,
    row
  };
  Kind kind = Kind::none;
  Expectation::Kind expect = Expectation::Kind::indicator;
  std::vector<std::string> strings;
  std::vector<std::size_t> string_at;  // byte offsets in the file
  std::vector<std::string> names;      // names and path segments, in order
  std::size_t first_name_at = 0;
  std::string place_file, place_line, verdict, number, grade, value, code;
  std::size_t code_at = 0;
  std::size_t value_at = 0;
  std::optional<Period> period;
  std::optional<Severity> severity;
  std::optional<bool> figure_bad;
};

template <typename Rule>
struct action : pg::nothing<Rule> {};

#define INDICHECK_ON(rule, ...)                                          \
  template <>                                                            \
  struct action<rule> {                                                  \
    template <typename ActionInput>                                      \
    static void apply([[maybe_unused]] const ActionInput& in, Line& l) { \
      __VA_ARGS__;                                                       \
    }                                                                    \
  }

INDICHECK_ON(gt::rules_stmt, l.kind = Line::Kind::rules);
INDICHECK_ON(gt::table_stmt, l.kind = Line::Kind::table);
INDICHECK_ON(gt::case_stmt, l.kind = Line::Kind::case_open);
INDICHECK_ON(gt::case_close, l.kind = Line::Kind::case_close);
INDICHECK_ON(gt::period_stmt, l.kind = Line::Kind::period);
INDICHECK_ON(gt::actuals_stmt, l.kind = Line::Kind::actuals);
INDICHECK_ON(gt::report_stmt, l.kind = Line::Kind::report);
INDICHECK_ON(gt::skip_stmt, l.kind = Line::Kind::skip);
INDICHECK_ON(gt::expect_stmt, l.kind = Line::Kind::expect);
INDICHECK_ON(gt::row_stmt, l.kind = Line::Kind::row);
INDICHECK_ON(gt::expect_check, l.expect = Expectation::Kind::check);
INDICHECK_ON(gt::expect_figure, l.expect = Expectation::Kind::figure);
INDICHECK_ON(gt::expect_diagnostic, l.expect = Expectation::Kind::diagnostic);
INDICHECK_ON(gt::expect_score, l.expect = Expectation::Kind::score);
INDICHECK_ON(gt::expect_total, l.expect = Expectation::Kind::total);
INDICHECK_ON(gt::expect_grade, l.expect = Expectation::Kind::grade);
INDICHECK_ON(gt::expect_indicator, l.expect = Expectation::Kind::indicator);
INDICHECK_ON(gt::expect_review, l.expect = Expectation::Kind::review);
INDICHECK_ON(gt::x_review_code, l.value = in.string());
INDICHECK_ON(gt::finding_count, l.number = in.string());
INDICHECK_ON(gt::string_body, l.strings.push_back(in.string());
             l.string_at.push_back(in.position().byte));
INDICHECK_ON(gr::bare_name, if (l.names.empty()) l.first_name_at = in.position().byte;
             l.names.push_back(in.string()));
INDICHECK_ON(gr::x_quoted_text, if (l.names.empty()) l.first_name_at = in.position().byte;
             l.names.push_back(in.string()));
// On the whole place: its file part alone may match a word that then turns
// out to be no place (a code such as E3301).
INDICHECK_ON(gt::place, auto text = in.string(); auto colon = text.rfind(':');
             l.place_file = text.substr(0, colon); l.place_line = text.substr(colon + 1));
INDICHECK_ON(gt::verdict_word, l.verdict = in.string());
INDICHECK_ON(gt::decimal, l.number = in.string());
INDICHECK_ON(gt::grade_word, l.grade = in.string());
INDICHECK_ON(gt::code_id, l.code = in.string(); l.code_at = in.position().byte);
INDICHECK_ON(gt::sev_error, l.severity = Severity::error);
INDICHECK_ON(gt::sev_warning, l.severity = Severity::warning);
INDICHECK_ON(gt::figure_ok, l.figure_bad = false);
INDICHECK_ON(gt::figure_bad, l.figure_bad = true);
INDICHECK_ON(gr::half_word, l.period = Period::half);
INDICHECK_ON(gr::year_word, l.period = Period::year);
INDICHECK_ON(gt::row_value, l.value = in.string(); l.value_at = in.position().byte);

#undef INDICHECK_ON

VerdictKind verdict_of(const std::string& w) {
  static const std::pair<const char*, VerdictKind> words[] = {
      {"pass", VerdictKind::pass},         {"达成", VerdictKind::pass},
      {"fail", VerdictKind::fail},         {"未达成", VerdictKind::fail},
      {"partial", VerdictKind::partial},   {"部分达成", VerdictKind::partial},
      {"manual", VerdictKind::manual},     {"人工", VerdictKind::manual},
      {"需人工判断", VerdictKind::manual}, {"missing", VerdictKind::missing},
      {"未报", VerdictKind::missing},      {"未填报", VerdictKind::missing},
      {"error", VerdictKind::error},       {"错误", VerdictKind::error},
      {"无法判定", VerdictKind::error},    {"no-target", VerdictKind::no_target},
      {"无目标", VerdictKind::no_target},  {"无目标值", VerdictKind::no_target}};
  for (const auto& [word, kind] : words)
    if (w == word) return kind;
  return VerdictKind::error;
}

std::string resolve(const std::string& test_file, const std::string& written) {
  fs::path p(written);
  if (p.is_absolute()) return p.lexically_normal().string();
  return (fs::path(test_file).parent_path() / p).lexically_normal().string();
}

class Builder {
 public:
  Builder(const rules::SourceFile& source, TestFile& out, std::vector<Diagnostic>& ds,
          const Reach& reach)
      : source_(source), out_(out), ds_(ds), reach_(reach) {}

  // The line's string `i`, a file resolved against the test file's folder:
  // it must lie within reach and be named as `kind` (engine/base/input_file.hpp),
  // else an error at the string. A 报告 is both read and, with --update,
  // written: the same check covers both.
  std::string named(const Line& l, std::size_t i, NamedKind kind) {
    std::string path = resolve(source_.path, l.strings.at(i));
    if (auto refused = check_named_file(path, kind, reach_))
      error(i < l.string_at.size() ? l.string_at[i] : 0, refused->code,
            refused->message_naming(l.strings[i]));
    return path;
  }

  void error(std::size_t byte, Code code, std::string message) {
    ds_.push_back(source_.diagnostic(code, byte, std::move(message)));
  }
  // The code written as `id`; a diagnostic when there is none.
  std::optional<Code> expected_code(const std::string& id, std::size_t at) {
    auto code = code_from_id(id);
    if (!code)
      error(at, Code::test_unknown_code,
            tr("'{}' is not a diagnostic code (docs/diagnostics.md lists them)", id));
    return code;
  }
  SourceLocation at(std::size_t byte) const {
    return SourceLocation{source_.path, source_.line_of(byte), source_.column_of(byte)};
  }

  void add(Line& l, std::size_t start) {
    if (l.kind == Line::Kind::none) return;
    bool in_case = current_ != nullptr;
    switch (l.kind) {
      case Line::Kind::none:
        return;
      case Line::Kind::case_open: {
        if (in_case) {
          error(start, Code::test_case_nested,
                tr("a case cannot hold another: expected '}}' to close '{}' (line {}) first",
                   current_->name, current_->where.line));
          finish();
        }
        std::string name = l.names.empty() ? std::string() : l.names[0];
        for (const Case& c : out_.cases)
          if (c.name == name)
            error(l.first_name_at, Code::test_case_repeated,
                  tr("a second case named '{}'; the first is on line {}", name, c.where.line));
        out_.cases.emplace_back();
        current_ = &out_.cases.back();
        current_->name = name;
        current_->file = source_.path;
        current_->where = at(start);
        current_start_ = start;
        return;
      }
      case Line::Kind::case_close:
        if (!in_case)
          return error(start, Code::test_close_without_case, tr("'}' without a case to close"));
        finish();
        return;
      case Line::Kind::rules: {
        auto& target = in_case ? current_->rules : file_rules_;
        if (!target.empty())
          return error(start, Code::test_rules_repeated,
                       tr("规则 is given twice here: list every file on one line"));
        for (std::size_t i = 0; i < l.strings.size(); ++i)
          target.push_back(named(l, i, NamedKind::rules));
        return;
      }
      case Line::Kind::table: {
        auto& target = in_case ? current_->targets : file_table_;
        if (!target.empty())
          return error(start, Code::test_table_repeated, tr("目标表 is given twice"));
        target = named(l, 0, NamedKind::table);
        return;
      }
      case Line::Kind::period: {
        auto& target = in_case ? current_->period : file_period_;
        if (target) return error(start, Code::test_period_repeated, tr("期间 is given twice"));
        target = l.period;
        return;
      }
      default:
        break;
    }
    if (!in_case) {
      error(start, Code::test_outside_case, tr("this belongs inside a case: 用例 名称 { … }"));
      return;
    }
    Case& c = *current_;
    switch (l.kind) {
      case Line::Kind::actuals:
        c.actuals.push_back(named(l, 0, NamedKind::table));
        return;
      case Line::Kind::report:
        if (!c.golden.empty())
          return error(start, Code::test_report_repeated, tr("报告 is given twice in this case"));
        c.golden = named(l, 0, NamedKind::report);
        c.golden_at = at(start);
        return;
      case Line::Kind::skip:
        c.skip = true;
        c.skip_reason = l.strings.empty() ? std::string() : l.strings[0];
        return;
      case Line::Kind::row: {
        InlineRow row;
        row.key = join(l.names);
        row.value = !l.value.empty() ? l.value : (l.strings.empty() ? "" : l.strings[0]);
        row.key_at = at(l.first_name_at);  // offsets the actions took are absolute
        row.value_at = at(l.value.empty() && !l.string_at.empty() ? l.string_at[0] : l.value_at);
        row.source_line = source_.shared_line(source_.line_of(start));
        c.rows.push_back(std::move(row));
        return;
      }
      case Line::Kind::expect: {
        Expectation e;
        e.kind = l.expect;
        e.where = at(start);
        e.verdict = verdict_of(l.verdict);
        e.number = l.number;
        e.grade = l.grade;
        if (!l.place_file.empty()) {
          e.place_written = l.place_file + ":" + l.place_line;
          e.place_file = resolve(source_.path, l.place_file);
          e.place_line = static_cast<unsigned>(
              std::min<std::size_t>(std::stoull(l.place_line.substr(0, 9)), 999999999));
        }
        switch (e.kind) {
          case Expectation::Kind::indicator:
          case Expectation::Kind::score:
            e.subject = join(l.names);
            break;
          case Expectation::Kind::check:
            if (e.place_file.empty()) e.subject = l.strings.at(0);
            break;
          case Expectation::Kind::figure:
            e.subject = l.names.at(0);
            e.figure_problem = l.figure_bad.value_or(false);
            if (!l.strings.empty()) e.text = l.strings[0];
            if (!e.figure_problem && (!e.text.empty() || !l.code.empty()))
              return error(start, Code::test_usable_with_text,
                           tr("a usable figure (可用) has no problem to quote: drop the text"));
            if (!l.code.empty() && !(e.code = expected_code(l.code, l.code_at))) return;
            break;
          case Expectation::Kind::review:
            e.subject = l.value;
            break;
          case Expectation::Kind::diagnostic:
            e.severity = l.severity.value_or(Severity::error);
            if (l.code.empty())
              e.text = l.strings.at(0);
            else if (!(e.code = expected_code(l.code, l.code_at)))
              return;
            break;
          default:
            break;
        }
        c.expectations.push_back(std::move(e));
        return;
      }
      default:
        return;
    }
  }

  void finish() {
    if (!current_) return;
    Case& c = *current_;
    if (c.rules.empty()) c.rules = file_rules_;
    if (c.targets.empty()) c.targets = file_table_;
    if (!c.period) c.period = file_period_;
    if (c.rules.empty())
      error(current_start_, Code::test_case_no_rules,
            tr("the case '{}' names no rule files: write 规则 \"….rules\" in the case or at the "
               "top of the file",
               c.name));
    if (c.expectations.empty() && c.golden.empty() && !c.skip)
      error(current_start_, Code::test_case_expects_nothing,
            tr("the case '{}' expects nothing: add 预期 lines or a 报告 \"….txt\"", c.name));
    current_ = nullptr;
  }

  void end_of_file(std::size_t end) {
    if (current_) {
      error(end, Code::test_case_not_closed,
            tr("the file ends inside the case '{}' (line {}): expected '}}'", current_->name,
               current_->where.line));
      finish();
    }
    // Cases given before a file-level 规则/目标表/期间 line: apply them now.
    for (Case& c : out_.cases) {
      if (c.rules.empty()) c.rules = file_rules_;
      if (c.targets.empty()) c.targets = file_table_;
      if (!c.period) c.period = file_period_;
    }
  }

  static std::string join(const std::vector<std::string>& names) {
    std::string s;
    for (const auto& n : names) s += (s.empty() ? "" : "/") + n;
    return s;
  }

 private:
  const rules::SourceFile& source_;
  TestFile& out_;
  std::vector<Diagnostic>& ds_;
  const Reach& reach_;
  Case* current_ = nullptr;
  std::size_t current_start_ = 0;
  std::vector<std::string> file_rules_;
  std::string file_table_;
  std::optional<Period> file_period_;
};

}  // namespace

namespace {

const rules::SourceKind kTestFileKind{
    N_("the test file is {} bytes; the limit is {} (docs/limits.md)"),
    N_("the test file is more than {} bytes; the limit is {} (docs/limits.md)"),
    Code::test_file_too_large, Code::test_file_invalid_utf8};

}  // namespace

std::optional<std::string> read_test_file(const std::string& path,
                                          std::vector<Diagnostic>& diagnostics) {
  return rules::read_source(path, kTestFileKind, diagnostics);
}

TestFile parse_test_file(const std::string& path, const std::string& text,
                         std::vector<Diagnostic>& diagnostics, const Reach& reach) {
  TestFile out;
  out.path = path;
  rules::SourceFile source(path, text);
  if (!rules::readable(source, kTestFileKind, diagnostics)) return out;
  // Cases point into out.cases: reserve so that adding one never moves the others.
  out.cases.reserve(std::count(text.begin(), text.end(), '\n') + 1);
  Builder builder(source, out, diagnostics, reach);
  std::size_t pos = text.compare(0, 3, "\xEF\xBB\xBF") == 0 ? 3 : 0;
  while (pos < text.size()) {
    std::size_t end = text.find('\n', pos);
    std::size_t next = end == std::string::npos ? text.size() : end + 1;
    unsigned line = source.line_of(pos);
    pg::memory_input in(text.data() + pos, text.data() + next, path, pos, line,
                        pos - source.line_starts[line - 1] + 1);
    Line l;
    try {
      if (pg::parse<gt::line, action, gt::control>(in, l)) {
        // Statements are located at their first word, after the indent.
        std::size_t first = pos;
        // The indent is the grammar's blanks (space, tab, U+3000) in any order.
        while (first < next) {
          if (text[first] == ' ' || text[first] == '\t')
            ++first;
          else if (text.compare(first, 3, "\u3000") == 0)
            first += 3;
          else
            break;
        }
        builder.add(l, first);
      } else {
        diagnostics.push_back(
            source.diagnostic(Code::test_statement_expected, pos,
                              tr("expected a statement; found {}", describe_at(text, pos))));
      }
    } catch (const grammar::syntax_error& e) {
      std::size_t at = e.positions().front().byte;
      diagnostics.push_back(
          source.diagnostic(e.code, at, tr("{}; found {}", e.message(), describe_at(text, at))));
    }
    pos = next;
  }
  builder.end_of_file(text.empty() ? 0 : text.size() - 1);
  return out;
}

std::vector<std::string> discover(const std::vector<std::string>& paths,
                                  std::vector<Diagnostic>& diagnostics, const Reach& reach) {
  std::vector<std::string> found;
  for (const std::string& p : paths) {
    std::error_code ec;
    if (fs::is_directory(p, ec)) {
      for (auto it = fs::recursive_directory_iterator(p, ec);
           !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (!it->is_regular_file(ec) || it->path().extension() != ".test") continue;
        std::string file = it->path().lexically_normal().string();
        // A link in the folder that leads out of it is outside, as for any
        // file a test file names.
        if (auto refused = check_named_file(file, NamedKind::test, reach)) {
          diagnostics.push_back(make_diagnostic(refused->code, file, 1, 1, refused->message()));
          continue;
        }
        found.push_back(file);
      }
      if (ec)
        diagnostics.push_back(
            make_diagnostic(Code::test_folder_unreadable, p, 1, 1,
                            tr("cannot read the folder: {}", system_error_text(ec.value()))));
    } else if (fs::is_regular_file(p, ec)) {
      found.push_back(fs::path(p).lexically_normal().string());
    } else {
      diagnostics.push_back(
          make_diagnostic(Code::test_path_missing, p, 1, 1, tr("no such file or folder")));
    }
  }
  std::sort(found.begin(), found.end());
  found.erase(std::unique(found.begin(), found.end()), found.end());
  return found;
}

}  // namespace indicheck::ruletest
