#include "engine/base/output_file.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <charconv>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <optional>

#include "engine/base/input_file.hpp"
#include "engine/base/message.hpp"

namespace indicheck {

namespace {

namespace fs = std::filesystem;

// The directory part of `path` ("." when it has none), for the temporary file
// and for the fsync that makes the rename durable.
std::string directory_of(const std::string& path) {
  auto parent = fs::path(path).parent_path();
  return parent.empty() ? "." : parent.string();
}

// The descriptor a path names by itself, whatever (if anything) it points at:
// writing to /dev/stdout means writing to our stdout, not replacing the file
// or device behind it, nor truncating a file opened for appending (`>>`).
std::optional<int> descriptor_named(const std::string& path) {
  if (path == "-" || path == "/dev/stdout") return STDOUT_FILENO;
  if (path == "/dev/stderr") return STDERR_FILENO;
  for (std::string_view prefix : {"/dev/fd/", "/proc/self/fd/"}) {
    if (!path.starts_with(prefix) || path.size() == prefix.size()) continue;
    int fd = -1;
    const char* first = path.data() + prefix.size();
    const char* last = path.data() + path.size();
    auto [end, ec] = std::from_chars(first, last, fd);
    if (ec == std::errc() && end == last) return fd;
  }
  return std::nullopt;
}

// Where an output goes, decided before anything is written.
struct Destination {
  enum class Kind { descriptor, device, file } kind = Kind::file;
  int fd = -1;       // Kind::descriptor
  std::string path;  // Kind::device: the path to open; Kind::file: the file to replace
  std::optional<struct stat> existing;  // Kind::file: the file replaced, if any
};

// Decides how to write `path`; false with `why` when it must be refused.
bool destination_of(const std::string& path, Destination& to, std::string& why) {
  if (auto fd = descriptor_named(path)) {
    if (::fcntl(*fd, F_GETFD) < 0) {
      why = tr("cannot write: descriptor {} is not open", *fd);
      return false;
    }
    to.kind = Destination::Kind::descriptor;
    to.fd = *fd;
    return true;
  }
  if (path.empty() || fs::path(path).filename().empty()) {
    why = tr("cannot write: no file name");
    return false;
  }
  struct stat link_st {};
  if (::lstat(path.c_str(), &link_st) != 0) {
    // Missing (a new file), or a path that cannot be reached: creating the
    // temporary file beside it says why.
    to.path = path;
    return true;
  }
  struct stat st = link_st;
  if (S_ISLNK(link_st.st_mode) && ::stat(path.c_str(), &st) != 0) {
    why = errno == ENOENT
              ? std::string(tr("cannot write: a symbolic link to a missing file"))
              : tr("cannot write: cannot follow the symbolic link: {}", system_error_text(errno));
    return false;
  }
  if (S_ISDIR(st.st_mode)) {
    why = tr("cannot write: it is a directory");
    return false;
  }
  if (S_ISBLK(st.st_mode)) {
    why = tr("cannot write: it is a block device");
    return false;
  }
  if (S_ISCHR(st.st_mode) || S_ISFIFO(st.st_mode) || S_ISSOCK(st.st_mode)) {
    to.kind = Destination::Kind::device;
    to.path = path;
    return true;
  }
  if (!S_ISREG(st.st_mode)) {
    why = tr("cannot write: not a regular file");
    return false;
  }
  to.path = path;
  if (S_ISLNK(link_st.st_mode)) {
    // Replace the file the link points to (in its own directory, where the
    // rename is atomic), not the link.
    std::error_code ec;
    auto target = fs::canonical(path, ec);
    if (ec) {
      why = tr("cannot write: cannot follow the symbolic link: {}", system_error_text(ec.value()));
      return false;
    }
    to.path = target.string();
  }
  to.existing = st;
  return true;
}

constexpr std::string_view kTemporaryMark = ".tmp-";

// Removes temporary files of ours for `path` (".NAME.tmp-PID-N" in the same
// directory) whose process no longer runs: what a kill -9 mid-write left.
// A process of another user (EPERM) or our own may still be writing.
void remove_stale_temporaries(const std::string& path) {
  const std::string prefix = "." + fs::path(path).filename().string() + std::string(kTemporaryMark);
  const std::string dir = directory_of(path);
  DIR* d = ::opendir(dir.c_str());
  if (!d) return;
  while (const dirent* e = ::readdir(d)) {
    std::string_view name = e->d_name;
    if (!name.starts_with(prefix)) continue;
    std::string_view rest = name.substr(prefix.size());
    pid_t pid = 0;
    unsigned long counter = 0;
    auto [dash, ec] = std::from_chars(rest.data(), rest.data() + rest.size(), pid);
    if (ec != std::errc() || pid <= 0 || dash == rest.data() + rest.size() || *dash != '-')
      continue;
    auto [end, ec2] = std::from_chars(dash + 1, rest.data() + rest.size(), counter);
    if (ec2 != std::errc() || end != rest.data() + rest.size()) continue;
    if (pid == ::getpid() || ::kill(pid, 0) == 0 || errno != ESRCH) continue;
    ::unlinkat(::dirfd(d), e->d_name, 0);
  }
  ::closedir(d);
}

// Creates a fresh temporary file beside `path` with O_EXCL (never reusing an
// existing file) and permission bits `mode` (less the umask); returns its
// descriptor, or -1 with `why` set.
int create_temporary(const std::string& path, mode_t mode, std::string& temporary,
                     std::string& why) {
  static std::atomic<unsigned> counter{0};
  auto name = fs::path(path).filename().string();
  auto dir = fs::path(path).parent_path();
  for (int attempt = 0; attempt < 100; ++attempt) {
    auto candidate = dir / ("." + name + std::string(kTemporaryMark) + std::to_string(::getpid()) +
                            "-" + std::to_string(counter++));
    int fd = ::open(candidate.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
    if (fd >= 0) {
      temporary = candidate.string();
      return fd;
    }
    if (errno != EEXIST) {
      const std::string cause = system_error_text(errno);  // before anything else may set errno
      why = tr("cannot create a temporary file in {}: {}", directory_of(path), cause);
      return -1;
    }
  }
  why = tr("cannot create a temporary file in {}: too many left over", directory_of(path));
  return -1;
}

bool write_all(int fd, std::string_view content, std::string& why) {
  while (!content.empty()) {
    auto n = ::write(fd, content.data(), content.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      why = tr("cannot write: {}", system_error_text(errno));
      return false;
    }
    content.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

// Pieces gathered into blocks before each write(2); the first error stops
// further writing and is kept.
class BufferedFd {
 public:
  explicit BufferedFd(int fd) : fd_(fd) {}
  void put(std::string_view piece) {
    if (!why_.empty()) return;
    if (buffer_.size() + piece.size() > kBlock) flush();
    if (piece.size() >= kBlock) {
      write_all(fd_, piece, why_);
      return;
    }
    buffer_.append(piece);
  }
  // "" when everything was written.
  std::string finish() {
    flush();
    return why_;
  }

 private:
  static constexpr std::size_t kBlock = 1 << 16;
  void flush() {
    if (why_.empty() && !buffer_.empty()) write_all(fd_, buffer_, why_);
    buffer_.clear();
  }
  int fd_;
  std::string buffer_;
  std::string why_;
};

// Gives the temporary file the old file's permission bits, and its owner when
// we may (a new file has its mode from creation); fsyncs it and renames it
// over `path`; removes it on failure.
bool commit(const std::string& temporary, const Destination& to, std::string& why) {
  int fd = ::open(temporary.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd >= 0) {
    if (to.existing) {
      // Only root may give a file away; for anyone else this fails harmlessly.
      if (to.existing->st_uid != ::geteuid() || to.existing->st_gid != ::getegid())
        (void)!::fchown(fd, to.existing->st_uid, to.existing->st_gid);
      if (::fchmod(fd, to.existing->st_mode & 07777) != 0) {
        why = tr("cannot keep the file's permissions: {}", system_error_text(errno));
        ::close(fd);
        ::unlink(temporary.c_str());
        return false;
      }
    }
  }
  if (fd < 0 || ::fsync(fd) != 0) {
    why = tr("cannot flush to disk: {}", system_error_text(errno));
    if (fd >= 0) ::close(fd);
    ::unlink(temporary.c_str());
    return false;
  }
  ::close(fd);
  if (::rename(temporary.c_str(), to.path.c_str()) != 0) {
    why = tr("cannot replace the file: {}", system_error_text(errno));
    ::unlink(temporary.c_str());
    return false;
  }
  // The rename itself is durable only once the directory is flushed; a
  // failure here does not undo a finished rename, so it is not reported.
  int dir = ::open(directory_of(to.path).c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir >= 0) {
    ::fsync(dir);
    ::close(dir);
  }
  return true;
}

bool fail(const std::string& path, Code code, std::string why,
          std::vector<Diagnostic>& diagnostics) {
  diagnostics.push_back(make_diagnostic(code, path, 1, 1, std::move(why)));
  return false;
}

// Opens a stream destination; -1 with `why` set when it cannot be opened.
int open_stream(const Destination& to, bool& close_after, std::string& why) {
  close_after = to.kind == Destination::Kind::device;
  if (!close_after) return to.fd;
  int fd = ::open(to.path.c_str(), O_WRONLY | O_NOCTTY | O_CLOEXEC);
  if (fd < 0) why = tr("cannot open: {}", system_error_text(errno));
  return fd;
}

// A temporary file of ours must not outlive a failed or throwing writer.
struct TemporaryFile {
  std::string path;
  ~TemporaryFile() {
    if (!path.empty()) ::unlink(path.c_str());
  }
};

}  // namespace

std::string gathered(const Producer& produce) {
  std::string out;
  produce([&](std::string_view piece) { out += piece; });
  return out;
}

bool write_output(const std::string& path, std::string_view content,
                  std::vector<Diagnostic>& diagnostics) {
  return write_output_streamed(
      path, [&](const TextSink& sink) { sink(content); }, diagnostics);
}

bool write_output_streamed(const std::string& path, const Producer& produce,
                           std::vector<Diagnostic>& diagnostics) {
  Destination to;
  std::string why;
  if (!destination_of(path, to, why))
    return fail(path, Code::output_not_replaceable, why, diagnostics);
  if (to.kind != Destination::Kind::file) {
    bool close_after = false;
    int fd = open_stream(to, close_after, why);
    if (fd < 0) return fail(path, Code::output_write_failed, why, diagnostics);
    BufferedFd out(fd);
    try {
      produce([&](std::string_view piece) { out.put(piece); });
    } catch (...) {
      if (close_after) ::close(fd);
      throw;
    }
    why = out.finish();
    if (close_after && ::close(fd) != 0 && why.empty())
      why = tr("cannot write: {}", system_error_text(errno));
    return why.empty() || fail(path, Code::output_write_failed, why, diagnostics);
  }
  return write_output_via(
      path,
      [&](const std::string& temporary) -> std::string {
        int fd = ::open(temporary.c_str(), O_WRONLY | O_TRUNC | O_CLOEXEC);
        if (fd < 0) return tr("cannot write: {}", system_error_text(errno));
        BufferedFd out(fd);
        try {
          produce([&](std::string_view piece) { out.put(piece); });
        } catch (...) {
          ::close(fd);
          throw;
        }
        std::string failed = out.finish();
        if (::close(fd) != 0 && failed.empty())
          return tr("cannot write: {}", system_error_text(errno));
        return failed;
      },
      diagnostics);
}

bool write_output_via(const std::string& path, const PathWriter& write,
                      std::vector<Diagnostic>& diagnostics) {
  Destination to;
  std::string why;
  if (!destination_of(path, to, why))
    return fail(path, Code::output_not_replaceable, why, diagnostics);
  TemporaryFile temporary;
  if (to.kind != Destination::Kind::file) {
    // The library writes a file: make it in the temporary directory, then
    // copy it to the stream.
    std::error_code ec;
    std::string dir = fs::temp_directory_path(ec).string();
    if (ec) dir = "/tmp";
    std::string name = (fs::path(dir) / "indicheck-XXXXXX").string();
    int fd = ::mkstemp(name.data());
    if (fd < 0)
      return fail(path, Code::output_write_failed,
                  tr("cannot create a temporary file in {}: {}", dir, system_error_text(errno)),
                  diagnostics);
    ::close(fd);
    temporary.path = name;
    why = write(temporary.path);
    if (!why.empty()) return fail(path, Code::output_write_failed, why, diagnostics);
    std::FILE* in = std::fopen(temporary.path.c_str(), "rb");
    if (!in)
      return fail(path, Code::output_write_failed,
                  tr("cannot read the temporary file: {}", system_error_text(errno)), diagnostics);
    bool copied = write_output_streamed(
        path,
        [&](const TextSink& sink) {
          char block[1 << 16];
          while (std::size_t n = std::fread(block, 1, sizeof block, in)) sink({block, n});
        },
        diagnostics);
    std::fclose(in);
    return copied;
  }
  remove_stale_temporaries(to.path);
  // Reserve a fresh name (O_EXCL), then let the writer replace that file.
  // Replacing a file, the temporary one is ours alone until it has the old
  // file's mode (a 0600 report is never readable by others, even briefly); a
  // new file is created with 0666 less the umask, as any other program's.
  int fd = create_temporary(to.path, to.existing ? 0600 : 0666, temporary.path, why);
  if (fd < 0) return fail(path, Code::output_write_failed, why, diagnostics);
  ::close(fd);
  why = write(temporary.path);
  if (!why.empty()) return fail(path, Code::output_write_failed, why, diagnostics);
  if (!commit(temporary.path, to, why))
    return fail(path, Code::output_write_failed, why, diagnostics);
  temporary.path.clear();  // renamed: nothing left to remove
  return true;
}

namespace {

// How check_outputs tells files apart: device and inode when the file
// exists, else the absolute path with links resolved as far as they exist.
struct Identity {
  bool stream = false;
  bool exists = false;
  dev_t device = 0;
  ino_t inode = 0;
  std::string normalised;
  bool operator==(const Identity& o) const {
    if (stream || o.stream || exists != o.exists) return false;
    return exists ? device == o.device && inode == o.inode : normalised == o.normalised;
  }
};

Identity identity_of(const std::string& path) {
  Identity id;
  if (descriptor_named(path)) {
    id.stream = true;
    return id;
  }
  struct stat st {};
  if (::stat(path.c_str(), &st) == 0) {
    id.stream = S_ISCHR(st.st_mode) || S_ISFIFO(st.st_mode) || S_ISSOCK(st.st_mode);
    id.exists = true;
    id.device = st.st_dev;
    id.inode = st.st_ino;
    return id;
  }
  std::error_code ec;
  auto absolute = fs::absolute(path, ec);
  auto resolved = ec ? fs::path(path) : fs::weakly_canonical(absolute, ec);
  id.normalised = (ec ? absolute : resolved).lexically_normal().string();
  return id;
}

}  // namespace

bool check_outputs(const std::vector<NamedPath>& outputs, const std::vector<NamedPath>& inputs,
                   std::vector<Diagnostic>& diagnostics) {
  std::vector<Identity> input_ids, output_ids;
  for (const NamedPath& in : inputs) input_ids.push_back(identity_of(in.path));
  bool ok = true;
  for (std::size_t i = 0; i < outputs.size(); ++i) {
    const NamedPath& out = outputs[i];
    output_ids.push_back(identity_of(out.path));
    std::string why;
    for (std::size_t j = 0; j < inputs.size() && why.empty(); ++j)
      if (output_ids[i] == input_ids[j])
        why = tr("cannot write {} here: it is also an input ({}); write it to another file",
                 out.option, inputs[j].option);
    for (std::size_t j = 0; j < i && why.empty(); ++j)
      if (output_ids[i] == output_ids[j])
        why = tr("cannot write {} here: {} writes the same file", out.option, outputs[j].option);
    if (!why.empty()) ok = fail(out.path, Code::output_is_input, why, diagnostics);
  }
  return ok;
}

}  // namespace indicheck
