#!/usr/bin/env bash
# Builds indicheck twice and runs the whole test suite in each build:
#   build/       optimised, as users run it
#   build-asan/  with AddressSanitizer + UndefinedBehaviorSanitizer
# then builds the unit tests a third time with ThreadSanitizer and runs the
# cases that use threads (batch -j N):
#   build-tsan/
# Installs missing Debian packages first (tools/setup.sh). Exits non-zero on
# any failed build or test. `.ci/run` calls exactly this.
set -euo pipefail
cd "$(dirname "$0")/.."
tools/setup.sh
jobs=$(nproc)

echo "== optimised build"
# INDICHECK_BENCH: the benchmark program is built (not run: speed is measured
# by hand, docs/performance.md) so that it keeps compiling with the engine.
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DINDICHECK_BENCH=ON
cmake --build build -j"$jobs"
ctest --test-dir build --output-on-failure -j"$jobs"

echo "== sanitizer build (ASan + UBSan)"
# clang 14: GCC 12 under -fsanitize reports -Wmaybe-uninitialized inside libstdc++ regex.
CXX=clang++ cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=RelWithDebInfo -DINDICHECK_SANITIZE=ON
cmake --build build-asan -j"$jobs"
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --test-dir build-asan --output-on-failure -j"$jobs"

echo "== thread sanitizer build (the [batch] cases: batch -j N runs threads)"
CXX=clang++ cmake -S . -B build-tsan -DCMAKE_BUILD_TYPE=RelWithDebInfo -DINDICHECK_TSAN=ON
cmake --build build-tsan -j"$jobs" --target indicheck_tests
TSAN_OPTIONS=halt_on_error=1 build-tsan/tests/indicheck_tests "[batch]"
