#!/usr/bin/env bash
# Builds the libFuzzer targets (tests/fuzz) and runs them, one after another or
# --parallel N at once, each under `nice -n 19` (the machine is shared). Not part
# of tools/test.sh: the inputs fuzzing finds are kept as regression tests there.
#
#   tools/fuzz.sh [--time SECONDS] [--runs N] [--parallel N] [--build DIR] [--findings DIR]
#                 [TARGET...]
#
#   --time S     stop each target after S seconds (libFuzzer -max_total_time); default 60
#   --runs N     stop each target after N executions (-runs); default: no limit.
#                With both, whichever comes first (the figures in docs/reliability.md
#                use --runs 10000000 --time 1800).
#   --parallel N run up to N targets at once (default 1: one after another); each
#                has its own corpus, log and findings, so they do not interfere.
#                On a shared machine keep N below the number of cores.
#   --no-build   run the targets as last built (e.g. while the tree does not build)
#   --build DIR  the fuzz build directory; default build-fuzz (clang, -DINDICHECK_FUZZ=ON)
#   --findings DIR  where crashes, leaks, timeouts and OOM inputs are kept
#                (DIR/TARGET/crash-…, leak-…, timeout-…, oom-…) and each run's log
#                (DIR/TARGET.log); default DIR = <build>/findings
#   TARGET       target_expr, actual, targets_table, actuals_table, batch, rules, import,
#                rule_tree, xlsx_sparse, output_paths; default all
#                (the last three read their bytes as a program that writes the input:
#                no dictionary; 4096 bytes, or 64 for output_paths)
#
# Each target runs with:
#   -dict=tests/fuzz/<dict>    the grammar's tokens (tests/fuzz/make_dicts.py writes them)
#   -max_len                   1024 bytes for one cell (CellLimits::max_bytes is 4096: longer cells
#                              are refused at once, so bigger inputs only slow the search),
#                              16384 for a whole table, batch, rule or imported file
#   -timeout=10                seconds for one input: anything slower is a finding
#   -rss_limit_mb=2048         memory for the whole process: more is a finding (OOM)
#   -malloc_limit_mb=512       one allocation larger than this is a finding
# and ASAN_OPTIONS=malloc_context_size=8 (unless ASAN_OPTIONS is set): ASan keeps 8
# frames of each allocation's stack instead of 30, which makes every allocation cheaper
# (a tenth of a table target's time went into recording stacks); replaying a finding
# without it prints the full stacks.
# The working corpus is <build>/corpus/TARGET, seeded from the fixtures by
# tests/fuzz/make_corpus.py and kept between runs (it only grows).
# Exit status: 0 when no target left a finding, 1 otherwise.
set -euo pipefail
cd "$(dirname "$0")/.."

time_limit=60
runs=""
build=build-fuzz
findings=""
build_first=1
parallel=1
targets=()
while [ $# -gt 0 ]; do
  case $1 in
    --time) time_limit=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --build) build=$2; shift 2 ;;
    --no-build) build_first=0; shift ;;
    --findings) findings=$2; shift 2 ;;
    --parallel) parallel=$2; shift 2 ;;
    -h|--help) sed -n '2,44p' "$0"; exit 0 ;;
    -*) echo "fuzz.sh: unknown option $1" >&2; exit 2 ;;
    *) targets+=("$1"); shift ;;
  esac
done
[ ${#targets[@]} -gt 0 ] || targets=(target_expr actual targets_table actuals_table batch rules import
                                     rule_tree xlsx_sparse output_paths)
findings=${findings:-$build/findings}

declare -A dict=([target_expr]=expr.dict [actual]=expr.dict [targets_table]=targets_table.dict
                 [actuals_table]=actuals_table.dict [batch]=batch.dict [rules]=rules.dict
                 [import]=import.dict [rule_tree]=- [xlsx_sparse]=- [output_paths]=-)
declare -A max_len=([target_expr]=1024 [actual]=1024 [targets_table]=16384
                    [actuals_table]=16384 [batch]=16384 [rules]=16384 [import]=16384
                    [rule_tree]=4096 [xlsx_sparse]=4096 [output_paths]=64)
for t in "${targets[@]}"; do
  [ -n "${dict[$t]:-}" ] || { echo "fuzz.sh: unknown target $t" >&2; exit 2; }
done

if [ ! -f "$build/CMakeCache.txt" ]; then
  CXX=clang++ cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DINDICHECK_FUZZ=ON \
    -DINDICHECK_TESTS=OFF
fi
[ $build_first = 0 ] || nice -n 19 cmake --build "$build" -j2 --target "${targets[@]/#/fuzz_}"
python3 tests/fuzz/make_corpus.py "$build/corpus" >/dev/null

export ASAN_OPTIONS=${ASAN_OPTIONS:-malloc_context_size=8}

# Runs one target to its end and prints its summary line; exit 1 on a finding.
run_target() {
  local t=$1
  mkdir -p "$findings/$t" "$build/corpus/$t"
  local log=$findings/$t.log
  local args=(-max_len="${max_len[$t]}" -timeout=10
              -rss_limit_mb=2048 -malloc_limit_mb=512 -max_total_time="$time_limit"
              -artifact_prefix="$findings/$t/" -print_final_stats=1)
  [ "${dict[$t]}" = - ] || args+=(-dict="tests/fuzz/${dict[$t]}")
  [ -z "$runs" ] || args+=(-runs="$runs")
  echo "== fuzz_$t: ${args[*]} (started $(date -u +%H:%M:%S))"
  local start status=0
  start=$(date +%s)
  # libFuzzer exits non-zero on a finding.
  nice -n 19 "$build/tests/fuzz/fuzz_$t" "${args[@]}" "$build/corpus/$t" >"$log" 2>&1 || status=1
  local seconds=$(($(date +%s) - start))
  local execs last cov ft kept slow
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  last=$(grep -E '^#[0-9]+' "$log" | tail -1 || true)
  cov=$(sed -n 's/.* cov: \([0-9]*\).*/\1/p' <<<"$last")
  ft=$(sed -n 's/.* ft: \([0-9]*\).*/\1/p' <<<"$last")
  # A slow-unit (slower than 10 s of wall time, not a timeout) is no finding: on a
  # busy machine a nice-19 process is often that slow; it is still kept and counted.
  kept=$(find "$findings/$t" -type f ! -name 'slow-unit-*' | wc -l)
  slow=$(find "$findings/$t" -type f -name 'slow-unit-*' | wc -l)
  echo "fuzz_$t: ${execs:-?} executions in ${seconds}s ($(( ${execs:-0} / (seconds > 0 ? seconds : 1) ))/s)," \
       "cov ${cov:-?}, ft ${ft:-?}, corpus $(find "$build/corpus/$t" -type f | wc -l)," \
       "findings $kept, slow units $slow, load $(cut -d' ' -f1-3 /proc/loadavg) (log: $log)"
  [ "$kept" -eq 0 ] || status=1
  return $status
}

status=0
running=0
for t in "${targets[@]}"; do
  if [ "$running" -ge "$parallel" ]; then
    wait -n || status=1
    running=$((running - 1))
  fi
  run_target "$t" &
  running=$((running + 1))
done
while [ "$running" -gt 0 ]; do
  wait -n || status=1
  running=$((running - 1))
done
exit $status
