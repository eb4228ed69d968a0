#include "engine/base/csv_field.hpp"

namespace indicheck {

namespace {

// "-4.2", "+3", "-4.2%": a signed decimal, which a spreadsheet reads as a
// number and never as a formula.
bool is_signed_number(std::string_view text) {
  std::size_t i = 1, digits = 0;
  bool point = false;
  for (; i < text.size(); ++i) {
    if (text[i] >= '0' && text[i] <= '9')
      ++digits;
    else if (text[i] == '.' && !point)
      point = true;
    else
      break;
  }
  if (i < text.size() && text[i] == '%') ++i;
  return digits > 0 && i == text.size() && (text[0] == '-' || text[0] == '+');
}

}  // namespace

std::string csv_field(std::string_view text) {
  const bool formula = !text.empty() &&
                       std::string_view("=+-@\t\r").find(text[0]) != std::string_view::npos &&
                       !is_signed_number(text);
  if (!formula && text.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(text);
  std::string out = formula ? "\"'" : "\"";
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

}  // namespace indicheck
