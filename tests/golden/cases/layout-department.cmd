import
tests/golden/data/import/layouts/department.csv
-o
@TMP@/targets.tsv
--actuals-out
@TMP@/actuals.tsv
--text-out
@TMP@/text.md
