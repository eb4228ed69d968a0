#!/usr/bin/env bash
# ctest i18n.no-english (issue 19, "done when"): the seed report in Chinese
# has no English word left. Runs the seed report (fixtures/suzhou-zrzy-2024,
# targets + actuals-year, and the rules/suzhou-zrzy-2024.rules run) with
# --lang zh in text, HTML, Markdown, CSV and xlsx (the workbook's
# xl/sharedStrings.xml and sheets, XML tags stripped), and once with the
# language from the locale (LANG=zh_CN.UTF-8, INDICHECK_LANG empty); then
# lists every run of 2+ ASCII letters, with its line, that the allow-list
# below does not cover, and fails if there is one.
#   no_english.sh /path/to/indicheck     (run from the repository root)
set -uo pipefail
bin=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

seed=(--targets fixtures/suzhou-zrzy-2024/targets.tsv
  --actuals fixtures/suzhou-zrzy-2024/actuals-year.tsv --period year)
rules=(--rules rules/suzhou-zrzy-2024.rules
  --actuals fixtures/suzhou-zrzy-2024/actuals-year.tsv fixtures/suzhou-zrzy-2024/figures-year.tsv)

# One run: its name, then the arguments after `indicheck`; stdout and stderr
# both land in $tmp/NAME.out (a report's warnings are read too).
run() {
  local name=$1
  shift
  "$@" >"$tmp/$name.out" 2>&1
  local rc=$?
  # 0 (all met) or 1 (misses): a report was written; more is a broken run.
  if [ "$rc" -gt 1 ]; then
    echo "FAIL $name: exit $rc"
    sed 's/^/  /' "$tmp/$name.out" | head -20
    failed=1
  fi
}

# The text of a workbook a person reads: its shared strings and inline
# strings, one cell a line, XML tags and the entities' names gone.
xlsx_text() {
  unzip -p "$1" xl/sharedStrings.xml 'xl/worksheets/sheet*.xml' 2>/dev/null |
    sed -e 's/<\/si>/\n/g; s/<\/c>/\n/g' |
    grep -o '<t[^>]*>[^<]*</t>' | sed -e 's/<[^>]*>//g' |
    sed -e 's/&amp;/\&/g; s/&lt;/</g; s/&gt;/>/g; s/&quot;/"/g; s/&apos;/'"'"'/g'
}

failed=0
export NO_COLOR=1
for format in text html md csv; do
  run "seed-$format" "$bin" --lang zh check "${seed[@]}" --format "$format"
  run "rules-$format" "$bin" --lang zh check "${rules[@]}" --format "$format"
done
for what in seed rules; do
  if [ "$what" = seed ]; then args=("${seed[@]}"); else args=("${rules[@]}"); fi
  run "$what-xlsx-run" "$bin" --lang zh check "${args[@]}" --format xlsx --output "$tmp/$what.xlsx"
  if [ -f "$tmp/$what.xlsx" ]; then
    xlsx_text "$tmp/$what.xlsx" >"$tmp/$what-xlsx.out"
  else
    echo "FAIL $what-xlsx: no workbook written"
    failed=1
  fi
done
run locale-text env LANG=zh_CN.UTF-8 LC_ALL= LC_MESSAGES= INDICHECK_LANG= "$bin" check "${seed[@]}"

# Markdown escapes <, > and & as HTML entities (a table cell may hold "< 60").
for f in "$tmp"/*-md.out; do
  sed -E 's/&(amp|lt|gt|quot|#124);/ /g' "$f" >"$f.stripped" && mv "$f.stripped" "$f"
done

# HTML: the page's markup is not read: the <style> and <script> blocks, the
# tags with their attributes, the doctype and the entities go before the check.
for f in "$tmp"/*-html.out; do
  perl -0pe 's/<style>.*?<\/style>//gs; s/<script>.*?<\/script>//gs; s/<!DOCTYPE[^>]*>//g;
             s/<[^>]*>/ /g; s/&(amp|lt|gt|quot|apos|nbsp);/ /g' "$f" >"$f.stripped" && mv "$f.stripped" "$f"
done

# What may stay English: the program's name, units a table may use, and the
# names of formats and encodings. File names, paths, --options and codes are
# taken out below. Nothing else: a word such as "check", "year" or "targets"
# left in a sentence is a message that escaped the catalog.
allowed='^(indicheck|km|kg|km2|m2|m3|cm|mm|kW|kWh|MW|ha|GB|TB|MB|KB|CSV|JSON|HTML|XML|Excel|WPS|UTF)$'
report=$tmp/left.txt
: >"$report"
for f in "$tmp"/*.out; do
  name=$(basename "$f" .out)
  # File names and paths (a word with a / or a . inside, or a file's
  # extension) and diagnostic codes are taken out first, whole.
  sed -E 's#[A-Za-z0-9_.@+-]*/[A-Za-z0-9_./@+-]*##g; s/\b[A-Za-z0-9_-]+\.(tsv|rules|xlsx|csv|json|html|md|test|txt)\b//g;
          s/\b[EW][0-9]{4}\b//g; s/--[a-z][a-z-]*//g' "$f" |
    grep -noE '[A-Za-z]{2,}' | while IFS=: read -r line word; do
      [[ $word =~ $allowed ]] && continue
      printf '%s:%s: %s\n' "$name" "$line" "$word"
    done >>"$report"
done
if [ -s "$report" ]; then
  echo "FAIL: English words left in the Chinese seed report ($(wc -l <"$report") occurrences):"
  # Each word once, with how often and the first place seen, then each place.
  awk -F': ' '{n[$2]++; if (!($2 in at)) at[$2]=$1} END {for (w in n) printf "  %-24s %4d  first at %s\n", w, n[w], at[w]}' "$report" | sort -k2,2nr -k1,1
  echo "every occurrence (run:line: word):"
  sed 's/^/  /' "$report" | head -400
  failed=1
fi
[ "$failed" = 0 ] && echo "ok: no English left in the Chinese seed report"
exit $failed
