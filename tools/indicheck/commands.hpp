#pragma once
// The indicheck subcommands: each file registers one on the CLI11 app.
// Exit codes are shared: 0 met, 1 not met, 2 input that cannot be evaluated.

#include <CLI/CLI.hpp>
#include <functional>
#include <string>
#include <vector>

#include "engine/base/input_file.hpp"
#include "engine/base/message.hpp"
#include "engine/base/output_file.hpp"
#include "engine/cell/verdict.hpp"

namespace indicheck::cli {

inline constexpr int kExitMet = 0;
inline constexpr int kExitNotMet = 1;
inline constexpr int kExitUnusable = 2;

// A registered subcommand and what runs it once the command line is parsed.
struct Command {
  CLI::App* app;
  std::function<int()> run;
};

Command add_parse(CLI::App& app);
Command add_eval(CLI::App& app);
Command add_check(CLI::App& app);
Command add_batch(CLI::App& app);
Command add_import(CLI::App& app);
Command add_lint(CLI::App& app);
Command add_fmt(CLI::App& app);
Command add_test(CLI::App& app);
Command add_diff(CLI::App& app);
Command add_review(CLI::App& app);

// --allow-outside, on every command that reads rule or test files: what
// those files name may then lie outside the folders of the files on the
// command line (docs/reliability.md, "Trust model").
void add_allow_outside(CLI::App* sub, bool& allow_outside);
// Where files named inside rule and test files may be: anywhere with
// --allow-outside, else the folders of `command_line_paths`.
Reach reach_of(bool allow_outside, const std::vector<std::string>& command_line_paths);

// A verdict as a person reads it in text output, in the language of the run
// (JSON, CSV meant for programs and bench keep to_string's English names);
// by its English name ("pass", "no-target"), which an unknown name keeps.
std::string verdict_word(const std::string& name);

// The official forms (xlsx) are Chinese: a run that writes one speaks Chinese
// throughout, so that the explanations computed for it are Chinese too.
// Called first thing by a command that writes a form.
inline void speak_for_form(const std::string& format, const std::string& output) {
  if (format == "xlsx" && !output.empty()) set_language(Language::zh);
}

// The output step of a command that writes a workbook or text (check,
// review): an xlsx (`format`) needs --output, refused otherwise with a
// diagnostic naming `who` ("indicheck check"), and is written atomically
// through `workbook`; any other format is what `text` gives, written as it
// comes to `output` ("" or "-": stdout). False, with a diagnostic, when it cannot be written.
bool write_workbook_or_text(const std::string& who, const std::string& format,
                            const std::string& output, const PathWriter& workbook,
                            const Producer& text, std::vector<Diagnostic>& problems);

// Writes to stdout/stderr; kept here so every command prints the same way.
void print_out(const std::string& text);
void print_err(const std::string& text);

}  // namespace indicheck::cli
