// indicheck lint FILE...: checks rule files (and the tables they name) before
// they run, and reports every problem. Exit 2 on any error. The tables are
// read through the Pipeline, as check reads them.

#include <algorithm>
#include <memory>
#include <tuple>

#include "engine/assess/pipeline.hpp"
#include "engine/base/input_file.hpp"
#include "engine/rules/eval.hpp"
#include "engine/rules/load.hpp"
#include "tools/indicheck/commands.hpp"

namespace indicheck::cli {

// The 核对 that the files alone decide (budget figures only) become
// diagnostics when they fail, at the check's line.
std::vector<Diagnostic> failed_constant_reconciliations(const rules::RuleSet& rs) {
  std::vector<Diagnostic> out;
  for (Period p : {Period::half, Period::year}) {
    rules::Evaluator ev(rs, p, {});
    for (const auto& r : rules::reconcile(ev, true)) {
      if (r.kind == VerdictKind::pass) continue;
      bool fails = r.kind == VerdictKind::fail;
      std::string message = fails
                                ? tr("核对 does not hold ({}): {}", chinese(p), r.explanation)
                                : tr("核对 cannot be decided ({}): {}", chinese(p), r.explanation);
      // Labelled, so that it does not pass for the source line echoed below it.
      if (!r.message.empty()) message += "\n  " + tr("说明: {}", r.message);
      Diagnostic d =
          make_diagnostic(fails ? Code::rules_check_fails : Code::rules_check_undecided,
                          r.where.file, r.where.line, r.where.column, message, r.source_line);
      d.severity = r.severity;  // the 核对's 级别: 警告 lowers it
      out.push_back(std::move(d));
    }
  }
  return out;
}

Command add_lint(CLI::App& app) {
  struct Options {
    std::vector<std::string> files;
    std::string targets;
    bool allow_outside = false;
  };
  auto o = std::make_shared<Options>();
  CLI::App* sub = app.add_subcommand("lint", tr("check rule files before they run"));
  sub->add_option("files", o->files, tr("rule files (.rules)"))->required();
  sub->add_option("--targets", o->targets,
                  tr("a targets file to check the rules against, in place of their 目标表"));
  add_allow_outside(sub, o->allow_outside);
  return {
      sub, [o]() {
        std::vector<Diagnostic> ds;
        // Through the one pipeline, as check reads them: --targets may be any
        // table import reads, and so may the rule files' 目标表.
        Pipeline pipeline;
        std::vector<std::string> named = o->files;
        named.push_back(o->targets);
        pipeline.set_reach(reach_of(o->allow_outside, named));
        if (!pipeline.read_targets(o->targets, ds)) {
          print_err(render_all(ds));
          return kExitUnusable;
        }
        pipeline.load_rules(o->files, "indicheck lint", ds, /*need_targets=*/false);
        const rules::RuleSet* rs = pipeline.rules();
        if (!has_errors(ds)) {
          auto failed = failed_constant_reconciliations(*rs);
          ds.insert(ds.end(), failed.begin(), failed.end());
        }
        // In file order, then by place: the checker finds problems pass by pass.
        std::vector<std::string> files;
        for (const auto& d : ds)
          if (std::find(files.begin(), files.end(), d.where.file) == files.end())
            files.push_back(d.where.file);
        auto rank = [&](const Diagnostic& d) {
          return std::make_tuple(
              std::find(files.begin(), files.end(), d.where.file) - files.begin(), d.where.line,
              d.where.column);
        };
        std::stable_sort(ds.begin(), ds.end(), [&](const Diagnostic& a, const Diagnostic& b) {
          return rank(a) < rank(b);
        });
        print_err(render_all(ds));
        std::size_t errors = std::count_if(ds.begin(), ds.end(), [](const Diagnostic& d) {
          return d.severity == Severity::error;
        });
        std::size_t warnings = std::count_if(ds.begin(), ds.end(), [](const Diagnostic& d) {
          return d.severity == Severity::warning;
        });
        std::size_t statements = 0;
        for (const auto& f : rs->files) statements += f.statements.size();
        const std::size_t files_read = rs->sources.size(), checks = rs->reconciliations.size(),
                          reviews = rs->reviews.size();
        std::string read = trn("{} file", "{} files", files_read, files_read) + trc("list", ", ") +
                           trn("{} statement", "{} statements", statements, statements) +
                           trc("list", ", ") + trn("{} check", "{} checks", checks, checks);
        if (reviews)
          read += trc("list", ", ") + trn("{} review rule", "{} review rules", reviews, reviews);
        print_out(trc("lint summary", "{}: {}, {}", read,
                      trn("{} error", "{} errors", errors, errors),
                      trn("{} warning", "{} warnings", warnings, warnings)) +
                  "\n");
        return errors ? kExitUnusable : kExitMet;
      }};
}

}  // namespace indicheck::cli
