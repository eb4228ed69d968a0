#include "engine/import/encoding.hpp"

#include <iconv.h>

#include <cerrno>
#include <stdexcept>

#include "engine/base/message.hpp"

namespace indicheck {

namespace {

// Line and column (in characters of that line, 1-based) of byte `at`.
void locate(const std::string& bytes, std::size_t at, unsigned& line, unsigned& column) {
  line = 1;
  std::size_t start = 0;
  for (std::size_t i = 0; i < at && i < bytes.size(); ++i)
    if (bytes[i] == '\n') {
      ++line;
      start = i + 1;
    }
  column = count_chars(std::string_view(bytes).substr(start), at - start) + 1;
}

// Converts all of `bytes` from GB18030; on failure `bad` is the offending byte.
std::optional<std::string> from_gb18030(const std::string& bytes, std::size_t& bad) {
  iconv_t cd = iconv_open("UTF-8", "GB18030");
  if (cd == reinterpret_cast<iconv_t>(-1)) throw std::runtime_error("iconv has no GB18030");
  std::string out(bytes.size() * 2 + 16, '\0');
  char* in_ptr = const_cast<char*>(bytes.data());
  std::size_t in_left = bytes.size();
  char* out_ptr = out.data();
  std::size_t out_left = out.size();
  std::optional<std::string> result;
  while (true) {
    std::size_t r = iconv(cd, &in_ptr, &in_left, &out_ptr, &out_left);
    if (r != static_cast<std::size_t>(-1)) {
      // Flush any shift state (none for GB18030, but iconv asks for it).
      iconv(cd, nullptr, nullptr, &out_ptr, &out_left);
      out.resize(static_cast<std::size_t>(out_ptr - out.data()));
      result = std::move(out);
      break;
    }
    if (errno == E2BIG) {
      std::size_t used = static_cast<std::size_t>(out_ptr - out.data());
      out.resize(out.size() * 2);
      out_ptr = out.data() + used;
      out_left = out.size() - used;
      continue;
    }
    bad = static_cast<std::size_t>(in_ptr - bytes.data());  // EILSEQ or EINVAL (cut short)
    break;
  }
  iconv_close(cd);
  return result;
}

}  // namespace

std::optional<Decoded> decode(const std::string& file, std::string bytes, ImportEncoding encoding,
                              std::vector<Diagnostic>& diagnostics) {
  auto fail_at = [&](std::size_t at, Code code, const std::string& what) {
    unsigned line = 1, column = 1;
    locate(bytes, at, line, column);
    std::size_t line_start = bytes.rfind('\n', at == 0 ? 0 : at - 1);
    line_start = line_start == std::string::npos || at == 0 ? 0 : line_start + 1;
    diagnostics.push_back(make_diagnostic(code, file, line, column,
                                          tr("{}; found the byte {} (byte {} of the line)", what,
                                             hex_byte(bytes[at]), at - line_start + 1)));
    return std::nullopt;
  };
  const std::string bom = "\xEF\xBB\xBF";
  if (bytes.size() >= 2 &&
      ((bytes[0] == '\xFF' && bytes[1] == '\xFE') || (bytes[0] == '\xFE' && bytes[1] == '\xFF'))) {
    diagnostics.push_back(make_diagnostic(
        Code::import_utf16, file, 1, 1,
        tr("the file is UTF-16 (it starts with a UTF-16 byte-order mark); save it as UTF-8 or "
           "GB18030 CSV")));
    return std::nullopt;
  }
  bool has_bom = bytes.compare(0, 3, bom) == 0;
  std::size_t utf8_bad = 0;
  if (encoding != ImportEncoding::gb18030) {
    const std::size_t bad = utf8::first_invalid(std::string_view(bytes).substr(has_bom ? 3 : 0));
    if (bad == std::string_view::npos) {
      if (has_bom) bytes.erase(0, 3);
      return Decoded{std::move(bytes), has_bom ? "utf-8 with BOM" : "utf-8", false};
    }
    if (encoding == ImportEncoding::utf8 || has_bom)
      return fail_at(bad + (has_bom ? 3 : 0), Code::import_not_utf8,
                     tr("the file is not valid UTF-8 (try --encoding gb18030)"));
    utf8_bad = bad;
  }
  std::size_t bad = 0;
  if (auto text = from_gb18030(bytes, bad))
    return Decoded{std::move(*text), "gb18030", encoding == ImportEncoding::auto_detect};
  if (encoding == ImportEncoding::gb18030)
    return fail_at(bad, Code::import_not_gb18030, tr("the file is not valid GB18030"));
  // Neither: point where the likelier reading (the one that got further) breaks.
  if (utf8_bad > bad)
    return fail_at(utf8_bad, Code::import_encoding_unknown,
                   tr("the file is neither UTF-8 nor GB18030; read as UTF-8 (most of it is), it "
                      "breaks here"));
  if (bad > utf8_bad)
    return fail_at(bad, Code::import_encoding_unknown,
                   tr("the file is neither UTF-8 nor GB18030; read as GB18030 (most of it "
                      "is), it breaks here"));
  return fail_at(bad, Code::import_encoding_unknown, tr("the file is neither UTF-8 nor GB18030"));
}

}  // namespace indicheck
