check
--targets
@TMP@/table.png
--actuals
tests/golden/data/bad/actuals-ok.tsv
