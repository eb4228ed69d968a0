# The golden cases layout-*: what `import` wrote from one published layout
# (targets with the table's head as # lines, budget, actuals, text), the
# report `check` makes of it, and `check` given the published table itself,
# which must print the same report but for the files it names.
#   bash after.sh NAME   (GOLDEN_TMP and INDICHECK set by run_case.sh)
set -u
name=$1
src=tests/golden/data/import/layouts/$name.csv
t=$GOLDEN_TMP
echo "## targets"
cat "$t/targets.tsv"
if [ -f "$t/targets.budget.rules" ]; then echo "## budget"; cat "$t/targets.budget.rules"; fi
if [ -f "$t/actuals.tsv" ]; then echo "## actuals"; cat "$t/actuals.tsv"; fi
if [ -f "$t/text.md" ]; then echo "## text"; cat "$t/text.md"; fi
[ -f "$t/actuals.tsv" ] || exit 0
echo "## check after import"
"$INDICHECK" check --targets "$t/targets.tsv" --actuals "$t/actuals.tsv" >"$t/report.txt"
echo "check exit $?"
cat "$t/report.txt"
echo "## check --targets $name.csv --actuals $name.csv"
"$INDICHECK" check --targets "$src" --actuals "$src" >"$t/direct.txt" 2>"$t/direct.err"
echo "check exit $?"
# The reports name their files: those names aside, they must be the same. A
# place is a line of the TSV after import, of the published table given itself.
same_names() {
  sed -e "s|($src:[^)]*)|(TABLE)|g; s|$t/targets.tsv|TABLE|g; s|$t/actuals.tsv|TABLE|g" \
    -e "s|$src (imported)|TABLE|g; s|(TABLE:[0-9]*)|(TABLE)|g"
}
if diff <(same_names <"$t/report.txt") <(same_names <"$t/direct.txt"); then
  echo "the same report"
fi
grep '^targets: \|^actuals: ' "$t/direct.txt"
