#include "engine/base/message.hpp"

#include <catch2/catch.hpp>
#include <cstdlib>

#include "engine/base/diagnostic.hpp"

using namespace indicheck;

TEST_CASE("a message is English until a language is set", "[message]") {
  CHECK(std::string(tr("end of text")) == "end of text");
  CHECK(tr("the control character {}", "U+0001") == "the control character U+0001");
}

TEST_CASE("Chinese comes from the linked-in catalog, in context", "[message]") {
  LanguageScope zh(Language::zh);
  CHECK(std::string(tr("end of text")) == "文本末尾");
  CHECK(std::string(trc("severity", "error")) == "错误");
  CHECK(tr("the control character {}", "U+0001") == "控制字符 U+0001");
  CHECK(tr("… and {} more {} on this line", 9995, "未知列") == "……本行另有 9995 个未知列");
  // A message the catalog does not have is said in English, not lost.
  CHECK(std::string(tr("a message no catalog has")) == "a message no catalog has");
  CHECK(trn("{} thing", "{} things", 2, 2) == "2 things");
}

TEST_CASE("a scope's language is its thread's, and ends with it", "[message]") {
  {
    LanguageScope zh(Language::zh);
    CHECK(language() == Language::zh);
    {
      LanguageScope en(Language::en);
      CHECK(std::string(tr("end of line")) == "end of line");
    }
    CHECK(std::string(tr("end of line")) == "行尾");
  }
  CHECK(language() == Language::en);
}

TEST_CASE("a diagnostic's severity is said in the run's language", "[message]") {
  Diagnostic d = make_diagnostic(Code::cli_no_targets, "a.rules", 1, 1, "x");
  CHECK(render(d) == "a.rules:1:1: error[E9002]: x\n");
  LanguageScope zh(Language::zh);
  CHECK(render(d) == "a.rules:1:1: 错误[E9002]: x\n");
}

TEST_CASE("names of languages and locales", "[message]") {
  CHECK(parse_language("zh") == Language::zh);
  CHECK(parse_language("zh_CN.UTF-8") == Language::zh);
  CHECK(parse_language("ZH-tw") == Language::zh);
  CHECK(parse_language("en") == Language::en);
  CHECK(parse_language("C") == Language::en);
  CHECK(parse_language("C.UTF-8") == Language::en);
  CHECK(parse_language("POSIX") == Language::en);
  CHECK_FALSE(parse_language("fr").has_value());
  CHECK_FALSE(parse_language("").has_value());
}

TEST_CASE("the run's language: --lang, then INDICHECK_LANG, then the locale", "[message]") {
  ::unsetenv("INDICHECK_LANG");
  ::unsetenv("LC_ALL");
  ::unsetenv("LC_MESSAGES");
  ::setenv("LANG", "zh_CN.UTF-8", 1);
  CHECK(language_from(std::nullopt) == Language::zh);
  CHECK(language_from(std::string_view("en")) == Language::en);
  ::setenv("LC_MESSAGES", "C", 1);  // LC_MESSAGES before LANG
  CHECK(language_from(std::nullopt) == Language::en);
  ::setenv("LC_ALL", "zh_TW.UTF-8", 1);  // LC_ALL before both
  CHECK(language_from(std::nullopt) == Language::zh);
  ::setenv("INDICHECK_LANG", "en", 1);  // INDICHECK_LANG before the locale
  CHECK(language_from(std::nullopt) == Language::en);
  ::setenv("INDICHECK_LANG", "fr", 1);
  CHECK_FALSE(language_from(std::nullopt).has_value());
  CHECK(language_from(std::string_view("zh")) == Language::zh);
  ::setenv("LANG", "fr_FR.UTF-8", 1);  // a locale of another language: English
  ::unsetenv("INDICHECK_LANG");
  ::unsetenv("LC_ALL");
  ::unsetenv("LC_MESSAGES");
  CHECK(language_from(std::nullopt) == Language::en);
  ::unsetenv("LANG");
  CHECK(language_from(std::nullopt) == Language::en);
}
