#include "engine/base/diagnostic.hpp"

#include <cstdio>

#include <utf8proc.h>

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

// Decodes one code point at `i`; an invalid byte counts as one character of
// width 1 so that broken input still gets a caret.
utf8proc_int32_t decode(std::string_view s, std::size_t& i) {
  utf8proc_int32_t cp = -1;
  auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(s.data() + i),
                            static_cast<utf8proc_ssize_t>(s.size() - i), &cp);
  i += n > 0 ? static_cast<std::size_t>(n) : 1;
  return n > 0 ? cp : -1;
}

unsigned width_of(utf8proc_int32_t cp) {
  if (cp < 0) return 1;
  if (cp == '\t') return 1;
  int w = utf8proc_charwidth(cp);
  return w < 0 ? 0 : static_cast<unsigned>(w);
}

bool is_control(utf8proc_int32_t cp) {
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
    const utf8proc_int32_t cp = decode(text, i);
    if (is_control(cp) && cp != '\t' && !(keep_line_breaks && cp == '\n'))
      out += "\xEF\xBF\xBD";
    else
      out.append(text.substr(start, i - start));
  }
  return out;
}

unsigned display_width(std::string_view utf8) {
  unsigned w = 0;
  for (std::size_t i = 0; i < utf8.size();) w += width_of(decode(utf8, i));
  return w;
}

std::string clip_to_width(std::string_view utf8, unsigned cells) {
  if (display_width(utf8) <= cells) return std::string(utf8);
  std::size_t i = 0;
  unsigned used = 0;
  while (i < utf8.size()) {
    std::size_t next = i;
    unsigned w = width_of(decode(utf8, next));
    if (used + w > cells - 1) break;  // one cell for the "…"
    used += w;
    i = next;
  }
  return std::string(utf8.substr(0, i)) + "…";
}

std::string shown_cell(std::string_view utf8) {
  if (display_width(utf8) <= kShownCells) return std::string(utf8);
  return clip_to_width(utf8, kShownCells - 20) + "(" +
         std::to_string(count_chars(utf8, utf8.size())) + " characters)";
}

unsigned count_chars(std::string_view utf8, std::size_t bytes) {
  unsigned n = 0;
  for (std::size_t i = 0; i < utf8.size() && i < bytes;) {
    decode(utf8, i);
    ++n;
  }
  return n;
}

std::string hex_byte(char byte) {
  char hex[8];
  std::snprintf(hex, sizeof hex, "0x%02X", static_cast<unsigned>(static_cast<unsigned char>(byte)));
  return hex;
}

std::string describe_at(std::string_view utf8, std::size_t byte) {
  if (byte >= utf8.size()) return "end of text";
  std::size_t end = byte;
  auto cp = decode(utf8, end);
  if (cp < 0) return "an invalid UTF-8 byte";
  if (cp == '\n' || cp == '\r') return "end of line";
  if (cp == '\t') return "a tab";
  if (cp == 0) return "a NUL byte";
  if (cp < 0x20 || cp == 0x7F) {
    char name[16];
    std::snprintf(name, sizeof name, "U+%04X", static_cast<unsigned>(cp));
    return std::string("the control character ") + name;
  }
  // Appending (rather than "'" + s + "'") sidesteps a GCC 12 -Wrestrict false positive.
  std::string quoted = "'";
  quoted.append(utf8.substr(byte, end - byte));
  quoted.push_back('\'');
  return quoted;
}

namespace {

// A source line wider than this many cells is echoed as a window around the
// caret, with "…" where it was cut: a 10 000-digit cell would fill a screen.
constexpr unsigned kMaxEchoCells = 200;
// At most this many cells of the window stand before the caret (the "…" included).
constexpr unsigned kEchoBeforeCaret = 80;

}  // namespace

std::string render(const Diagnostic& d) {
  std::string out = visible_text(d.where.file) + ":" + std::to_string(d.where.line) + ":" +
                    std::to_string(d.where.column) + ": " + to_string(d.severity) + "[" +
                    std::string(id_of(d.code)) + "]: " + visible_text(d.message, true) + "\n";
  if (d.source_line.empty()) return out;
  std::string line = echo_line(d.source_line);
  // The caret goes under character `column`: sum the cells before it.
  std::size_t caret = 0;
  unsigned before = 0;
  for (unsigned col = 1; col < d.where.column && caret < line.size(); ++col)
    before += width_of(decode(line, caret));
  std::string_view text = line;
  if (before + display_width(text.substr(caret)) <= kMaxEchoCells) {
    out += "  " + line + "\n";
    out += "  " + std::string(before, ' ') + "^\n";
    return out;
  }
  // Too wide: drop whole characters from the left until the caret is near
  // enough, then cut on the right so the window fits kMaxEchoCells.
  std::size_t start = 0;
  if (before > kEchoBeforeCaret)
    while (start < caret && before > kEchoBeforeCaret - 1) before -= width_of(decode(text, start));
  bool cut_left = start > 0;
  unsigned room = kMaxEchoCells - (cut_left ? 1 : 0) - 1;  // one cell for the right "…"
  std::size_t end = start;
  unsigned used = 0;
  while (end < text.size()) {
    std::size_t next = end;
    unsigned w = width_of(decode(text, next));
    if (used + w > room) break;
    used += w;
    end = next;
  }
  out += "  ";
  if (cut_left) out += "…";
  out.append(text.substr(start, end - start));
  if (end < text.size()) out += "…";
  out += "\n  " + std::string(before + (cut_left ? 1 : 0), ' ') + "^\n";
  return out;
}

Diagnostic make_diagnostic(Code code, std::string file, unsigned line, unsigned column,
                           std::string message, std::string source_line) {
  Diagnostic d(code);
  d.where.file = std::move(file);
  d.where.line = line;
  d.where.column = column;
  d.message = std::move(message);
  d.source_line = std::move(source_line);
  return d;
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

std::string pad_right(std::string_view text, unsigned cells) {
  unsigned w = display_width(text);
  return std::string(text) + std::string(w < cells ? cells - w : 0, ' ');
}

std::string pad_left(std::string_view text, unsigned cells) {
  unsigned w = display_width(text);
  return std::string(w < cells ? cells - w : 0, ' ') + std::string(text);
}

}  // namespace indicheck
