#pragma once
// Reading a target (指标值) into a Constraint and an actual (实际完成值) into
// an Actual. Both remove white space first and report errors at the
// character column of the text as written.

#include <string_view>
#include <variant>

#include "engine/base/normalise.hpp"
#include "engine/base/unit.hpp"
#include "engine/cell/actual.hpp"
#include "engine/cell/constraint.hpp"

namespace indicheck {

// An empty (or all-blank) cell is NoTarget, not an error.
std::variant<Constraint, ParseError> parse_target(std::string_view written,
                                                  const UnitTable& units = UnitTable::standard());

// An empty (or all-blank) cell is ActualNone.
std::variant<Actual, ParseError> parse_actual(std::string_view written,
                                              const UnitTable& units = UnitTable::standard());

// parse_target and parse_actual without their quick paths: the general path
// alone, what batch takes when its own fast paths (fast_path.hpp) decline,
// and the reference the quick and fast paths are tested against.
std::variant<Constraint, ParseError> parse_target_by_grammar(std::string_view written,
                                                             const UnitTable& units);
std::variant<Actual, ParseError> parse_actual_by_grammar(std::string_view written,
                                                         const UnitTable& units);

}  // namespace indicheck
