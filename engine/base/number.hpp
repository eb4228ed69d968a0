#pragma once
// Exact numbers. Every figure indicheck reads is a finite decimal, and every
// unit conversion is a ratio of integers, so a rational is always exact.
// No binary floating point is used anywhere between reading and printing.
//
// Representation: almost every value a table holds (95%, 12000亩, 2000/3) is a
// fraction of two 64-bit integers, so a Number keeps those as a reduced
// int64 numerator and denominator and computes with 128-bit intermediates,
// which cannot overflow for one operation. Only a result that does not fit
// becomes a cpp_rational (held behind a pointer); a result that fits again is
// brought back. Both forms are exact: the choice changes speed, never a value.

#include <boost/multiprecision/cpp_int.hpp>
#include <compare>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace indicheck {

class Number {
 public:
  using Rational = boost::multiprecision::cpp_rational;
  using Integer = boost::multiprecision::cpp_int;

  Number() = default;
  explicit Number(const Rational& value);
  static Number integer(long long v);
  static Number ratio(long long num, long long den);  // den != 0

  // Builds a number from ASCII decimal digits (no sign, point or separators).
  // Never reads a leading 0 as octal.
  static Number from_digits(bool negative, std::string_view int_digits,
                            std::string_view frac_digits);

  // Parses "[-+]digits[.digits]" in ASCII; nullopt for anything else.
  static std::optional<Number> parse_decimal(std::string_view text);

  Number(const Number& o) : num_(o.num_), den_(o.den_) {
    if (o.big_) big_ = std::make_unique<Rational>(*o.big_);
  }
  Number(Number&&) noexcept = default;
  Number& operator=(const Number& o) {
    if (this != &o) *this = Number(o);
    return *this;
  }
  Number& operator=(Number&&) noexcept = default;
  ~Number() = default;

  // The exact value as a cpp_rational (built on demand: returned by value).
  Rational value() const;
  bool is_zero() const { return !big_ && num_ == 0; }
  int sign() const;

  Number operator+(const Number& o) const;
  Number operator-(const Number& o) const;
  Number operator*(const Number& o) const;
  // Division by zero is a bug in the caller: it throws std::domain_error.
  Number operator/(const Number& o) const;
  Number operator-() const;
  Number abs() const { return sign() < 0 ? -*this : *this; }

  bool operator==(const Number& o) const;
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

  // The small form, for callers that compute with integers themselves (batch):
  // true and the reduced numerator and denominator (> 0) when the value fits
  // in 64-bit integers; false when it is held as a cpp_rational.
  bool small(std::int64_t& num, std::int64_t& den) const {
    num = num_;
    den = den_;
    return !big_;
  }

 private:
  // Small when big_ is null: num_/den_ reduced, den_ > 0, num_ > INT64_MIN.
  // Otherwise big_ holds the value, which then does not fit the small form.
  std::int64_t num_ = 0;
  std::int64_t den_ = 1;
  std::unique_ptr<Rational> big_;

  static Number from_wide(__int128 num, __int128 den);  // den > 0, any size
};

}  // namespace indicheck
