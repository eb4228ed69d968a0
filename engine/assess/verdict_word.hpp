#pragma once
// A verdict as a person reads it, in the run's language: "pass" / 达成. JSON
// and .test files keep to_string's English words (engine/cell/verdict.hpp).

#include "engine/cell/verdict.hpp"

namespace indicheck {

const char* verdict_word(VerdictKind v);

}  // namespace indicheck
