// Atomic output: the whole new file or the untouched old one, never half.

#include <stdlib.h>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "engine/base/output_file.hpp"

using namespace indicheck;

namespace {

namespace fs = std::filesystem;

struct ScratchDir {
  fs::path path;
  ScratchDir() {
    auto tmpl = (fs::temp_directory_path() / "indicheck-out-XXXXXX").string();
    path = ::mkdtemp(tmpl.data());
  }
  ~ScratchDir() { fs::remove_all(path); }
  std::size_t entries() const {
    return static_cast<std::size_t>(std::distance(fs::directory_iterator(path), {}));
  }
};

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

void put(const fs::path& p, const std::string& text) {
  std::ofstream(p, std::ios::binary) << text;
}

}  // namespace

TEST_CASE("write_atomically creates a new file with exactly the content", "[output_file]") {
  ScratchDir dir;
  std::vector<Diagnostic> ds;
  auto path = (dir.path / "报告.csv").string();
  std::string content("\xEF\xBB\xBF一级指标,得分\n产出,45.5\n\0tail", 38);
  REQUIRE(write_atomically(path, content, ds));
  CHECK(ds.empty());
  CHECK(slurp(path) == content);
  CHECK(dir.entries() == 1);  // no temporary file left behind
}

TEST_CASE("write_atomically replaces an existing file", "[output_file]") {
  ScratchDir dir;
  std::vector<Diagnostic> ds;
  auto path = (dir.path / "r.json").string();
  put(path, "old content that is longer than the new one");
  REQUIRE(write_atomically(path, "new", ds));
  CHECK(slurp(path) == "new");
  CHECK(dir.entries() == 1);
}

TEST_CASE("a missing directory is a located error and creates nothing", "[output_file]") {
  ScratchDir dir;
  std::vector<Diagnostic> ds;
  auto path = (dir.path / "no-such-dir" / "r.txt").string();
  CHECK_FALSE(write_atomically(path, "x", ds));
  REQUIRE(ds.size() == 1);
  CHECK(ds[0].severity == Severity::error);
  CHECK(ds[0].where.file == path);
  CHECK(ds[0].message.rfind("cannot create a temporary file in ", 0) == 0);
  CHECK(ds[0].message.find("No such file or directory") != std::string::npos);
  CHECK(dir.entries() == 0);
}

TEST_CASE("a directory in the way is refused before anything is written", "[output_file]") {
  ScratchDir dir;
  std::vector<Diagnostic> ds;
  fs::create_directory(dir.path / "out");
  CHECK_FALSE(write_atomically((dir.path / "out").string(), "x", ds));
  REQUIRE(ds.size() == 1);
  CHECK(ds[0].message == "cannot write: it is a directory");
  CHECK(fs::is_directory(dir.path / "out"));
  CHECK(dir.entries() == 1);
}

TEST_CASE("when the writer fails the old file is untouched and the temp file gone",
          "[output_file]") {
  ScratchDir dir;
  std::vector<Diagnostic> ds;
  auto path = (dir.path / "r.xlsx").string();
  put(path, "the old workbook");
  std::string seen;
  bool ok = write_atomically_via(
      path,
      [&](const std::string& temporary) {
        seen = temporary;
        put(temporary, "half a work");  // a partial file, then the library fails
        return std::string("libxlsxwriter: error creating output xlsx file");
      },
      ds);
  CHECK_FALSE(ok);
  REQUIRE(ds.size() == 1);
  CHECK(ds[0].message == "libxlsxwriter: error creating output xlsx file");
  CHECK(slurp(path) == "the old workbook");
  // The temporary path was beside the target, and it is gone.
  CHECK(fs::path(seen).parent_path() == dir.path);
  CHECK_FALSE(fs::exists(seen));
  CHECK(dir.entries() == 1);
}

TEST_CASE("write_atomically_via renames what the writer wrote", "[output_file]") {
  ScratchDir dir;
  std::vector<Diagnostic> ds;
  auto path = (dir.path / "r.xlsx").string();
  put(path, "old");
  REQUIRE(write_atomically_via(
      path,
      [](const std::string& temporary) {
        put(temporary, "PK new workbook");
        return std::string();
      },
      ds));
  CHECK(ds.empty());
  CHECK(slurp(path) == "PK new workbook");
  CHECK(dir.entries() == 1);
}
