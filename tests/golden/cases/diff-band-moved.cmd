diff
rules/standard.rules
@TMP@/standard.rules
--targets
rules/testdata/scales-targets.tsv
--actuals
tests/golden/data/rule-tests/scales-met.tsv
