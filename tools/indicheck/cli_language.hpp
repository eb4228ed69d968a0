#pragma once
// CLI11 in the language of the run. Its help layout takes its words from the
// formatter's labels and from the option and subcommand groups; its parse
// errors are English sentences built inside CLI11, so each is recognised here
// by its English shape (kParseErrorShapes) and said again through tr(), with
// the same words in English.

#include <fmt/args.h>
#include <CLI/CLI.hpp>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/base/diagnostic.hpp"
#include "engine/base/message.hpp"
#include "engine/base/utf8.hpp"

namespace indicheck::cli {

// A type name as help says it: "INT:INT in [1900 - 2999]" → its parts, each
// said: a type word by `label` (TEXT, INT …), a range with its type word, a
// set ("{half,year}") as it is.
template <class Label>
std::string type_name_said(std::string_view name, const Label& label) {
  std::string out;
  std::string_view rest = name;
  for (bool first = true; !rest.empty() || first; first = false) {
    const auto colon = rest.find(':');
    std::string_view part = rest.substr(0, colon);
    rest = colon == std::string_view::npos ? std::string_view{} : rest.substr(colon + 1);
    if (!first) out += ':';
    const auto in = part.find(" in [");
    if (in != std::string_view::npos && part.back() == ']')
      out += tr("{} in [{}]", label(std::string(part.substr(0, in))),
                part.substr(in + 5, part.size() - in - 6));
    else
      out += label(std::string(part));
  }
  return out;
}

// CLI11's own type words in the language of the run (the formatter's labels
// are set to these too); any other word as it is.
inline std::string type_word(const std::string& word) {
  if (word == "TEXT") return trc("type of an option's value", "TEXT");
  if (word == "INT") return trc("type of an option's value", "INT");
  if (word == "UINT") return trc("type of an option's value", "UINT");
  if (word == "FLOAT") return trc("type of an option's value", "FLOAT");
  return word;
}

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
  // A type name, its words by the formatter's labels (type_name_said).
  std::string type_said(const std::string& name) const {
    return type_name_said(name, [this](const std::string& word) { return get_label(word); });
  }
};

// Before any option or subcommand is added: the labels, the two group names
// and the description of --help, which CLI11 writes itself (--version's is
// given where the flag is added).
inline void speak_cli_language(CLI::App& app) {
  auto formatter = std::make_shared<Formatter>();
  app.formatter(formatter);
  for (const char* word : {"TEXT", "INT", "UINT", "FLOAT"}) formatter->label(word, type_word(word));
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

// CLI::Range(low, high) with its help text, but a value that is no number
// is said to be none ("--threshold: many is not a number"), not out of the
// range; and the range says its bounds as written (0 to 100), where CLI11's
// std::to_string gives 0.000000 to 100.000000. NaN is out of every range.
template <class T>
CLI::Validator number_in(T low, T high) {
  CLI::Validator v = CLI::Range(low, high);
  v.operation([low, high](std::string& input) {
    T value{};
    if (!CLI::detail::lexical_cast(input, value)) return tr("{} is not a number", input);
    if (value >= low && value <= high) return std::string();
    // CLI11's sentence, so that kParseErrorShapes says it in the run's language.
    return fmt::format("Value {} not in range {} to {}", input, low, high);
  });
  return v;
}

// Every sentence CLI11 2.1 builds for a parse error (CLI/Error.hpp and the
// messages of CLI/Validators.hpp), as its English shape: `{}` stands for a
// part CLI11 fills in (a name, a value, a list). The shape is the msgid, so
// the English said again is CLI11's text, byte for byte. `holes` says what
// each `{}` holds: 'p' a part said as it is, 't' a type name (TEXT, INT …),
// 'v' a validator's message (itself one of the kValidatorMessage shapes). Shapes are
// tried in order, so a narrow one stands before a wide one of its error.
// An error is known by its exit code (CLI::ExitCodes): its name is not
// always the class's (an ExtrasError is named after its subcommand).
struct ParseErrorShape {
  CLI::ExitCodes error;  // kValidatorMessage for a validator's message
  const char* english;
  const char* holes;
};

inline constexpr CLI::ExitCodes kValidatorMessage = CLI::ExitCodes::Success;

inline constexpr ParseErrorShape kParseErrorShapes[] = {
    {CLI::ExitCodes::ExtrasError, N_("The following argument was not expected: {}"), "p"},
    {CLI::ExitCodes::ExtrasError, N_("The following arguments were not expected: {}"), "p"},
    {CLI::ExitCodes::RequiredError, N_("A subcommand is required"), ""},
    {CLI::ExitCodes::RequiredError, N_("Requires at least {} subcommands"), "p"},
    {CLI::ExitCodes::RequiredError, N_("Exactly 1 option from [{}] is required and {} were given"),
     "pp"},
    {CLI::ExitCodes::RequiredError, N_("Exactly 1 option from [{}] is required"), "p"},
    {CLI::ExitCodes::RequiredError, N_("At least 1 option from [{}] is required"), "p"},
    // CLI11 writes these two without a space before "were".
    {CLI::ExitCodes::RequiredError,
     N_("Requires at least {} options used and only {}were given from [{}]"), "ppp"},
    {CLI::ExitCodes::RequiredError, N_("Requires at most 1 options be given from [{}]"), "p"},
    {CLI::ExitCodes::RequiredError,
     N_("Requires at most {} options be used and {}were given from [{}]"), "ppp"},
    {CLI::ExitCodes::RequiredError, N_("{} is required"), "p"},
    {CLI::ExitCodes::RequiresError, N_("{} requires {}"), "pp"},
    {CLI::ExitCodes::ExcludesError, N_("{} excludes {}"), "pp"},
    {CLI::ExitCodes::ArgumentMismatch, N_("Expected exactly {} arguments to {}, got {}"), "ppp"},
    {CLI::ExitCodes::ArgumentMismatch, N_("Expected at least {} arguments to {}, got {}"), "ppp"},
    {CLI::ExitCodes::ArgumentMismatch, N_("{}: At least {} required but received {}"), "ppp"},
    {CLI::ExitCodes::ArgumentMismatch, N_("{}: At Most {} required but received {}"), "ppp"},
    {CLI::ExitCodes::ArgumentMismatch, N_("{}: {} required {} missing"), "ppt"},
    {CLI::ExitCodes::ArgumentMismatch, N_("{} was given a disallowed flag override"), "p"},
    {CLI::ExitCodes::ConversionError, N_("The value {} is not an allowed value for {}"), "pp"},
    {CLI::ExitCodes::ConversionError, N_("Could not convert: {} = {}"), "pp"},
    {CLI::ExitCodes::ConversionError, N_("{}: too many inputs for a flag"), "p"},
    {CLI::ExitCodes::ConversionError, N_("{}: Should be true/false or a number"), "p"},
    {CLI::ExitCodes::ValidationError, N_("{}: {}"), "pv"},
    {CLI::ExitCodes::FileError, N_("{} was not readable (missing?)"), "p"},
    {CLI::ExitCodes::ConfigError, N_("INI was not able to parse {}"), "p"},
    {CLI::ExitCodes::ConfigError, N_("{}: This option is not allowed in a configuration file"),
     "p"},
    {CLI::ExitCodes::InvalidError,
     N_("{}: Too many positional arguments with unlimited expected args"), "p"},
    {CLI::ExitCodes::InvalidError, N_("Required min options greater than required max options"),
     ""},
    {CLI::ExitCodes::InvalidError,
     N_("Required min options greater than number of available options"), ""},
    // A validator's message, after "NAME: " (ValidationError).
    {kValidatorMessage, N_("Value {} not in range {} to {}"), "ppp"},
    {kValidatorMessage, N_("Value {} could not be converted to {}"), "pp"},
    {kValidatorMessage, N_("Value {} could not be converted"), "p"},
    {kValidatorMessage, N_("{} not in {}"), "pp"},
    {kValidatorMessage, N_("File does not exist: {}"), "p"},
    {kValidatorMessage, N_("File is actually a directory: {}"), "p"},
    {kValidatorMessage, N_("Directory does not exist: {}"), "p"},
    {kValidatorMessage, N_("Directory is actually a file: {}"), "p"},
    {kValidatorMessage, N_("Path does not exist: {}"), "p"},
    {kValidatorMessage, N_("Path already exists: {}"), "p"},
    {kValidatorMessage, N_("Failed parsing {} as a {}"), "pt"},
};

namespace detail {

// `text` read as `shape`: the parts standing for its `{}`, or false. A part
// ends at the first place its next literal piece follows, the last at the
// end (so a list, or a name with ": " in it, stays whole).
inline bool match_shape(std::string_view shape, std::string_view text,
                        std::vector<std::string_view>& parts) {
  parts.clear();
  auto hole = shape.find("{}");
  if (text.substr(0, hole) != shape.substr(0, hole)) return false;
  if (hole == std::string_view::npos) return text == shape;
  text.remove_prefix(hole);
  shape.remove_prefix(hole + 2);
  while (true) {
    hole = shape.find("{}");
    const std::string_view literal = shape.substr(0, hole);
    if (hole == std::string_view::npos) {
      // The last part: up to the closing literal, which ends the text.
      if (text.size() < literal.size() || text.substr(text.size() - literal.size()) != literal)
        return false;
      parts.push_back(text.substr(0, text.size() - literal.size()));
      return true;
    }
    const auto at = literal.empty() ? std::string_view::npos : text.find(literal);
    if (at == std::string_view::npos) return false;
    parts.push_back(text.substr(0, at));
    text.remove_prefix(at + literal.size());
    shape.remove_prefix(hole + 2);
  }
}

inline std::string said_as(const ParseErrorShape& shape,
                           const std::vector<std::string_view>& parts);

// A message of CLI11's `error` (kValidatorMessage: a validator's): said in
// the language of the run when it has one of the shapes, else nothing.
inline std::optional<std::string> shaped(CLI::ExitCodes error, std::string_view text) {
  std::vector<std::string_view> parts;
  for (const ParseErrorShape& shape : kParseErrorShapes)
    if (error == shape.error && match_shape(shape.english, text, parts) &&
        parts.size() == std::string_view(shape.holes).size())
      return said_as(shape, parts);
  return std::nullopt;
}

inline std::string said_as(const ParseErrorShape& shape,
                           const std::vector<std::string_view>& parts) {
  fmt::dynamic_format_arg_store<fmt::format_context> args;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    const std::string part(parts[i]);
    switch (shape.holes[i]) {
      case 't':
        args.push_back(type_name_said(part, type_word));
        break;
      case 'v':
        // A validator's message; an unknown one (a validator of ours) as it is.
        args.push_back(shaped(kValidatorMessage, part).value_or(part));
        break;
      default:
        args.push_back(part);
    }
  }
  return indicheck::detail::format(indicheck::detail::translate(nullptr, shape.english),
                                   shape.english, args);
}

}  // namespace detail

// A CLI11 parse error's sentence in the language of the run, CLI11's text in
// English. One that has none of the shapes above (a CLI11 newer than 2.1
// may say new ones) is CLI11's text, in Chinese under a Chinese lead.
inline std::string parse_error_text(const CLI::Error& e) {
  const std::string what = e.what();
  if (auto said = detail::shaped(static_cast<CLI::ExitCodes>(e.get_exit_code()), what))
    return *said;
  return trc("a CLI11 error not known to indicheck, as CLI11 says it", "{}", what);
}

// What the run prints for a parse error (App::failure_message): the sentence
// as a diagnostic of its own code (E9006) at the program's name, as the
// commands' own refusals of a command line are (E9001 …), then where to look
// for help, as CLI11's FailureMessage::simple says it.
inline std::string parse_failure_message(const CLI::App* app, const CLI::Error& e) {
  std::string out =
      render(make_diagnostic(Code::cli_usage, app->get_name(), 1, 1, parse_error_text(e)));
  if (app->get_help_ptr() != nullptr)
    out += tr("Run with {} for more information.", app->get_help_ptr()->get_name()) + "\n";
  return out;
}

}  // namespace indicheck::cli
