#pragma once
// UTF-8, one way for every stage: stepping through a text's characters,
// finding the first byte that is not UTF-8, the terminal cells a text takes,
// counting characters for columns, and naming a byte in a message.
//
// Well-formed means RFC 3629 (no overlong forms, no surrogates, nothing above
// U+10FFFF): what utf8proc, PEGTL's utf8 rules and iconv accept too, so a text
// this module calls valid is valid for each of them. A byte that is not part
// of a well-formed character counts as one character of one cell, so broken
// input still gets a column and a caret.
//
// The decoding is inline: batch looks at its cells byte by byte on the hot
// path (docs/performance.md), and a call per character would show there.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace indicheck {
namespace utf8 {

// A Unicode scalar value, or kInvalid for a byte that starts no character.
using CodePoint = std::int32_t;
inline constexpr CodePoint kInvalid = -1;

// How many bytes a character that starts with `lead` has: 1 for ASCII, 2 to 4
// for a lead byte, 0 for a byte that starts none (a continuation byte, the
// overlong leads C0 and C1, F5 to FF). The only lead-byte table in the project.
constexpr unsigned sequence_length(unsigned char lead) {
  return lead < 0x80   ? 1
         : lead < 0xC2 ? 0
         : lead < 0xE0 ? 2
         : lead < 0xF0 ? 3
         : lead < 0xF5 ? 4
                       : 0;
}

constexpr bool is_continuation(unsigned char byte) {
  return (byte & 0xC0) == 0x80;
}

// The length in bytes of the well-formed character at byte `i` of `s` (i < s.size()),
// or 0 when the bytes there are not one.
[[gnu::always_inline]] inline std::size_t valid_at(std::string_view s, std::size_t i) {
  const auto lead = static_cast<unsigned char>(s[i]);
  const unsigned n = sequence_length(lead);
  if (n <= 1) return n;
  if (s.size() - i < n) return 0;
  // The second byte's range is what rules out overlong forms (after E0, F0),
  // surrogates (after ED) and values above U+10FFFF (after F4).
  const auto second = static_cast<unsigned char>(s[i + 1]);
  const unsigned char low = lead == 0xE0 ? 0xA0 : lead == 0xF0 ? 0x90 : 0x80;
  const unsigned char high = lead == 0xED ? 0x9F : lead == 0xF4 ? 0x8F : 0xBF;
  if (second < low || second > high) return 0;
  for (unsigned k = 2; k < n; ++k)
    if (!is_continuation(static_cast<unsigned char>(s[i + k]))) return 0;
  return n;
}

// The character at byte `i` of `s` (i < s.size()), with `i` moved past it; a
// byte that starts no well-formed character gives kInvalid and moves one byte.
[[gnu::always_inline]] inline CodePoint next(std::string_view s, std::size_t& i) {
  const std::size_t n = valid_at(s, i);
  if (n == 0) {
    ++i;
    return kInvalid;
  }
  auto byte = [&](std::size_t k) { return CodePoint{static_cast<unsigned char>(s[i + k])}; };
  CodePoint cp = 0;
  switch (n) {
    case 1:
      cp = byte(0);
      break;
    case 2:
      cp = (byte(0) & 0x1F) << 6 | (byte(1) & 0x3F);
      break;
    case 3:
      cp = (byte(0) & 0x0F) << 12 | (byte(1) & 0x3F) << 6 | (byte(2) & 0x3F);
      break;
    default:
      cp = (byte(0) & 0x07) << 18 | (byte(1) & 0x3F) << 12 | (byte(2) & 0x3F) << 6 |
           (byte(3) & 0x3F);
      break;
  }
  i += n;
  return cp;
}

// Whether the bytes just before `end` finish the multi-byte sequence their
// lead byte announces: a cut there cannot fall between the bytes of one
// character. (Only the count is checked: whether the character is
// well-formed is valid_at's question.)
[[gnu::always_inline]] inline bool ends_character(std::string_view s, std::size_t end) {
  std::size_t continuation = 0, k = end;
  while (k > 0 && continuation < 4 && is_continuation(static_cast<unsigned char>(s[k - 1]))) {
    ++continuation;
    --k;
  }
  if (k == 0 || continuation == 0) return false;
  return sequence_length(static_cast<unsigned char>(s[k - 1])) == continuation + 1;
}

// The byte where the first thing that is not a well-formed character starts;
// npos when the whole text is valid UTF-8.
std::size_t first_invalid(std::string_view s);

// `cp` (a scalar value) appended to `out` in UTF-8.
void append(std::string& out, CodePoint cp);

// Terminal cells one character takes: 2 for wide (CJK, full-width), 0 for a
// combining or zero-width one, 1 for a tab and for an invalid byte.
unsigned width(CodePoint cp);

}  // namespace utf8

// Terminal cells the UTF-8 text takes: 2 for wide (CJK, full-width) characters.
unsigned display_width(std::string_view utf8);
// Pads UTF-8 text with spaces to `cells` terminal cells (wide characters count 2).
std::string pad_right(std::string_view text, unsigned cells);
std::string pad_left(std::string_view text, unsigned cells);
// The bytes of the longest run of whole characters at the start of `text`
// that fits in `cells` terminal cells.
std::size_t prefix_within(std::string_view text, unsigned cells);
// `utf8` cut to at most `cells` terminal cells, ending in "…" when it was cut.
std::string clip_to_width(std::string_view utf8, unsigned cells);
// A cell's text for a report a person reads: as it is when it fits in
// ShownLimits::report_cell_cells terminal cells, else clipped with its length
// in characters ("≥99999…(10001 characters)"). Machine formats (JSON, CSV)
// keep it whole.
std::string shown_cell(std::string_view utf8);
// Number of characters (code points) in the first `bytes` bytes of `utf8`.
unsigned count_chars(std::string_view utf8, std::size_t bytes);
// A byte as messages name it: "0xFF".
std::string hex_byte(char byte);

}  // namespace indicheck
