#pragma once
// Re-checking a published self-evaluation (绩效自评表): the year-end assessment
// with the table's own 分值 as weights, then each published 得分 (and the
// published total) compared with indicheck's. docs/scoring.md, "Re-checking a
// published self-evaluation".
//
//   judge() → published_scheme() → assess() → compare_published()   (assess_published does all)

#include <string>
#include <vector>

#include "engine/assess/report.hpp"
#include "engine/assess/score.hpp"
#include "engine/table/table.hpp"

namespace indicheck {

// True when the actuals publish a 分值, a 得分 or a funds figure (a self-evaluation).
bool has_published_scores(const ActualTable& actuals);

// The scheme to score with: `scheme` (from the rule files, which win) with each
// indicator's published 分值 where the rules give none, then the targets
// table's own 分值 where neither does (how many: `from_targets`), and the
// 预算执行率 block from the published 全年执行数 / 全年预算数 and 执行率分值. Says
// in `recheck` which weights were used and where the rules overrode a
// published 分值.
ScoringScheme published_scheme(const Report& report, const ActualTable& actuals,
                               ScoringScheme scheme, Recheck& recheck, unsigned& from_targets);

// After assess(): every published 得分 (and 执行率得分, 总分) compared with
// indicheck's score at the places the table prints it (7.3: one), half-up;
// the differences into `recheck`.
void compare_published(const Report& report, const ActualTable& actuals, Recheck& recheck);

// For check: assess() with scoring_scheme(report); for a year-end report whose
// actuals publish scores, with published_scheme() and report.recheck filled.
void assess_published(Report& report, const ActualTable& actuals);

}  // namespace indicheck
