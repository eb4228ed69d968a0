import
@TMP@/selfeval.csv
-o
@TMP@/selfeval.csv
