// What import writes: the targets TSV (docs/files.md), the budget block of a
// rule file (the syntax of the rule-file parser), an actuals TSV of a
// self-evaluation, the free text, and the summary (docs/import.md).

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>

#include "engine/base/message.hpp"
#include "engine/import/import.hpp"
#include "engine/table/table.hpp"

namespace indicheck {

namespace {

std::string base_name(const std::string& path) {
  return std::filesystem::path(path).filename().string();
}

// A TSV cell holds no tab or line break.
std::string cell(std::string s) {
  for (char& c : s)
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  return s;
}

std::string where(unsigned line, const std::string& sheet) {
  if (line == 0) return "";
  return sheet.empty() ? tr("line {}: ", line) : tr("{} line {}: ", sheet, line);
}

bool bare_name_char(utf8::CodePoint cp, bool first) {
  if ((cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z') || cp == '_') return true;
  if (cp >= '0' && cp <= '9') return !first;
  if (cp == 0x201C || cp == 0x201D || cp == 0x2018 || cp == 0x2019) return true;
  return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
         (cp >= 0x20000 && cp <= 0x2FA1F) || (cp >= 0xF900 && cp <= 0xFAFF);
}

// A figure name as the rule-file syntax wants it: bare, or in 「」.
std::string rule_name(const std::string& name) {
  static const std::set<std::string> keywords = {"预算",   "组",   "半年",    "全年", "引用",
                                                 "目标表", "单位", "量表",    "定义", "上报",
                                                 "核对",   "指标", "新增指标"};
  bool bare = !name.empty() && !keywords.count(name);
  bool first = true;
  for (std::size_t i = 0; bare && i < name.size();) {
    bare = bare_name_char(utf8::next(name, i), first);
    first = false;
  }
  return bare ? name : "「" + name + "」";
}

void write_figures(const std::vector<BudgetFigure>& figures, int depth, std::string& out) {
  unsigned name_w = 0, half_w = 0;
  for (const BudgetFigure& f : figures) {
    if (f.is_group) continue;
    // Very long names (a project's full title) are not padded to.
    if (display_width(rule_name(f.name)) <= 24)
      name_w = std::max(name_w, display_width(rule_name(f.name)));
    half_w = std::max(half_w, display_width(f.half));
  }
  std::string indent(static_cast<std::size_t>(depth) * 2, ' ');
  for (const BudgetFigure& f : figures) {
    if (f.is_group) {
      out += indent + "组 " + rule_name(f.name) + " {\n";
      write_figures(f.members, depth + 1, out);
      out += indent + "}\n";
      continue;
    }
    std::string name = rule_name(f.name);
    std::string line = indent + pad_right(name, std::max(name_w, display_width(name)) + 2);
    if (!f.half.empty()) line += "半年 " + pad_right(f.half, half_w + 2);
    if (!f.year.empty()) line += "全年 " + f.year;
    while (!line.empty() && line.back() == ' ') line.pop_back();
    if (f.members.empty()) {
      out += line + "\n";
    } else {
      out += line + " {\n";
      write_figures(f.members, depth + 1, out);
      out += indent + "}\n";
    }
  }
}

void collect_names(const std::vector<BudgetFigure>& figures, std::map<std::string, unsigned>& seen,
                   const std::string& file, std::vector<Diagnostic>& diagnostics) {
  for (const BudgetFigure& f : figures) {
    if (f.name.find("」") != std::string::npos)
      diagnostics.push_back(make_diagnostic(
          Code::import_figure_name_unquotable, file, f.line, 1,
          tr("the figure name '{}' contains 」, which a rule file cannot quote", f.name)));
    auto [it, fresh] = seen.emplace(f.name, f.line);
    if (!fresh)
      diagnostics.push_back(make_diagnostic(
          Code::import_figure_name_repeated, file, f.line, 1,
          tr("the figure name '{}' is used again (first on line {}); names in a budget block "
             "must be unique",
             f.name, it->second)));
    collect_names(f.members, seen, file, diagnostics);
  }
}

// One line per note; the same note on consecutive lines is given once, as a range.
std::string notes(const std::vector<Note>& list) {
  std::string out;
  for (std::size_t i = 0; i < list.size();) {
    std::size_t j = i + 1;
    while (j < list.size() && list[j].text == list[i].text && list[j].sheet == list[i].sheet &&
           list[j].line == list[j - 1].line + 1)
      ++j;
    if (j - i == 1)
      out += "  " + where(list[i].line, list[i].sheet) + list[i].text + "\n";
    else
      out += "  " +
             (list[i].sheet.empty()
                  ? tr("lines {}–{}: ", list[i].line, list[j - 1].line)
                  : tr("{} lines {}–{}: ", list[i].sheet, list[i].line, list[j - 1].line)) +
             list[i].text + "\n";
    i = j;
  }
  return out;
}

// The table's head as "# key: value" lines, in kHeadingKeys' order; a
// value of several lines (目标1, 目标2) on one.
std::string metadata_lines(const Import& im) {
  std::string out;
  auto line = [&](const MetadataItem& m) {
    std::string value = m.value;
    std::replace(value.begin(), value.end(), '\n', ' ');
    out += "# " + m.key + ": " + cell(value) + "\n";
  };
  for (const char* key : kHeadingKeys)
    for (const MetadataItem& m : im.metadata)
      if (m.key == key) line(m);
  // A 部门整体 table's 年度主要任务, one line a task, in the table's order.
  for (const MetadataItem& m : im.metadata)
    if (m.key.starts_with("主要任务 ")) line(m);
  return out;
}

}  // namespace

std::string write_targets(const Import& im) {
  bool key_work = false, nature = false, weight = false;
  for (const ImportedIndicator& i : im.indicators) {
    key_work = key_work || !i.key_work.empty();
    nature = nature || !i.nature.empty();
    weight = weight || !i.weight.empty();
  }
  // A targets table's 分值 (one published before the year, with no
  // 实际完成值) is the targets file's; a self-evaluation's goes with its
  // actuals (write_actuals), as the published scores it re-checks.
  weight = weight && !im.has_self_evaluation;
  std::string out = "# indicheck targets";
  if (!im.title.empty()) out += ": " + im.title;
  // The comment lines below are for a person opening the file, so they are
  // in the language of the run; the "# key: value" lines are read back.
  out += "\n# " +
         tr("Imported by indicheck import from {} ({}, {}); docs/import.md lists what it repairs "
            "and assumes.",
            base_name(im.source), im.format, im.encoding) +
         "\n";
  if (!im.unit_name.empty()) out += "# 单位: " + im.unit_name + "\n";
  if (!im.year.empty()) out += "# 年度: " + im.year + "\n";
  out += metadata_lines(im);
  out += "一级指标\t二级指标";
  if (key_work) out += "\t重点工作";
  out += "\t三级指标";
  if (nature) out += "\t指标性质";
  // A table with budget figures only still gets a target column: a targets
  // file needs one to be read (docs/files.md); found by fuzz_import.
  const bool year = im.has_year || !im.has_half;
  if (im.has_half) out += "\t半年指标值";
  if (year) out += "\t全年指标值";
  if (weight) out += "\t分值";
  out += "\n";
  for (const ImportedIndicator& i : im.indicators) {
    out += cell(i.level1) + "\t" + cell(i.level2);
    if (key_work) out += "\t" + cell(i.key_work);
    out += "\t" + cell(i.name);
    if (nature) out += "\t" + cell(i.nature);
    if (im.has_half) out += "\t" + cell(i.half_target);
    if (year) out += "\t" + cell(i.year_target);
    if (weight) out += "\t" + cell(i.weight);
    out += "\n";
  }
  return out;
}

std::string write_budget(const Import& im, std::vector<Diagnostic>& diagnostics) {
  std::map<std::string, unsigned> seen;
  collect_names(im.budget, seen, im.source, diagnostics);
  std::string who = im.unit_name.empty() ? im.title : im.unit_name;
  std::string out = "# " + who + (im.year.empty() ? "" : " " + im.year) + " 预算数据 — " +
                    tr("imported by indicheck from {}", base_name(im.source)) + "\n";
  out += "预算 " + im.budget_unit + " {\n";
  write_figures(im.budget, 1, out);
  out += "}\n";
  return out;
}

std::string write_actuals(const Import& im) {
  // The key is the shortest suffix of the path that names one indicator.
  std::vector<std::vector<std::string>> paths;
  for (const ImportedIndicator& i : im.indicators) {
    std::vector<std::string> p = {i.level1, i.level2};
    if (!i.key_work.empty()) p.push_back(i.key_work);
    p.push_back(i.name);
    paths.push_back(p);
  }
  auto suffix = [](const std::vector<std::string>& p, std::size_t n) {
    std::string s;
    for (std::size_t k = p.size() - n; k < p.size(); ++k) s += (s.empty() ? "" : "/") + p[k];
    return s;
  };
  // How many paths end in each suffix of n segments: counted once, so that
  // choosing every key is linear (comparing each path with every other was
  // quadratic: a 100 KB table took 30 s).
  std::map<std::pair<std::size_t, std::string>, std::size_t> ending_in;
  for (const auto& p : paths)
    for (std::size_t n = 1; n <= p.size(); ++n) ++ending_in[{n, suffix(p, n)}];
  std::string out =
      "# " + tr("indicheck actuals: the self-evaluation columns of {}", base_name(im.source)) +
      "\n# 期间: " + (im.mid_year ? "半年" : "全年") + "\n";
  if (!im.unit_name.empty()) out += "# 单位: " + im.unit_name + "\n";
  if (!im.year.empty()) out += "# 年度: " + im.year + "\n";
  // The published figures a re-check compares with (docs/files.md); a
  // 监控表's funds progress is kept as comments, which check does not score.
  if (im.funds && !im.funds->executed.empty()) {
    out += "# 全年预算数: " + im.funds->budget + "\n# 全年执行数: " + im.funds->executed + "\n";
    if (!im.funds->weight.empty()) out += "# 执行率分值: " + im.funds->weight + "\n";
    if (!im.funds->score.empty()) out += "# 执行率得分: " + im.funds->score + "\n";
    if (!im.funds->rate.empty()) out += "# 执行率: " + im.funds->rate + "\n";
    for (const auto& m : im.funds->members)
      out += "# 其中 " + m.name + ": " + m.budget + (m.executed.empty() ? "" : " " + m.executed) +
             "\n";
  }
  if (im.funds && !im.funds->half_executed.empty())
    out += "# 1-6月执行数: " + im.funds->half_executed + "\n";
  if (im.funds && !im.funds->forecast.empty())
    out += "# 全年预计执行数: " + im.funds->forecast + "\n";
  // The unit of those figures (the funds block's label: 项目资金（元）).
  if (im.funds && !im.budget_unit.empty() &&
      (!im.funds->executed.empty() || !im.funds->half_executed.empty() ||
       !im.funds->forecast.empty()))
    out += "# 资金单位: " + im.budget_unit + "\n";
  if (!im.total_score.empty()) out += "# 总分: " + im.total_score + "\n";
  if (!im.grade.empty()) out += "# 自评等级: " + im.grade + "\n";
  // A 监控表's outlook, measures and notes, which no column of an actuals file
  // holds, go to its 备注 (read, not judged).
  bool remarks = false;
  for (const ImportedIndicator& i : im.indicators) remarks = remarks || !i.remark.empty();
  out += std::string("指标\t实际值\t偏差原因\t分值\t得分") + (remarks ? "\t备注" : "") + "\n";
  for (std::size_t k = 0; k < im.indicators.size(); ++k) {
    const ImportedIndicator& i = im.indicators[k];
    if (i.name.empty()) continue;
    std::string key;
    for (std::size_t n = 1; n <= paths[k].size(); ++n) {
      key = suffix(paths[k], n);
      if (ending_in[{n, key}] == 1) break;
    }
    out += cell(key) + "\t" + cell(i.actual) + "\t" + cell(i.reason) + "\t" + cell(i.weight) +
           "\t" + cell(i.score) + (remarks ? "\t" + cell(i.remark) : "") + "\n";
  }
  return out;
}

std::string write_texts(const Import& im) {
  std::string out;
  for (const TextSection& t : im.texts)
    out += "## " + t.title + " (line " + std::to_string(t.line) + ")\n\n" + t.text + "\n\n";
  return out;
}

std::string write_summary(const Import& im) {
  auto n = [&](RowUse u) { return im.count(u); };
  std::string out = tr("imported {} ({}, {})", im.source, im.format, im.encoding) + "\n";
  std::size_t indicators = 0, with_target = 0;
  for (const ImportedIndicator& i : im.indicators) {
    if (i.name.empty()) continue;
    ++indicators;
    if (!i.half_target.empty() || !i.year_target.empty()) ++with_target;
  }
  out += tr("rows read: {}", im.rows.size()) + "\n";
  // The counts' labels in a column as wide as the widest, in either language.
  const char* labels[] = {tr("indicators:"),   tr("categories with no indicator:"),
                          tr("budget lines:"), tr("text sections:"),
                          tr("headers:"),      tr("title and metadata:"),
                          tr("blank:"),        tr("skipped:")};
  unsigned width = 0;
  for (const char* label : labels) width = std::max(width, display_width(label) + 1);
  auto label = [&](std::size_t k) { return "  " + pad_right(labels[k], width); };
  out += label(0) +
         tr("{} ({} written, {} with a target)", n(RowUse::indicator), indicators, with_target) +
         "\n";
  out += label(1) + std::to_string(n(RowUse::category)) + "\n";
  out += label(2) + std::to_string(n(RowUse::budget)) + "\n";
  out += label(3) + std::to_string(n(RowUse::text));
  // The count is of rows; a row may hold two sections (年度总体目标 and what was
  // achieved) and a section several rows (年度主要任务), so then both are said.
  std::string titles;
  for (const TextSection& t : im.texts)
    titles += (titles.empty() ? "" : trc("list separator", ", ")) + t.title;
  if (!im.texts.empty())
    out += im.texts.size() == n(RowUse::text)
               ? tr(" ({})", titles)
               : tr(" rows ({} sections: {})", im.texts.size(), titles);
  out += "\n";
  out += label(4) + std::to_string(n(RowUse::header)) + "\n";
  out += label(5) + std::to_string(n(RowUse::metadata)) + "\n";
  out += label(6) + std::to_string(n(RowUse::blank)) + "\n";
  out += label(7) + std::to_string(n(RowUse::skipped)) + "\n";
  for (const RowRecord& r : im.rows)
    if (r.use == RowUse::skipped) out += "    " + where(r.line, r.sheet) + r.reason + "\n";
  std::size_t sum = 0;
  std::string terms;
  for (RowUse u : {RowUse::indicator, RowUse::category, RowUse::budget, RowUse::text,
                   RowUse::header, RowUse::metadata, RowUse::blank, RowUse::skipped}) {
    sum += n(u);
    terms += (terms.empty() ? "" : " + ") + std::to_string(n(u));
  }
  out += tr("  every row accounted for: {} = {}", terms, sum) + "\n";
  out += tr("assumptions: {}", im.assumptions.size()) + "\n";
  out += notes(im.assumptions);
  out += tr("repairs: {}", im.repairs.size()) + "\n";
  out += notes(im.repairs);
  return out;
}

}  // namespace indicheck
