// indicheck check --targets FILE --actuals FILE: evaluates a whole table.

#include <spdlog/spdlog.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <memory>
#include <tuple>

#include "engine/render.hpp"
#include "engine/report.hpp"
#include "engine/table.hpp"
#include "tools/indicheck/commands.hpp"

namespace indicheck::cli {

Command add_check(CLI::App& app) {
  struct Options {
    std::string targets, actuals;
    std::string period;  // "" = from the actuals file, else year
    std::string format = "text";
    std::string color = "auto";
  };
  auto o = std::make_shared<Options>();
  CLI::App* sub = app.add_subcommand("check", "evaluate a whole table and print a report");
  sub->add_option("--targets", o->targets, "the targets file (TSV, docs/files.md)")->required();
  sub->add_option("--actuals", o->actuals, "the actuals file (TSV, docs/files.md)")->required();
  sub->add_option("--period", o->period,
                  "half or year (default: the actuals file's 期间, else year)")
      ->check(CLI::IsMember({"half", "year"}));
  sub->add_option("--format", o->format, "text or json")->check(CLI::IsMember({"text", "json"}));
  sub->add_option("--color", o->color, "auto, always or never")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  return {
      sub, [o]() {
        std::vector<Diagnostic> diagnostics;
        auto target_text = read_file(o->targets, diagnostics);
        auto actual_text = read_file(o->actuals, diagnostics);
        std::optional<TargetTable> targets;
        std::optional<ActualTable> actuals;
        if (target_text) targets = read_targets(o->targets, *target_text, diagnostics);
        if (actual_text) actuals = read_actuals(o->actuals, *actual_text, diagnostics);
        if (!targets || !actuals) {
          print_err(render_all(diagnostics));
          return kExitUnusable;
        }
        Period period = Period::year;
        if (o->period == "half") period = Period::half;
        if (o->period.empty() && actuals->period) period = *actuals->period;
        spdlog::debug("checking {} indicators for {} against {} actual rows",
                      targets->indicators.size(), to_string(period), actuals->rows.size());
        Report report = check(*targets, *actuals, period);
        diagnostics.insert(diagnostics.end(), report.diagnostics.begin(), report.diagnostics.end());
        report.diagnostics = diagnostics;
        print_err(render_all(diagnostics));
        if (o->format == "json") {
          print_out(to_json(report).dump(2) + "\n");
        } else {
          TextOptions options;
          options.color = o->color == "always" ||
                          (o->color == "auto" && isatty(STDOUT_FILENO) && !std::getenv("NO_COLOR"));
          print_out(render_text(report, options));
        }
        return report.exit_code();
      }};
}

}  // namespace indicheck::cli
