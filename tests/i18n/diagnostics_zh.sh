#!/usr/bin/env bash
# ctest i18n.diagnostics-zh: every diagnostic documented in docs/diagnostics.md
# with a command (its ```sh example) is run again in Chinese (INDICHECK_LANG=zh),
# and the message of the line carrying its code must hold no English word:
# no message escapes the catalog. What may stay is input syntax and names
# (listed below: format and encoding names, sizes; and, for the one message
# that names them, a command, a .test keyword, a batch column, an option
# value), anything in `backquotes`, file names, paths and --options; and, for
# the codes in `foreign`, the text a
# library or the system wrote (libxml2, strerror, std::regex), or a language
# indicheck was not told it speaks (E9005).
#   diagnostics_zh.sh INDICHECK   (from the repository root)
set -uo pipefail
indicheck=${1:?usage: diagnostics_zh.sh INDICHECK}
case $indicheck in /*) ;; *) indicheck=$PWD/$indicheck ;; esac
doc=docs/diagnostics.md
allowed='^(UTF|NUL|MiB|KiB|GiB|CSV|TSV|csv|tsv|txt|xlsx|xls|docx|htm|html|pdf|PDF|PNG|zip|HTML|XML|DOCTYPE|Office|Excel|GBK|CRLF|CR|LF|FIFO|indicheck|iconv)$'
# Words that are input syntax in one message only: a command's name, a .test
# keyword, a batch column, an option's value. Allowed for that code alone, so
# that "test" or "check" left in any other sentence is still caught.
declare -A only_in=(
  [E4002]='half' [E5110]='table' [E5112]='import' [E6108]='pass fail partial manual missing error'
  [E6210]='rules' [E7003]='batch' [E7004]='batch' [E7005]='batch' [E7007]='unit'
  [E7008]='actual' [E8103]='FILE' [E9002]='check diff test'
)
foreign=' E5105 E6301 E8004 E9004 E9005 '

examples=$(awk '
  /^### [EW][0-9][0-9][0-9][0-9] / { id = $2; state = "want-sh"; next }
  state == "want-sh" && /^Raised only through the library:$/ { state = ""; next }
  state == "want-sh" && /^```sh$/ { state = "sh"; next }
  state == "sh" { printf "%s\t%s\n", id, $0; state = "" }
' "$doc")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
count=0 failures=0
while IFS=$'\t' read -r id cmd; do
  count=$((count + 1))
  [[ $foreign == *" $id "* ]] && continue
  run=${cmd//build\/indicheck/$indicheck}
  INDICHECK_LANG=zh NO_COLOR=1 bash -c "$run" >"$work/out" 2>&1 </dev/null
  line=$(grep -F -m1 "[$id]: " "$work/out")
  if [ -z "$line" ]; then
    # A figure's problem is JSON ("code": "E4201"); its message is checked by
    # the JSON golden cases.
    grep -qF "\"code\": \"$id\"" "$work/out" && continue
    echo "FAIL $id: \`$cmd\` printed no line with [$id] in Chinese"
    failures=$((failures + 1))
    continue
  fi
  msg=${line#*]: }
  left=()
  for w in $(printf '%s' "$msg" |
    sed -E 's/`[^`]*`//g; s#[A-Za-z0-9_.@+-]*/[A-Za-z0-9_./@+-]*##g; s/--[a-z-]+//g;
            s/\b[A-Za-z0-9_-]+\.(tsv|rules|xlsx|xls|csv|json|html|md|test|txt|docx|pdf)\b//g' |
    grep -oE '[A-Za-z0-9_-]+'); do
    # Only words of letters: GB18030, 0xC0, SZ001, dept_id are names and codes.
    [[ $w =~ ^[A-Za-z]{2,}$ ]] || continue
    [[ $w =~ $allowed ]] && continue
    [[ " ${only_in[$id]:-} " == *" $w "* ]] && continue
    left+=("$w")
  done
  if [ ${#left[@]} -gt 0 ]; then
    echo "FAIL $id: English left (${left[*]}): $msg"
    failures=$((failures + 1))
  fi
done <<<"$examples"
echo "$count examples run in Chinese, $failures with English left"
[ $failures -eq 0 ]
