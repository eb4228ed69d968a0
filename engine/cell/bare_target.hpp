#pragma once
// A quantity target written with no comparator (`95%`, `10场`, `1980元`) leaves
// its bound unsaid. Published tables mean a floor for what is to be reached
// (满意度, 成活率, counts and outputs), a ceiling for what is to be kept down
// (成本, 费用, 偏差率, 事故率) and the whole for a coverage of 100%. This is the
// reading by the indicator's name and path, each with the reason printed as
// an assumption (docs/expressions.md, "A target with no comparator"). A rule
// file's `裸值` replaces it for the indicators it matches.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/cell/constraint.hpp"

namespace indicheck {

struct BareReading {
  Comparator op = Comparator::eq;
  std::string reason;  // "'苗木成活率' names a rate to reach"
  bool clear = false;  // false: `=` only because nothing says otherwise (warned)
};

// The reading of `target`, written with no comparator, for the indicator at
// `path` (一级, 二级, [重点工作,] 三级: the name last).
BareReading read_bare(const std::vector<std::string>& path, const Quantity& target);

// "no comparator: '95%' read as '≥95%' (reason)"; no reason: without the brackets.
std::string bare_reading_assumption(const Quantity& target, Comparator op, std::string_view reason);

// When `c` is a quantity written with no comparator, reads it for the
// indicator at `path` and rewrites its assumption; nullopt otherwise (and for
// an empty path: no name, no reading).
std::optional<BareReading> apply_bare_reading(Constraint& c, const std::vector<std::string>& path);

// Puts `note` where `c`'s bare reading is said (QuantityConstraint::bare_note),
// or adds it; nothing when `c` is not a bare quantity.
void replace_bare_note(Constraint& c, std::string note);

}  // namespace indicheck
