#pragma once
// The assessment stage, after judge(): read → parse → judge → assess (score) → report.
// Year-end: every indicator's score (得分) out of its weight (分值), the total
// rescaled to 100 and its grade (财预〔2020〕10号 by default, docs/scoring.md).
// Mid-year: no scores, whether each full-year target is on track.
// Both: every indicator that is not met and has no 偏差原因.

#include <string>
#include <vector>

#include "engine/assess/report.hpp"
#include "engine/rules/scoring_scheme.hpp"

namespace indicheck {

// The scheme's own mistakes (a band point outside its band, a negative weight,
// steps out of order); empty when it can be used.
std::vector<std::string> scheme_problems(const ScoringScheme& scheme);

// Fills report.results[*].score / .unscored and report.scoring for a year-end
// report, report.results[*].outlook for a mid-year one, and needs_reason for
// both. Problems (a weight sum other than 100, a zero budget, a key matching no
// indicator) are appended to report.diagnostics.
void assess(Report& report, const ScoringScheme& scheme = {});

// The scheme `check`, `test` and `diff` score with: the rule files' 评分
// statement (or 财预〔2020〕10号 without one), with each indicator's 分值, 方向,
// 不适用, 超出 and local scheme from the rule files' 指标 clauses.
ScoringScheme scoring_scheme(const Report& report);

// 优 ≥ 90, 良 ≥ 80, 中 ≥ 60, 差 < 60.
std::string grade_of(const Number& total);

}  // namespace indicheck
