#include "engine/base/normalise.hpp"

#include <utf8proc.h>

#include "engine/base/diagnostic.hpp"

namespace indicheck {

namespace {

bool is_space(utf8proc_int32_t cp) {
  return cp == ' ' || cp == '\t' || cp == '\r' || cp == '\n' || cp == 0xA0 || cp == 0x3000 ||
         cp == 0x200B;
}

// Letters, digits and Han: characters a space should never split.
bool is_word_char(utf8proc_int32_t cp) {
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
  if (found) e.message += "; found " + describe_at(text, b);
  return e;
}

std::vector<std::string> NormalisedText::assumptions() const {
  std::vector<std::string> out;
  if (joined_inside_word)
    out.push_back("spaces inside the text were ignored: read as '" + text + "'");
  if (dropped_bom) out.push_back("a byte order mark (U+FEFF) in the text was ignored");
  return out;
}

ParseError name_invalid_byte(std::string_view original, ParseError error) {
  if (error.code == Code::text_invalid_utf8 && error.byte < original.size())
    error.message +=
        " " + hex_byte(original[error.byte]) + " at character " + std::to_string(error.column);
  return error;
}

bool normalise_would_change(std::string_view text) {
  for (char c : text)
    if (static_cast<unsigned char>(c) <= 0x20) return true;
  return text.find("\xC2\xA0") != std::string_view::npos ||
         text.find("\xE3\x80\x80") != std::string_view::npos ||
         text.find("\xE2\x80\x8B") != std::string_view::npos ||
         text.find("\xEF\xBB\xBF") != std::string_view::npos;
}

namespace {

// Whether the bytes before `end` close a multi-byte sequence whose lead byte
// announces exactly as many continuation bytes as follow it: a space there
// splits two characters, not one (`≥ 95`), and dropping it cannot join the
// pieces of a cut sequence into one that decodes.
bool ends_sequence(std::string_view text, std::size_t end) {
  std::size_t continuation = 0, k = end;
  while (k > 0 && continuation < 4) {
    auto c = static_cast<unsigned char>(text[k - 1]);
    if (c < 0x80 || c >= 0xC0) break;
    ++continuation;
    --k;
  }
  if (k == 0 || continuation == 0) return false;
  auto lead = static_cast<unsigned char>(text[k - 1]);
  std::size_t expected = lead >= 0xC2 && lead <= 0xDF   ? 1
                         : lead >= 0xE0 && lead <= 0xEF ? 2
                         : lead >= 0xF0 && lead <= 0xF4 ? 3
                                                        : 0;
  return expected != 0 && continuation == expected;
}

}  // namespace

std::optional<std::string_view> drop_spaces(std::string_view text, char* buffer) {
  if (text.find(' ') == std::string_view::npos) return text;
  std::size_t n = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != ' ') {
      buffer[n++] = text[i];
      continue;
    }
    if (i > 0 && static_cast<unsigned char>(text[i - 1]) >= 0x80 && !ends_sequence(text, i))
      return std::nullopt;
    if (i + 1 < text.size()) {
      auto next = static_cast<unsigned char>(text[i + 1]);
      if (next >= 0x80 && next < 0xC0) return std::nullopt;
    }
  }
  return std::string_view(buffer, n);
}

std::optional<NormalisedText> normalise(std::string_view original, ParseError* error) {
  NormalisedText out;
  out.text.reserve(original.size());
  out.origin.reserve(original.size() + 1);
  utf8proc_int32_t last_kept = -1;
  bool space_since_last = false;
  std::size_t last_end = 0;
  for (std::size_t i = 0; i < original.size();) {
    utf8proc_int32_t cp = -1;
    auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(original.data() + i),
                              static_cast<utf8proc_ssize_t>(original.size() - i), &cp);
    if (n <= 0 || cp == 0) {
      if (error) {
        error->byte = i;
        error->column = count_chars(original, i) + 1;
        error->code = n <= 0 ? Code::text_invalid_utf8 : Code::text_nul;
        error->message = n <= 0 ? kInvalidByte : "NUL character in text";
      }
      return std::nullopt;
    }
    if (cp == 0xFEFF) {
      // A byte order mark joins rather than splits: "9<BOM>5" reads 95 with no
      // "spaces inside the text" note, but with one of its own.
      out.dropped_bom = true;
    } else if (is_space(cp)) {
      space_since_last = true;
    } else {
      if (space_since_last && last_kept >= 0 && is_word_char(last_kept) && is_word_char(cp))
        out.joined_inside_word = true;
      space_since_last = false;
      last_kept = cp;
      last_end = i + static_cast<std::size_t>(n);
      for (auto k = 0; k < n; ++k) {
        out.text.push_back(original[i + static_cast<std::size_t>(k)]);
        out.origin.push_back(i + static_cast<std::size_t>(k));
      }
    }
    i += static_cast<std::size_t>(n);
  }
  // The end of the text maps to just after its last visible character, so
  // "expected a number after '≥'" points next to the '≥', not past trailing spaces.
  out.origin.push_back(last_end);
  return out;
}

}  // namespace indicheck
