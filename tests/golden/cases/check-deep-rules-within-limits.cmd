check
--rules
@TMP@/deep.rules
--actuals
@TMP@/selfeval.tsv
