// A table named anywhere read as indicheck's table text: see table_text.hpp.

#include "engine/import/table_text.hpp"

#include <span>

#include "engine/base/blank.hpp"
#include "engine/base/input_file.hpp"
#include "engine/base/message.hpp"
#include "engine/base/utf8.hpp"
#include "engine/import/encoding.hpp"
#include "engine/import/grid.hpp"

namespace indicheck {

namespace {

// The ImportField a column of import's targets or actuals TSV holds.
int field_of(const std::string& column, TableWant want) {
  static const std::pair<const char*, ImportField> targets[] = {
      {"一级指标", ImportField::level1},   {"二级指标", ImportField::level2},
      {"重点工作", ImportField::key_work}, {"三级指标", ImportField::name},
      {"半年指标值", ImportField::half},   {"全年指标值", ImportField::year}};
  static const std::pair<const char*, ImportField> actuals[] = {{"指标", ImportField::name},
                                                                {"实际值", ImportField::actual},
                                                                {"偏差原因", ImportField::reason},
                                                                {"分值", ImportField::weight},
                                                                {"得分", ImportField::score}};
  using Columns = std::span<const std::pair<const char*, ImportField>>;
  for (const auto& [name, field] : want == TableWant::targets ? Columns(targets) : Columns(actuals))
    if (column == name) return static_cast<int>(field);
  return -1;
}

// A sheet's name as a reference names it: quoted when it is more than letters,
// digits and underscores ('table 2'!C5, as Excel writes 'My sheet'!C5).
std::string sheet_reference(const std::string& name) {
  bool plain = !name.empty();
  for (unsigned char c : name) plain = plain && (c >= 0x80 || std::isalnum(c) || c == '_');
  if (plain) return name;
  std::string out = "'";
  for (char c : name) out += c == '\'' ? std::string("''") : std::string(1, c);
  return out + "'";
}

}  // namespace

SourceMap::SourceMap(std::shared_ptr<const Import> import, std::string name,
                     const std::string& text, TableWant want)
    : import_(std::move(import)), name_(std::move(name)), text_(text) {
  const Import& im = *import_;
  // The cell (or row) each "# key:" line's value was read from (line 0: not known).
  auto metadata_place = [&](const std::string& key) -> SourcePlace {
    if (key == "单位") return im.unit_at;
    if (key == "年度") return im.year_at;
    if (key == "总分") return im.total_at;
    if (key == "自评等级") return im.grade_at;
    if (key == "期间") return im.period_at;
    for (const MetadataItem& m : im.metadata)
      if (m.key == key) return m.at;
    if (key == "indicheck targets") return im.title_at;
    // The unit: the cell whose label says it (项目资金（元）, 金额单位).
    if (key == "资金单位" && im.budget_unit_at.line > 0) return im.budget_unit_at;
    if (!im.funds) return {};
    for (const auto& m : im.funds->members)
      if (key == "其中 " + m.name) return m.at;
    if (auto column = im.funds->columns.find(key); column != im.funds->columns.end())
      return {im.funds->line, im.funds->sheet, column->second};
    // A unit assumed (万元): said at the total's row.
    if (key == "资金单位") return {im.funds->line, im.funds->sheet, -1};
    return {};
  };
  // The published header row of the indicators: the last header row before
  // the first indicator's (a funds block's header comes earlier).
  auto header_place = [&]() -> SourcePlace {
    if (im.indicators.empty()) return {};
    const SourceRow& first = im.indicators.front().row;
    SourcePlace found;
    for (const RowRecord& r : im.rows) {
      if (r.line == first.line && r.sheet == first.sheet) break;
      if (r.use == RowUse::header) found = {r.line, r.sheet, -1};
    }
    return found;
  };
  bool header = false;
  std::size_t next = 0;  // the next indicator
  for (std::size_t at = 0; at < text_.size();) {
    std::size_t end = text_.find('\n', at);
    if (end == std::string::npos) end = text_.size();
    std::string_view line(text_.data() + at, end - at);
    starts_.push_back(at);
    Line& l = lines_.emplace_back();
    if (line.starts_with("# ")) {
      if (auto colon = line.find(':'); colon != std::string_view::npos) {
        l.metadata = metadata_place(std::string(line.substr(2, colon - 2)));
      }
    } else if (!header) {
      header = true;
      l.metadata = header_place();
      for (std::size_t from = 0; from <= line.size();) {
        std::size_t tab = std::min(line.find('\t', from), line.size());
        fields_.push_back(field_of(std::string(line.substr(from, tab - from)), want));
        from = tab + 1;
      }
    } else {
      // One line per indicator, in order; the actuals leave out a category
      // with no indicator.
      while (next < im.indicators.size() && want == TableWant::actuals &&
             im.indicators[next].name.empty())
        ++next;
      if (next < im.indicators.size()) l.indicator = &im.indicators[next++];
    }
    at = end + 1;
  }
}

std::string SourceMap::table_of(const std::string& sheet) const {
  return sheet.empty() ? import_->only_table : sheet;
}

std::string SourceMap::place(const SourceRow& row, const std::string& table, int column) const {
  const std::string& format = import_->format;
  const std::string line = std::to_string(row.line);
  if (format == "xlsx" || format == "xls" || format == "docx") {
    std::string where = column >= 0 ? cell_reference(row.line - 1, unsigned(column))
                                    : line + ":" + line;  // the whole row, as Excel says it
    return table.empty() ? where : sheet_reference(table) + "!" + where;
  }
  if (format == "pdf" && !table.empty()) return table + ":" + line;  // page 2:14
  return line;  // text, CSV, HTML: a line of the file itself
}

void SourceMap::relocate(SourceLocation& where, SourceLine& echo) const {
  if (where.file != name_ || where.line == 0 || where.line > lines_.size()) return;
  const Line& l = lines_[where.line - 1];
  if (!l.indicator) {
    if (!l.metadata.line) return;
    SourceRow row;
    row.line = l.metadata.line;
    where.file = import_->source;
    where.place = place(row, table_of(l.metadata.sheet), l.metadata.column);
    where.line = l.metadata.line;
    where.column = 1;
    echo = {};
    return;
  }
  const SourceRow& row = l.indicator->row;
  // The field the column falls in, and how far into it.
  std::size_t begin = starts_[where.line - 1];
  std::size_t end = std::min(text_.find('\n', begin), text_.size());
  std::size_t field = 0, byte = begin;
  unsigned field_start = 1, column = 1;
  while (byte < end && column < where.column) {
    if (text_[byte] == '\t') {
      ++field;
      field_start = column + 1;
    }
    utf8::next(std::string_view(text_).substr(0, end), byte);
    ++column;
  }
  const int f = field < fields_.size() ? fields_[field] : -1;
  const int source = f >= 0 ? l.indicator->columns[std::size_t(f)] : -1;
  unsigned caret = 1;
  if (source >= 0 && std::size_t(source) < row.cells.size()) {
    for (int k = 0; k < source; ++k)
      caret += count_chars(row.cells[std::size_t(k)], row.cells[std::size_t(k)].size()) + 1;
    // Within the cell as well, when the field is the cell's text.
    std::size_t field_byte = begin;
    for (std::size_t k = 0; k < field; ++k) field_byte = text_.find('\t', field_byte) + 1;
    std::string_view written(text_.data() + field_byte,
                             std::min(text_.find('\t', field_byte), end) - field_byte);
    if (written == row.cells[std::size_t(source)]) caret += where.column - field_start;
  }
  where.file = import_->source;
  where.place = place(row, table_of(row.sheet), source);
  where.line = row.line;
  where.column = caret;
  echo = row.text;
}

// The table keeps its lines (an indicator's `line` is one of the text, as its
// file's name says); its cells and what is located through it (`at`) move.
void SourceMap::relocate(TargetTable& table, std::shared_ptr<const SourceMap> self) const {
  for (Indicator& ind : table.indicators) {
    relocate(ind.half_target.where, ind.half_target.source_line);
    relocate(ind.year_target.where, ind.year_target.source_line);
    for (Boxed<Cell>* c : {&ind.nature, &ind.weight})
      if (*c) relocate((*c)->where, (*c)->source_line);
  }
  table.relocate = [self](SourceLocation& where, SourceLine& echo) { self->relocate(where, echo); };
}

void SourceMap::relocate(ActualTable& table, std::shared_ptr<const SourceMap> self) const {
  for (ActualRow& row : table.rows)
    for (Cell* c : {&row.key, &row.value, row.weight ? &*row.weight : nullptr,
                    row.score ? &*row.score : nullptr})
      if (c) relocate(c->where, c->source_line);
  for (auto& [key, cell] : table.published) relocate(cell.where, cell.source_line);
  table.relocate = [self](SourceLocation& where, SourceLine& echo) { self->relocate(where, echo); };
}

std::shared_ptr<const Import>* TableImports::find(const std::string& path) {
  auto it = imported_.find(path);
  return it == imported_.end() ? nullptr : &it->second;
}

void TableImports::add(const std::string& path, std::shared_ptr<const Import> import) {
  summaries_.push_back(write_summary(*import));
  imported_[path] = std::move(import);
}

namespace {

// The header of a text given as a table, when it is no header of indicheck's
// table files: it names none of their columns, or it names a column only a
// published table has (年度指标值, 实际完成值, 度量单位): a published table saved
// as text, a pasted grid. nullopt for indicheck's own file, however wrong its
// header otherwise (its reader says what is wrong), and for a file with no
// header the reader could judge.
std::optional<FirstLine> foreign_header(const std::string& bytes) {
  auto line = first_line(bytes);
  if (!line) return std::nullopt;
  bool ours = false;
  std::string_view rest = line->text;
  while (true) {
    const std::size_t tab = rest.find('\t');
    const std::string name(trim(rest.substr(0, tab)));
    if (is_table_column(name))
      ours = true;
    else if (is_published_column(name))
      return line;
    if (tab == std::string_view::npos) break;
    rest.remove_prefix(tab + 1);
  }
  if (ours) return std::nullopt;
  return line;
}

}  // namespace

std::optional<TableText> read_table(const std::string& path, std::string bytes, TableWant want,
                                    std::vector<Diagnostic>& diagnostics, TableImports* imports) {
  const DetectedFormat detected = detect_import_format(path, bytes);
  const bool targets = want == TableWant::targets;
  // indicheck's own TSV (any text not named .csv whose header is one of
  // its) is read as it is: its reader says what is wrong, line by line. A
  // text with another header (a published table saved as text, a pasted
  // grid) is imported as the file it is, or refused in one message.
  std::optional<FirstLine> foreign;
  if (detected.format == ImportFormat::text ||
      (detected.format == ImportFormat::csv && path.ends_with(".tsv"))) {
    const bool gb18030 = is_gb18030_not_utf8(bytes);
    if (!gb18030) {
      foreign = foreign_header(bytes);
      if (!foreign) return TableText{path, std::move(bytes), nullptr};
    } else if (std::vector<Diagnostic> ignored;
               auto text = decode(path, bytes, ImportEncoding::gb18030, ignored)) {
      // GB18030 text: a published table (its header is not indicheck's) is
      // imported, which reads GB18030 as Excel on a Chinese desktop writes it;
      // indicheck's own TSV must be UTF-8, and is refused below.
      foreign = foreign_header(text->text);
    }
    if (gb18030 && !foreign) {
      diagnostics.push_back(
          make_diagnostic(Code::table_gb18030, path, 1, 1,
                          targets ? tr("found GB18030 (GBK) text, not UTF-8: the targets file must "
                                       "be UTF-8 (docs/files.md): save it as UTF-8 (Excel: CSV "
                                       "UTF-8), or, for a published table, `indicheck import {}` "
                                       "reads it as it is",
                                       path)
                                  : tr("found GB18030 (GBK) text, not UTF-8: the actuals file must "
                                       "be UTF-8 (docs/files.md): save it as UTF-8 (Excel: CSV "
                                       "UTF-8), or, for a published table, `indicheck import {}` "
                                       "reads it as it is",
                                       path)));
      return std::nullopt;
    }
  }
  std::shared_ptr<const Import> im;
  if (auto* found = imports ? imports->find(path) : nullptr) im = *found;
  if (!im) {
    bytes.clear();
    bytes.shrink_to_fit();
    std::size_t before = diagnostics.size();
    auto read = import_file(path, ImportOptions{}, diagnostics);
    if (!read && foreign) {
      // What import says of a text that is no table is of no use to one who
      // meant a table file: one line says what the file is and what to do.
      diagnostics.erase(diagnostics.begin() + long(before), diagnostics.end());
      diagnostics.push_back(make_diagnostic(
          Code::table_text_unknown, path, foreign->number, 1,
          targets ? tr("found plain text that is neither indicheck's targets TSV (its header "
                       "names the columns {}: docs/files.md) nor a published table import "
                       "reads; `indicheck import {}` says what it finds in it",
                       "一级指标, 二级指标, 三级指标, 全年指标值", path)
                  : tr("found plain text that is neither indicheck's actuals TSV (its header "
                       "names the columns {}: docs/files.md) nor a published table import "
                       "reads; `indicheck import {}` says what it finds in it",
                       "指标, 实际值", path),
          foreign->text));
      return std::nullopt;
    }
    if (!read) {
      // The import said why (its diagnostics); one line says what was tried.
      if (detected.format)
        diagnostics.insert(
            diagnostics.begin() + long(before),
            make_diagnostic(Code::table_import_failed, path, 1, 1,
                            targets ? tr("found a {} file, not indicheck's targets TSV: imported "
                                         "it, which failed (below); `indicheck import {}` lists "
                                         "every row",
                                         format_name(*detected.format), path)
                                    : tr("found a {} file, not indicheck's actuals TSV: imported "
                                         "it, which failed (below); `indicheck import {}` lists "
                                         "every row",
                                         format_name(*detected.format), path)));
      return std::nullopt;
    }
    im = std::make_shared<const Import>(std::move(*read));
    if (imports) imports->add(path, im);
  }
  if (!targets && !im->has_self_evaluation) {
    diagnostics.push_back(make_diagnostic(
        Code::table_no_actuals, path, 1, 1,
        tr("found a {} table with targets but no 实际完成值 column: no actuals in it (give the "
           "self-evaluation, 自评表, or the 监控表 as --actuals)",
           im->format)));
    return std::nullopt;
  }
  // A line number of the text is one of the table as imported (what
  // `indicheck import` writes): the name says so, until the map moves it.
  TableText out;
  out.name = path + " (imported)";
  out.text = targets ? write_targets(*im) : write_actuals(*im);
  out.map = std::make_shared<const SourceMap>(im, out.name, out.text, want);
  return out;
}

std::optional<TableText> read_table(const std::string& path, TableWant want,
                                    std::vector<Diagnostic>& diagnostics, TableImports* imports) {
  auto bytes = read_file(path, diagnostics);
  if (!bytes) return std::nullopt;
  return read_table(path, std::move(*bytes), want, diagnostics, imports);
}

namespace {

// Reads the text with `read` and moves what it says to the published file.
template <typename Table, typename Read>
std::optional<Table> read_relocated(std::optional<TableText> text,
                                    std::vector<Diagnostic>& diagnostics, Read read) {
  if (!text) return std::nullopt;
  std::size_t before = diagnostics.size();
  TableRelocate relocate;
  if (text->map)
    relocate = [map = text->map](SourceLocation& where, SourceLine& echo) {
      map->relocate(where, echo);
    };
  std::optional<Table> table = read(text->name, text->text, diagnostics, relocate);
  if (text->map) {
    for (std::size_t i = before; i < diagnostics.size(); ++i) text->map->relocate(diagnostics[i]);
    if (table) text->map->relocate(*table, text->map);
  }
  return table;
}

}  // namespace

std::optional<TargetTable> read_any_targets(const std::string& path,
                                            std::vector<Diagnostic>& diagnostics,
                                            TableImports* imports,
                                            std::optional<std::string> bytes) {
  auto text = bytes ? read_table(path, std::move(*bytes), TableWant::targets, diagnostics, imports)
                    : read_table(path, TableWant::targets, diagnostics, imports);
  return read_relocated<TargetTable>(
      std::move(text), diagnostics,
      [](const std::string& name, const std::string& t, std::vector<Diagnostic>& ds,
         const TableRelocate& relocate) { return read_targets(name, t, ds, relocate); });
}

std::optional<ActualTable> read_any_actuals(const std::string& path,
                                            std::vector<Diagnostic>& diagnostics,
                                            TableImports* imports) {
  return read_relocated<ActualTable>(
      read_table(path, TableWant::actuals, diagnostics, imports), diagnostics,
      [](const std::string& name, const std::string& t, std::vector<Diagnostic>& ds,
         const TableRelocate& relocate) { return read_actuals(name, t, ds, relocate); });
}

}  // namespace indicheck
