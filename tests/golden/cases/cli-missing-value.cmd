check
--actuals
tests/golden/data/batch-rows.tsv
--period
