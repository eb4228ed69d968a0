#include <catch2/catch.hpp>

#include "engine/number.hpp"

using indicheck::Number;

TEST_CASE("decimals are exact and print canonically", "[number]") {
  CHECK(Number::parse_decimal("100.00")->canonical() == "100");
  CHECK(*Number::parse_decimal("100.00") == *Number::parse_decimal("100"));
  CHECK(Number::parse_decimal("0.565")->canonical() == "0.565");
  CHECK(Number::parse_decimal("-0")->canonical() == "0");
  CHECK(Number::parse_decimal("-5.10")->canonical() == "-5.1");
  CHECK(Number::parse_decimal("1346.0088")->canonical() == "1346.0088");
  CHECK(Number::parse_decimal("0.1").value() + Number::parse_decimal("0.2").value() ==
        Number::parse_decimal("0.3").value());
}

TEST_CASE("leading zeros are never octal", "[number]") {
  CHECK(Number::parse_decimal("010")->canonical() == "10");
  CHECK(Number::parse_decimal("0.08")->canonical() == "0.08");
  CHECK(Number::parse_decimal("09")->canonical() == "9");
}

TEST_CASE("malformed decimals are refused", "[number]") {
  for (const char* bad : {"", ".5", "5.", "1.2.3", "1,200", "0x10", "+", "1e3", " 1"})
    CHECK_FALSE(Number::parse_decimal(bad).has_value());
}

TEST_CASE("fractions without a finite decimal print as a fraction or rounded", "[number]") {
  Number third = Number::ratio(2000, 3);
  CHECK_FALSE(third.is_finite_decimal());
  CHECK(third.canonical() == "2000/3");
  CHECK(third.to_fixed(2) == "666.67");
  CHECK(third.display() == "≈666.666667");
  CHECK(Number::ratio(-2, 3).to_fixed(2) == "-0.67");
}

TEST_CASE("rounding is half away from zero (四舍五入)", "[number]") {
  CHECK(Number::parse_decimal("2.345")->to_fixed(2) == "2.35");
  CHECK(Number::parse_decimal("-2.345")->to_fixed(2) == "-2.35");
  CHECK(Number::parse_decimal("2.344999")->to_fixed(2) == "2.34");
  CHECK(Number::parse_decimal("0.5")->to_fixed(0) == "1");
  CHECK(Number::parse_decimal("-0.4")->to_fixed(0) == "0");
  CHECK(Number::parse_decimal("1")->to_fixed(2) == "1.00");
}

TEST_CASE("division by zero is a bug, not a value", "[number]") {
  CHECK_THROWS_AS(Number::integer(1) / Number::integer(0), std::domain_error);
}
