#!/usr/bin/env bash
# ctest i18n.catalog: the Chinese catalogs (engine/base/catalog/zh_CN/*.po)
# say every message the sources say, and nothing else:
#   - every message of a stage's sources has a translation in the stage's .po
#     (English is the source text, so both languages then have every message);
#   - the .po has no message the sources no longer say, and none left fuzzy;
#   - msgfmt --check accepts it;
#   - a translation names the same placeholders as its message: `{}` in
#     order or `{0}`…`{n-1}` in any order, each used (fmt fills them at run
#     time; a wrong count would fall back to English at best).
# On a failure, tools/catalog.sh STAGE refreshes the .po; then translate.
set -uo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
catalog=$root/engine/base/catalog/zh_CN
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failed=0
stages=(base cell table import rules assess review report batch ruletest grammar cli)

for stage in "${stages[@]}"; do
  po=$catalog/$stage.po
  "$root/tools/catalog.sh" --pot "$stage" >"$tmp/$stage.pot" || { failed=1; continue; }
  count=$(grep -c '^msgid ' "$tmp/$stage.pot")
  if [ ! -f "$po" ]; then
    if [ "$count" -gt 1 ]; then
      echo "FAIL $stage: the sources say $((count - 1)) messages and there is no $po"
      failed=1
    fi
    continue
  fi
  if ! msgcmp "$po" "$tmp/$stage.pot" 2>"$tmp/err"; then
    echo "FAIL $stage: messages with no translation (run tools/catalog.sh $stage, then translate):"
    sed 's/^/  /' "$tmp/err" | head -40
    failed=1
  fi
  if ! msgcmp --use-untranslated "$tmp/$stage.pot" "$po" 2>"$tmp/err"; then
    echo "FAIL $stage: translations of messages the sources no longer say (run tools/catalog.sh $stage):"
    sed 's/^/  /' "$tmp/err" | head -40
    failed=1
  fi
  if [ -n "$(msgattrib --only-fuzzy --no-obsolete "$po")" ]; then
    echo "FAIL $stage: fuzzy translations left in $po"
    failed=1
  fi
  if ! msgfmt --check -o /dev/null "$po" 2>"$tmp/err"; then
    echo "FAIL $stage: msgfmt --check:"
    sed 's/^/  /' "$tmp/err"
    failed=1
  fi
  # Placeholders: msgexec runs the script once per message, the translation
  # on stdin and the message in MSGEXEC_MSGID.
  if ! msgexec -i "$po" bash "$root/tests/i18n/placeholders.sh" >"$tmp/err" 2>&1; then
    echo "FAIL $stage: placeholders differ:"
    sed 's/^/  /' "$tmp/err"
    failed=1
  fi
  echo "ok $stage: $((count - 1)) messages"
done
exit $failed
