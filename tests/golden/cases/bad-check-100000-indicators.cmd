check
--targets
@TMP@/targets-100000.tsv
--actuals
@TMP@/actuals-100000.tsv
--output
@TMP@/report.txt
