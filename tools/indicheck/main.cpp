// indicheck: checks budget performance targets (绩效目标) against reported actuals.

#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include "engine/base/diagnostic.hpp"
#include "engine/base/message.hpp"

#include "tools/indicheck/cli_language.hpp"
#include "tools/indicheck/commands.hpp"
#include "tools/indicheck/last_resort.hpp"

namespace indicheck::cli {

void print_out(const std::string& text) {
  std::cout << text << std::flush;
}
void print_err(const std::string& text) {
  std::cerr << text << std::flush;
}

void add_allow_outside(CLI::App* sub, bool& allow_outside) {
  sub->add_flag("--allow-outside", allow_outside,
                tr("let rule and test files name files (引用, 目标表, 报告, …) outside the folders "
                   "of the files on the command line"));
}

std::string verdict_word(const std::string& name) {
  for (VerdictKind v : kAllVerdicts)
    if (name == to_string(v)) return said(v);
  return name;
}

bool write_workbook_or_text(const std::string& who, const std::string& format,
                            const std::string& output, const PathWriter& workbook,
                            const Producer& text, std::vector<Diagnostic>& problems) {
  if (format != "xlsx") return write_output_streamed(output.empty() ? "-" : output, text, problems);
  if (output.empty()) {
    problems.push_back(
        make_diagnostic(Code::cli_xlsx_needs_output, who, 1, 1,
                        tr("--format xlsx writes a workbook, not text: give --output FILE.xlsx")));
    return false;
  }
  return write_output_via(output, workbook, problems);
}

Reach reach_of(bool allow_outside, const std::vector<std::string>& command_line_paths) {
  return allow_outside ? Reach::anywhere() : Reach::around(command_line_paths);
}

namespace {

// --lang is read before the command line is parsed, so that --help, and
// CLI11's own errors, are already in the language asked for. It is taken out
// of argv wherever it stands (before or after the subcommand); "--" ends the
// search. Returns the value of the last --lang.
std::optional<std::string> take_lang(std::vector<char*>& args) {
  std::optional<std::string> value;
  std::vector<char*> kept;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const char* a = args[i];
    if (std::strcmp(a, "--") == 0) {
      kept.insert(kept.end(), args.begin() + static_cast<std::ptrdiff_t>(i), args.end());
      break;
    }
    if (std::strcmp(a, "--lang") == 0 && i + 1 < args.size()) {
      value = args[++i];
    } else if (std::strncmp(a, "--lang=", 7) == 0) {
      value = a + 7;
    } else {
      kept.push_back(args[i]);
    }
  }
  args = kept;
  return value;
}

}  // namespace

}  // namespace indicheck::cli

int main(int argc, char** argv) {
  using namespace indicheck::cli;
  std::string running = "indicheck";  // the subcommand, once the line is parsed
  return run_reporting_failures(
      running,
      [&]() -> int {
        std::vector<char*> args(argv, argv + argc);
        const std::optional<std::string> lang_flag = take_lang(args);
        const std::optional<indicheck::Language> language = indicheck::language_from(lang_flag);
        if (!language) {
          const char* env = std::getenv("INDICHECK_LANG");
          const std::string said = lang_flag ? *lang_flag : std::string(env ? env : "");
          print_err(indicheck::render(indicheck::make_diagnostic(
              indicheck::Code::cli_no_such_language, lang_flag ? "--lang" : "INDICHECK_LANG", 1, 1,
              indicheck::tr("'{}' is not a language indicheck speaks: give zh (中文) or en "
                            "(English)",
                            said))));
          return kExitUnusable;
        }
        indicheck::set_language(*language);

        CLI::App app{
            indicheck::tr("indicheck: checks budget performance targets (绩效目标) exactly"),
            "indicheck"};  // named, so that --help says "indicheck", not the path it ran by
        speak_cli_language(app);
        app.failure_message(parse_failure_message);
        app.require_subcommand(1);
        bool verbose = false, quiet = false;
        app.add_flag("-v,--verbose", verbose, indicheck::tr("log what indicheck does to stderr"));
        app.add_flag("-q,--quiet", quiet, indicheck::tr("log nothing (errors are still reported)"));
        app.set_version_flag("--version", "indicheck 0.1.0",
                             indicheck::tr("Display program version information and exit"));
        // Read above, before parsing; listed here for --help.
        std::string lang_said;
        app.add_option("--lang", lang_said,
                       indicheck::tr("the language of messages and reports: zh or en (else "
                                     "INDICHECK_LANG, else the locale: LC_ALL, LC_MESSAGES, "
                                     "LANG)"));

        const Command commands[] = {add_parse(app),  add_eval(app),  add_check(app), add_batch(app),
                                    add_import(app), add_lint(app),  add_fmt(app),   add_test(app),
                                    add_diff(app),   add_review(app)};
        for (const Command& c : commands) give_help_flag_its_group(*c.app);

        auto logger = spdlog::stderr_color_mt("indicheck");
        spdlog::set_default_logger(logger);
        spdlog::set_pattern("indicheck: %l: %v");
        try {
          app.parse(static_cast<int>(args.size()), args.data());
        } catch (const CLI::CallForHelp& e) {
          return app.exit(e);
        } catch (const CLI::CallForAllHelp& e) {
          return app.exit(e);
        } catch (const CLI::CallForVersion& e) {
          return app.exit(e);
        } catch (const CLI::ParseError& e) {
          app.exit(e);
          return kExitUnusable;
        }
        spdlog::set_level(quiet     ? spdlog::level::off
                          : verbose ? spdlog::level::debug
                                    : spdlog::level::warn);
        for (const Command& c : commands)
          if (c.app->parsed()) {
            running = c.app->get_name();
            return c.run();
          }
        return kExitUnusable;
      },
      kExitUnusable, stderr);
}
