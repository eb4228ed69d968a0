check
--targets
@TMP@/targets-2000-same-name.tsv
--actuals
tests/golden/data/bad/actuals-ok.tsv
--output
@TMP@/report.txt
