import
tests/golden/data/import/selfeval.csv
-o
@TMP@/selfeval.tsv
--actuals-out
@TMP@/selfeval.actuals.tsv
