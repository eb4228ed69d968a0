#!/usr/bin/env bash
# Refreshes the Chinese message catalogs from the sources. Each stage's
# messages (every tr/trc/trn/N_ in engine/STAGE, grammar/ for `grammar`,
# tools/indicheck for `cli`) go to engine/base/catalog/zh_CN/STAGE.po:
# msgmerge keeps every translation already made, brings a new message in
# untranslated (msgstr ""), and drops a message the sources no longer say.
# Then fill in the empty msgstr lines; ctest i18n.catalog checks the result.
#
#   tools/catalog.sh [STAGE...]      (default: every stage)
#   tools/catalog.sh --pot STAGE     (print the stage's messages, for checks)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
catalog=$root/engine/base/catalog/zh_CN
stages=(base cell table import rules assess review report batch ruletest grammar cli)

sources_of() {
  case $1 in
    grammar) echo "$root/grammar" ;;
    cli) echo "$root/tools/indicheck" ;;
    *) echo "$root/engine/$1" ;;
  esac
}

# The stage's messages as a .pot on stdout, sorted, without source lines (a
# line moving is not a change to the catalog).
pot() {
  local dir out
  dir=$(sources_of "$1")
  out=$(mktemp)
  # xgettext warns about every msgid with a Chinese word in it (that is what
  # the catalog is for) and about nothing else we want to hide.
  find "$dir" -maxdepth 1 \( -name '*.cpp' -o -name '*.hpp' -o -name '*.inc' \) | LC_ALL=C sort |
    xgettext --language=C++ --from-code=UTF-8 --files-from=- --output="$out" \
      --keyword=tr:1 --keyword=trc:1c,2 --keyword=trn:1,2 --keyword=N_:1 \
      --sort-output --no-location --no-wrap --force-po --package-name=indicheck 2>"$out.err" ||
    { cat "$out.err" >&2; rm -f "$out" "$out.err"; return 1; }
  grep -q -e 'error' "$out.err" && cat "$out.err" >&2
  sed 's/charset=CHARSET/charset=UTF-8/' "$out"
  rm -f "$out" "$out.err"
}

if [ "${1:-}" = "--pot" ]; then
  pot "$2"
  exit 0
fi

[ $# -gt 0 ] && stages=("$@")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for stage in "${stages[@]}"; do
  po=$catalog/$stage.po
  pot "$stage" >"$tmp/$stage.pot"
  if [ ! -f "$po" ] && [ "$(grep -c '^msgid ' "$tmp/$stage.pot")" -le 1 ]; then
    echo "catalog: $stage: no messages"
    continue
  fi
  if [ ! -f "$po" ]; then
    {
      printf '# indicheck messages of the %s stage, in Simplified Chinese.\n' "$stage"
      printf 'msgid ""\nmsgstr ""\n'
      printf '"Project-Id-Version: indicheck\\n"\n"PO-Revision-Date: 2026-12-02\\n"\n'
      printf '"Last-Translator: indicheck\\n"\n"Language-Team: indicheck\\n"\n"Language: zh_CN\\n"\n'
      printf '"MIME-Version: 1.0\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
      printf '"Content-Transfer-Encoding: 8bit\\n"\n"Plural-Forms: nplurals=1; plural=0;\\n"\n'
    } >"$po"
  fi
  msgmerge --quiet --no-fuzzy-matching --sort-output --no-location --no-wrap \
    --output-file="$tmp/$stage.po" "$po" "$tmp/$stage.pot"
  # The date a .pot was made is not part of a translation: left out, no churn.
  msgattrib --no-obsolete --no-wrap --sort-output "$tmp/$stage.po" |
    grep -v -e '^"POT-Creation-Date:' -e '^"Report-Msgid-Bugs-To:' >"$po"
  left=$(msgattrib --untranslated "$po" | grep -c '^msgid ' || true)
  [ "$left" -gt 0 ] && left=$((left - 1))  # the header
  echo "catalog: $stage: $left untranslated"
done
