// indicheck check --targets FILE --actuals FILE: evaluates a whole table.

#include <spdlog/spdlog.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <memory>
#include <tuple>

#include "engine/assess/pipeline.hpp"
#include "engine/base/output_file.hpp"
#include "engine/report/render.hpp"
#include "tools/indicheck/commands.hpp"

namespace indicheck::cli {

namespace {

// Renders the report in `format` to stdout, or atomically to `output`; false,
// with a diagnostic, when it cannot be written (the old file is then untouched).
bool emit_report(const Report& report, const std::string& format, const std::string& output,
                 const std::string& color, std::vector<Diagnostic>& problems) {
  if (format == "xlsx") {
    if (output.empty()) {
      problems.push_back(
          make_diagnostic(Severity::error, "indicheck check", 1, 1,
                          "--format xlsx writes a workbook, not text: give --output FILE.xlsx"));
      return false;
    }
    return write_atomically_via(
        output, [&](const std::string& temporary) { return write_xlsx(report, temporary); },
        problems);
  }
  std::string text;
  if (format == "json") {
    text = to_json(report).dump(2) + "\n";
  } else if (format == "csv") {
    text = render_csv(report);
  } else if (format == "md") {
    text = render_md(report);
  } else if (format == "junit") {
    text = render_junit(report);
  } else if (format == "html") {
    text = render_html(report);
  } else {
    TextOptions options;
    // Colour only on a terminal: never into a file.
    options.color =
        output.empty() && (color == "always" ||
                           (color == "auto" && isatty(STDOUT_FILENO) && !std::getenv("NO_COLOR")));
    text = render_text(report, options);
  }
  if (output.empty()) {
    print_out(text);
    return true;
  }
  return write_atomically(output, text, problems);
}

}  // namespace

Command add_check(CLI::App& app) {
  struct Options {
    std::string targets;
    std::vector<std::string> actuals;
    std::vector<std::string> rules;
    std::string period;  // "" = from the actuals file, else year
    std::string format = "text";
    std::string output;  // "" = stdout
    std::string color = "auto";
  };
  auto o = std::make_shared<Options>();
  CLI::App* sub = app.add_subcommand("check", "evaluate a whole table and print a report");
  sub->add_option("--targets", o->targets,
                  "the targets file (TSV, docs/files.md); default: the rule files' 目标表");
  sub->add_option("--actuals", o->actuals,
                  "the actuals file (TSV, docs/files.md); several are read as one")
      ->required();
  sub->add_option("--rules", o->rules, "rule files (.rules, docs/rules.md), checked first");
  sub->add_option("--period", o->period,
                  "half or year (default: the actuals file's 期间, else year)")
      ->check(CLI::IsMember({"half", "year"}));
  sub->add_option("--format", o->format,
                  "text, json, csv, xlsx, html, junit or md (docs/reports.md)")
      ->check(CLI::IsMember({"text", "json", "csv", "xlsx", "html", "junit", "md"}));
  sub->add_option("--output", o->output, "write the report to FILE (atomically) instead of stdout");
  sub->add_option("--color", o->color, "auto, always or never")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  return {sub, [o]() {
            std::vector<Diagnostic> diagnostics;
            Pipeline pipeline;
            bool loaded = pipeline.load(o->rules, o->targets, "indicheck check", diagnostics);
            std::optional<ActualTable> actuals = read_actuals_files(o->actuals, diagnostics);
            if (!loaded || !actuals) {
              print_err(render_all(diagnostics));
              return kExitUnusable;
            }
            std::optional<Period> period;
            if (o->period == "half") period = Period::half;
            if (o->period == "year") period = Period::year;
            spdlog::debug("checking {} indicators for {} against {} actual rows",
                          pipeline.targets().indicators.size(),
                          to_string(period_of(period, *actuals)), actuals->rows.size());
            Report report = pipeline.assess(*actuals, period);
            diagnostics.insert(diagnostics.end(), report.diagnostics.begin(),
                               report.diagnostics.end());
            report.diagnostics = diagnostics;
            print_err(render_all(diagnostics));
            std::vector<Diagnostic> output_problems;
            if (!emit_report(report, o->format, o->output, o->color, output_problems)) {
              print_err(render_all(output_problems));
              return kExitUnusable;
            }
            return report.exit_code();
          }};
}

}  // namespace indicheck::cli
