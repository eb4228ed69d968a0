#pragma once
// A table named anywhere (check's --targets and --actuals, lint --targets, a
// rule file's 目标表, a .test case's 目标表 and 实际值) read as indicheck's own
// table: the file itself when it is indicheck's TSV, else what `import -o` or
// `--actuals-out` writes from it (docs/import.md). Every command reads its
// tables through here, so every format import reads is taken wherever a table
// is named, and a diagnostic about an imported table names the place in the
// published file (a cell "自评表.xlsx:Sheet1!C7", a row, a line), not a line of
// the TSV copy nobody sees.
//
//   read_table(path, want) → TableText (text + SourceMap) → read_targets /
//     read_actuals (engine/table) → SourceMap::relocate

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "engine/base/diagnostic.hpp"
#include "engine/import/import.hpp"
#include "engine/table/table.hpp"

namespace indicheck {

enum class TableWant { targets, actuals };

// Where each line of a table's text, as import wrote it, stands in the
// published file: an indicator's line at its source row, each field at the
// cell it came from; a "# key: value" line at the cell its value was read
// from (the row, when the cell is not known). The lines import adds itself
// (its comments, the header) stay where they are.
class SourceMap {
 public:
  SourceMap(std::shared_ptr<const Import> import, std::string name, const std::string& text,
            TableWant want);

  // A location in the text (file == name()) moved to the published file, with
  // the source row as the line to echo; other locations are left as they are.
  void relocate(SourceLocation& where, SourceLine& echo) const;
  void relocate(Diagnostic& d) const { relocate(d.where, d.source_line); }
  // Every cell of a table read from the text; the table's `relocate` set to
  // this map (`self`), for what is located through it later.
  void relocate(TargetTable& table, std::shared_ptr<const SourceMap> self) const;
  void relocate(ActualTable& table, std::shared_ptr<const SourceMap> self) const;

  const std::string& name() const { return name_; }

 private:
  struct Line {
    const ImportedIndicator* indicator = nullptr;
    SourcePlace metadata;  // where a "# key:" line's value was read
  };
  std::string place(const SourceRow& row, const std::string& table, int column) const;
  std::string table_of(const std::string& sheet) const;

  std::shared_ptr<const Import> import_;
  std::string name_;
  std::string text_;                 // the text the lines are of
  std::vector<std::size_t> starts_;  // where each line starts in text_
  std::vector<Line> lines_;          // by line - 1
  std::vector<int> fields_;          // the ImportField of each column, -1: none
};

// A table's text as indicheck's table reader takes it.
struct TableText {
  std::string name;  // how diagnostics name the text: the path, "PATH (imported)"
  std::string text;
  std::shared_ptr<const SourceMap> map;  // set when the text was imported
};

// The imports done for one run: a file named twice (as targets and as actuals,
// or by a rule file and on the command line) is imported once.
class TableImports {
 public:
  std::shared_ptr<const Import>* find(const std::string& path);
  void add(const std::string& path, std::shared_ptr<const Import> import);
  // The summary of each import done (docs/import.md), for `-v`.
  const std::vector<std::string>& summaries() const { return summaries_; }

 private:
  std::map<std::string, std::shared_ptr<const Import>> imported_;
  std::vector<std::string> summaries_;
};

// The file's text as indicheck's table (`want`: the targets or the actuals
// TSV): the file itself (`bytes`, its contents, already read), or what import
// writes from it. nullopt, with one diagnostic saying what the file is and
// what reads it, when neither. `imports`: the run's, when it keeps them.
std::optional<TableText> read_table(const std::string& path, std::string bytes, TableWant want,
                                    std::vector<Diagnostic>& diagnostics,
                                    TableImports* imports = nullptr);
// The same, the file read here.
std::optional<TableText> read_table(const std::string& path, TableWant want,
                                    std::vector<Diagnostic>& diagnostics,
                                    TableImports* imports = nullptr);

// A targets or actuals table read from any file read_table takes, every
// location in it and in its diagnostics moved to the published file.
std::optional<TargetTable> read_any_targets(const std::string& path,
                                            std::vector<Diagnostic>& diagnostics,
                                            TableImports* imports = nullptr,
                                            std::optional<std::string> bytes = std::nullopt);
std::optional<ActualTable> read_any_actuals(const std::string& path,
                                            std::vector<Diagnostic>& diagnostics,
                                            TableImports* imports = nullptr);

}  // namespace indicheck
