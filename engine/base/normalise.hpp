#pragma once
// Before a cell is parsed its white space is removed: hand-typed tables put
// spaces anywhere (`≥ 95 %`) and PDF extraction breaks cells (`=6300平方 米`).
// The map back to the original keeps every error message's column right.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/base/code.hpp"

namespace indicheck {

// Why a cell's text cannot be read; it becomes a diagnostic (in a table or a
// rule file) or a verdict's explanation, and callers tell errors apart by code.
struct ParseError {
  Code code{};           // set with the message
  std::string message;   // "expected …; found …"
  unsigned column = 1;   // 1-based character column in the text as written
  std::size_t byte = 0;  // byte offset in the text as written
};

struct NormalisedText {
  std::string text;                 // without white space
  std::vector<std::size_t> origin;  // origin[i]: byte in the original of text[i]; one extra at end
  bool joined_inside_word = false;  // a space stood between two letters, digits or Han characters
  bool dropped_bom = false;         // a byte order mark (U+FEFF) was left out

  // What reading the text assumed, for a target's or an actual's assumptions:
  // spaces inside a word were ignored, a byte order mark was ignored.
  std::vector<std::string> assumptions() const;

  // The column (1-based, characters) in `original` of byte `b` of `text`.
  unsigned column_of(std::string_view original, std::size_t b) const;

  // An error at byte `b` of `text`, located in `original`; with `found`, the
  // message ends in "; found X" naming the character there.
  ParseError error_at(std::string_view original, std::size_t b, Code code, std::string message,
                      bool found) const;
};

// Whether normalise could change `text`: it holds a byte below 0x21 (white
// space or a control character) or a blank or invisible character
// (engine/base/blank.hpp). False means the text is its own normal form if it
// is valid UTF-8 (the fast paths of the parsers).
bool normalise_would_change(std::string_view text);

// `text` without its ASCII spaces, as normalise would give it, copied into
// `buffer` (text.size() bytes) when it has any; nullopt when a space stands
// where removing it could change how the bytes decode (after a lead byte or
// an unfinished sequence, or before a UTF-8 continuation byte): normalise
// decodes first, so there it would report invalid UTF-8 that the copy no
// longer shows. A space after a whole character (`≥ 95`) is dropped.
std::optional<std::string_view> drop_spaces(std::string_view text, char* buffer);

// The message normalise gives an invalid byte (Code::text_invalid_utf8;
// name_invalid_byte adds which).
inline constexpr const char* kInvalidByte = "invalid UTF-8 byte";

// Removes every blank and invisible character (engine/base/blank.hpp: a byte
// order mark, U+FEFF, is kept by a text copied from the start of a file; table
// files drop it at their start). Fails on invalid UTF-8 and NUL.
std::optional<NormalisedText> normalise(std::string_view original, ParseError* error);

// normalise's error for a text read on its own (a target or an actual), with
// an invalid byte named: "invalid UTF-8 byte 0xFF at character 4". Table files
// name it in their own words (one message per line, with a hint on encodings).
ParseError name_invalid_byte(std::string_view original, ParseError error);

}  // namespace indicheck
