// indicheck test [PATH...]: runs the rule tests (.test files, docs/rule-tests.md).

#include <nlohmann/json.hpp>

#include <algorithm>
#include <memory>

#include "engine/base/input_file.hpp"
#include "engine/report/render_rows.hpp"
#include "engine/ruletest/ruletest.hpp"
#include "tools/indicheck/cli_language.hpp"
#include "tools/indicheck/commands.hpp"

namespace indicheck::cli {

namespace {

using namespace indicheck::ruletest;

std::string percent(double p) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f%%", p);
  return buf;
}

const char* status_name(CaseResult::Status s) {
  switch (s) {
    case CaseResult::Status::passed:
      return "pass";
    case CaseResult::Status::failed:
      return "fail";
    case CaseResult::Status::skipped:
      return "skip";
  }
  return "?";
}

// The status as the text report says it (JSON keeps status_name).
const char* status_word(CaseResult::Status s) {
  switch (s) {
    case CaseResult::Status::passed:
      return trc("test case", "pass");
    case CaseResult::Status::failed:
      return trc("test case", "fail");
    case CaseResult::Status::skipped:
      return trc("test case", "skip");
  }
  return "?";
}

std::string summary_line(const RunResult& r) {
  return tr("{} passed, {} failed", r.passed, r.failed) +
         (r.skipped ? tr(", {} skipped", r.skipped) : "") + "\n";
}

std::string render_coverage_text(const Coverage& c, std::optional<double> threshold) {
  std::string out = tr("coverage: {} ({} of {} rules and branches reached)", percent(c.percent()),
                       c.reached, c.total);
  if (threshold) out += tr(", threshold {}", percent(*threshold));
  out += "\n";
  for (const auto& f : c.files) {
    double p = f.total ? 100.0 * f.reached / f.total : 100.0;
    out += "  " + tr("{}: {} ({} of {})", f.file, percent(p), f.reached, f.total) + "\n";
    for (const auto& m : f.missed)
      out += "    " + tr("not reached: {}:{}: {}", m.file, m.line, m.what) + "\n";
  }
  return out;
}

std::string render_text(const RunResult& r, bool verbose, bool update,
                        std::optional<double> threshold, bool coverage) {
  std::string out;
  for (const auto& c : r.cases) {
    const Case& t = *c.test;
    if (verbose || c.status == CaseResult::Status::failed) {
      if (verbose || c.failures.empty())
        out += where_text(t.where) + ": " + status_word(c.status) + " 用例 " + t.name +
               (c.status == CaseResult::Status::skipped && !t.skip_reason.empty()
                    ? " (" + t.skip_reason + ")"
                    : "") +
               "\n";
    }
    for (const auto& f : c.failures)
      out += where_text(f.where) + ": 用例 " + t.name + ": " + f.message + "\n";
    if (!c.golden_diff.empty() && (c.status == CaseResult::Status::failed || update)) {
      if (c.golden_written) out += tr("updated {}:", t.golden) + "\n";
      out += c.golden_diff;
    }
  }
  out += summary_line(r);
  if (coverage) out += render_coverage_text(r.coverage, threshold);
  return out;
}

nlohmann::ordered_json render_json(const RunResult& r, bool coverage) {
  nlohmann::ordered_json j;
  j["passed"] = r.passed;
  j["failed"] = r.failed;
  j["skipped"] = r.skipped;
  j["cases"] = nlohmann::ordered_json::array();
  for (const auto& c : r.cases) {
    nlohmann::ordered_json k;
    k["name"] = c.test->name;
    k["file"] = c.test->where.file;
    k["line"] = c.test->where.line;
    k["status"] = status_name(c.status);
    k["failures"] = nlohmann::ordered_json::array();
    for (const auto& f : c.failures) {
      nlohmann::ordered_json fj{
          {"file", f.where.file}, {"line", f.where.line}, {"column", f.where.column}};
      // A place in a published table, as a diagnostic's JSON gives it.
      if (!f.where.place.empty()) fj["place"] = f.where.place;
      fj["message"] = f.message;
      k["failures"].push_back(std::move(fj));
    }
    if (!c.golden_diff.empty()) k["golden_diff"] = c.golden_diff;
    if (c.golden_written) k["golden_updated"] = c.test->golden;
    j["cases"].push_back(std::move(k));
  }
  if (coverage) {
    auto& cv = j["coverage"];
    cv["reached"] = r.coverage.reached;
    cv["total"] = r.coverage.total;
    cv["percent"] = r.coverage.percent();
    cv["files"] = nlohmann::ordered_json::array();
    for (const auto& f : r.coverage.files) {
      nlohmann::ordered_json fj{{"file", f.file}, {"reached", f.reached}, {"total", f.total}};
      fj["not_reached"] = nlohmann::ordered_json::array();
      for (const auto& m : f.missed)
        fj["not_reached"].push_back({{"line", m.line}, {"what", m.what}});
      cv["files"].push_back(std::move(fj));
    }
  }
  return j;
}

// JUnit XML: one testsuite per test file, one testcase per case.
std::string render_junit(const RunResult& r) {
  std::vector<std::string> files;
  for (const auto& c : r.cases)
    if (std::find(files.begin(), files.end(), c.test->file) == files.end())
      files.push_back(c.test->file);
  std::string out =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"indicheck test\" tests=\"" +
      std::to_string(r.cases.size()) + "\" failures=\"" + std::to_string(r.failed) +
      "\" skipped=\"" + std::to_string(r.skipped) + "\">\n";
  for (const auto& file : files) {
    unsigned n = 0, failed = 0, skipped = 0;
    std::string body;
    for (const auto& c : r.cases) {
      if (c.test->file != file) continue;
      ++n;
      body += "    <testcase name=\"" + escape_markup(c.test->name) + "\" classname=\"" +
              escape_markup(file) + "\" file=\"" + escape_markup(file) + "\" line=\"" +
              std::to_string(c.test->where.line) + "\"";
      if (c.status == CaseResult::Status::passed) {
        body += "/>\n";
        continue;
      }
      body += ">\n";
      if (c.status == CaseResult::Status::skipped) {
        ++skipped;
        body += "      <skipped message=\"" + escape_markup(c.test->skip_reason) + "\"/>\n";
      } else {
        ++failed;
        std::string text;
        for (const auto& f : c.failures) text += where_text(f.where) + ": " + f.message + "\n";
        text += c.golden_diff;
        body += "      <failure message=\"" +
                escape_markup(c.failures.empty() ? "" : c.failures[0].message) + "\">" +
                escape_markup(text) + "</failure>\n";
      }
      body += "    </testcase>\n";
    }
    out += "  <testsuite name=\"" + escape_markup(file) + "\" tests=\"" + std::to_string(n) +
           "\" failures=\"" + std::to_string(failed) + "\" skipped=\"" + std::to_string(skipped) +
           "\">\n" + body + "  </testsuite>\n";
  }
  return out + "</testsuites>\n";
}

}  // namespace

Command add_test(CLI::App& app) {
  struct Options {
    std::vector<std::string> paths;
    std::string run;
    std::string format = "text";
    bool verbose = false;
    bool update = false;
    bool coverage = false;
    std::optional<double> threshold;
    bool allow_outside = false;
  };
  auto o = std::make_shared<Options>();
  CLI::App* sub =
      app.add_subcommand("test", tr("run the rule tests (.test files, docs/rule-tests.md)"));
  sub->add_option("paths", o->paths, tr("test files or folders searched for *.test (default: .)"));
  sub->add_option("--run", o->run,
                  tr("run only the cases whose name matches this regular expression"));
  sub->add_option("--format", o->format, tr("text, json or junit"))
      ->check(CLI::IsMember({"text", "json", "junit"}));
  sub->add_flag("-v,--verbose", o->verbose, tr("list every case, not only the failing ones"));
  sub->add_flag("--update", o->update,
                tr("rewrite the golden reports (报告) and show what changed"));
  sub->add_flag("--coverage", o->coverage,
                tr("report which rules and branches the tests reached, per rule file"));
  sub->add_option("--threshold", o->threshold,
                  tr("with --coverage: fail (exit 1) when coverage is below PERCENT"))
      ->check(number_in(0.0, 100.0));
  add_allow_outside(sub, o->allow_outside);
  return {sub, [o]() {
            std::vector<Diagnostic> diagnostics;
            const std::vector<std::string> paths =
                o->paths.empty() ? std::vector<std::string>{"."} : o->paths;
            const Reach reach = reach_of(o->allow_outside, paths);
            auto files = discover(paths, diagnostics, reach);
            std::vector<TestFile> tests;
            for (const auto& f : files) {
              auto text = read_test_file(f, diagnostics);
              if (!text) continue;
              // A broken file's cases do not run: what they say is not known.
              std::vector<Diagnostic> file_ds;
              TestFile parsed = parse_test_file(f, *text, file_ds, reach);
              if (!has_errors(file_ds)) tests.push_back(std::move(parsed));
              diagnostics.insert(diagnostics.end(), file_ds.begin(), file_ds.end());
            }
            bool broken_files = has_errors(diagnostics);
            bool coverage = o->coverage || o->threshold.has_value();
            RunOptions options;
            options.pattern = o->run;
            options.update = o->update;
            options.coverage = coverage;
            options.reach = reach;
            RunResult result = run_tests(tests, options);
            diagnostics.insert(diagnostics.end(), result.diagnostics.begin(),
                               result.diagnostics.end());
            print_err(render_all(diagnostics));
            if (o->format == "json")
              print_out(render_json(result, coverage).dump(2) + "\n");
            else if (o->format == "junit")
              print_out(render_junit(result));
            else
              print_out(render_text(result, o->verbose, o->update, o->threshold, coverage));
            if (files.empty() && !broken_files)
              print_err(std::string(tr("indicheck: no .test files found")) + "\n");
            if (broken_files || result.broken) return kExitUnusable;
            if (result.failed) return kExitNotMet;
            if (o->threshold && result.coverage.percent() < *o->threshold) {
              print_err(tr("indicheck: coverage {} is below the threshold {}",
                           percent(result.coverage.percent()), percent(*o->threshold)) +
                        "\n");
              return kExitNotMet;
            }
            return kExitMet;
          }};
}

}  // namespace indicheck::cli
