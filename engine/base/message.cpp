#include "engine/base/message.hpp"

#include <boost/locale/gnu_gettext.hpp>
#include <boost/locale/message.hpp>

#include <atomic>
#include <cstdlib>
#include <locale>
#include <string>
#include <vector>

namespace indicheck {

// Written by engine/base/catalog/embed.cmake from the compiled catalog.
extern const unsigned char kCatalogZhCN[];
extern const std::size_t kCatalogZhCNSize;

namespace {

std::atomic<Language> g_language{Language::en};
thread_local std::optional<Language> t_language;

bool starts_with_ci(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i)
    if ((s[i] | 0x20) != prefix[i]) return false;
  return true;
}

// The Chinese catalog, read once by Boost.Locale from the bytes linked in. The
// reader is a std::locale facet: the locale owns it (its destructor is not
// public) and lives as long as the program.
// GCC 12 warns, wrongly, that messages_info's own constructor (language("C"))
// reads a byte of the string uninitialised; the warning is off for this one
// function only.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif
const boost::locale::message_format<char>& chinese() {
  static const std::locale with_catalog = [] {
    boost::locale::gnu_gettext::messages_info info;
    info.language = "zh";
    info.country = "CN";
    info.encoding = "UTF-8";
    info.domains.emplace_back("indicheck");
    info.paths.emplace_back("linked-in");
    info.callback = [](const std::string& file, const std::string&) {
      // Boost asks for linked-in/zh_CN/LC_MESSAGES/indicheck.mo first.
      if (file.find("/zh_CN/") == std::string::npos) return std::vector<char>();
      return std::vector<char>(kCatalogZhCN, kCatalogZhCN + kCatalogZhCNSize);
    };
    return std::locale(std::locale::classic(),
                       boost::locale::gnu_gettext::create_messages_facet<char>(info));
  }();
  return std::use_facet<boost::locale::message_format<char>>(with_catalog);
}
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic pop
#endif

}  // namespace

std::optional<Language> parse_language(std::string_view name) {
  if (starts_with_ci(name, "zh")) return Language::zh;
  if (starts_with_ci(name, "en") || name == "C" || name == "POSIX" || starts_with_ci(name, "c."))
    return Language::en;
  return std::nullopt;
}

std::optional<Language> language_from(std::optional<std::string_view> flag) {
  if (flag) return parse_language(*flag);
  if (const char* v = std::getenv("INDICHECK_LANG"); v && *v) return parse_language(v);
  for (const char* name : {"LC_ALL", "LC_MESSAGES", "LANG"})
    if (const char* v = std::getenv(name); v && *v)
      return starts_with_ci(v, "zh") ? Language::zh : Language::en;
  return Language::en;
}

void set_language(Language language) {
  g_language = language;
}

Language language() {
  return t_language ? *t_language : g_language.load();
}

const char* language_name(Language language) {
  return language == Language::zh ? "zh" : "en";
}

LanguageScope::LanguageScope(Language language) : saved_(t_language) {
  t_language = language;
}

LanguageScope::~LanguageScope() {
  t_language = saved_;
}

namespace detail {

const char* translate(const char* context, const char* msgid) {
  if (language() == Language::en) return msgid;
  const char* found = chinese().get(0, context, msgid);
  return found ? found : msgid;
}

const char* translate_plural(const char* context, const char* single, const char* plural,
                             unsigned long n) {
  if (language() == Language::en) return n == 1 ? single : plural;
  const char* found = chinese().get(0, context, single, static_cast<int>(n % 1000000));
  return found ? found : (n == 1 ? single : plural);
}

std::string format(const char* translated, const char* msgid, fmt::format_args args) {
  try {
    return fmt::vformat(translated, args);
  } catch (const fmt::format_error&) {
    // A translation whose placeholders do not fit (i18n.catalog checks them):
    // say it in English rather than not at all.
    return fmt::vformat(msgid, args);
  }
}

}  // namespace detail
}  // namespace indicheck
