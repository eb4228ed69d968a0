check
--targets
tests/golden/data/bad/targets-invisible-names.tsv
--actuals
tests/golden/data/bad/actuals-invisible-names.tsv
