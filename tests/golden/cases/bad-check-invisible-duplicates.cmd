check
--targets
tests/golden/data/bad/targets-invisible-duplicates.tsv
--actuals
tests/golden/data/bad/actuals-one.tsv
