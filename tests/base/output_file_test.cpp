// Outputs: the whole new file or the untouched old one, never half; modes kept,
// links followed, devices streamed, stale temporary files cleaned, an output
// over an input refused.

#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>
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

TEST_CASE("write_output creates a new file with exactly the content", "[output_file]") {
  ScratchDir dir;
  std::vector<Diagnostic> ds;
  auto path = (dir.path / "报告.csv").string();
  std::string content("\xEF\xBB\xBF一级指标,得分\n产出,45.5\n\0tail", 38);
  REQUIRE(write_output(path, content, ds));
  CHECK(ds.empty());
  CHECK(slurp(path) == content);
  CHECK(dir.entries() == 1);  // no temporary file left behind
}

TEST_CASE("write_output replaces an existing file", "[output_file]") {
  ScratchDir dir;
  std::vector<Diagnostic> ds;
  auto path = (dir.path / "r.json").string();
  put(path, "old content that is longer than the new one");
  REQUIRE(write_output(path, "new", ds));
  CHECK(slurp(path) == "new");
  CHECK(dir.entries() == 1);
}

TEST_CASE("a missing directory is a located error and creates nothing", "[output_file]") {
  ScratchDir dir;
  std::vector<Diagnostic> ds;
  auto path = (dir.path / "no-such-dir" / "r.txt").string();
  CHECK_FALSE(write_output(path, "x", ds));
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
  CHECK_FALSE(write_output((dir.path / "out").string(), "x", ds));
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
  bool ok = write_output_via(
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

TEST_CASE("write_output_via renames what the writer wrote", "[output_file]") {
  ScratchDir dir;
  std::vector<Diagnostic> ds;
  auto path = (dir.path / "r.xlsx").string();
  put(path, "old");
  REQUIRE(write_output_via(
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

TEST_CASE("a replaced file keeps its permission bits", "[output_file]") {
  ScratchDir dir;
  std::vector<Diagnostic> ds;
  auto path = (dir.path / "private.txt").string();
  put(path, "old");
  fs::permissions(path, fs::perms::owner_read | fs::perms::owner_write);
  REQUIRE(write_output(path, "new", ds));
  CHECK(slurp(path) == "new");
  CHECK(fs::status(path).permissions() == (fs::perms::owner_read | fs::perms::owner_write));
}

TEST_CASE("a symbolic link is followed: its target is replaced, the link stays", "[output_file]") {
  ScratchDir dir;
  std::vector<Diagnostic> ds;
  fs::create_directory(dir.path / "real");
  put(dir.path / "real" / "r.txt", "old");
  fs::create_symlink("real/r.txt", dir.path / "link.txt");
  REQUIRE(write_output((dir.path / "link.txt").string(), "new", ds));
  CHECK(fs::is_symlink(dir.path / "link.txt"));
  CHECK(slurp(dir.path / "real" / "r.txt") == "new");
  // The temporary file was made beside the target, and is gone.
  CHECK(std::distance(fs::directory_iterator(dir.path / "real"), {}) == 1);
}

TEST_CASE("a symbolic link to nothing is refused", "[output_file]") {
  ScratchDir dir;
  std::vector<Diagnostic> ds;
  fs::create_symlink("missing.txt", dir.path / "link.txt");
  CHECK_FALSE(write_output((dir.path / "link.txt").string(), "x", ds));
  REQUIRE(ds.size() == 1);
  CHECK(ds[0].message == "cannot write: a symbolic link to a missing file");
  CHECK_FALSE(fs::exists(dir.path / "missing.txt"));
}

TEST_CASE("a character device is written as a stream, never replaced", "[output_file]") {
  std::vector<Diagnostic> ds;
  REQUIRE(write_output("/dev/null", "discarded", ds));
  CHECK(ds.empty());
  CHECK(fs::is_character_file("/dev/null"));
}

TEST_CASE("stale temporary files of ours are removed, live ones kept", "[output_file]") {
  ScratchDir dir;
  std::vector<Diagnostic> ds;
  // A PID that is not running: a child that has exited and been reaped.
  pid_t dead = ::fork();
  if (dead == 0) ::_exit(0);
  REQUIRE(dead > 0);
  int status = 0;
  ::waitpid(dead, &status, 0);
  const std::string stale = ".r.txt.tmp-" + std::to_string(dead) + "-3";
  const std::string live = ".r.txt.tmp-" + std::to_string(::getppid()) + "-0";
  const std::string other = ".s.txt.tmp-" + std::to_string(dead) + "-0";
  const std::string not_ours = ".r.txt.tmp-" + std::to_string(dead) + "-x";
  for (const auto& name : {stale, live, other, not_ours}) put(dir.path / name, "half");
  REQUIRE(write_output((dir.path / "r.txt").string(), "whole", ds));
  CHECK_FALSE(fs::exists(dir.path / stale));
  CHECK(fs::exists(dir.path / live));
  CHECK(fs::exists(dir.path / other));
  CHECK(fs::exists(dir.path / not_ours));
  CHECK(slurp(dir.path / "r.txt") == "whole");
}

TEST_CASE("a writer that throws leaves the old file and no temporary file", "[output_file]") {
  ScratchDir dir;
  std::vector<Diagnostic> ds;
  auto path = (dir.path / "r.json").string();
  put(path, "the old report");
  CHECK_THROWS_AS(write_output_streamed(
                      path,
                      [](const TextSink& sink) {
                        sink("{\n  \"half\": ");
                        throw std::bad_alloc();
                      },
                      ds),
                  std::bad_alloc);
  CHECK(slurp(path) == "the old report");
  CHECK(dir.entries() == 1);
}

TEST_CASE("streamed pieces arrive whole and in order", "[output_file]") {
  ScratchDir dir;
  std::vector<Diagnostic> ds;
  auto path = (dir.path / "big.txt").string();
  std::string expected;
  REQUIRE(write_output_streamed(
      path,
      [&](const TextSink& sink) {
        // Pieces smaller and larger than the writer's block.
        for (int i = 0; i < 3000; ++i) {
          std::string piece(static_cast<std::size_t>(i % 7 == 0 ? 70000 : i % 50), 'a' + i % 26);
          expected += piece;
          sink(piece);
        }
      },
      ds));
  CHECK(slurp(path) == expected);
}

TEST_CASE("an output that is an input, or another output, is refused", "[output_file]") {
  ScratchDir dir;
  std::vector<Diagnostic> ds;
  put(dir.path / "t.tsv", "targets");
  fs::create_symlink("t.tsv", dir.path / "alias.tsv");
  auto t = (dir.path / "t.tsv").string();
  auto alias = (dir.path / "alias.tsv").string();
  auto fresh = (dir.path / "sub" / ".." / "out.tsv").string();
  auto same_fresh = (dir.path / "out.tsv").string();
  CHECK_FALSE(check_outputs({{"--output", alias}}, {{"--targets", t}}, ds));
  REQUIRE(ds.size() == 1);
  CHECK(ds[0].where.file == alias);
  CHECK(ds[0].message ==
        "cannot write --output here: it is also an input (--targets); write it to another file");
  ds.clear();
  fs::create_directory(dir.path / "sub");
  CHECK_FALSE(check_outputs({{"-o", fresh}, {"--budget", same_fresh}}, {{"FILE", t}}, ds));
  REQUIRE(ds.size() == 1);
  CHECK(ds[0].message == "cannot write --budget here: -o writes the same file");
  ds.clear();
  // Streams may be shared: both to /dev/null, both to stdout.
  CHECK(check_outputs(
      {{"-o", "/dev/null"}, {"--budget", "/dev/null"}, {"--text-out", "-"}, {"--actuals-out", "-"}},
      {{"FILE", t}}, ds));
  CHECK(ds.empty());
}
