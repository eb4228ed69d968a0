# The golden cases layout-targets-only-*: a published table of targets alone
# (no 实际完成值 column), imported by CASE.cmd to @TMP@/targets.tsv, then checked
# against actuals made up beside it; and `check` given the table itself with
# the same actuals, which must print the same report but for the targets file's
# name (given directly, "TABLE (imported)"). The diagnostics are the same but
# for where a cell of the table stands: given directly, at its place in the
# published table (docs/import.md); the diff below shows each such line.
#   bash after-targets.sh TABLE ACTUALS   (files of this directory; GOLDEN_TMP
#   and INDICHECK set by run_case.sh)
set -u
dir=tests/golden/data/import/layouts
src=$dir/$1
actuals=$dir/$2
t=$GOLDEN_TMP
echo "## targets"
cat "$t/targets.tsv"
echo "## check --targets targets.tsv --actuals $2"
"$INDICHECK" check --targets "$t/targets.tsv" --actuals "$actuals" >"$t/report.txt" 2>"$t/report.err"
echo "check exit $?"
cat "$t/report.txt"
echo "## stderr"
cat "$t/report.err"
echo "## check --targets $1 --actuals $2"
"$INDICHECK" check --targets "$src" --actuals "$actuals" >"$t/direct.txt" 2>"$t/direct.err"
echo "check exit $?"
# The targets file's name aside, the same report; the diagnostics compared too.
same_names() {
  sed -e "s|$src (imported)|TARGETS|g; s|$t/targets.tsv|TARGETS|g"
}
if diff <(same_names <"$t/report.txt") <(same_names <"$t/direct.txt"); then
  echo "the same report"
fi
if diff <(same_names <"$t/report.err") <(same_names <"$t/direct.err"); then
  echo "the same diagnostics"
fi
grep '^targets: \|^actuals: ' "$t/direct.txt"
