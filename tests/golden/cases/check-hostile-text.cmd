check
--targets
@TMP@/targets.tsv
--actuals
@TMP@/actuals.tsv
