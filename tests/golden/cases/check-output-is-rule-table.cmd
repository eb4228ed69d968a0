check
--rules
@TMP@/r.rules
--actuals
@TMP@/actuals.tsv
--output
@TMP@/targets.tsv
