#pragma once
// Reading indicheck's own table files: a targets file (the indicator table,
// one row per indicator) and an actuals file (what was reported). Both are
// UTF-8 TSV with a header row; fixtures/suzhou-zrzy-2024/README.md and
// docs/files.md describe the layout. Every problem becomes a located
// diagnostic; reading goes on after one so that all of them are reported.

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/base/boxed.hpp"
#include "engine/base/diagnostic.hpp"
#include "engine/base/number.hpp"
#include "engine/base/period.hpp"

namespace indicheck {

// A cell as read, with where it stands.
struct Cell {
  std::string text;
  SourceLocation where;    // first character of the cell
  SourceLine source_line;  // the whole line, for diagnostics (one copy per line)
};

struct Indicator {
  std::string level1, level2, key_work, name;  // 一级 / 二级 / 重点工作 / 三级
  Cell half_target, year_target;               // 半年指标值, 全年指标值
  // 指标性质 (正向: higher is better, 反向: lower is better), when the table
  // has the column and the cell is not blank; the review compares it with the
  // target's comparator. On the heap: most tables leave it out or blank, and
  // an empty cell was 120 of an indicator's 496 bytes.
  Boxed<Cell> nature;
  // 分值: a targets table's own weight for the indicator (an exact decimal),
  // when the table has the column and the cell is not blank. Scoring takes it
  // when neither the rule files nor the actuals give one (docs/scoring.md).
  Boxed<Cell> weight;
  unsigned line = 0;

  // 一级, 二级, 重点工作 (when set), 三级 (when set).
  std::vector<std::string> path() const;
  std::string path_text() const;  // joined with " / "
  // path() as names are compared (squeeze, engine/base/blank.hpp): two
  // indicators with the same key are one indicator, and an actual's key
  // names the last segments of it.
  std::vector<std::string> path_key() const;
  const Cell& target(Period p) const { return p == Period::half ? half_target : year_target; }
};

// An actual's key (`验收合格率`, `质量指标/验收合格率`) as the path_key
// segments it names, split at '/'.
std::vector<std::string> key_segments(std::string_view key);

// The head of a published table that a targets file may carry as "# key: value"
// lines (indicheck import writes them): shown in every report's heading, in
// this order.
inline constexpr const char* kHeadingKeys[] = {"项目名称", "主管部门", "实施单位", "年度总体目标",
                                               "年度总体目标完成情况"};

// Moves a location in a table's text to its place in the published file the
// text was imported from, with the row to echo there (engine/import/table_text.hpp).
using TableRelocate = std::function<void(SourceLocation&, SourceLine&)>;

struct TargetTable {
  std::string file;
  std::map<std::string, std::string> metadata;    // "# 单位: …", "# 年度: …", kHeadingKeys
  std::map<std::string, unsigned> metadata_line;  // where each metadata line stands
  std::optional<int> year;
  bool has_half = false, has_year = false;
  unsigned header_line = 1;  // where the header names the columns (its place when imported)
  std::vector<Indicator> indicators;
  // Set when the table was imported from a published file
  // (engine/import/table_text.hpp): moves a location in this table's text to
  // its place in the published file, with the row to echo there.
  TableRelocate relocate;
  // Line `line`, column `column` of this table, where a person finds it.
  SourceLocation at(unsigned line, unsigned column = 1) const;
};

struct ActualRow {
  Cell key;  // an indicator path suffix: "预算执行率" or "计划制定/中长期规划制定健全性"
  Cell value;
  std::string reason;  // 偏差原因
  unsigned line = 0;
  // A published self-evaluation's 分值 and 得分 (docs/files.md), checked to be
  // exact decimals; unset when the column is absent, the cell blank or
  // unreadable. Kept on the heap: most tables have neither, and two empty
  // cells were 240 of a row's 520 bytes (docs/reliability.md, "Report sizes").
  Boxed<Cell> weight, score;
};

// A 其中 line of a published funds block (本年财政拨款, 上年结转资金, 其他资金):
// its 全年预算数 and, when the table gives it, its 全年执行数, in the block's unit.
struct FundsMember {
  std::string name;
  Number budget;
  std::optional<Number> executed;
  unsigned line = 0;
};

struct ActualTable {
  std::string file;
  std::map<std::string, std::string> metadata;
  std::map<std::string, unsigned> metadata_line;
  std::optional<Period> period;  // from "# 期间: 半年|全年"
  std::vector<ActualRow> rows;
  // A published self-evaluation's figures (docs/files.md): "# 总分: 87.6",
  // "# 全年预算数: …", "# 全年执行数: …", "# 执行率分值: …", "# 执行率得分: …",
  // each an exact decimal (checked); by key, the value with where it stands.
  std::map<std::string, Cell> published;
  // "# 其中 当年财政拨款: 180 171": the funds block's 其中 lines, in order.
  std::vector<FundsMember> members;
  // Set when the table was imported from a published file
  // (engine/import/table_text.hpp): moves a location in this table's text to
  // its place in the published file, with the row to echo there.
  TableRelocate relocate;
  // Line `line`, column `column` of this table, where a person finds it.
  SourceLocation at(unsigned line, unsigned column = 1) const;
};

// The columns a header of each file may name (docs/files.md), in the order
// "expected one of" lists them.
inline constexpr const char* kTargetColumns[] = {"一级指标", "二级指标",   "重点工作",   "三级指标",
                                                 "指标性质", "半年指标值", "全年指标值", "分值"};
inline constexpr const char* kActualColumns[] = {"指标", "实际值", "偏差原因",
                                                 "备注", "分值",   "得分"};

// The first line of `content` that is not blank and not a '#' comment: a
// table file's header. nullopt when there is none, or when a line before it
// is one the table reader skips (too long, not UTF-8, a NUL, a lone CR): the
// reader says what is wrong with it.
struct FirstLine {
  unsigned number;
  std::string text;
};
std::optional<FirstLine> first_line(std::string_view content);
// Whether `name` is a column of a targets or an actuals file.
bool is_table_column(std::string_view name);

// nullopt when the file cannot be read as a table at all (no header, a
// missing required column); diagnostics say why. Row problems are reported
// and the row is skipped only when it cannot be placed at all. `relocate`,
// for a text imported from a published table, becomes the table's: a message
// that names another line of the table ("already defined on …") names its
// place in the published file.
std::optional<TargetTable> read_targets(const std::string& file, std::string_view content,
                                        std::vector<Diagnostic>& diagnostics,
                                        const TableRelocate& relocate = {});
std::optional<ActualTable> read_actuals(const std::string& file, std::string_view content,
                                        std::vector<Diagnostic>& diagnostics,
                                        const TableRelocate& relocate = {});

// Several actuals files read as one (figures beside indicator actuals): rows
// in order, one 期间 for all; nullopt when any cannot be read.
std::optional<ActualTable> read_actuals_files(const std::vector<std::string>& files,
                                              std::vector<Diagnostic>& diagnostics);
// The same, each file read by `read_one` (the pipeline's: a published table
// is imported first).
using ActualsReader =
    std::function<std::optional<ActualTable>(const std::string&, std::vector<Diagnostic>&)>;
std::optional<ActualTable> read_actuals_files(const std::vector<std::string>& files,
                                              std::vector<Diagnostic>& diagnostics,
                                              const ActualsReader& read_one);

}  // namespace indicheck
