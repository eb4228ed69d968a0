#pragma once
// Reading a whole input file (a table, a rule file) into memory, refusing one
// larger than the caller's limit before reading it.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "engine/base/diagnostic.hpp"
#include "engine/base/limits.hpp"

namespace indicheck {

// Why a file cannot be read: what failed ("cannot open") and, when the system
// said, why ("No such file or directory").
struct ReadProblem {
  Code code{};  // set with `what`
  std::string what, why;
  // file_too_large: the file's size when it is a regular file, else 0 (a
  // pipe or a device went on past the limit).
  std::uintmax_t size = 0;
  // The file's real path (absolute, `..` and links resolved) when a refusal
  // names it: the name a rule file writes may hide where it leads.
  std::string real{};
  // "cannot open: No such file or directory", as a diagnostic at the file says it.
  std::string message() const;
  // "cannot open 'x.rules': No such file or directory", as a diagnostic at the
  // place that names the file (an 引用) says it; with the real path when it is
  // set and not `path` ("refused '../t.tsv', which is /srv/t.tsv: …").
  std::string message_naming(const std::string& path) const;
};

// strerror(error), in the run's language for the causes a person meets most
// ("No such file or directory", "Permission denied", …).
std::string system_error_text(int error);

// What may be read: a file named on the command line may be a pipe or a
// device (`--targets <(…)`, /dev/stdin); one named inside a rule or test file
// must be a regular file.
enum class Opening { any, regular_only };

// The file's bytes; nullopt with the problem when it cannot be opened, is not
// a regular file, a pipe or a device (with `regular_only`, is not a regular
// file: refused without waiting on a pipe), or holds more than `max_bytes` (by
// default, as much as a table file may: every file indicheck reads is at most
// that). At most max_bytes + 1 bytes are read to find that out.
std::optional<std::string> read_file(const std::string& path, ReadProblem& problem,
                                     std::size_t max_bytes = kTableLimits.max_file_bytes,
                                     Opening opening = Opening::any);
// As above, the problem a diagnostic located at the file.
std::optional<std::string> read_file(const std::string& path, std::vector<Diagnostic>& diagnostics,
                                     std::size_t max_bytes = kTableLimits.max_file_bytes,
                                     Opening opening = Opening::any);

// `path` absolute, `..` taken out and every link in the part that exists
// followed: where the file really is.
std::string real_path(const std::string& path);

// ---- files a rule or test file names (docs/reliability.md, "Trust model") ----
//
// A rule file's 引用 and 目标表 and a .test file's 规则, 目标, 实际 and 报告 are
// written by whoever wrote that file, not by the person running indicheck.
// Such a file is read (and a 报告 written) only when it lies in the working
// folder or the folder of a file named on the command line, or below one of
// them, once links are followed; it must be a regular file, and its name must
// say it is of the kind expected.

// The folders files named inside rule and test files may be in.
class Reach {
 public:
  // Anywhere (--allow-outside).
  static Reach anywhere();
  // The working folder and the folder of each path named on the command
  // line, and everything below them; a folder named (a folder of .test files)
  // is itself such a folder.
  static Reach around(const std::vector<std::string>& command_line_paths);
  // Whether `path`, links followed as far as they exist, lies in one.
  bool contains(const std::string& path) const;
  // "rules/ and /srv/b/", each as named on the command line, for messages.
  std::string folders() const;

 private:
  bool anywhere_ = false;
  std::vector<std::string> folders_;  // absolute, links followed, each ending in '/'
  std::vector<std::string> shown_;    // as named, each ending in '/'
};

// What a rule or test file names a file as: its name must end in one of the
// kind's extensions (the rule and table readers echo lines of what they read;
// no other file is ever quoted).
enum class NamedKind {
  rules,   // 引用, 规则: .rules
  table,   // 目标表, 目标, 实际: .tsv .csv .txt .xlsx .xls .docx .html .htm .pdf
  report,  // 报告: .txt
  test,    // a .test file found in a folder named on the command line
};

// The problem with a file a rule or test file names as `kind`, before it is
// opened, in this order: it lies outside `reach` (E8005), it exists and is not
// a regular file (E8006: a directory, a pipe, a device, a socket; found by
// stat, so nothing is opened), or its name, or the name of the file a link
// leads to, is not of its kind (E8007). nullopt when it may be read; a file that does not exist is
// left for the reader to say (a 报告 that --update will write is allowed).
// A refusal (outside, not a regular file) names the file's real path.
std::optional<ReadProblem> check_named_file(const std::string& path, NamedKind kind,
                                            const Reach& reach);

// A file a rule or test file names, read: check_named_file, then read_file of
// a regular file only, at most `max_bytes`. A refusal (outside, not a regular
// file, too large) names the file's real path (ReadProblem::real).
std::optional<std::string> read_named_file(const std::string& path, NamedKind kind,
                                           const Reach& reach, std::size_t max_bytes,
                                           ReadProblem& problem);

}  // namespace indicheck
