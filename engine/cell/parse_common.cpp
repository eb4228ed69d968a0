#include "engine/cell/parse_common.hpp"

#include "engine/base/limits.hpp"
#include "engine/base/message.hpp"
#include "engine/base/utf8.hpp"

namespace indicheck::detail {

namespace {

bool is_han(utf8::CodePoint cp) {
  return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF);
}

bool is_numeric_sign(utf8::CodePoint cp) {
  if (cp >= '0' && cp <= '9') return true;
  if (cp >= 0xFF10 && cp <= 0xFF19) return true;
  switch (cp) {
    case '%':
    case '<':
    case '>':
    case '=':
    case 0xFF05:
    case 0x2030:
    case 0x2264:
    case 0x2265:
    case 0x2266:
    case 0x2267:
    case 0xFF1C:
    case 0xFF1E:
    case 0xFF1D:
    case 0xFE66:
    case 0x2550:
      return true;
    default:
      return false;
  }
}

}  // namespace

std::optional<Number> read_number(std::string_view matched) {
  bool negative = false;
  std::string int_digits, frac_digits;
  bool in_fraction = false;
  for (std::size_t i = 0; i < matched.size();) {
    auto cp = utf8::next(matched, i);
    if (cp == '-' || cp == 0xFF0D || cp == 0x2212) {
      negative = true;
    } else if (cp == '.' || cp == 0xFF0E) {
      in_fraction = true;
    } else if (cp >= '0' && cp <= '9') {
      (in_fraction ? frac_digits : int_digits).push_back(static_cast<char>(cp));
    } else if (cp >= 0xFF10 && cp <= 0xFF19) {
      (in_fraction ? frac_digits : int_digits).push_back(static_cast<char>('0' + (cp - 0xFF10)));
    }  // '+', '＋' and ',' carry no value
  }
  if (int_digits.size() + frac_digits.size() > kCellLimits.max_digits) return std::nullopt;
  return Number::from_digits(negative, int_digits, frac_digits);
}

Unit read_unit(std::string_view spelling, const UnitTable& units,
               std::vector<std::string>& assumptions) {
  if (spelling.empty()) return no_unit();
  if (auto u = units.lookup(spelling)) return *u;
  assumptions.push_back(tr("unknown unit '{}': compared only with the same unit", spelling));
  return opaque_unit(spelling);
}

int read_small_number(std::string_view matched) {
  static constexpr std::string_view kNumerals[] = {"一", "二", "三", "四", "五",   "六",
                                                   "七", "八", "九", "十", "十一", "十二"};
  for (int k = 0; k < 12; ++k)
    if (matched == kNumerals[k]) return k + 1;
  int v = 0;
  for (std::size_t i = 0; i < matched.size();) {
    auto cp = utf8::next(matched, i);
    if (cp >= '0' && cp <= '9') v = v * 10 + (cp - '0');
    if (cp >= 0xFF10 && cp <= 0xFF19) v = v * 10 + (cp - 0xFF10);
  }
  return v;
}

std::size_t count_han(std::string_view text) {
  std::size_t han = 0;
  for (std::size_t i = 0; i < text.size();)
    if (is_han(utf8::next(text, i))) ++han;
  return han;
}

std::size_t damaged_text_at(std::string_view text) {
  std::size_t first_numeric = std::string_view::npos;
  for (std::size_t i = 0; i < text.size() && first_numeric == std::string_view::npos;) {
    std::size_t at = i;
    if (is_numeric_sign(utf8::next(text, i))) first_numeric = at;
  }
  if (count_han(text) == 0) return 0;
  // A sentence may mention a figure; a short word glued to one is damage (工5%).
  if (first_numeric != std::string_view::npos && !is_sentence(text)) return first_numeric;
  return std::string_view::npos;
}

int days_in_month(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month == 2 && ((year % 4 == 0 && year % 100 != 0) || year % 400 == 0)) return 29;
  return kDays[month - 1];
}

}  // namespace indicheck::detail
