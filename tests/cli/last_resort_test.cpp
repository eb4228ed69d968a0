// The CLI's last line of defence (tools/indicheck/last_resort.hpp): whatever a
// command throws ends in one line naming the command, and exit status 2.

#include <catch2/catch.hpp>
#include <cstdio>
#include <stdexcept>
#include <string>

#include "tools/indicheck/last_resort.hpp"

using indicheck::cli::run_reporting_failures;

namespace {

// What `run` leaves on the error stream, and the exit status.
template <class Run>
std::pair<std::string, int> outcome(const std::string& command, Run run) {
  std::FILE* err = std::tmpfile();
  int code = run_reporting_failures(command, run, 2, err);
  std::rewind(err);
  std::string text;
  char buf[256];
  while (std::size_t n = std::fread(buf, 1, sizeof buf, err)) text.append(buf, n);
  std::fclose(err);
  return {text, code};
}

}  // namespace

TEST_CASE("a command's own exit status passes through untouched", "[cli]") {
  auto [text, code] = outcome("check", [] { return 1; });
  CHECK(text.empty());
  CHECK(code == 1);
}

TEST_CASE("out of memory is one line naming the command, exit 2", "[cli]") {
  auto [text, code] = outcome("check", []() -> int { throw std::bad_alloc(); });
  CHECK(text == "indicheck: out of memory while running 'check'\n");
  CHECK(code == 2);
}

TEST_CASE("any other exception is an internal error with its message, exit 2", "[cli]") {
  auto [text, code] =
      outcome("import", []() -> int { throw std::out_of_range("vector::_M_range_check"); });
  CHECK(text == "indicheck: internal error while running 'import': vector::_M_range_check\n");
  CHECK(code == 2);
}

TEST_CASE("an exception of no standard type is still reported, exit 2", "[cli]") {
  auto [text, code] = outcome("lint", []() -> int { throw 42; });
  CHECK(text == "indicheck: internal error while running 'lint': an exception of unknown type\n");
  CHECK(code == 2);
}

TEST_CASE("the command's name is read when the exception is caught", "[cli]") {
  std::string running = "indicheck";
  std::FILE* err = std::tmpfile();
  int code = run_reporting_failures(
      running,
      [&]() -> int {
        running = "batch";  // as main() does once the command line is parsed
        throw std::bad_alloc();
      },
      2, err);
  std::rewind(err);
  char buf[128] = {};
  CHECK(std::fread(buf, 1, sizeof buf - 1, err) > 0);
  std::fclose(err);
  CHECK(std::string(buf) == "indicheck: out of memory while running 'batch'\n");
  CHECK(code == 2);
}
