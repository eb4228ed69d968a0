check
--targets
@TMP@/wide-row.tsv
--actuals
@TMP@/a.tsv
