#include "engine/number.hpp"

#include <stdexcept>

namespace indicheck {

namespace {

using Integer = Number::Integer;

Integer pow10(unsigned n) {
  Integer r = 1;
  for (unsigned i = 0; i < n; ++i) r *= 10;
  return r;
}

Integer digits_to_integer(std::string_view digits) {
  Integer r = 0;
  for (char c : digits) {
    r *= 10;
    r += static_cast<unsigned>(c - '0');
  }
  return r;
}

// Prints |n| / 10^scale with exactly `scale` decimals.
std::string scaled_to_string(const Integer& n, unsigned scale, bool negative) {
  std::string digits = n.str();
  if (digits.size() <= scale) digits.insert(0, scale + 1 - digits.size(), '0');
  std::string out = negative ? "-" : "";
  out += digits.substr(0, digits.size() - scale);
  if (scale > 0) {
    out += '.';
    out += digits.substr(digits.size() - scale);
  }
  return out;
}

}  // namespace

Number Number::ratio(long long num, long long den) {
  if (den == 0) throw std::domain_error("Number::ratio with zero denominator");
  return Number(Rational(num, den));
}

Number Number::from_digits(bool negative, std::string_view int_digits,
                           std::string_view frac_digits) {
  Integer n = digits_to_integer(int_digits);
  n *= pow10(static_cast<unsigned>(frac_digits.size()));
  n += digits_to_integer(frac_digits);
  Rational r(n, pow10(static_cast<unsigned>(frac_digits.size())));
  return Number(negative ? Rational(-r) : r);
}

std::optional<Number> Number::parse_decimal(std::string_view text) {
  bool negative = false;
  if (!text.empty() && (text.front() == '-' || text.front() == '+')) {
    negative = text.front() == '-';
    text.remove_prefix(1);
  }
  auto point = text.find('.');
  std::string_view int_part = text.substr(0, point);
  std::string_view frac_part =
      point == std::string_view::npos ? std::string_view() : text.substr(point + 1);
  auto all_digits = [](std::string_view s) {
    for (char c : s)
      if (c < '0' || c > '9') return false;
    return true;
  };
  if (int_part.empty() || !all_digits(int_part) || !all_digits(frac_part)) return std::nullopt;
  if (point != std::string_view::npos && frac_part.empty()) return std::nullopt;
  return from_digits(negative, int_part, frac_part);
}

Number Number::operator/(const Number& o) const {
  if (o.is_zero()) throw std::domain_error("Number division by zero");
  return Number(value_ / o.value_);
}

std::strong_ordering Number::operator<=>(const Number& o) const {
  if (value_ < o.value_) return std::strong_ordering::less;
  if (value_ > o.value_) return std::strong_ordering::greater;
  return std::strong_ordering::equal;
}

bool Number::is_finite_decimal() const {
  Integer d = boost::multiprecision::denominator(value_);
  while (d % 2 == 0) d /= 2;
  while (d % 5 == 0) d /= 5;
  return d == 1;
}

std::string Number::canonical() const {
  Integer num = boost::multiprecision::numerator(value_);
  Integer den = boost::multiprecision::denominator(value_);
  bool negative = num < 0;
  if (negative) num = -num;
  unsigned twos = 0, fives = 0;
  Integer d = den;
  while (d % 2 == 0) d /= 2, ++twos;
  while (d % 5 == 0) d /= 5, ++fives;
  if (d != 1) return (negative ? "-" : "") + num.str() + "/" + den.str();
  unsigned scale = std::max(twos, fives);
  Integer scaled = num * (pow10(scale) / den);
  return scaled_to_string(scaled, scale, negative && scaled != 0);
}

std::string Number::to_fixed(unsigned places) const {
  Integer num = boost::multiprecision::numerator(value_);
  Integer den = boost::multiprecision::denominator(value_);
  bool negative = num < 0;
  if (negative) num = -num;
  // round(|v| * 10^places) half up == floor((2·num·10^p + den) / (2·den))
  Integer scaled = (2 * num * pow10(places) + den) / (2 * den);
  return scaled_to_string(scaled, places, negative && scaled != 0);
}

std::string Number::display(unsigned places) const {
  if (is_finite_decimal()) return canonical();
  std::string s = to_fixed(places);
  // Trim trailing zeros of the rounded figure; "≈" already says it is not exact.
  if (s.find('.') != std::string::npos) {
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
  }
  return "≈" + s;
}

}  // namespace indicheck
