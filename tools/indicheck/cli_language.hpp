#pragma once
// CLI11 in the language of the run. Its help layout takes its words from the
// formatter's labels and from the option and subcommand groups; its parse
// errors are English sentences built inside CLI11, so the common ones are
// recognised here by their English shape and said again through tr(), with
// the same words in English. An error not recognised keeps CLI11's text.

#include <CLI/CLI.hpp>
#include <memory>
#include <string>
#include <string_view>

#include "engine/base/message.hpp"
#include "engine/base/utf8.hpp"

namespace indicheck::cli {

// CLI11's help layout with two differences. The option column is padded by
// terminal cells, not bytes, so a line with 必需 or 文本 lines up with the
// rest. And a type name is said in the language of the run: the formatter's
// labels give its words (TEXT, INT …), and a range CLI11 appends after a colon
// ("INT in [1900 - 2999]") is said as a whole. Environment variables, needs
// and excludes are left out: no option of indicheck has them.
class Formatter : public CLI::Formatter {
 public:
  std::string make_option(const CLI::Option* opt, bool is_positional) const override {
    const std::string left = "  " + make_option_name(opt, is_positional) + make_option_opts(opt);
    const std::string description = make_option_desc(opt);
    const auto cells = static_cast<unsigned>(get_column_width());
    const std::string indent(cells, ' ');
    std::string out = pad_right(left, cells);
    if (!description.empty()) {
      if (display_width(left) >= cells) out += "\n" + indent;
      for (const char c : description) {
        out += c;
        if (c == '\n') out += indent;
      }
    }
    return out + "\n";
  }

  std::string make_option_opts(const CLI::Option* opt) const override {
    if (!opt->get_option_text().empty()) return " " + opt->get_option_text();
    if (opt->get_type_size() == 0) return "";
    std::string out;
    if (!opt->get_type_name().empty()) out += " " + type_said(opt->get_type_name());
    if (!opt->get_default_str().empty()) out += "=" + opt->get_default_str();
    if (opt->get_expected_max() == CLI::detail::expected_max_vector_size)
      out += " ...";
    else if (opt->get_expected_min() > 1)
      out += " x " + std::to_string(opt->get_expected());
    if (opt->get_required()) out += " " + get_label("REQUIRED");
    return out;
  }

 private:
  // "INT:INT in [1900 - 2999]" → its parts, each said: a type word by its
  // label, a range with its type word, a set ("{half,year}") as it is.
  std::string type_said(const std::string& name) const {
    std::string out;
    std::string_view rest = name;
    for (bool first = true; !rest.empty() || first; first = false) {
      const auto colon = rest.find(':');
      std::string_view part = rest.substr(0, colon);
      rest = colon == std::string_view::npos ? std::string_view{} : rest.substr(colon + 1);
      if (!first) out += ':';
      const auto in = part.find(" in [");
      if (in != std::string_view::npos && part.back() == ']')
        out += tr("{} in [{}]", get_label(std::string(part.substr(0, in))),
                  part.substr(in + 5, part.size() - in - 6));
      else
        out += get_label(std::string(part));
    }
    return out;
  }
};

// Before any option or subcommand is added: the labels, the two group names
// and the description of --help, which CLI11 writes itself (--version's is
// given where the flag is added).
inline void speak_cli_language(CLI::App& app) {
  auto formatter = std::make_shared<Formatter>();
  app.formatter(formatter);
  formatter->label("TEXT", trc("type of an option's value", "TEXT"));
  formatter->label("INT", trc("type of an option's value", "INT"));
  formatter->label("UINT", trc("type of an option's value", "UINT"));
  formatter->label("FLOAT", trc("type of an option's value", "FLOAT"));
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
