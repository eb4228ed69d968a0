#!/usr/bin/env bash
# Runs one golden case: the indicheck arguments in CASE.cmd (one per line),
# run from the repository root; stdout, stderr and the exit code are compared
# with CASE.expected. UPDATE_GOLDEN=1 rewrites CASE.expected instead.
#   run_case.sh /path/to/indicheck tests/golden/cases/NAME.cmd
# Optional, for cases that need files made at test time: CASE.setup runs (bash,
# from the repository root, GOLDEN_TMP set to a fresh temporary directory and
# INDICHECK to the binary)
# before the command, and CASE.after after it, its stdout shown under
# "--- after"; @TMP@ in CASE.cmd and in the output stands for that directory.
# INDICHECK_LANG=en, so the output is English whatever the machine's locale;
# CASE.env, lines NAME=VALUE, adds to or overrides the command's environment
# (INDICHECK_LANG= with LANG=zh_CN.UTF-8 tries the locale).
# CASE.vmem, a number of KiB, runs the command under `ulimit -v` (a memory
# bound, never a timer; tests/CMakeLists.txt leaves these cases out of the
# sanitizer builds, whose shadow memory takes terabytes of address space).
set -uo pipefail
bin=$1
case_file=$2
expected=${case_file%.cmd}.expected
mapfile -t args < "$case_file"
out=$(mktemp) err=$(mktemp) tmp=$(mktemp -d)
trap 'rm -rf "$out" "$err" "$tmp"' EXIT
if [ -f "${case_file%.cmd}.setup" ]; then
  GOLDEN_TMP=$tmp INDICHECK=$bin bash "${case_file%.cmd}.setup" || { echo "setup failed: $case_file"; exit 1; }
fi
env_of_case=()
[ -f "${case_file%.cmd}.env" ] && mapfile -t env_of_case < "${case_file%.cmd}.env"
export INDICHECK_LANG=en NO_COLOR=1
[ ${#env_of_case[@]} -gt 0 ] && export "${env_of_case[@]}"
vmem=
[ -f "${case_file%.cmd}.vmem" ] && vmem=$(<"${case_file%.cmd}.vmem")
if [ -n "$vmem" ]; then
  (ulimit -v "$vmem" && exec "$bin" "${args[@]//@TMP@/$tmp}") >"$out" 2>"$err" </dev/null
else
  "$bin" "${args[@]//@TMP@/$tmp}" >"$out" 2>"$err" </dev/null
fi
rc=$?
actual=$(
  [ -n "$vmem" ] && printf '$ ulimit -v %s\n' "$vmem"
  printf '$ indicheck'; printf ' %q' "${args[@]}"; printf '\n'
  echo '--- stdout'; sed "s|$tmp|@TMP@|g" "$out"
  echo '--- stderr'; sed "s|$tmp|@TMP@|g" "$err"
  echo "--- exit $rc"
  if [ -f "${case_file%.cmd}.after" ]; then
    echo '--- after'; GOLDEN_TMP=$tmp INDICHECK=$bin bash "${case_file%.cmd}.after" 2>&1 | sed "s|$tmp|@TMP@|g"
  fi
)
if [ "${UPDATE_GOLDEN:-}" = 1 ]; then
  printf '%s\n' "$actual" > "$expected"
  echo "updated $expected"
  exit 0
fi
if [ ! -f "$expected" ]; then
  echo "no expected output: $expected (run with UPDATE_GOLDEN=1, then review it)"
  exit 1
fi
if ! diff -u "$expected" <(printf '%s\n' "$actual"); then
  echo "golden mismatch: $case_file"
  exit 1
fi
