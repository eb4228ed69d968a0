#pragma once
// The indicheck subcommands: each file registers one on the CLI11 app.
// Exit codes are shared: 0 met, 1 not met, 2 input that cannot be evaluated.

#include <CLI/CLI.hpp>
#include <functional>
#include <string>

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

// Writes to stdout/stderr; kept here so every command prints the same way.
void print_out(const std::string& text);
void print_err(const std::string& text);

}  // namespace indicheck::cli
