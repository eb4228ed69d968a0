#pragma once
// Invariant checks shared by the fuzz targets. A broken invariant aborts, so
// libFuzzer keeps the input as a crash; the checks are cheap enough to run on
// every input.

#include <cstdio>
#include <cstdlib>
#include <string_view>
#include <vector>

#include "engine/base/diagnostic.hpp"
#include "engine/base/normalise.hpp"
#include "engine/cell/constraint.hpp"
#include "engine/cell/verdict.hpp"

namespace indicheck::fuzz {

[[noreturn]] inline void broken(const char* what) {
  std::fprintf(stderr, "fuzz invariant broken: %s\n", what);
  std::abort();
}

inline void require(bool ok, const char* what) {
  if (!ok) broken(what);
}

// The documented kinds of Constraint::kind() (engine/cell/constraint.hpp).
inline void check_kind(const Constraint& c) {
  constexpr std::string_view kinds[] = {"quantity", "range", "deadline", "level", "text", "none"};
  std::string_view k = c.kind();
  for (auto known : kinds)
    if (k == known) return;
  broken("Constraint::kind() is not one of the documented kinds");
}

inline void check_verdict(VerdictKind v) {
  for (auto known : kAllVerdicts)
    if (v == known) return;
  broken("verdict kind out of range");
}

// A parse error points inside the text (or just after it) and says something.
inline void check_parse_error(const ParseError& e, std::string_view written) {
  require(!e.message.empty(), "parse error without a message");
  require(e.column >= 1, "parse error column < 1");
  require(e.byte <= written.size(), "parse error byte past the end of the text");
  require(e.column <= written.size() + 1, "parse error column past the end of the text");
}

// Every diagnostic is located (line ≥ 1, column ≥ 1), says something, and
// renders without throwing.
inline void check_diagnostics(const std::vector<Diagnostic>& ds, std::size_t content_bytes) {
  for (const Diagnostic& d : ds) {
    require(d.where.line >= 1, "diagnostic line < 1");
    require(d.where.column >= 1, "diagnostic column < 1");
    // A line holds at most content_bytes + 1 characters (1 for "end of line").
    require(d.where.column <= content_bytes + 1, "diagnostic column past the end of the file");
    require(d.where.line <= content_bytes + 1, "diagnostic line past the end of the file");
    require(!d.message.empty(), "diagnostic without a message");
  }
  std::string text = render_all(ds);
  require(ds.empty() || !text.empty(), "render_all printed nothing");
}

}  // namespace indicheck::fuzz
