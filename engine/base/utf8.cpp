#include "engine/base/utf8.hpp"

#include <cstdio>

#include <utf8proc.h>

#include "engine/base/limits.hpp"
#include "engine/base/message.hpp"

namespace indicheck {

namespace utf8 {

std::size_t first_invalid(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    // ASCII runs are most text: skip them without decoding.
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      ++i;
      continue;
    }
    const std::size_t n = valid_at(s, i);
    if (n == 0) return i;
    i += n;
  }
  return std::string_view::npos;
}

void append(std::string& out, CodePoint cp) {
  utf8proc_uint8_t bytes[4];
  const auto n = utf8proc_encode_char(cp, bytes);
  out.append(reinterpret_cast<const char*>(bytes), static_cast<std::size_t>(n));
}

unsigned width(CodePoint cp) {
  if (cp == kInvalid || cp == '\t') return 1;
  const int w = utf8proc_charwidth(cp);
  return w < 0 ? 0 : static_cast<unsigned>(w);
}

}  // namespace utf8

unsigned display_width(std::string_view text) {
  unsigned w = 0;
  for (std::size_t i = 0; i < text.size();) w += utf8::width(utf8::next(text, i));
  return w;
}

std::size_t prefix_within(std::string_view text, unsigned cells) {
  std::size_t i = 0;
  unsigned used = 0;
  while (i < text.size()) {
    std::size_t next = i;
    const unsigned w = utf8::width(utf8::next(text, next));
    if (used + w > cells) break;
    used += w;
    i = next;
  }
  return i;
}

std::string clip_to_width(std::string_view text, unsigned cells) {
  if (display_width(text) <= cells) return std::string(text);
  return std::string(text.substr(0, prefix_within(text, cells - 1))) + "…";  // a cell for "…"
}

std::string shown_cell(std::string_view text) {
  const unsigned shown = kShownLimits.report_cell_cells;
  if (display_width(text) <= shown) return std::string(text);
  return tr("{}({} characters)", clip_to_width(text, shown - 20), count_chars(text, text.size()));
}

unsigned count_chars(std::string_view text, std::size_t bytes) {
  unsigned n = 0;
  for (std::size_t i = 0; i < text.size() && i < bytes; ++n) utf8::next(text, i);
  return n;
}

std::string hex_byte(char byte) {
  char hex[8];
  std::snprintf(hex, sizeof hex, "0x%02X", static_cast<unsigned>(static_cast<unsigned char>(byte)));
  return hex;
}

std::string pad_right(std::string_view text, unsigned cells) {
  const unsigned w = display_width(text);
  return std::string(text) + std::string(w < cells ? cells - w : 0, ' ');
}

std::string pad_left(std::string_view text, unsigned cells) {
  const unsigned w = display_width(text);
  return std::string(w < cells ? cells - w : 0, ' ') + std::string(text);
}

}  // namespace indicheck
