// Reading input files: the limit, and what a rule or test file may name
// (engine/base/input_file.hpp; docs/reliability.md, "Trust model").

#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>

#include "engine/base/input_file.hpp"

using namespace indicheck;
namespace fs = std::filesystem;

namespace {

struct Folder {
  fs::path path;
  Folder() {
    std::string t = (fs::temp_directory_path() / "indicheck-input-XXXXXX").string();
    path = ::mkdtemp(t.data());
  }
  ~Folder() { fs::remove_all(path); }
  std::string write(const std::string& name, const std::string& text) const {
    fs::create_directories((path / name).parent_path());
    std::ofstream(path / name, std::ios::binary) << text;
    return (path / name).string();
  }
};

}  // namespace

TEST_CASE("a device is read up to the limit and one byte more, no further", "[input_file]") {
  ReadProblem problem;
  CHECK_FALSE(read_file("/dev/zero", problem, 1000));
  CHECK(problem.code == Code::file_too_large);
  CHECK(problem.size == 0);  // not known: a device has no size
  Folder f;
  std::string big = f.write("big.rules", std::string(2000, '#'));
  CHECK_FALSE(read_file(big, problem, 1000));
  CHECK(problem.size == 2000);  // a regular file's size, refused before reading
}

TEST_CASE("a file a rule file names must be within reach, regular and named as its kind",
          "[input_file]") {
  Folder f;
  std::string rules = f.write("r/main.rules", "");
  f.write("r/sub/other.rules", "");
  f.write("outside.rules", "");
  f.write("r/notes.md", "");
  fs::create_symlink("../outside.rules", f.path / "r/link.rules");
  REQUIRE(::mkfifo((f.path / "r/pipe.rules").c_str(), 0600) == 0);
  const Reach reach = Reach::around({rules});
  auto problem = [&](const std::string& name, NamedKind kind) {
    auto p = check_named_file((f.path / name).string(), kind, reach);
    return p ? std::optional<Code>(p->code) : std::nullopt;
  };
  CHECK(problem("r/sub/other.rules", NamedKind::rules) == std::nullopt);
  CHECK(problem("r/missing.rules", NamedKind::rules) == std::nullopt);  // the reader says so
  CHECK(problem("outside.rules", NamedKind::rules) == Code::file_outside);
  CHECK(problem("r/../outside.rules", NamedKind::rules) == Code::file_outside);
  CHECK(problem("r/link.rules", NamedKind::rules) == Code::file_outside);
  CHECK(problem("r/pipe.rules", NamedKind::rules) == Code::file_not_regular);
  CHECK(problem("r/notes.md", NamedKind::table) == Code::file_wrong_kind);
  CHECK(problem("r/sub", NamedKind::rules) == Code::file_not_regular);  // a directory
  // --allow-outside lifts the folder only.
  CHECK_FALSE(
      check_named_file((f.path / "outside.rules").string(), NamedKind::rules, Reach::anywhere()));
  auto p = check_named_file("/etc/passwd", NamedKind::rules, Reach::anywhere());
  REQUIRE(p);
  CHECK(p->code == Code::file_wrong_kind);
  // A pipe that must be a regular file is refused without waiting for a writer.
  ReadProblem read;
  CHECK_FALSE(read_file((f.path / "r/pipe.rules").string(), read, 1000, Opening::regular_only));
  CHECK(read.code == Code::file_not_regular);
  CHECK(read.message() ==
        "cannot read: it is a named pipe (FIFO), not a regular file; a rule or test file names "
        "only regular files");
}
