// indicheck import FILE -o TARGETS.tsv: a published table (PDF-extracted text,
// CSV, xlsx, xls, HTML, docx, PDF) into a targets file and the budget block of
// a rule file.

#include <filesystem>
#include <map>
#include <memory>

#include "engine/base/output_file.hpp"
#include "engine/import/import.hpp"
#include "tools/indicheck/commands.hpp"

namespace indicheck::cli {

Command add_import(CLI::App& app) {
  struct Options {
    std::string input, format = "auto", encoding = "auto";
    std::string targets, budget, actuals, text;
  };
  auto o = std::make_shared<Options>();
  CLI::App* sub =
      app.add_subcommand("import", tr("turn a published table (text, CSV, xlsx, xls, HTML, "
                                      "docx, PDF) into targets and budget rules"));
  sub->add_option("FILE", o->input, tr("the published table"))->required();
  sub->add_option("--format", o->format,
                  tr("auto, text, csv, xlsx, xls, html, docx or pdf (auto: by the first bytes; "
                     "text or csv by name)"))
      ->check(CLI::IsMember({"auto", "text", "csv", "xlsx", "xls", "html", "docx", "pdf"}));
  sub->add_option("--encoding", o->encoding, tr("auto, utf-8 or gb18030 (text, CSV and HTML)"))
      ->check(CLI::IsMember({"auto", "utf-8", "gb18030"}));
  sub->add_option("-o,--output", o->targets, tr("the targets file to write (TSV; - for stdout)"))
      ->required();
  sub->add_option("--budget", o->budget,
                  tr("the budget rules to write (default: <stem>.budget.rules beside -o)"));
  sub->add_option("--actuals-out", o->actuals,
                  tr("write the self-evaluation columns (实际完成值, 偏差原因, 分值, 得分) here"));
  sub->add_option("--text-out", o->text, tr("write the free-text sections here"));
  return {sub, [o]() {
            std::vector<Diagnostic> diagnostics;
            ImportOptions options;
            static const std::map<std::string, ImportFormat> formats = {
                {"auto", ImportFormat::auto_detect}, {"text", ImportFormat::text},
                {"csv", ImportFormat::csv},          {"xlsx", ImportFormat::xlsx},
                {"xls", ImportFormat::xls},          {"html", ImportFormat::html},
                {"docx", ImportFormat::docx},        {"pdf", ImportFormat::pdf}};
            options.format = formats.at(o->format);
            options.encoding = o->encoding == "utf-8"     ? ImportEncoding::utf8
                               : o->encoding == "gb18030" ? ImportEncoding::gb18030
                                                          : ImportEncoding::auto_detect;
            // Refused before reading: no output over the table or over another
            // output; the default budget file is checked once its name is known.
            std::vector<NamedPath> requested = {{"-o", o->targets}};
            if (!o->budget.empty()) requested.push_back({"--budget", o->budget});
            if (!o->actuals.empty()) requested.push_back({"--actuals-out", o->actuals});
            if (!o->text.empty()) requested.push_back({"--text-out", o->text});
            if (!check_outputs(requested, {{"FILE", o->input}}, diagnostics)) {
              print_err(render_all(diagnostics));
              return kExitUnusable;
            }
            auto import = import_file(o->input, options, diagnostics);
            if (!import) {
              print_err(render_all(diagnostics));
              return kExitUnusable;
            }
            std::string budget_path = o->budget;
            if (budget_path.empty() && o->targets != "-" && !import->budget.empty()) {
              std::filesystem::path p(o->targets);
              budget_path = (p.parent_path() / (p.stem().string() + ".budget.rules")).string();
            }
            struct Output {
              std::string path, content, wrote, option;  // wrote: the line said once written
            };
            std::vector<Output> outputs = {
                {o->targets, write_targets(*import), tr("wrote targets: {}\n", o->targets), "-o"}};
            if (!budget_path.empty()) {
              if (import->budget.empty())
                diagnostics.push_back(make_diagnostic(
                    Code::import_no_budget, o->input, 1, 1,
                    tr("no budget figures in the table: {} is not written", budget_path)));
              else
                outputs.push_back({budget_path, write_budget(*import, diagnostics),
                                   tr("wrote budget: {}\n", budget_path), "--budget"});
            }
            if (!o->actuals.empty()) {
              if (!import->has_self_evaluation)
                diagnostics.push_back(make_diagnostic(
                    Code::import_no_actuals, o->input, 1, 1,
                    tr("the table has no 实际完成值 column: {} is not written", o->actuals)));
              else
                outputs.push_back({o->actuals, write_actuals(*import),
                                   tr("wrote actuals: {}\n", o->actuals), "--actuals-out"});
            }
            if (!o->text.empty())
              outputs.push_back(
                  {o->text, write_texts(*import), tr("wrote text: {}\n", o->text), "--text-out"});
            // Again with the budget file's default name, now that it is known.
            std::vector<NamedPath> written;
            for (const Output& out : outputs) written.push_back({out.option, out.path});
            check_outputs(written, {{"FILE", o->input}}, diagnostics);
            if (has_errors(diagnostics)) {
              print_err(render_all(diagnostics));
              return kExitUnusable;
            }
            std::string wrote;
            for (const Output& out : outputs) {
              if (!write_output(out.path, out.content, diagnostics)) continue;
              wrote += out.wrote;
            }
            print_err(render_all(diagnostics) + write_summary(*import) + wrote);
            return has_errors(diagnostics) ? kExitUnusable : kExitMet;
          }};
}

}  // namespace indicheck::cli
