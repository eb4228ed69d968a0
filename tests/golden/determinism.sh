#!/usr/bin/env bash
# Determinism: the same inputs give byte-identical output across runs and, for
# batch, across thread counts (-j 1, 2, 4). Runs from the repository root:
#   tests/golden/determinism.sh /path/to/indicheck
# The batch input is made here: the golden batch rows repeated with 1000 unit
# ids (about 2.5 MB, more than one 2 MB block), so blocks and thread parts split it in many places.
set -uo pipefail
bin=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0

big=$tmp/big.tsv
head -1 tests/golden/data/batch-small.tsv >"$big"
for u in $(seq -w 1 1000); do
  tail -n +2 tests/golden/data/batch-small.tsv | sed "s/^D[0-9]*/U$u/"
  tail -n +2 tests/golden/data/bad/batch-ragged.tsv | sed "s/^D[0-9]*/U$u/"
done >>"$big"
rows=$(wc -l <"$big")

# same NAME ARGS...: runs indicheck ARGS twice; all outputs and exit codes
# must match. Sets `last` to the file holding the first output.
last=""
same() {
  local name=$1; shift
  local first="" i out
  for i in 1 2; do
    out=$tmp/$name.$i
    NO_COLOR=1 "$bin" "$@" >"$out" 2>&1 </dev/null
    echo "exit $?" >>"$out"
    if [ -z "$first" ]; then first=$out
    elif ! cmp -s "$first" "$out"; then
      echo "FAIL: $name differs between runs ($*)"; diff "$first" "$out" | head -5; fail=1
    fi
  done
  last=$first
}

for format in text json csv bench; do
  for extra in "" --rows --verdicts; do
    [ "$extra" = --verdicts ] && [ "$format" != text ] && continue
    ref=""
    for j in 1 2 4; do
      # shellcheck disable=SC2086
      same "batch-$format$extra-j$j" batch --format "$format" $extra -j "$j" "$big" \
        tests/golden/data/batch-small.tsv tests/golden/data/bad/batch-invalid-utf8.tsv
      got=$last
      if [ -z "$ref" ]; then ref=$got
      elif ! cmp -s "$ref" "$got"; then
        echo "FAIL: batch --format $format $extra: -j $j differs from -j 1"
        diff "$ref" "$got" | head -5; fail=1
      fi
    done
  done
done
[ -s "$ref" ] || { echo "FAIL: batch printed nothing"; fail=1; }

for format in text json; do
  same "check-$format" check --format "$format" --targets fixtures/suzhou-zrzy-2024/targets.tsv \
    --actuals fixtures/suzhou-zrzy-2024/actuals-year.tsv
done
same check-errors check --targets tests/golden/data/targets-broken.tsv \
  --actuals tests/golden/data/actuals-mismatch.tsv

[ $fail = 0 ] && echo "determinism: batch ($rows rows; text, json, csv, bench; -j 1/2/4) and check: identical"
exit $fail
