#pragma once
// CLI11 in the language of the run. Its help layout takes its words from the
// formatter's labels and from the option and subcommand groups; its parse
// errors are English sentences built inside CLI11, so the common ones are
// recognised here by their English shape and said again through tr(), with
// the same words in English. An error not recognised keeps CLI11's text.

#include <CLI/CLI.hpp>
#include <string>
#include <string_view>

#include "engine/base/message.hpp"

namespace indicheck::cli {

// Before any option or subcommand is added: the labels, the two group names
// and the description of --help, which CLI11 writes itself (--version's is
// given where the flag is added).
inline void speak_cli_language(CLI::App& app) {
  auto formatter = app.get_formatter();
  formatter->label("Usage", tr("Usage"));
  formatter->label("OPTIONS", tr("OPTIONS"));
  formatter->label("SUBCOMMAND", tr("SUBCOMMAND"));
  formatter->label("SUBCOMMANDS", tr("SUBCOMMANDS"));
  formatter->label("Positionals", tr("Positionals"));
  formatter->label("REQUIRED", tr("REQUIRED"));
  app.option_defaults()->group(tr("Options"));
  app.group(tr("Subcommands"));  // every subcommand takes its parent's group
  app.set_help_flag("-h,--help", tr("Print this help message and exit"));
}

// After a subcommand is added: CLI11 gives it its --help before it takes the
// parent's option defaults, so --help alone would stay in the English group.
inline void give_help_flag_its_group(CLI::App& sub) {
  if (CLI::Option* help = sub.get_help_ptr()) help->group(tr("Options"));
}

namespace detail {

inline bool cut_prefix(std::string_view& s, std::string_view prefix) {
  if (s.substr(0, prefix.size()) != prefix) return false;
  s.remove_prefix(prefix.size());
  return true;
}

inline bool cut_suffix(std::string_view& s, std::string_view suffix) {
  if (s.size() < suffix.size() || s.substr(s.size() - suffix.size()) != suffix) return false;
  s.remove_suffix(suffix.size());
  return true;
}

// "NAME: REST" → NAME and REST; false without ": ".
inline bool split_name(std::string_view s, std::string_view& name, std::string_view& rest) {
  const auto colon = s.find(": ");
  if (colon == std::string_view::npos) return false;
  name = s.substr(0, colon);
  rest = s.substr(colon + 2);
  return true;
}

}  // namespace detail

// A CLI11 parse error's sentence in the language of the run: unknown
// arguments, a missing option or subcommand, a value outside its set or range,
// a value that is not a number, an option given without its value.
inline std::string parse_error_text(const CLI::Error& e) {
  using detail::cut_prefix;
  using detail::cut_suffix;
  const std::string what = e.what();
  std::string_view s = what;
  std::string_view name, rest;
  if (dynamic_cast<const CLI::ExtrasError*>(&e)) {
    if (cut_prefix(s, "The following argument was not expected: "))
      return tr("The following argument was not expected: {}", s);
    if (cut_prefix(s, "The following arguments were not expected: "))
      return tr("The following arguments were not expected: {}", s);
  } else if (dynamic_cast<const CLI::RequiredError*>(&e)) {
    if (s == "A subcommand is required") return tr("A subcommand is required");
    if (cut_suffix(s, " is required")) return tr("{} is required", s);
  } else if (dynamic_cast<const CLI::ValidationError*>(&e) && detail::split_name(s, name, rest)) {
    std::string_view value = rest;
    if (cut_prefix(value, "Value ")) {
      const auto at = value.find(" not in range ");
      std::string_view range = value.substr(at == std::string_view::npos ? 0 : at + 14);
      const auto to = range.find(" to ");
      if (at != std::string_view::npos && to != std::string_view::npos)
        return tr("{}: Value {} not in range {} to {}", name, value.substr(0, at),
                  range.substr(0, to), range.substr(to + 4));
    }
    const auto at = rest.find(" not in {");
    if (at != std::string_view::npos)
      return tr("{}: {} not in {}", name, rest.substr(0, at), rest.substr(at + 8));
  } else if (dynamic_cast<const CLI::ConversionError*>(&e)) {
    if (cut_prefix(s, "Could not convert: ")) {
      const auto eq = s.find(" = ");
      if (eq != std::string_view::npos)
        return tr("Could not convert: {} = {}", s.substr(0, eq), s.substr(eq + 3));
    }
  } else if (dynamic_cast<const CLI::ArgumentMismatch*>(&e) && detail::split_name(s, name, rest)) {
    // TypedAtLeast: "--format: 1 required TEXT missing"
    const auto required = rest.find(" required ");
    if (required != std::string_view::npos && cut_suffix(rest, " missing"))
      return tr("{}: {} required {} missing", name, rest.substr(0, required),
                rest.substr(required + 10));
  }
  return what;
}

// What the run prints for a parse error (App::failure_message): the sentence
// and where to look for help, as CLI11's own FailureMessage::simple says it.
inline std::string parse_failure_message(const CLI::App* app, const CLI::Error& e) {
  std::string out = parse_error_text(e) + "\n";
  if (app->get_help_ptr() != nullptr)
    out += tr("Run with {} for more information.", app->get_help_ptr()->get_name()) + "\n";
  return out;
}

}  // namespace indicheck::cli
