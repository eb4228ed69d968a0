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
#include "engine/base/message.hpp"
#include "engine/base/number.hpp"
#include "engine/base/unit.hpp"
#include "engine/import/import.hpp"

namespace indicheck {

std::size_t Import::count(RowUse use) const {
  return static_cast<std::size_t>(
      std::count_if(rows.begin(), rows.end(), [&](const RowRecord& r) { return r.use == use; }));
}

namespace {

// Said of more than one kind of column, and of a cell joined from its lines.
constexpr const char* kColumnIgnored = N_("the column '{}' is not one indicheck imports; ignored");

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
bool is_comparison_sign(utf8::CodePoint cp);

bool looks_like_target(const std::string& cell) {
  const std::string s = squeeze(cell);
  if (s.empty()) return false;
  std::size_t i = 0;
  const utf8::CodePoint first = utf8::next(s, i);
  if (is_comparison_sign(first)) return true;
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
  comparator,  // 指标性质: a sign or word (≥, 大于等于), or 定性/定量/正向/反向
  direction,   // 指标方向: 大于等于 / 小于等于 / 等于 (beside 正向/反向)
  unit,
  actual,
  weight,
  score,
  reason,
  forecast,    // 全年预计完成情况 (监控表)
  likelihood,  // 完成目标可能性 (监控表)
  measures,    // 完成目标采取的措施, 相关建议或举措
  note,        // 备注
};

// "分值（分）" → "分值": a header's trailing bracket says its unit, not its role.
std::string without_bracket(const std::string& squeezed) {
  for (const char* open : {"（", "("}) {
    auto at = squeezed.rfind(open);
    if (at != std::string::npos && at > 0 && (squeezed.ends_with(")") || squeezed.ends_with("）")))
      return squeezed.substr(0, at);
  }
  return squeezed;
}

Role role_of(const std::string& header) {
  static const std::map<std::string, Role> roles = {
      {"一级指标", Role::level1},
      {"一级", Role::level1},
      {"二级指标", Role::level2},
      {"二级", Role::level2},
      {"重点工作", Role::key_work},
      {"重点工作任务", Role::key_work},
      {"三级指标", Role::name},
      {"三级", Role::name},
      {"指标名称", Role::name},
      {"半年指标值", Role::half},
      {"半年度指标值", Role::half},
      {"全年指标值", Role::year},
      {"年度指标值", Role::year},
      {"指标值", Role::value},
      {"指标性质", Role::comparator},
      {"指标方向", Role::direction},
      {"度量单位", Role::unit},
      {"计量单位", Role::unit},
      {"实际完成值", Role::actual},
      {"全年实际完成值", Role::actual},
      {"年度实际完成值", Role::actual},
      {"实际值", Role::actual},
      {"完成值", Role::actual},
      {"全年实际值", Role::actual},
      {"1-6月完成值", Role::actual},
      {"1-6月执行情况", Role::actual},
      {"1-6月完成情况", Role::actual},
      {"半年度指标执行情况", Role::actual},
      {"半年指标完成情况", Role::actual},
      {"半年完成值", Role::actual},
      {"分值", Role::weight},
      {"权重", Role::weight},
      {"得分", Role::score},
      {"偏差原因", Role::reason},
      {"偏差原因分析", Role::reason},
      {"偏差原因分析及改进措施", Role::reason},
      {"未完成原因分析", Role::reason},
      {"未完成原因", Role::reason},
      {"原因分析", Role::reason},
      {"全年预计完成情况", Role::forecast},
      {"全年预计完成值", Role::forecast},
      {"预计全年完成情况", Role::forecast},
      {"全年预计", Role::forecast},
      {"完成目标可能性", Role::likelihood},
      {"完成目标采取的措施", Role::measures},
      {"相关建议或举措", Role::measures},
      {"改进措施", Role::measures},
      {"备注", Role::note},
  };
  std::string s = squeeze(header);
  auto it = roles.find(s);
  if (it == roles.end()) it = roles.find(without_bracket(s));
  return it == roles.end() ? Role::none : it->second;
}

// A mid-year 监控表 reports 1-6月 (半年) actuals.
bool is_mid_year_actual(const std::string& header) {
  std::string s = squeeze(header);
  return s.starts_with("1-6月") || s.starts_with("半年");
}

// The parts of a 监控表's 偏差原因分析 split over a second header row.
bool is_reason_part(const std::string& header) {
  static const std::set<std::string> parts = {"经费保障",     "制度保障", "人员保障",
                                              "硬件条件保障", "硬件保障", "其他"};
  return parts.count(squeeze(header)) > 0;
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

const std::map<std::string, std::string>& comparator_words() {
  static const std::map<std::string, std::string> words = {
      {"大于等于", "≥"}, {"不低于", "≥"}, {"不少于", "≥"}, {"高于等于", "≥"}, {"小于等于", "≤"},
      {"不高于", "≤"},   {"不超过", "≤"}, {"不多于", "≤"}, {"低于等于", "≤"}, {"等于", "="},
      {"大于", ">"},     {"高于", ">"},   {"小于", "<"},   {"低于", "<"},
  };
  return words;
}

std::string comparator_symbol(const std::string& written) {
  auto it = comparator_words().find(written);
  return it == comparator_words().end() ? written : it->second;
}

// A comparison sign as tables print it: ≥ ≤ = > < ≠ and their full-width and
// double-line forms (≧ ≦ ＝ ﹦ ═ ＞ ＜), which the target parser reads too.
bool is_comparison_sign(utf8::CodePoint cp) {
  static const std::set<utf8::CodePoint> signs = {'=',    '<',    '>',    0x2265, 0x2264,
                                                  0x2267, 0x2266, 0xFF1D, 0xFF1C, 0xFF1E,
                                                  0xFE66, 0x2550, 0x2260};
  return signs.count(cp) > 0;
}

// "≥", "≧", "≥=" or a word such as 大于等于: a 指标性质 or 指标方向 cell that
// says how the value compares.
bool is_comparator(const std::string& cell) {
  std::string s = squeeze(cell);
  if (comparator_words().count(s)) return true;
  if (s.empty()) return false;
  std::size_t i = 0, signs = 0;
  while (i < s.size())
    if (!is_comparison_sign(utf8::next(s, i)) || ++signs > 2) return false;
  return true;
}

// What a 指标性质 cell may say besides a comparator.
bool is_nature_word(const std::string& cell) {
  std::string s = squeeze(cell);
  return s == "定性" || s == "定量" || s == "正向" || s == "反向" || s == "中性";
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

// Whether a name cell holds a target's value, not a name: a figure and a
// known unit and nothing else (5个, 3亩, 95%), with or without a comparison
// sign before it (≥20户). A name that only starts with a figure or a sign
// (12345热线办结率, 5G基站数量, ≥65岁老年人健康管理率) is a name.
bool is_value_not_name(const std::string& s) {
  std::size_t start = 0;
  if (std::size_t i = 0; is_comparison_sign(utf8::next(s, i))) start = i;
  std::size_t end = start;
  while (end < s.size() && ((s[end] >= '0' && s[end] <= '9') || s[end] == '.' || s[end] == ','))
    ++end;
  if (end == start) return false;
  if (end == s.size()) return start > 0;  // ≥20 (a bare number is is_bare_number's)
  return UnitTable::standard().lookup(s.substr(end)).has_value();
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

  // tasks: a 部门整体 table's 年度主要任务 (任务名称 | 主要内容 | 预算数 | 执行数).
  enum class Zone { front, budget, table, tasks } zone = Zone::front;

  // Budget state.
  bool budget_two_columns = false;
  std::optional<std::size_t> top_col;
  std::optional<std::size_t> subtotal_col;               // the open 小计 figure's name column
  std::optional<std::size_t> open_subtotal, open_group;  // indices into out.budget
  int groups = 0;
  // A self-evaluation's funds block (全年执行数 in its header): columns by name.
  bool funds_block = false;
  std::optional<std::size_t> funds_year, funds_executed, funds_weight, funds_score;
  std::optional<std::size_t> funds_half_executed, funds_forecast;  // a 监控表's
  std::optional<std::size_t> funds_rate;  // 执行率 as printed, compared by check
  std::size_t funds_values_from = 1;      // the first column with a header: names stand before it
  // A 其中 (of which) line: it and the lines after it in the block are the members
  // of the figure above it.
  std::optional<std::size_t> of_which_parent;  // index into out.budget

  // 年度总体目标: the columns of 预期目标 and 实际完成情况 from its header row.
  std::optional<std::size_t> goal_expected_col, goal_actual_col;
  bool goals_header_above = false;  // the previous row was that header
  // 年度主要任务: its columns, and the section its rows go to.
  std::optional<std::size_t> task_name_col, task_content_col, task_budget_col, task_executed_col;
  std::optional<std::size_t> tasks_section;  // index into out.texts

  // Table state.
  std::vector<Role> header;
  std::vector<std::string> header_cells;  // the first header row, squeezed
  std::vector<std::string> header_labels;  // a column's label (经费保障 under 偏差原因分析)
  std::string header_key, continuation_key;
  bool after_header = false;  // the previous row was the table's header
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
        tr("a NUL byte in a cell: the row is skipped (a damaged file? the byte is in no output)"),
        shown));
    record(RowUse::skipped, tr("a NUL byte in a cell"));
    return true;
  }

  // Trimmed cells without the empty cells at the end.
  static std::vector<std::string> cells_of(const SourceRow& r) {
    std::vector<std::string> cells;
    for (const std::string& c : r.cells) cells.emplace_back(trim(c));
    while (!cells.empty() && cells.back().empty()) cells.pop_back();
    return cells;
  }

  // Where the current row's cell `column` stands (-1: the row as a whole).
  SourcePlace here(std::optional<std::size_t> column) const {
    return {row->line, row->sheet, column ? int(*column) : -1};
  }
  // The first cell of `cells` from `from` (up to `to`) with text in it.
  static std::optional<std::size_t> first_filled(const std::vector<std::string>& cells,
                                                 std::size_t from = 0,
                                                 std::size_t to = std::string::npos) {
    for (std::size_t k = from; k < cells.size() && k < to; ++k)
      if (!squeeze(cells[k]).empty()) return k;
    return std::nullopt;
  }

  // `what` names the cell: a column's name (一级指标), "name" or "indicator name".
  std::string joined(const std::string& cell, std::string_view what) {
    std::string j = join_wrapped(cell);
    if (j == cell) return j;
    if (what == "name")
      repair(tr("joined a name wrapped across lines: '{}' → '{}'", cell, j));
    else if (what == "indicator name")
      repair(tr("joined a indicator name wrapped across lines: '{}' → '{}'", cell, j));
    else
      repair(tr("joined a {} wrapped across lines: '{}' → '{}'", what, cell, j));
    return j;
  }

  void run(const std::vector<SourceRow>& rows) {
    for (const SourceRow& r : rows) {
      row = &r;
      if (!r.refused.empty()) {
        diagnostics.push_back(make_diagnostic(Code::import_row_too_long, r.file, r.line, 1,
                                              tr("{}; the row is skipped", r.refused)));
        record(RowUse::skipped, r.refused);
        continue;
      }
      if (nul_in_cell(r)) continue;
      step(cells_of(r));
    }
    end_table();
    if (out.mid_year && !out.has_half) {
      // check at mid-year reads a 半年指标值 column: empty, each indicator is
      // no-target at 半年 and its outlook is judged against 全年指标值.
      out.has_half = true;
      assume(tr("the mid-year table sets no 半年指标值: the column is written empty (check "
                "judges each 1-6月 actual's outlook against the 全年指标值)"),
             0);
    }
    if (out.budget_unit.empty() && !out.budget.empty()) {
      out.budget_unit = "万元";
      assume(tr("the budget block states no unit: 万元 assumed"), 0);
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
    const bool continuing = after_header, goals_above = goals_header_above;
    after_header = goals_header_above = false;
    if (cells.empty()) return record(RowUse::blank);
    if (continuing && header_continuation(cells)) return;
    if (is_header(cells)) return table_header(cells);
    if (goals_row(cells, goals_above)) return;
    if (section_row(cells)) return;
    if (tasks_header(cells)) return;
    if (metadata_row(cells)) return;
    if (zone == Zone::table) return table_row(cells);
    if (is_separator(cells)) return record(RowUse::skipped, tr("a separator line, no cells"));
    if (text_row(cells)) return;
    std::vector<std::string> non_empty;
    for (const std::string& c : cells)
      if (!c.empty()) non_empty.push_back(c);
    // A budget block's header ends 年度主要任务, whose rows also hold 预算数.
    if (zone == Zone::tasks && !budget_header(non_empty) && task_row(cells)) return;
    if (budget_header(non_empty)) {
      zone = Zone::budget;
      budget_two_columns = false;
      funds_block = false;
      for (const std::string& c : non_empty) {
        std::string s = squeeze(c);
        if (s == "半年计划执行") budget_two_columns = true;
        if (is_executed_header(s)) funds_block = true;
      }
      open_block();
      if (funds_block) funds_header(cells);
      return record(RowUse::header);
    }
    if (zone == Zone::budget && funds_block && funds_row(cells)) return;
    if (zone != Zone::budget && funds_total_without_header(cells)) {
      zone = Zone::budget;
      budget_two_columns = funds_block = false;
      open_block();
    }
    if (zone == Zone::budget && !funds_block && budget_row(cells)) return;
    if (non_empty.size() == 1 && title_or_year(squeeze(non_empty[0]), first_filled(cells))) return;
    record(RowUse::skipped, tr("not a title, figure, header, text or indicator row"));
  }

  void open_block() {
    top_col.reset();
    close_subtotal();
    open_group.reset();
    of_which_parent.reset();
  }

  static bool is_executed_header(const std::string& s) {
    return s == "全年执行数" || s == "执行数" || s == "预算执行数" || s == "1-6月执行数" ||
           s == "半年执行数";
  }

  static bool budget_header(const std::vector<std::string>& non_empty) {
    for (const std::string& c : non_empty) {
      std::string s = squeeze(c);
      if (s == "全年预算数" || s == "半年计划执行" || s == "预算数" || s == "调整后预算数" ||
          s == "年初预算数" || is_executed_header(s))
        return true;
    }
    return false;
  }

  // The first four-digit year followed by 年 in `s` ("2024年度", "（2024年度）").
  static std::string year_in(const std::string& s) {
    for (std::size_t at = s.find("年"); at != std::string::npos; at = s.find("年", at + 1))
      if (at >= 4 && std::all_of(s.begin() + long(at - 4), s.begin() + long(at), ::isdigit) &&
          (at == 4 || !std::isdigit(static_cast<unsigned char>(s[at - 5]))))
        return s.substr(at - 4, 4);
    return "";
  }

  // A row of one cell: the year (2024年度, （2024年度）) or the title, a cell
  // naming a 表 (项目支出绩效自评表, 附件2：…自评表（2024年度）), merged across the
  // table or not.
  bool title_or_year(const std::string& s, std::optional<std::size_t> column) {
    std::string bare = s;
    for (const char* open : {"（", "("})
      if (bare.starts_with(open)) bare = bare.substr(std::string(open).size());
    for (const char* close : {"）", ")"})
      if (bare.ends_with(close)) bare.resize(bare.size() - std::string(close).size());
    if (bare.size() >= 7 && bare.size() <= 10 && !year_in(bare).empty() &&
        bare.starts_with(year_in(bare)) && out.year.empty()) {
      out.year = year_in(bare);
      out.year_at = here(column);
      record(RowUse::metadata);
      return true;
    }
    std::string body = without_bracket(s);
    if (!body.ends_with("表")) return false;
    if (!out.title.empty()) {
      record(RowUse::skipped, out.title == s ? tr("the title again") : tr("a second title"));
      return true;
    }
    out.title = s;
    out.title_at = here(column);
    if (out.year.empty() && !year_in(s).empty()) {
      out.year = year_in(s);
      out.year_at = here(column);
    }
    record(RowUse::metadata);
    return true;
  }

  // ---- the head of a table: fields, 年度总体目标, sections, 年度主要任务 ----

  // The first non-empty cell, squeezed, without a trailing colon; its column.
  static std::pair<std::string, std::size_t> label_of(const std::vector<std::string>& cells) {
    for (std::size_t i = 0; i < cells.size(); ++i) {
      std::string s = squeeze(cells[i]);
      if (s.empty()) continue;
      for (const char* colon : {"：", ":"})
        if (s.ends_with(colon)) s.resize(s.size() - std::string(colon).size());
      return {s, i};
    }
    return {"", 0};
  }

  // The cells after column `from`, each joined from its wrapped lines, one a line.
  static std::string text_after(const std::vector<std::string>& cells, std::size_t from,
                                std::size_t to = std::string::npos) {
    std::string text;
    for (std::size_t k = from; k < cells.size() && k < to; ++k) {
      std::string t = plain_text(cells[k]);
      if (!t.empty()) text += (text.empty() ? "" : "\n") + t;
    }
    return text;
  }

  // `column`: the cell the value starts in.
  void add_metadata(const std::string& key, const std::string& value,
                    std::optional<std::size_t> column) {
    for (MetadataItem& m : out.metadata)
      if (m.key == key) {
        m.value += "\n" + value;  // a second line of the same field (目标2)
        return;
      }
    out.metadata.push_back({key, value, here(column)});
  }

  void add_text(const std::string& title, const std::string& text) {
    for (TextSection& t : out.texts)
      if (t.title == title) {
        t.text += (t.text.empty() ? "" : "\n") + text;
        return;
      }
    out.texts.push_back({title, text, row->line});
  }

  // 年度总体目标: a header row (年度总体目标 | 预期目标 | 实际完成情况) and the row of
  // text under it, or the label and its text on one row. The expected goal is
  // written as "# 年度总体目标:", what was achieved as "# 年度总体目标完成情况:",
  // both kept as text sections.
  bool goals_row(const std::vector<std::string>& cells, bool goals_above) {
    auto [label, at] = label_of(cells);
    if (label == "年度总体目标完成情况" || label == "总体目标完成情况") {
      // indicheck's own workbook writes what was achieved on a row of its own.
      std::string done = text_after(cells, at + 1);
      add_metadata("年度总体目标完成情况", done, first_filled(cells, at + 1));
      add_text("年度总体目标完成情况", done);
      record(RowUse::text);
      return true;
    }
    bool labelled = label == "年度总体目标" || label == "总体目标";
    if (!labelled && !goals_above) return false;
    static const std::set<std::string> expected = {"预期目标", "年度目标", "目标", "预期"};
    static const std::set<std::string> achieved = {"实际完成情况", "完成情况",      "实际完成",
                                                   "实际完成值",   "1-6月执行情况", "1-6月完成情况",
                                                   "半年执行情况", "半年完成情况"};
    std::size_t from = labelled ? at + 1 : 0;
    bool header = labelled, any = false;
    for (std::size_t k = from; k < cells.size(); ++k) {
      std::string s = squeeze(cells[k]);
      if (s.empty()) continue;
      any = true;
      header = header && (expected.count(s) || achieved.count(s));
    }
    if (header && any) {
      goal_expected_col.reset(), goal_actual_col.reset();
      for (std::size_t k = from; k < cells.size(); ++k) {
        std::string s = squeeze(cells[k]);
        if (expected.count(s) && !goal_expected_col) goal_expected_col = k;
        if (achieved.count(s) && !goal_actual_col) goal_actual_col = k;
      }
      goals_header_above = true;
      record(RowUse::header);
      return true;
    }
    if (!any) {
      record(RowUse::skipped, tr("年度总体目标 with no text"));
      return true;
    }
    std::size_t split =
        goal_actual_col && *goal_actual_col >= from ? *goal_actual_col : std::string::npos;
    std::string goal = text_after(cells, from, split);
    std::string done = split == std::string::npos ? "" : text_after(cells, split);
    if (!goal.empty()) {
      add_metadata("年度总体目标", goal, first_filled(cells, from, split));
      add_text("年度总体目标", goal);
    }
    if (!done.empty()) {
      add_metadata("年度总体目标完成情况", done, first_filled(cells, split));
      add_text("年度总体目标完成情况", done);
    }
    goals_header_above = goal_actual_col.has_value();  // 目标2 may follow on the next row
    record(RowUse::text);
    return true;
  }

  // A labelled text section: 其他需要说明事项 | 无, 评价结论 | …, 存在问题 | …: text,
  // never a category.
  bool section_row(const std::vector<std::string>& cells) {
    static const std::set<std::string> labels = {"其他需要说明事项",
                                                 "其他需说明事项",
                                                 "其他说明事项",
                                                 "其他需要说明的事项",
                                                 "评价结论",
                                                 "自评结论",
                                                 "存在问题",
                                                 "存在的问题",
                                                 "存在问题及原因",
                                                 "改进措施",
                                                 "整改措施",
                                                 "下一步改进措施",
                                                 "存在问题及改进措施",
                                                 "相关建议或举措",
                                                 "偏差或不能完成目标原因分析",
                                                 "偏差原因及改进措施说明"};
    auto [label, at] = label_of(cells);
    std::string text;
    if (!labels.count(label)) {
      // The label and its text in one cell: "其他需要说明事项：无" (a paragraph
      // under a Word table, a cell of a page).
      const std::string& cell = cells[at];
      std::size_t colon = cell.find("："), width = 3;
      if (colon == std::string::npos) colon = cell.find(':'), width = 1;
      if (colon == std::string::npos) return false;
      label = squeeze(cell.substr(0, colon));
      if (!labels.count(label)) return false;
      text = plain_text(cell.substr(colon + width));
    }
    const std::string after = text_after(cells, at + 1);
    add_text(label, text + (text.empty() || after.empty() ? "" : "\n") + after);
    record(RowUse::text);
    return true;
  }

  // 年度主要任务 | 任务名称 | 主要内容 | 预算数 | 执行数 (部门整体): its rows are the
  // text section 年度主要任务, one task a line, not budget figures.
  bool tasks_header(const std::vector<std::string>& cells) {
    std::optional<std::size_t> name, content, budget, executed;
    for (std::size_t k = 0; k < cells.size(); ++k) {
      std::string s = squeeze(cells[k]);
      if (s == "任务名称" || s == "任务") name = k;
      if (s == "主要内容" || s == "任务内容") content = k;
      if (s == "预算数" || s == "全年预算数") budget = k;
      if (s == "执行数" || s == "全年执行数") executed = k;
    }
    if (!name || !content) return false;
    zone = Zone::tasks;
    task_name_col = name, task_content_col = content;
    task_budget_col = budget, task_executed_col = executed;
    tasks_section.reset();
    record(RowUse::header);
    return true;
  }

  bool task_row(const std::vector<std::string>& cells) {
    auto at = [&](const std::optional<std::size_t>& k) {
      return k && *k < cells.size() ? join_wrapped(cells[*k]) : std::string();
    };
    std::string name = at(task_name_col), content = at(task_content_col);
    if (name.empty() && content.empty()) return false;
    std::string line = name + (content.empty() ? "" : "：" + content);
    std::string figures;
    if (!at(task_budget_col).empty()) figures += "预算数 " + at(task_budget_col);
    if (!at(task_executed_col).empty())
      figures += (figures.empty() ? "" : "，") + std::string("执行数 ") + at(task_executed_col);
    if (!figures.empty()) line += "（" + figures + "）";
    add_text("年度主要任务", line);
    // And into the targets file's head, for the 部门整体 form's 年度主要任务 block:
    // "# 主要任务 食品安全抽检: 完成抽检2000批次 | 150 | 142" (docs/files.md). A
    // name that cannot stand in a key (a colon) or stands twice stays in the text.
    const std::string key = "主要任务 " + name;
    bool fresh = !name.empty() && name.find(':') == std::string::npos;
    for (const MetadataItem& m : out.metadata) fresh = fresh && m.key != key;
    if (fresh)
      out.metadata.push_back({key,
                              content + " | " + at(task_budget_col) + " | " + at(task_executed_col),
                              here(task_name_col)});
    record(RowUse::text);
    return true;
  }

  // Fields of the table's head: 项目名称 | 造林绿化工程, 主管部门 | … | 实施单位 | …,
  // 单位名称 | …, "金额单位：万元"; a field may be one cell "项目名称：…". Every cell of
  // the row must be a field or its value.
  bool metadata_row(const std::vector<std::string>& cells) {
    static const std::map<std::string, std::string> fields = {
        {"项目名称", "项目名称"},
        {"主管部门", "主管部门"},
        {"主管部门及代码", "主管部门"},
        {"实施单位", "实施单位"},
        {"部门名称", "单位"},
        {"单位名称", "单位"},
        {"部门（单位）名称", "单位"},
        {"填报单位", "单位"},
        {"预算单位", "单位"},
        {"金额单位", "金额单位"},
        {"单位", "金额单位"},
        {"项目负责人", ""},
        {"联系人", ""},
        {"联系电话", ""},
        {"填报日期", ""},
        {"填表日期", ""},
        {"填表人", ""},
        {"项目属性", ""},
        {"项目类型", ""},
        {"项目期", ""},
        {"项目编码", ""},
        {"项目代码", ""},
        {"实施期限", ""},
        {"项目实施期", ""},
    };
    // Each token with the cell it was read from.
    std::vector<std::pair<std::string, std::size_t>> tokens;
    for (std::size_t i = 0; i < cells.size(); ++i) {
      std::string t(trim(cells[i]));
      if (t.empty()) continue;
      std::size_t colon = t.find("："), width = 3;
      if (colon == std::string::npos) colon = t.find(':'), width = 1;
      if (colon != std::string::npos && fields.count(squeeze(t.substr(0, colon)))) {
        tokens.emplace_back(squeeze(t.substr(0, colon)), i);
        if (std::string value(trim(t.substr(colon + width))); !value.empty())
          tokens.emplace_back(value, i);
        continue;
      }
      tokens.emplace_back(t, i);
    }
    struct Read {
      std::string label, value;
      std::size_t column;  // the value's cell
    };
    std::vector<Read> read;
    for (std::size_t k = 0; k < tokens.size(); ++k) {
      auto field = fields.find(squeeze(tokens[k].first));
      if (field == fields.end()) return false;
      std::string value;
      std::size_t column = tokens[k].second;
      if (k + 1 < tokens.size() && !fields.count(squeeze(tokens[k + 1].first))) {
        value = tokens[++k].first;
        column = tokens[k].second;
      }
      read.push_back({field->first, join_wrapped(value), column});
    }
    if (read.empty()) return false;
    for (const auto& [label, value, column] : read) {
      const std::string& key = fields.at(label);
      if (value.empty()) continue;
      bool money = UnitTable::standard().lookup(value).has_value();
      if (key == "单位" || (label == "单位" && !money)) {
        out.unit_name = value;
        out.unit_at = here(column);
      } else if (key == "金额单位") {
        if (!money) {
          assume(tr("the field {} '{}' is not a unit of money: not imported", label, value),
                 row->line);
        } else if (out.budget_unit.empty()) {
          out.budget_unit = value;
          out.budget_unit_at = here(column);
          assume(tr("the unit {} of the field {} applies to every figure of the budget block",
                    value, label),
                 row->line);
        }
      } else if (key.empty()) {
        assume(tr("the field {} is not imported", label), row->line);
      } else {
        add_metadata(key, value, column);
      }
    }
    record(RowUse::metadata);
    return true;
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
          warn(Code::import_text_after_section,
               tr("text after the section '{}' is kept only in the source: '{}'", title,
                  clip_to_width(cells[k], 40)));
      record(RowUse::text);
      return true;
    }
    return false;
  }

  // ---- budget ------------------------------------------------------------

  // A self-evaluation's funds block: 项目资金（万元） | 年初预算数 | 全年预算数 |
  // 全年执行数 | 分值 | 执行率 | 得分. 全年预算数 is the budget figure; the total
  // line's 全年执行数, 分值 and 得分 are the published 预算执行率.
  // The same read by name in the Sichuan layout (预算执行情况: 年初预算 | 调整后预算数 |
  // 预算执行数 | 预算执行率 | 权重 | 得分) and a 监控表's (年初预算数 | 1-6月执行数 |
  // 全年预计执行数), whose only budget figure is the 年初预算数.
  void funds_header(const std::vector<std::string>& cells) {
    funds_year.reset(), funds_executed.reset(), funds_weight.reset(), funds_score.reset();
    funds_half_executed.reset(), funds_forecast.reset(), funds_rate.reset();
    std::optional<std::size_t> initial;
    std::map<std::size_t, std::string> notes;  // by column, said in the header's order
    funds_values_from = cells.size();
    for (std::size_t i = 0; i < cells.size(); ++i) {
      std::string s = squeeze(cells[i]);
      if (s.empty()) continue;
      if (i > 0) funds_values_from = std::min(funds_values_from, i);
      if (s == "全年预算数" || s == "预算数" || s == "调整后预算数" || s == "全年预算")
        funds_year = i;
      else if (s == "全年执行数" || s == "执行数" || s == "预算执行数")
        funds_executed = i;
      else if (s == "1-6月执行数" || s == "半年执行数")
        funds_half_executed = i;
      else if (s == "全年预计执行数" || s == "预计全年执行数")
        funds_forecast = i;
      else if (s == "分值" || s == "权重")
        funds_weight = i;
      else if (s == "得分")
        funds_score = i;
      else if (s == "年初预算数" || s == "年初预算")
        initial = i;
      else if (s == "执行率" || s == "预算执行率")
        funds_rate = i;
      else if (i == 0 && !unit_in_label(cells[i]).empty() && out.budget_unit.empty()) {
        out.budget_unit = unit_in_label(cells[i]);
        out.budget_unit_at = here(i);
        notes[i] = tr("the unit {} in the label '{}' applies to every figure of the funds block",
                      out.budget_unit, join_wrapped(cells[i]));
      } else if (i > 0)
        notes[i] = tr(kColumnIgnored, join_wrapped(cells[i]));
    }
    if (initial && !funds_year) {
      funds_year = initial;
      notes[*initial] = tr("the column {} is the budget figure (全年): the block has no 全年预算数",
                           squeeze(cells[*initial]));
    } else if (initial) {
      notes[*initial] =
          tr("the column {} is not imported: a budget block holds the 全年 figure ({})",
             squeeze(cells[*initial]), squeeze(cells[*funds_year]));
    }
    for (auto& [col, text] : notes) assume(std::move(text), row->line);
  }

  // "其中：财政拨款" → "财政拨款" (a repair): the name a rule file can use. The
  // line and those after it in the block are members of the figure above it.
  std::string without_of_which(std::string name, bool* of_which = nullptr) {
    for (const char* of : {"其中：", "其中:"})
      if (name.starts_with(of) && name.size() > std::string(of).size()) {
        repair(tr("'{}': the words 其中 (of which) dropped from the figure's name", name));
        name = name.substr(std::string(of).size());
        if (of_which) *of_which = true;
      }
    return name;
  }

  // A figure of the block: a member of the figure above a 其中 line once one
  // was read, else at the top.
  void add_figure(BudgetFigure f, bool of_which) {
    if (of_which && !of_which_parent && !out.budget.empty() && !out.budget.back().is_group) {
      of_which_parent = out.budget.size() - 1;
      repair(tr("'{}' and the lines after it in the block are members of '{}' (其中, of which)",
                f.name, out.budget.back().name));
    }
    if (of_which_parent)
      out.budget[*of_which_parent].members.push_back(std::move(f));
    else
      out.budget.push_back(std::move(f));
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
      return is_no_figure(v) ? std::string() : v;
    };
    struct Column {
      const char* name;
      std::optional<std::size_t> col;
      std::string value;
    };
    std::array<Column, 6> columns = {
        Column{"全年预算数", funds_year, value(funds_year)},
        Column{"全年执行数", funds_executed, value(funds_executed)},
        Column{"分值", funds_weight, value(funds_weight)},
        Column{"得分", funds_score, value(funds_score)},
        Column{"1-6月执行数", funds_half_executed, value(funds_half_executed)},
        Column{"全年预计执行数", funds_forecast, value(funds_forecast)}};
    bool any_number = false;
    std::size_t first_col = std::min(cells.size(), funds_values_from);
    for (const Column& c : columns)
      if (!c.value.empty() && Number::parse_decimal(c.value)) any_number = true;
    if (!any_number) return false;  // not a figure row: the caller accounts for it
    for (Column& c : columns)
      if (!c.value.empty() && !Number::parse_decimal(c.value)) {
        warn(Code::import_figure_not_number,
             tr("'{}' in the {} column is not a figure: left out", c.value, c.name));
        c.value.clear();
      }
    // 执行率 as printed (97.3%): a percentage, kept as written for check to
    // compare at its places.
    std::string printed_rate = value(funds_rate);
    if (!printed_rate.empty()) {
      std::string figure = printed_rate;
      for (std::string_view percent : {"%", "％"})
        if (figure.ends_with(percent)) figure.resize(figure.size() - percent.size());
      if (figure == printed_rate || !Number::parse_decimal(figure)) {
        warn(Code::import_figure_not_number,
             tr("'{}' in the {} column is not a figure: left out", printed_rate, "执行率"));
        printed_rate.clear();
      }
    }
    std::optional<std::size_t> name_col;
    for (std::size_t i = 0; i < first_col && i < cells.size(); ++i)
      if (!squeeze(cells[i]).empty()) name_col = i;
    // The Sichuan layout prints the block's one line of figures under its
    // header with no name (the label stands merged beside both rows): it is
    // the block's total.
    const bool unnamed_total = !name_col && !out.funds;
    if (!name_col && !unnamed_total) {
      record(RowUse::skipped, tr("figures with no name"));
      return true;
    }
    if (unnamed_total)
      assume(tr("a line of figures with no name, the first of the funds block: named 年度资金总额"),
             row->line);
    bool of_which = false;
    std::string name = unnamed_total
                           ? std::string("年度资金总额")
                           : without_of_which(joined(cells[*name_col], "name"), &of_which);
    const std::string &year = columns[0].value, &executed = columns[1].value,
                      &half = columns[4].value;
    if (year.empty()) {
      record(RowUse::skipped, tr("a funds line with no 全年预算数"));
      return true;
    }
    BudgetFigure f;
    f.name = name;
    f.year = year;
    f.line = row->line;
    add_figure(std::move(f), of_which);
    if (!out.funds && (!executed.empty() || !half.empty())) {
      out.funds = Import::Funds{year,
                                executed,
                                columns[2].value,
                                columns[3].value,
                                half,
                                columns[5].value,
                                printed_rate,
                                row->line,
                                row->sheet,
                                {},
                                {}};
      // Each figure's cell, by the key the actuals file writes it under.
      const char* keys[] = {"全年预算数", "全年执行数",  "执行率分值",
                            "执行率得分", "1-6月执行数", "全年预计执行数"};
      for (std::size_t k = 0; k < columns.size(); ++k)
        if (columns[k].col) out.funds->columns[keys[k]] = int(*columns[k].col);
      if (funds_rate) out.funds->columns["执行率"] = int(*funds_rate);
    } else {
      // A 其中 line of the funds total: its 全年执行数 goes with it into the
      // actuals (# 其中 …), for the form's 其中 rows.
      const bool member = out.funds && of_which_parent &&
                          out.budget[*of_which_parent].line == out.funds->line &&
                          !out.funds->executed.empty() && name.find(':') == std::string::npos;
      if (member) out.funds->members.push_back({name, year, executed, here(columns[0].col)});
      std::string dropped;
      for (std::size_t k = 1; k < columns.size(); ++k)
        if (!columns[k].value.empty() && !(member && k == 1))
          dropped +=
              (dropped.empty() ? "" : ", ") + std::string(columns[k].name) + " " + columns[k].value;
      if (!printed_rate.empty())
        dropped += (dropped.empty() ? "执行率 " : ", 执行率 ") + printed_rate;
      const bool rate = half.empty() && columns[5].value.empty();
      if (!dropped.empty() && out.funds)
        assume(rate ? tr("the {} of '{}': not imported; only the total line (line {}) gives "
                         "预算执行率",
                         dropped, name, out.funds->line)
                    : tr("the {} of '{}': not imported; only the total line (line {}) gives the "
                         "funds' progress",
                         dropped, name, out.funds->line),
               row->line);
      else if (!dropped.empty())
        assume(rate ? tr("the {} of '{}': not imported; only the total line gives 预算执行率",
                         dropped, name)
                    : tr("the {} of '{}': not imported; only the total line gives the funds' "
                         "progress",
                         dropped, name),
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
    std::size_t unit_col = 0;
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
          unit_col = *name_col;
          label_with_unit = join_wrapped(cells[*name_col]);
        }
      }
      name_col = i;
    }
    if (!name_col) {
      record(RowUse::skipped, tr("figures with no name"));
      return true;
    }
    BudgetFigure f;
    bool of_which = false;
    f.name = without_of_which(joined(cells[*name_col], "name"), &of_which);
    f.line = row->line;
    if (!unit.empty() && out.budget_unit.empty()) {
      out.budget_unit = unit;
      out.budget_unit_at = here(unit_col);
      assume(tr("the unit {} in the label '{}' applies to every figure of the budget block, "
                "those above it too (a merged label, printed once)",
                unit, label_with_unit),
             row->line);
    }
    if (budget_two_columns) {
      if (numbers.size() != 2) {
        record(RowUse::skipped,
               tr("{} figures where the block has two columns (半年, 全年)", numbers.size()));
        return true;
      }
      f.half = squeeze(cells[numbers[0]]);
      f.year = squeeze(cells[numbers[1]]);
    } else {
      if (numbers.size() != 1) {
        record(RowUse::skipped,
               tr("{} figures where the block has one column (全年)", numbers.size()));
        return true;
      }
      f.year = squeeze(cells[numbers[0]]);
    }
    std::size_t col = *name_col;
    if ((of_which || of_which_parent) && !open_subtotal && !open_group) {
      add_figure(std::move(f), true);
    } else if (open_subtotal && subtotal_col && col > *subtotal_col) {
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
          assume(tr("the item rows from line {} have no stated total: written as the group {}",
                    row->line, out.budget[*open_group].name),
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
    std::string key;
    for (const std::string& c : cells) key += squeeze(c) + "\t";
    record(RowUse::header);
    after_header = true;
    if (zone == Zone::table && key == header_key) return;  // repeated after a page break
    end_table();
    zone = Zone::table;
    header.clear(), header_cells.clear(), header_labels.clear();
    for (const std::string& c : cells) {
      header.push_back(role_of(c));
      header_cells.push_back(squeeze(c));
      header_labels.push_back(join_wrapped(c));
    }
    header_key = key;
    continuation_key.clear();
    table_first_indicator = out.indicators.size();
    for (std::size_t i = 0; i < cells.size(); ++i)
      if (header[i] == Role::none && !cells[i].empty())
        assume(tr(kColumnIgnored, join_wrapped(cells[i])), row->line);
    note_roles();
  }

  void note_roles() {
    for (std::size_t i = 0; i < header.size(); ++i) {
      if (header[i] == Role::half) out.has_half = true;
      if (header[i] == Role::year || header[i] == Role::value) out.has_year = true;
      if (header[i] == Role::actual) {
        if (!out.has_self_evaluation) out.period_at = here(i);
        out.has_self_evaluation = true;
        if (is_mid_year_actual(header_labels[i])) out.mid_year = true;
      }
    }
  }

  // The header's second row: 指标性质 | 指标值 | 度量单位 under 年度指标值 (merged
  // over them), 经费保障 | 制度保障 | … under 偏差原因分析. Each of its cells names
  // the column it stands in; a CSV writes the merged cell once, so the cells
  // around it are blank. A table copied from a web page has no blanks at all:
  // the row's cells then take the place of the one header cell they divide.
  bool header_continuation(const std::vector<std::string>& cells) {
    auto sub = [](const std::string& c) {
      Role r = role_of(c);
      return r == Role::comparator || r == Role::value || r == Role::unit || r == Role::direction ||
             r == Role::half || r == Role::year;
    };
    bool any_new = false;
    for (std::size_t i = 0; i < cells.size(); ++i) {
      if (cells[i].empty()) continue;
      if (i < header_cells.size() && squeeze(cells[i]) == header_cells[i]) continue;
      if (role_of(cells[i]) == Role::none && !is_reason_part(cells[i])) return false;
      any_new = true;
    }
    if (!any_new) return false;
    std::string key;
    for (const std::string& c : cells) key += squeeze(c) + "\t";
    record(RowUse::header);
    if (key == continuation_key) return true;  // repeated after a page break
    continuation_key = key;
    bool pasted = !cells[0].empty() && squeeze(cells[0]) != header_cells[0] &&
                  std::all_of(cells.begin(), cells.end(), sub);
    std::vector<std::size_t> spans;
    for (std::size_t i = 0; i < header.size(); ++i)
      if (header[i] == Role::year || header[i] == Role::half || header[i] == Role::value)
        spans.push_back(i);
    if (pasted && !spans.empty() && cells.size() % spans.size() == 0) {
      std::size_t each = cells.size() / spans.size();
      std::string names;
      for (std::size_t k = spans.size(); k-- > 0;) {
        std::size_t at = spans[k];
        std::string parent = header_labels[at];
        std::vector<Role> roles;
        std::vector<std::string> labels, squeezed;
        for (std::size_t j = 0; j < each; ++j) {
          const std::string& c = cells[k * each + j];
          roles.push_back(role_of(c));
          labels.push_back(join_wrapped(c));
          squeezed.push_back(squeeze(c));
        }
        header.erase(header.begin() + long(at));
        header_labels.erase(header_labels.begin() + long(at));
        header_cells.erase(header_cells.begin() + long(at));
        header.insert(header.begin() + long(at), roles.begin(), roles.end());
        header_labels.insert(header_labels.begin() + long(at), labels.begin(), labels.end());
        header_cells.insert(header_cells.begin() + long(at), squeezed.begin(), squeezed.end());
        names = parent + (names.empty() ? "" : ", " + names);
      }
      assume(tr("the header's second row has no cells before its first (a table copied from a "
                "web page): its {} cells divide {}",
                cells.size(), names),
             row->line);
      note_roles();
      return true;
    }
    if (header.size() < cells.size()) {
      header.resize(cells.size(), Role::none);
      header_labels.resize(cells.size());
      header_cells.resize(cells.size());
    }
    for (std::size_t i = 0; i < cells.size(); ++i) {
      if (cells[i].empty() || squeeze(cells[i]) == header_cells[i]) continue;
      if (is_reason_part(cells[i])) {
        // 经费保障 under 偏差原因分析: a part of the reason, named in it.
        header[i] = Role::reason;
        header_labels[i] = join_wrapped(cells[i]);
        continue;
      }
      header[i] = role_of(cells[i]);
      header_labels[i] = join_wrapped(cells[i]);
    }
    note_roles();
    return true;
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
              tr("no {} in its merged block: left empty", level_names[k]), ind.row.text));
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
          out.grade_at = here(std::size_t(&c - cells.data()));
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
           tr("the published {} '{}' is not a figure: not imported", first, score));
      record(RowUse::skipped, tr("a {} row whose 得分 is not a figure", first));
      return true;
    }
    out.total_score = score;
    out.total_at = here(score_col);
    record(RowUse::metadata);
    return true;
  }

  // Why the cells placed in the header's columns cannot be what those columns
  // hold ("" when they can): a comparator or a number as a name, a number as
  // 指标性质, a figure as a unit, text as a 分值.
  std::string misplaced(const std::vector<std::string>& vals) const {
    for (std::size_t i = 0; i < header.size() && i < vals.size(); ++i) {
      std::string v = squeeze(vals[i]);
      if (v.empty()) continue;
      const std::string shown = clip_to_width(v, 30);
      const std::string& column = header_labels[i];
      switch (header[i]) {
        case Role::level1:
        case Role::level2:
        case Role::key_work:
        case Role::name:
          if (is_comparator(v)) return tr("'{}' in the column {} is a comparator", shown, column);
          if (is_bare_number(v)) return tr("'{}' in the column {} is a number", shown, column);
          if (is_value_not_name(v))
            return tr("'{}' in the column {} is a target's value, not a name", shown, column);
          break;
        case Role::comparator:
          if (!is_comparator(v) && !is_nature_word(v))
            return tr("'{}' in the column {} is neither a comparator nor 定性, 定量, 正向 or 反向",
                      shown, column);
          break;
        case Role::direction:
          if (!is_comparator(v))
            return tr("'{}' in the column {} is not a comparator (大于等于, 小于等于, 等于)", shown,
                      column);
          break;
        case Role::unit:
          if (is_comparator(v) || looks_like_target(v))
            return tr("'{}' in the column {} is not a unit", shown, column);
          break;
        case Role::half:
        case Role::year:
        case Role::value:
          if (is_comparator(v))
            return tr("'{}' in the column {} is a comparator with no value", shown, column);
          break;
        case Role::weight:
        case Role::score:
          if (!std::isdigit(static_cast<unsigned char>(v[0])) && !is_no_figure(v))
            return tr("'{}' in the column {} is not a figure", shown, column);
          break;
        default:
          break;
      }
    }
    return "";
  }

  // A 分值 or 得分 cell as the figure it gives: "—" or "/" is none; "10分"
  // is 10 (a repair); anything else that is not an exact decimal is left out
  // with a warning, never written for check to refuse.
  std::string figure_of(const std::string& cell, const char* column) {
    const std::string v = squeeze(cell);
    if (v.empty() || is_no_figure(v)) return "";
    if (Number::parse_decimal(v)) return v;
    if (v.ends_with("分") && Number::parse_decimal(v.substr(0, v.size() - 3))) {
      repair(tr("'{}' in the {} column read as {}", v, column, v.substr(0, v.size() - 3)));
      return v.substr(0, v.size() - 3);
    }
    warn(Code::import_figure_not_number,
         tr("'{}' in the {} column is not a figure: left out", v, column));
    return "";
  }

  static bool is_no_figure(const std::string& v) {
    return v == "-" || v == "—" || v == "－" || v == "/" || v == "／" || v == "——";
  }

  // "产出指标（50分）" → "产出指标": the category's points are a heading, not its name.
  std::string without_points(const std::string& label) {
    std::string bare = without_bracket(label);
    if (bare == label) return label;
    std::string inner = label.substr(bare.size());
    std::string digits = squeeze(inner);
    for (const char* s : {"（", "(", "）", ")", "分"}) {
      for (auto at = digits.find(s); at != std::string::npos; at = digits.find(s))
        digits.erase(at, std::string(s).size());
    }
    if (!Number::parse_decimal(digits) || inner.find("分") == std::string::npos) return label;
    repair(tr("the points {} of the category '{}' left out of its name", inner, label));
    return bare;
  }

  // 偏差原因, or its parts (经费保障, 制度保障, … under 偏差原因分析) each named.
  std::string reason_of(const std::vector<std::string>& vals) const {
    std::vector<std::size_t> cols;
    for (std::size_t i = 0; i < header.size(); ++i)
      if (header[i] == Role::reason) cols.push_back(i);
    if (cols.size() == 1) return std::string(trim(vals[cols[0]]));
    std::string out;
    for (std::size_t i : cols)
      if (std::string v(trim(vals[i])); !v.empty())
        out += (out.empty() ? "" : "；") + header_labels[i] + "：" + v;
    return out;
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
        record(RowUse::skipped,
               tr("{} cells where the header has {} columns", cells.size(), width));
        warn(Code::import_row_too_wide,
             tr("more cells than the header has columns: the row is not imported"));
        return;
      }
      repair(dropped == 1 ? tr("dropped an empty cell before the indicator that the page layout "
                               "added")
                          : tr("dropped empty cells before the indicator that the page layout "
                               "added"));
    }
    // Where the cells go: as the header says, or past a row whose leading
    // cells were lost; checked against what each column holds, and when they
    // cannot be what their columns hold, moved right as far as the row allows
    // (a table copied from a web page leaves merged cells out). A row that
    // fits neither way is refused: no column is taken for another.
    std::vector<std::string> vals(width);
    std::string placement;  // the repair that placed the cells, when any
    for (std::size_t i = 1; i < cells.size() && i <= *name_col; ++i) {
      if (!looks_like_target(cells[i]) || cells[i - 1].empty()) continue;
      // The row lost its leading cells: the indicator is the cell before the
      // first target, the targets follow it, the categories are those above.
      // Only when every cell after it is a target: else the cells are not
      // that row's (a shuffled row), and are checked where they stand.
      std::vector<std::string> recovered(width);
      recovered[*name_col] = cells[i - 1];
      std::size_t t = 0;
      std::string placed;
      bool fits = true;
      for (std::size_t k = i; k < cells.size() && fits; ++k) {
        if (cells[k].empty()) continue;
        fits = t < target_cols.size();
        if (!fits) break;
        recovered[target_cols[t]] = cells[k];
        placed += " " + cells[k];
        ++t;
      }
      if (!fits) break;
      vals = std::move(recovered);
      placement =
          tr("recovered a row whose leading cells were lost in extraction: '{}' takes the "
             "categories above it, targets{}",
             join_wrapped(cells[i - 1]), placed);
      break;
    }
    if (placement.empty())
      for (std::size_t i = 0; i < cells.size(); ++i) vals[i] = cells[i];
    if (std::string why = misplaced(vals); !why.empty()) {
      bool moved = false;
      for (std::size_t shift = 1; !moved && shift + cells.size() <= width; ++shift) {
        std::vector<std::string> shifted(width);
        for (std::size_t i = 0; i < cells.size(); ++i) shifted[i + shift] = cells[i];
        if (shifted[*name_col].empty() || !misplaced(shifted).empty()) continue;
        vals = std::move(shifted);
        moved = true;
        placement =
            tr("the row has {} cells where the header has {} (merged cells left out, as "
               "when a table is copied from a web page): its first cell '{}' read as {}, "
               "the categories from the rows above",
               cells.size(), width, clip_to_width(cells[0], 30), header_labels[shift]);
      }
      if (!moved) {
        record(RowUse::skipped, tr("cells that do not line up with the header: {}", why));
        diagnostics.push_back(make_diagnostic(
            Code::import_row_misaligned, row->file, row->line, 1,
            tr("the cells of this row do not line up with the header: {}; the row is not imported "
               "(is a column missing, or one added?)",
               why),
            row->text));
        return;
      }
    }
    if (!placement.empty()) repair(placement);

    std::array<std::optional<std::size_t>, 3> level_cols = {
        column(Role::level1), column(Role::level2), column(Role::key_work)};
    std::array<std::string, 3> labels;
    static const char* what[] = {"一级指标", "二级指标", "重点工作"};
    for (int k = 0; k < 3; ++k)
      if (level_cols[k]) labels[k] = without_points(joined(vals[*level_cols[k]], what[k]));
    // A known 二级指标 in the 一级 column, under its own 一级: moved.
    if (level_cols[1] && !labels[0].empty() && labels[1].empty()) {
      auto it = level2_parent().find(labels[0]);
      if (it != level2_parent().end() && it->second == current[0]) {
        repair(tr("'{}' stands in the 一级指标 column but is a 二级指标 of {}: moved to 二级指标",
                  labels[0], current[0]));
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
    const std::string nature = squeeze(get(Role::comparator)),
                      direction = squeeze(get(Role::direction)), unit = get(Role::unit);
    const bool qualitative = nature == "定性";
    auto combine = [&](std::string value) {
      if (value.empty()) return value;
      std::string written = value;
      bool signed_already = looks_like_target(value) &&
                            !std::isdigit(static_cast<unsigned char>(squeeze(value).front()));
      bool quantity = std::isdigit(static_cast<unsigned char>(squeeze(value).front()));
      std::string sign;
      if (is_comparator(nature)) {
        sign = comparator_symbol(nature);
      } else if (!qualitative && is_comparator(direction)) {
        sign = comparator_symbol(direction);  // 正向 | 大于等于
      } else if ((nature == "正向" || nature == "反向") && quantity) {
        sign = nature == "正向" ? "≥" : "≤";
        assume(nature == "正向"
                   ? tr("指标性质 {} with no 指标方向: {} assumed for {} (higher is better)",
                        nature, sign, ind.name)
                   : tr("指标性质 {} with no 指标方向: {} assumed for {} (lower is better)", nature,
                        sign, ind.name),
               row->line);
      }
      if (!sign.empty() && !signed_already) value = sign + value;
      if (!unit.empty() && !qualitative && !value.ends_with(unit)) value += unit;
      if (unit.empty() && is_bare_number(without_comparator(written))) {
        std::string u = unit_in_name(ind.name);
        if (!u.empty()) {
          value += u;
          assume(tr("the value {} of {} takes the unit {} from the indicator's name", written,
                    ind.name, u),
                 row->line);
        }
      }
      return value;
    };
    if (nature == "正向" || nature == "反向") ind.nature = nature;
    ind.half_target = combine(get(Role::half));
    ind.year_target = combine(!get(Role::year).empty() ? get(Role::year) : get(Role::value));
    ind.actual = get(Role::actual);
    // "—" or "/" under 分值: no weight given.
    ind.weight = figure_of(get(Role::weight), "分值");
    ind.score = figure_of(get(Role::score), "得分");
    ind.reason = reason_of(vals);
    // The cell of the row each field came from: where it stands in `vals`,
    // else (a row moved or recovered) the cell of the row holding its text,
    // the nearest if several do.
    auto source_column = [&](std::optional<std::size_t> v) {
      if (!v) return -1;
      const std::vector<std::string>& source = row->cells;
      const std::string& text = vals[*v];
      if (placement.empty() && *v < source.size() && source[*v] == text) return int(*v);
      auto distance = [&](std::size_t k) { return k > *v ? k - *v : *v - k; };
      int best = -1;
      for (std::size_t k = 0; k < source.size() && !text.empty(); ++k)
        if (source[k] == text && (best < 0 || distance(k) < distance(std::size_t(best))))
          best = int(k);
      return best;
    };
    auto set_column = [&](ImportField f, std::optional<std::size_t> v) {
      ind.columns[static_cast<std::size_t>(f)] = source_column(v);
    };
    set_column(ImportField::level1, level_cols[0]);
    set_column(ImportField::level2, level_cols[1]);
    set_column(ImportField::key_work, level_cols[2]);
    set_column(ImportField::name, name_col);
    set_column(ImportField::half, column(Role::half));
    set_column(ImportField::year,
               !get(Role::year).empty() ? column(Role::year) : column(Role::value));
    set_column(ImportField::actual, column(Role::actual));
    set_column(ImportField::reason, column(Role::reason));
    set_column(ImportField::weight, column(Role::weight));
    set_column(ImportField::score, column(Role::score));
    for (auto [role, label] : {std::pair{Role::forecast, "全年预计"},
                               {Role::likelihood, "完成目标可能性"},
                               {Role::measures, "措施"},
                               {Role::note, "备注"}})
      if (std::string v = get(role); !v.empty())
        ind.remark += (ind.remark.empty() ? "" : "；") + std::string(label) + "：" + v;
    for (std::string* t : {&ind.half_target, &ind.year_target})
      if (t->find('\n') != std::string::npos) {
        std::replace(t->begin(), t->end(), '\n', ' ');
        repair(tr("a line break inside the target '{}' written as a space", *t));
      }

    bool has_target = !ind.half_target.empty() || !ind.year_target.empty();
    bool new_label = !labels[0].empty() || !labels[1].empty() || !labels[2].empty();
    if (ind.name.empty() && has_target) {
      record(RowUse::skipped, tr("a target with no indicator name"));
      warn(Code::import_target_without_name,
           tr("a target with no indicator name: the row is not imported"));
      return;
    }
    if (ind.name.empty() && !new_label) {
      record(RowUse::skipped, tr("no indicator, target or category"));
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
          repair(
              tr("the label '{}', printed in the middle of its merged cells, also applies to "
                 "lines {}–{} above it",
                 clip_to_width(label, 40), first, last));
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

bool is_published_column(const std::string& header) {
  return role_of(header) != Role::none;
}

std::optional<Import> interpret(std::vector<SourceRow> rows, std::vector<Diagnostic>& diagnostics) {
  Interpreter in(diagnostics);
  // At most one indicator per row: reserved once, the list never doubles, so
  // 100 000 rows need their size and not twice it (docs/import.md's limit).
  in.out.indicators.reserve(rows.size());
  in.run(rows);
  if (in.out.indicators.empty() && in.out.budget.empty()) {
    std::string file = rows.empty() ? "" : rows.front().file;
    diagnostics.push_back(make_diagnostic(
        Code::import_no_table, file, 1, 1,
        tr("no indicator table found: expected a header row naming 三级指标 and 半年指标值, "
           "全年指标值 or 指标值")));
    return std::nullopt;
  }
  return std::move(in.out);
}

}  // namespace indicheck
