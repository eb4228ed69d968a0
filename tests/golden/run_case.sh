#!/usr/bin/env bash
# Runs one golden case: the indicheck arguments in CASE.cmd (one per line),
# run from the repository root; stdout, stderr and the exit code are compared
# with CASE.expected. UPDATE_GOLDEN=1 rewrites CASE.expected instead.
#   run_case.sh /path/to/indicheck tests/golden/cases/NAME.cmd
set -uo pipefail
bin=$1
case_file=$2
expected=${case_file%.cmd}.expected
mapfile -t args < "$case_file"
out=$(mktemp) err=$(mktemp)
trap 'rm -f "$out" "$err"' EXIT
NO_COLOR=1 "$bin" "${args[@]}" >"$out" 2>"$err" </dev/null
rc=$?
actual=$(
  printf '$ indicheck'; printf ' %q' "${args[@]}"; printf '\n'
  echo '--- stdout'; cat "$out"
  echo '--- stderr'; cat "$err"
  echo "--- exit $rc"
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
