// indicheck fmt [--check] FILE...: rewrites rule files in the canonical layout,
// keeping comments. --check only reports the files that are not formatted.

#include <memory>

#include "engine/base/input_file.hpp"
#include "engine/base/output_file.hpp"
#include "engine/rules/syntax.hpp"
#include "tools/indicheck/commands.hpp"

namespace indicheck::cli {

Command add_fmt(CLI::App& app) {
  struct Options {
    std::vector<std::string> files;
    bool check = false;
  };
  auto o = std::make_shared<Options>();
  CLI::App* sub = app.add_subcommand("fmt", tr("rewrite rule files in the canonical layout"));
  sub->add_option("files", o->files, tr("rule files (.rules)"))->required();
  sub->add_flag("--check", o->check, tr("change nothing; exit 1 when a file is not formatted"));
  return {
      sub, [o]() {
        int exit = kExitMet;
        for (const std::string& path : o->files) {
          std::vector<Diagnostic> ds;
          // At most a rule file's limit read, refused as lint refuses it (E3001).
          auto text = rules::read_source(path, rules::kRuleFileKind, ds);
          if (!text) {
            print_err(render_all(ds));
            exit = kExitUnusable;
            continue;
          }
          rules::SourceFile source(path, *text);
          rules::RuleFile file = rules::parse_rule_file(source, ds);
          if (has_errors(ds)) {
            print_err(render_all(ds) + tr("{}: not formatted: fix the errors first", path) + "\n");
            exit = kExitUnusable;
            continue;
          }
          std::string formatted = rules::format_rule_file(file);
          if (formatted == *text) continue;
          if (o->check) {
            print_out(tr("{}: not formatted", path) + "\n");
            if (exit == kExitMet) exit = kExitNotMet;
            continue;
          }
          if (!write_output(path, formatted, ds)) {
            print_err(render_all(ds));
            exit = kExitUnusable;
            continue;
          }
          print_out(tr("{}: formatted", path) + "\n");
        }
        return exit;
      }};
}

}  // namespace indicheck::cli
