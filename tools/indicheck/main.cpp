// indicheck: checks budget performance targets (绩效目标) against reported actuals.

#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <cstdio>
#include <iostream>

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
                "let rule and test files name files (引用, 目标表, 报告, …) outside the folders "
                "of the files on the command line");
}

Reach reach_of(bool allow_outside, const std::vector<std::string>& command_line_paths) {
  return allow_outside ? Reach::anywhere() : Reach::around(command_line_paths);
}

}  // namespace indicheck::cli

int main(int argc, char** argv) {
  using namespace indicheck::cli;
  std::string running = "indicheck";  // the subcommand, once the line is parsed
  return run_reporting_failures(
      running,
      [&]() -> int {
        CLI::App app{"indicheck: checks budget performance targets (绩效目标) exactly"};
        app.require_subcommand(1);
        bool verbose = false, quiet = false;
        app.add_flag("-v,--verbose", verbose, "log what indicheck does to stderr");
        app.add_flag("-q,--quiet", quiet, "log nothing (errors are still reported)");
        app.set_version_flag("--version", "indicheck 0.1.0");

        const Command commands[] = {add_parse(app),  add_eval(app),  add_check(app), add_batch(app),
                                    add_import(app), add_lint(app),  add_fmt(app),   add_test(app),
                                    add_diff(app),   add_review(app)};

        auto logger = spdlog::stderr_color_mt("indicheck");
        spdlog::set_default_logger(logger);
        spdlog::set_pattern("indicheck: %l: %v");
        try {
          app.parse(argc, argv);
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
