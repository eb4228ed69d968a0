check
--rules
@TMP@/rules/r.rules
--actuals
@TMP@/data/a.tsv
