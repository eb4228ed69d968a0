import
tests/golden/data/import/layouts/national-10.csv
-o
@TMP@/targets.tsv
--actuals-out
@TMP@/actuals.tsv
--text-out
@TMP@/text.md
