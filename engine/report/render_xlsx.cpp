// The report as the official forms (财预〔2020〕10号's annexes), with libxlsxwriter:
// the 项目支出 or 部门整体支出 绩效自评表 at year-end, the 绩效运行监控表 at
// mid-year. The title is the published table's (else the form's name), then the
// table's head (单位名称, 项目名称, 主管部门 | 实施单位; a department's form says
// 部门名称), the funds block (funds_name: 项目资金, 部门整体资金 or 年度资金) in
// its own unit with its 其中 lines, 年度总体目标 (预期目标 | 实际完成情况), and
// one row per indicator under
//   一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施
// with the category cells merged, 总分 and 自评等级 at the bottom. Figures are
// number cells holding exactly the printed decimal (so Excel's SUM works on
// them); A4 landscape, fitted to the page's width, the column heads repeated on
// every page. A second sheet (计分说明 / 预计依据) shows how every score or
// outlook came about, and what the form assumed.

#include <unistd.h>
#include <xlsxwriter.h>
#include <zip.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string_view>
#include <tuple>

#include "engine/base/blank.hpp"
#include "engine/base/diagnostic.hpp"
#include "engine/base/input_file.hpp"
#include "engine/base/limits.hpp"
#include "engine/base/message.hpp"
#include "engine/base/utf8.hpp"
#include "engine/report/render.hpp"
#include "engine/report/render_review.hpp"
#include "engine/report/render_rows.hpp"

namespace indicheck {

namespace {

constexpr lxw_row_t kColumns = 8;

struct Formats {
  lxw_format *title, *head, *text, *center, *number, *percent, *bold, *plain;
};

Formats make_formats(lxw_workbook* wb) {
  auto base = [&](bool wrap) {
    lxw_format* f = workbook_add_format(wb);
    format_set_border(f, LXW_BORDER_THIN);
    format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
    if (wrap) format_set_text_wrap(f);
    return f;
  };
  Formats f;
  f.title = workbook_add_format(wb);
  format_set_bold(f.title);
  format_set_font_size(f.title, 14);
  format_set_align(f.title, LXW_ALIGN_CENTER);
  f.head = base(true);
  format_set_bold(f.head);
  format_set_align(f.head, LXW_ALIGN_CENTER);
  format_set_bg_color(f.head, 0xDDEBF7);
  f.text = base(true);
  f.center = base(true);
  format_set_align(f.center, LXW_ALIGN_CENTER);
  f.number = base(false);
  format_set_align(f.number, LXW_ALIGN_RIGHT);
  format_set_num_format(f.number, "0.00");
  f.percent = base(false);
  format_set_align(f.percent, LXW_ALIGN_RIGHT);
  format_set_num_format(f.percent, "0.00%");
  f.plain = workbook_add_format(wb);
  format_set_align(f.plain, LXW_ALIGN_CENTER);
  f.bold = base(true);
  format_set_bold(f.bold);
  return f;
}

// Excel holds at most ReportLimits::xlsx_cell_units UTF-16 code units in a
// cell, and libxlsxwriter refuses a longer string, which failed the whole
// workbook.
constexpr std::size_t kCellUnits = kReportLimits.xlsx_cell_units;

// The UTF-16 length of UTF-8 text; `cut` is set to the byte where the first
// `limit` units end (a whole character never split).
std::size_t utf16_units(std::string_view text, std::size_t limit, std::size_t& cut) {
  std::size_t units = 0;
  cut = text.size();
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t start = i;
    // A character above U+FFFF is a surrogate pair in UTF-16.
    const std::size_t n = utf8::next(text, i) > 0xFFFF ? 2 : 1;
    if (units + n > limit && cut == text.size()) cut = start;
    units += n;
  }
  return units;
}

// The number cells of a sheet and the exact decimals they hold
// (exact_numbers): a cell's place, and where its decimal stands in one text
// that holds them all (a string a cell took 48 bytes more at 400 000 figures).
struct ExactNumbers {
  struct Cell {
    lxw_row_t row;
    lxw_col_t col;
    std::uint32_t at;  // in `digits`
    std::uint32_t size;
  };
  std::vector<Cell> cells;
  std::string digits;

  void add(lxw_row_t row, lxw_col_t col, std::string_view exact) {
    // A sheet's figures are a few million characters at most (Excel's rows
    // times two figures of a few dozen): past 4 GiB would be a bug.
    if (digits.size() + exact.size() > UINT32_MAX)
      throw std::logic_error("xlsx: the figures' text is over 4 GiB");
    cells.push_back({row, col, static_cast<std::uint32_t>(digits.size()),
                     static_cast<std::uint32_t>(exact.size())});
    digits += exact;
  }
  std::string_view exact(const Cell& c) const {
    return std::string_view(digits).substr(c.at, c.size);
  }
};

// A cell too long for Excel: what was clipped, for the notes sheet.
struct Clipped {
  std::string cell;  // "自评表!H7"
  std::size_t characters = 0;
};

// A worksheet written row by row, top to bottom: the workbook is made in
// libxlsxwriter's constant_memory mode, which writes a row out once a cell of a
// later row is written and drops any cell written above that (at 200 000
// indicators its cells held in memory were 300 MB). A cell above the row being
// written is a bug here, so it throws rather than be lost. A merge over several
// rows (the category cells, the funds block's label) has its text written in
// its first row and its blank bordered cells in each row as it comes; it is
// given to libxlsxwriter in its last row, where only that row's cells can still
// be written (those above are refused and already in place).
class Sheet {
 public:
  Sheet(lxw_worksheet* ws, std::string name, std::string& error, std::vector<Clipped>& clipped)
      : ws_(ws), name_(std::move(name)), error_(error), clipped_(clipped) {}

  void text(lxw_row_t row, lxw_col_t col, const std::string& s, lxw_format* f) {
    at(row);
    require(worksheet_write_string(ws_, row, col, fitted(row, col, s).c_str(), f));
  }
  // A figure as a number cell holding exactly `exact` (a plain decimal, as
  // printed: "83.79"), or a blank cell when there is none. libxlsxwriter takes
  // a double and writes it with %.16G, which turns 83.79 into
  // 83.79000000000001: the cell is listed, and exact_numbers() puts the decimal
  // back once the workbook is written.
  void figure(lxw_row_t row, lxw_col_t col, const std::string& exact, lxw_format* f) {
    at(row);
    if (exact.empty()) return require(worksheet_write_blank(ws_, row, col, f));
    require(worksheet_write_number(ws_, row, col, std::strtod(exact.c_str(), nullptr), f));
    numbers_.add(row, col, exact);
  }
  ExactNumbers& numbers() { return numbers_; }
  void merge(lxw_row_t r1, lxw_col_t c1, lxw_row_t r2, lxw_col_t c2, const std::string& s,
             lxw_format* f) {
    if (r1 == r2 && c1 == c2) return text(r1, c1, s, f);
    at(r1);
    if (r1 == r2)
      return require(worksheet_merge_range(ws_, r1, c1, r2, c2, fitted(r1, c1, s).c_str(), f));
    Merge m{r1, c1, r2, c2, fitted(r1, c1, s), f};
    require(worksheet_write_string(ws_, r1, c1, m.text.c_str(), f));
    for (lxw_col_t c = c1 + 1; c <= c2; ++c) require(worksheet_write_blank(ws_, r1, c, f));
    open_.push_back(std::move(m));
  }
  // Writes what is owed below the last row written: the rest of every open
  // merge. Before the workbook is closed.
  void finish() {
    lxw_row_t last = row_;
    for (const Merge& m : open_) last = std::max(last, m.r2);
    at(last);
  }

 private:
  struct Merge {
    lxw_row_t r1;
    lxw_col_t c1;
    lxw_row_t r2;
    lxw_col_t c2;
    std::string text;
    lxw_format* format;
  };
  // Moves down to `row`, writing each open merge's cells in the rows passed
  // and giving libxlsxwriter each merge whose last row is reached.
  void at(lxw_row_t row) {
    if (row < row_)
      throw std::logic_error("xlsx: a cell above the row being written (" + name_ + " row " +
                             std::to_string(row + 1) + " after " + std::to_string(row_ + 1) + ")");
    while (row_ < row) {
      ++row_;
      for (const Merge& m : open_) {
        if (m.r2 < row_) continue;
        for (lxw_col_t c = m.c1; c <= m.c2; ++c)
          require(worksheet_write_blank(ws_, row_, c, m.format));
        // The range's first cells are refused here (rows above), and in place.
        if (m.r2 == row_)
          require(worksheet_merge_range(ws_, m.r1, m.c1, m.r2, m.c2, m.text.c_str(), m.format));
      }
      std::erase_if(open_, [&](const Merge& m) { return m.r2 == row_; });
    }
  }
  // `text` as the cell can hold it: only characters XML allows (xml_text: a
  // U+FFFE made the workbook unreadable), whole or clipped with a marker that
  // gives its full length ("…(40000 characters)", as shown_cell marks a
  // clipped cell); a clipped cell is listed for the notes sheet.
  std::string fitted(lxw_row_t row, lxw_col_t col, const std::string& text) {
    const std::string s = xml_text(text);
    std::size_t cut = 0;
    const std::size_t units = utf16_units(s, kCellUnits, cut);
    if (units <= kCellUnits) return s;
    Clipped c;
    c.characters = count_chars(s, s.size());
    const std::string marker = tr("…({} characters)", c.characters);
    utf16_units(s, kCellUnits - marker.size(), cut);  // the marker's units: fewer than its bytes
    char name[LXW_MAX_CELL_NAME_LENGTH];
    lxw_rowcol_to_cell(name, row, col);
    c.cell = name_ + "!" + name;
    clipped_.push_back(c);
    return s.substr(0, cut) + marker;
  }
  void require(lxw_error e) {
    if (e != LXW_NO_ERROR && error_.empty())
      error_ = std::string("libxlsxwriter: ") + lxw_strerror(e);
  }
  lxw_worksheet* ws_;
  std::string name_;
  std::string& error_;
  std::vector<Clipped>& clipped_;
  ExactNumbers numbers_;
  lxw_row_t row_ = 0;        // the row being written
  std::vector<Merge> open_;  // merges over several rows not yet given to libxlsxwriter
};

// Writes each number cell of `part` (the cells of `numbers`) with its exact
// decimal in place of libxlsxwriter's %.16G text. "" on success, else why not.
// One pass over the sheet: libxlsxwriter writes cells by row, then column, so
// `numbers` sorted that way are met in order (searching the whole sheet for
// each cell, and replacing in place, took 7 minutes for 40 000 indicators). The
// sheet is read a piece at a time and the new one written to a temporary file
// that libzip then stores: at 200 000 indicators the sheet is 70 MB, and it was
// held twice.
// The folder a workbook's temporary files go in: the workbook's own, where
// one is being written already (/tmp may be small, or memory).
std::string scratch_dir(const std::string& path) {
  const std::filesystem::path dir = std::filesystem::path(path).parent_path();
  return dir.empty() ? "." : dir.string();
}

// A temporary file in `dir`, gone from the folder as soon as it is made (its
// space is freed when it is closed); null with errno set when it cannot be.
std::FILE* scratch_file(const std::string& dir) {
  std::string name = dir + "/.indicheck-xlsx-XXXXXX";
  const int fd = ::mkstemp(name.data());
  if (fd < 0) return nullptr;
  ::unlink(name.c_str());
  std::FILE* f = ::fdopen(fd, "w+b");
  if (!f) ::close(fd);
  return f;
}

std::string exact_numbers(const std::string& path, const std::string& part, ExactNumbers& numbers) {
  int err = 0;
  zip_t* za = zip_open(path.c_str(), 0, &err);
  if (!za) return tr("cannot reopen the workbook to write its figures exactly");
  std::FILE* out = nullptr;
  zip_file_t* in = nullptr;
  auto fail = [&](const std::string& why) {
    if (in) zip_fclose(in);
    if (out) std::fclose(out);
    zip_discard(za);
    return tr("cannot write the figures exactly: {}", why);
  };
  const zip_int64_t index = zip_name_locate(za, part.c_str(), 0);
  if (index < 0) return fail(tr("the sheet is missing"));
  in = zip_fopen_index(za, static_cast<zip_uint64_t>(index), 0);
  if (!in) return fail(tr("the sheet cannot be read"));
  out = scratch_file(scratch_dir(path));
  if (!out) return fail(system_error_text(errno));
  // A cell written twice holds what was written last.
  std::vector<ExactNumbers::Cell>& cells = numbers.cells;
  std::stable_sort(cells.begin(), cells.end(),
                   [](const ExactNumbers::Cell& a, const ExactNumbers::Cell& b) {
                     return std::tie(a.row, a.col) < std::tie(b.row, b.col);
                   });
  auto same_cell = [](const ExactNumbers::Cell& a, const ExactNumbers::Cell& b) {
    return a.row == b.row && a.col == b.col;
  };
  std::reverse(cells.begin(), cells.end());
  cells.erase(std::unique(cells.begin(), cells.end(), same_cell), cells.end());
  std::reverse(cells.begin(), cells.end());
  // libxlsxwriter writes a number cell as <c r="F8" s="5"><v>83.79000000000001</v></c>.
  // The sheet is taken in pieces that end after a row (</row>), so that every
  // cell searched for is whole in the piece it is in.
  constexpr std::string_view kRowEnd = "</row>";
  constexpr std::size_t kChunk = 1 << 20;
  std::string xml;  // read and not yet written
  std::vector<char> chunk(kChunk);
  std::size_t next = 0;  // the first cell of `cells` not yet found
  bool ok = true;
  auto put = [&](std::string_view text) {
    ok = ok && std::fwrite(text.data(), 1, text.size(), out) == text.size();
  };
  // Writes xml[0, end) with the exact decimals of the cells in it.
  auto rewrite = [&](std::size_t end) {
    std::size_t done = 0;  // xml[0, done) is written
    const std::string_view piece = std::string_view(xml).substr(0, end);
    for (; next < cells.size(); ++next) {
      char name[LXW_MAX_CELL_NAME_LENGTH];
      lxw_rowcol_to_cell(name, cells[next].row, cells[next].col);
      const std::size_t at = piece.find("<c r=\"" + std::string(name) + "\"", done);
      if (at == std::string_view::npos) break;  // in a later piece
      // The value right after the cell's start tag: a cell written over as
      // text or a blank (<c …/>) has none.
      const std::size_t tag_end = piece.find('>', at);
      if (tag_end == std::string_view::npos || piece[tag_end - 1] == '/' ||
          piece.substr(tag_end + 1, 3) != "<v>")
        return false;
      const std::size_t v = tag_end + 1;
      const std::size_t close = piece.find("</v>", v);
      if (close == std::string_view::npos) return false;
      put(piece.substr(done, v + 3 - done));
      put(numbers.exact(cells[next]));
      done = close;
    }
    put(piece.substr(done));
    xml.erase(0, end);
    return true;
  };
  for (;;) {
    const zip_int64_t got = zip_fread(in, chunk.data(), chunk.size());
    if (got < 0) return fail(tr("the sheet cannot be read"));
    if (got == 0) break;
    xml.append(chunk.data(), static_cast<std::size_t>(got));
    const std::size_t row_end = xml.rfind(kRowEnd);
    if (row_end != std::string::npos && !rewrite(row_end + kRowEnd.size()))
      return fail(tr("a cell is missing"));
  }
  if (!rewrite(xml.size()) || next != cells.size()) return fail(tr("a cell is missing"));
  zip_fclose(in);
  in = nullptr;
  if (!ok || std::fflush(out) != 0) return fail(system_error_text(errno));
  // libzip reads a stream from where it stands when `start` is 0.
  std::rewind(out);
  zip_source_t* src = zip_source_filep(za, out, 0, -1);  // to its end; libzip closes `out`
  if (!src) return fail(zip_strerror(za));
  out = nullptr;
  if (zip_file_replace(za, static_cast<zip_uint64_t>(index), src, 0) != 0) {
    zip_source_free(src);
    return fail(zip_strerror(za));
  }
  if (zip_close(za) != 0) return fail(zip_strerror(za));
  return "";
}

// A workbook written row by row (Sheet), each row out of memory as the next
// begins; its text is in its cells (inline strings), not a shared table. Its
// temporary files (one a sheet, made with the sheet) go beside it.
lxw_workbook* new_workbook(const std::string& path) {
  std::string dir = scratch_dir(path);
  lxw_workbook_options options{};
  options.constant_memory = LXW_TRUE;
  options.tmpdir = dir.data();  // copied
  return workbook_new_opt(path.c_str(), &options);
}

// Why a workbook failed when libxlsxwriter could not add a sheet: in
// constant_memory mode a sheet's temporary file is made with it. Frees the
// workbook; the message is in the run's language (`form` ended).
std::string no_sheet(lxw_workbook* wb, std::optional<LanguageScope>& form) {
  lxw_workbook_free(wb);
  form.reset();
  return tr("libxlsxwriter: cannot add a sheet (its temporary file cannot be made)");
}

// A printed figure, or "" when there is none.
std::string printed(const std::optional<Number>& n) {
  return n ? n->to_fixed(2) : std::string();
}

// Which official form the workbook takes: the 项目支出 form for a project's
// table (table_form), else the 部门整体 form. A table that does not say
// which gets the 部门整体 form, and the notes sheet says so.
bool workbook_project_form(const Report& r) {
  return table_form(r) == TableForm::project;
}

// The form's title: the published table's when it names this form (a 自评表
// at year-end, a 监控表 at mid-year), else the form's own name.
std::string form_title(const Report& r) {
  const bool year = r.period == Period::year;
  if (r.title.find(year ? "自评表" : "监控表") != std::string::npos) return r.title;
  const bool project = workbook_project_form(r);
  if (year) return project ? "项目支出绩效自评表" : "部门整体支出绩效自评表";
  return project ? "项目支出绩效运行监控表" : "部门整体绩效运行监控表";
}

std::string heading_value(const Report& r, const char* key) {
  for (const auto& [k, value] : r.heading)
    if (k == key) return value;
  return "";
}

// The table's head as the form has it: 单位名称 (部门名称 on a department's
// form) | …, 项目名称 | …, then 主管部门 | … | 实施单位 | … on one line.
// Returns the next free row.
lxw_row_t head_rows(Sheet& s, const Report& r, const Formats& f, lxw_row_t row) {
  const std::string unit_label = workbook_project_form(r) ? "单位名称" : "部门名称";
  for (const auto& [key, value] : {std::pair<std::string, std::string>{unit_label, r.unit},
                                   {"项目名称", heading_value(r, "项目名称")}}) {
    if (value.empty()) continue;
    s.text(row, 0, key, f.head);
    s.merge(row, 1, row, kColumns - 1, value, f.text);
    ++row;
  }
  const std::string owner = heading_value(r, "主管部门"), doer = heading_value(r, "实施单位");
  if (!owner.empty() || !doer.empty()) {
    s.text(row, 0, "主管部门", f.head);
    s.merge(row, 1, row, 3, owner, f.text);
    s.text(row, 4, "实施单位", f.head);
    s.merge(row, 5, row, kColumns - 1, doer, f.text);
    ++row;
  }
  return row;
}

// The funds block (funds_name, in the figures' unit), from funds_block
// (engine/assess/report.hpp). At year-end: 年初预算数 | 全年预算数 | 全年执行数 |
// 分值 | 执行率 | 得分 for 年度资金总额, then its 其中 lines and a note with the
// block's arithmetic and where each figure came from. Mid-year (the 监控表):
// 年初预算数 | 1-6月执行数 | 全年预计执行数 | 1-6月执行率.
lxw_row_t funds_rows(Sheet& s, const Report& r, const Formats& f, lxw_row_t row) {
  const FundsBlock b = funds_block(r);
  const bool year = r.period == Period::year;
  // The block's label beside its head, its total and its 其中 lines.
  s.merge(row, 0, row + 1 + static_cast<lxw_row_t>(b.members.size()), 0,
          std::string(funds_name(r)) + "（" + b.unit + "）", f.head);
  const std::vector<const char*> heads =
      year ? std::vector<const char*>{"年初预算数", "全年预算数", "全年执行数",
                                      "分值",       "执行率",     "得分"}
           : std::vector<const char*>{"年初预算数", "1-6月执行数", "全年预计执行数", "1-6月执行率"};
  s.text(row, 1, "", f.head);
  for (std::size_t c = 0; c < heads.size(); ++c)
    s.text(row, static_cast<lxw_col_t>(2 + c), heads[c], f.head);
  for (auto c = static_cast<lxw_col_t>(2 + heads.size()); c < kColumns; ++c)
    s.text(row, c, "", f.head);
  ++row;
  // A rate as a number cell: the percentage rounded to 2 places, as a fraction.
  auto rate = [&](lxw_col_t col, const std::optional<Number>& percent) {
    s.figure(row, col,
             percent
                 ? (*Number::parse_decimal(percent->to_fixed(2)) / Number::integer(100)).to_fixed(4)
                 : "",
             f.percent);
  };
  s.text(row, 1, "年度资金总额", f.text);
  if (year) {
    s.figure(row, 2, printed(b.initial), f.number);
    s.figure(row, 3, printed(b.budget), f.number);
    s.figure(row, 4, printed(b.executed), f.number);
    s.figure(row, 5, b.score ? b.score->weight.to_fixed(2) : "", f.number);
    rate(6, b.rate);
    s.figure(row, 7, b.score ? b.score->points.to_fixed(2) : "", f.number);
  } else {
    std::optional<Number> half_rate;
    if (r.half_executed && b.initial && b.initial->sign() > 0)
      half_rate = *r.half_executed * Number::integer(100) / *b.initial;
    s.figure(row, 2, printed(b.initial), f.number);
    s.figure(row, 3, printed(r.half_executed), f.number);
    s.figure(row, 4, printed(r.forecast), f.number);
    rate(5, half_rate);
    for (lxw_col_t c = 6; c < kColumns; ++c) s.text(row, c, "", f.text);
  }
  ++row;
  // 其中 lines: the total's members with the figures the data has (funds_block
  // says which); 分值, 执行率 and 得分 are the total's alone, "-" as the form has it.
  for (std::size_t i = 0; i < b.members.size(); ++i) {
    const FundsBlock::Member& m = b.members[i];
    s.text(row, 1, (i == 0 ? "其中：" : "") + m.name, f.text);
    s.figure(row, 2, printed(m.initial), f.number);
    s.figure(row, 3, year ? printed(m.budget) : "", f.number);
    if (year && m.executed)
      s.figure(row, 4, printed(m.executed), f.number);
    else
      s.text(row, 4, year ? "-" : "", f.center);
    for (lxw_col_t c = 5; c < kColumns; ++c) s.text(row, c, year ? "-" : "", f.center);
    ++row;
  }
  std::string note =
      !year     ? "1-6月执行率 = 1-6月执行数 / 年初预算数"
      : b.score ? "预算执行率得分 " + b.score->points.to_fixed(2) + "：" + b.score->explanation
                : "预算执行率：未给出预算数与执行数";
  std::string from;
  for (const auto& [label, name] : b.from_rules)
    from += std::string(from.empty() ? "" : "，") + label + "取自规则文件的" + name;
  if (!from.empty()) note += "（" + from + "）";
  s.merge(row, 0, row, kColumns - 1, note, f.text);
  return row + 1;
}

// 年度总体目标: 预期目标 | 实际完成情况 (1-6月执行情况 mid-year), as the
// targets file's head gives them. Returns the next free row.
lxw_row_t goal_rows(Sheet& s, const Report& r, const Formats& f, lxw_row_t row) {
  const std::string goal = heading_value(r, "年度总体目标"),
                    done = heading_value(r, "年度总体目标完成情况");
  if (goal.empty() && done.empty()) return row;
  s.merge(row, 0, row + 1, 0, "年度总体目标", f.head);
  s.merge(row, 1, row, 3, "预期目标", f.head);
  s.merge(row, 4, row, kColumns - 1, r.period == Period::year ? "实际完成情况" : "1-6月执行情况",
          f.head);
  s.merge(row + 1, 1, row + 1, 3, goal, f.text);
  s.merge(row + 1, 4, row + 1, kColumns - 1, done, f.text);
  return row + 2;
}

// 年度主要任务 (the 部门整体 自评表): 任务名称 | 主要内容 | 预算数 | 执行数, one row
// a task, as the targets file's head gives them (# 主要任务 名称: 主要内容 |
// 预算数 | 执行数); figures as number cells. Returns the next free row.
lxw_row_t task_rows(Sheet& s, const Report& r, const Formats& f, lxw_row_t row) {
  constexpr std::string_view kTask = "主要任务 ";
  std::vector<std::array<std::string, 4>> tasks;
  for (const auto& [key, value] : r.heading) {
    if (!key.starts_with(kTask)) continue;
    std::array<std::string, 4> t{key.substr(kTask.size()), value, "", ""};
    // From the right: 执行数, then 预算数; the rest is the content.
    for (std::size_t k = 3; k >= 2; --k) {
      const std::size_t bar = t[1].rfind('|');
      if (bar == std::string::npos) break;
      t[k] = std::string(trim(std::string_view(t[1]).substr(bar + 1)));
      t[1] = std::string(trim(std::string_view(t[1]).substr(0, bar)));
    }
    tasks.push_back(std::move(t));
  }
  if (tasks.empty()) return row;
  s.merge(row, 0, row + tasks.size(), 0, "年度主要任务", f.head);
  s.text(row, 1, "任务名称", f.head);
  s.merge(row, 2, row, 5, "主要内容", f.head);
  s.text(row, 6, "预算数", f.head);
  s.text(row, 7, "执行数", f.head);
  ++row;
  for (const auto& t : tasks) {
    s.text(row, 1, t[0], f.text);
    s.merge(row, 2, row, 5, t[1], f.text);
    for (lxw_col_t c : {6, 7}) {
      const std::string& v = t[c - 4];
      if (auto n = Number::parse_decimal(v))
        s.figure(row, c, n->to_fixed(2), f.number);
      else
        s.text(row, c, v.empty() ? "-" : v, f.center);
    }
    ++row;
  }
  return row;
}

}  // namespace

std::string write_xlsx(const Report& r, const std::string& path) {
  lxw_workbook* wb = new_workbook(path);
  if (!wb) return tr("libxlsxwriter: cannot create the workbook");
  // The official form is in Chinese whatever the run's language; the errors
  // after it (exact_numbers) are in the run's.
  std::optional<LanguageScope> form(std::in_place, Language::zh);
  std::string error;
  const bool year = r.period == Period::year;
  Formats f = make_formats(wb);
  const char* main_sheet = year ? "自评表" : "监控表";
  lxw_worksheet* ws = workbook_add_worksheet(wb, main_sheet);
  if (!ws) return no_sheet(wb, form);
  // Print setup: A4 landscape, one page wide (as many long as it takes), the
  // column heads on every page.
  worksheet_set_landscape(ws);
  worksheet_set_paper(ws, 9);  // A4
  worksheet_fit_to_pages(ws, 1, 0);
  worksheet_center_horizontally(ws);
  const double widths[kColumns] = {12, 24, 30, 14, 14, 10, 10, 36};
  for (lxw_col_t c = 0; c < kColumns; ++c) worksheet_set_column(ws, c, c, widths[c], nullptr);
  std::vector<Clipped> clipped;
  Sheet s(ws, main_sheet, error, clipped);

  const std::string title = form_title(r);
  s.merge(0, 0, 0, kColumns - 1, title, f.title);
  lxw_row_t row = 1;
  if (r.year && title.find("年度") == std::string::npos) {
    s.merge(row, 0, row, kColumns - 1, "（" + std::to_string(*r.year) + "年度）", f.plain);
    ++row;
  }
  row = head_rows(s, r, f, row);
  row = funds_rows(s, r, f, row);
  row = goal_rows(s, r, f, row);
  if (year && !workbook_project_form(r)) row = task_rows(s, r, f, row);
  ++row;

  const lxw_row_t head_row = row;
  std::vector<std::string> heads = {"一级指标", "二级指标", "三级指标", "年度指标值"};
  if (year)
    heads.insert(heads.end(), {"实际完成值", "分值", "得分", "偏差原因分析及改进措施"});
  else
    heads.insert(heads.end(),
                 {"半年指标值", "1-6月执行情况", "完成目标可能性", "偏差原因分析及改进措施"});
  for (lxw_col_t c = 0; c < kColumns; ++c) s.text(row, c, heads[c], f.head);
  worksheet_repeat_rows(ws, head_row, head_row);
  ++row;

  // One row at a time (report_row), never all of them at once: at 200 000
  // indicators the rows were 107 MB beside the workbook's own cells.
  const lxw_row_t first = row;
  const std::size_t count = r.results.size();
  auto level = [&](std::size_t i, int which) -> const std::string& {
    const Indicator& ind = *r.results[i].indicator;
    return which == 1 ? ind.level1 : ind.level2;
  };
  // Runs of equal 一级指标 merged, and of equal 二级指标 within them: each
  // merge begins at its run's first row (its end found by looking ahead).
  std::size_t level1_end = 0;  // one past the 一级指标 run the row is in
  for (std::size_t i = 0; i < count; ++i) {
    const bool level1_first = i == level1_end;
    if (level1_first) {
      level1_end = i + 1;
      while (level1_end < count && level(level1_end, 1) == level(i, 1)) ++level1_end;
      s.merge(first + i, 0, first + level1_end - 1, 0, level(i, 1), f.center);
    }
    if (level1_first || level(i, 2) != level(i - 1, 2)) {
      std::size_t end = i + 1;
      while (end < level1_end && level(end, 2) == level(i, 2)) ++end;
      s.merge(first + i, 1, first + end - 1, 1, level(i, 2), f.text);
    }
    const ReportRow x = report_row(r, i);
    std::string name = x.key_work.empty() ? x.name : x.key_work + "：" + x.name;
    std::string reason = x.reason;
    if (x.needs_reason) reason = "（需说明偏差原因）";
    if (year) {
      s.text(row, 2, name, f.text);
      s.text(row, 3, x.target, f.center);
      s.text(row, 4, x.actual, f.center);
      s.figure(row, 5, x.weight, f.number);
      s.figure(row, 6, x.points, f.number);
    } else {
      s.text(row, 2, name, f.text);
      s.text(row, 3, x.result->indicator->year_target.text, f.center);
      s.text(row, 4, x.target, f.center);
      s.text(row, 5, x.actual, f.center);
      s.text(row, 6, x.on_track, f.center);
    }
    s.text(row, 7, reason, f.text);
    ++row;
  }

  if (year && r.scoring) {
    const Scoring& sc = *r.scoring;
    s.merge(row, 0, row, 4, "总分", f.bold);
    s.figure(row, 5, "100.00", f.number);
    s.figure(row, 6, sc.grade.empty() ? "" : sc.total.to_fixed(2), f.number);
    s.text(row, 7, sc.explanation, f.text);
    ++row;
    s.merge(row, 0, row, 4, "自评等级", f.bold);
    s.merge(row, 5, row, 7, sc.grade.empty() ? "-" : sc.grade, f.bold);
    ++row;
  }

  // How each score was computed (or how each outlook was reached), then what
  // the form assumed and where its figures came from.
  const std::string notes_sheet(year ? kXlsxNotesSheetYear : kXlsxNotesSheetHalf);
  lxw_worksheet* notes = workbook_add_worksheet(wb, notes_sheet.c_str());
  if (!notes) return no_sheet(wb, form);
  worksheet_set_landscape(notes);
  worksheet_set_paper(notes, 9);
  worksheet_fit_to_pages(notes, 1, 0);
  worksheet_repeat_rows(notes, 0, 0);
  worksheet_set_column(notes, 0, 0, 6, nullptr);
  worksheet_set_column(notes, 1, 1, 50, nullptr);
  worksheet_set_column(notes, 2, 2, 70, nullptr);
  Sheet n(notes, notes_sheet, error, clipped);
  n.text(0, 0, "序号", f.head);
  n.text(0, 1, "指标", f.head);
  n.text(0, 2, std::string(year ? kXlsxNotesThirdYear : kXlsxNotesThirdHalf), f.head);
  lxw_row_t nr = 1;
  for (std::size_t i = 0; i < count; ++i) {
    const ReportRow x = report_row(r, i);
    n.text(nr, 0, std::to_string(x.index), f.center);
    n.text(nr, 1, x.path, f.text);
    n.text(nr, 2, year ? x.scoring : x.on_track + "：" + x.on_track_why, f.text);
    ++nr;
  }
  auto note = [&](const std::string& what, const std::string& text) {
    n.merge(nr, 0, nr, 1, what, f.text);
    n.text(nr, 2, text, f.text);
    ++nr;
  };
  if (year && r.scoring) {
    note("评分办法", r.scoring->scheme);
    for (const auto& a : r.scoring->assumptions) note("假定", a);
  }
  if (table_form(r) == TableForm::unknown)
    note("表式", "源表的标题未写明项目支出或部门整体，也没有项目名称，按部门整体支出的表式填写");
  note("资金单位", std::string(funds_name(r)) + "的金额以" + funds_block(r).unit +
                       "计，保留两位小数（四舍五入）；分值、得分为数值单元格，可直接求和");
  note("数据来源", "目标表 " + r.targets_file + "；完成值 " + r.actuals_file);

  // Every cell clipped to Excel's limit, named, with its full length: the
  // JSON and CSV reports hold the text whole.
  for (std::size_t i = 0; i < clipped.size(); ++i)
    note("截断", clipped[i].cell + "：共 " + std::to_string(clipped[i].characters) +
                     " 字，超过 Excel 单元格上限 32767 字，已截断；JSON 与 CSV 报告保留全文");

  s.finish();
  n.finish();
  lxw_error closed = workbook_close(wb);
  form.reset();
  if (closed != LXW_NO_ERROR && error.empty())
    error = std::string("libxlsxwriter: ") + lxw_strerror(closed);
  // The main sheet is the workbook's first part, xl/worksheets/sheet1.xml.
  if (error.empty() && !s.numbers().cells.empty())
    error = exact_numbers(path, "xl/worksheets/sheet1.xml", s.numbers());
  return error;
}

std::string write_review_xlsx(const review::ReviewReport& r, const std::string& path) {
  lxw_workbook* wb = new_workbook(path);
  if (!wb) return tr("libxlsxwriter: cannot create the workbook");
  // The 审核意见表 is in Chinese whatever the run's language.
  std::optional<LanguageScope> form(std::in_place, Language::zh);
  std::string error;
  Formats f = make_formats(wb);
  const char* sheet = "审核意见表";
  constexpr lxw_col_t columns = 7;
  lxw_worksheet* ws = workbook_add_worksheet(wb, sheet);
  if (!ws) return no_sheet(wb, form);
  worksheet_set_landscape(ws);
  worksheet_set_paper(ws, 9);  // A4
  worksheet_fit_to_pages(ws, 1, 0);
  const double widths[columns] = {6, 8, 9, 10, 30, 44, 44};
  for (lxw_col_t c = 0; c < columns; ++c) worksheet_set_column(ws, c, c, widths[c], nullptr);
  std::vector<Clipped> clipped;
  Sheet s(ws, sheet, error, clipped);
  s.merge(0, 0, 0, columns - 1, "绩效目标审核意见表", f.title);
  lxw_row_t row = 2;
  // A group: its head (key, value rows), then one row per finding.
  using Head = std::vector<std::pair<std::string, std::string>>;
  auto group = [&](Head head, const std::string& size, const std::vector<review::Finding>& findings,
                   const char* where) {
    std::size_t errors = 0, warnings = 0, notes = 0;
    for (const review::Finding& x : findings) {
      errors += x.severity == Severity::error;
      warnings += x.severity == Severity::warning;
      notes += x.severity == Severity::note;
    }
    head.emplace_back("审核结果", size + "错误 " + std::to_string(errors) + " 条，警告 " +
                                      std::to_string(warnings) + " 条，提示 " +
                                      std::to_string(notes) + " 条");
    for (const auto& [key, value] : head) {
      s.merge(row, 0, row, 1, key, f.head);
      s.merge(row, 2, row, columns - 1, value, f.text);
      ++row;
    }
    const char* heads[columns] = {
        "序号", "级别", "代码", "位置", "指标", "问题", "审核意见（建议）"};
    for (lxw_col_t c = 0; c < columns; ++c) s.text(row, c, heads[c], f.head);
    ++row;
    std::size_t n = 0;
    for (const review::Finding& x : findings) {
      s.text(row, 0, std::to_string(++n), f.center);
      s.text(row, 1, review::chinese(x.severity), f.center);
      s.text(row, 2, x.code, f.center);
      s.text(row, 3, position_text(x.where), f.center);
      s.text(row, 4, x.indicator.empty() ? where : x.indicator, f.text);
      s.text(row, 5, x.message, f.text);
      s.text(row, 6, x.suggestion, f.text);
      ++row;
    }
    if (findings.empty()) {
      s.merge(row, 0, row, columns - 1, "未发现问题。", f.text);
      ++row;
    }
    ++row;
  };
  for (const review::TableReview& t : r.tables) {
    // The table's head: which file, whose table, the published table's own fields.
    Head head = {{"目标表", t.file}};
    if (!t.unit.empty()) head.emplace_back("单位", t.unit);
    if (t.year) head.emplace_back("年度", std::to_string(*t.year));
    head.insert(head.end(), t.heading.begin(), t.heading.end());
    group(std::move(head), std::to_string(t.indicators) + " 项指标；", t.findings, "（全表）");
  }
  // The rule files' funds block, once: its rule file as its head.
  for (const review::FundsReview& b : r.funds)
    group({{"预算", b.file}}, "", b.findings, "（预算）");
  for (const Clipped& c : clipped) {
    s.merge(row, 0, row, columns - 1,
            tr("{}: {} characters, clipped to Excel's limit of 32 767; the JSON and CSV outputs "
               "hold it whole",
               c.cell, c.characters),
            f.text);
    ++row;
  }
  s.finish();
  lxw_error closed = workbook_close(wb);
  form.reset();
  if (closed != LXW_NO_ERROR && error.empty())
    error = std::string("libxlsxwriter: ") + lxw_strerror(closed);
  return error;
}

}  // namespace indicheck
