#include "engine/base/blank.hpp"

namespace indicheck {

std::string_view trim(std::string_view text) {
  // Only the ends are decoded: a long cell with a word at each end costs two
  // characters, not a pass over the whole text.
  std::size_t begin = 0;
  while (begin < text.size()) {
    std::size_t next = begin;
    if (!is_droppable(utf8::next(text, next))) break;
    begin = next;
  }
  std::size_t end = text.size();
  while (end > begin) {
    // The last character starts at most three continuation bytes back.
    std::size_t start = end - 1;
    while (start > begin && end - start < 4 &&
           utf8::is_continuation(static_cast<unsigned char>(text[start])))
      --start;
    std::size_t next = start;
    if (!is_droppable(utf8::next(text, next)) || next != end) break;
    end = start;
  }
  return text.substr(begin, end - begin);
}

bool is_blank(std::string_view text) {
  return trim(text).empty();
}

std::string squeeze(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t at = i;
    if (!is_droppable(utf8::next(text, i))) out.append(text.substr(at, i - at));
  }
  return out;
}

}  // namespace indicheck
