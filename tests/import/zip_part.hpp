#pragma once
// A test's edit of one part of a zip (a workbook as another program than
// libxlsxwriter would write it): each `from` replaced by its `to`; every
// `from` must be there. Returns the part as written back.

#include <zip.h>

#include <catch2/catch.hpp>
#include <cstring>
#include <string>
#include <utility>
#include <vector>

namespace indicheck::test {

inline std::string replace_in_zip_part(
    const std::string& path, const char* part,
    const std::vector<std::pair<const char*, const char*>>& edits) {
  int error = 0;
  zip_t* z = zip_open(path.c_str(), 0, &error);
  REQUIRE(z);
  zip_stat_t st;
  REQUIRE(zip_stat(z, part, 0, &st) == 0);
  std::string xml(st.size, '\0');
  zip_file_t* f = zip_fopen(z, part, 0);
  REQUIRE(zip_fread(f, xml.data(), st.size) == zip_int64_t(st.size));
  zip_fclose(f);
  for (const auto& [from, to] : edits) {
    auto at = xml.find(from);
    REQUIRE(at != std::string::npos);
    xml.replace(at, std::strlen(from), to);
  }
  // The buffer must outlive zip_close, which writes it.
  zip_source_t* src = zip_source_buffer(z, xml.data(), xml.size(), 0);
  REQUIRE(zip_file_add(z, part, src, ZIP_FL_OVERWRITE) >= 0);
  REQUIRE(zip_close(z) == 0);
  return xml;
}

}  // namespace indicheck::test
