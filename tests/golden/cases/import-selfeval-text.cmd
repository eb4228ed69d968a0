import
tests/golden/data/import/selfeval.txt
-o
@TMP@/selfeval.tsv
--actuals-out
@TMP@/selfeval.actuals.tsv
