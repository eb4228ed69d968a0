// Reading a whole input file: see engine/base/input_file.hpp.

#include "engine/base/input_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <filesystem>

#include "engine/base/message.hpp"

namespace indicheck {

std::string ReadProblem::message() const {
  return why.empty() ? what : tr("{}: {}", what, why);
}

std::string ReadProblem::message_naming(const std::string& path) const {
  if (real.empty() || real == path) {
    if (why.empty()) return tr("'{}': {}", path, what);
    return tr("{} '{}': {}", what, path, why);
  }
  if (why.empty()) return tr("'{}', which is {}: {}", path, real, what);
  return tr("{} '{}', which is {}: {}", what, path, real, why);
}

std::string system_error_text(int error) {
  const std::string said = std::strerror(error);
  // The causes a person meets most, in the run's language when the system
  // said them in English (the C library's messages follow its own locale).
  static const struct {
    int error;
    const char* text;
  } kKnown[] = {{ENOENT, N_("No such file or directory")}, {EACCES, N_("Permission denied")},
                {ENOTDIR, N_("Not a directory")},          {EISDIR, N_("Is a directory")},
                {ENOSPC, N_("No space left on device")},   {EROFS, N_("Read-only file system")}};
  for (const auto& k : kKnown)
    if (k.error == error && said == k.text) return tr(k.text);
  return said;
}

namespace {

// What a file that is not a regular file is, for "it is …".
const char* kind_of(mode_t mode) {
  if (S_ISDIR(mode)) return N_("a directory");
  if (S_ISFIFO(mode)) return N_("a named pipe (FIFO)");
  if (S_ISCHR(mode)) return N_("a character device");
  if (S_ISBLK(mode)) return N_("a block device");
  if (S_ISSOCK(mode)) return N_("a socket");
  return N_("not a regular file");
}

ReadProblem not_regular(mode_t mode) {
  return {Code::file_not_regular, tr("cannot read"),
          tr("it is {}, not a regular file; a rule or test file names only regular files",
             tr(kind_of(mode)))};
}

}  // namespace

std::optional<std::string> read_file(const std::string& path, std::vector<Diagnostic>& diagnostics,
                                     std::size_t max_bytes, Opening opening) {
  ReadProblem problem;
  auto text = read_file(path, problem, max_bytes, opening);
  if (!text) diagnostics.push_back(make_diagnostic(problem.code, path, 1, 1, problem.message()));
  return text;
}

std::optional<std::string> read_file(const std::string& path, ReadProblem& problem,
                                     std::size_t max_bytes, Opening opening) {
  auto fail = [&](Code code, std::string what, std::string why) {
    problem = ReadProblem{code, std::move(what), std::move(why)};
    return std::nullopt;
  };
  const bool regular_only = opening == Opening::regular_only;
  const std::string too_big = tr("file is larger than {} MiB", max_bytes / (1024 * 1024));
  struct stat st {};
  // errno names the cause: "No such file or directory", "Not a directory" (a
  // path through a file), "Permission denied", …
  if (::stat(path.c_str(), &st) != 0)
    return fail(Code::file_cannot_open, tr("cannot open"), system_error_text(errno));
  if (regular_only && !S_ISREG(st.st_mode)) {
    problem = not_regular(st.st_mode);
    return std::nullopt;
  }
  if (S_ISDIR(st.st_mode))
    return fail(Code::file_not_a_file, tr("cannot read"), tr("it is a directory"));
  if (!S_ISREG(st.st_mode) && !S_ISFIFO(st.st_mode) && !S_ISCHR(st.st_mode))
    return fail(Code::file_not_a_file, tr("cannot read"), tr("not a regular file"));
  // Refuse an oversized file before reading it: memory stays bounded.
  if (S_ISREG(st.st_mode) && static_cast<std::uintmax_t>(st.st_size) > max_bytes) {
    fail(Code::file_too_large, too_big, "");
    problem.size = static_cast<std::uintmax_t>(st.st_size);
    return std::nullopt;
  }
  // A file that must be regular is opened without blocking (a pipe put in its
  // place since the stat would otherwise wait for a writer) and checked again.
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY | (regular_only ? O_NONBLOCK : 0));
  if (fd < 0) return fail(Code::file_cannot_open, tr("cannot open"), system_error_text(errno));
  if (regular_only && (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode))) {
    ::close(fd);
    problem = not_regular(st.st_mode);
    return std::nullopt;
  }
  std::string content;
  char buf[1 << 16];
  while (true) {
    // Never more than one byte past the limit: /dev/zero is refused after
    // max_bytes + 1 bytes, not read on and on.
    const std::size_t want = std::min(sizeof buf, max_bytes + 1 - content.size());
    ssize_t n = ::read(fd, buf, want);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      // A read error (EIO, …) is not the end of the file: never judge half a table.
      std::string why = system_error_text(errno);
      ::close(fd);
      return fail(Code::file_read_failed, tr("cannot read"), why);
    }
    if (n == 0) break;
    content.append(buf, static_cast<std::size_t>(n));
    if (content.size() > max_bytes) {  // a pipe, a device, a file that grew
      ::close(fd);
      return fail(Code::file_too_large, too_big, "");
    }
  }
  ::close(fd);
  return content;
}

// ---- files a rule or test file names ----------------------------------------

std::string real_path(const std::string& path) {
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::path abs = fs::absolute(path, ec);
  if (ec) abs = fs::path(path);
  fs::path canonical = fs::weakly_canonical(abs, ec);
  return (ec ? abs.lexically_normal() : canonical).string();
}

namespace {

namespace fs = std::filesystem;

std::string as_folder(std::string dir) {
  if (dir.empty() || dir.back() != '/') dir += '/';
  return dir;
}

struct Extensions {
  NamedKind kind;
  std::vector<std::string_view> list;
  const char* what;  // "a rule file"
};

const Extensions& extensions_of(NamedKind kind) {
  static const Extensions all[] = {
      {NamedKind::rules, {".rules"}, N_("a rule file")},
      {NamedKind::table,
       {".tsv", ".csv", ".txt", ".xlsx", ".xls", ".docx", ".html", ".htm", ".pdf"},
       N_("a table")},
      {NamedKind::report, {".txt"}, N_("a text report")},
      {NamedKind::test, {".test"}, N_("a test file")},
  };
  for (const auto& e : all)
    if (e.kind == kind) return e;
  return all[0];
}

bool named_as(const std::string& path, const Extensions& e) {
  std::string ext = fs::path(path).extension().string();
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return std::find(e.list.begin(), e.list.end(), ext) != e.list.end();
}

}  // namespace

Reach Reach::anywhere() {
  Reach r;
  r.anywhere_ = true;
  return r;
}

Reach Reach::around(const std::vector<std::string>& command_line_paths) {
  Reach r;
  // The working folder first: a project's rule files name its tables beside
  // them (rules/x.rules: 目标表 "../fixtures/…/targets.tsv").
  std::vector<std::string> paths{"."};
  paths.insert(paths.end(), command_line_paths.begin(), command_line_paths.end());
  for (const std::string& p : paths) {
    if (p.empty() || p == "-") continue;
    std::error_code ec;
    // The folder as named: a rule file's 引用 are found beside the name it was
    // given by, even when that name is a link to a file elsewhere.
    fs::path folder = fs::is_directory(p, ec) ? fs::path(p) : fs::path(p).parent_path();
    if (folder.empty()) folder = ".";
    std::string dir = as_folder(real_path(folder.string()));
    if (std::find(r.folders_.begin(), r.folders_.end(), dir) != r.folders_.end()) continue;
    r.folders_.push_back(dir);
    r.shown_.push_back(as_folder(folder.lexically_normal().string()));
  }
  return r;
}

bool Reach::contains(const std::string& path) const {
  if (anywhere_) return true;
  const std::string where = real_path(path);
  for (const std::string& dir : folders_)
    if (where.starts_with(dir) || where + "/" == dir) return true;
  return false;
}

std::string Reach::folders() const {
  std::string out;
  for (std::size_t i = 0; i < shown_.size(); ++i)
    out = i == 0                   ? shown_[i]
          : i + 1 == shown_.size() ? tr("{} and {}", out, shown_[i])
                                   : tr("{}, {}", out, shown_[i]);
  return out;
}

std::optional<ReadProblem> check_named_file(const std::string& path, NamedKind kind,
                                            const Reach& reach) {
  const std::string where = real_path(path);
  // Where a link leads, when it is not where the name says.
  std::error_code ec;
  const bool is_link = where != fs::absolute(path, ec).lexically_normal().string();
  if (!reach.contains(path)) {
    if (is_link)  // the reason names where the link leads
      return ReadProblem{
          Code::file_outside, tr("refused"),
          tr("it leads to {}, outside the working folder and the folders of the files named on "
             "the command line ({}); a rule or test file names files only there, unless "
             "--allow-outside is given",
             where, reach.folders())};
    ReadProblem outside{Code::file_outside, tr("refused"),
                        tr("it is outside the working folder and the folders of the files named "
                           "on the command line ({}); a rule or test file names files only there, "
                           "unless --allow-outside is given",
                           reach.folders())};
    outside.real = where;
    return outside;
  }
  // A pipe, a device, a directory: said as such, and never opened (a pipe
  // would wait for a writer, /dev/zero never ends).
  struct stat st {};
  if (::stat(path.c_str(), &st) == 0 && !S_ISREG(st.st_mode)) {
    ReadProblem problem = not_regular(st.st_mode);
    problem.real = where;
    return problem;
  }
  const Extensions& e = extensions_of(kind);
  if (!named_as(path, e) || !named_as(where, e)) {
    std::string list;
    for (std::size_t i = 0; i < e.list.size(); ++i) {
      const std::string one(e.list[i]);
      list = i == 0                   ? one
             : i + 1 == e.list.size() ? tr("{} or {}", list, one)
                                      : tr("{}, {}", list, one);
    }
    return ReadProblem{
        Code::file_wrong_kind, tr("refused"),
        is_link ? tr("it leads to {}, which is not named as {} (a name ending in {}): no other "
                     "file is read",
                     where, tr(e.what), list)
                : tr("it is not named as {} (a name ending in {}): no other file is read",
                     tr(e.what), list)};
  }
  return std::nullopt;
}

std::optional<std::string> read_named_file(const std::string& path, NamedKind kind,
                                           const Reach& reach, std::size_t max_bytes,
                                           ReadProblem& problem) {
  if (auto refused = check_named_file(path, kind, reach)) {
    problem = std::move(*refused);
    return std::nullopt;
  }
  auto text = read_file(path, problem, max_bytes, Opening::regular_only);
  // Too large, or a pipe put in the file's place since the check.
  if (!text && (problem.code == Code::file_too_large || problem.code == Code::file_not_regular))
    problem.real = real_path(path);
  return text;
}

}  // namespace indicheck
