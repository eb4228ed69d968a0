#pragma once
// Reading a whole input file (a table, a rule file) into memory, refusing one
// larger than the caller's limit before reading it.

#include <cstddef>
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
  // "cannot open: No such file or directory", as a diagnostic at the file says it.
  std::string message() const;
  // "cannot open 'x.rules': No such file or directory", as a diagnostic at the
  // place that names the file (an 引用) says it.
  std::string message_naming(const std::string& path) const;
};

// The file's bytes; nullopt with the problem when it cannot be opened, is not
// a regular file, a pipe or a device, or holds more than `max_bytes` (by
// default, as much as a table file may: every file indicheck reads is at
// most that).
std::optional<std::string> read_file(const std::string& path, ReadProblem& problem,
                                     std::size_t max_bytes = kTableLimits.max_file_bytes);
// As above, the problem a diagnostic located at the file.
std::optional<std::string> read_file(const std::string& path, std::vector<Diagnostic>& diagnostics,
                                     std::size_t max_bytes = kTableLimits.max_file_bytes);

}  // namespace indicheck
