// libFuzzer target: where outputs are written (issue 15, item 7;
// docs/reliability.md, "Outputs"). The bytes build a small folder — regular
// files with any permission bits, links to files inside it and outside it,
// dangling links, directories, stale temporary files of a process that no
// longer runs — then name up to three outputs and two inputs in it, as a
// command line would, and write through check_outputs and write_output.
//
//   byte 0        how many outputs (1 – 3) and inputs (0 – 2)
//   bytes 1 – 5   the outputs' and inputs' names (one of eight: f0 … f7)
//   the rest      setup instructions of 2 bytes: a kind and a name
//
// Invariants, each after every write:
// - an output that is an input, or two outputs that are one file, are refused
//   before anything is written, and then nothing changes;
// - a written output reads back as exactly what was written; a link stays a
//   link; a file that existed keeps its permission bits;
// - a refused or failed write has an error and leaves the file as it was;
// - no temporary file of ours is left, and a stale one for a written name is
//   gone; nothing outside the folder changes except a file a link points to.
// FIFOs are left out: opening one to write waits for a reader, as a shell's
// `>` does, which is the documented behaviour, not a finding.

#include <sys/stat.h>
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "engine/base/output_file.hpp"
#include "tests/fuzz/fuzz_common.hpp"

using namespace indicheck;
namespace fs = std::filesystem;

namespace {

const fs::path& root() {
  static const fs::path r = [] {
    std::string templ = (fs::temp_directory_path() / "indicheck-fuzz-out-XXXXXX").string();
    if (!::mkdtemp(templ.data())) fuzz::broken("mkdtemp failed");
    return fs::path(templ);
  }();
  return r;
}

std::optional<std::string> contents(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// Every regular file below `dir` (links not followed) with its contents.
std::map<std::string, std::string> snapshot(const fs::path& dir) {
  std::map<std::string, std::string> out;
  for (const auto& e : fs::recursive_directory_iterator(dir))
    if (e.symlink_status().type() == fs::file_type::regular)
      out[e.path().string()] = contents(e.path()).value_or("");
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 6) return 0;
  const fs::path work = root() / "work", outside = root() / "outside";
  std::error_code ec;
  fs::remove_all(work, ec);
  fs::remove_all(outside, ec);
  fs::create_directories(work);
  fs::create_directories(outside);
  std::ofstream(outside / "victim") << "outside\n";
  auto name = [&](unsigned k) { return (work / ("f" + std::to_string(k % 8))).string(); };

  // A PID that runs no process: stale temporary files carry it.
  const std::string dead_pid = "2147483646";
  for (std::size_t at = 6; at + 2 <= size; at += 2) {
    const std::string path = name(data[at + 1]);
    if (fs::exists(fs::symlink_status(path))) continue;
    switch (data[at] % 6) {
      case 0:
      case 1:
        std::ofstream(path) << "old " << path << "\n";
        ::chmod(path.c_str(), mode_t(0400 | (data[at] & 0177) << 1 | (data[at] >> 7)));
        break;
      case 2:
        fs::create_symlink(name(data[at] >> 3), path);
        break;
      case 3:
        fs::create_symlink(outside / "victim", path);
        break;
      case 4:
        fs::create_directory(path);
        break;
      default: {
        fs::path p(path);
        std::ofstream(p.parent_path() / ("." + p.filename().string() + ".tmp-" + dead_pid + "-1"))
            << "stale\n";
        break;
      }
    }
  }

  std::vector<NamedPath> outputs, inputs;
  for (unsigned i = 0; i <= data[0] % 3; ++i) outputs.push_back({"--output", name(data[1 + i])});
  for (unsigned i = 0; i < (data[0] / 3) % 3; ++i) inputs.push_back({"FILE", name(data[4 + i])});

  const auto before_work = snapshot(work), before_outside = snapshot(outside);
  std::vector<Diagnostic> ds;
  const bool allowed = check_outputs(outputs, inputs, ds);
  fuzz::check_diagnostics(ds, 1 << 16);
  for (const auto& o : outputs) {
    for (const auto& in : inputs)
      if (o.path == in.path) fuzz::require(!allowed, "an output that is an input was allowed");
    for (const auto& other : outputs)
      if (&o != &other && o.path == other.path)
        fuzz::require(!allowed, "two outputs to one file were allowed");
  }
  if (!allowed) {
    fuzz::require(has_errors(ds), "outputs refused without an error");
    fuzz::require(snapshot(work) == before_work && snapshot(outside) == before_outside,
                  "a refused command changed a file");
    return 0;
  }

  for (std::size_t i = 0; i < outputs.size(); ++i) {
    const std::string& path = outputs[i].path;
    const bool was_link = fs::is_symlink(fs::symlink_status(path));
    struct stat st {};
    const bool existed = ::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode);
    const auto old = existed ? contents(path) : std::nullopt;
    const std::string text = "report " + std::to_string(i) + "\n";
    std::vector<Diagnostic> wds;
    if (write_output(path, text, wds)) {
      fuzz::require(contents(path) == text, "a written output does not read back");
      fuzz::require(!was_link || fs::is_symlink(fs::symlink_status(path)),
                    "a link was replaced instead of followed");
      struct stat now {};
      fuzz::require(::stat(path.c_str(), &now) == 0, "a written output is gone");
      if (existed)
        fuzz::require((now.st_mode & 07777) == (st.st_mode & 07777),
                      "an output lost its permission bits");
      fs::path p(path);
      // Beside the name written (a link's own stale files are beside its target).
      if (!was_link)
        fuzz::require(
            !fs::exists(fs::symlink_status(
                p.parent_path() / ("." + p.filename().string() + ".tmp-" + dead_pid + "-1"))),
            "a stale temporary file was left beside a written output");
    } else {
      fuzz::require(has_errors(wds), "a failed write without an error");
      fuzz::check_diagnostics(wds, 1 << 16);
      if (existed) fuzz::require(contents(path) == old, "a failed write changed the file");
    }
  }
  // No temporary file of this process is left anywhere.
  const std::string ours = ".tmp-" + std::to_string(::getpid()) + "-";
  for (const fs::path& dir : {work, outside})
    for (const auto& e : fs::recursive_directory_iterator(dir))
      fuzz::require(e.path().filename().string().find(ours) == std::string::npos,
                    "a temporary file of ours was left");
  // Outside the folder only the file the links point to may change.
  auto after = snapshot(outside);
  for (const auto& [path, text] : before_outside)
    if (path != (outside / "victim").string())
      fuzz::require(after[path] == text, "a file outside the folder changed");
  return 0;
}
