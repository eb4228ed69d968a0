#include "engine/table/table.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <span>

#include "engine/base/blank.hpp"
#include "engine/base/input_file.hpp"
#include "engine/base/limits.hpp"
#include "engine/base/message.hpp"
#include "engine/base/normalise.hpp"
#include "engine/base/number.hpp"

namespace indicheck {

std::vector<std::string> Indicator::path() const {
  std::vector<std::string> p{level1, level2};
  if (!key_work.empty()) p.push_back(key_work);
  if (!name.empty()) p.push_back(name);
  return p;
}

std::vector<std::string> Indicator::path_key() const {
  std::vector<std::string> key = path();
  for (std::string& segment : key) segment = squeeze(segment);
  return key;
}

std::vector<std::string> key_segments(std::string_view key) {
  std::vector<std::string> segments;
  for (std::size_t start = 0;;) {
    const std::size_t slash = key.find('/', start);
    segments.push_back(squeeze(key.substr(start, slash == key.npos ? key.npos : slash - start)));
    if (slash == key.npos) break;
    start = slash + 1;
  }
  return segments;
}

std::string Indicator::path_text() const {
  std::string out;
  for (const auto& part : path()) out += (out.empty() ? "" : " / ") + part;
  return out;
}

namespace {

// Line `line`, column `column` of a table's text, where a person finds it.
SourceLocation located(const std::string& file, unsigned line, unsigned column,
                       const TableRelocate& relocate) {
  SourceLocation where{file, line, column};
  SourceLine echo;
  if (relocate) relocate(where, echo);
  return where;
}

// "# 其中 当年财政拨款: 180 171": a 其中 line of the funds block.
constexpr const char* kMemberKey = "其中 ";
// "# 主要任务 食品安全抽检: 完成抽检2000批次 | 150 | 142": a 部门整体 table's task,
// part of its head (judge() puts it in the report's heading).
constexpr const char* kTaskKey = "主要任务 ";

constexpr const char* kNotANumber =
    N_("'# {}: {}' is not a number (digits with an optional decimal point)");

struct Line {
  std::string_view text;
  unsigned number;
};

// Splits into lines, drops a trailing CR per line and a leading UTF-8 BOM.
class LineReader {
 public:
  LineReader(const std::string& file, std::string_view content,
             std::vector<Diagnostic>& diagnostics)
      : file_(file), content_(content), diagnostics_(diagnostics) {
    if (content_.starts_with("\xEF\xBB\xBF")) content_.remove_prefix(3);
  }

  const std::string& file() const { return file_; }

  std::optional<Line> next() {
    while (pos_ <= content_.size()) {
      if (pos_ == content_.size()) {
        pos_ = content_.size() + 1;
        return std::nullopt;
      }
      auto end = content_.find('\n', pos_);
      if (end == std::string_view::npos) end = content_.size();
      std::string_view text = content_.substr(pos_, end - pos_);
      pos_ = end + 1;
      ++line_;
      if (text.ends_with('\r')) text.remove_suffix(1);
      if (text.size() > kTableLimits.max_line_bytes) {
        ++skipped_;
        error(line_, 1, Code::table_line_too_long,
              tr("line is longer than 1 MiB ({} bytes): found {} bytes; the line is skipped",
                 kTableLimits.max_line_bytes, text.size()),
              "");
        continue;
      }
      ParseError bad;
      if (!normalise(text, &bad)) {
        ++skipped_;
        std::string what;
        if (bad.code == Code::text_invalid_utf8) {
          const std::string byte = hex_byte(text[bad.byte]);
          // Once per file: the likely cause of a file full of bad bytes.
          what = hinted_ ? tr("invalid UTF-8 byte {}; the line is skipped", byte)
                         : tr("invalid UTF-8 byte {} (the file must be UTF-8 throughout; a "
                              "GB18030/GBK table is read by `indicheck import {} --encoding "
                              "gb18030`); the line is skipped",
                              byte, file_);
          hinted_ = true;
        } else {
          what = tr("{}; the line is skipped", bad.message);
        }
        error(line_, bad.column,
              bad.code == Code::text_invalid_utf8 ? Code::table_invalid_utf8 : Code::table_nul,
              std::move(what), "");
        continue;
      }
      if (auto cr = text.find('\r'); cr != std::string_view::npos) {
        ++skipped_;
        error(line_, count_chars(text, cr) + 1, Code::table_lone_cr,
              tr("a carriage return (CR) inside a line: lines must end in LF or CRLF, not CR "
                 "alone; the line is skipped"),
              "");
        continue;
      }
      return Line{text, line_};
    }
    return std::nullopt;
  }

  // An error about `value`, the (trimmed) value of a "# key: value" line: at
  // its first character, with the line shown. The colon is found as
  // read_metadata finds it (ASCII first, then full-width). Such errors are
  // few: the line is found by counting from the start.
  // A "# key: value" line's value as a cell: its text, where it stands (the
  // value's first character; the line's start when it cannot be found) and
  // the line to echo.
  Cell value_cell(unsigned line, std::string_view value) const {
    std::string_view text = content_;
    for (unsigned n = 1; n < line; ++n) {
      auto nl = text.find('\n');
      text = nl == std::string_view::npos ? std::string_view() : text.substr(nl + 1);
    }
    text = text.substr(0, text.find('\n'));
    if (text.ends_with('\r')) text.remove_suffix(1);
    std::size_t colon = text.find(':');
    if (colon == std::string_view::npos) colon = text.find("：");
    std::size_t at =
        colon == std::string_view::npos ? std::string_view::npos : text.find(value, colon);
    Cell cell;
    cell.text = std::string(value);
    cell.where =
        SourceLocation(file_, line, at == std::string_view::npos ? 1 : count_chars(text, at) + 1);
    cell.source_line = text;
    return cell;
  }

  void value_error(unsigned line, std::string_view value, Code code, std::string message) {
    Cell cell = value_cell(line, value);
    error(line, cell.where.column, code, std::move(message), std::move(cell.source_line));
  }

  void error(unsigned line, unsigned column, Code code, std::string message, SourceLine source) {
    diagnostics_.push_back(
        make_diagnostic(code, file_, line, column, std::move(message), std::move(source)));
  }

  // The line as its cells and diagnostics echo it: one block holds many lines.
  SourceLine source(const Line& line) { return source_lines_.add(line.text); }

 private:
  const std::string& file_;
  std::string_view content_;
  std::vector<Diagnostic>& diagnostics_;
  SourceLines source_lines_;
  std::size_t pos_ = 0;
  unsigned line_ = 0;
  unsigned skipped_ = 0;  // lines reported as unreadable
  bool hinted_ = false;   // the UTF-8 hint was given

 public:
  unsigned skipped() const { return skipped_; }
  std::vector<Diagnostic>& diagnostics() { return diagnostics_; }
};

// `shared`: the line, one copy however many cells.
std::vector<Cell> split_cells(const std::string& file, const Line& line, const SourceLine& shared) {
  std::vector<Cell> cells;
  cells.reserve(static_cast<std::size_t>(std::count(line.text.begin(), line.text.end(), '\t')) + 1);
  std::size_t start = 0;
  while (true) {
    auto tab = line.text.find('\t', start);
    std::string_view raw =
        line.text.substr(start, tab == std::string_view::npos ? tab : tab - start);
    Cell c;
    c.text = std::string(raw);
    c.where = {file, line.number, count_chars(line.text, start) + 1};
    c.source_line = shared;
    cells.push_back(std::move(c));
    if (tab == std::string_view::npos) break;
    start = tab + 1;
  }
  return cells;
}

// "# 年度: 2024" → {"年度", "2024"}; other comments are ignored. A key given
// twice is an error rather than a silent overwrite.
void read_metadata(LineReader& lines, const Line& line, std::map<std::string, std::string>& into,
                   std::map<std::string, unsigned>& where, const TableRelocate& relocate) {
  std::string_view comment = line.text.substr(1);
  auto colon = comment.find(':');
  std::size_t width = 1;
  if (colon == std::string_view::npos) {
    colon = comment.find("：");
    width = 3;
  }
  if (colon == std::string_view::npos) return;
  std::string key(trim(comment.substr(0, colon)));
  // The first line indicheck import writes names the published table:
  // "# indicheck targets: 2022年度项目支出绩效自评表" (the xlsx form's title).
  if (key == "indicheck targets") key = "标题";
  static const char* const kKeys[] = {"单位",           "年度",       "期间",       "标题",
                                      "总分",           "全年预算数", "全年执行数", "资金单位",
                                      "执行率分值",     "执行率得分", "自评等级",   "1-6月执行数",
                                      "全年预计执行数", "执行率"};
  if (std::find(std::begin(kKeys), std::end(kKeys), key) == std::end(kKeys) &&
      std::find(std::begin(kHeadingKeys), std::end(kHeadingKeys), key) == std::end(kHeadingKeys) &&
      !(key.starts_with(kMemberKey) && key.size() > std::string_view(kMemberKey).size()) &&
      !(key.starts_with(kTaskKey) && key.size() > std::string_view(kTaskKey).size()))
    return;
  if (auto seen = where.find(key); seen != where.end()) {
    lines.error(line.number, 1, Code::table_metadata_repeated,
                tr("'{}' is given again (first on {})", key,
                   line_phrase(located(lines.file(), seen->second, 1, relocate))),
                line.text);
    return;
  }
  into[key] = trim(comment.substr(colon + width));
  where[key] = line.number;
}

struct Header {
  std::map<std::string, std::size_t> columns;
  std::size_t count = 0;
  Line line;
};

// Reads comments and the header; nullopt (with a diagnostic) when no header.
std::optional<Header> read_header(LineReader& lines, const std::string& file,
                                  std::map<std::string, std::string>& metadata,
                                  std::map<std::string, unsigned>& metadata_line,
                                  std::span<const char* const> known,
                                  std::initializer_list<const char*> required,
                                  const TableRelocate& relocate) {
  while (auto line = lines.next()) {
    if (is_blank(line->text)) continue;
    if (line->text.starts_with('#')) {
      read_metadata(lines, *line, metadata, metadata_line, relocate);
      continue;
    }
    Header h{{}, 0, *line};
    bool ok = true;
    const std::vector<Cell> cells = split_cells(file, *line, lines.source(*line));
    // A header of 10 000 unknown columns gives five and a count.
    LineRepeats repeats(lines.diagnostics(), [](Code code) {
      return std::string(code == Code::table_unknown_column ? tr("unknown columns")
                                                            : tr("columns named twice"));
    });
    auto said = [&](unsigned column, Code code, std::string message) {
      repeats.add(make_diagnostic(code, file, line->number, column, std::move(message),
                                  cells.front().source_line));
      ok = false;
    };
    for (const Cell& c : cells) {
      std::string name(trim(c.text));
      ++h.count;
      bool is_known = false;
      for (const char* k : known) is_known |= name == k;
      if (!is_known) {
        std::string list;
        for (const char* k : known) list += (list.empty() ? "" : ", ") + std::string(k);
        said(c.where.column, Code::table_unknown_column,
             tr("unknown column '{}': expected one of {}", name, list));
      } else if (h.columns.count(name)) {
        said(c.where.column, Code::table_column_repeated, tr("column '{}' appears twice", name));
      } else {
        h.columns[name] = h.count - 1;
      }
    }
    repeats.flush();
    for (const char* r : required)
      if (!h.columns.count(r)) {
        lines.error(line->number, 1, Code::table_column_missing,
                    tr("the header has no column '{}'", r), cells.front().source_line);
        ok = false;
      }
    if (!ok) return std::nullopt;
    return h;
  }
  if (lines.skipped() > 0)
    lines.error(1, 1, Code::table_no_header,
                tr("no header row: {} unreadable line(s) were skipped (above) and no other line "
                   "is a header",
                   lines.skipped()),
                "");
  else
    lines.error(1, 1, Code::table_no_header,
                tr("no header row: the file is empty or has only comments"), "");
  return std::nullopt;
}

// The data rows with exactly as many cells as the header.
template <typename Each>
void for_each_row(LineReader& lines, const std::string& file, const Header& h, Each each) {
  while (auto line = lines.next()) {
    if (is_blank(line->text) || line->text.starts_with('#')) continue;
    // Counted before the row is split: a row of 500 000 cells is one diagnostic,
    // not half a million cells.
    const std::size_t found =
        static_cast<std::size_t>(std::count(line->text.begin(), line->text.end(), '\t')) + 1;
    if (found != h.count) {
      unsigned col = 1;
      if (found > h.count) {  // at the first cell the header has no column for
        std::size_t at = 0;
        for (std::size_t n = 0; n < h.count; ++n) at = line->text.find('\t', at) + 1;
        col = count_chars(line->text, at) + 1;
      }
      lines.error(line->number, col, Code::table_row_width,
                  tr("expected {} tab-separated cells as in the header, found {}", h.count, found),
                  line->text);
      continue;
    }
    auto cells = split_cells(file, *line, lines.source(*line));
    each(*line, cells);
  }
}

// A table's rows are reserved before they are read, one for each line with a
// tab (a row has several cells): grown by doubling, the vector of 200 000 rows
// went through 19 copies and held up to twice the room it needed, and giving
// that back copied it once more, with both copies alive (docs/reliability.md,
// "Report sizes"). A file of bare tabs would reserve far more than its rows
// keep: no more is reserved than 16 bytes for each byte of the file (a real
// row takes about ten), and beyond that the vector grows as it must.
template <typename Row>
void reserve_rows(std::vector<Row>& rows, std::string_view content) {
  std::size_t with_tab = 0;
  bool tab = false;
  for (char c : content) {
    if (c == '\t') {
      tab = true;
    } else if (c == '\n') {
      with_tab += tab;
      tab = false;
    }
  }
  with_tab += tab;
  rows.reserve(std::min(with_tab, content.size() * 16 / sizeof(Row)));
}

// The room left by the header, comments and refused rows is given back only
// when it is worth a copy of the rows (an eighth of them).
template <typename Row>
void fit_rows(std::vector<Row>& rows) {
  if (rows.capacity() - rows.size() > rows.size() / 8) rows.shrink_to_fit();
}

}  // namespace

std::optional<FirstLine> first_line(std::string_view content) {
  std::vector<Diagnostic> ignored;
  const std::string file;
  LineReader lines(file, content, ignored);
  while (auto line = lines.next()) {
    if (lines.skipped() > 0) return std::nullopt;
    if (is_blank(line->text) || line->text.starts_with('#')) continue;
    return FirstLine{line->number, std::string(line->text)};
  }
  return std::nullopt;
}

bool is_table_column(std::string_view name) {
  const auto in = [&](std::span<const char* const> columns) {
    return std::find(columns.begin(), columns.end(), name) != columns.end();
  };
  return in(kTargetColumns) || in(kActualColumns);
}

std::optional<TargetTable> read_targets(const std::string& file, std::string_view content,
                                        std::vector<Diagnostic>& diagnostics,
                                        const TableRelocate& relocate) {
  TargetTable t;
  t.file = file;
  t.relocate = relocate;
  LineReader lines(file, content, diagnostics);
  auto header = read_header(lines, file, t.metadata, t.metadata_line, kTargetColumns,
                            {"一级指标", "二级指标", "三级指标"}, relocate);
  if (!header) return std::nullopt;
  reserve_rows(t.indicators, content);
  t.header_line = header->line.number;
  t.has_half = header->columns.count("半年指标值") > 0;
  t.has_year = header->columns.count("全年指标值") > 0;
  if (!t.has_half && !t.has_year) {
    lines.error(header->line.number, 1, Code::targets_no_value_column,
                tr("the header has neither '半年指标值' nor '全年指标值'"), header->line.text);
    return std::nullopt;
  }
  if (auto y = t.metadata.find("年度"); y != t.metadata.end()) {
    auto digits = y->second;
    if (digits.ends_with("年")) digits.erase(digits.size() - 3);
    if (digits.size() == 4 && digits.find_first_not_of("0123456789") == std::string::npos)
      t.year = std::stoi(digits);
    else
      lines.value_error(t.metadata_line.at("年度"), y->second, Code::targets_year_invalid,
                        tr("'# 年度: {}' is not a four-digit year", y->second));
  }
  auto col = [&](const char* name) -> std::optional<std::size_t> {
    auto it = header->columns.find(name);
    if (it == header->columns.end()) return std::nullopt;
    return it->second;
  };
  for_each_row(lines, file, *header, [&](const Line& line, std::vector<Cell>& cells) {
    Indicator ind;
    ind.line = line.number;
    const SourceLine source = cells.front().source_line;  // the target cells are moved out
    ind.level1 = trim(cells[*col("一级指标")].text);
    ind.level2 = trim(cells[*col("二级指标")].text);
    if (auto k = col("重点工作")) ind.key_work = trim(cells[*k].text);
    ind.name = trim(cells[*col("三级指标")].text);
    if (auto h = col("半年指标值")) ind.half_target = std::move(cells[*h]);
    if (auto y = col("全年指标值")) ind.year_target = std::move(cells[*y]);
    if (auto n = col("指标性质"); n && !is_blank(cells[*n].text))
      ind.nature = std::optional<Cell>(std::move(cells[*n]));
    if (auto w = col("分值"); w && !is_blank(cells[*w].text)) {
      Cell weight = std::move(cells[*w]);
      weight.text = std::string(trim(weight.text));
      if (!Number::parse_decimal(weight.text)) {
        lines.error(line.number, weight.where.column, Code::targets_weight_not_number,
                    tr("{} '{}' is not a number (digits with an optional decimal point)", "分值",
                       weight.text),
                    source);
        return;
      }
      ind.weight = std::optional<Cell>(std::move(weight));
    }
    for (auto [value, name] : {std::pair{&ind.level1, "一级指标"}, {&ind.level2, "二级指标"}})
      if (value->empty()) {
        lines.error(line.number, cells[*col(name)].where.column, Code::targets_category_empty,
                    tr("empty {}: every row names its categories (fill merged cells in)", name),
                    source);
        return;
      }
    if (ind.name.empty() &&
        (!trim(ind.half_target.text).empty() || !trim(ind.year_target.text).empty())) {
      lines.error(line.number, cells[*col("三级指标")].where.column, Code::targets_name_missing,
                  tr("a row with a target needs a 三级指标 name"), source);
      return;
    }
    t.indicators.push_back(std::move(ind));
  });
  fit_rows(t.indicators);
  // The same path twice would make actuals ambiguous and tallies count twice;
  // paths that differ only in blanks or invisible characters are the same.
  std::map<std::vector<std::string>, const Indicator*> seen;
  for (const Indicator& ind : t.indicators) {
    auto [it, fresh] = seen.emplace(ind.path_key(), &ind);
    if (fresh) continue;
    const Indicator& first = *it->second;
    const std::string first_at = line_phrase(t.at(first.line));
    // Names that look the same and differ in bytes would leave the reader
    // looking for a difference that does not show.
    diagnostics.push_back(make_diagnostic(
        Code::targets_indicator_repeated, file, ind.line, 1,
        first.path() == ind.path()
            ? tr("indicator '{}' is already defined on {}", ind.path_text(), first_at)
            : tr("indicator '{}' is already defined on {} (the names differ only in blank or "
                 "invisible characters, which do not count: docs/files.md)",
                 ind.path_text(), first_at)));
  }
  return t;
}

std::optional<ActualTable> read_actuals(const std::string& file, std::string_view content,
                                        std::vector<Diagnostic>& diagnostics,
                                        const TableRelocate& relocate) {
  ActualTable t;
  t.file = file;
  t.relocate = relocate;
  LineReader lines(file, content, diagnostics);
  auto header = read_header(lines, file, t.metadata, t.metadata_line, kActualColumns,
                            {"指标", "实际值"}, relocate);
  if (!header) return std::nullopt;
  // A published figure's cell, at its place in the published table when the
  // text was imported from one.
  auto published_cell = [&](unsigned line, std::string_view value) {
    Cell cell = lines.value_cell(line, value);
    if (relocate) relocate(cell.where, cell.source_line);
    return cell;
  };
  if (auto g = t.metadata.find("自评等级"); g != t.metadata.end()) {
    unsigned line = t.metadata_line.at("自评等级");
    if (g->second == "优" || g->second == "良" || g->second == "中" || g->second == "差") {
      t.published["自评等级"] = published_cell(line, g->second);
    } else {
      lines.value_error(line, g->second, Code::actuals_grade_invalid,
                        tr("'# 自评等级: {}' is not a grade (优, 良, 中 or 差)", g->second));
    }
  }
  // A published self-evaluation's figures: exact decimals, or a located error.
  for (const char* key : {"总分", "全年预算数", "全年执行数", "执行率分值", "执行率得分"}) {
    auto it = t.metadata.find(key);
    if (it == t.metadata.end()) continue;
    unsigned line = t.metadata_line.at(key);
    if (Number::parse_decimal(it->second)) {
      t.published[key] = published_cell(line, it->second);
    } else {
      lines.value_error(line, it->second, Code::actuals_published_invalid,
                        tr(kNotANumber, key, it->second));
    }
  }
  // The funds block's 其中 lines, in the order written: 全年预算数, then
  // 全年执行数 when the table gives it ("-" when it gives none).
  std::vector<std::pair<unsigned, std::string>> member_keys;
  for (const auto& [key, line] : t.metadata_line)
    if (key.starts_with(kMemberKey)) member_keys.emplace_back(line, key);
  std::sort(member_keys.begin(), member_keys.end());
  for (const auto& [line, key] : member_keys) {
    const std::string& value = t.metadata.at(key);
    std::vector<std::string> words;
    for (std::size_t i = 0; i < value.size();) {
      std::size_t end = value.find(' ', i);
      if (end == std::string::npos) end = value.size();
      if (end > i) words.push_back(value.substr(i, end - i));
      i = end + 1;
    }
    FundsMember m;
    m.name = std::string(trim(std::string_view(key).substr(std::string_view(kMemberKey).size())));
    m.line = line;
    auto budget = words.empty() ? std::nullopt : Number::parse_decimal(words[0]);
    std::optional<Number> executed;
    if (words.size() == 2 && words[1] != "-") executed = Number::parse_decimal(words[1]);
    if (!budget || words.size() > 2 || (words.size() == 2 && words[1] != "-" && !executed)) {
      lines.value_error(
          line, value, Code::actuals_published_invalid,
          tr("'# {}: {}' is not a 全年预算数 and a 全年执行数 (such as 180 171)", key, value));
      continue;
    }
    m.budget = *budget;
    m.executed = executed;
    t.members.push_back(std::move(m));
  }
  // The funds block's 执行率 as printed, a percentage: 97.3% (kept as 97.3, so
  // that its places are the decimals printed).
  if (auto it = t.metadata.find("执行率"); it != t.metadata.end()) {
    std::string figure = it->second;
    for (std::string_view percent : {"%", "％"})
      if (figure.ends_with(percent)) figure.resize(figure.size() - percent.size());
    unsigned line = t.metadata_line.at("执行率");
    if (figure != it->second && Number::parse_decimal(figure)) {
      Cell& cell = t.published["执行率"];
      cell = published_cell(line, it->second);
      cell.text = figure;
    } else {
      lines.value_error(line, it->second, Code::actuals_published_invalid,
                        tr("'# 执行率: {}' is not a percentage such as 97.3%", it->second));
    }
  }
  // A 监控表's funds progress (shown on the xlsx 监控表, not re-checked): exact
  // decimals too; one that is not is an error, never dropped.
  for (const char* key : {"1-6月执行数", "全年预计执行数"})
    if (auto it = t.metadata.find(key);
        it != t.metadata.end() && !Number::parse_decimal(it->second)) {
      lines.value_error(t.metadata_line.at(key), it->second, Code::actuals_published_invalid,
                        tr(kNotANumber, key, it->second));
      t.metadata.erase(it);
    }
  if (auto p = t.metadata.find("期间"); p != t.metadata.end()) {
    if (p->second == "半年")
      t.period = Period::half;
    else if (p->second == "全年")
      t.period = Period::year;
    else
      lines.value_error(t.metadata_line.at("期间"), p->second, Code::actuals_period_invalid,
                        tr("'# 期间: {}': expected 半年 or 全年", p->second));
  }
  reserve_rows(t.rows, content);
  std::size_t key = header->columns.at("指标"), value = header->columns.at("实际值");
  auto reason = header->columns.find("偏差原因");
  for_each_row(lines, file, *header, [&](const Line& line, std::vector<Cell>& cells) {
    if (trim(cells[key].text).empty()) {
      lines.error(line.number, cells[key].where.column, Code::actuals_key_empty,
                  tr("empty 指标: which indicator is this?"), cells.front().source_line);
      return;
    }
    ActualRow row;
    row.key = std::move(cells[key]);
    row.value = std::move(cells[value]);
    row.line = line.number;
    if (reason != header->columns.end()) row.reason = trim(cells[reason->second].text);
    for (auto [name, into] : {std::pair{"分值", &row.weight}, {"得分", &row.score}}) {
      auto c = header->columns.find(name);
      if (c == header->columns.end()) continue;
      Cell cell = cells[c->second];
      cell.text = std::string(trim(cell.text));
      if (cell.text.empty()) continue;
      if (!Number::parse_decimal(cell.text)) {
        lines.error(
            line.number, cell.where.column, Code::actuals_cell_not_number,
            tr("{} '{}' is not a number (digits with an optional decimal point)", name, cell.text),
            row.key.source_line);  // the row's line; cells' key and value were moved
        continue;
      }
      *into = std::optional<Cell>(std::move(cell));
    }
    t.rows.push_back(std::move(row));
  });
  fit_rows(t.rows);
  return t;
}

std::optional<ActualTable> read_actuals_files(const std::vector<std::string>& files,
                                              std::vector<Diagnostic>& diagnostics) {
  return read_actuals_files(
      files, diagnostics,
      [](const std::string& file, std::vector<Diagnostic>& ds) -> std::optional<ActualTable> {
        auto text = read_file(file, ds, kTableLimits.max_file_bytes);
        if (!text) return std::nullopt;
        return read_actuals(file, *text, ds);
      });
}

std::optional<ActualTable> read_actuals_files(const std::vector<std::string>& files,
                                              std::vector<Diagnostic>& diagnostics,
                                              const ActualsReader& read_one) {
  std::optional<ActualTable> all;
  bool ok = true;
  for (const std::string& file : files) {
    std::optional<ActualTable> one = read_one(file, diagnostics);
    if (!one) {
      ok = false;
      continue;
    }
    if (!all) {
      all = std::move(one);
      continue;
    }
    if (one->period && all->period && *one->period != *all->period)
      diagnostics.push_back(
          make_diagnostic(Code::actuals_periods_differ, file, one->metadata_line.at("期间"), 1,
                          tr("this file is for {} but {} is for {}", chinese(*one->period),
                             all->file, chinese(*all->period))));
    if (!all->period) all->period = one->period, all->metadata_line = one->metadata_line;
    all->file += ", " + file;
    for (auto& row : one->rows) all->rows.push_back(std::move(row));
    if (all->members.empty()) all->members = std::move(one->members);
    for (auto& [key, cell] : one->published) {
      auto [it, fresh] = all->published.emplace(key, cell);
      if (!fresh)
        diagnostics.push_back(
            make_diagnostic(Code::actuals_published_repeated, file, cell.where.line, 1,
                            tr("'# {}' is given again (first in {})", key, it->second.where.file)));
    }
  }
  if (!ok) return std::nullopt;
  return all;
}

SourceLocation TargetTable::at(unsigned line, unsigned column) const {
  return located(file, line, column, relocate);
}

SourceLocation ActualTable::at(unsigned line, unsigned column) const {
  return located(file, line, column, relocate);
}

}  // namespace indicheck
