check
--targets
@TMP@/targets-2mb-row.tsv
--actuals
tests/golden/data/bad/actuals-ok.tsv
