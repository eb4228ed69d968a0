// indicheck review TABLE... [--rules R...]: 绩效目标审核, every table reviewed
// against the shipped review rules and the rule files' own (docs/review.md).

#include <memory>
#include <set>

#include "engine/assess/pipeline.hpp"
#include "engine/report/render_review.hpp"
#include "tools/indicheck/commands.hpp"

namespace indicheck::cli {

Command add_review(CLI::App& app) {
  struct Options {
    std::vector<std::string> tables;
    std::vector<std::string> rules;
    std::string format = "text";
    std::string output;
  };
  auto o = std::make_shared<Options>();
  CLI::App* sub = app.add_subcommand(
      "review",
      tr("绩效目标审核: review target tables before the budget is approved (no actuals)"));
  sub->add_option("tables", o->tables,
                  tr("target tables: indicheck's targets TSV or any table import reads (xlsx, "
                     "xls, HTML, docx, PDF, CSV)"))
      ->required();
  // One file a --rules (repeat it for more): the tables follow on the line.
  sub->add_option("--rules", o->rules,
                  tr("a rule file (.rules; repeat for more): units, the funds block (预算) and "
                     "the bureau's own review rules (审核)"))
      ->allow_extra_args(false);
  sub->add_option("--format", o->format,
                  tr("text, json, csv, xlsx, html, junit or md (docs/review.md)"))
      ->check(CLI::IsMember({"text", "json", "csv", "xlsx", "html", "junit", "md"}));
  sub->add_option("--output", o->output,
                  tr("write the findings to FILE (atomically; - for stdout) instead of stdout"));
  return {sub, [o]() {
            speak_for_form(o->format, o->output);
            review::ReviewReport report;
            std::set<std::string> shown;  // a rule file's diagnostic once, not once a table
            std::string printed;
            auto note = [&](const std::vector<Diagnostic>& ds) {
              for (const Diagnostic& d : ds) {
                std::string text = render(d);
                if (!shown.insert(text).second) continue;
                printed += text;
                report.diagnostics.push_back(d);
              }
            };
            bool funds_reviewed = false;  // the rule files' funds block: once, not once a table
            std::vector<NamedPath> inputs;
            for (const std::string& t : o->tables) inputs.push_back({tr("a table"), t});
            for (const std::string& r : o->rules) inputs.push_back({"--rules", r});
            for (const std::string& path : o->tables) {
              std::vector<Diagnostic> diagnostics;
              Pipeline pipeline;
              // The table's own problems (a repeated path) do not stop its rule files:
              // read apart, each with its diagnostics.
              std::vector<Diagnostic> rule_diagnostics;
              if (!pipeline.read_targets(path, diagnostics) ||
                  !pipeline.load_rules(o->rules, "indicheck review", rule_diagnostics)) {
                report.unreadable = true;
                note(diagnostics);
                note(rule_diagnostics);
                continue;
              }
              note(rule_diagnostics);
              report.tables.push_back(
                  review::review_table(pipeline.targets(), pipeline.rules(), diagnostics));
              note(diagnostics);
              if (pipeline.rules() && !funds_reviewed) {
                report.funds = review::review_funds(*pipeline.rules());
                funds_reviewed = true;
              }
            }
            print_err(printed);
            if (report.unreadable && report.tables.empty()) return kExitUnusable;
            std::vector<Diagnostic> problems;
            if (!o->output.empty() && !check_outputs({{"--output", o->output}}, inputs, problems)) {
              print_err(render_all(problems));
              return kExitUnusable;
            }
            auto text = [&](const TextSink& sink) {
              if (o->format == "json") return sink(render_review_json(report));
              if (o->format == "csv") return sink(render_review_csv(report));
              if (o->format == "md") return sink(render_review_md(report));
              if (o->format == "html") return sink(render_review_html(report));
              if (o->format == "junit") return sink(render_review_junit(report));
              sink(render_review_text(report));
            };
            auto workbook = [&](const std::string& temporary) {
              return write_review_xlsx(report, temporary);
            };
            if (!write_workbook_or_text("indicheck review", o->format, o->output, workbook, text,
                                        problems)) {
              print_err(render_all(problems));
              return kExitUnusable;
            }
            return report.exit_code();
          }};
}

}  // namespace indicheck::cli
