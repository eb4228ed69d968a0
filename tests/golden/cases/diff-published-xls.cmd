diff
rules/standard.rules
@TMP@/standard.rules
--targets
tests/import/data/selfeval.xls
--actuals
tests/import/data/selfeval.xls
