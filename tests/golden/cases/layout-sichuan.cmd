import
tests/golden/data/import/layouts/sichuan.csv
-o
@TMP@/targets.tsv
--actuals-out
@TMP@/actuals.tsv
--text-out
@TMP@/text.md
