#include "engine/base/normalise.hpp"

#include "engine/base/blank.hpp"
#include "engine/base/diagnostic.hpp"
#include "engine/base/message.hpp"

namespace indicheck {

namespace {

// Letters, digits and Han: characters a space should never split.
bool is_word_char(utf8::CodePoint cp) {
  if (cp < 0x80)
    return (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
  return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
         (cp >= 0xFF10 && cp <= 0xFF19);
}

}  // namespace

unsigned NormalisedText::column_of(std::string_view original, std::size_t b) const {
  std::size_t o = b < origin.size() ? origin[b] : original.size();
  return count_chars(original, o) + 1;
}

ParseError NormalisedText::error_at(std::string_view original, std::size_t b, Code code,
                                    std::string message, bool found) const {
  ParseError e;
  e.code = code;
  e.byte = b < origin.size() ? origin[b] : original.size();
  e.column = column_of(original, b);
  e.message = std::move(message);
  if (found) e.message = tr("{}; found {}", e.message, describe_at(text, b));
  return e;
}

std::vector<std::string> NormalisedText::assumptions() const {
  std::vector<std::string> out;
  if (joined_inside_word)
    out.push_back(tr("spaces inside the text were ignored: read as '{}'", text));
  if (dropped_bom) out.push_back(tr("a byte order mark (U+FEFF) in the text was ignored"));
  return out;
}

ParseError name_invalid_byte(std::string_view original, ParseError error) {
  if (error.code == Code::text_invalid_utf8 && error.byte < original.size())
    error.message =
        tr("{} {} at character {}", error.message, hex_byte(original[error.byte]), error.column);
  return error;
}

bool normalise_would_change(std::string_view text) {
  // Every blank and invisible character is a byte below 0x21 or starts with
  // C2 (U+00A0), E2 (U+200B), E3 (U+3000) or EF (U+FEFF): only there decode.
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c <= 0x20) return true;
    if (c != 0xC2 && c != 0xE2 && c != 0xE3 && c != 0xEF) continue;
    std::size_t next = i;
    if (is_droppable(utf8::next(text, next))) return true;
  }
  return false;
}

std::optional<std::string_view> drop_spaces(std::string_view text, char* buffer) {
  if (text.find(' ') == std::string_view::npos) return text;
  std::size_t n = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != ' ') {
      buffer[n++] = text[i];
      continue;
    }
    // Dropped after a whole character (`≥ 95`), never inside a cut one.
    if (i > 0 && static_cast<unsigned char>(text[i - 1]) >= 0x80 && !utf8::ends_character(text, i))
      return std::nullopt;
    if (i + 1 < text.size() && utf8::is_continuation(static_cast<unsigned char>(text[i + 1])))
      return std::nullopt;
  }
  return std::string_view(buffer, n);
}

std::optional<NormalisedText> normalise(std::string_view original, ParseError* error) {
  NormalisedText out;
  out.text.reserve(original.size());
  out.origin.reserve(original.size() + 1);
  utf8::CodePoint last_kept = utf8::kInvalid;
  bool space_since_last = false;
  std::size_t last_end = 0;
  for (std::size_t i = 0; i < original.size();) {
    const std::size_t start = i;
    const utf8::CodePoint cp = utf8::next(original, i);
    if (cp == utf8::kInvalid || cp == 0) {
      if (error) {
        error->byte = start;
        error->column = count_chars(original, start) + 1;
        error->code = cp == utf8::kInvalid ? Code::text_invalid_utf8 : Code::text_nul;
        // kInvalidByte, marked for the catalog here (tr(kInvalidByte) elsewhere).
        static_assert(std::string_view(kInvalidByte) == "invalid UTF-8 byte");
        error->message =
            cp == utf8::kInvalid ? tr(N_("invalid UTF-8 byte")) : tr("NUL character in text");
      }
      return std::nullopt;
    }
    if (is_invisible(cp)) {
      // A byte order mark joins rather than splits: "9<BOM>5" reads 95 with no
      // "spaces inside the text" note, but with one of its own.
      out.dropped_bom = true;
    } else if (is_blank(cp)) {
      space_since_last = true;
    } else {
      if (space_since_last && last_kept >= 0 && is_word_char(last_kept) && is_word_char(cp))
        out.joined_inside_word = true;
      space_since_last = false;
      last_kept = cp;
      last_end = i;
      for (std::size_t k = start; k < i; ++k) {
        out.text.push_back(original[k]);
        out.origin.push_back(k);
      }
    }
  }
  // The end of the text maps to just after its last visible character, so
  // "expected a number after '≥'" points next to the '≥', not past trailing spaces.
  out.origin.push_back(last_end);
  return out;
}

}  // namespace indicheck
