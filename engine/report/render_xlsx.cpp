// The report as the official 绩效自评表 workbook (libxlsxwriter): a title, the
// funds block, then one row per indicator under
//   一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施
// with the category cells merged, and the total and grade at the bottom. A
// second sheet, 计分说明, shows how every score was computed. Mid-year, the
// columns are those of the 监控表 (半年指标值, 1-6月完成值, 全年预计).

#include <xlsxwriter.h>

#include "engine/base/diagnostic.hpp"
#include "engine/base/limits.hpp"
#include "engine/base/utf8.hpp"
#include "engine/report/render.hpp"
#include "engine/report/render_rows.hpp"

namespace indicheck {

namespace {

constexpr lxw_row_t kColumns = 8;

struct Formats {
  lxw_format *title, *head, *text, *center, *number, *bold;
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

// A cell too long for Excel: what was clipped, for the notes sheet.
struct Clipped {
  std::string cell;  // "自评表!H7"
  std::size_t characters = 0;
};

class Sheet {
 public:
  Sheet(lxw_worksheet* ws, std::string name, std::string& error, std::vector<Clipped>& clipped)
      : ws_(ws), name_(std::move(name)), error_(error), clipped_(clipped) {}

  void text(lxw_row_t row, lxw_col_t col, const std::string& s, lxw_format* f) {
    require(worksheet_write_string(ws_, row, col, fitted(row, col, s).c_str(), f));
  }
  // A figure printed to 2 places (half-up), as a text cell. Not a number
  // cell: libxlsxwriter takes a double and writes it with %.16G, which turns
  // 83.79 into 83.79000000000001; the 自评表 must show what indicheck computed.
  void figure(lxw_row_t row, lxw_col_t col, const std::string& printed, lxw_format* f) {
    text(row, col, printed, f);
  }
  void merge(lxw_row_t r1, lxw_col_t c1, lxw_row_t r2, lxw_col_t c2, const std::string& s,
             lxw_format* f) {
    if (r1 == r2 && c1 == c2) return text(r1, c1, s, f);
    require(worksheet_merge_range(ws_, r1, c1, r2, c2, fitted(r1, c1, s).c_str(), f));
  }

 private:
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
    const std::string marker = "…(" + std::to_string(c.characters) + " characters)";
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
};

// The funds block (资金): 年初预算数, 全年预算数, 全年执行数, then the 预算执行率
// block's 分值, 执行率 and 得分, from funds_block (engine/assess/report.hpp), and a
// note with the block's arithmetic and where each figure came from.
lxw_row_t funds_rows(Sheet& s, const Report& r, const Formats& f, lxw_row_t row) {
  const FundsBlock b = funds_block(r);
  s.merge(row, 0, row, 1, "项目资金（" + b.unit + "）", f.head);
  const char* heads[] = {"年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"};
  for (lxw_col_t c = 0; c < 6; ++c) s.text(row, static_cast<lxw_col_t>(2 + c), heads[c], f.head);
  ++row;
  auto printed = [](const std::optional<Number>& n) { return n ? n->to_fixed(2) : std::string(); };
  s.merge(row, 0, row, 1, "年度资金总额", f.text);
  s.figure(row, 2, printed(b.initial), f.number);
  s.figure(row, 3, printed(b.budget), f.number);
  s.figure(row, 4, printed(b.executed), f.number);
  s.figure(row, 5, b.score ? b.score->weight.to_fixed(2) : "", f.number);
  s.text(row, 6, b.rate ? b.rate->to_fixed(2) + "%" : "", f.center);
  s.figure(row, 7, b.score ? b.score->points.to_fixed(2) : "", f.number);
  ++row;
  std::string note =
      b.score ? "预算执行率得分 " + b.score->points.to_fixed(2) + "：" + b.score->explanation
              : "预算执行率：未给出预算数与执行数";
  std::string from;
  for (const auto& [label, name] : b.from_rules)
    from += std::string(from.empty() ? "" : "，") + label + "取自规则文件的" + name;
  if (!from.empty()) note += "（" + from + "）";
  s.merge(row, 0, row, kColumns - 1, note, f.text);
  return row + 2;
}

}  // namespace

std::string write_xlsx(const Report& r, const std::string& path) {
  lxw_workbook* wb = workbook_new(path.c_str());
  if (!wb) return "libxlsxwriter: cannot create the workbook";
  std::string error;
  const bool year = r.period == Period::year;
  Formats f = make_formats(wb);
  const char* main_sheet = year ? "自评表" : "监控表";
  lxw_worksheet* ws = workbook_add_worksheet(wb, main_sheet);
  worksheet_set_landscape(ws);
  worksheet_set_paper(ws, 9);  // A4
  worksheet_fit_to_pages(ws, 1, 0);
  const double widths[kColumns] = {10, 24, 30, 14, 14, 9, 9, 36};
  for (lxw_col_t c = 0; c < kColumns; ++c) worksheet_set_column(ws, c, c, widths[c], nullptr);
  std::vector<Clipped> clipped;
  Sheet s(ws, main_sheet, error, clipped);

  std::string title = (r.unit.empty() ? std::string() : r.unit + " ") +
                      (r.year ? std::to_string(*r.year) + "年度 " : std::string()) +
                      (year ? "部门整体支出绩效自评表" : "部门整体绩效运行监控表");
  s.merge(0, 0, 0, kColumns - 1, title, f.title);
  lxw_row_t row = 2;
  // The table's head as the published table has it: one field a row.
  for (const auto& [key, value] : r.heading) {
    s.merge(row, 0, row, 1, key, f.head);
    s.merge(row, 2, row, kColumns - 1, value, f.text);
    ++row;
  }
  if (!r.heading.empty()) ++row;
  if (year) row = funds_rows(s, r, f, row);

  const lxw_row_t head_row = row;
  std::vector<std::string> heads = {"一级指标", "二级指标", "三级指标", "年度指标值"};
  if (year)
    heads.insert(heads.end(), {"实际完成值", "分值", "得分", "偏差原因分析及改进措施"});
  else
    heads.insert(heads.end(), {"半年指标值", "1-6月完成值", "全年预计", "偏差原因分析及改进措施"});
  for (lxw_col_t c = 0; c < kColumns; ++c) s.text(row, c, heads[c], f.head);
  worksheet_repeat_rows(ws, head_row, head_row);
  ++row;

  auto rows = report_rows(r);
  const lxw_row_t first = row;
  for (const ReportRow& x : rows) {
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
  // Merge runs of equal 一级指标, and of equal 二级指标 within them.
  for (std::size_t i = 0; i < rows.size();) {
    std::size_t j = i;
    while (j + 1 < rows.size() && rows[j + 1].level1 == rows[i].level1) ++j;
    s.merge(first + i, 0, first + j, 0, rows[i].level1, f.center);
    for (std::size_t k = i; k <= j;) {
      std::size_t m = k;
      while (m + 1 <= j && rows[m + 1].level2 == rows[k].level2) ++m;
      s.merge(first + k, 1, first + m, 1, rows[k].level2, f.text);
      k = m + 1;
    }
    i = j + 1;
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

  // How each score was computed (or how each outlook was reached).
  const std::string notes_sheet(year ? kXlsxNotesSheetYear : kXlsxNotesSheetHalf);
  lxw_worksheet* notes = workbook_add_worksheet(wb, notes_sheet.c_str());
  worksheet_set_column(notes, 0, 0, 6, nullptr);
  worksheet_set_column(notes, 1, 1, 50, nullptr);
  worksheet_set_column(notes, 2, 2, 70, nullptr);
  Sheet n(notes, notes_sheet, error, clipped);
  n.text(0, 0, "序号", f.head);
  n.text(0, 1, "指标", f.head);
  n.text(0, 2, std::string(year ? kXlsxNotesThirdYear : kXlsxNotesThirdHalf), f.head);
  lxw_row_t nr = 1;
  for (const ReportRow& x : rows) {
    n.text(nr, 0, std::to_string(x.index), f.center);
    n.text(nr, 1, x.path, f.text);
    n.text(nr, 2, year ? x.scoring : x.on_track + "：" + x.on_track_why, f.text);
    ++nr;
  }
  if (year && r.scoring)
    for (const auto& a : r.scoring->assumptions) {
      n.merge(nr, 0, nr, 1, "assumed", f.text);
      n.text(nr, 2, a, f.text);
      ++nr;
    }

  // Every cell clipped to Excel's limit, named, with its full length: the
  // JSON and CSV reports hold the text whole.
  for (std::size_t i = 0; i < clipped.size(); ++i) {
    n.merge(nr, 0, nr, 1, "clipped", f.text);
    n.text(nr, 2,
           clipped[i].cell + ": " + std::to_string(clipped[i].characters) +
               " characters, clipped to Excel's limit of 32 767; the JSON and CSV reports "
               "hold it whole",
           f.text);
    ++nr;
  }

  lxw_error closed = workbook_close(wb);
  if (closed != LXW_NO_ERROR && error.empty())
    error = std::string("libxlsxwriter: ") + lxw_strerror(closed);
  return error;
}

}  // namespace indicheck
