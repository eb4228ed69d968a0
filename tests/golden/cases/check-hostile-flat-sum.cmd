check
--rules
@TMP@/flat.rules
--actuals
@TMP@/selfeval.tsv
