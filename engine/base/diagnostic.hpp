#pragma once
// One source-location type and one diagnostic printer for every stage.
// Columns count characters (not bytes); carets account for wide CJK cells.

#include <string>
#include <string_view>
#include <vector>

#include "engine/base/code.hpp"
#include "engine/base/utf8.hpp"

namespace indicheck {

struct SourceLocation {
  std::string file;  // "<target>" for a command-line argument
  unsigned line = 1;
  unsigned column = 1;  // 1-based, in characters
};

enum class Severity { error, warning, note };
const char* to_string(Severity s);
// The severity a code's letter gives: E error, W warning.
Severity default_severity(Code code);

// A diagnostic cannot be made without its code (engine/base/code.hpp).
struct Diagnostic {
  explicit Diagnostic(Code code);  // at the code's default severity
  Code code;
  Severity severity;  // the code's default unless a rule file set another (核对 级别)
  SourceLocation where;
  std::string message;
  std::string source_line;  // the whole line, for the excerpt; may be empty
};

// Builds a diagnostic at the code's default severity (out of line:
// brace-initialising the nested strings in place trips a GCC 12
// -Wmaybe-uninitialized false positive).
Diagnostic make_diagnostic(Code code, std::string file, unsigned line, unsigned column,
                           std::string message, std::string source_line = "");

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
