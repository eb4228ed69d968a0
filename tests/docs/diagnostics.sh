#!/usr/bin/env bash
# docs/diagnostics.md cannot go stale: it lists exactly the codes that
# engine/base/codes.inc defines, each under a heading
#   ### ID NAME — TITLE
# with the registry's name and title, and each example runs: the ```sh block
# under the heading (one command, run from the repository root by bash, with
# build/indicheck standing for the binary under test) must print the first
# line of the ```text block after it, exactly, and that line must carry the
# code: "error[E1101]: " or "warning[W3416]: " in a diagnostic, "code": "E4201"
# in JSON (a reported figure's problem). A code the command line cannot raise
# says instead
#   Raised only through the library:
#   tests/<stage>/<file>_test.cpp, "<test case name>".
# and that test case must exist and check the code's id.
#   diagnostics.sh INDICHECK [DOC] [REGISTRY]   (from the repository root)
set -uo pipefail
indicheck=${1:?usage: diagnostics.sh INDICHECK [DOC] [REGISTRY]}
doc=${2:-docs/diagnostics.md}
registry=${3:-engine/base/codes.inc}
case $indicheck in /*) ;; *) indicheck=$PWD/$indicheck ;; esac

failures=0
fail() {
  echo "FAIL: $*"
  failures=$((failures + 1))
}

# The registry: "ID NAME — TITLE", one line per code.
mapfile -t defined < <(sed -nE 's/^INDICHECK_CODE\(([EW][0-9]{4}), ([a-z0-9_]+), "(.*)"\)$/\1 \2 — \3/p' "$registry")
[ ${#defined[@]} -gt 0 ] || { echo "no INDICHECK_CODE lines in $registry"; exit 2; }
if [ "$(grep -c '^INDICHECK_CODE(' "$registry")" != ${#defined[@]} ]; then
  fail "$registry has INDICHECK_CODE lines this script cannot read (one code per line, as documented)"
fi

# The doc's headings, in order.
mapfile -t documented < <(sed -nE 's/^### ([EW][0-9]{4} .*)$/\1/p' "$doc")

declare -A in_doc in_registry
for h in "${documented[@]}"; do in_doc[$h]=1; done
for d in "${defined[@]}"; do
  in_registry[$d]=1
  [ -n "${in_doc[$d]:-}" ] || fail "$doc has no heading '### $d'"
done
for h in "${documented[@]}"; do
  [ -n "${in_registry[$h]:-}" ] || fail "$doc has '### $h', which $registry does not define so"
done
dups=$(printf '%s\n' "${documented[@]}" | cut -d' ' -f1 | sort | uniq -d)
[ -z "$dups" ] || fail "$doc lists these codes twice: $dups"

# Each section's example: its first ```sh block and the first line of the
# ```text block after it ("sh"), or the test case that raises it ("lib").
examples=$(awk '
  /^### [EW][0-9][0-9][0-9][0-9] / { id = $2; state = "want-sh"; next }
  state == "want-sh" && /^Raised only through the library:$/ { state = "lib"; next }
  state == "lib" { printf "%s\tlib\t%s\n", id, $0; state = "" }
  state == "want-sh" && /^```sh$/ { state = "sh"; next }
  state == "sh" { cmd = $0; state = "want-text"; next }
  state == "want-text" && /^```text$/ { state = "text"; next }
  state == "text" { printf "%s\tsh\t%s\t%s\n", id, cmd, $0; state = "" }
' "$doc")

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
count=0
while IFS=$'\t' read -r id kind cmd expected; do
  count=$((count + 1))
  if [ "$kind" = lib ]; then
    re='^(tests/[a-z]+/[a-z_]+_test\.cpp), "(.+)"\.$'
    if ! [[ $cmd =~ $re ]]; then
      fail "$id: '$cmd' is not 'tests/<stage>/<file>_test.cpp, \"<test case>\".'"
    elif ! grep -qF "TEST_CASE(\"${BASH_REMATCH[2]}\"" "${BASH_REMATCH[1]}"; then
      fail "$id: ${BASH_REMATCH[1]} has no test case \"${BASH_REMATCH[2]}\""
    elif ! grep -qF "\"$id\"" "${BASH_REMATCH[1]}"; then
      fail "$id: ${BASH_REMATCH[1]} does not check the code \"$id\""
    fi
    continue
  fi
  [[ $expected == *"[$id]: "* || $expected == *"\"code\": \"$id\""* ]] ||
    { fail "$id: the example line does not carry $id: $expected"; continue; }
  run=${cmd//build\/indicheck/$indicheck}
  NO_COLOR=1 bash -c "$run" >"$work/out" 2>&1 </dev/null
  if ! grep -qxF -- "$expected" "$work/out"; then
    fail "$id: \`$cmd\` does not print the documented line"
    echo "    expected: $expected"
    grep -F "[$id]" "$work/out" | head -3 | sed 's/^/    got:      /'
  fi
done <<<"$examples"
for d in "${defined[@]}"; do
  id=${d%% *}
  grep -q "^$id"$'\t' <<<"$examples" || fail "$id has no example (a \`\`\`sh block, then a \`\`\`text block)"
done

echo "$count examples, ${#defined[@]} codes, $failures failures"
[ $failures -eq 0 ]
