import
tests/import/data/percent-formula.xls
-o
@TMP@/targets.tsv
--actuals-out
@TMP@/actuals.tsv
