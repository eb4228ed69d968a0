#include "engine/base/output_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <filesystem>

namespace indicheck {

namespace {

std::string errno_text(int e) {
  return std::strerror(e);
}

// The directory part of `path` ("." when it has none), for the temporary file
// and for the fsync that makes the rename durable.
std::string directory_of(const std::string& path) {
  auto parent = std::filesystem::path(path).parent_path();
  return parent.empty() ? "." : parent.string();
}

// Creates a fresh temporary file beside `path` with O_EXCL (never reusing an
// existing file) and the umask's ordinary permissions; returns its descriptor,
// or -1 with `why` set.
int create_temporary(const std::string& path, std::string& temporary, std::string& why) {
  static std::atomic<unsigned> counter{0};
  auto name = std::filesystem::path(path).filename().string();
  auto dir = std::filesystem::path(path).parent_path();
  for (int attempt = 0; attempt < 100; ++attempt) {
    auto candidate =
        dir / ("." + name + ".tmp-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    int fd = ::open(candidate.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (fd >= 0) {
      temporary = candidate.string();
      return fd;
    }
    if (errno != EEXIST) {
      why = "cannot create a temporary file in " + directory_of(path) + ": " + errno_text(errno);
      return -1;
    }
  }
  why = "cannot create a temporary file in " + directory_of(path) + ": too many left over";
  return -1;
}

bool write_all(int fd, std::string_view content, std::string& why) {
  while (!content.empty()) {
    auto n = ::write(fd, content.data(), content.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      why = "cannot write: " + errno_text(errno);
      return false;
    }
    content.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

// Checks that `path` can be replaced by a file before anything is written, so
// that "it is a directory" reads better than rename's "Is a directory".
bool target_is_replaceable(const std::string& path, std::string& why) {
  std::error_code ec;
  auto status = std::filesystem::status(path, ec);
  if (std::filesystem::is_directory(status)) {
    why = "cannot write: it is a directory";
    return false;
  }
  if (std::filesystem::exists(status) && !std::filesystem::is_regular_file(status)) {
    why = "cannot write: not a regular file";
    return false;
  }
  if (path.empty() || std::filesystem::path(path).filename().empty()) {
    why = "cannot write: no file name";
    return false;
  }
  return true;
}

// fsyncs the finished temporary file and renames it over `path`; removes it
// on failure.
bool commit(const std::string& temporary, const std::string& path, std::string& why) {
  int fd = ::open(temporary.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0 || ::fsync(fd) != 0) {
    why = "cannot flush to disk: " + errno_text(errno);
    if (fd >= 0) ::close(fd);
    ::unlink(temporary.c_str());
    return false;
  }
  ::close(fd);
  if (::rename(temporary.c_str(), path.c_str()) != 0) {
    why = "cannot replace the file: " + errno_text(errno);
    ::unlink(temporary.c_str());
    return false;
  }
  // The rename itself is durable only once the directory is flushed; a
  // failure here does not undo a finished rename, so it is not reported.
  int dir = ::open(directory_of(path).c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir >= 0) {
    ::fsync(dir);
    ::close(dir);
  }
  return true;
}

bool fail(const std::string& path, std::string why, std::vector<Diagnostic>& diagnostics) {
  diagnostics.push_back(make_diagnostic(Severity::error, path, 1, 1, std::move(why)));
  return false;
}

}  // namespace

bool write_atomically(const std::string& path, std::string_view content,
                      std::vector<Diagnostic>& diagnostics) {
  return write_atomically_via(
      path,
      [&](const std::string& temporary) -> std::string {
        int fd = ::open(temporary.c_str(), O_WRONLY | O_TRUNC | O_CLOEXEC);
        if (fd < 0) return "cannot write: " + errno_text(errno);
        std::string why;
        bool ok = write_all(fd, content, why);
        if (::close(fd) != 0 && ok) return "cannot write: " + errno_text(errno);
        return why;
      },
      diagnostics);
}

bool write_atomically_via(const std::string& path, const PathWriter& write,
                          std::vector<Diagnostic>& diagnostics) {
  std::string why, temporary;
  if (!target_is_replaceable(path, why)) return fail(path, why, diagnostics);
  // Reserve a fresh name (O_EXCL), then let the writer replace that file.
  int fd = create_temporary(path, temporary, why);
  if (fd < 0) return fail(path, why, diagnostics);
  ::close(fd);
  why = write(temporary);
  if (!why.empty()) {
    ::unlink(temporary.c_str());
    return fail(path, why, diagnostics);
  }
  if (!commit(temporary, path, why)) return fail(path, why, diagnostics);
  return true;
}

}  // namespace indicheck
