#pragma once
// The message catalog: every sentence indicheck says to a person goes
// through here, in the language of the run. English is the source text (the
// msgid); the Chinese comes from GNU gettext catalogs (engine/base/catalog/
// zh_CN/*.po, one per stage), compiled by msgfmt at build time and read by
// Boost.Locale's gettext reader from the binary itself, so no system locale
// and no installed .mo file is needed.
//
// Placeholders are fmt's: `{}` in order, and a translation may reorder them
// as `{1} … {0}`. tools/catalog.sh refreshes the catalogs from the sources;
// ctest `i18n.catalog` fails when a message has no translation, a
// translation no message, or a translation's placeholders differ.
//
//   tr("no such file")                          → const char*
//   tr("{} is above {}", low, high)             → std::string
//   trc("verdict", "pass")                      → a short word in context
//   trn("{} error", "{} errors", n, n)          → by count (English plural)
//   N_("…")                                     → marked here, tr() where said

#include <fmt/format.h>

#include <optional>
#include <string>
#include <string_view>

namespace indicheck {

enum class Language { en, zh };

// "zh", "zh_CN.UTF-8", "zh-TW" → zh; "en", "C", "POSIX", "en_US.UTF-8" → en;
// anything else → nullopt.
std::optional<Language> parse_language(std::string_view name);
// The language a run speaks: `flag` (--lang) when given, else INDICHECK_LANG,
// else the first of LC_ALL, LC_MESSAGES, LANG that is set and not empty:
// Chinese when it starts with "zh", else English. A flag or INDICHECK_LANG
// that names no language is returned as nullopt, for the caller to refuse.
std::optional<Language> language_from(std::optional<std::string_view> flag);

// The process's language, set once at start-up (English until then, so
// tests and library users see the source text).
void set_language(Language language);
Language language();
const char* language_name(Language language);  // "zh", "en"

// Within its scope, this thread speaks `language` (the official forms are
// always in Chinese, whatever the run's language).
class LanguageScope {
 public:
  explicit LanguageScope(Language language);
  ~LanguageScope();
  LanguageScope(const LanguageScope&) = delete;
  LanguageScope& operator=(const LanguageScope&) = delete;

 private:
  std::optional<Language> saved_;
};

namespace detail {
const char* translate(const char* context, const char* msgid);
const char* translate_plural(const char* context, const char* single, const char* plural,
                             unsigned long n);
std::string format(const char* translated, const char* msgid, fmt::format_args args);
}  // namespace detail

// Marks a message for the catalog where it is written (a table of messages, a
// grammar's error text); it is translated where it is said: tr(N_("…")).
constexpr const char* N_(const char* msgid) {
  return msgid;
}

inline const char* tr(const char* msgid) {
  return detail::translate(nullptr, msgid);
}
inline const char* trc(const char* context, const char* msgid) {
  return detail::translate(context, msgid);
}

// The English message is checked against its arguments when the code is
// compiled (fmt::format_string): a placeholder without an argument, or a
// malformed one, does not build. Translations are checked by i18n.catalog.
// A message held in a variable (marked N_ where it is written) is said with
// tr(fmt::runtime(message), args…): checked when it is said, not built.
template <typename A0, typename... A>
std::string tr(fmt::format_string<const A0&, const A&...> msgid, const A0& a0, const A&... args) {
  const char* id = static_cast<fmt::string_view>(msgid).data();
  return detail::format(detail::translate(nullptr, id), id, fmt::make_format_args(a0, args...));
}
template <typename A0, typename... A>
std::string trc(const char* context, fmt::format_string<const A0&, const A&...> msgid, const A0& a0,
                const A&... args) {
  const char* id = static_cast<fmt::string_view>(msgid).data();
  return detail::format(detail::translate(context, id), id, fmt::make_format_args(a0, args...));
}
template <typename... A>
std::string trn(const char* single, fmt::format_string<const A&...> plural, unsigned long n,
                const A&... args) {
  const char* many = static_cast<fmt::string_view>(plural).data();
  const char* source = n == 1 ? single : many;
  return detail::format(detail::translate_plural(nullptr, single, many, n), source,
                        fmt::make_format_args(args...));
}

}  // namespace indicheck
