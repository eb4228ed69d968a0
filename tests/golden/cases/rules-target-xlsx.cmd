check
--rules
@TMP@/xlsx/r.rules
--actuals
@TMP@/actuals.tsv
