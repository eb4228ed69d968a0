#pragma once
// Exact numbers. Every figure indicheck reads is a finite decimal, and every
// unit conversion is a ratio of integers, so a rational is always exact.
// No binary floating point is used anywhere between reading and printing.

#include <boost/multiprecision/cpp_int.hpp>
#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace indicheck {

class Number {
 public:
  using Rational = boost::multiprecision::cpp_rational;
  using Integer = boost::multiprecision::cpp_int;

  Number() = default;
  explicit Number(Rational value) : value_(std::move(value)) {}
  static Number integer(long long v) { return Number(Rational(v)); }
  static Number ratio(long long num, long long den);  // den != 0

  // Builds a number from ASCII decimal digits (no sign, point or separators).
  // Never reads a leading 0 as octal.
  static Number from_digits(bool negative, std::string_view int_digits,
                            std::string_view frac_digits);

  // Parses "[-+]digits[.digits]" in ASCII; nullopt for anything else.
  static std::optional<Number> parse_decimal(std::string_view text);

  const Rational& value() const { return value_; }
  bool is_zero() const { return value_.is_zero(); }
  int sign() const { return value_.sign(); }

  Number operator+(const Number& o) const { return Number(value_ + o.value_); }
  Number operator-(const Number& o) const { return Number(value_ - o.value_); }
  Number operator*(const Number& o) const { return Number(value_ * o.value_); }
  // Division by zero is a bug in the caller: it throws std::domain_error.
  Number operator/(const Number& o) const;
  Number operator-() const { return Number(-value_); }
  Number abs() const { return Number(value_ < 0 ? Rational(-value_) : value_); }

  bool operator==(const Number& o) const { return value_ == o.value_; }
  std::strong_ordering operator<=>(const Number& o) const;

  // True when the value has a finite decimal expansion (denominator 2^a·5^b).
  bool is_finite_decimal() const;
  // The shortest exact decimal ("100", "0.565", "-5", "9.45"); for a value with
  // no finite expansion, the fraction "2000/3". 100.00 and 100 print alike.
  std::string canonical() const;
  // Rounds half away from zero (四舍五入) to `places` decimals and prints all of
  // them: to_fixed(2) of 2/3 is "0.67", of 1 is "1.00".
  std::string to_fixed(unsigned places) const;
  // For people: the exact decimal when there is one, else rounded to `places`
  // with a leading "≈".
  std::string display(unsigned places = 6) const;

 private:
  Rational value_;
};

}  // namespace indicheck
