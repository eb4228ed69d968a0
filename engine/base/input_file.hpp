#pragma once
// Reading a whole input file (a table, a rule file) into memory, refusing one
// larger than the caller's limit before reading it.

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "engine/base/diagnostic.hpp"

namespace indicheck {

// The largest table file indicheck reads (docs/limits.md).
inline constexpr std::size_t kMaxTableBytes = 256u * 1024 * 1024;

// The file's bytes; nullopt with a diagnostic when it cannot be opened, is not
// a regular file, a pipe or a device, or holds more than `max_bytes`.
std::optional<std::string> read_file(const std::string& path, std::vector<Diagnostic>& diagnostics,
                                     std::size_t max_bytes = kMaxTableBytes);

}  // namespace indicheck
