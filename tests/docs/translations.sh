#!/usr/bin/env bash
# Checks that each Chinese translation of a document (NAME.zh-CN.md beside
# NAME.md) shows the same examples as the English: the fenced code blocks that
# are not ```text (commands, rule files, tests, tables, unmarked blocks) must
# be the same blocks, byte for byte, of the same kind, in the same order.
# ```text blocks are output and may be in Chinese, so they are left out.
# Usage: translations.sh [ENGLISH.md...] (from the repository root; without
# arguments, README.md and docs/{rules,scoring,review}.md).
set -uo pipefail
if [[ $# -gt 0 ]]; then
  docs=("$@")
else
  docs=(README.md docs/rules.md docs/scoring.md docs/review.md)
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# extract DOC DIR: writes block N (counting only the compared ones) to DIR/N,
# its opening fence first, and its starting line to DIR/N.line; prints N.
extract() {
  mkdir -p "$2"
  awk -v dir="$2" '
    function flush() { close(file) }
    !inside && /^[ \t]*```/ {
      info = $0; sub(/^[ \t]*```/, "", info)
      inside = 1; skip = (info == "text")
      if (!skip) {
        n++; file = dir "/" n
        printf "%s\n", $0 > file
        printf "%d\n", NR > (file ".line"); close(file ".line")
      }
      next
    }
    inside && /^[ \t]*```[ \t]*$/ {
      if (!skip) { printf "%s\n", $0 > file; flush() }
      inside = 0; next
    }
    inside && !skip { printf "%s\n", $0 > file }
    END {
      if (inside) { print "unclosed" > (dir "/unclosed") }
      print n + 0
    }' "$1"
}

failures=0
for en in "${docs[@]}"; do
  zh=${en%.md}.zh-CN.md
  for f in "$en" "$zh"; do
    if [[ ! -f $f ]]; then
      echo "FAIL: $f does not exist"
      failures=$((failures + 1))
      continue 2
    fi
  done
  dir=$work/${en//\//_}
  n_en=$(extract "$en" "$dir/en")
  n_zh=$(extract "$zh" "$dir/zh")
  for side in en zh; do
    if [[ -f $dir/$side/unclosed ]]; then
      [[ $side == en ]] && f=$en || f=$zh
      echo "FAIL: $f ends inside a code block (a fence is not closed)"
      failures=$((failures + 1))
    fi
  done
  bad=0
  max=$((n_en > n_zh ? n_en : n_zh))
  for ((i = 1; i <= max; i++)); do
    if [[ ! -f $dir/zh/$i ]]; then
      echo "FAIL: $zh has no block $i; $en block $i (line $(<"$dir/en/$i.line")) is:"
      sed 's/^/  < /' "$dir/en/$i"
    elif [[ ! -f $dir/en/$i ]]; then
      echo "FAIL: $zh block $i (line $(<"$dir/zh/$i.line")) is not in $en:"
      sed 's/^/  > /' "$dir/zh/$i"
    elif ! cmp -s "$dir/en/$i" "$dir/zh/$i"; then
      echo "FAIL: $zh block $i (line $(<"$dir/zh/$i.line")) differs from $en block $i (line $(<"$dir/en/$i.line")):"
      diff "$dir/en/$i" "$dir/zh/$i" | sed 's/^/  /'
    else
      continue
    fi
    bad=$((bad + 1))
    # Once the counts differ, every later block is shifted: the first is enough.
    if [[ $n_en -ne $n_zh ]]; then
      echo "  ($en has $n_en blocks to compare, $zh has $n_zh)"
      break
    fi
  done
  failures=$((failures + bad))
  echo "$en / $zh: $n_en and $n_zh blocks compared, $bad differ"
done
echo "${#docs[@]} translations checked, $failures failed"
[[ $failures -eq 0 ]]
