#!/usr/bin/env bash
# Checks every rule-file example in a document (docs/rules.md):
#   ```rules        blocks must pass `indicheck lint` (against the seed table);
#   ```rules-error  blocks must print exactly the diagnostics of the ```text
#                   block that follows them, and exit 2.
# Each example is written to example.rules in a fresh directory beside copies
# of rules/*.rules, so that 引用 "standard.rules" works and messages name
# example.rules. Usage: examples.sh INDICHECK DOC [LANG] (from the repository
# root); LANG (zh or en, default en) is the language the ```text blocks show,
# so a Chinese translation's examples print their diagnostics in Chinese.
set -uo pipefail
indicheck=$1
doc=$2
lang=${3:-en}
root=$PWD
targets=$root/fixtures/suzhou-zrzy-2024/targets.tsv
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

failures=0
count=0
n=0
kind=""
block=""
expect_text=0
pending_error=""
while IFS= read -r line || [[ -n $line ]]; do
  if [[ -z $kind ]]; then
    case $line in
      '```rules') kind=rules; block="" ;;
      '```rules-error') kind=error; block="" ;;
      '```text') if [[ -n $pending_error ]]; then kind=text; block=""; fi ;;
    esac
    continue
  fi
  if [[ $line == '```' ]]; then
    n=$((n + 1))
    dir=$work/$n
    mkdir -p "$dir"
    cp "$root"/rules/*.rules "$dir"/
    case $kind in
      rules)
        count=$((count + 1))
        printf '%s' "$block" > "$dir/example.rules"
        if ! out=$(cd "$dir" && "$indicheck" --lang "$lang" lint --targets "$targets" example.rules 2>&1); then
          echo "FAIL: example $count of $doc does not lint clean:"
          printf '%s\n' "$block" | sed 's/^/    /'
          printf '%s\n' "$out" | sed 's/^/  > /'
          failures=$((failures + 1))
        elif grep -q ": warning\[" <<<"$out"; then
          echo "FAIL: example $count of $doc gives warnings:"
          printf '%s\n' "$out" | sed 's/^/  > /'
          failures=$((failures + 1))
        fi
        ;;
      error)
        count=$((count + 1))
        pending_error=$block
        ;;
      text)
        printf '%s' "$pending_error" > "$dir/example.rules"
        actual=$(cd "$dir" && "$indicheck" --lang "$lang" lint --targets "$targets" example.rules 2>&1 >/dev/null)
        status=$?
        expected=${block%$'\n'}
        if [[ $status -ne 2 || "$actual" != "$expected" ]]; then
          echo "FAIL: error example $count of $doc (exit $status) prints:"
          printf '%s\n' "$actual" | sed 's/^/  > /'
          echo "  expected:"
          printf '%s\n' "$expected" | sed 's/^/  < /'
          failures=$((failures + 1))
        fi
        pending_error=""
        ;;
    esac
    kind=""
    continue
  fi
  block+="$line"$'\n'
done < "$doc"

if [[ -n $pending_error ]]; then
  echo "FAIL: the last rules-error example of $doc has no text block"
  failures=$((failures + 1))
fi
echo "$count examples in $doc, $failures failed"
[[ $count -gt 0 && $failures -eq 0 ]]
