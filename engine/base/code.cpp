// Diagnostic codes: see engine/base/code.hpp.

#include "engine/base/code.hpp"

#include <iterator>

namespace indicheck {

namespace {

struct CodeInfo {
  std::string_view id, name, title;
};

constexpr CodeInfo kCodes[] = {
#define INDICHECK_CODE(id, name, title) {#id, #name, title},
#include "engine/base/codes.inc"
#undef INDICHECK_CODE
};

// An id defined twice does not compile: each id is an enumerator here, as
// each name is one of Code.
enum class CodeIds {
#define INDICHECK_CODE(id, name, title) id,
#include "engine/base/codes.inc"
#undef INDICHECK_CODE
};

constexpr bool is_well_formed_id(std::string_view id) {
  if (id.size() != 5 || (id[0] != 'E' && id[0] != 'W') || id[1] < '1' || id[1] > '9') return false;
  for (std::size_t i = 2; i < 5; ++i)
    if (id[i] < '0' || id[i] > '9') return false;
  return true;
}

// Every id well formed and titled, and no two ids with the same four digits
// (E3104 and W3104 would say two things under what reads as one number).
// Linear, with a table of the numbers seen: comparing every pair of ~300 ids
// passes clang's limit on constant-evaluation steps.
constexpr bool codes_are_valid() {
  bool seen[10000] = {};
  for (const CodeInfo& c : kCodes) {
    if (!is_well_formed_id(c.id) || c.title.empty()) return false;
    int number = 0;
    for (std::size_t i = 1; i < 5; ++i) number = number * 10 + (c.id[i] - '0');
    if (seen[number]) return false;
    seen[number] = true;
  }
  return true;
}
static_assert(codes_are_valid(),
              "engine/base/codes.inc: an id is not a letter (E, W) and four digits (the first "
              "1-9), a title is empty, or two ids share their digits");

const CodeInfo& info(Code code) {
  return kCodes[static_cast<std::size_t>(code)];
}

}  // namespace

std::string_view id_of(Code code) {
  return info(code).id;
}

std::string_view name_of(Code code) {
  return info(code).name;
}

std::string_view title_of(Code code) {
  return info(code).title;
}

std::size_t code_count() {
  return std::size(kCodes);
}

std::optional<Code> code_from_id(std::string_view id) {
  for (std::size_t i = 0; i < std::size(kCodes); ++i)
    if (kCodes[i].id == id) return static_cast<Code>(i);
  return std::nullopt;
}

}  // namespace indicheck
