#!/usr/bin/env bash
# The layering check: every file of engine/<stage>/ may include headers of its
# own stage and of the stages its library links, directly or through another
# (engine/CMakeLists.txt writes the graph to build/layers.txt); grammar/ may
# include grammar/ and what it links (base, for diagnostic codes). An include
# of any other stage is an upward (or sideways) dependency that the libraries
# would hide: it is listed, and the check fails.
#   tools/check_layers.sh LAYERS_FILE [ROOT]
# Prints one line per bad include, "file:line: ..."; exit 0 when there is
# none, 1 when there is one, 2 when the arguments are wrong.
set -euo pipefail
layers=${1:?usage: check_layers.sh LAYERS_FILE [ROOT]}
root=${2:-.}
[ -f "$layers" ] || { echo "check_layers: no such file: $layers" >&2; exit 2; }

declare -A direct
while IFS= read -r line; do
  [[ $line =~ ^[[:space:]]*# || -z $line ]] && continue
  stage=${line%%:*}
  direct[$stage]=${line#*:}
done < "$layers"

# The stages `stage` may use: itself and every stage it links, transitively.
reach() {
  local -A seen=()
  local todo=("$1") s d
  while [ ${#todo[@]} -gt 0 ]; do
    s=${todo[0]}; todo=("${todo[@]:1}")
    [ -n "${seen[$s]:-}" ] && continue
    seen[$s]=1
    for d in ${direct[$s]:-}; do todo+=("$d"); done
  done
  printf "%s\n" "${!seen[@]}" | LC_ALL=C sort | paste -sd " " -
}

declare -A allowed
for s in "${!direct[@]}"; do allowed[$s]=" $(reach "$s") "; done

bad=0
cd "$root"
while IFS= read -r file; do
  case $file in
    engine/*/*) stage=${file#engine/}; stage=${stage%%/*} ;;
    grammar/*) stage=grammar ;;
    *) continue ;;
  esac
  if [ -z "${allowed[$stage]:-}" ]; then
    echo "$file:1: engine/$stage/ is not a stage of engine/CMakeLists.txt"
    bad=1
    continue
  fi
  while IFS=: read -r lineno used; do
    case $used in
      engine/*/*) to=${used#engine/}; to=${to%%/*} ;;
      grammar/*) to=grammar ;;
      *) continue ;;
    esac
    if [[ ${allowed[$stage]} != *" $to "* ]]; then
      echo "$file:$lineno: includes $used, but $stage may use only: $(echo ${allowed[$stage]})"
      bad=1
    fi
  done < <(grep -n -oE '^[[:space:]]*#[[:space:]]*include[[:space:]]*"[^"]+"' "$file" |
           sed -E 's/^([0-9]+):.*"([^"]+)"$/\1:\2/')
done < <(find engine grammar -type f \( -name '*.hpp' -o -name '*.cpp' -o -name '*.h' \) | LC_ALL=C sort)
exit $bad
