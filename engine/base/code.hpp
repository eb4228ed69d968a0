#pragma once
// Diagnostic codes: every diagnostic carries one, so that code, tests and
// people tell problems apart by it and not by the wording of a message
// (docs/diagnostics.md lists them all, with an example each).
//
// A code is a letter and four digits, E3104. The letter is the default
// severity: E error, W warning. The first digit is the stage that raises it:
// 1 a cell (a target or a value), 2 table files, 3 rule files, 4 assessing and
// scoring, 5 import, 6 rule tests (.test) and diff, 7 batch, 8 reading and
// writing files, 9 the command line. A code never changes meaning once given
// and is never reused; a rule file may raise or lower its severity (a 核对 at
// 警告) without changing the code. A note that explains a diagnostic is part
// of it (printed under it) and has no code of its own.
//
// engine/base/codes.inc defines each code once: INDICHECK_CODE(id, name, title).

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

namespace indicheck {

// A code by its stable name: Code::rules_unknown_name. (Only the names are
// expanded here: an edit to an id or a title leaves this header's meaning,
// and every compiled file that includes it, as it was.)
enum class Code : std::uint16_t {
#define INDICHECK_CODE(id, name, title) name,
#include "engine/base/codes.inc"
#undef INDICHECK_CODE
};

// "E3301"
std::string_view id_of(Code code);
// "rules_unknown_name"
std::string_view name_of(Code code);
// What the code is about, in one line.
std::string_view title_of(Code code);
// The code written as `id` ("E3301"), if one is defined.
std::optional<Code> code_from_id(std::string_view id);
// Every code, in the order codes.inc defines them.
std::size_t code_count();

}  // namespace indicheck
