#include <catch2/catch.hpp>

#include <limits>
#include <vector>

#include "engine/base/number.hpp"

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

namespace {

using Rational = Number::Rational;

// Values that stress the small form: around zero, around 2^63 in numerator and
// denominator (where it overflows into the big form), and decimal-looking ones.
std::vector<Number> edge_numbers() {
  const long long max = std::numeric_limits<long long>::max();
  std::vector<long long> nums = {
      0,       1,       -1,         2,          3,          7,           10,
      100,     2000,    -2000,      999999999,  max,        -max,        max - 1,
      max / 2, max / 3, -(max / 7), 3037000499, 4294967296, -4294967296, 1000000000000000000};
  std::vector<long long> dens = {
      1,   2,       3,       10,         1000,       2000, 7,
      max, max - 1, max / 2, 4294967296, 3037000499, 625,  1000000000000000000};
  std::vector<Number> out;
  for (long long n : nums)
    for (long long d : dens) out.push_back(Number::ratio(n, d));
  out.push_back(Number::integer(std::numeric_limits<long long>::min()));  // big from the start
  out.push_back(Number(Rational(Number::Integer(1) << 100, 3)));
  out.push_back(Number(Rational(1, Number::Integer(1) << 70)));
  return out;
}

std::string exact(const Rational& r) {
  return boost::multiprecision::numerator(r).str() + "/" +
         boost::multiprecision::denominator(r).str();
}

}  // namespace

TEST_CASE("the small form computes exactly what cpp_rational computes", "[number]") {
  // Every operation on every pair of edge values, against cpp_rational: the
  // 64-bit form with 128-bit intermediates must never lose a digit.
  auto values = edge_numbers();
  std::size_t checked = 0;
  for (const Number& a : values) {
    Rational ra = a.value();
    CHECK(Number(ra) == a);
    CHECK(exact((-a).value()) == exact(Rational(-ra)));
    CHECK(a.sign() == ra.sign());
    for (const Number& b : values) {
      Rational rb = b.value();
      REQUIRE(exact((a + b).value()) == exact(Rational(ra + rb)));
      REQUIRE(exact((a - b).value()) == exact(Rational(ra - rb)));
      REQUIRE(exact((a * b).value()) == exact(Rational(ra * rb)));
      if (!b.is_zero()) REQUIRE(exact((a / b).value()) == exact(Rational(ra / rb)));
      REQUIRE((a == b) == (ra == rb));
      REQUIRE((a < b) == (ra < rb));
      REQUIRE((a > b) == (ra > rb));
      // A result that fits comes back to the small form: equal values compare
      // equal whichever way they were reached.
      REQUIRE((a + b) - b == a);
      ++checked;
    }
  }
  CHECK(checked == values.size() * values.size());
}

TEST_CASE("printing is the same in the small and the big form", "[number]") {
  // The same value built small (ratio) and big (through a huge intermediate).
  const Number huge(Rational(Number::Integer(1) << 90));
  for (auto [n, d] : {std::pair{2000LL, 3LL},
                      {-2, 3},
                      {1, 8},
                      {-9, 1024},
                      {123456789, 1000},
                      {1, 3},
                      {5, 1},
                      {0, 1},
                      {-1, 2},
                      {std::numeric_limits<long long>::max(), 1LL << 62},
                      {1, 1LL << 62}}) {
    Number small = Number::ratio(n, d);
    Number via_big = small * huge / huge;
    INFO(n << "/" << d);
    CHECK(via_big == small);
    for (unsigned places : {0u, 2u, 6u, 18u, 25u}) {
      CHECK(small.to_fixed(places) == via_big.to_fixed(places));
    }
    CHECK(small.canonical() == via_big.canonical());
    CHECK(small.display() == via_big.display());
  }
  CHECK(Number::ratio(1, 1LL << 62).canonical() ==
        "0.00000000000000000021684043449710088680149056017398834228515625");
  CHECK(Number::ratio(-1, 8).canonical() == "-0.125");
  CHECK(Number::ratio(9, 4).to_fixed(1) == "2.3");  // 2.25 rounds away from zero
  CHECK(Number::ratio(-9, 4).to_fixed(1) == "-2.3");
}

TEST_CASE("values beyond 64 bits stay exact and come back when they fit", "[number]") {
  Number big = *Number::parse_decimal("123456789012345678901234567890");
  CHECK(big.canonical() == "123456789012345678901234567890");
  CHECK((big - big).is_zero());
  CHECK((big / big) == Number::integer(1));
  std::int64_t n = 0, d = 0;
  CHECK_FALSE(big.small(n, d));
  CHECK((big / big).small(n, d));
  CHECK(n == 1);
  CHECK(d == 1);
  Number tiny = *Number::parse_decimal("0.0000000000000000000001");
  CHECK(tiny.canonical() == "0.0000000000000000000001");
  CHECK(tiny > Number::integer(0));
  CHECK((tiny * Number::integer(10)).canonical() == "0.000000000000000000001");
}
