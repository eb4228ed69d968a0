// Reading a whole input file: see engine/base/input_file.hpp.

#include "engine/base/input_file.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

namespace indicheck {

std::string ReadProblem::message() const {
  return why.empty() ? what : what + ": " + why;
}

std::string ReadProblem::message_naming(const std::string& path) const {
  if (why.empty()) return "'" + path + "': " + what;
  return what + " '" + path + "': " + why;
}

std::optional<std::string> read_file(const std::string& path, std::vector<Diagnostic>& diagnostics,
                                     std::size_t max_bytes) {
  ReadProblem problem;
  auto text = read_file(path, problem, max_bytes);
  if (!text) diagnostics.push_back(make_diagnostic(problem.code, path, 1, 1, problem.message()));
  return text;
}

std::optional<std::string> read_file(const std::string& path, ReadProblem& problem,
                                     std::size_t max_bytes) {
  auto fail = [&](Code code, std::string what, std::string why) {
    problem = ReadProblem{code, std::move(what), std::move(why)};
    return std::nullopt;
  };
  const std::string too_big =
      "file is larger than " + std::to_string(max_bytes / (1024 * 1024)) + " MiB";
  std::error_code ec;
  auto status = std::filesystem::status(path, ec);
  // ec names the cause: "No such file or directory", "Not a directory" (a
  // path through a file), "Permission denied", …
  if (ec || !std::filesystem::exists(status))
    return fail(Code::file_cannot_open, "cannot open",
                ec ? ec.message() : std::string("No such file or directory"));
  if (std::filesystem::is_directory(status))
    return fail(Code::file_not_a_file, "cannot read", "it is a directory");
  if (!std::filesystem::is_regular_file(status) && !std::filesystem::is_fifo(status) &&
      !std::filesystem::is_character_file(status))
    return fail(Code::file_not_a_file, "cannot read", "not a regular file");
  // Refuse an oversized file before reading it: memory stays bounded.
  if (std::filesystem::is_regular_file(status) &&
      std::filesystem::file_size(path, ec) > max_bytes && !ec)
    return fail(Code::file_too_large, too_big, "");
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return fail(Code::file_cannot_open, "cannot open", std::strerror(errno));
  std::string content;
  char buf[1 << 16];
  while (true) {
    ssize_t n = ::read(fd, buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      // A read error (EIO, …) is not the end of the file: never judge half a table.
      std::string why = std::strerror(errno);
      ::close(fd);
      return fail(Code::file_read_failed, "cannot read", why);
    }
    if (n == 0) break;
    if (content.size() + static_cast<std::size_t>(n) > max_bytes) {  // a pipe, a device
      ::close(fd);
      return fail(Code::file_too_large, too_big, "");
    }
    content.append(buf, static_cast<std::size_t>(n));
  }
  ::close(fd);
  return content;
}

}  // namespace indicheck
