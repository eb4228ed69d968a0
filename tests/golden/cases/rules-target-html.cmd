check
--rules
@TMP@/html/r.rules
--actuals
@TMP@/actuals.tsv
