#pragma once
// Writing the files a command produces (reports, imported tables, formatted rule
// files, golden reports). docs/reliability.md ("Outputs") is the contract:
// - "-" is stdout; /dev/stdout, /dev/stderr, /dev/fd/N and /proc/self/fd/N are
//   that descriptor, written as a stream; so is an existing character device,
//   FIFO or socket (/dev/null, a named pipe): a device node is never replaced.
// - A directory, a block device and a symbolic link to nothing are refused.
// - A symbolic link is followed: the file it points to is replaced, as a
//   shell's `>` would write it, and the link stays a link.
// - A regular file is replaced atomically: a temporary file `.NAME.tmp-PID-N`
//   beside it, fsync, then rename over it, so a crash or a full disk never
//   leaves half a file. An existing file keeps its permission bits (and, when
//   we may, its owner); a new file gets 0666 less the umask. Temporary files
//   of ours beside it left by a process that no longer runs (kill -9) are
//   removed first.
// On failure a diagnostic located at the path says why; a file is untouched.

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/base/diagnostic.hpp"

namespace indicheck {

// Writes `content` to `path` as above; false, with a diagnostic, on failure.
bool write_output(const std::string& path, std::string_view content,
                  std::vector<Diagnostic>& diagnostics);

// For output produced in pieces (a large report): `produce` calls `sink` with
// each piece in order, and nothing is held whole in memory. The same rules
// as write_output; a file is replaced only once `produce` has returned.
using TextSink = std::function<void(std::string_view)>;
using Producer = std::function<void(const TextSink& sink)>;
bool write_output_streamed(const std::string& path, const Producer& produce,
                           std::vector<Diagnostic>& diagnostics);
// What `produce` gives, gathered into one string (for tests, and for
// callers that want the whole text).
std::string gathered(const Producer& produce);

// For libraries that insist on writing to a path themselves (libxlsxwriter):
// `write` is given a fresh temporary path (beside `path`, or in the temporary
// directory when `path` is a stream); it returns "" on success or why it
// failed. The file is then renamed over `path`, or copied to the stream.
using PathWriter = std::function<std::string(const std::string& temporary_path)>;
bool write_output_via(const std::string& path, const PathWriter& write,
                      std::vector<Diagnostic>& diagnostics);

// A path named on the command line and the option that named it ("--output",
// "--targets", "FILE").
struct NamedPath {
  std::string option;
  std::string path;
};

// Checked before anything is written: no output may be one of the command's
// inputs, and no two outputs may be the same file. Files are compared as the
// same device and inode when they exist, else by their absolute normalised
// path (links resolved as far as they exist). Streams ("-", devices) may be
// shared. Each refusal is an error located at the output; true when none.
bool check_outputs(const std::vector<NamedPath>& outputs, const std::vector<NamedPath>& inputs,
                   std::vector<Diagnostic>& diagnostics);

}  // namespace indicheck
