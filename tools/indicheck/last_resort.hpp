#pragma once
// The last line of defence: an exception that no command handles (out of
// memory, a bug) ends the process with one line saying what happened, never
// with `terminate called…` and SIGABRT. Bad input never gets here: it has
// located diagnostics (docs/reliability.md).

#include <cstdio>
#include <exception>
#include <new>
#include <string>

#include "engine/base/message.hpp"

namespace indicheck::cli {

// A printf format in the language of the run; the English one when even the
// look-up fails (it may allocate, and the heap may be gone).
inline const char* last_resort_format(const char* english) noexcept {
  try {
    return tr(english);
  } catch (...) {
    return english;
  }
}

// Runs `run` and returns its exit code; when it throws, writes one line to
// `err` naming `command` (read only then: the caller may set it while `run`
// goes) and returns `failure`. The line is formatted without allocating:
// after std::bad_alloc the heap may have nothing left.
template <class Run>
int run_reporting_failures(const std::string& command, Run&& run, int failure,
                           std::FILE* err) noexcept {
  try {
    return run();
  } catch (const std::bad_alloc&) {
    std::fprintf(err, last_resort_format(N_("indicheck: out of memory while running '%s'\n")),
                 command.c_str());
  } catch (const std::exception& e) {
    std::fprintf(err, last_resort_format(N_("indicheck: internal error while running '%s': %s\n")),
                 command.c_str(), e.what());
  } catch (...) {
    std::fprintf(err,
                 last_resort_format(N_("indicheck: internal error while running '%s': an "
                                       "exception of unknown type\n")),
                 command.c_str());
  }
  std::fflush(err);
  return failure;
}

}  // namespace indicheck::cli
