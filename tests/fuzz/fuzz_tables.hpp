#pragma once
// The fixed other half of a `check` run for the table fuzz targets: the seed
// table's targets or actuals, read once from the source tree.

#include <fstream>
#include <initializer_list>
#include <sstream>
#include <string>

#include "engine/assess/report.hpp"
#include "engine/report/render.hpp"
#include "engine/table/table.hpp"
#include "tests/fuzz/fuzz_common.hpp"

#ifndef INDICHECK_SOURCE_DIR
#error "INDICHECK_SOURCE_DIR must name the repository root"
#endif

namespace indicheck::fuzz {

inline std::string fixture(const char* name) {
  std::string path = std::string(INDICHECK_SOURCE_DIR) + "/fixtures/suzhou-zrzy-2024/" + name;
  std::ifstream in(path, std::ios::binary);
  if (!in) broken("cannot read the seed fixture");
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// The seed targets file cut to its metadata, its header and the given data
// lines (1-based line numbers of the file): a small fixed other half for the
// actuals target. Checking and rendering all 68 seed indicators on every input
// took nine tenths of that target's time, whatever the input.
inline std::string fixture_lines(const char* name, std::initializer_list<unsigned> keep) {
  std::string text = fixture(name), out;
  unsigned line = 0;
  for (std::size_t start = 0; start < text.size();) {
    std::size_t end = text.find('\n', start);
    end = end == std::string::npos ? text.size() : end + 1;
    ++line;
    bool wanted = text[start] == '#' || line == 5;  // metadata, the header
    for (unsigned k : keep) wanted = wanted || k == line;
    if (wanted) out.append(text, start, end - start);
    start = end;
  }
  return out;
}

// Runs `check` for the period the CLI would pick (the actuals file's, else
// the year; half when the targets have only half-year values) and renders the
// report both ways, as the CLI does; checks the report's shape against the
// tables. One period only: the check is most of the cost of an input.
inline void check_and_render(const TargetTable& targets, const ActualTable& actuals) {
  Period p = actuals.period.value_or(targets.has_year ? Period::year : Period::half);
  {
    Report r = judge(targets, actuals, p);
    require(r.results.size() == targets.indicators.size(),
            "the report lost or invented an indicator");
    unsigned tallied = 0;
    for (const Tally& t : r.by_level1) tallied += t.total;
    require(tallied == r.total.total, "per-一级 tallies do not add up to the total");
    require(r.total.total == r.results.size(), "the total does not count every indicator");
    for (const IndicatorResult& res : r.results) check_verdict(res.verdict.kind);
    int code = r.exit_code();
    require(code >= 0 && code <= 2, "exit code out of range");
    check_diagnostics(r.diagnostics, SIZE_MAX / 2);
    (void)render_text(r);
    std::string json;
    write_json(r, [&](std::string_view piece) { json += piece; });
    require(Json::accept(json), "the streamed JSON report does not parse");
  }
}

}  // namespace indicheck::fuzz
