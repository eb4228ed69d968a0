check
--targets
@TMP@/100mb-line.tsv
--actuals
tests/golden/data/bad/actuals-ok.tsv
