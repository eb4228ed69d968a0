#pragma once
// The report model: every indicator of a targets table with its verdict, and
// the tallies. One model, several renderers (render_text, render_json).

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "engine/diagnostic.hpp"
#include "engine/table.hpp"
#include "engine/verdict.hpp"

namespace indicheck {

struct IndicatorResult {
  const Indicator* indicator = nullptr;
  std::string target;  // as written
  std::string kind;    // of the parsed target: "quantity", …, or "" when unreadable
  std::string actual;  // as written; empty when none was reported
  std::string reason;  // 偏差原因, as reported
  Verdict verdict;
};

struct Tally {
  std::string name;  // 一级指标, or "一级 / 二级"
  std::array<unsigned, std::size(kAllVerdicts)> counts{};
  unsigned total = 0;

  void add(VerdictKind v) {
    ++counts[static_cast<std::size_t>(v)];
    ++total;
  }
  unsigned count(VerdictKind v) const { return counts[static_cast<std::size_t>(v)]; }
};

struct Report {
  std::string unit;  // 单位名称, from the targets file
  std::optional<int> year;
  Period period = Period::year;
  std::string targets_file, actuals_file;
  std::vector<IndicatorResult> results;  // in table order: one per indicator
  std::vector<Tally> by_level1;          // in order of first appearance
  std::vector<Tally> by_level2;
  Tally total;
  std::vector<Diagnostic> diagnostics;  // problems found in the two files

  // 2 when a file has errors, 1 when an indicator is not met (fail, partial,
  // error, missing), else 0.
  int exit_code() const;
};

// Evaluates every indicator of `targets` for `period` against `actuals`.
// Problems in the files go to report.diagnostics; problems in a value become
// its verdict.
Report check(const TargetTable& targets, const ActualTable& actuals, Period period);

}  // namespace indicheck
