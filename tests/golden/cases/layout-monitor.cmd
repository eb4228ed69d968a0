import
tests/golden/data/import/layouts/monitor.csv
-o
@TMP@/targets.tsv
--actuals-out
@TMP@/actuals.tsv
--text-out
@TMP@/text.md
