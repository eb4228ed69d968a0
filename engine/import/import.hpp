#pragma once
// indicheck import: a published target table (PDF-extracted text, CSV, xlsx,
// xls, HTML, docx, PDF) read into indicheck's inputs. The spreadsheet and
// document readers produce a sparse grid (grid.hpp) that becomes source rows;
// text and CSV are rows already. One interpreter turns the rows into
// indicators, budget figures and text, and records why each row was used or
// skipped, every repair and assumption.
//
//   read (layout_text / csv / xlsx / xls / html / docx / pdf) → SourceRow rows
//     → interpret → Import → write_*

#include <array>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "engine/base/diagnostic.hpp"

namespace indicheck {

enum class ImportFormat { auto_detect, text, csv, xlsx, xls, html, docx, pdf };
enum class ImportEncoding { auto_detect, utf8, gb18030 };

// One row of the source as cells, with where it stands.
struct SourceRow {
  std::string file;
  std::string sheet;  // the sheet, table or page, when the file has several
  // text/CSV/HTML: the line the row starts on; xlsx/xls/docx: the row number;
  // PDF: the row's number on its page.
  unsigned line = 0;
  std::vector<std::string> cells;
  std::string text;  // the line as written, for diagnostics (cells joined by tabs)
  // Why the row was not read into cells: a line (or CSV record) over
  // ImportLimits::max_line_bytes is listed as skipped, not read, so memory stays
  // bounded by the file, not by what one line costs to interpret; "" when read.
  std::string refused;
};

// What a source row became; the summary counts every row under one of these.
enum class RowUse {
  blank,
  metadata,   // the title, the year, the unit's name
  header,     // a column header of a table or a budget block
  indicator,  // an indicator row (possibly with no target)
  category,   // a category with no indicator (生态效益 with nothing under it)
  budget,     // a budget figure
  text,       // a free-text section (主要职能, 年度目标, …)
  skipped,    // listed with its reason
};

// The fields of an indicator that come from a cell of its row.
enum class ImportField {
  level1,
  level2,
  key_work,
  name,
  half,
  year,
  actual,
  reason,
  weight,
  score
};
inline constexpr std::size_t kImportFields = 10;

struct ImportedIndicator {
  std::string level1, level2, key_work, name;  // 一级 / 二级 / 重点工作 / 三级
  std::string half_target, year_target;        // as written (split columns combined)
  // 指标性质 正向 or 反向 as the table says it (the target's comparator may come
  // from a 指标方向 beside it): kept for the review to compare the two.
  std::string nature;
  // Self-evaluation columns, when the table has them.
  std::string actual, weight, score, reason;  // 实际完成值, 分值, 得分, 偏差原因
  // A mid-year 监控表's 全年预计完成情况, 完成目标可能性, measures (完成目标采取的
  // 措施, 相关建议或举措) and 备注, each labelled ("全年预计：…；完成目标可能性：…"),
  // for the actuals' 备注. One string, not four: 100 000 rows stay within
  // the import's memory limit (docs/import.md).
  std::string remark;
  SourceRow row;
  // The cell of `row` each field came from (an index into row.cells, which for
  // a workbook, page or document table is the column), -1 when none is known
  // (an empty cell, or a target combined from several): where a diagnostic
  // about the field points in the published table.
  std::array<int, kImportFields> columns{-1, -1, -1, -1, -1, -1, -1, -1, -1, -1};
  int column(ImportField f) const { return columns[static_cast<std::size_t>(f)]; }
};

// A budget figure: 半年 and/or 全年 values exactly as printed; a stated
// subtotal (财政拨款 with its 小计) has members; a group has no values.
struct BudgetFigure {
  std::string name;
  std::string half, year;  // "" when the table has no such value for the line
  bool is_group = false;
  std::vector<BudgetFigure> members;
  unsigned line = 0;
};

struct TextSection {
  std::string title;  // 单位主要职能, 中长期目标, 年度目标, …
  std::string text;   // paragraphs separated by "\n"
  unsigned line = 0;
};

struct Note {
  unsigned line = 0;  // 0: about the whole file
  std::string sheet;  // xlsx only
  std::string text;
};

struct RowRecord {
  unsigned line = 0;
  std::string sheet;
  RowUse use = RowUse::blank;
  std::string reason;  // for skipped rows
};

// Where a value of the table's head was read: its row (0: not read), its
// sheet when the file has several, its cell (an index into the row's cells,
// -1: the row as a whole).
struct SourcePlace {
  unsigned line = 0;
  std::string sheet;
  int column = -1;
};

// A field of the table's head (项目名称 | 造林绿化工程), written to the targets
// file as "# 项目名称: 造林绿化工程" and shown in every report's heading.
struct MetadataItem {
  std::string key;  // one of kHeadingKeys (engine/table/table.hpp)
  std::string value;
  SourcePlace at;  // the value's cell (the first, for a value of several)
};

struct Import {
  std::string source;  // the input path
  // A grid read as one table (a workbook of one sheet): its name, which the
  // rows do not carry (SourceRow::sheet is set only when there are several).
  std::string only_table;
  std::string format;    // "text", "csv", "xlsx", "xls", "html", "docx", "pdf"
  std::string encoding;  // "utf-8", "utf-8 with BOM", "gb18030", "utf-8 (xlsx)", …
  std::string title;     // 苏州市市级部门整体预算绩效目标表
  SourcePlace title_at;
  std::string unit_name;       // 单位名称
  std::string year;            // 2024
  std::string budget_unit;     // 万元
  SourcePlace budget_unit_at;  // the cell the unit was read from (line 0: assumed)
  // The first actual column's header (实际完成值; 1-6月执行情况 at mid-year),
  // which says the actuals' period.
  SourcePlace period_at;
  std::vector<MetadataItem> metadata;         // as read; written in kHeadingKeys' order
  SourcePlace unit_at, year_at;               // where 单位 and 年度 were read
  std::vector<ImportedIndicator> indicators;  // includes category-only rows (name "")
  std::vector<BudgetFigure> budget;
  std::vector<TextSection> texts;
  std::vector<RowRecord> rows;  // one per source row, in order
  std::vector<Note> repairs;
  std::vector<Note> assumptions;
  bool has_self_evaluation = false;
  bool has_half = false, has_year = false;
  // A mid-year 监控表: its actuals (1-6月执行情况) are for 半年.
  bool mid_year = false;
  // A self-evaluation's published figures, exact decimals as printed ("" when
  // absent): the funds block's total line (全年预算数, 全年执行数, its 分值 and
  // 得分 for 预算执行率) and the indicator table's 总分 row.
  // A 监控表's total line gives 1-6月执行数 and 全年预计执行数 instead. `rate`
  // is the 执行率 as printed (97.3%), "" when the block has none.
  struct Funds {
    std::string budget, executed, weight, score;
    std::string half_executed, forecast;
    std::string rate;
    unsigned line = 0;
    std::string sheet;
    // The cell of the total line each figure was read from, by the key the
    // actuals file gives it ("全年预算数", "执行率分值", "执行率", …).
    std::map<std::string, int> columns;
    // The total's 其中 lines: name, 全年预算数 and 全年执行数 ("" when not given),
    // and where its 全年预算数 stands.
    struct Member {
      std::string name, budget, executed;
      SourcePlace at;
    };
    std::vector<Member> members;
  };
  std::optional<Funds> funds;
  std::string total_score;
  SourcePlace total_at;
  std::string grade;  // the published 自评等级 (优 良 中 差), "" when absent
  SourcePlace grade_at;

  std::size_t count(RowUse use) const;
  std::size_t budget_lines() const;  // figures, members and groups' members
};

struct ImportOptions {
  ImportFormat format = ImportFormat::auto_detect;
  ImportEncoding encoding = ImportEncoding::auto_detect;
};

// What `import` makes of a file's bytes: a format it reads, or, when it reads
// none, what the file is (`found`: "a PNG image", "an ODF spreadsheet"). Plain
// text is csv when named .csv/.tsv, else text.
struct DetectedFormat {
  std::optional<ImportFormat> format;
  std::string found;
};
DetectedFormat detect_import_format(const std::string& path, const std::string& bytes);

// A text file in GB18030 (or GBK) that is not UTF-8: check reads indicheck's
// tables in UTF-8 only, import reads this.
bool is_gb18030_not_utf8(const std::string& bytes);

// "xlsx", "csv", …: the format's name as the summary says it.
const char* format_name(ImportFormat format);

// Reads and interprets `path`. nullopt, with located diagnostics, when it cannot
// be imported at all; warnings may be added on success.
std::optional<Import> import_file(const std::string& path, const ImportOptions& options,
                                  std::vector<Diagnostic>& diagnostics);

// The steps, for tests: a grid of rows from bytes already in UTF-8 …
std::vector<SourceRow> rows_from_text(const std::string& file, const std::string& utf8);
std::optional<std::vector<SourceRow>> rows_from_csv(const std::string& file,
                                                    const std::string& utf8,
                                                    std::vector<Diagnostic>& diagnostics);
// … and the interpreter over it.
std::optional<Import> interpret(std::vector<SourceRow> rows, std::vector<Diagnostic>& diagnostics);
// Whether a header cell names a column import reads in a published table
// (三级指标, 年度指标值, 实际完成值, 度量单位, 分值(分), …).
bool is_published_column(const std::string& header);

// The outputs (docs/import.md): the targets TSV (docs/files.md), the budget
// block of a rule file, an actuals TSV of a self-evaluation, the text sections,
// and the summary printed on stderr.
std::string write_targets(const Import& import);
std::string write_budget(const Import& import, std::vector<Diagnostic>& diagnostics);
std::string write_actuals(const Import& import);
std::string write_texts(const Import& import);
std::string write_summary(const Import& import);

}  // namespace indicheck
