#!/usr/bin/env bash
# One message of a catalog (msgexec: the translation on stdin, the English in
# MSGEXEC_MSGID, MSGEXEC_MSGID_PLURAL for a plural): fails when the
# translation's fmt placeholders are not the message's.
set -uo pipefail
translation=$(cat)
[ -z "$MSGEXEC_MSGID" ] && exit 0  # the header
# The placeholders of a text, one per line: "{}" or "{N}" ({{ and }} are
# literal braces, not placeholders).
holders() { printf '%s' "$1" | sed 's/{{//g; s/}}//g' | grep -o '{[0-9]*}' ; }
english=$(holders "$MSGEXEC_MSGID" | wc -l)
mapfile -t said < <(holders "$translation")
if [ "${#said[@]}" -eq 0 ] && [ "$english" -eq 0 ]; then exit 0; fi
bad() {
  printf '%s\n  message:     %s\n  translation: %s\n' "$1" "$MSGEXEC_MSGID" "$translation"
  exit 1
}
numbered=$(printf '%s\n' "${said[@]}" | grep -c '{[0-9]' || true)
if [ "$numbered" -eq 0 ]; then
  [ "${#said[@]}" -eq "$english" ] || bad "$english placeholders in the message, ${#said[@]} in the translation"
else
  [ "$numbered" -eq "${#said[@]}" ] || bad "the translation mixes {} and {N}"
  for ((k = 0; k < english; ++k)); do
    # A loop, not `printf | grep -q`: grep -q may exit before printf has
    # written, and under pipefail printf's SIGPIPE then fails the check.
    used=0
    for s in "${said[@]}"; do [ "$s" = "{$k}" ] && used=1; done
    [ "$used" -eq 1 ] || bad "the translation does not use {$k}"
  done
  for s in "${said[@]}"; do
    n=${s//[\{\}]/}
    [ "$n" -lt "$english" ] || bad "the translation uses $s; the message has $english"
  done
fi
exit 0
