check
--targets
tests/import/data/selfeval.xls
--actuals
tests/import/data/selfeval.xls
--format
json
