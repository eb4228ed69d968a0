#pragma once
// Pieces both parsers share: turning matched digits into a Number, a unit
// spelling into a Unit, and telling a broken number from honest text.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/base/number.hpp"
#include "engine/base/unit.hpp"

namespace indicheck::detail {

// A matched number (full-width digits, 52,621 groups, －/＋ signs) as exact value.
// nullopt when it has more than CellLimits::max_digits digits.
std::optional<Number> read_number(std::string_view matched);

// A matched unit spelling: known units resolve; an unknown one becomes an
// opaque unit and an assumption is added.
Unit read_unit(std::string_view spelling, const UnitTable& units,
               std::vector<std::string>& assumptions);

// A matched month or day: ASCII or full-width digits, or 一 … 十二.
int read_small_number(std::string_view matched);

// Whether text that matched no other form looks like a damaged number or
// comparison (工5%, %95≥, ≥98%) rather than a phrase. Returns the byte of the
// first offending character, or npos when the text is acceptable as a phrase.
std::size_t damaged_text_at(std::string_view text);

// Han characters in `text` (CJK Unified Ideographs and extension A).
std::size_t count_han(std::string_view text);

// Whether text reads as a sentence (four or more Han characters) rather than a
// word: a sentence may mention a figure or answer a level in its own words.
inline bool is_sentence(std::string_view text) {
  return count_han(text) >= 4;
}

// Days in `month` of `year` (Gregorian).
int days_in_month(int year, int month);

}  // namespace indicheck::detail
