import
tests/golden/data/bad/fuzz/import-timeout-c893d235.csv
-o
@TMP@/targets.tsv
--budget
@TMP@/budget.rules
--actuals-out
@TMP@/actuals.tsv
