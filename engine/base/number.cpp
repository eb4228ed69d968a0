#include "engine/base/number.hpp"

#include <algorithm>
#include <limits>
#include <stdexcept>

namespace indicheck {

namespace {

using Integer = Number::Integer;
using Rational = Number::Rational;
using i128 = __int128;
using u128 = unsigned __int128;

constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();

constexpr std::uint64_t kPow10[] = {1ull,
                                    10ull,
                                    100ull,
                                    1000ull,
                                    10000ull,
                                    100000ull,
                                    1000000ull,
                                    10000000ull,
                                    100000000ull,
                                    1000000000ull,
                                    10000000000ull,
                                    100000000000ull,
                                    1000000000000ull,
                                    10000000000000ull,
                                    100000000000000ull,
                                    1000000000000000ull,
                                    10000000000000000ull,
                                    100000000000000000ull,
                                    1000000000000000000ull};
constexpr unsigned kMaxSmallScale = 18;  // 10^18 < 2^63

u128 uabs(i128 v) {
  return v < 0 ? u128(0) - u128(v) : u128(v);
}

unsigned ctz128(u128 x) {
  auto lo = static_cast<std::uint64_t>(x);
  return lo ? static_cast<unsigned>(__builtin_ctzll(lo))
            : 64u + static_cast<unsigned>(__builtin_ctzll(static_cast<std::uint64_t>(x >> 64)));
}

// Binary GCD; gcd(0, b) = b.
u128 gcd(u128 a, u128 b) {
  if (a == 0) return b;
  if (b == 0) return a;
  unsigned shift = ctz128(a | b);
  a >>= ctz128(a);
  do {
    b >>= ctz128(b);
    if (a > b) std::swap(a, b);
    b -= a;
  } while (b != 0);
  return a << shift;
}

std::uint64_t gcd64(std::uint64_t a, std::uint64_t b) {
  if (a == 0) return b;
  if (b == 0) return a;
  int shift = __builtin_ctzll(a | b);
  a >>= __builtin_ctzll(a);
  do {
    b >>= __builtin_ctzll(b);
    if (a > b) std::swap(a, b);
    b -= a;
  } while (b != 0);
  return a << shift;
}

Integer to_integer(i128 v) {
  u128 u = uabs(v);
  Integer r = static_cast<std::uint64_t>(u >> 64);
  r <<= 64;
  r += static_cast<std::uint64_t>(u);
  return v < 0 ? Integer(-r) : r;
}

std::string digits_of(u128 v) {
  char buf[48];
  char* p = buf + sizeof buf;
  do {
    *--p = static_cast<char>('0' + static_cast<unsigned>(v % 10));
    v /= 10;
  } while (v != 0);
  return std::string(p, buf + sizeof buf);
}

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

// Prints |n| / 10^scale, given the decimal digits of |n|, with exactly `scale` decimals.
std::string place_point(std::string digits, unsigned scale, bool negative) {
  if (digits.size() <= scale) digits.insert(0, scale + 1 - digits.size(), '0');
  std::string out = negative ? "-" : "";
  out.append(digits, 0, digits.size() - scale);
  if (scale > 0) {
    out += '.';
    out.append(digits, digits.size() - scale, std::string::npos);
  }
  return out;
}

std::string canonical_of(const Rational& value) {
  Integer num = boost::multiprecision::numerator(value);
  Integer den = boost::multiprecision::denominator(value);
  bool negative = num < 0;
  if (negative) num = -num;
  unsigned twos = 0, fives = 0;
  Integer d = den;
  while (d % 2 == 0) d /= 2, ++twos;
  while (d % 5 == 0) d /= 5, ++fives;
  if (d != 1) return (negative ? "-" : "") + num.str() + "/" + den.str();
  unsigned scale = std::max(twos, fives);
  Integer scaled = num * (pow10(scale) / den);
  return place_point(scaled.str(), scale, negative && scaled != 0);
}

std::string to_fixed_of(const Rational& value, unsigned places) {
  Integer num = boost::multiprecision::numerator(value);
  Integer den = boost::multiprecision::denominator(value);
  bool negative = num < 0;
  if (negative) num = -num;
  // round(|v| * 10^places) half up == floor((2·num·10^p + den) / (2·den))
  Integer scaled = (2 * num * pow10(places) + den) / (2 * den);
  return place_point(scaled.str(), places, negative && scaled != 0);
}

}  // namespace

Number::Number(const Rational& value) {
  const Integer num = boost::multiprecision::numerator(value);
  const Integer den = boost::multiprecision::denominator(value);
  if (num >= -kMax && num <= kMax && den <= kMax) {
    num_ = num.convert_to<std::int64_t>();
    den_ = den.convert_to<std::int64_t>();
  } else {
    big_ = std::make_unique<Rational>(value);
  }
}

Number Number::from_wide(i128 num, i128 den) {
  if (den != 1) {
    u128 g = gcd(uabs(num), u128(den));
    if (g > 1) {
      num /= i128(g);
      den /= i128(g);
    }
  }
  if (num >= -kMax && num <= kMax && den <= kMax) {
    Number r;
    r.num_ = static_cast<std::int64_t>(num);
    r.den_ = static_cast<std::int64_t>(den);
    return r;
  }
  return Number(Rational(to_integer(num), to_integer(den)));
}

Number Number::integer(long long v) {
  return from_wide(v, 1);
}

Number Number::ratio(long long num, long long den) {
  if (den == 0) throw std::domain_error("Number::ratio with zero denominator");
  i128 n = num, d = den;
  if (d < 0) n = -n, d = -d;
  return from_wide(n, d);
}

Number Number::from_digits(bool negative, std::string_view int_digits,
                           std::string_view frac_digits) {
  if (int_digits.size() + frac_digits.size() <= kMaxSmallScale) {
    std::int64_t n = 0;
    for (char c : int_digits) n = n * 10 + (c - '0');
    for (char c : frac_digits) n = n * 10 + (c - '0');
    return from_wide(negative ? -i128(n) : i128(n), i128(kPow10[frac_digits.size()]));
  }
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

Number::Rational Number::value() const {
  if (big_) return *big_;
  return Rational(num_, den_);
}

int Number::sign() const {
  if (big_) return big_->sign();
  return (num_ > 0) - (num_ < 0);
}

Number Number::operator+(const Number& o) const {
  if (big_ || o.big_) return Number(value() + o.value());
  if (den_ == o.den_) return from_wide(i128(num_) + o.num_, den_);
  return from_wide(i128(num_) * o.den_ + i128(o.num_) * den_, i128(den_) * o.den_);
}

Number Number::operator-(const Number& o) const {
  if (big_ || o.big_) return Number(value() - o.value());
  if (den_ == o.den_) return from_wide(i128(num_) - o.num_, den_);
  return from_wide(i128(num_) * o.den_ - i128(o.num_) * den_, i128(den_) * o.den_);
}

Number Number::operator*(const Number& o) const {
  if (big_ || o.big_) return Number(value() * o.value());
  if (num_ == 0 || o.num_ == 0) return Number();
  // Cancel across first: the product of reduced factors is then reduced.
  auto g1 = static_cast<std::int64_t>(
      gcd64(static_cast<std::uint64_t>(uabs(num_)), static_cast<std::uint64_t>(o.den_)));
  auto g2 = static_cast<std::int64_t>(
      gcd64(static_cast<std::uint64_t>(uabs(o.num_)), static_cast<std::uint64_t>(den_)));
  i128 n = i128(num_ / g1) * (o.num_ / g2);
  i128 d = i128(den_ / g2) * (o.den_ / g1);
  if (n >= -kMax && n <= kMax && d <= kMax) {
    Number r;
    r.num_ = static_cast<std::int64_t>(n);
    r.den_ = static_cast<std::int64_t>(d);
    return r;
  }
  return Number(Rational(to_integer(n), to_integer(d)));
}

Number Number::operator/(const Number& o) const {
  if (o.is_zero()) throw std::domain_error("Number division by zero");
  if (big_ || o.big_) return Number(value() / o.value());
  Number inverse;
  inverse.num_ = o.num_ < 0 ? -o.den_ : o.den_;
  inverse.den_ = o.num_ < 0 ? -o.num_ : o.num_;
  return *this * inverse;
}

Number Number::operator-() const {
  if (big_) return Number(Rational(-*big_));
  Number r;
  r.num_ = -num_;
  r.den_ = den_;
  return r;
}

bool Number::operator==(const Number& o) const {
  if (big_ || o.big_) return value() == o.value();
  return num_ == o.num_ && den_ == o.den_;
}

std::strong_ordering Number::operator<=>(const Number& o) const {
  if (big_ || o.big_) {
    Rational a = value(), b = o.value();
    if (a < b) return std::strong_ordering::less;
    if (a > b) return std::strong_ordering::greater;
    return std::strong_ordering::equal;
  }
  if (den_ == o.den_) return num_ <=> o.num_;
  return i128(num_) * o.den_ <=> i128(o.num_) * den_;
}

bool Number::is_finite_decimal() const {
  if (big_) {
    Integer d = boost::multiprecision::denominator(*big_);
    while (d % 2 == 0) d /= 2;
    while (d % 5 == 0) d /= 5;
    return d == 1;
  }
  auto d = static_cast<std::uint64_t>(den_);
  d >>= __builtin_ctzll(d);
  while (d % 5 == 0) d /= 5;
  return d == 1;
}

std::string Number::canonical() const {
  if (big_) return canonical_of(*big_);
  auto d = static_cast<std::uint64_t>(den_);
  auto twos = static_cast<unsigned>(__builtin_ctzll(d));
  d >>= twos;
  unsigned fives = 0;
  while (d % 5 == 0) d /= 5, ++fives;
  bool negative = num_ < 0;
  if (d != 1) return (negative ? "-" : "") + digits_of(uabs(num_)) + "/" + std::to_string(den_);
  unsigned scale = std::max(twos, fives);
  if (scale > kMaxSmallScale) return canonical_of(value());
  // 10^scale / den = 2^(scale - twos) · 5^(scale - fives) ≤ 10^18.
  u128 scaled = uabs(num_) * u128(kPow10[scale] / static_cast<std::uint64_t>(den_));
  return place_point(digits_of(scaled), scale, negative && scaled != 0);
}

std::string Number::to_fixed(unsigned places) const {
  if (big_ || places > kMaxSmallScale) return to_fixed_of(value(), places);
  // round(|v| * 10^places) half up == floor((2·num·10^p + den) / (2·den));
  // 2 · 2^63 · 10^18 + 2^63 < 2^125: no overflow.
  u128 den = static_cast<std::uint64_t>(den_);
  u128 scaled = (2 * uabs(num_) * kPow10[places] + den) / (2 * den);
  return place_point(digits_of(scaled), places, num_ < 0 && scaled != 0);
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
