#pragma once
// Turning the bytes of a CSV or text export into UTF-8: a UTF-8 BOM is dropped,
// GB18030 (and its subset GBK, what Excel on a Chinese desktop writes) is
// converted with the C library's iconv.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/base/diagnostic.hpp"
#include "engine/import/import.hpp"

namespace indicheck {

struct Decoded {
  std::string text;      // UTF-8, without BOM
  std::string encoding;  // "utf-8", "utf-8 with BOM", "gb18030"
  bool guessed = false;  // true when auto-detection chose GB18030
};

// nullopt, with a diagnostic at the first undecodable byte, when the bytes are
// not in the requested encoding (auto: UTF-8, else GB18030).
// `bytes` is taken by value: a UTF-8 file becomes the text without a copy.
std::optional<Decoded> decode(const std::string& file, std::string bytes, ImportEncoding encoding,
                              std::vector<Diagnostic>& diagnostics);

}  // namespace indicheck
