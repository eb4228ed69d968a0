#pragma once
// What counts as blank in the text indicheck reads, in one place: every table
// reader, import, the cell parsers and name matching follow this rule
// (docs/files.md, "Blanks and invisible characters").
//
// Blank: a character that shows as empty space, typed or put in by a tool,
// that separates words: tab, line feed, carriage return, space, U+00A0
// (no-break space, from web pages and Word), U+3000 (ideographic space, from
// Chinese input methods) and U+200B (zero-width space, a break opportunity
// that web pages put between CJK words).
// Invisible: U+FEFF (a byte-order mark, or the old zero-width no-break space):
// it joins rather than separates, and copied from the start of a file it
// lands inside a cell or a name.
//
// Both are dropped at the ends of every cell and name, and both are left out
// where the blanks in a name do not matter (`预算 执行率` is `预算执行率`).
// No other character is blank: another
// space character (U+2003 em space) stays, and a cell holding one is read as
// written.

#include <string>
#include <string_view>

#include "engine/base/utf8.hpp"

namespace indicheck {

constexpr bool is_blank(utf8::CodePoint cp) {
  return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == 0xA0 || cp == 0x3000 ||
         cp == 0x200B;
}

constexpr bool is_invisible(utf8::CodePoint cp) {
  return cp == 0xFEFF;
}

// Blank or invisible: left out wherever text is trimmed or names compared.
constexpr bool is_droppable(utf8::CodePoint cp) {
  return is_blank(cp) || is_invisible(cp);
}

// `text` without blank and invisible characters at either end (inside kept).
std::string_view trim(std::string_view text);

// Whether `text` holds nothing but blank and invisible characters (or nothing).
bool is_blank(std::string_view text);

// `text` with every blank and invisible character left out: the form in which
// names are compared. Two names are one name when they squeeze to the same
// text, wherever names meet (an indicator defined twice, an actual's key, a
// rule's pattern, a .test row), so `预算<U+200B>执行率` is `预算执行率`.
std::string squeeze(std::string_view text);

}  // namespace indicheck
