#include "engine/base/diagnostic.hpp"

#include <algorithm>
#include <cstdio>
#include <cstring>

#include "engine/base/limits.hpp"
#include "engine/base/message.hpp"

namespace indicheck {

const char* to_string(Severity s) {
  switch (s) {
    case Severity::error:
      return "error";
    case Severity::warning:
      return "warning";
    case Severity::note:
      return "note";
  }
  return "error";
}

Severity default_severity(Code code) {
  return id_of(code).front() == 'W' ? Severity::warning : Severity::error;
}

Diagnostic::Diagnostic(Code c) : code(c), severity(default_severity(c)) {}

namespace {

bool is_control(utf8::CodePoint cp) {
  return cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0);  // cp < 0: not UTF-8
}

// The source line as a diagnostic shows it: a tab becomes a space, and the
// rest as visible_text shows it, so the echo is valid UTF-8 that cannot move
// the terminal's cursor. Every character stays one character of one cell: the
// caret still lines up.
std::string echo_line(std::string_view source) {
  std::string out = visible_text(source);
  for (char& c : out)
    if (c == '\t') c = ' ';
  return out;
}

}  // namespace

std::string visible_text(std::string_view text, bool keep_line_breaks) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t start = i;
    const utf8::CodePoint cp = utf8::next(text, i);
    if (is_control(cp) && cp != '\t' && !(keep_line_breaks && cp == '\n'))
      out += "\xEF\xBF\xBD";
    else
      out.append(text.substr(start, i - start));
  }
  return out;
}

const char* said(Severity s) {
  switch (s) {
    case Severity::error:
      return trc("severity", "error");
    case Severity::warning:
      return trc("severity", "warning");
    case Severity::note:
      return trc("severity", "note");
  }
  return "?";
}

std::string describe_at(std::string_view text, std::size_t byte) {
  if (byte >= text.size()) return tr("end of text");
  std::size_t end = byte;
  auto cp = utf8::next(text, end);
  if (cp < 0) return tr("an invalid UTF-8 byte");
  if (cp == '\n' || cp == '\r') return tr("end of line");
  if (cp == '\t') return tr("a tab");
  if (cp == 0) return tr("a NUL byte");
  if (cp < 0x20 || cp == 0x7F) {
    char name[16];
    std::snprintf(name, sizeof name, "U+%04X", static_cast<unsigned>(cp));
    return tr("the control character {}", name);
  }
  // Appending (rather than "'" + s + "'") sidesteps a GCC 12 -Wrestrict false positive.
  std::string quoted = "'";
  quoted.append(text.substr(byte, end - byte));
  quoted.push_back('\'');
  return quoted;
}

std::string where_text(const SourceLocation& where) {
  if (!where.place.empty()) return where.file + ":" + where.place;
  return where.file + ":" + std::to_string(where.line) + ":" + std::to_string(where.column);
}

std::string where_line_text(const SourceLocation& where) {
  return where.file + ":" + (where.place.empty() ? std::to_string(where.line) : where.place.str());
}

std::string position_text(const SourceLocation& where) {
  if (!where.place.empty()) return where.place;
  return std::to_string(where.line) + ":" + std::to_string(where.column);
}

std::string line_phrase(const SourceLocation& where) {
  if (where.place.empty()) return tr("line {}", where.line);
  if (where.place.str().find_first_not_of("0123456789") == std::string::npos)
    return tr("line {}", where.place);
  return where.place;
}

std::string render(const Diagnostic& d) {
  std::string out = visible_text(where_text(d.where)) + ": " + said(d.severity) + "[" +
                    std::string(id_of(d.code)) + "]: " + visible_text(d.message, true) + "\n";
  if (d.source_line.empty()) return out;
  std::string line = echo_line(d.source_line.view());
  // The caret goes under character `column`: sum the cells before it.
  std::size_t caret = 0;
  unsigned before = 0;
  for (unsigned col = 1; col < d.where.column && caret < line.size(); ++col)
    before += utf8::width(utf8::next(line, caret));
  std::string_view text = line;
  if (before + display_width(text.substr(caret)) <= kShownLimits.echo_cells) {
    out += "  " + line + "\n";
    out += "  " + std::string(before, ' ') + "^\n";
    return out;
  }
  // Too wide: drop whole characters from the left until the caret is near
  // enough, then cut on the right so the window fits kShownLimits.echo_cells.
  std::size_t start = 0;
  if (before > kShownLimits.echo_before_caret)
    while (start < caret && before > kShownLimits.echo_before_caret - 1)
      before -= utf8::width(utf8::next(text, start));
  bool cut_left = start > 0;
  unsigned room = kShownLimits.echo_cells - (cut_left ? 1 : 0) - 1;  // one cell for the right "…"
  const std::size_t end = start + prefix_within(text.substr(start), room);
  out += "  ";
  if (cut_left) out += "…";
  out.append(text.substr(start, end - start));
  if (end < text.size()) out += "…";
  out += "\n  " + std::string(before + (cut_left ? 1 : 0), ' ') + "^\n";
  return out;
}

SourceLine::SourceLine(std::string_view text) {
  if (text.empty()) return;
  const std::size_t size = text.size();
  std::shared_ptr<char[]> block = std::make_shared_for_overwrite<char[]>(sizeof size + size);
  std::memcpy(block.get(), &size, sizeof size);
  std::memcpy(block.get() + sizeof size, text.data(), size);
  text_ = std::move(block);
}

SourceLine SourceLines::add(std::string_view text) {
  // Blocks double from 4 KiB to 1 MiB: a small table takes little room, and
  // a line that does not fit in what is left of a block leaves at most
  // 64 KiB of it unused.
  constexpr std::size_t kFirst = std::size_t{4} << 10, kLargest = std::size_t{1} << 20;
  constexpr std::size_t kOwnBlock = std::size_t{64} << 10;
  const std::size_t size = text.size();
  if (size == 0 || sizeof size + size > kOwnBlock) return SourceLine(text);
  if (room_ - used_ < sizeof size + size) {
    room_ = std::max(std::clamp(2 * room_, kFirst, kLargest), sizeof size + size);
    block_ = std::make_shared_for_overwrite<char[]>(room_);
    used_ = 0;
  }
  char* at = block_.get() + used_;
  std::memcpy(at, &size, sizeof size);
  std::memcpy(at + sizeof size, text.data(), size);
  used_ += sizeof size + size;
  return SourceLine(std::shared_ptr<const char[]>(block_, at));
}

Diagnostic make_diagnostic(Code code, std::string file, unsigned line, unsigned column,
                           std::string message, SourceLine source_line) {
  Diagnostic d(code);
  d.where.file = std::move(file);
  d.where.line = line;
  d.where.column = column;
  d.message = std::move(message);
  d.source_line = std::move(source_line);
  return d;
}

Diagnostic make_diagnostic(Code code, SourceLocation where, std::string message,
                           SourceLine source_line) {
  Diagnostic d(code);
  d.where = std::move(where);
  d.message = std::move(message);
  d.source_line = std::move(source_line);
  return d;
}

LineRepeats::LineRepeats(std::vector<Diagnostic>& out, Plural plural)
    : out_(out), plural_(std::move(plural)) {}

std::size_t LineRepeats::kept_per_line() {
  return kShownLimits.same_per_line;
}

void LineRepeats::add(Diagnostic d) {
  const std::string file = d.where.file;
  add(file, d.where.line, d.code, [&] { return std::move(d); });
}

void LineRepeats::flush() {
  for (auto& [key, left] : seen_) {
    if (left.left_out == 0) continue;
    Diagnostic d = std::move(*left.first_left_out);
    std::string what = plural_ ? plural_(d.code) : std::string();
    d.message = what.empty() ? tr("… and {} more of these on this line", left.left_out)
                             : tr("… and {} more {} on this line", left.left_out, what);
    out_.push_back(std::move(d));
    left.left_out = 0;
    left.first_left_out.reset();
  }
}

std::string render_all(const std::vector<Diagnostic>& ds) {
  std::string out;
  for (const auto& d : ds) out += render(d);
  return out;
}

bool has_errors(const std::vector<Diagnostic>& ds) {
  for (const auto& d : ds)
    if (d.severity == Severity::error) return true;
  return false;
}

}  // namespace indicheck
