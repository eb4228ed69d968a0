// The one rule of blanks: which characters are blank, which are invisible,
// and trim and squeeze following it.

#include <catch2/catch.hpp>

#include "engine/base/blank.hpp"

using namespace indicheck;

namespace {

// The blank and invisible characters, as UTF-8.
const char* const kNbsp = "\xC2\xA0";
const char* const kIdeographic = "\xE3\x80\x80";
const char* const kZeroWidth = "\xE2\x80\x8B";
const char* const kBom = "\xEF\xBB\xBF";

}  // namespace

TEST_CASE("the blank characters and the invisible one", "[blank]") {
  for (utf8::CodePoint cp : {0x20, 0x09, 0x0A, 0x0D, 0xA0, 0x3000, 0x200B}) {
    CHECK(is_blank(cp));
    CHECK_FALSE(is_invisible(cp));
  }
  CHECK(is_invisible(0xFEFF));
  CHECK_FALSE(is_blank(0xFEFF));
  // Other spaces and controls are text: read (or refused) as written.
  for (utf8::CodePoint cp : {0x0B, 0x0C, 0x2003, 0x202F, 0x2060, 0x200C, 0x00AD, utf8::kInvalid})
    CHECK_FALSE(is_droppable(cp));
}

TEST_CASE("trim drops blanks and invisibles at both ends only", "[blank]") {
  CHECK(trim("") == "");
  CHECK(trim(" \t\r\n") == "");
  CHECK(trim(std::string(kBom) + kIdeographic + "预算 执行率" + kNbsp + kZeroWidth) ==
        "预算 执行率");
  CHECK(trim(std::string("a") + kNbsp + "b") == std::string("a") + kNbsp + "b");
  // An em space (U+2003) is not blank: it stays.
  CHECK(trim("\xE2\x80\x83x") == "\xE2\x80\x83x");
  // A bad byte is text too.
  CHECK(trim(" \xFF ") == "\xFF");
}

TEST_CASE("is_blank: nothing but blanks and invisibles", "[blank]") {
  CHECK(is_blank(""));
  CHECK(is_blank(std::string(kIdeographic) + kBom + kZeroWidth + " \t"));
  CHECK_FALSE(is_blank(std::string(kIdeographic) + "-"));
  CHECK_FALSE(is_blank("\xE2\x80\x83"));
}

TEST_CASE("squeeze leaves every blank and invisible out", "[blank]") {
  CHECK(squeeze(std::string("土地出让印花 税") + kZeroWidth + kNbsp + kBom + kIdeographic +
                "\t缴纳") == "土地出让印花税缴纳");
  CHECK(squeeze("≥95%") == "≥95%");
  CHECK(squeeze("a\xFF b") ==
        "a\xFF"
        "b");
}
