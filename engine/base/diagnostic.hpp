#pragma once
// One source-location type and one diagnostic printer for every stage.
// Columns count characters (not bytes); carets account for wide CJK cells.

#include <cstring>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "engine/base/code.hpp"
#include "engine/base/shared_name.hpp"
#include "engine/base/utf8.hpp"

namespace indicheck {

struct SourceLocation {
  SourceLocation() = default;
  SourceLocation(SharedName file_, unsigned line_ = 1, unsigned column_ = 1)  // NOLINT
      : file(std::move(file_)), line(line_), column(column_) {}
  SourceLocation(const std::string& file_, unsigned line_ = 1, unsigned column_ = 1)  // NOLINT
      : SourceLocation(SharedName(file_), line_, column_) {}
  SourceLocation(const char* file_, unsigned line_ = 1, unsigned column_ = 1)  // NOLINT
      : SourceLocation(SharedName(file_), line_, column_) {}

  // "<target>" for a command-line argument; one copy of each file's name,
  // shared by every location in the file.
  SharedName file;
  unsigned line = 1;
  unsigned column = 1;  // 1-based, in characters
  // Where a published table the user has stands, when the line above is one
  // of the table as imported from it (engine/import/table_text.hpp): a cell
  // "Sheet1!C7", a row "Sheet1!7:7", "page 2:14", or the source line "17".
  // Shown in place of line:column; `line` is then the source row's line and
  // `column` where the cell starts in the echoed row. A SharedName, as `file`:
  // empty in every table that was not imported, and as a std::string it was
  // 32 of a cell's 96 bytes (docs/reliability.md, "Report sizes").
  SharedName place;
};

// "file:line:column", or "file:place" for a place in a published table.
std::string where_text(const SourceLocation& where);
// "file:line", or "file:place": a row or finding named without its column.
std::string where_line_text(const SourceLocation& where);
// "line:column", or the place alone ("自评表!D10"): where a finding stands in
// a report that names its file elsewhere (a review's HTML row).
std::string position_text(const SourceLocation& where);
// Where a line stands, said inside a message ("already defined on {}"):
// "line 7", or the place in a published table ("自评表!D10", "自评表!15:15",
// "page 2:14"); a place that is a line of the source (CSV, HTML, text) is
// "line 17".
std::string line_phrase(const SourceLocation& where);

enum class Severity { error, warning, note };
const char* to_string(Severity s);  // the word in JSON and .test files: "error"
const char* said(Severity s);       // in the run's language, for a person: "错误"
// The severity a code's letter gives: E error, W warning.
Severity default_severity(Code code);

// A source line as diagnostics echo it, held once however many diagnostics
// and table cells stand on it: copying one copies a pointer. (Each used to
// copy the whole line: a header of 10 000 unknown columns, 69 KB, took 11 s
// and 1.2 GB.) Empty when there is no line to show.
class SourceLine {
 public:
  SourceLine() = default;
  SourceLine(std::string_view text);  // NOLINT: implicit, a line is its text
  SourceLine(const std::string& text) : SourceLine(std::string_view(text)) {}  // NOLINT
  SourceLine(const char* text) : SourceLine(std::string_view(text)) {}         // NOLINT
  std::string_view view() const {
    if (!text_) return {};
    std::size_t size = 0;
    std::memcpy(&size, text_.get(), sizeof size);
    return {text_.get() + sizeof size, size};
  }
  bool empty() const { return !text_; }

 private:
  friend class SourceLines;
  explicit SourceLine(std::shared_ptr<const char[]> text) : text_(std::move(text)) {}

  // The line's length (a std::size_t), then its bytes, in one heap block
  // with the count of its holders: a std::string in a shared block took two
  // (docs/reliability.md, "Report sizes"). The block may hold other lines
  // too (SourceLines): this points at the line's length in it. Null when the
  // line is empty.
  std::shared_ptr<const char[]> text_;
};

// The lines of one file made into SourceLines many to a block, each its
// length and bytes: a table reader keeps a SourceLine for every row, and a
// block for each line (with its count of holders and malloc's own overhead)
// was 39 MB for 400 000 lines of 17 MB (docs/reliability.md, "Report sizes").
// A block stays while any line in it is held. A long line gets a block of
// its own, as SourceLine(text) gives it.
class SourceLines {
 public:
  SourceLine add(std::string_view text);

 private:
  std::shared_ptr<char[]> block_;
  std::size_t room_ = 0, used_ = 0;
};

// A diagnostic cannot be made without its code (engine/base/code.hpp).
struct Diagnostic {
  explicit Diagnostic(Code code);  // at the code's default severity
  Code code;
  Severity severity;  // the code's default unless a rule file set another (核对 级别)
  SourceLocation where;
  std::string message;
  SourceLine source_line;  // the whole line, for the excerpt; may be empty
};

// Builds a diagnostic at the code's default severity (out of line:
// brace-initialising the nested strings in place trips a GCC 12
// -Wmaybe-uninitialized false positive).
Diagnostic make_diagnostic(Code code, std::string file, unsigned line, unsigned column,
                           std::string message, SourceLine source_line = {});
// The same at a location kept whole (a place in a published table included).
Diagnostic make_diagnostic(Code code, SourceLocation where, std::string message,
                           SourceLine source_line = {});

// Many diagnostics of one kind on one line (a header of 10 000 unknown
// columns, a sum of 20 000 unknown names) are a few to read and a count:
// the first kShownLimits.same_per_line of one code on one line of one file are
// kept, the rest counted, and flush() adds one more at the first left out,
// "… and 9995 more unknown columns on this line". `plural` names the kind for
// a code ("unknown columns"); without a name, "of these".
class LineRepeats {
 public:
  using Plural = std::function<std::string(Code)>;
  explicit LineRepeats(std::vector<Diagnostic>& out, Plural plural = {});
  // Keeps `d` in `out`, or counts it.
  void add(Diagnostic d);
  // The same for a diagnostic dear to make (its column counted along a long
  // line): `make()` runs only for one that is kept, or the first left out.
  template <typename Make>
  void add(const std::string& file, unsigned line, Code code, Make make) {
    Left& left = seen_[{file, line, code}];
    if (left.kept < kept_per_line()) {
      ++left.kept;
      out_.push_back(make());
    } else if (left.left_out++ == 0) {
      left.first_left_out = make();
    }
  }
  // The counts so far, each as a diagnostic in `out`; call before `out` is read.
  void flush();

 private:
  static std::size_t kept_per_line();
  struct Left {
    std::size_t kept = 0, left_out = 0;
    std::optional<Diagnostic> first_left_out;
  };
  std::vector<Diagnostic>& out_;
  Plural plural_;
  std::map<std::tuple<std::string, unsigned, Code>, Left> seen_;
};

// "file:line:col: error[E3104]: message", then the source line and a caret
// under the column, each indented by two spaces. The file name, the message and
// the line are shown with visible_text (a message keeps its own line breaks, as
// in a list of the indicators a key matches): a cell quoted in a message cannot
// move the terminal's cursor.
std::string render(const Diagnostic& d);
std::string render_all(const std::vector<Diagnostic>& ds);
bool has_errors(const std::vector<Diagnostic>& ds);

// Text from a file as it may reach a terminal, an XML file or a reader's eyes:
// each byte that is not UTF-8 and each control character (C0, DEL, C1) becomes
// U+FFFD, so that no escape sequence (ESC, BEL, CR, …) is passed on. A tab and,
// with `keep_line_breaks`, a line feed stay as they are.
std::string visible_text(std::string_view text, bool keep_line_breaks = false);
// A short quote of the text at `byte` for "found …": one character, or "end of text".
std::string describe_at(std::string_view text, std::size_t byte);

}  // namespace indicheck
