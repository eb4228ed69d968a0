#pragma once
// Units and dimensions. Two quantities compare only when their dimensions are
// equal; within a dimension each unit has an exact factor to the base unit.
// Every count noun (个, 项, 人次, …) is a dimension of its own: 7个 never equals 7项.

#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "engine/base/number.hpp"

namespace indicheck {

struct Unit {
  std::string symbol;     // canonical spelling ("%", "平方米", "万元", "元/亩"); "" for none
  std::string dimension;  // "ratio", "area", "money", "count:个", "unit:X" for unknown, "" none
  Number factor = Number::integer(1);  // one `symbol` in the dimension's base unit
  bool known = true;                   // false: an opaque unit nobody defined

  bool dimensionless() const { return dimension.empty(); }
};

// A person-readable name of a dimension: "an area", "a count of 个", "the unknown unit 万株".
std::string describe_dimension(std::string_view dimension);

class UnitTable {
 public:
  // The units of DOMAIN.md §3: ratio, area, money, length, mass, time, counts.
  static const UnitTable& standard();

  // Resolves a unit as written: aliases (％ ㎡ 日), a 万/亿 multiplier
  // (万亩, 万人次, bare 万), and compounds "a/b" (元/亩, 次/月).
  // nullopt when the spelling is not known.
  std::optional<Unit> lookup(std::string_view written) const;

  // The unit whose factor is 1 in `dimension` (亩 for area, 元 for money, the
  // noun itself for a count); empty when the table has none.
  std::string base_symbol(std::string_view dimension) const;

  // Adds or replaces a unit; `alias_of` spellings resolve to it.
  void define(const Unit& unit);
  void alias(std::string_view spelling, std::string_view canonical);

 private:
  std::optional<Unit> lookup_simple(std::string_view written) const;
  std::map<std::string, Unit, std::less<>> units_;
  std::map<std::string, std::string, std::less<>> aliases_;
};

// The unit a quantity has when it is written without one.
Unit no_unit();
// An unknown unit: a dimension of its own, equal only to itself.
Unit opaque_unit(std::string_view written);

}  // namespace indicheck
