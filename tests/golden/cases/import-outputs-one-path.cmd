import
@TMP@/selfeval.csv
-o
@TMP@/out.tsv
--budget
@TMP@/out.tsv
--actuals-out
@TMP@/out.tsv
