// Reading a whole input file: see engine/base/input_file.hpp.

#include "engine/base/input_file.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

namespace indicheck {

std::optional<std::string> read_file(const std::string& path, std::vector<Diagnostic>& diagnostics,
                                     std::size_t max_bytes) {
  auto fail = [&](std::string why) {
    diagnostics.push_back(make_diagnostic(Severity::error, path, 1, 1, std::move(why)));
    return std::nullopt;
  };
  const std::string too_big =
      "file is larger than " + std::to_string(max_bytes / (1024 * 1024)) + " MiB";
  std::error_code ec;
  auto status = std::filesystem::status(path, ec);
  // ec names the cause: "No such file or directory", "Not a directory" (a
  // path through a file), "Permission denied", …
  if (ec || !std::filesystem::exists(status))
    return fail("cannot open: " + (ec ? ec.message() : std::string("No such file or directory")));
  if (std::filesystem::is_directory(status)) return fail("cannot read: it is a directory");
  if (!std::filesystem::is_regular_file(status) && !std::filesystem::is_fifo(status) &&
      !std::filesystem::is_character_file(status))
    return fail("cannot read: not a regular file");
  // Refuse an oversized file before reading it: memory stays bounded.
  if (std::filesystem::is_regular_file(status) &&
      std::filesystem::file_size(path, ec) > max_bytes && !ec)
    return fail(too_big);
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return fail(std::string("cannot open: ") + std::strerror(errno));
  std::string content;
  char buf[1 << 16];
  while (true) {
    ssize_t n = ::read(fd, buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      // A read error (EIO, …) is not the end of the file: never judge half a table.
      std::string why = std::string("cannot read: ") + std::strerror(errno);
      ::close(fd);
      return fail(why);
    }
    if (n == 0) break;
    if (content.size() + static_cast<std::size_t>(n) > max_bytes) {  // a pipe, a device
      ::close(fd);
      return fail(too_big);
    }
    content.append(buf, static_cast<std::size_t>(n));
  }
  ::close(fd);
  return content;
}

}  // namespace indicheck
