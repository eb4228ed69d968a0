import
@TMP@/selfeval.csv
-o
@TMP@/selfeval.tsv
--actuals-out
@TMP@/selfeval.budget.rules
