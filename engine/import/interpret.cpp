// The interpreter: a grid of source rows (from any format) → an Import.
// It walks the rows once, in zones: the front matter (title, unit, free text),
// the budget blocks (收入 with 全年 only; 支出 with 半年 and 全年), then each
// indicator table from its header. Every row ends as one RowUse, every fix to
// the source is a repair with its line, every default an assumption.

#include <algorithm>
#include <array>
#include <map>
#include <set>

#include "engine/base/blank.hpp"
#include "engine/base/number.hpp"
#include "engine/base/unit.hpp"
#include "engine/import/import.hpp"

namespace indicheck {

std::size_t Import::count(RowUse use) const {
  return static_cast<std::size_t>(
      std::count_if(rows.begin(), rows.end(), [&](const RowRecord& r) { return r.use == use; }));
}

namespace {

std::size_t count_figures(const std::vector<BudgetFigure>& figures) {
  std::size_t n = 0;
  for (const BudgetFigure& f : figures) n += (f.is_group ? 0 : 1) + count_figures(f.members);
  return n;
}

}  // namespace

std::size_t Import::budget_lines() const {
  return count_figures(budget);
}

namespace {

bool ascii_word(utf8::CodePoint cp) {
  return cp >= 0 && cp < 0x80 && std::isalnum(static_cast<int>(cp));
}

// A label or name as the table meant it: the blanks PDF extraction (or a
// wrapped Excel cell) put inside are dropped, except one space between two
// ASCII words.
std::string join_wrapped(std::string_view s) {
  s = trim(s);
  std::string out;
  out.reserve(s.size());
  utf8::CodePoint last = utf8::kInvalid;
  bool blank_since = false;
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t at = i;
    const utf8::CodePoint cp = utf8::next(s, i);
    if (is_droppable(cp)) {
      blank_since |= is_blank(cp);
      continue;
    }
    if (blank_since && ascii_word(last) && ascii_word(cp)) out += ' ';
    blank_since = false;
    last = cp;
    out.append(s.substr(at, i - at));
  }
  return out;
}

// A cell that reads as a written target, not as a label: a comparison, or a
// figure such as 110个.
bool looks_like_target(const std::string& cell) {
  const std::string s = squeeze(cell);
  if (s.empty()) return false;
  std::size_t i = 0;
  const utf8::CodePoint first = utf8::next(s, i);
  static const std::set<utf8::CodePoint> comparators = {'=',    '<',    '>',    0x2265, 0x2264,
                                                        0xFF1D, 0xFF1C, 0xFF1E, 0x2260};
  if (comparators.count(first)) return true;
  return first >= '0' && first <= '9' && count_chars(s, s.size()) <= 12;
}

bool is_separator(const std::vector<std::string>& cells) {
  bool any = false;
  for (const std::string& c : cells)
    for (std::size_t i = 0; i < c.size();) {
      const utf8::CodePoint cp = utf8::next(c, i);
      if (is_droppable(cp)) continue;
      if (cp != '-' && cp != 0x2014 && cp != '_' && cp != '=' && cp != 0x2500) return false;
      any = true;
    }
  return any;
}

enum class Role {
  none,
  level1,
  level2,
  key_work,
  name,
  half,
  year,
  value,
  comparator,
  unit,
  actual,
  weight,
  score,
  reason
};

Role role_of(const std::string& header) {
  static const std::map<std::string, Role> roles = {
      {"一级指标", Role::level1},
      {"二级指标", Role::level2},
      {"重点工作", Role::key_work},
      {"重点工作任务", Role::key_work},
      {"三级指标", Role::name},
      {"指标名称", Role::name},
      {"半年指标值", Role::half},
      {"全年指标值", Role::year},
      {"年度指标值", Role::year},
      {"指标值", Role::value},
      {"指标性质", Role::comparator},
      {"度量单位", Role::unit},
      {"计量单位", Role::unit},
      {"实际完成值", Role::actual},
      {"全年实际完成值", Role::actual},
      {"年度实际完成值", Role::actual},
      {"实际值", Role::actual},
      {"分值", Role::weight},
      {"权重", Role::weight},
      {"得分", Role::score},
      {"偏差原因", Role::reason},
      {"偏差原因分析", Role::reason},
      {"偏差原因分析及改进措施", Role::reason},
  };
  auto it = roles.find(squeeze(header));
  return it == roles.end() ? Role::none : it->second;
}

// The standard categories of a performance table: a label in the 一级 column
// that is a known 二级指标 of the 一级 above was put in the wrong column.
const std::map<std::string, std::string>& level2_parent() {
  static const std::map<std::string, std::string> parents = {
      {"经济效益", "效益指标"},         {"社会效益", "效益指标"},
      {"生态效益", "效益指标"},         {"可持续影响", "效益指标"},
      {"服务对象满意度", "满意度指标"}, {"社会公众满意度", "满意度指标"},
      {"数量指标", "产出指标"},         {"质量指标", "产出指标"},
      {"时效指标", "产出指标"},
  };
  return parents;
}

std::string comparator_symbol(const std::string& written) {
  static const std::map<std::string, std::string> words = {
      {"大于等于", "≥"}, {"不低于", "≥"}, {"不少于", "≥"}, {"小于等于", "≤"}, {"不高于", "≤"},
      {"不超过", "≤"},   {"等于", "="},   {"大于", ">"},   {"小于", "<"},
  };
  auto it = words.find(written);
  return it == words.end() ? written : it->second;
}

bool is_bare_number(const std::string& s) {
  if (s.empty()) return false;
  bool digit = false;
  for (char c : s) {
    if (c >= '0' && c <= '9')
      digit = true;
    else if (c != '.' && c != ',')
      return false;
  }
  return digit;
}

// "≥3000" → "3000": the figure after a leading comparison sign.
std::string without_comparator(const std::string& s) {
  std::size_t i = 0;
  for (const char* sign : {"≥", "≤", "＝", "＞", "＜", "=", ">", "<"}) {
    std::string_view v(sign);
    if (s.compare(i, v.size(), v) == 0) i += v.size();
  }
  return s.substr(i);
}

// "实施营造林总面积(亩)" → "亩" when the bracketed text is a known unit.
std::string unit_in_name(const std::string& name) {
  std::string_view s = name;
  const std::size_t close = s.ends_with(")") ? 1 : s.ends_with("）") ? 3 : 0;
  if (close == 0) return "";
  s.remove_suffix(close);
  const std::size_t ascii = s.rfind('('), full = s.rfind("（");
  std::size_t open = std::string_view::npos;  // just after the opening bracket
  if (ascii != std::string_view::npos) open = ascii + 1;
  if (full != std::string_view::npos && (open == std::string_view::npos || full + 3 > open))
    open = full + 3;
  if (open == std::string_view::npos) return "";
  std::string inner(s.substr(open));
  if (inner.empty() || !UnitTable::standard().lookup(inner)) return "";
  return inner;
}

// "部门整体资金(万元)" → "万元".
std::string unit_in_label(const std::string& label) {
  std::string s = squeeze(label);
  for (const char* open : {"(", "（"}) {
    auto b = s.find(open);
    if (b == std::string::npos) continue;
    b += std::string(open).size();
    auto e = s.find(')', b);
    if (e == std::string::npos) e = s.find("）", b);
    if (e == std::string::npos) continue;
    std::string inner = s.substr(b, e - b);
    if (UnitTable::standard().lookup(inner)) return inner;
  }
  return "";
}

std::string plain_text(std::string s) {
  // The seed's text cells are HTML paragraphs: <p>…</p> <p>…</p>.
  std::string out;
  for (std::size_t i = 0; i < s.size();) {
    if (s.compare(i, 4, "</p>") == 0) {
      out += "\n";
      i += 4;
    } else if (s.compare(i, 3, "<p>") == 0) {
      i += 3;
    } else {
      out += s[i++];
    }
  }
  // One paragraph a line: trim each.
  std::string result, line;
  for (std::size_t i = 0; i <= out.size(); ++i) {
    if (i == out.size() || out[i] == '\n') {
      std::string t(trim(line));
      if (!t.empty()) result += (result.empty() ? "" : "\n") + t;
      line.clear();
    } else {
      line += out[i];
    }
  }
  return result;
}

struct Interpreter {
  explicit Interpreter(std::vector<Diagnostic>& d) : diagnostics(d) {}
  std::vector<Diagnostic>& diagnostics;
  Import out;
  const SourceRow* row = nullptr;

  enum class Zone { front, budget, table } zone = Zone::front;

  // Budget state.
  bool budget_two_columns = false;
  std::optional<std::size_t> top_col;
  std::optional<std::size_t> subtotal_col;               // the open 小计 figure's name column
  std::optional<std::size_t> open_subtotal, open_group;  // indices into out.budget
  int groups = 0;
  // A self-evaluation's funds block (全年执行数 in its header): columns by name.
  bool funds_block = false;
  std::optional<std::size_t> funds_year, funds_executed, funds_weight, funds_score;
  std::size_t funds_values_from = 1;  // the first column with a header: names stand before it

  // Table state.
  std::vector<Role> header;
  std::string header_key;
  std::size_t table_first_indicator = 0;
  std::array<std::string, 3> current;               // 一级, 二级, 重点工作
  std::array<std::vector<std::size_t>, 3> pending;  // indicators waiting for a label below

  void record(RowUse use, std::string reason = "") {
    out.rows.push_back({row->line, row->sheet, use, std::move(reason)});
  }
  void repair(std::string text) { out.repairs.push_back({row->line, row->sheet, std::move(text)}); }
  void assume(std::string text, unsigned line) {
    out.assumptions.push_back({line, row ? row->sheet : "", std::move(text)});
  }
  void warn(Code code, std::string message) {
    diagnostics.push_back(
        make_diagnostic(code, row->file, row->line, 1, std::move(message), row->text));
  }

  // A NUL byte in a cell (never in a real table; a damaged file): the row is
  // skipped with a located warning, so no output file carries the byte.
  bool nul_in_cell(const SourceRow& r) {
    auto at = r.text.find('\0');
    if (at == std::string::npos) {
      for (const std::string& c : r.cells)
        if (c.find('\0') != std::string::npos) at = 0;
      if (at == std::string::npos) return false;
    }
    std::string shown = r.text;
    std::replace(shown.begin(), shown.end(), '\0', ' ');
    diagnostics.push_back(make_diagnostic(
        Code::import_nul_in_cell, r.file, r.line, count_chars(r.text, at) + 1,
        "a NUL byte in a cell: the row is skipped (a damaged file? the byte is in no output)",
        shown));
    record(RowUse::skipped, "a NUL byte in a cell");
    return true;
  }

  // Trimmed cells without the empty cells at the end.
  static std::vector<std::string> cells_of(const SourceRow& r) {
    std::vector<std::string> cells;
    for (const std::string& c : r.cells) cells.emplace_back(trim(c));
    while (!cells.empty() && cells.back().empty()) cells.pop_back();
    return cells;
  }

  std::string joined(const std::string& cell, const char* what) {
    std::string j = join_wrapped(cell);
    if (j != cell)
      repair(std::string("joined a ") + what + " wrapped across lines: '" + cell + "' → '" + j +
             "'");
    return j;
  }

  void run(const std::vector<SourceRow>& rows) {
    for (const SourceRow& r : rows) {
      row = &r;
      if (!r.refused.empty()) {
        diagnostics.push_back(make_diagnostic(Code::import_row_too_long, r.file, r.line, 1,
                                              r.refused + "; the row is skipped"));
        record(RowUse::skipped, r.refused);
        continue;
      }
      if (nul_in_cell(r)) continue;
      step(cells_of(r));
    }
    end_table();
    if (out.budget_unit.empty() && !out.budget.empty()) {
      out.budget_unit = "万元";
      assume("the budget block states no unit: 万元 assumed", 0);
    }
  }

  bool is_header(const std::vector<std::string>& cells) const {
    bool name = false, target = false;
    for (const std::string& c : cells) {
      Role role = role_of(c);
      name = name || role == Role::name;
      target = target || role == Role::half || role == Role::year || role == Role::value;
    }
    return name && target;
  }

  void step(const std::vector<std::string>& cells) {
    if (cells.empty()) return record(RowUse::blank);
    if (is_header(cells)) return table_header(cells);
    if (zone == Zone::table) return table_row(cells);
    if (is_separator(cells)) return record(RowUse::skipped, "a separator line, no cells");
    if (text_row(cells)) return;
    std::vector<std::string> non_empty;
    for (const std::string& c : cells)
      if (!c.empty()) non_empty.push_back(c);
    if (squeeze(non_empty[0]) == "单位名称" && non_empty.size() == 2) {
      out.unit_name = join_wrapped(non_empty[1]);
      return record(RowUse::metadata);
    }
    bool budget_header = false;
    for (const std::string& c : non_empty) {
      std::string s = squeeze(c);
      if (s == "全年预算数" || s == "半年计划执行" || s == "预算数" || s == "全年执行数")
        budget_header = true;
    }
    if (budget_header) {
      zone = Zone::budget;
      budget_two_columns = false;
      funds_block = false;
      for (const std::string& c : non_empty) {
        if (squeeze(c) == "半年计划执行") budget_two_columns = true;
        if (squeeze(c) == "全年执行数" || squeeze(c) == "执行数") funds_block = true;
      }
      top_col.reset();
      close_subtotal();
      open_group.reset();
      if (funds_block) funds_header(cells);
      return record(RowUse::header);
    }
    if (zone == Zone::budget && funds_block && funds_row(cells)) return;
    if (zone != Zone::budget && funds_total_without_header(cells)) {
      zone = Zone::budget;
      budget_two_columns = funds_block = false;
      top_col.reset();
      close_subtotal();
      open_group.reset();
    }
    if (zone == Zone::budget && !funds_block && budget_row(cells)) return;
    if (non_empty.size() == 1) {
      std::string s = squeeze(non_empty[0]);
      if (s.size() >= 4 && s.size() <= 10 && std::all_of(s.begin(), s.begin() + 4, ::isdigit) &&
          s.find("年") == 4 && out.year.empty()) {
        out.year = s.substr(0, 4);
        return record(RowUse::metadata);
      }
      if (out.title.empty() && s.size() >= 3 && s.compare(s.size() - 3, 3, "表") == 0) {
        out.title = s;
        return record(RowUse::metadata);
      }
    }
    record(RowUse::skipped, "not a title, figure, header, text or indicator row");
  }

  // A free-text section: a long cell (or an HTML paragraph) after its title.
  bool text_row(const std::vector<std::string>& cells) {
    for (std::size_t i = 0; i < cells.size(); ++i) {
      const std::string& c = cells[i];
      if (c.rfind("<p>", 0) != 0 && count_chars(c, c.size()) < 80) continue;
      std::string title;
      for (std::size_t k = 0; k < i; ++k)
        if (!cells[k].empty()) title = join_wrapped(cells[k]);
      if (title.empty()) title = "文本";
      out.texts.push_back({title, plain_text(c), row->line});
      for (std::size_t k = i + 1; k < cells.size(); ++k)
        if (!cells[k].empty())
          warn(Code::import_text_after_section, "text after the section '" + title +
                                                    "' is kept only in the source: '" +
                                                    clip_to_width(cells[k], 40) + "'");
      record(RowUse::text);
      return true;
    }
    return false;
  }

  // ---- budget ------------------------------------------------------------

  // A self-evaluation's funds block: 项目资金（万元） | 年初预算数 | 全年预算数 |
  // 全年执行数 | 分值 | 执行率 | 得分. 全年预算数 is the budget figure; the total
  // line's 全年执行数, 分值 and 得分 are the published 预算执行率.
  void funds_header(const std::vector<std::string>& cells) {
    funds_year.reset(), funds_executed.reset(), funds_weight.reset(), funds_score.reset();
    funds_values_from = cells.size();
    for (std::size_t i = 0; i < cells.size(); ++i) {
      std::string s = squeeze(cells[i]);
      if (s.empty()) continue;
      if (i > 0) funds_values_from = std::min(funds_values_from, i);
      if (s == "全年预算数" || s == "预算数")
        funds_year = i;
      else if (s == "全年执行数" || s == "执行数")
        funds_executed = i;
      else if (s == "分值")
        funds_weight = i;
      else if (s == "得分")
        funds_score = i;
      else if (s == "年初预算数")
        assume(
            "the column 年初预算数 is not imported: a budget block holds the 全年 figure "
            "(全年预算数)",
            row->line);
      else if (s == "执行率")
        assume(
            "the column 执行率 is not imported: indicheck computes 预算执行率 as 全年执行数 / "
            "全年预算数",
            row->line);
      else if (i == 0 && !unit_in_label(cells[i]).empty() && out.budget_unit.empty()) {
        out.budget_unit = unit_in_label(cells[i]);
        assume("the unit " + out.budget_unit + " in the label '" + join_wrapped(cells[i]) +
                   "' applies to every figure of the funds block",
               row->line);
      } else if (i > 0)
        assume("the column '" + join_wrapped(cells[i]) + "' is not one indicheck imports; ignored",
               row->line);
    }
  }

  // "其中：财政拨款" → "财政拨款" (a repair): the name a rule file can use.
  std::string without_of_which(std::string name) {
    for (const char* of : {"其中：", "其中:"})
      if (name.starts_with(of) && name.size() > std::string(of).size()) {
        repair("'" + name + "': the words 其中 (of which) dropped from the figure's name");
        name = name.substr(std::string(of).size());
      }
    return name;
  }

  // A project table's funds block has no header row: 项目资金（万元） | 年度资金总额 |
  // 100, then 其中：财政拨款 | 80 and so on. The 年度资金总额 (资金总额) row with one
  // figure after it opens a one-column (全年) budget block.
  bool funds_total_without_header(const std::vector<std::string>& cells) const {
    for (std::size_t i = 0; i + 1 < cells.size(); ++i) {
      std::string s = squeeze(cells[i]);
      if (s != "年度资金总额" && s != "资金总额") continue;
      std::size_t numbers = 0;
      for (std::size_t k = i + 1; k < cells.size(); ++k)
        if (Number::parse_decimal(squeeze(cells[k]))) ++numbers;
      return numbers == 1;
    }
    return false;
  }

  bool funds_row(const std::vector<std::string>& cells) {
    auto value = [&](const std::optional<std::size_t>& col) {
      std::string v = col && *col < cells.size() ? squeeze(cells[*col]) : "";
      return v == "-" || v == "—" || v == "－" || v == "/" ? std::string() : v;
    };
    struct Column {
      const char* name;
      std::optional<std::size_t> col;
      std::string value;
    };
    std::array<Column, 4> columns = {Column{"全年预算数", funds_year, value(funds_year)},
                                     Column{"全年执行数", funds_executed, value(funds_executed)},
                                     Column{"分值", funds_weight, value(funds_weight)},
                                     Column{"得分", funds_score, value(funds_score)}};
    bool any_number = false;
    std::size_t first_col = std::min(cells.size(), funds_values_from);
    for (const Column& c : columns)
      if (!c.value.empty() && Number::parse_decimal(c.value)) any_number = true;
    if (!any_number) return false;  // not a figure row: the caller accounts for it
    for (Column& c : columns)
      if (!c.value.empty() && !Number::parse_decimal(c.value)) {
        warn(Code::import_figure_not_number,
             "'" + c.value + "' in the " + c.name + " column is not a figure: left out");
        c.value.clear();
      }
    std::optional<std::size_t> name_col;
    for (std::size_t i = 0; i < first_col && i < cells.size(); ++i)
      if (!squeeze(cells[i]).empty()) name_col = i;
    if (!name_col) {
      record(RowUse::skipped, "figures with no name");
      return true;
    }
    std::string name = joined(cells[*name_col], "name");
    name = without_of_which(name);
    const std::string &year = columns[0].value, &executed = columns[1].value;
    if (year.empty()) {
      record(RowUse::skipped, "a funds line with no 全年预算数");
      return true;
    }
    BudgetFigure f;
    f.name = name;
    f.year = year;
    f.line = row->line;
    out.budget.push_back(std::move(f));
    if (!out.funds && !executed.empty()) {
      out.funds = Import::Funds{year, executed, columns[2].value, columns[3].value, row->line};
    } else {
      std::string dropped;
      for (std::size_t k = 1; k < columns.size(); ++k)
        if (!columns[k].value.empty())
          dropped +=
              (dropped.empty() ? "" : ", ") + std::string(columns[k].name) + " " + columns[k].value;
      if (!dropped.empty())
        assume("the " + dropped + " of '" + name + "': not imported; only the total line" +
                   (out.funds ? " (line " + std::to_string(out.funds->line) + ")" : "") +
                   " gives 预算执行率",
               row->line);
    }
    record(RowUse::budget);
    return true;
  }

  void close_subtotal() {
    open_subtotal.reset();
    subtotal_col.reset();
  }

  bool budget_row(const std::vector<std::string>& cells) {
    std::vector<std::size_t> numbers;
    for (std::size_t i = 0; i < cells.size(); ++i)
      if (Number::parse_decimal(squeeze(cells[i]))) numbers.push_back(i);
    if (numbers.empty()) return false;
    std::optional<std::size_t> name_col;
    bool subtotal = false;
    std::string unit, label_with_unit;
    for (std::size_t i = 0; i < numbers.front(); ++i) {
      std::string s = squeeze(cells[i]);
      if (s.empty()) continue;
      if (s == "小计" || s == "合计") {
        subtotal = true;
        continue;
      }
      if (name_col) {
        std::string u = unit_in_label(cells[*name_col]);
        if (!u.empty()) {
          unit = u;
          label_with_unit = join_wrapped(cells[*name_col]);
        }
      }
      name_col = i;
    }
    if (!name_col) {
      record(RowUse::skipped, "figures with no name");
      return true;
    }
    BudgetFigure f;
    f.name = without_of_which(joined(cells[*name_col], "name"));
    f.line = row->line;
    if (!unit.empty() && out.budget_unit.empty()) {
      out.budget_unit = unit;
      assume("the unit " + unit + " in the label '" + label_with_unit +
                 "' applies to every figure of the budget block, those above it too (a merged "
                 "label, printed once)",
             row->line);
    }
    if (budget_two_columns) {
      if (numbers.size() != 2) {
        record(RowUse::skipped, std::to_string(numbers.size()) +
                                    " figures where the block has two columns (半年, 全年)");
        return true;
      }
      f.half = squeeze(cells[numbers[0]]);
      f.year = squeeze(cells[numbers[1]]);
    } else {
      if (numbers.size() != 1) {
        record(RowUse::skipped,
               std::to_string(numbers.size()) + " figures where the block has one column (全年)");
        return true;
      }
      f.year = squeeze(cells[numbers[0]]);
    }
    if (!budget_two_columns && numbers.size() == 1) {
      // 收入 rows: only the year figure exists (the header prints 全年预算数).
    }
    std::size_t col = *name_col;
    if (open_subtotal && subtotal_col && col > *subtotal_col) {
      out.budget[*open_subtotal].members.push_back(std::move(f));
    } else {
      close_subtotal();
      if (!top_col) top_col = col;
      if (col > *top_col) {
        if (!open_group) {
          BudgetFigure g;
          g.name = groups == 0 ? "项目明细" : "项目明细" + std::to_string(groups + 1);
          g.is_group = true;
          g.line = row->line;
          ++groups;
          out.budget.push_back(std::move(g));
          open_group = out.budget.size() - 1;
          assume("the item rows from line " + std::to_string(row->line) +
                     " have no stated total: written as the group " + out.budget[*open_group].name,
                 row->line);
        }
        out.budget[*open_group].members.push_back(std::move(f));
      } else {
        open_group.reset();
        out.budget.push_back(std::move(f));
        if (subtotal) {
          open_subtotal = out.budget.size() - 1;
          subtotal_col = col;
        }
      }
    }
    record(RowUse::budget);
    return true;
  }

  // ---- indicator tables --------------------------------------------------

  void table_header(const std::vector<std::string>& cells) {
    std::vector<Role> roles;
    std::string key;
    for (const std::string& c : cells) {
      roles.push_back(role_of(c));
      key += squeeze(c) + "\t";
    }
    record(RowUse::header);
    if (zone == Zone::table && key == header_key) return;  // repeated after a page break
    end_table();
    zone = Zone::table;
    header = roles;
    header_key = key;
    table_first_indicator = out.indicators.size();
    for (std::size_t i = 0; i < cells.size(); ++i) {
      if (roles[i] == Role::none && !cells[i].empty())
        assume("the column '" + join_wrapped(cells[i]) + "' is not one indicheck imports; ignored",
               row->line);
      if (roles[i] == Role::half) out.has_half = true;
      if (roles[i] == Role::year || roles[i] == Role::value) out.has_year = true;
      if (roles[i] == Role::actual) out.has_self_evaluation = true;
    }
  }

  std::optional<std::size_t> column(Role r) const {
    for (std::size_t i = 0; i < header.size(); ++i)
      if (header[i] == r) return i;
    return std::nullopt;
  }

  void end_table() {
    static const char* level_names[] = {"一级指标", "二级指标", "重点工作"};
    for (int k = 0; k < 3; ++k) {
      for (std::size_t idx : pending[k]) {
        const ImportedIndicator& ind = out.indicators[idx];
        if (k < 2)
          diagnostics.push_back(make_diagnostic(
              Code::import_level_missing, ind.row.file, ind.row.line, 1,
              std::string("no ") + level_names[k] + " in its merged block: left empty",
              ind.row.text));
      }
      pending[k].clear();
      current[k].clear();
    }
    // A category row whose category has indicators after all was only a label.
    for (std::size_t i = table_first_indicator; i < out.indicators.size(); ++i) {
      ImportedIndicator& c = out.indicators[i];
      if (!c.name.empty()) continue;
      for (std::size_t j = table_first_indicator; j < out.indicators.size(); ++j) {
        const ImportedIndicator& d = out.indicators[j];
        if (d.name.empty() || d.level1 != c.level1 || (!c.level2.empty() && d.level2 != c.level2) ||
            (!c.key_work.empty() && d.key_work != c.key_work))
          continue;
        c.name = "\x01";  // marked for removal
        break;
      }
    }
    auto first = out.indicators.begin() + long(table_first_indicator);
    out.indicators.erase(
        std::remove_if(first, out.indicators.end(),
                       [](const ImportedIndicator& i) { return i.name == "\x01"; }),
        out.indicators.end());
    table_first_indicator = out.indicators.size();
  }

  // The 总分 (合计) row of a self-evaluation: its published total 得分.
  bool total_row(const std::vector<std::string>& cells) {
    std::string first;
    for (const std::string& c : cells)
      if (!squeeze(c).empty()) {
        first = squeeze(c);
        break;
      }
    if (first == "自评等级") {
      // The published grade (优 良 中 差), in any cell after the label.
      for (const std::string& c : cells) {
        std::string g = squeeze(c);
        if (g == "优" || g == "良" || g == "中" || g == "差") {
          out.grade = g;
          out.grade_line = row->line;
          record(RowUse::metadata);
          return true;
        }
      }
      return false;
    }
    if (first != "总分" && first != "合计" && first != "总计") return false;
    auto score_col = column(Role::score);
    std::string score = score_col && *score_col < cells.size() ? squeeze(cells[*score_col]) : "";
    if (score.empty() || score == first) return false;
    if (!Number::parse_decimal(score)) {
      warn(Code::import_total_not_number,
           "the published " + first + " '" + score + "' is not a figure: not imported");
      record(RowUse::skipped, "a " + first + " row whose 得分 is not a figure");
      return true;
    }
    out.total_score = score;
    out.total_line = row->line;
    record(RowUse::metadata);
    return true;
  }

  void table_row(std::vector<std::string> cells) {
    if (total_row(cells)) return;
    auto name_col = column(Role::name);
    std::size_t width = header.size();
    std::vector<std::size_t> target_cols;
    for (std::size_t i = 0; i < width; ++i)
      if (header[i] == Role::half || header[i] == Role::year || header[i] == Role::value)
        target_cols.push_back(i);
    // A page break can add an empty column before the indicator.
    if (cells.size() > width) {
      std::size_t dropped = 0;
      while (cells.size() > width) {
        std::size_t region = cells.size() - (width - *name_col);
        std::size_t k = region;
        while (k > 0 && !cells[k - 1].empty()) --k;
        if (k == 0) break;
        cells.erase(cells.begin() + long(k - 1));
        ++dropped;
      }
      if (cells.size() > width) {
        record(RowUse::skipped, std::to_string(cells.size()) + " cells where the header has " +
                                    std::to_string(width) + " columns");
        warn(Code::import_row_too_wide,
             "more cells than the header has columns: the row is not imported");
        return;
      }
      repair("dropped " + std::string(dropped == 1 ? "an empty cell" : "empty cells") +
             " before the indicator that the page layout added");
    }
    std::vector<std::string> vals(width);
    bool recovered = false;
    for (std::size_t i = 1; i < cells.size() && i <= *name_col; ++i) {
      if (!looks_like_target(cells[i]) || cells[i - 1].empty()) continue;
      // The row lost its leading cells: the indicator is the cell before the
      // first target, the targets follow it, the categories are those above.
      vals[*name_col] = cells[i - 1];
      std::size_t t = 0;
      std::string placed;
      for (std::size_t k = i; k < cells.size(); ++k) {
        if (cells[k].empty()) continue;
        if (t >= target_cols.size()) break;
        vals[target_cols[t]] = cells[k];
        placed += " " + cells[k];
        ++t;
      }
      recovered = true;
      repair("recovered a row whose leading cells were lost in extraction: '" +
             join_wrapped(cells[i - 1]) + "' takes the categories above it, targets" + placed);
      break;
    }
    if (!recovered)
      for (std::size_t i = 0; i < cells.size(); ++i) vals[i] = cells[i];

    std::array<std::optional<std::size_t>, 3> level_cols = {
        column(Role::level1), column(Role::level2), column(Role::key_work)};
    std::array<std::string, 3> labels;
    static const char* what[] = {"一级指标", "二级指标", "重点工作"};
    for (int k = 0; k < 3; ++k)
      if (level_cols[k]) labels[k] = joined(vals[*level_cols[k]], what[k]);
    // A known 二级指标 in the 一级 column, under its own 一级: moved.
    if (level_cols[1] && !labels[0].empty() && labels[1].empty()) {
      auto it = level2_parent().find(labels[0]);
      if (it != level2_parent().end() && it->second == current[0]) {
        repair("'" + labels[0] + "' stands in the 一级指标 column but is a 二级指标 of " +
               current[0] + ": moved to 二级指标");
        labels[1] = labels[0];
        labels[0].clear();
      }
    }

    ImportedIndicator ind;
    ind.row = *row;
    ind.name = name_col ? joined(vals[*name_col], "indicator name") : "";
    auto get = [&](Role r) {
      auto c = column(r);
      return c ? std::string(trim(vals[*c])) : std::string();
    };
    std::string comparator = get(Role::comparator), unit = get(Role::unit);
    auto combine = [&](std::string value) {
      if (value.empty()) return value;
      std::string written = value;
      if (!comparator.empty() && comparator != "定性" && comparator != "定量")
        value = comparator_symbol(squeeze(comparator)) + value;
      if (!unit.empty() && comparator != "定性" && !value.ends_with(unit)) value += unit;
      if (unit.empty() && is_bare_number(without_comparator(written))) {
        std::string u = unit_in_name(ind.name);
        if (!u.empty()) {
          value += u;
          assume("the value " + written + " of " + ind.name + " takes the unit " + u +
                     " from the indicator's name",
                 row->line);
        }
      }
      return value;
    };
    ind.half_target = combine(get(Role::half));
    ind.year_target = combine(!get(Role::year).empty() ? get(Role::year) : get(Role::value));
    ind.actual = get(Role::actual);
    ind.weight = get(Role::weight);
    ind.score = get(Role::score);
    ind.reason = get(Role::reason);
    for (std::string* t : {&ind.half_target, &ind.year_target})
      if (t->find('\n') != std::string::npos) {
        std::replace(t->begin(), t->end(), '\n', ' ');
        repair("a line break inside the target '" + *t + "' written as a space");
      }

    bool has_target = !ind.half_target.empty() || !ind.year_target.empty();
    bool new_label = !labels[0].empty() || !labels[1].empty() || !labels[2].empty();
    if (ind.name.empty() && has_target) {
      record(RowUse::skipped, "a target with no indicator name");
      warn(Code::import_target_without_name,
           "a target with no indicator name: the row is not imported");
      return;
    }
    if (ind.name.empty() && !new_label) {
      record(RowUse::skipped, "no indicator, target or category");
      return;
    }
    std::size_t index = out.indicators.size();
    out.indicators.push_back(std::move(ind));
    ImportedIndicator& placed = out.indicators.back();
    std::array<std::string*, 3> slots = {&placed.level1, &placed.level2, &placed.key_work};
    for (int k = 0; k < 3; ++k) {
      if (!level_cols[k]) continue;
      const std::string& label = labels[k];
      if (label.empty()) {
        if (!current[k].empty())
          *slots[k] = current[k];
        else
          pending[k].push_back(index);
        continue;
      }
      if (current[k].empty()) {
        if (!pending[k].empty()) {
          unsigned first = out.indicators[pending[k].front()].row.line;
          unsigned last = out.indicators[pending[k].back()].row.line;
          repair("the label '" + clip_to_width(label, 40) +
                 "', printed in the middle of its merged cells, also applies to lines " +
                 std::to_string(first) + "–" + std::to_string(last) + " above it");
          for (std::size_t p : pending[k]) {
            std::array<std::string*, 3> ps = {&out.indicators[p].level1, &out.indicators[p].level2,
                                              &out.indicators[p].key_work};
            *ps[k] = label;
          }
          pending[k].clear();
        }
      } else if (label != current[k]) {
        for (int d = k + 1; d < 3; ++d) {
          current[d].clear();
          pending[d].clear();
        }
      }
      current[k] = label;
      *slots[k] = label;
    }
    record(placed.name.empty() ? RowUse::category : RowUse::indicator);
  }
};

}  // namespace

std::optional<Import> interpret(std::vector<SourceRow> rows, std::vector<Diagnostic>& diagnostics) {
  Interpreter in(diagnostics);
  in.run(rows);
  if (in.out.indicators.empty() && in.out.budget.empty()) {
    std::string file = rows.empty() ? "" : rows.front().file;
    diagnostics.push_back(make_diagnostic(
        Code::import_no_table, file, 1, 1,
        "no indicator table found: expected a header row naming 三级指标 and 半年指标值, "
        "全年指标值 or 指标值"));
    return std::nullopt;
  }
  return std::move(in.out);
}

}  // namespace indicheck
