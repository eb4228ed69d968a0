#pragma once
// Judging an actual against a constraint. Pure: no files, no logging.

#include <optional>

#include "engine/base/period.hpp"
#include "engine/cell/actual.hpp"
#include "engine/cell/constraint.hpp"
#include "engine/cell/verdict.hpp"

namespace indicheck {

struct EvaluationContext {
  std::optional<int> year;  // the table's year, for deadlines written without one
  // The period the actual reports on: its end (6月30日 or 12月31日 of `year`)
  // is when work reported as under way (进行中) is measured against a deadline.
  std::optional<Period> period;
  const UnitTable* units = &UnitTable::standard();
  // false when only the verdict's kind is wanted (batch): no assumptions are
  // copied, and quantity and range verdicts skip building their explanation,
  // most of the cost of a row. The kind is the same either way.
  bool explain = true;
};

Verdict evaluate(const Constraint& target, const Actual& actual,
                 const EvaluationContext& context = {});

}  // namespace indicheck
