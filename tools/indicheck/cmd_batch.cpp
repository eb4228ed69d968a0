// indicheck batch FILE...: evaluates flat tables row by row and tallies them.

#include <fcntl.h>
#include <spdlog/spdlog.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <memory>

#include "engine/base/csv_field.hpp"
#include "engine/base/diagnostic.hpp"
#include "engine/batch/batch.hpp"
#include "engine/report/render.hpp"
#include "tools/indicheck/cli_language.hpp"
#include "tools/indicheck/commands.hpp"

namespace indicheck::cli {

namespace {

using batch::Counts;
using batch::Row;
using batch::Tallies;

constexpr const char* kBatchSchema = "indicheck.batch/1";

// A JSON string literal, via nlohmann (escaping done right once).
std::string json_string(std::string_view s) {
  return Json(std::string(s)).dump(-1, ' ', false, Json::error_handler_t::replace);
}

// names: "pass=3 fail=1 … total=4", in the language of the run (text only).
std::string counts_fields(const Counts& c, const char* sep, bool names) {
  std::string out;
  for (VerdictKind v : kAllVerdicts) {
    if (!out.empty()) out += sep;
    if (names) out += std::string(said(v)) + "=";
    out += std::to_string(c.count(v));
  }
  out += sep;
  if (names) out += std::string(trc("tally", "total")) + "=";
  out += std::to_string(c.total);
  return out;
}

Json counts_json(const Counts& c) {
  Json j = Json::object();
  for (VerdictKind v : kAllVerdicts) j[to_string(v)] = c.count(v);
  j["total"] = c.total;
  return j;
}

std::string bench_line(const Counts& c) {
  return "pass=" + std::to_string(c.bench_pass()) + " fail=" + std::to_string(c.bench_fail()) +
         " error=" + std::to_string(c.bench_error());
}

std::string render_text_tallies(const Tallies& t, std::uint64_t files) {
  std::string out;
  auto table = [&](const char* title, const auto& rows) {
    unsigned width = 4;
    for (const auto& [name, c] : rows) width = std::max(width, display_width(name));
    out += title;
    out += "\n  " + pad_right("", width);
    for (VerdictKind v : kAllVerdicts) out += " " + pad_left(said(v), 9);
    out += " " + pad_left(trc("tally", "total"), 9) + "\n";
    auto line = [&](std::string_view name, const Counts& c) {
      out += "  " + pad_right(name, width);
      for (VerdictKind v : kAllVerdicts) out += " " + pad_left(std::to_string(c.count(v)), 9);
      out += " " + pad_left(std::to_string(c.total), 9) + "\n";
    };
    for (const auto& [name, c] : rows) line(name, c);
  };
  table(tr("by 一级指标:"), Tallies::sorted(t.by_level1));
  out += "\n";
  table(tr("by unit:"), Tallies::sorted(t.by_unit));
  out += "\n" +
         trn("total: {} rows in {} file: {}", "total: {} rows in {} files: {}", files,
             t.total.total, files, counts_fields(t.total, " ", true)) +
         "\n";
  if (t.malformed) out += tr("malformed rows (wrong number of cells): {}", t.malformed) + "\n";
  return out;
}

}  // namespace

Command add_batch(CLI::App& app) {
  struct Options {
    std::vector<std::string> files;
    std::string format = "text";
    std::string separator = "auto";
    bool rows = false;
    bool verdicts = false;
    unsigned jobs = 1;
    int year = 0;
    std::string progress = "auto";
  };
  auto o = std::make_shared<Options>();
  CLI::App* sub = app.add_subcommand(
      "batch", tr("evaluate flat tables (one row per indicator per unit) and tally the verdicts"));
  sub->add_option("FILE", o->files,
                  tr("TSV or CSV files with a header row (docs/batch.md); - is stdin"))
      ->required();
  sub->add_option("--format", o->format,
                  tr("text, json, csv or bench (the tallies of ../shared/bench)"))
      ->check(CLI::IsMember({"text", "json", "csv", "bench"}));
  sub->add_flag("--rows", o->rows, tr("also print every row's verdict, in input order"));
  sub->add_flag("--verdicts", o->verdicts,
                tr("print only one letter per row: p pass, f fail or partial, e anything else"));
  sub->add_option("-j,--jobs", o->jobs, tr("threads (output is the same for any number)"))
      ->check(number_in(1u, 256u));
  sub->add_option("--separator", o->separator, tr("auto (tab if the header has one), tab or comma"))
      ->check(CLI::IsMember({"auto", "tab", "comma"}));
  sub->add_option("--progress", o->progress,
                  tr("auto (when stderr is a terminal), always or never: a line on stderr "
                     "showing how far a long run has got"))
      ->check(CLI::IsMember({"auto", "always", "never"}));
  sub->add_option("--year", o->year, tr("the tables' year, for deadlines written without one"))
      ->check(number_in(1900, 2999));
  return {
      sub, [o]() {
        batch::Options options;
        options.threads = o->jobs;
        options.separator = o->separator == "tab" ? '\t' : o->separator == "comma" ? ',' : 0;
        if (o->year) options.context.year = o->year;
        std::string current_file;  // read by the formatter, set before each run
        const std::string* file = &current_file;
        const bool json = o->format == "json";
        bool first_json_row = true;
        if (o->verdicts) {
          options.format = [](std::string& out, const Row& r) {
            out += batch::bench_letter(r.verdict);
            out += '\n';
          };
        } else if (o->rows && json) {
          // Each row starts with ",": the writer drops the very first one.
          options.format = [file](std::string& out, const Row& r) {
            out +=
                ",\n    {\"file\": " + json_string(*file) + ", \"line\": " + std::to_string(r.line);
            if (r.malformed) {
              out += ", \"malformed\": true, \"cells\": " + std::to_string(r.fields);
            } else {
              out += ", \"unit\": " + json_string(r.unit) +
                     ", \"level1\": " + json_string(r.level1) +
                     ", \"level2\": " + json_string(r.level2) +
                     ", \"indicator\": " + json_string(r.indicator) +
                     ", \"period\": " + json_string(r.period) +
                     ", \"target\": " + json_string(r.target) +
                     ", \"actual\": " + json_string(r.actual);
            }
            out += ", \"verdict\": \"" + std::string(to_string(r.verdict)) + "\"";
            if (!r.malformed) out += ", \"explanation\": " + json_string(r.explanation);
            out += "}";
          };
        } else if (o->rows && (o->format == "csv" || o->format == "bench")) {
          options.format = [file](std::string& out, const Row& r) {
            out += csv_field(*file) + "," + std::to_string(r.line) + ",";
            if (r.malformed)
              out +=
                  std::string(batch::kMalformed) + "," + std::string(batch::kMalformed) + ",,,,,,";
            else
              out += csv_field(r.unit) + "," + csv_field(r.level1) + "," + csv_field(r.level2) +
                     "," + csv_field(r.indicator) + "," + csv_field(r.period) + "," +
                     csv_field(batch::printable(r.target)) + "," +
                     csv_field(batch::printable(r.actual)) + ",";
            out += to_string(r.verdict);
            out += "," + csv_field(r.explanation);
            out += '\n';
          };
        } else if (o->rows) {
          options.format = [file](std::string& out, const Row& r) {
            out += *file + ":" + std::to_string(r.line) + ": " + said(r.verdict);
            if (r.malformed) {
              out += " " + tr("(malformed): {} cells", r.fields) + "\n";
              return;
            }
            out += ": " + batch::printable(r.unit) + " " + batch::printable(r.level1) + " / " +
                   batch::printable(r.level2) + " / " + batch::printable(r.indicator);
            if (!r.period.empty()) out += " (" + batch::printable(r.period) + ")";
            out += ": " +
                   tr("target '{}', actual '{}'", shown_cell(batch::printable(r.target)),
                      shown_cell(batch::printable(r.actual))) +
                   ": " + std::string(r.explanation) + "\n";
          };
        }
        if (o->rows && !o->verdicts) {
          if (json)
            print_out(std::string("{\n  \"schema\": \"") + kBatchSchema + "\",\n  \"rows\": [");
          else if (o->format == "csv" || o->format == "bench")
            print_out(
                "file,line,unit,level1,level2,indicator,period,target,actual,verdict,"
                "explanation\n");
        }
        options.explain_rows = o->rows && !o->verdicts;
        // Progress: after half a second, a line on stderr redrawn at most four
        // times a second ("\r", the line, erase to its end), erased when the
        // input is done. Short runs show nothing.
        struct ProgressState {
          std::string name;
          std::optional<std::uint64_t> total;
          std::chrono::steady_clock::time_point start, last;
          bool shown = false;
        };
        auto progress = std::make_shared<ProgressState>();
        // auto: not when rows are printed to the same terminal (they would
        // run into the progress line).
        const bool show_progress =
            o->progress == "always" || (o->progress == "auto" && isatty(STDERR_FILENO) &&
                                        !((o->rows || o->verdicts) && isatty(STDOUT_FILENO)));
        if (show_progress)
          options.progress = [progress](std::uint64_t bytes, std::uint64_t rows) {
            auto now = std::chrono::steady_clock::now();
            if (now - progress->start < std::chrono::milliseconds(500) ||
                (progress->shown && now - progress->last < std::chrono::milliseconds(250)))
              return;
            progress->last = now;
            progress->shown = true;
            auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(now - progress->start);
            std::string line = "\r" +
                               batch::progress_line(progress->name, bytes, progress->total, rows,
                                                    static_cast<std::uint64_t>(ms.count())) +
                               "\x1b[K";
            std::fputs(line.c_str(), stderr);
            std::fflush(stderr);
          };
        auto progress_done = [progress] {
          if (!progress->shown) return;
          std::fputs("\r\x1b[K", stderr);
          std::fflush(stderr);
          progress->shown = false;
        };
        batch::Runner runner(options);
        bool unusable = false;
        Json files = Json::array();
        for (const std::string& name : o->files) {
          current_file = name;
          int fd = name == "-" ? STDIN_FILENO : open(name.c_str(), O_RDONLY | O_CLOEXEC);
          if (fd < 0) {
            print_err(render(make_diagnostic(Code::file_cannot_open, name, 1, 1,
                                             tr("cannot open: {}", system_error_text(errno)))));
            unusable = true;
            continue;
          }
          if (fd != STDIN_FILENO) posix_fadvise(fd, 0, 0, POSIX_FADV_SEQUENTIAL);
          progress->name = name;
          progress->total.reset();
          if (struct stat st; fstat(fd, &st) == 0 && S_ISREG(st.st_mode))
            progress->total = static_cast<std::uint64_t>(st.st_size);
          progress->start = std::chrono::steady_clock::now();
          int read_errno = 0;
          batch::Reader reader = [fd, &read_errno](char* buf, std::size_t n) -> std::size_t {
            while (true) {
              ssize_t got = ::read(fd, buf, n);
              if (got >= 0) return static_cast<std::size_t>(got);
              if (errno == EINTR) continue;
              read_errno = errno;
              return 0;
            }
          };
          batch::Writer writer = [&](std::string_view text) {
            if (json && o->rows && !o->verdicts && first_json_row) {
              text.remove_prefix(1);  // the first row's ","
              first_json_row = false;
            }
            print_out(std::string(text));
          };
          spdlog::debug("batch: reading {} with {} thread(s)", name, options.threads);
          batch::FileResult r = runner.run(reader, writer);
          progress_done();
          if (fd != STDIN_FILENO) close(fd);
          if (read_errno) {
            print_err(
                render(make_diagnostic(Code::file_read_failed, name, 1, 1,
                                       tr("cannot read: {}", system_error_text(read_errno)))));
            unusable = true;
            continue;  // what was read of it is not a file's worth of rows
          }
          if (!r.usable) {
            print_err(render(make_diagnostic(r.error.code, name, 1, 1, r.error.message)));
            unusable = true;
            continue;
          }
          spdlog::debug("batch: {}: {} rows on {} lines", name, r.rows, r.lines);
          files.push_back(Json{{"file", name}, {"rows", r.rows}, {"lines", r.lines}});
        }
        if (o->verdicts) return unusable ? kExitUnusable : kExitMet;
        // No file could be read: tallies of nothing would look like a clean run.
        if (files.empty() && unusable && !(json && o->rows)) return kExitUnusable;
        Tallies t = runner.tallies();
        if (o->format == "bench") {
          if (o->rows) print_out("\n");
          std::string out;
          for (const auto& [name, c] : Tallies::sorted(t.by_level1))
            out += "level1=" + name + " " + bench_line(c) + "\n";
          out += bench_line(t.total) + "\n";
          print_out(out);
        } else if (o->format == "csv") {
          if (o->rows) print_out("\n");
          std::string out = "scope,name";
          for (VerdictKind v : kAllVerdicts) out += std::string(",") + to_string(v);
          out += ",total\n";
          for (const auto& [name, c] : Tallies::sorted(t.by_level1))
            out += "level1," + csv_field(name) + "," + counts_fields(c, ",", false) + "\n";
          for (const auto& [name, c] : Tallies::sorted(t.by_unit))
            out += "unit," + csv_field(name) + "," + counts_fields(c, ",", false) + "\n";
          out += "total,," + counts_fields(t.total, ",", false) + "\n";
          print_out(out);
        } else if (json) {
          Json j;
          if (!o->rows) j["schema"] = kBatchSchema;  // else printed before the rows
          j["files"] = files;
          j["by_level1"] = Json::array();
          for (const auto& [name, c] : Tallies::sorted(t.by_level1)) {
            Json e = {{"name", name}};
            e.update(counts_json(c));
            j["by_level1"].push_back(e);
          }
          j["by_unit"] = Json::array();
          for (const auto& [name, c] : Tallies::sorted(t.by_unit)) {
            Json e = {{"name", name}};
            e.update(counts_json(c));
            j["by_unit"].push_back(e);
          }
          j["total"] = counts_json(t.total);
          j["malformed"] = t.malformed;
          std::string body = j.dump(2, ' ', false, Json::error_handler_t::replace);
          if (o->rows) {
            // Continue the object opened before the rows: drop its "{".
            print_out("\n  ],\n" + body.substr(2));
          } else {
            print_out(body);
          }
          print_out("\n");
        } else {
          if (o->rows) print_out("\n");
          print_out(render_text_tallies(t, files.size()));
        }
        return unusable ? kExitUnusable : kExitMet;
      }};
}

}  // namespace indicheck::cli
