#pragma once
// Constraints and verdicts for people (text) and tools (JSON): what
// `indicheck parse` and `indicheck eval` print, and what reports embed.

#include <nlohmann/json.hpp>
#include <string>

#include "engine/base/diagnostic.hpp"
#include "engine/cell/actual.hpp"
#include "engine/cell/constraint.hpp"
#include "engine/cell/verdict.hpp"

namespace indicheck {

using Json = nlohmann::ordered_json;

// `indicheck parse`: the typed constraint, as lines of "field: value" or JSON.
std::string describe(const Constraint& c);
Json to_json(const Constraint& c);

// `indicheck parse --actual`: the actual's kind and assumptions, as lines
// "kind: …" and "assumed: …" in the language of the run. kind_of is the
// kind's word for JSON: quantity, date, level, grade, text or none.
std::string describe(const Actual& a);
const char* kind_of(const Actual& a);

// `indicheck eval`: the verdict with its explanation and assumptions.
std::string describe(const Verdict& v);
Json to_json(const Verdict& v);

// A diagnostic as every JSON output gives it: place, severity, code, message.
Json to_json(const Diagnostic& d);

}  // namespace indicheck
