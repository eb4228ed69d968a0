// The one UTF-8 module: its decoder agrees with utf8proc on every short byte
// sequence, validation finds the first bad byte, widths count CJK as two cells.

#include <catch2/catch.hpp>

#include <utf8proc.h>

#include "engine/base/utf8.hpp"

using namespace indicheck;

namespace {

// What utf8proc reads at the start of `s`: the code point and its length, or
// (-1, 0) when it reads no character there.
std::pair<utf8::CodePoint, std::size_t> by_utf8proc(std::string_view s) {
  utf8proc_int32_t cp = -1;
  auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(s.data()),
                            static_cast<utf8proc_ssize_t>(s.size()), &cp);
  if (n <= 0) return {-1, 0};
  return {cp, static_cast<std::size_t>(n)};
}

std::pair<utf8::CodePoint, std::size_t> by_module(std::string_view s) {
  std::size_t i = 0;
  utf8::CodePoint cp = utf8::next(s, i);
  if (cp == utf8::kInvalid) {
    CHECK(i == 1);  // a bad byte is stepped over alone
    return {-1, 0};
  }
  CHECK(utf8::valid_at(s, 0) == i);
  return {cp, i};
}

}  // namespace

TEST_CASE("the decoder reads every 1- to 3-byte sequence as utf8proc does", "[utf8]") {
  std::size_t disagreements = 0, valid = 0;
  std::string s(3, '\0');
  for (unsigned a = 0; a < 256; ++a)
    for (unsigned b = 0; b < 256; ++b)
      for (unsigned c = 0; c < 256; ++c) {
        s[0] = static_cast<char>(a), s[1] = static_cast<char>(b), s[2] = static_cast<char>(c);
        auto want = by_utf8proc(s);
        if (want.first >= 0) ++valid;
        std::size_t i = 0;
        const utf8::CodePoint got = utf8::next(s, i);
        if (got != want.first || (want.first >= 0 && i != want.second)) ++disagreements;
      }
  CHECK(disagreements == 0);
  // 128 one-byte characters × 65536 continuations, 1920 two-byte ones × 256,
  // and the 61 440 three-byte ones (U+0800 to U+FFFF without the surrogates).
  CHECK(valid == 128u * 65536 + 1920u * 256 + 61440u);
}

TEST_CASE("four-byte sequences: U+10000 to U+10FFFF and nothing else", "[utf8]") {
  std::size_t disagreements = 0;
  std::string s(4, '\0');
  const unsigned char edges[] = {0x00, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xFF};
  for (unsigned lead = 0xEF; lead <= 0xF8; ++lead)
    for (unsigned b = 0; b < 256; ++b)
      for (unsigned char c : edges)
        for (unsigned char d : edges) {
          s[0] = static_cast<char>(lead), s[1] = static_cast<char>(b);
          s[2] = static_cast<char>(c), s[3] = static_cast<char>(d);
          if (by_utf8proc(s) != by_module(s)) ++disagreements;
        }
  CHECK(disagreements == 0);
  CHECK(by_module("\xF0\x9F\x98\x80") == std::pair<utf8::CodePoint, std::size_t>{0x1F600, 4});
  CHECK(by_module("\xF4\x8F\xBF\xBF") == std::pair<utf8::CodePoint, std::size_t>{0x10FFFF, 4});
  CHECK(by_module("\xF4\x90\x80\x80").first == utf8::kInvalid);  // above U+10FFFF
  CHECK(by_module("\xF0\x8F\xBF\xBF").first == utf8::kInvalid);  // overlong
}

TEST_CASE("a sequence cut short by the end of the text is no character", "[utf8]") {
  // "≥" is E2 89 A5: each of its prefixes is one bad byte, then the next.
  std::string_view ge = "\xE2\x89\xA5";
  for (std::size_t n = 1; n < 3; ++n) {
    std::size_t i = 0;
    CHECK(utf8::next(ge.substr(0, n), i) == utf8::kInvalid);
    CHECK(i == 1);
  }
  CHECK(utf8::valid_at(ge, 0) == 3);
  CHECK(utf8::valid_at(ge, 1) == 0);
}

TEST_CASE("first_invalid names the first byte that starts no character", "[utf8]") {
  CHECK(utf8::first_invalid("") == std::string_view::npos);
  CHECK(utf8::first_invalid("≥95%预算执行率") == std::string_view::npos);
  CHECK(utf8::first_invalid("ab\xFF") == 2);
  CHECK(utf8::first_invalid("≥9\xC0\x80") == 4);      // overlong NUL
  CHECK(utf8::first_invalid("预\xED\xA0\x80") == 3);  // a surrogate
  CHECK(utf8::first_invalid("预算\xE6\x89") == 6);    // cut short at the end
  CHECK(utf8::first_invalid("\x80") == 0);            // a continuation alone
  CHECK(utf8::first_invalid(std::string_view("a\0b", 3)) == std::string_view::npos);
}

TEST_CASE("ends_character: the sequence before a cut is complete", "[utf8]") {
  std::string_view text = "≥ 95";  // E2 89 A5, space, 9, 5
  CHECK(utf8::ends_character(text, 3));
  CHECK_FALSE(utf8::ends_character(text, 2));  // inside '≥'
  CHECK_FALSE(utf8::ends_character(text, 0));
  CHECK_FALSE(utf8::ends_character("a", 1));  // ASCII is no multi-byte character
  // Three continuation bytes after a two-byte lead: the lead announced one.
  CHECK_FALSE(utf8::ends_character("\xC3\xA9\x80\x80", 4));
  CHECK(utf8::ends_character("\xC3\xA9", 2));
  CHECK(utf8::ends_character("\xF0\x9F\x98\x80", 4));
  // Four continuation bytes: no lead close enough to announce them.
  CHECK_FALSE(utf8::ends_character("\xF0\x9F\x98\x80\x80", 5));
  // Complete by count though not well-formed (a surrogate): no cut splits it.
  CHECK(utf8::ends_character("\xED\xA0\x80", 3));
}

TEST_CASE("append encodes a code point", "[utf8]") {
  std::string out;
  for (utf8::CodePoint cp : {0x41, 0xA0, 0x3000, 0x1F600}) utf8::append(out, cp);
  CHECK(out == "A\xC2\xA0\xE3\x80\x80\xF0\x9F\x98\x80");
}

TEST_CASE("width: wide CJK, zero-width marks, one cell for a bad byte or a tab", "[utf8]") {
  CHECK(utf8::width('a') == 1);
  CHECK(utf8::width(0x9884) == 2);  // 预
  CHECK(utf8::width(0x200B) == 0);  // zero-width space
  CHECK(utf8::width('\t') == 1);
  CHECK(utf8::width(utf8::kInvalid) == 1);
  CHECK(display_width("预算\xFF") == 5);
  CHECK(pad_right("预算", 6) == "预算  ");
  CHECK(pad_left("预算", 5) == " 预算");
  CHECK(pad_left("预算执行率", 4) == "预算执行率");
}

TEST_CASE("count_chars counts a bad byte as one character", "[utf8]") {
  CHECK(count_chars("预\xFF算", 100) == 3);
  CHECK(count_chars("预\xFF算", 4) == 2);
  CHECK(hex_byte('\xFF') == "0xFF");
  CHECK(hex_byte('\x07') == "0x07");
}
