#pragma once
// Writing output files so that a crash or a full disk never leaves half a file:
// write a temporary file beside the target, fsync it, then rename it over the
// target (rename is atomic within one directory on POSIX file systems).

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/base/diagnostic.hpp"

namespace indicheck {

// Replaces `path` with `content` atomically. On failure `path` is untouched (an
// old file keeps its old content, a missing one stays missing), the temporary
// file is removed, and a diagnostic located at `path` says why; returns false.
bool write_atomically(const std::string& path, std::string_view content,
                      std::vector<Diagnostic>& diagnostics);

// For libraries that insist on writing to a path themselves (libxlsxwriter):
// `write` is given a temporary path in the same directory as `path`; it returns
// "" on success or why it failed. The file is then fsynced and renamed over
// `path`, with the same guarantees as write_atomically.
using PathWriter = std::function<std::string(const std::string& temporary_path)>;
bool write_atomically_via(const std::string& path, const PathWriter& write,
                          std::vector<Diagnostic>& diagnostics);

}  // namespace indicheck
