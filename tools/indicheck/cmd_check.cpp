// indicheck check --targets FILE --actuals FILE: evaluates a whole table.

#include <spdlog/spdlog.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <memory>
#include <tuple>

#include "engine/assess/pipeline.hpp"
#include "engine/report/render.hpp"
#include "tools/indicheck/commands.hpp"

namespace indicheck::cli {

namespace {

// Renders the report in `format` to `output` ("" or "-": stdout; a file is
// written atomically, output_file.hpp); false, with a diagnostic, when it
// cannot be written (a file is then untouched).
bool emit_report(const Report& report, const std::string& format, const std::string& output,
                 const std::string& color, std::vector<Diagnostic>& problems) {
  const std::string to = output.empty() ? "-" : output;
  // Written as it is made, an indicator at a time: a large report is never
  // held whole.
  Producer text = [&](const TextSink& sink) {
    if (format == "json") return write_json(report, sink);
    if (format == "csv") return write_csv(report, sink);
    if (format == "md") return write_md(report, sink);
    if (format == "junit") return write_junit(report, sink);
    if (format == "html") return write_html(report, sink);
    TextOptions options;
    // Colour only on a terminal: never into a file.
    options.color = to == "-" && (color == "always" || (color == "auto" && isatty(STDOUT_FILENO) &&
                                                        !std::getenv("NO_COLOR")));
    write_text(report, options, sink);
  };
  auto workbook = [&](const std::string& temporary) { return write_xlsx(report, temporary); };
  return write_workbook_or_text("indicheck check", format, output, workbook, text, problems);
}

// Every file the check reads: the report must not be written over one.
std::vector<NamedPath> inputs_of(const std::string& targets,
                                 const std::vector<std::string>& actuals,
                                 const std::vector<std::string>& rules,
                                 const rules::RuleSet* rule_set) {
  std::vector<NamedPath> inputs;
  if (!targets.empty()) inputs.push_back({"--targets", targets});
  for (const auto& a : actuals) inputs.push_back({"--actuals", a});
  for (const auto& r : rules) inputs.push_back({"--rules", r});
  if (rule_set) {
    for (const auto& source : rule_set->sources)
      inputs.push_back({tr("a rule file read through 引用"), source->path});
    if (!rule_set->table_path.empty())
      inputs.push_back({tr("the rule files' 目标表"), rule_set->table_path});
  }
  return inputs;
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
    bool allow_outside = false;
  };
  auto o = std::make_shared<Options>();
  CLI::App* sub = app.add_subcommand("check", tr("evaluate a whole table and print a report"));
  sub->add_option(
      "--targets", o->targets,
      tr("the targets file (TSV, docs/files.md) or any table import reads (xlsx, xls, HTML, docx, "
         "PDF, CSV); default: the rule files' 目标表"));
  sub->add_option(
         "--actuals", o->actuals,
         tr("the actuals file (TSV, docs/files.md) or a published self-evaluation import reads; "
            "several are read as one"))
      ->required();
  sub->add_option("--rules", o->rules, tr("rule files (.rules, docs/rules.md), checked first"));
  sub->add_option("--period", o->period,
                  tr("half or year (default: the actuals file's 期间, else year)"))
      ->check(CLI::IsMember({"half", "year"}));
  sub->add_option("--format", o->format,
                  tr("text, json, csv, xlsx, html, junit or md (docs/reports.md)"))
      ->check(CLI::IsMember({"text", "json", "csv", "xlsx", "html", "junit", "md"}));
  sub->add_option("--output", o->output,
                  tr("write the report to FILE (atomically; - for stdout) instead of stdout"));
  sub->add_option("--color", o->color, tr("auto, always or never"))
      ->check(CLI::IsMember({"auto", "always", "never"}));
  add_allow_outside(sub, o->allow_outside);
  return {sub, [o]() {
            speak_for_form(o->format, o->output);
            std::vector<Diagnostic> diagnostics;
            Pipeline pipeline;
            std::vector<std::string> named = o->rules;
            named.push_back(o->targets);
            named.insert(named.end(), o->actuals.begin(), o->actuals.end());
            pipeline.set_reach(reach_of(o->allow_outside, named));
            bool loaded = pipeline.load(o->rules, o->targets, "indicheck check", diagnostics);
            std::optional<ActualTable> actuals = pipeline.read_actuals(o->actuals, diagnostics);
            if (spdlog::should_log(spdlog::level::debug))
              for (const std::string& summary : pipeline.import_summaries()) print_err(summary);
            if (!loaded || !actuals) {
              print_err(render_all(diagnostics));
              return kExitUnusable;
            }
            if (!o->output.empty() &&
                !check_outputs({{"--output", o->output}},
                               inputs_of(o->targets, o->actuals, o->rules, pipeline.rules()),
                               diagnostics)) {
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
