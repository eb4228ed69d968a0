check
--allow-outside
--rules
@TMP@/rules/r.rules
--actuals
@TMP@/rules/a.tsv
