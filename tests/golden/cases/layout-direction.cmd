import
tests/golden/data/import/layouts/direction.csv
-o
@TMP@/targets.tsv
--actuals-out
@TMP@/actuals.tsv
--text-out
@TMP@/text.md
