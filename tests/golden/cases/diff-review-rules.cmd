diff
rules/review/bureau.rules
@TMP@/bureau.rules
--targets
rules/review/testdata/satisfaction.tsv
--actuals
tests/golden/data/review/satisfaction-actuals.tsv
