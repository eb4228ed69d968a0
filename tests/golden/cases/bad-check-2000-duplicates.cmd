check
--targets
@TMP@/targets-2000-duplicates.tsv
--actuals
tests/golden/data/bad/actuals-one.tsv
--output
@TMP@/report.txt
