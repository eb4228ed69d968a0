check
--targets
tests/golden/data
--actuals
tests/golden/data/actuals-mismatch.tsv
